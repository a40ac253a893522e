define([], function () {
  return {
    Rubrik: 'Tablets',
    Beskrivning: 'Tablets lent to members and deputies: check-out with an acknowledged guideline, damage, theft and loss, and return when the mandate ends.',
    TomRubrik: 'No tablets registered',
    TomText: 'Municipal services register each tablet with its theft-marking and serial number. They appear here once registered.',
    KolumnStoldmarkning: 'Theft-marking',
    KolumnSerienummer: 'Serial number',
    KolumnModell: 'Model',
    KolumnSim: 'SIM/subscription',
    KolumnStatus: 'Status',
    Sok: 'Search by theft-marking, serial number or model',
    FiltreraStatus: 'Status',
    AllaStatusar: 'All',
    Antal: '{0} of {1} tablets',
    EndastKommunservice: 'The tablet register is open to municipal services. Your own tablet and receipt are shown under My tablet.',
    ListEtikett: 'Registered tablets',
    IngenTraff: 'No tablet matches the search'
  };
});
