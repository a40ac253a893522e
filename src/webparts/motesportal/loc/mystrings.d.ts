declare interface IMotesportalWebPartStrings {
  Rubrik: string;
  Beskrivning: string;
  FlikKommande: string;
  FlikTidigare: string;
  FlikAnslagstavla: string;
  TomKommande: string;
  TomTidigare: string;
  TomAnslagstavla: string;
  TomText: string;
  KolumnDatum: string;
  KolumnOrgan: string;
  KolumnPlats: string;
  KolumnStatus: string;
}

declare module 'MotesportalWebPartStrings' {
  const strings: IMotesportalWebPartStrings;
  export = strings;
}
