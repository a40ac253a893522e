/**
 * Where a part's lists are: the portal site's web, found from the page's own web through the tenant
 * property PORTAL_NYCKEL (the rule is src/domain/portalwebb.ts). A personal app in Teams, Outlook or
 * the Microsoft 365 app runs on the tenant's root site; without this it would look for Uppdrag, Lån
 * and E-postlogg there.
 */
import { SPFI } from '@pnp/sp';
import { IPortalwebb, IWebbadress, valjPortalwebb } from '../../domain/portalwebb';
import { IKlientinstallningTjanst, KlientinstallningTjanst, lasKlientinstallning } from './KlientinstallningTjanst';
import { PORTAL_NYCKEL } from './nycklar';

/**
 * The portal's web for a page. Never rejects: when the tenant property cannot be read (signed out,
 * throttled, offline with nothing kept) the page's own web is used, so a page on the portal works.
 */
export async function hittaPortalwebb(sidan: IWebbadress, tjanst: IKlientinstallningTjanst): Promise<IPortalwebb> {
  return valjPortalwebb(sidan, await lasKlientinstallning(tjanst, PORTAL_NYCKEL));
}

/** What a part builds its services on: the portal's web (its path for the services) and PnPjs on it. */
export interface IPortalplats {
  webb: IPortalwebb;
  sp: SPFI;
}

/** Answers already read during this page load, by the page's web URL. */
export type Portalminne = Map<string, Promise<IPortalwebb>>;

/**
 * The portal's web and a PnPjs root on it. `skapa` builds a root for a web URL with the host's
 * behaviors (SPFx's on a page, the browser's in the workbench, and the part's offline cache, so the
 * tenant property's answer is kept too and a part opened without network still finds the portal it
 * kept reads for). The property is read on the page's own web: any web answers for the tenant.
 * With `minne`, the parts on one page read it once.
 */
export async function portalplats(sidan: IWebbadress, skapa: (webbUrl: string) => SPFI, minne?: Portalminne): Promise<IPortalplats> {
  let lasning = minne?.get(sidan.url);
  if (!lasning) {
    lasning = hittaPortalwebb(sidan, new KlientinstallningTjanst(skapa(sidan.url)));
    minne?.set(sidan.url, lasning);
  }
  const webb = await lasning;
  return { webb, sp: skapa(webb.url) };
}
