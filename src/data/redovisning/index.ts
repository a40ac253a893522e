export type { Filinnehall, IRedovisningsfil, IRedovisningTjanst, ISparadRedovisning } from './RedovisningTjanst';
export { RedovisningTjanst } from './RedovisningTjanst';
