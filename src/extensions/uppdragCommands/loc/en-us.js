define([], function () {
  return {
    BegarRubrik: 'Request status update',
    ExportRubrik: 'Export report',
    Stang: 'Close',
    Hamtar: 'Fetching the selected tasks…',
    Mottagare: 'To {0} ({1})',
    Skicka: 'Send {0} e-mails',
    Skickar: 'Sending…',
    Skickat: 'Sent to {0}.',
    InteSkickat: 'Could not send to {0}: {1}',
    ForsokIgen: 'Try again',
    UtanHandlaggare: 'Without a case officer (cannot be asked): {0}',
    Amne: 'Status update requested: {0} tasks in the task backlog',
    Halsning: 'Hello {0},',
    Inledning: 'Could you update the following tasks in the task backlog? The members follow them continuously.',
    Avslutning: 'Thank you in advance.',
    Saknas_planeratKlart: 'planned completion date missing',
    Saknas_orsak: 'the task is delayed but the reason is missing',
    Saknas_varIHanteringen: 'stage in the process missing',
    Saknas_inaktuell: 'not updated for a long time',
    IngetSaknas: 'a current status',
    RadText: '– {0} ({1} {2}): {3}'
  };
});
