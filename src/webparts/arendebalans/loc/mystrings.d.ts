declare interface IArendebalansWebPartStrings {
  Rubrik: string;
  Beskrivning: string;
  KolumnRubrik: string;
  KolumnBeslut: string;
  KolumnForvaltning: string;
  KolumnStatus: string;
  KolumnPlaneratKlart: string;
  ListaEtikett: string;
  TomRubrik: string;
  TomText: string;
  EgenskapsBeskrivning: string;
  GruppVisning: string;
  FaltDagarTillInaktuell: string;
  FelaktigaRader: string;
}

declare module 'ArendebalansWebPartStrings' {
  const strings: IArendebalansWebPartStrings;
  export = strings;
}
