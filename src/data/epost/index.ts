export * from './typer';
export { EpostFel, tolkaFel } from './EpostFel';
export type { EpostFelorsak } from './EpostFel';
export { GraphEpostTjanst, GRAPH_MAPPNAMN, STANDARD_SIDSTORLEK, STORSTA_SIDSTORLEK } from './GraphEpostTjanst';
