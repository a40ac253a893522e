export { KlientinstallningTjanst, lasKlientinstallning, lasRegistratorinstallning } from './KlientinstallningTjanst';
export type { IKlientinstallningSvar, IKlientinstallningTjanst } from './KlientinstallningTjanst';
export { PORTAL_NYCKEL, REGISTRATOR_NYCKEL } from './nycklar';
export { hittaPortalwebb, portalplats } from './portal';
export type { IPortalplats, Portalminne } from './portal';
