/**
 * Statutory deadlines of Swedish local government, as pure functions on calendar dates.
 * Lag (1930:173) om beräkning av lagstadgad tid: a last day that falls on a Saturday, Sunday,
 * other public holiday, midsommarafton, julafton or nyårsafton moves to the next weekday.
 */
import { addDays, format, getDay, parseISO } from 'date-fns';
import { IsoDate } from './dates';

const iso = (d: Date): IsoDate => format(d, 'yyyy-MM-dd');

/** Easter Sunday (the anonymous Gregorian computus). */
export function paskdagen(ar: number): IsoDate {
  const a = ar % 19;
  const b = Math.floor(ar / 100);
  const c = ar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const manad = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return `${ar}-${String(manad).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

/** The first date from `fran` (inclusive) that falls on the given weekday (0 = Sunday … 6 = Saturday). */
function forstaVeckodag(fran: IsoDate, veckodag: number): IsoDate {
  let d = parseISO(fran);
  while (getDay(d) !== veckodag) d = addDays(d, 1);
  return iso(d);
}

/** Sweden's allmänna helgdagar of a year (lag 1989:253), by name. */
export function helgdagar(ar: number): Record<IsoDate, string> {
  const pask = parseISO(paskdagen(ar));
  return {
    [`${ar}-01-01`]: 'Nyårsdagen',
    [`${ar}-01-06`]: 'Trettondedag jul',
    [iso(addDays(pask, -2))]: 'Långfredagen',
    [iso(pask)]: 'Påskdagen',
    [iso(addDays(pask, 1))]: 'Annandag påsk',
    [`${ar}-05-01`]: 'Första maj',
    [iso(addDays(pask, 39))]: 'Kristi himmelsfärdsdag',
    [iso(addDays(pask, 49))]: 'Pingstdagen',
    [`${ar}-06-06`]: 'Sveriges nationaldag',
    [forstaVeckodag(`${ar}-06-20`, 6)]: 'Midsommardagen',
    [forstaVeckodag(`${ar}-10-31`, 6)]: 'Alla helgons dag',
    [`${ar}-12-25`]: 'Juldagen',
    [`${ar}-12-26`]: 'Annandag jul'
  };
}

/** Days that lag 1930:173 treats like holidays without being allmänna helgdagar. */
function aftnar(ar: number): Record<IsoDate, string> {
  return {
    [forstaVeckodag(`${ar}-06-19`, 5)]: 'Midsommarafton',
    [`${ar}-12-24`]: 'Julafton',
    [`${ar}-12-31`]: 'Nyårsafton'
  };
}

/** Why a day cannot be the last day of a statutory period, or undefined when it can. */
export function ejSistaDag(dag: IsoDate): string | undefined {
  const d = parseISO(dag);
  const ar = d.getFullYear();
  const namn = helgdagar(ar)[dag] ?? aftnar(ar)[dag];
  if (namn) return namn;
  const veckodag = getDay(d);
  return veckodag === 6 ? 'Lördag' : veckodag === 0 ? 'Söndag' : undefined;
}

/** The last day of a period that nominally ends on `dag`, moved forward per lag 1930:173. */
export function flyttaTillVardag(dag: IsoDate): IsoDate {
  let d = dag;
  while (ejSistaDag(d)) d = iso(addDays(parseISO(d), 1));
  return d;
}

/** Laglighetsprövning (KL 13 kap. 5 §): three weeks from the day the anslag was posted. */
export function sistaDagForOverklagande(anslagetUppsatt: IsoDate): IsoDate {
  return flyttaTillVardag(iso(addDays(parseISO(anslagetUppsatt), 21)));
}

/** The protokoll is to be justerat at the latest 14 days after the meeting (KL 5 kap. 69 §). */
export function justerasSenast(sammantradesdag: IsoDate): IsoDate {
  return iso(addDays(parseISO(sammantradesdag), 14));
}
