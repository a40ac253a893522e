/**
 * SharePoint keeps a date-only column as the instant of midnight in the site's time zone, in
 * UTC: 15 June in Stockholm is "2025-06-14T22:00:00Z". These convert between that and the
 * domain's calendar dates; the sites are set to (UTC+01:00) Stockholm.
 */
import { IsoDate, isIsoDate, swedishDate } from '../domain/dates';

/** The calendar date in Sweden of a stored instant; undefined for empty or unreadable values. */
export function franSpDatum(varde: unknown): IsoDate | undefined {
  if (typeof varde !== 'string' || varde === '') {
    return undefined;
  }
  const tid = new Date(varde);
  return isNaN(tid.getTime()) ? undefined : swedishDate(tid);
}

/** An instant as SharePoint writes one in JSON: ISO 8601 in UTC, seconds and maybe fractions. */
const SP_TIDPUNKT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?Z$/;

/**
 * Whether a stored value is a date SharePoint could have stored: its own ISO form, a day that
 * exists (JavaScript reads 30 February as 2 March) and within the 1900–8900 that SharePoint's date
 * columns accept. Anything else was written past SharePoint (a flow, a script, a broken import)
 * and is not shown as if it were a date.
 */
export function arSpDatum(varde: unknown): boolean {
  const traff = typeof varde === 'string' ? SP_TIDPUNKT.exec(varde) : null;
  if (!traff) return false;
  const tid = new Date(varde as string);
  if (isNaN(tid.getTime()) || tid.toISOString().slice(0, 10) !== traff[1]) return false;
  const ar = Number(swedishDate(tid).slice(0, 4));
  return ar >= 1900 && ar <= 8900;
}

const SVENSK_TIMME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', hourCycle: 'h23' });

/** The instant SharePoint stores for a calendar date: Swedish midnight, as UTC. */
export function tillSpDatum(dag: IsoDate): string {
  if (!isIsoDate(dag)) {
    throw new RangeError(`Ogiltigt datum: ${dag}`);
  }
  const [ar, manad, dagNr] = dag.split('-').map(Number);
  // Midnight in Stockholm is 23:00 or 22:00 UTC the day before (winter or summer time).
  for (const timme of [23, 22]) {
    const kandidat = new Date(Date.UTC(ar, manad - 1, dagNr - 1, timme));
    const klocka = SVENSK_TIMME.format(kandidat);
    if (swedishDate(kandidat) === dag && Number(klocka) === 0) {
      return kandidat.toISOString().replace(/\.000Z$/, 'Z');
    }
  }
  throw new RangeError(`Kunde inte räkna om ${dag} till svensk midnatt.`);
}
