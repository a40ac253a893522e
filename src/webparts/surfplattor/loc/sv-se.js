define([], function () {
  return {
    Rubrik: 'Surfplattor',
    Beskrivning: 'Surfplattor som lånas ut till ledamöter och ersättare: utlåning med kvittens av riktlinjen, skador, stölder och förluster, och återlämning när uppdraget slutar.',
    TomRubrik: 'Inga surfplattor registrerade',
    TomText: 'Kommunservice registrerar surfplattorna med stöldmärkning och serienummer. När de finns i registret visas de här.',
    KolumnStoldmarkning: 'Stöldmärkning',
    KolumnSerienummer: 'Serienummer',
    KolumnModell: 'Modell',
    KolumnSim: 'SIM/abonnemang',
    KolumnStatus: 'Status',
    Sok: 'Sök på stöldmärkning, serienummer eller modell',
    FiltreraStatus: 'Status',
    AllaStatusar: 'Alla',
    Antal: '{0} av {1} surfplattor',
    EndastKommunservice: 'Registret över surfplattor är öppet för kommunservice. Din egen surfplatta och kvittens visas under Min surfplatta.',
    ListEtikett: 'Registrerade surfplattor',
    IngenTraff: 'Ingen surfplatta matchar sökningen'
  };
});
