declare interface IArendebalansListaStrings {
  Rubrik: string;
}

declare module 'ArendebalansListaStrings' {
  const strings: IArendebalansListaStrings;
  export = strings;
}
