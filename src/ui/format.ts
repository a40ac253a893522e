/** Fills `{0}`, `{1}` … in a localized string, the way SPFx strings are written. */
export function fyll(mall: string, ...varden: Array<string | number>): string {
  return mall.replace(/\{(\d+)\}/g, (hel, index: string) => {
    const varde = varden[Number(index)];
    return varde === undefined ? hel : String(varde);
  });
}

const DAG_OCH_TID = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

/** "2026-11-27 13:15" in Swedish time (a saved view's age, say); the text as is when it cannot be read. */
export function tidpunkt(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : DAG_OCH_TID.format(new Date(t));
}
