/**
 * How the offline cache tells the page that a view is served from it. Window events, not React
 * context: the application customizer and each web part are separate bundles on one page, and
 * the banner must hear every part.
 */

/** Announced by the offline cache when a view is served from it; the banner and the parts listen. */
export interface ICacheHandelse {
  /** ISO instant when the cached answer was fetched from SharePoint. */
  hamtad: string;
  url: string;
}

export const FRAN_CACHE = 'arendeportalen:franCache';
export const ONLINE = 'arendeportalen:online';

/** The page's window, or nothing under Node (the services tests pass their own target). */
export function standardMal(): EventTarget | undefined {
  return typeof window === 'undefined' ? undefined : window;
}

export function annonseraFranCache(mal: EventTarget | undefined, handelse: ICacheHandelse): void {
  mal?.dispatchEvent(new CustomEvent<ICacheHandelse>(FRAN_CACHE, { detail: handelse }));
}

export function annonseraOnline(mal: EventTarget | undefined): void {
  mal?.dispatchEvent(new CustomEvent(ONLINE));
}

/** Subscribes to both announcements; returns the unsubscribe function (for a React effect's cleanup). */
export function lyssnaPaCache(
  vidFranCache: (handelse: ICacheHandelse) => void,
  vidOnline: () => void,
  mal: EventTarget | undefined = standardMal()
): () => void {
  if (!mal) {
    return () => undefined;
  }
  const franCache = (e: Event): void => {
    const detalj = (e as CustomEvent<ICacheHandelse | undefined>).detail;
    // Another bundle on the page could send the name with something else; only a full detail counts.
    if (detalj && typeof detalj.hamtad === 'string' && typeof detalj.url === 'string') {
      vidFranCache(detalj);
    }
  };
  const online = (): void => vidOnline();
  mal.addEventListener(FRAN_CACHE, franCache);
  mal.addEventListener(ONLINE, online);
  return () => {
    mal.removeEventListener(FRAN_CACHE, franCache);
    mal.removeEventListener(ONLINE, online);
  };
}
