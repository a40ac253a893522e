declare interface IArendebalansImportStrings {
  Rubrik: string;
}

declare module 'ArendebalansImportStrings' {
  const strings: IArendebalansImportStrings;
  export = strings;
}
