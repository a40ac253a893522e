declare interface ISurfplattorWebPartStrings {
  Rubrik: string;
  Beskrivning: string;
  TomRubrik: string;
  TomText: string;
  KolumnStoldmarkning: string;
  KolumnSerienummer: string;
  KolumnModell: string;
  KolumnSim: string;
  KolumnStatus: string;
  Sok: string;
  FiltreraStatus: string;
  AllaStatusar: string;
  Antal: string;
  EndastKommunservice: string;
  ListEtikett: string;
  IngenTraff: string;
}

declare module 'SurfplattorWebPartStrings' {
  const strings: ISurfplattorWebPartStrings;
  export = strings;
}
