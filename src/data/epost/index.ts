export * from './typer';
export { GraphEpostTjanst, GRAPH_MAPPNAMN, STANDARD_SIDSTORLEK, STORSTA_SIDSTORLEK } from './GraphEpostTjanst';
