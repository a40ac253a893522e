export { ImportPanel } from './ImportPanel';
export type { IImportPanelProps } from './ImportPanel';
export { ProtokollPanel } from './ProtokollPanel';
export type { IProtokollPanelProps } from './ProtokollPanel';
export type { IFilLasare } from './filLasare';
