define([], function () {
  return {
    Rubrik: 'Surfplattor',
    Beskrivning: 'Surfplattor som lånas ut till ledamöter och ersättare: utlåning med kvittens av riktlinjen, skador, stölder och förluster, och återlämning när uppdraget slutar.',
    TomRubrik: 'Inga surfplattor registrerade',
    TomText: 'Kommunservice registrerar surfplattorna med stöldmärkning och serienummer. När de finns i registret visas de här.'
  };
});
