define([], function () {
  return {
    Rubrik: 'Add tasks'
  };
});
