export * from './typer';
export { GraphEpostTjanst, GRAPH_MAPPNAMN, STANDARD_SIDSTORLEK, STORSTA_SIDSTORLEK } from './GraphEpostTjanst';
export { EpostrutinTjanst, PAMINNELSE_TITEL } from './EpostrutinTjanst';
export type { IEpostrutinAlternativ } from './EpostrutinTjanst';
