declare interface IUppdragStatusFieldCustomizerStrings {
  OkandStatus: string;
}

declare module 'UppdragStatusFieldCustomizerStrings' {
  const strings: IUppdragStatusFieldCustomizerStrings;
  export = strings;
}
