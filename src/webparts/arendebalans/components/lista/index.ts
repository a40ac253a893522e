export { UppdragVy } from './UppdragVy';
export type { IUppdragVyProps } from './UppdragVy';
export { AndratSedan } from './AndratSedan';
export type { IAndratSedanProps } from './AndratSedan';
export { StatusOversikt } from './StatusOversikt';
export type { IStatusOversiktProps } from './StatusOversikt';
