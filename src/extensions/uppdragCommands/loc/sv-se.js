define([], function () {
  return {
    BegarRubrik: 'Begär statusuppdatering',
    ExportRubrik: 'Exportera redovisning',
    Stang: 'Stäng',
    Hamtar: 'Hämtar de markerade uppdragen…',
    Mottagare: 'Till {0} ({1})',
    Skicka: 'Skicka {0} mejl',
    Skickar: 'Skickar…',
    Skickat: 'Skickat till {0}.',
    InteSkickat: 'Kunde inte skicka till {0}: {1}',
    ForsokIgen: 'Försök igen',
    UtanHandlaggare: 'Utan handläggare (kan inte tillfrågas): {0}',
    Amne: 'Statusuppdatering önskas: {0} uppdrag i ärendebalanslistan',
    Halsning: 'Hej {0}!',
    Inledning: 'Kan du uppdatera följande uppdrag i ärendebalanslistan? Ledamöterna följer dem löpande.',
    Avslutning: 'Tack på förhand!',
    Saknas_planeratKlart: 'planerat klart-datum saknas',
    Saknas_orsak: 'uppdraget är försenat men orsaken saknas',
    Saknas_varIHanteringen: 'var i hanteringen saknas',
    Saknas_inaktuell: 'inte uppdaterat på länge',
    IngetSaknas: 'en aktuell status',
    RadText: '– {0} ({1} {2}): {3}'
  };
});
