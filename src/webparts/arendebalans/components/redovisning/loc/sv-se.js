define([], function () {
  return {
    Rubrik: 'Redovisning av ej verkställda beslut'
  };
});
