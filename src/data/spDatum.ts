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
