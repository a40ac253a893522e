/**
 * Which web holds the portal's lists. On a page of the portal site it is the page's own web; as a
 * personal app in Teams, Outlook or the Microsoft 365 app the part runs on the tenant's root site
 * (`/_layouts/15/teamstaskhostedapp.aspx`), which has none of them, so the tenant property a
 * SharePoint administrator (or provisioning) set says where the portal is. No web part has a
 * property for the site: the tenant property is the only setting, the page's web the fallback.
 */
import { IKlientinstallning } from './registrator';

/** A SharePoint web: its absolute URL without a trailing slash, and its server-relative path ('/' for a root site). */
export interface IWebbadress {
  url: string;
  sokvag: string;
}

/** Where the portal's web came from: the tenant property, or the page's own web. */
export type Portalkalla = 'klientorganisation' | 'sidan';

export interface IPortalwebb extends IWebbadress {
  kalla: Portalkalla;
}

/** Hosts served over plain http only on the developer's own machine (the local workbench and emulator). */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** A page or a system path, not a web: the portal's address is the site's own, e.g. https://kommun.sharepoint.com/sites/arendeportalen. */
const INTE_EN_WEBB = /\.aspx$|\/_/i;

/**
 * The tenant property as a web, or undefined when it cannot be the portal: not an https URL (plain
 * http only on loopback), on another host than the page (SPFx signs requests to its own tenant's
 * host only, and a value pointing elsewhere would send the reader's data there), or with a query,
 * fragment or page in it.
 */
export function tolkaPortalUrl(varde: string | undefined, sidansUrl: string): IWebbadress | undefined {
  let url: URL;
  let sidan: URL;
  try {
    url = new URL((varde ?? '').trim());
    sidan = new URL(sidansUrl);
  } catch {
    return undefined;
  }
  const sakerProtokoll = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  if (!sakerProtokoll || url.origin !== sidan.origin || url.search || url.hash || url.username || url.password) return undefined;
  const kodad = url.pathname.replace(/\/+$/, '');
  if (INTE_EN_WEBB.test(kodad)) return undefined;
  let sokvag: string;
  try {
    // Server-relative as pageContext gives it (decoded: /sites/nämnd, not /sites/n%C3%A4mnd), as the services build list paths from it.
    sokvag = decodeURIComponent(kodad);
  } catch {
    return undefined;
  }
  return { url: `${url.origin}${kodad}`, sokvag: sokvag || '/' };
}

/**
 * The portal's web: the tenant property when it is a usable address on the page's host, else the
 * page's own web (also when the property could not be read: a page on the portal keeps working).
 */
export function valjPortalwebb(sidan: IWebbadress, klient: IKlientinstallning | undefined): IPortalwebb {
  const fran = tolkaPortalUrl(klient?.varde, sidan.url);
  if (fran) return { ...fran, kalla: 'klientorganisation' };
  return { url: sidan.url.replace(/\/+$/, ''), sokvag: sidan.sokvag, kalla: 'sidan' };
}
