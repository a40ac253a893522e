/**
 * The offline cache as a PnPjs behavior. Unlike PnPjs' own Caching (which answers from storage
 * before asking), this always asks SharePoint first and keeps each good JSON answer; only when
 * SharePoint cannot be reached does it answer from what it kept, and says so (seed 002: a login
 * outage cut politicians off from their documents for months).
 *
 * It wraps the send observer already registered (SkickaMedAterforsok from Arendeportal()), so
 * retries and Retry-After stay in that one behavior and the fallback happens only after they are spent.
 */
import { TimelinePipe } from '@pnp/core';
import { Queryable, QueryableSendObserver } from '@pnp/queryable';
import { lasHuvud as huvud } from '../huvud';
import { SekretessBibliotek } from '../../schema/moten';
import { annonseraFranCache, annonseraOnline, ICacheHandelse, standardMal } from './handelser';
import { ICacheLager, ISvarscacheGranser, standardLager, STANDARDGRANSER, Svarscache } from './lager';

export interface IOfflineCacheAlternativ {
  /** The signed-in person's login (SPFx: pageContext.user.loginName): people sharing a tablet never see each other's cache. */
  inloggning: string;
  /** The site's absolute URL; defaults to the URL of the root the behavior is added to. */
  webbplats?: string;
  /** Defaults to window.localStorage, or memory where there is none. */
  lager?: ICacheLager;
  granser?: Partial<ISvarscacheGranser>;
  /** Where the announcements go; defaults to window. */
  mal?: EventTarget;
  vidFranCache?: (handelse: ICacheHandelse) => void;
  vidOnline?: () => void;
  /** For tests: the instant an answer counts as fetched. */
  klocka?: () => Date;
}

/** Version in the prefix: a changed format starts afresh instead of misreading old entries. */
export const CACHEPREFIX = 'arendeportalen.cache.v1|';

/** Set on an answer that came from the cache, with the instant it was fetched. */
export const FRAN_CACHE_HUVUD = 'X-Arendeportalen-FranCache';

