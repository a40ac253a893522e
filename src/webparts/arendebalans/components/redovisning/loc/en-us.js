define([], function () {
  return {
    Rubrik: 'Report of decisions not yet implemented'
  };
});
