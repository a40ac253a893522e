export { RedovisningPanel } from './RedovisningPanel';
export type { IRedovisningPanelProps } from './RedovisningPanel';
