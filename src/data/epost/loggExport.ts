/**
 * The 30-day e-mail log (seed 004 §5.3) as files anyone can open: CSV for Swedish Excel and XLSX.
 * The UI loads this module on demand (`import(/* webpackChunkName: 'epost-logg-export' *\/ …)`), so
 * papaparse and exceljs stay out of the part's first download; hence no React or PnPjs here.
 *
 * Subjects and addresses come from outside senders: every cell is plain text (never HTML, never a
 * formula, never rich text) with control characters removed.
 */
import { Workbook } from 'exceljs';
import { unparse } from 'papaparse';
import { IsoDate, isIsoDate } from '../../domain/dates';
import { Epostmapp, ILoggrad, Loggatgard } from '../../domain/epostrutin';

/** The columns, in order. */
export const LOGG_KOLUMNER = ['datum', 'fran', 'till', 'amne', 'mapp', 'atgard', 'hanterad', 'notering'] as const;
export type Loggkolumn = (typeof LOGG_KOLUMNER)[number];

/** The reader's words; the UI passes its loc strings, so the file follows the page's language. */
export interface ILoggExportTexter {
  /** The first line: the mail system's own trace is the authoritative log, this is a help. */
  upplysning: string;
  /** Column headings (Datum, Från, Till, Ämne, Mapp, Åtgärd, Hanterad, Notering). */
  rubriker: Record<Loggkolumn, string>;
  mappar: Record<Epostmapp, string>;
  /** What was done ("Diarieförd", "Gallrad", "Behållen", "Ej hanterad"). */
  atgarder: Record<Loggatgard, string>;
  /** An action with steps left, `{0}` the action's word, e.g. "{0} (inte klar)". */
  inteKlar: string;
}

export const BLADNAMN = 'E-postlogg';
export const CSV_TYP = 'text/csv;charset=utf-8';
export const XLSX_TYP = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type Loggfiltyp = 'csv' | 'xlsx';

/** `e-postlogg-2026-11-27.csv`: ASCII, so every mail client and file system keeps the name. */
export function filnamn(idag: IsoDate, typ: Loggfiltyp): string {
  if (!isIsoDate(idag)) throw new RangeError(`Ogiltigt datum: ${String(idag)}`);
  return `e-postlogg-${idag}.${typ}`;
}

/** Excel holds at most 32,767 characters in a cell. */
const MAX_CELL = 32767;

/**
 * A value as one line of plain text: line breaks and tabs become a space (a CSV reader and a filter
 * both want one line per mail); other C0/C1 controls, bidi overrides (which can make a subject read
 * as something else) and lone surrogates or U+FFFE/U+FFFF (which make an .xlsx unreadable) go.
 */
export function rensaText(varde: unknown): string {
  let text = (typeof varde === 'string' ? varde : varde === undefined || varde === null ? '' : String(varde))
    .replace(/[\r\n\t\v\f\u0085\u2028\u2029]+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g, '')
    .replace(/([\uD800-\uDBFF][\uDC00-\uDFFF])|[\uD800-\uDFFF]/g, (_hel, par: string | undefined) => par ?? '')
    // Leading blanks would hide a formula from the spreadsheet guard.
    .trim();
  if (text.length > MAX_CELL) text = text.slice(0, MAX_CELL - 1).replace(/[\uD800-\uDBFF]$/, '') + '…';
  return text;
}

// Built once: creating an Intl formatter is costly. h23, as some engines write midnight as 24.
const SVENSK_KLOCKA = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'
});

interface ISvenskTid {
  /** yyyy-MM-dd HH:mm on a Swedish clock. */
  text: string;
  /** The same wall-clock time as UTC fields: exceljs writes a Date's UTC time as the Excel serial. */
  excel: Date;
}

function svenskTid(iso: string | undefined): ISvenskTid | undefined {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return undefined;
  const del: Record<string, string> = {};
  for (const p of SVENSK_KLOCKA.formatToParts(new Date(t))) del[p.type] = p.value;
  const [ar, manad, dag, timme, minut, sekund] = [del.year, del.month, del.day, del.hour, del.minute, del.second].map(Number);
  return {
    text: `${del.year}-${del.month}-${del.day} ${del.hour}:${del.minute}`,
    excel: new Date(Date.UTC(ar, manad - 1, dag, timme, minut, sekund))
  };
}

