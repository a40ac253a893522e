declare interface IUppdragCommandsCommandSetStrings {
  BegarRubrik: string;
  ExportRubrik: string;
  Stang: string;
  Hamtar: string;
  Mottagare: string;
  Skicka: string;
  Skickar: string;
  Skickat: string;
  InteSkickat: string;
  ForsokIgen: string;
  UtanHandlaggare: string;
  Amne: string;
  Halsning: string;
  Inledning: string;
  Avslutning: string;
  Saknas_planeratKlart: string;
  Saknas_orsak: string;
  Saknas_varIHanteringen: string;
  Saknas_inaktuell: string;
  IngetSaknas: string;
  RadText: string;
}

declare module 'UppdragCommandsCommandSetStrings' {
  const strings: IUppdragCommandsCommandSetStrings;
  export = strings;
}
