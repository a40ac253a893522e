define([], function () {
  return {
    Rubrik: 'E-postrutin',
    Beskrivning: 'Varje mejl i din kommunala brevlåda ska antingen skickas till registrator för diarieföring eller gallras. Inkorgen, skickat och borttaget ska hållas så tomma som möjligt.',
    Inkorg: 'Inkorgen',
    Skickat: 'Skickat',
    Borttaget: 'Borttaget',
    RegistratorSaknas: 'Ingen registratorsadress är inställd. Be webbplatsens ägare ange den i webbdelens inställningar.',
    RegistratorAdress: 'Allmänna handlingar skickas till registrator: {0}',
    EgenskapsBeskrivning: 'Inställningar för e-postrutinen',
    GruppRegistrator: 'Diarieföring',
    FaltRegistratorAdress: 'Registratorns e-postadress',
    FelEpostadress: 'Ange en e-postadress, till exempel registrator@kommun.se.',
    MapparEtikett: 'Antal mejl per mapp',
    Olasta: '{0} olästa',
    Olast: 'oläst',
    SenasteRubrik: 'Senaste i inkorgen',
    SenasteEtikett: 'De senaste mejlen i inkorgen',
    KolumnFran: 'Från',
    KolumnAmne: 'Ämne',
    KolumnMottaget: 'Mottaget',
    UtanAmne: '(Inget ämne)',
    OkandAvsandare: 'Okänd avsändare',
    InkorgTomRubrik: 'Inkorgen är tom',
    InkorgTomText: 'Allt är diariefört eller gallrat.',
    FelBehorighet: 'Du saknar behörighet att läsa brevlådan. Be kommunens IT-support att godkänna Ärendeportalens åtkomst till e-post.'
  };
});
