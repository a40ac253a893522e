define([], function () {
  return {
    OkandStatus: 'Okänd status: {0}'
  };
});
