declare interface IEpostrutinWebPartStrings {
  Rubrik: string;
  Beskrivning: string;
  Inkorg: string;
  Skickat: string;
  Borttaget: string;
  EjAnslutenRubrik: string;
  EjAnslutenText: string;
  RegistratorSaknas: string;
  RegistratorAdress: string;
  EgenskapsBeskrivning: string;
  GruppRegistrator: string;
  FaltRegistratorAdress: string;
  FelEpostadress: string;
}

declare module 'EpostrutinWebPartStrings' {
  const strings: IEpostrutinWebPartStrings;
  export = strings;
}
