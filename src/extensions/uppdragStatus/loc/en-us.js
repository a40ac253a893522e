define([], function () {
  return {
    OkandStatus: 'Unknown status: {0}'
  };
});
