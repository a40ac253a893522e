define([], function () {
  return {
    Rubrik: 'Lägg till uppdrag'
  };
});
