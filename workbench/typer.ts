/**
 * What the workbench server and the page share: the choices in the header and the page's
 * configuration. No DOM or Node imports here, so both sides can use it.
 */
import { Roll, ROLLER } from '../src/domain/roller';

export const SPRAK = ['sv-SE', 'en-US'] as const;
export type Sprak = (typeof SPRAK)[number];

/** SharePoint's default light theme, and the three themes a Teams client reports. */
export const TEMAN = ['sharepoint', 'teams', 'teams-dark', 'teams-contrast'] as const;
export type TemaId = (typeof TEMAN)[number];

export const DELAR = ['arendebalans', 'motesportal', 'surfplattor', 'epostrutin'] as const;
export type DelId = (typeof DELAR)[number];
export type DelVal = DelId | 'alla';

export { ROLLER };
export type { Roll };

/** One demo user as the server signs them in: the values a browser would carry after sign-in. */
export interface IInloggning {
  namn: string;
  jobbtitel?: string;
  epost: string;
  /** `FedAuth=…`, SharePoint's session cookie (from `Emulator.cookie`). */
  cookie: string;
  /** `Bearer …`, the Graph access token (from `Emulator.token`). */
  token: string;
}

/**
 * Where Teams, Outlook and the Microsoft 365 app open a personal app's web part: a page on the
 * tenant's ROOT site, not on the portal. The workbench serves the same page there too.
 */
export const PERSONLIG_APP_SOKVAG = '/_layouts/15/teamstaskhostedapp.aspx';

/** Written into the page by the server as JSON (`#workbench-konfig`). */
export interface IWorkbenchKonfig {
  /** The emulated site's path on the page's own origin, e.g. /sites/arendeportalen. */
  sitePath: string;
  /**
   * pageContext.web's path on the page's origin: the portal site (`sitePath`) on the workbench's
   * own page, '' (the root site) on PERSONLIG_APP_SOKVAG. The parts find the portal from it.
   */
  sidansWebb: string;
  /** Graph's version root on the page's own origin, e.g. /v1.0. */
  graphSokvag: string;
  /** The first demo user of each role (allmanhet has none: not signed in). */
  inloggningar: Partial<Record<Roll, IInloggning>>;
  /** The e-postrutin web part's property, as a site owner would set it; empty falls back to the tenant property, as in a personal app. */
  registratorAdress: string;
}

export interface IWorkbenchTillstand {
  roll: Roll;
  sprak: Sprak;
  tema: TemaId;
  del: DelVal;
}

export const STANDARD_TILLSTAND: IWorkbenchTillstand = { roll: 'ledamot', sprak: 'sv-SE', tema: 'sharepoint', del: 'alla' };
