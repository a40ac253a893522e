define([], function () {
  return {
    Rubrik: 'Tasks'
  };
});
