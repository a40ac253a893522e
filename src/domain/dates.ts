/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`). Municipal deadlines are calendar days in
 * Swedish time, never instants, so the domain never carries a time of day or a time zone.
 */
import { format, isValid, parseISO } from 'date-fns';

export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD` (2025-02-30 is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && ISO_DATE.test(value) && isValid(parseISO(value)) &&
    format(parseISO(value), 'yyyy-MM-dd') === value;
}

// sv-SE formats as YYYY-MM-DD; Intl applies Swedish summer and winter time. Built once: costly to create.
const SVENSK_DAG = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date of a moment as seen on a clock in Sweden. */
export function swedishDate(moment: Date): IsoDate {
  return SVENSK_DAG.format(moment);
}

/** A `YYYY-MM-DD` date as its UTC midnight in ms; NaN for anything else, 2025-02-30 too (as parseISO gives Invalid Date). */
function utcDag(dag: IsoDate): number {
  if (!ISO_DATE.test(dag)) return NaN;
  const manad = Number(dag.slice(5, 7)) - 1;
  const dagNr = Number(dag.slice(8, 10));
  const ms = Date.UTC(Number(dag.slice(0, 4)), manad, dagNr);
  const d = new Date(ms);
  return d.getUTCMonth() === manad && d.getUTCDate() === dagNr ? ms : NaN;
}

/**
 * Days from `from` to `to`; negative when `to` is earlier. Calendar days of plain dates, so UTC
 * arithmetic is exact (no clock change inside a date); lists sort and filter thousands of rows on
 * this, and date-fns' parseISO took most of that time.
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcDag(to) - utcDag(from)) / 86_400_000);
}
