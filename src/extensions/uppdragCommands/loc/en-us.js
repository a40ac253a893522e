define([], function () {
  return {
    BegarRubrik: 'Request status update',
    BegarText: 'The case officers of the {0} selected tasks are to get an e-mail saying what is missing. Sending through Microsoft Graph comes in the next version.',
    ExportRubrik: 'Export report',
    ExportText: 'The report of decisions not yet implemented to the council (Word and Excel) comes in the next version.',
    FlerRader: 'and {0} more',
    Stang: 'Close'
  };
});
