declare interface IUppdragCommandsCommandSetStrings {
  BegarRubrik: string;
  BegarText: string;
  ExportRubrik: string;
  ExportText: string;
  FlerRader: string;
  Stang: string;
}

declare module 'UppdragCommandsCommandSetStrings' {
  const strings: IUppdragCommandsCommandSetStrings;
  export = strings;
}
