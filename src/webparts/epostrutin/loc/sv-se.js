define([], function () {
  return {
    Rubrik: 'E-postrutin',
    Beskrivning: 'Varje mejl i din kommunala brevlåda ska antingen skickas till registrator för diarieföring eller gallras. Inkorgen, skickat och borttaget ska hållas så tomma som möjligt.',
    Inkorg: 'Inkorgen',
    Skickat: 'Skickat',
    Borttaget: 'Borttaget',
    EjAnslutenRubrik: 'Brevlådan är inte ansluten ännu',
    EjAnslutenText: 'Hanteringen av mejl via Microsoft Graph kommer i nästa version. Fram till dess: vidarebefordra allmänna handlingar till registrator och radera övrigt i Outlook.',
    RegistratorSaknas: 'Ingen registratorsadress är inställd. Be webbplatsens ägare ange den i webbdelens inställningar.',
    RegistratorAdress: 'Allmänna handlingar skickas till registrator: {0}',
    EgenskapsBeskrivning: 'Inställningar för e-postrutinen',
    GruppRegistrator: 'Diarieföring',
    FaltRegistratorAdress: 'Registratorns e-postadress',
    FelEpostadress: 'Ange en e-postadress, till exempel registrator@kommun.se.'
  };
});
