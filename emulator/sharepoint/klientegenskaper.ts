/**
 * Tenant properties (storage entities) and the tenant app catalog that keeps them, as SharePoint
 * Online has them (Microsoft Learn: "SharePoint Online tenant properties"):
 *
 * - `GET …/_api/SP_TenantSettings_Current` names the app catalog (`CorporateCatalogUrl`);
 * - `GET …/_api/web/GetStorageEntity('<key>')` answers from any web with the tenant's value,
 *   `{"odata.null": true}` for a key never set;
 * - `POST <app catalog>/_api/web/SetStorageEntity` with `{key, value, description, comments}` sets
 *   one; only the app catalog's administrators may (403 "Access denied" otherwise), and only on the
 *   app catalog's web: on any other web it is "Access denied" for everyone, administrators included
 *   (CLI for Microsoft 365, "spo storageentity set", remarks).
 *
 * The emulator is one tenant: its site, and the app catalog beside it on the same host. The tenant's
 * root site answers the reads too, and nothing else: it is where the personal apps in Teams and
 * Outlook run (`/_layouts/15/teamstaskhostedapp.aspx`), and a part there that asked the root for
 * the portal's lists would be an unknown request.
 */
import { Emulator, Hanterare, IEmulatorAnvandare, IForfragan, json, spFel } from '../core';
import { SpLager } from './lager';

/** The tenant app catalog's path on the emulator's host. */
export const APPKATALOG_SOKVAG = '/sites/appcatalog';

/** One tenant property, with the names SharePoint's SP.StorageEntity uses. */
export interface IKlientegenskap {
  Value: string;
  Description: string;
  Comment: string;
}

type Handlare = (f: IForfragan, m: RegExpMatchArray) => Response | Promise<Response>;

export interface IKlientegenskapsHjalp {
  /** The SharePoint routes' common checks (signed in, form digest on cookie writes). */
  skydda: (h: Handlare) => Hanterare;
  /** 401 for nobody, 403 for a signed-in user without the right. */
  nekad: (f: IForfragan) => Response;
  /** A form digest from the web at a URL. */
  kontextinfo: (webbUrl: string) => Response;
}

/** Who administers the app catalog: the emulator's SharePoint administrators. */
const arKatalogAdmin = (a: IEmulatorAnvandare | undefined): boolean => a?.roll === 'admin';

const citat = (s: string): string => s.replace(/''/g, "'");
const somRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function registreraKlientegenskaper(emulator: Emulator, lager: SpLager, h: IKlientegenskapsHjalp): void {
  /** The webs that answer reads: the site, the app catalog and the root site ('' before `/_api`). */
  const webbar = [...new Set([lager.sitePath, APPKATALOG_SOKVAG, ''])];
  /** A route on the `_api` of the given webs. */
  const pa = (sokvagar: readonly string[], metod: string, del: string, hanterare: (f: IForfragan, m: RegExpMatchArray, webb: string) => Response | Promise<Response>): void => {
    for (const webb of sokvagar) {
      emulator.rutt(metod, new RegExp(`^${somRegex(webb)}/_api/${del}/?$`, 'i'), h.skydda((f, m) => hanterare(f, m, webb)));
    }
  };

  pa([APPKATALOG_SOKVAG], 'POST', 'contextinfo', (f) => h.kontextinfo(`${f.url.origin}${APPKATALOG_SOKVAG}`));

  pa(webbar, 'GET', 'SP_TenantSettings_Current', (f, _m, webb) => json({
    'odata.metadata': `${f.url.origin}${webb}/_api/$metadata#SP.TenantSettings`,
    // On the host that was asked, so the client's next request reaches the same emulator.
    CorporateCatalogUrl: `${f.url.origin}${APPKATALOG_SOKVAG}`
  }));

  pa(webbar, 'GET', String.raw`web/GetStorageEntity\('((?:[^']|'')*)'\)`, (f, m, webb) => {
    const egenskap = lager.klientegenskaper.get(citat(m[1]));
    if (!egenskap) return json({ 'odata.null': true });
    return json({ 'odata.metadata': `${f.url.origin}${webb}/_api/$metadata#SP.StorageEntity`, ...egenskap });
  });

  pa([APPKATALOG_SOKVAG], 'POST', 'web/SetStorageEntity', async (f) => {
    if (!arKatalogAdmin(f.anvandare)) return h.nekad(f);
    let kropp: Record<string, unknown>;
    try {
      kropp = ((await f.json()) ?? {}) as Record<string, unknown>;
    } catch {
      return spFel(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'Invalid JSON. A token was not recognized in the JSON content.');
    }
    const text = (v: unknown): string => (typeof v === 'string' ? v : '');
    const nyckel = text(kropp.key);
    if (!nyckel) {
      return spFel(400, '-2147467261, System.ArgumentNullException', 'Value cannot be null.\r\nParameter name: key');
    }
    lager.klientegenskaper.set(nyckel, { Value: text(kropp.value), Description: text(kropp.description), Comment: text(kropp.comments) });
    // A void method: SharePoint answers 200 with a null body.
    return json({ 'odata.null': true });
  });
  // The site is not the app catalog: SharePoint refuses the write there whoever asks.
  pa([lager.sitePath], 'POST', 'web/SetStorageEntity', (f) => h.nekad(f));
}
