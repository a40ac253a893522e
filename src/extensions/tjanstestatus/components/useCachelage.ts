import * as React from 'react';
import { lyssnaPaCache } from '../../../data/cache/handelser';

/**
 * When the oldest answer now on screen was fetched, while any part runs from the offline cache;
 * undefined once SharePoint answers again. The oldest, because the banner must not promise
 * fresher data than the stalest part shows.
 */
export function useCachelage(): string | undefined {
  const [hamtad, setHamtad] = React.useState<string | undefined>(undefined);
  React.useEffect(() => lyssnaPaCache(
    (h) => setHamtad((fore) => (fore === undefined || Date.parse(h.hamtad) < Date.parse(fore) ? h.hamtad : fore)),
    () => setHamtad(undefined)
  ), []);
  return hamtad;
}

const SVENSK_TIDPUNKT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit'
});

/** "27 november 2026 kl. 08:45": Swedish date and time, as the kommun's readers expect it whatever the UI language. */
export function svenskTidpunkt(iso: string): string {
  const tid = new Date(iso);
  return isNaN(tid.getTime()) ? iso : SVENSK_TIDPUNKT.format(tid);
}
