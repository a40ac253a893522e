declare interface IArendebalansRedovisningStrings {
  Rubrik: string;
}

declare module 'ArendebalansRedovisningStrings' {
  const strings: IArendebalansRedovisningStrings;
  export = strings;
}
