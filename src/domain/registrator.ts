/**
 * Which address Diarieför forwards to (issue 7). The web part's own property wins on its page; as a
 * personal app in Teams, Outlook or the Microsoft 365 app there is no property pane, so every
 * instance without one falls back to the tenant-wide setting a SharePoint administrator set once.
 */
import { arEpostadress } from './epost';

/** Where the address came from, or why there is none. */
export type Registratorkalla =
  /** The web part's property, set by the site owner on that page. */
  | 'egenskap'
  /** The tenant property (storage entity) in the tenant app catalog. */
  | 'klientorganisation'
  /** Neither holds a valid address. */
  | 'saknas'
  /** No valid property, and the tenant setting could not be read: nobody can tell whether one is set. */
  | 'olast';

export interface IRegistrator {
  /** A valid address, or '' when Diarieför cannot be used. */
  adress: string;
  kalla: Registratorkalla;
}

/** What reading the tenant setting gave: its value (undefined when none is set), or that it failed. */
export interface IKlientinstallning {
  varde?: string;
  /** Whatever stopped the read; the rule only needs to know there was one. */
  fel?: unknown;
}

/**
 * The property when it is a valid address, else the tenant setting when that is one; `klient` is
 * undefined while the setting has not been read. An invalid value counts as none, as the property
 * pane already tells the owner.
 */
export function valjRegistrator(egenskap: string | undefined, klient: IKlientinstallning | undefined): IRegistrator {
  const egen = (egenskap ?? '').trim();
  if (arEpostadress(egen)) return { adress: egen, kalla: 'egenskap' };
  const fran = (klient?.varde ?? '').trim();
  if (arEpostadress(fran)) return { adress: fran, kalla: 'klientorganisation' };
  return { adress: '', kalla: klient?.fel !== undefined ? 'olast' : 'saknas' };
}
