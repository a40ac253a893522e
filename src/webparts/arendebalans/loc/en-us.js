define([], function () {
  return {
    Rubrik: 'Task backlog',
    Beskrivning: 'Tasks the council and the executive committee have given the administration: how far they have come, where they are in the process, why they are delayed and when they are planned to be done.',
    KolumnRubrik: 'Task',
    KolumnBeslut: 'Decision',
    KolumnForvaltning: 'Responsible department',
    KolumnStatus: 'Status',
    KolumnPlaneratKlart: 'Planned completion',
    ListaEtikett: 'Tasks in the backlog',
    TomRubrik: 'No tasks to show',
    TomText: 'No tasks have been registered in the Uppdrag list yet. They appear here when case officers add them.',
    EgenskapsBeskrivning: 'Settings for the task backlog',
    GruppVisning: 'Display',
    FaltDagarTillInaktuell: 'Mark tasks not updated for (days)',
    FelaktigaRader: '{0} rows in the list have a status that is not one of the list\'s choices and are not shown:'
  };
});
