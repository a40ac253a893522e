/**
 * PnPjs is configured here and only here. The SPFx classes pass in their context behavior
 * (`SPFx(context)` / `GraphSPFx(context)`); the workbench and the tests pass the emulator's.
 * Retries (honouring Retry-After on 429/503), headers, the client tag and the offline cache are
 * behaviors, so code that reads data never deals with them.
 */
import { delay, TimelinePipe } from '@pnp/core';
import { graphfi, GraphFI, GraphQueryable, IGraphQueryable } from '@pnp/graph';
// For `graph.me`, whose URL graphSokvag takes the root from.
import '@pnp/graph/users';
import { InjectHeaders, Queryable, QueryableSendObserver } from '@pnp/queryable';
import { spfi, SPFI } from '@pnp/sp';
import { lasHuvud as huvud } from './huvud';
import { IOfflineCacheAlternativ, OfflineCache } from './cache/OfflineCache';
import { OvissSkrivning } from './fel';

/** Identifies our traffic to SharePoint Online's throttling, as Microsoft asks ("decorate your traffic"). */
export const KLIENTTAGG = 'NONISV|Kommun|Arendeportalen/0.1';

/**
 * Sendings of one request, the first included. Under heavy throttling each sending is refused on
 * its own: at 30 % of requests answered 429/503, all of 4 sendings fail with 0.3^4 ≈ 0.8 %, so a
 * view of some 30 requests failed about once in five (6 of 90 first views in tests/fault). With 10,
 * 0.3^10 ≈ 6·10⁻⁶ per request, about 2·10⁻⁴ per view: one view in some 5,000.
 */
export const FORSOK = 10;
/**
 * The most one request waits in all before it gives up and shows the last answer. Retry-After is
 * always waited out in full (a throttled request sent early counts against the limit and is throttled
 * harder), so a wait that does not fit in what is left ends the retries instead of being shortened.
 * With SharePoint's usual Retry-After of 1–5 s the ten sendings fit (9 waits × 5 s = 45 s); a
 * Retry-After of minutes is said to the reader as throttling at once instead of a page that hangs.
 */
export const LANGSTA_VANTAN_MS = 60_000;
/**
 * Without Retry-After (a 503 or 504 from a gateway) nobody says when to come back: 0.5 s, doubled
 * each time, and no more than 0.5 + 1 + 2 + 4 + 8 = 15.5 s in all (six sendings), as a gateway that
 * is down for longer is better said (or answered from the offline cache) than waited on.
 */
const FORSTA_STEGET_MS = 500;
const LANGSTA_GISSNING_MS = 16_000;

/**
 * POSTs that do no harm when SharePoint runs them twice: the form digest (a read), permissions
 * (adding a role assignment that is there, or breaking inheritance that is broken, changes nothing),
 * ensureUser, a tenant property, and a file written over (`Overwrite=true`: the same bytes again).
 */
const UPPREPBARA_POST = new RegExp([
  String.raw`/_api/contextinfo$`,
  String.raw`/breakroleinheritance\(`,
  String.raw`/resetroleinheritance$`,
  String.raw`/roleassignments/(?:add|remove)roleassignment\(`,
  String.raw`/ensureuser(?:\(|$)`,
  String.raw`/setstorageentity\(`,
  String.raw`/files/add(?:usingpath)?\([^)]*overwrite=true`
].join('|'), 'i');

/**
 * Whether a request may be sent again when its outcome is unknown (504, or no answer at all).
 * Reads, and writes that say what the row is to be (MERGE, PUT, DELETE with If-Match), may; a POST
 * that creates something (an item, a file, an attachment, a Graph object) may not: SharePoint may
 * have done it before the answer was lost, and a second sending makes a second one.
 */
export function arUpprepbar(url: URL | string, init: RequestInit): boolean {
  const metod = (init.method ?? 'GET').toUpperCase();
  if (metod !== 'POST') return true;
  if (/^(?:MERGE|PATCH|PUT|DELETE)$/i.test(huvud(init, 'X-HTTP-Method') ?? '')) return true;
  let sokvag = typeof url === 'string' ? url : url.pathname;
  try {
    sokvag = decodeURIComponent(new URL(sokvag, 'http://x').pathname);
  } catch {
    // Left as it is: a path that does not decode is compared as sent.
  }
  return UPPREPBARA_POST.test(sokvag);
}

function sekunder(varde: string | null): number | undefined {
  if (varde === null || varde.trim() === '') return undefined;
  const v = Number(varde);
  return Number.isFinite(v) && v >= 0 ? v : undefined;
}

