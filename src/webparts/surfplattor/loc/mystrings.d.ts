declare interface ISurfplattorWebPartStrings {
  Rubrik: string;
  Beskrivning: string;
  TomRubrik: string;
  TomText: string;
}

declare module 'SurfplattorWebPartStrings' {
  const strings: ISurfplattorWebPartStrings;
  export = strings;
}
