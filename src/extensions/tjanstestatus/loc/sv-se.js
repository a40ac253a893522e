define([], function () {
  return {
    BannerEtikett: 'Tjänstestatus för Ärendeportalen'
  };
});