function avkodad(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function escapa(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const BIBLIOTEK = escapa(SekretessBibliotek.url.toLowerCase());
/** By title (getByTitle('Sekretess')) or by path (getList('/sites/x/Sekretess'), a file's decodedUrl='/sites/x/Sekretess/…'). */
const SEKRETESS_I_URL = new RegExp(`getbytitle\\(\\s*'${escapa(SekretessBibliotek.title.toLowerCase())}'\\s*\\)|/${BIBLIOTEK}(?=[/'")?&]|$)`);
/** A second net for addresses without the name (lists(guid'…'), getFileById): the answer names the library. */
const SEKRETESS_I_SVAR = new RegExp(
  `"(?:odata\\.type|type)"\\s*:\\s*"SP\\.Data\\.${escapa(SekretessBibliotek.url.split('/').pop() ?? '')}Item"` +
  `|"(?:ServerRelativeUrl|FileRef|FileDirRef)"\\s*:\\s*"[^"]*/${BIBLIOTEK}(?:/|")`, 'i');
/** File contents are never cached: they are large, and a document belongs in the meeting package, not here. */
const FILINNEHALL = /\/(?:\$value|openbinarystream|contentstream)(?:[/?(]|$)/i;

/** Only reads of SharePoint REST are cached, and never the sekretess library's (or a request that says CacheNever). */
function kanSparas(url: URL, init: RequestInit): boolean {
  if ((init.method ?? 'GET').toUpperCase() !== 'GET') return false;
  const sokvag = avkodad(url.pathname);
  if (!/\/_api\//i.test(sokvag) || FILINNEHALL.test(sokvag)) return false;
  if (huvud(init, 'X-PnP-CacheNever')) return false;
  return !SEKRETESS_I_URL.test(avkodad(url.href).toLowerCase());
}

interface IHttpFel {
  isHttpRequestError?: boolean;
  status?: number;
  name?: string;
}

/** No answer came (the network) or the retries ended on a 5xx: SharePoint cannot be reached. */
function arOnabarFel(fel: unknown): boolean {
  const f = fel as IHttpFel | undefined;
  if (f?.name === 'AbortError') return false;
  if (f?.isHttpRequestError) return typeof f.status === 'number' && f.status >= 500;
  return true;
}

/**
 * 401 is the login outage of seed 002; a 5xx that the send behavior handed back (500, 502, a 503
 * or 504 after its retries) is SharePoint failing. The list view threshold is a 500 too, but it is an answer about the query,
 * and the same query would fail the same way online: it is not hidden behind old data.
 */
async function arOnabartSvar(svar: Response): Promise<boolean> {
  if (svar.status === 401) return true;
  if (svar.status < 500) return false;
  if (svar.status !== 500) return true;
  try {
    return !/SPQueryThrottledException/.test(await svar.clone().text());
  } catch {
    return true;
  }
}

export function OfflineCache(alt: IOfflineCacheAlternativ): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    const skicka = instance.on.send.toArray()[0];
    if (!skicka) {
      throw new Error('OfflineCache läggs till efter beteendet som skickar förfrågningarna (Arendeportal()).');
    }
    const cache = new Svarscache(alt.lager ?? standardLager(), CACHEPREFIX, { ...STANDARDGRANSER, ...alt.granser });
    const webbplats = (alt.webbplats ?? instance.toUrl()).replace(/\/+$/, '').toLowerCase();
    const namnrymd = `${webbplats}|${alt.inloggning.toLowerCase()}|`;
    const mal = alt.mal ?? standardMal();
    const klocka = alt.klocka ?? (() => new Date());
    let visarCache = false;

    const natt = (): void => {
      if (visarCache) {
        visarCache = false;
        annonseraOnline(mal);
        alt.vidOnline?.();
      }
    };

    const skickaMedCache: QueryableSendObserver = async function (url, init) {
      const sparbar = kanSparas(url, init);
      // The Accept header shapes the body (minimal or verbose metadata), so it is part of the key.
      const nyckel = `${namnrymd}${huvud(init, 'Accept') ?? ''}|${url.href}`;
      const franCache = (): Response | undefined => {
        const sparat = sparbar ? cache.hamta(nyckel) : undefined;
        if (!sparat) return undefined;
        this.log(`Offline: svarar från cachen (hämtat ${sparat.hamtad}) för ${url.href}`, 2);
        visarCache = true;
        const handelse: ICacheHandelse = { hamtad: sparat.hamtad, url: url.href };
        annonseraFranCache(mal, handelse);
        alt.vidFranCache?.(handelse);
        return new Response(sparat.kropp, {
          status: 200,
          statusText: 'OK',
          headers: { 'Content-Type': 'application/json;charset=utf-8', [FRAN_CACHE_HUVUD]: sparat.hamtad }
        });
      };

      let svar: Response;
      try {
        svar = await Reflect.apply(skicka, this, [url, init]) as Response;
      } catch (fel) {
        const sparat = arOnabarFel(fel) ? franCache() : undefined;
        if (sparat) return sparat;
        throw fel;
      }
      if (await arOnabartSvar(svar)) {
        return franCache() ?? svar;
      }
      natt();
      if (sparbar && svar.ok) {
        const typ = svar.headers.get('Content-Type') ?? '';
        if (/json/i.test(typ)) {
          const hamtad = klocka().toISOString();
          const kropp = await svar.clone().text();
          if (!SEKRETESS_I_SVAR.test(kropp)) {
            cache.spara(nyckel, { kropp, hamtad });
          }
        }
      } else if (sparbar && (svar.status === 403 || svar.status === 404)) {
        // The reader lost access, or it is gone: what was kept must not outlive that.
        cache.taBort(nyckel);
      }
      return svar;
    };
    instance.on.send.replace(skickaMedCache);
    return instance;
  };
}
