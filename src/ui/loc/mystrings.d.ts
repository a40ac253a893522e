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
}

declare module 'CommonStrings' {
  const strings: ICommonStrings;
  export = strings;
}