type Cell = string | ISvenskTid | undefined;

function atgardText(r: ILoggrad, texter: ILoggExportTexter): string {
  const ord = texter.atgarder[r.atgard] ?? r.atgard;
  return r.atgard !== 'Ej hanterad' && !r.klar ? texter.inteKlar.replace(/\{0\}/g, () => ord) : ord;
}

/** One mail as the columns show it. Hanterad is the time only of a finished action. */
function celler(r: ILoggrad, texter: ILoggExportTexter): Record<Loggkolumn, Cell> {
  return {
    datum: svenskTid(r.datum),
    fran: rensaText(r.fran),
    till: rensaText(r.till),
    amne: rensaText(r.amne),
    mapp: rensaText(texter.mappar[r.mapp] ?? r.mapp),
    atgard: rensaText(atgardText(r, texter)),
    hanterad: r.klar ? svenskTid(r.hanterad) : undefined,
    notering: rensaText(r.notering)
  };
}

const somText = (c: Cell): string => (c === undefined ? '' : typeof c === 'string' ? c : c.text);

/**
 * The log as CSV for Swedish Excel: UTF-8 with a BOM (else Excel reads å, ä, ö as Latin-1),
 * semicolons (the Swedish list separator), CRLF, and papaparse's formula guard (a cell starting with
 * = + - @ gets a leading ') so a subject like `=HYPERLINK(…)` stays text. The note comes first.
 */
export function byggCsv(rader: readonly ILoggrad[], texter: ILoggExportTexter): string {
  // The note row has every column, so readers that want a rectangle (pandas, R) take the file too.
  const upplysning = LOGG_KOLUMNER.map((_k, i) => (i === 0 ? rensaText(texter.upplysning) : ''));
  const rubriker = LOGG_KOLUMNER.map((k) => rensaText(texter.rubriker[k]));
  const varden = rader.map((r) => {
    const c = celler(r, texter);
    return LOGG_KOLUMNER.map((k) => somText(c[k]));
  });
  return '\uFEFF' + unparse([upplysning, rubriker, ...varden], { delimiter: ';', newline: '\r\n', quoteChar: '"', escapeFormulae: true });
}

const BREDDER: Record<Loggkolumn, number> = { datum: 17, fran: 32, till: 32, amne: 50, mapp: 14, atgard: 24, hanterad: 17, notering: 40 };
const DATUMFORMAT = 'yyyy-mm-dd hh:mm';

/**
 * The log as a workbook: one sheet, the note merged across the first row, the bold headings frozen
 * below it with a filter, dates as real Excel dates on a Swedish clock (sortable and filterable).
 * Strings go in as string cells, which Excel never evaluates.
 */
export async function byggXlsx(rader: readonly ILoggrad[], texter: ILoggExportTexter): Promise<Uint8Array> {
  const bok = new Workbook();
  bok.creator = 'Ärendeportalen';
  bok.title = BLADNAMN;
  const blad = bok.addWorksheet(BLADNAMN, { views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }] });
  blad.columns = LOGG_KOLUMNER.map((k) => ({ key: k, width: BREDDER[k] }));

  blad.mergeCells(1, 1, 1, LOGG_KOLUMNER.length);
  const upplysning = blad.getCell(1, 1);
  upplysning.value = rensaText(texter.upplysning);
  upplysning.alignment = { wrapText: true, vertical: 'top' };
  upplysning.font = { italic: true };
  // Excel does not grow a merged row to fit wrapped text.
  blad.getRow(1).height = 32;

  const rubrikrad = blad.getRow(2);
  rubrikrad.values = LOGG_KOLUMNER.map((k) => rensaText(texter.rubriker[k]));
  rubrikrad.font = { bold: true };

  rader.forEach((r, i) => {
    const c = celler(r, texter);
    const rad = blad.getRow(3 + i);
    LOGG_KOLUMNER.forEach((k, kol) => {
      const cell = rad.getCell(kol + 1);
      const v = c[k];
      if (v === undefined) return;
      if (typeof v === 'string') {
        cell.value = v;
      } else {
        cell.value = v.excel;
        cell.numFmt = DATUMFORMAT;
      }
    });
    rad.alignment = { vertical: 'top' };
  });

  blad.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rader.length, column: LOGG_KOLUMNER.length } };
  return new Uint8Array(await bok.xlsx.writeBuffer());
}
