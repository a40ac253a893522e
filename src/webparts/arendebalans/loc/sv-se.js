define([], function () {
  return {
    Rubrik: 'Ärendebalanslista',
    Beskrivning: 'Uppdrag som kommunfullmäktige och kommunstyrelsen har gett förvaltningarna: hur långt de kommit, var de ligger i hanteringen, varför de dröjer och när de planeras bli klara.',
    KolumnRubrik: 'Uppdrag',
    KolumnBeslut: 'Beslut',
    KolumnForvaltning: 'Ansvarig förvaltning',
    KolumnStatus: 'Status',
    KolumnPlaneratKlart: 'Planerat klart',
    ListaEtikett: 'Uppdrag i ärendebalanslistan',
    TomRubrik: 'Inga uppdrag att visa',
    TomText: 'Det finns inga uppdrag registrerade i listan Uppdrag ännu. När handläggarna lägger in uppdrag visas de här.',
    EgenskapsBeskrivning: 'Inställningar för ärendebalanslistan',
    GruppVisning: 'Visning',
    FaltDagarTillInaktuell: 'Markera uppdrag som inte uppdaterats på (dagar)',
    FelaktigaRader: '{0} rader i listan har en status som inte är ett av listans val och visas inte:'
  };
});
