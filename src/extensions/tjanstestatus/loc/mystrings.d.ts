declare interface ITjanstestatusApplicationCustomizerStrings {
  BannerEtikett: string;
}

declare module 'TjanstestatusApplicationCustomizerStrings' {
  const strings: ITjanstestatusApplicationCustomizerStrings;
  export = strings;
}
