define([], function () {
  return {
    BannerEtikett: 'Service status of Ärendeportalen'
  };
});