/**
 * Sends each request with retries, in place of PnPjs' BrowserFetchWithRetry (which resends every
 * request alike, a create after a 504 too):
 * - 429, and 503 with Retry-After: SharePoint did not run it and says when to come back. Sent
 *   again after Retry-After, whatever the request is.
 * - 504, a 503 without Retry-After (a proxy or gateway), or no answer at all: it may have run. A
 *   request that may be sent twice (arUpprepbar) is sent again; any other ends at once with
 *   OvissSkrivning, for the data layer to settle from what SharePoint holds (src/data/skapa.ts).
 * - anything else is the answer. When the sendings or the wait run out, the last answer is.
 */
export function SkickaMedAterforsok(): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    const skicka: QueryableSendObserver = async function (url, init) {
      const upprepbar = arUpprepbar(url, init);
      let vantat = 0;
      let gissat = 0;
      let steg = FORSTA_STEGET_MS;
      for (let forsok = 1; ; forsok++) {
        let svar: Response;
        try {
          this.log(`Fetch: ${init.method} ${url.toString()} (försök ${forsok})`, 0);
          svar = await fetch(url.toString(), init);
        } catch (fel) {
          // An aborted request was given up by the caller; it is not sent again.
          if (/AbortError/.test((fel as { name?: string } | undefined)?.name ?? '')) throw fel;
          if (!upprepbar) throw new OvissSkrivning(undefined, fel);
          if (forsok >= FORSOK) throw fel;
          // As PnPjs: no answer is sent again at once (offline, the cache answers after the last one).
          continue;
        }
        if (svar.ok) return svar;
        const retryAfter = sekunder(svar.headers.get('Retry-After'));
        const inteKord = svar.status === 429 || (svar.status === 503 && retryAfter !== undefined);
        const oviss = !inteKord && (svar.status === 503 || svar.status === 504);
        if (!inteKord && !oviss) return svar;
        if (oviss && !upprepbar) throw new OvissSkrivning(svar.status, svar);
        if (forsok >= FORSOK) return svar;
        const vanta = retryAfter !== undefined ? retryAfter * 1000 : steg;
        if (vantat + vanta > LANGSTA_VANTAN_MS) return svar;
        if (retryAfter === undefined) {
          if (gissat + vanta > LANGSTA_GISSNING_MS) return svar;
          gissat += vanta;
          steg *= 2;
        }
        vantat += vanta;
        this.log(`Försök ${forsok} fick ${svar.status}; väntar ${vanta} ms`, 1);
        await delay(vanta);
      }
    };
    instance.on.send.replace(skicka);
    return instance;
  };
}

/** What every request of the product gets, on top of the host's authentication behavior. */
export function Arendeportal(): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.using(
      InjectHeaders({ 'X-ClientService-ClientTag': KLIENTTAGG }),
      // Replaces the host's send with the same fetch, more patient retries and no blind resending of creates.
      SkickaMedAterforsok()
    );
    return instance;
  };
}

export interface ISpPlats {
  webbUrl: string;
  /**
   * Keep each read for when SharePoint cannot be reached (src/data/cache). Needs the signed-in
   * login; parts that show data pass it, one-off tools (provisioning, demo data) do not.
   */
  offlineCache?: Omit<IOfflineCacheAlternativ, 'webbplats'>;
}

/** The SharePoint root for a site: `spfi(url)` plus the host's behaviors, then ours. */
export function skapaSp(plats: string | ISpPlats, ...vardBeteenden: Array<TimelinePipe<Queryable>>): SPFI {
  const { webbUrl, offlineCache } = typeof plats === 'string' ? { webbUrl: plats, offlineCache: undefined } : plats;
  const sp = spfi(webbUrl).using(...vardBeteenden, Arendeportal());
  // Last, so it wraps the send that Arendeportal() put in place and falls back only after its retries.
  return offlineCache ? sp.using(OfflineCache({ ...offlineCache, webbplats: webbUrl })) : sp;
}

export function skapaGraph(graphUrl: string | undefined, ...vardBeteenden: Array<TimelinePipe<Queryable>>): GraphFI {
  return (graphUrl ? graphfi(graphUrl) : graphfi()).using(...vardBeteenden, Arendeportal());
}

/**
 * A request on the Graph root with the root's behaviors (auth, retries). PnPjs has no verb for
 * some calls (Intune's device actions, a hand-built $batch), so these go through a plain queryable.
 */
export function graphSokvag(graph: GraphFI, sokvag: string): IGraphQueryable {
  // GraphFI keeps its root queryable protected; `me` is the public way to one that carries its behaviors.
  const me = graph.me;
  return GraphQueryable([me, me.toUrl().replace(/\/?me$/i, '')], sokvag);
}
