declare interface IArendebalansRedovisningStrings {
  Rubrik: string;
  Beskrivning: string;
  Stang: string;
  PeriodRubrik: string;
  Manad: string;
  Ar: string;
  Juni: string;
  December: string;
  PeriodJuni: string;
  PeriodDecember: string;
  SkapaRedovisning: string;
  FinnsRedan: string;
  StegHamtarUppdrag: string;
  StegHamtarForra: string;
  StegBygger: string;
  StegSparar: string;
  Framsteg: string;
  FelaktigaRader: string;
  ExportFel: string;
  Klar: string;
  LaddaNedDocx: string;
  LaddaNedXlsx: string;
  ForandringarRubrik: string;
  ForandringarUtanForra: string;
  IngenForra: string;
  Nya: string;
  Verkstallda: string;
  Flyttade: string;
  Borttagna: string;
  Inga: string;
  UppdragRad: string;
  FlyttadRad: string;
  TidigareRubrik: string;
  IngaTidigare: string;
  TidigareRad: string;
  FilerFor: string;
}

declare module 'ArendebalansRedovisningStrings' {
  const strings: IArendebalansRedovisningStrings;
  export = strings;
}
