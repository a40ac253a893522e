define([], function () {
  return {
    Rubrik: 'Uppdrag'
  };
});
