declare interface IEpostrutinWebPartStrings {
  Rubrik: string;
  Beskrivning: string;
  Inkorg: string;
  Skickat: string;
  Borttaget: string;
  RegistratorSaknas: string;
  RegistratorAdress: string;
  EgenskapsBeskrivning: string;
  GruppRegistrator: string;
  FaltRegistratorAdress: string;
  FelEpostadress: string;
  MapparEtikett: string;
  Olasta: string;
  Olast: string;
  SenasteRubrik: string;
  SenasteEtikett: string;
  KolumnFran: string;
  KolumnAmne: string;
  KolumnMottaget: string;
  UtanAmne: string;
  OkandAvsandare: string;
  InkorgTomRubrik: string;
  InkorgTomText: string;
  FelBehorighet: string;
}

declare module 'EpostrutinWebPartStrings' {
  const strings: IEpostrutinWebPartStrings;
  export = strings;
}
