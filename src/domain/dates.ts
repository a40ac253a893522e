/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`). Municipal deadlines are calendar days in
 * Swedish time, never instants, so the domain never carries a time of day or a time zone.
 */
import { differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

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

/** Days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}
