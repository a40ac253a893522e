/**
 * PnPjs is configured here and only here. The SPFx classes pass in their context behavior
 * (`SPFx(context)` / `GraphSPFx(context)`); the workbench and the tests pass the emulator's.
 * Retries (honouring Retry-After on 429/503), headers, the client tag and the offline cache are
 * behaviors, so code that reads data never deals with them.
 */
import { TimelinePipe } from '@pnp/core';
import { graphfi, GraphFI, GraphQueryable, IGraphQueryable } from '@pnp/graph';
// For `graph.me`, whose URL graphSokvag takes the root from.
import '@pnp/graph/users';
import { BrowserFetchWithRetry, InjectHeaders, Queryable } from '@pnp/queryable';
import { spfi, SPFI } from '@pnp/sp';
import { IOfflineCacheAlternativ, OfflineCache } from './cache/OfflineCache';

/** Identifies our traffic to SharePoint Online's throttling, as Microsoft asks ("decorate your traffic"). */
export const KLIENTTAGG = 'NONISV|Kommun|Arendeportalen/0.1';

export const FORSOK = 4;

/** What every request of the product gets, on top of the host's authentication behavior. */
export function Arendeportal(): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.using(
      InjectHeaders({ 'X-ClientService-ClientTag': KLIENTTAGG }),
      // Replaces the host's send with the same fetch plus more patient retries (Retry-After first).
      BrowserFetchWithRetry({ retries: FORSOK, interval: 500 })
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
