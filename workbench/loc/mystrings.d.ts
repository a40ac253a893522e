/** The workbench chrome strings; the page is not part of the .sppkg, so config.json does not list them. */
declare interface IWorkbenchStrings {
  SidTitel: string;
  Produkt: string;
  Undertitel: string;
  HoppaTillInnehall: string;
  InstallningarEtikett: string;
  FaltRoll: string;
  FaltSprak: string;
  FaltTema: string;
  FaltWebbdel: string;
  RollAllmanhet: string;
  RollLedamot: string;
  RollHandlaggare: string;
  RollNamndsekreterare: string;
  RollKommunservice: string;
  RollAdmin: string;
  RollMedNamn: string;
  InteInloggad: string;
  InloggadSom: string;
  SprakSvenska: string;
  SprakEngelska: string;
  TemaSharePoint: string;
  TemaTeams: string;
  TemaTeamsMorkt: string;
  TemaTeamsKontrast: string;
  AllaWebbdelar: string;
  SidRubrik: string;
  SidIngress: string;
  WebbdelarEtikett: string;
  TillaggRubrik: string;
  TillaggIngress: string;
  StatusKolumnRubrik: string;
  StatusTabellEtikett: string;
  KolumnUppdrag: string;
  KolumnStatus: string;
  ExempelPagar: string;
  ExempelForsenat: string;
  ExempelInaktuellt: string;
  ExempelVerkstallt: string;
  ExempelOkand: string;
  TjanstestatusRubrik: string;
  TjanstestatusText: string;
  VisaSomSekretess: string;
}

declare module 'WorkbenchStrings' {
  const strings: IWorkbenchStrings;
  export = strings;
}
