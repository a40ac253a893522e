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
  FranCacheBanner: string;
  SekretessNotis: string;
  Kommande: string;
  FelRubrik: string;
  FelOkant: string;
  RensaSokning: string;
  Laddar: string;
  ForsokIgen: string;
  FelInloggning: string;
  FelBehorighet: string;
  FelSaknas: string;
  FelKonflikt: string;
  FelOgiltig: string;
  FelOlasbar: string;
  FelTroskel: string;
  FelStrypt: string;
  FelNatverk: string;
  FelOkantData: string;
  MotespaketIndexfil: string;
  MotespaketRubrik: string;
  MotespaketOrgan: string;
  MotespaketDatum: string;
  MotespaketPlats: string;
  MotespaketKallelse: string;
  MotespaketProtokoll: string;
  MotespaketOvriga: string;
  MotespaketPunkt: string;
  MotespaketIngaHandlingar: string;
  MotespaketSekretessVarning: string;
  MotespaketSaknas: string;
  MotespaketSaknasSammanfattning: string;
  MotespaketKlassOffentlig: string;
  MotespaketKlassArbetsmaterial: string;
  MotespaketKlassSekretess: string;
}

declare module 'CommonStrings' {
  const strings: ICommonStrings;
  export = strings;
}
