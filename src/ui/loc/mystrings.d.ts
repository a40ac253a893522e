declare interface ICommonStrings {
  StatusEjPaborjat: string;
  StatusPagar: string;
  StatusForsenat: string;
  StatusDelvisVerkstallt: string;
  StatusVerkstallt: string;
  StatusForeslasAvskrivas: string;
  ForsenadDagar: string;
  ForsenadIdag: string;
  Inaktuell: string;
  OfflineBanner: string;
  SekretessNotis: string;
  Kommande: string;
  FelRubrik: string;
  FelOkant: string;
  Laddar: string;
  ForsokIgen: string;
  FelInloggning: string;
  FelBehorighet: string;
  FelSaknas: string;
  FelKonflikt: string;
  FelOgiltig: string;
  FelTroskel: string;
  FelStrypt: string;
  FelNatverk: string;
  FelOkantData: string;
}

declare module 'CommonStrings' {
  const strings: ICommonStrings;
  export = strings;
}
