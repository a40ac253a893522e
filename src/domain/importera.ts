/**
 * Import of a hand-kept ärendebalanslista (an Excel sheet): which column is which field, what is
 * wrong with each row, and the new uppdrag each valid row becomes. Pure; the problems are codes
 * the UI words in the reader's language, so the report row by row is the same in every client.
 */
import { IsoDate, isIsoDate } from './dates';
import { beslutsinstansForOrgan, Beslutsinstans, svensktDatum } from './protokollUppdrag';
import { IUppdrag, UPPDRAG_STATUSAR, UppdragStatus } from './uppdrag';

/** The same shape as the Uppdrag service's NyttUppdrag, without importing the data layer. */
export type NyttUppdragData = Omit<IUppdrag, 'id' | 'senastAndrad' | 'handlaggare' | 'handlaggareEpost'>;

export const IMPORT_FALT = [
  'rubrik', 'uppdragstext', 'beslutsinstans', 'beslutsdatum', 'paragraf', 'diarienummer', 'forvaltning',
  'status', 'planeratKlart', 'aterrapporteraSenast', 'varIHanteringen', 'kommentar'
] as const;
export type ImportFalt = (typeof IMPORT_FALT)[number];

/** Required by the Uppdrag list; Uppdragstext is too, but a sheet without it falls back to the rubrik. */
export const OBLIGATORISKA_FALT: readonly ImportFalt[] = ['rubrik', 'beslutsinstans', 'beslutsdatum', 'paragraf', 'forvaltning'];
const DATUMFALT: readonly ImportFalt[] = ['beslutsdatum', 'planeratKlart', 'aterrapporteraSenast'];

export type Cellvarde = string | Date | null;
/** Field → the index of the sheet column it is read from. */
export type Kolumnmappning = Partial<Record<ImportFalt, number>>;

/** Header words from the lists kommuner keep today, best first; all lower case. */
const RUBRIKORD: Record<ImportFalt, readonly string[]> = {
  rubrik: ['ärende', 'ärenden', 'rubrik', 'uppdrag', 'ärendemening', 'titel', 'benämning'],
  uppdragstext: ['uppdragstext', 'beslut', 'beslutstext', 'beskrivning', 'uppdragets innehåll', 'beslutet'],
  beslutsinstans: ['beslutsinstans', 'instans', 'organ', 'beslutande organ', 'beslutat av', 'nämnd/styrelse'],
  beslutsdatum: ['beslutsdatum', 'datum', 'beslutat', 'sammanträdesdatum', 'beslutsdag', 'beslut datum'],
  paragraf: ['§', 'paragraf', 'par', 'paragrafnummer', 'beslutsparagraf'],
  diarienummer: ['dnr', 'diarienummer', 'diarienr', 'ärendenummer'],
  forvaltning: ['ansvarig förvaltning', 'förvaltning', 'ansvarig', 'ansvarig enhet', 'verksamhet', 'utförare'],
  status: ['status', 'läge', 'verkställt', 'verkställighet'],
  planeratKlart: ['klart', 'planerat klart', 'klart senast', 'klart datum', 'beräknat klart', 'slutdatum', 'klar'],
  aterrapporteraSenast: ['återrapportera senast', 'återrapportering', 'återrapporteras', 'återrapport', 'redovisas senast'],
  varIHanteringen: ['var i hanteringen', 'åtgärder', 'åtgärd', 'hantering', 'lägesbeskrivning'],
  kommentar: ['kommentar', 'kommentarer', 'anteckning', 'övrigt', 'notering']
};

function normaliseraRubrik(s: string): string {
  return s.toLowerCase().replace(/[\s_]+/g, ' ').replace(/[.:*()]/g, '').trim();
}

/**
 * A field for each header it names: exact words first, then a header that contains one of the
 * words (longest word first, so "Beslutsdatum" is not taken for "Beslut"); each column and each
 * field used once.
 */
export function foreslaMappning(rubriker: readonly string[]): Kolumnmappning {
  const normal = rubriker.map((r) => normaliseraRubrik(r ?? ''));
  const kandidater: Array<{ falt: ImportFalt; kolumn: number; poang: number }> = [];
  for (const falt of IMPORT_FALT) {
    RUBRIKORD[falt].forEach((ord, plats) => {
      normal.forEach((r, kolumn) => {
        if (!r) return;
        if (r === ord) kandidater.push({ falt, kolumn, poang: 1000 - plats });
        else if (ord.length >= 4 && r.includes(ord)) kandidater.push({ falt, kolumn, poang: 100 + ord.length });
      });
    });
  }
  kandidater.sort((a, b) => b.poang - a.poang || a.kolumn - b.kolumn);
  const mappning: Kolumnmappning = {};
  const tagna = new Set<number>();
  for (const k of kandidater) {
    if (mappning[k.falt] !== undefined || tagna.has(k.kolumn)) continue;
    mappning[k.falt] = k.kolumn;
    tagna.add(k.kolumn);
  }
  return mappning;
}

export type ProblemKod = 'saknas' | 'ogiltigtDatum' | 'okandStatus' | 'okandBeslutsinstans' | 'dubblett';

export interface IRadProblem {
  kod: ProblemKod;
  falt: ImportFalt;
  /** The value as it stood in the sheet, or for a dubblett the sheet row it repeats. */
  varde?: string;
}

/** Synonyms kommuner write in the status column; the list's own texts are matched first. */
const STATUS_ORD: Record<string, UppdragStatus> = {
  'ej påbörjad': 'EjPaborjat', 'inte påbörjat': 'EjPaborjat', 'ej startat': 'EjPaborjat', 'ej påbörjat': 'EjPaborjat', 'ny': 'EjPaborjat',
  'pågående': 'Pagar', 'påbörjat': 'Pagar', 'påbörjad': 'Pagar', 'pågår': 'Pagar', 'under arbete': 'Pagar',
  'försenad': 'Forsenat', 'försenat': 'Forsenat',
  'delvis verkställd': 'DelvisVerkstallt', 'delvis klar': 'DelvisVerkstallt', 'delvis klart': 'DelvisVerkstallt', 'delvis genomfört': 'DelvisVerkstallt',
  'verkställd': 'Verkstallt', 'klar': 'Verkstallt', 'klart': 'Verkstallt', 'avslutad': 'Verkstallt', 'avslutat': 'Verkstallt',
  'genomfört': 'Verkstallt', 'genomförd': 'Verkstallt',
  'föreslås avskrivet': 'ForeslasAvskrivas', 'avskrivs': 'ForeslasAvskrivas', 'föreslås avskrivning': 'ForeslasAvskrivas'
};

/** The status code for a cell; an empty cell is Ej påbörjat, the list's default. */
export function tolkaStatus(text: string, statusTexter: Readonly<Record<UppdragStatus, string>>): UppdragStatus | undefined | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!t) return null;
  const kod = UPPDRAG_STATUSAR.find((s) => statusTexter[s].toLowerCase() === t || s.toLowerCase() === t);
  return kod ?? STATUS_ORD[t];
}

export function tolkaBeslutsinstans(text: string): Beslutsinstans | undefined {
  return beslutsinstansForOrgan(text);
}

/** A cell as a calendar date: a date cell, "2020-11-30", "2020-11-30 00:00", "30 november 2020", "30.11.2020". */
export function tolkaDatum(varde: Cellvarde): IsoDate | undefined {
  if (varde instanceof Date) {
    if (isNaN(varde.getTime())) return undefined;
    // Sheets store a date without a zone; the reader gives it as midnight UTC.
    return `${varde.getUTCFullYear()}-${String(varde.getUTCMonth() + 1).padStart(2, '0')}-${String(varde.getUTCDate()).padStart(2, '0')}`;
  }
  const t = (varde ?? '').trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (iso) return isIsoDate(iso[1]) ? iso[1] : undefined;
  const punkt = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (punkt) {
    const d = `${punkt[3]}-${punkt[2].padStart(2, '0')}-${punkt[1].padStart(2, '0')}`;
    return isIsoDate(d) ? d : undefined;
  }
  return svensktDatum(t);
}

/** "54", "§54", "§ 54" → "§ 54"; anything else as written. */
export function tolkaParagraf(text: string): string {
  const t = text.trim();
  const m = /^§?\s*(\d+[a-z]?)$/i.exec(t);
  return m ? `§ ${m[1]}` : t;
}

function text(varde: Cellvarde | undefined): string {
  if (varde === null || varde === undefined) return '';
  if (varde instanceof Date) return tolkaDatum(varde) ?? '';
  return varde.trim();
}

/** FNV-1a: a short, stable fingerprint so the key fits the list's text field. */
function fingeravtryck(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The source key of an imported row: by what the uppdrag is (instans, date, §, rubrik), not by its
 * place in the file, so importing the same list again, sorted otherwise, creates nothing twice.
 */
export function importKallNyckel(u: Pick<NyttUppdragData, 'beslutsinstans' | 'beslutsdatum' | 'paragraf' | 'rubrik'>): string {
  const rubrik = u.rubrik.trim().toLowerCase().replace(/\s+/g, ' ');
  return `import:${u.beslutsinstans}:${u.beslutsdatum ?? ''}:${u.paragraf.replace(/\s+/g, '')}:${fingeravtryck(rubrik)}`;
}

export interface IImportRad {
  /** The row number in the sheet, as the user sees it in Excel. */
  radnummer: number;
  celler: readonly Cellvarde[];
}

export interface IGranskadRad {
  radnummer: number;
  problem: IRadProblem[];
  /** Set when the row has no problems. */
  uppdrag?: NyttUppdragData;
  kallNyckel?: string;
  /** What the row's rubrik cell says, for the report. */
  rubrik: string;
}

/** What is missing or wrong in an uppdrag before it is created (also for protokoll proposals). */
export function kontrolleraUppdrag(u: Partial<Record<ImportFalt, string | undefined>>): IRadProblem[] {
  const problem: IRadProblem[] = [];
  for (const falt of OBLIGATORISKA_FALT) {
    if (!(u[falt] ?? '').trim()) problem.push({ kod: 'saknas', falt });
  }
  for (const falt of DATUMFALT) {
    const v = u[falt];
    if (v && !isIsoDate(v)) problem.push({ kod: 'ogiltigtDatum', falt, varde: v });
  }
  if (u.beslutsinstans && !tolkaBeslutsinstans(u.beslutsinstans)) problem.push({ kod: 'okandBeslutsinstans', falt: 'beslutsinstans', varde: u.beslutsinstans });
  return problem;
}

/**
 * Every row checked: required values, dates, status and beslutsinstans as choices of the list,
 * and the same uppdrag twice in the file (the later row is the dubblett).
 */
export function granskaRader(
  rader: readonly IImportRad[],
  mappning: Kolumnmappning,
  statusTexter: Readonly<Record<UppdragStatus, string>>
): IGranskadRad[] {
  const forstaRad = new Map<string, number>();
  return rader.map(({ radnummer, celler }) => {
    const cell = (falt: ImportFalt): Cellvarde | undefined => {
      const i = mappning[falt];
      return i === undefined ? undefined : celler[i];
    };
    const problem: IRadProblem[] = [];
    const varde = (falt: ImportFalt): string => text(cell(falt));
    for (const falt of OBLIGATORISKA_FALT) {
      if (!varde(falt)) problem.push({ kod: 'saknas', falt });
    }
    const datum: Partial<Record<ImportFalt, IsoDate>> = {};
    for (const falt of DATUMFALT) {
      const c = cell(falt);
      if (c === undefined || c === null || (typeof c === 'string' && !c.trim())) continue;
      const d = tolkaDatum(c);
      if (d) datum[falt] = d;
      else problem.push({ kod: 'ogiltigtDatum', falt, varde: text(c) });
    }
    const status = tolkaStatus(varde('status'), statusTexter);
    if (status === undefined) problem.push({ kod: 'okandStatus', falt: 'status', varde: varde('status') });
    const instans = varde('beslutsinstans') ? tolkaBeslutsinstans(varde('beslutsinstans')) : undefined;
    if (varde('beslutsinstans') && !instans) problem.push({ kod: 'okandBeslutsinstans', falt: 'beslutsinstans', varde: varde('beslutsinstans') });
    const rubrik = varde('rubrik');
    if (problem.length > 0 || !instans) return { radnummer, problem, rubrik };

    const valfri = (falt: ImportFalt): string | undefined => varde(falt) || undefined;
    const uppdrag: NyttUppdragData = {
      rubrik,
      uppdragstext: valfri('uppdragstext') ?? rubrik,
      beslutsinstans: instans,
      beslutsdatum: datum.beslutsdatum,
      paragraf: tolkaParagraf(varde('paragraf')),
      diarienummer: valfri('diarienummer'),
      forvaltning: varde('forvaltning'),
      status: status ?? 'EjPaborjat',
      planeratKlart: datum.planeratKlart,
      aterrapporteraSenast: datum.aterrapporteraSenast,
      varIHanteringen: valfri('varIHanteringen'),
      kommentar: valfri('kommentar')
    };
    const kallNyckel = importKallNyckel(uppdrag);
    const tidigare = forstaRad.get(kallNyckel);
    if (tidigare !== undefined) {
      return { radnummer, rubrik, problem: [{ kod: 'dubblett', falt: 'rubrik', varde: String(tidigare) }] };
    }
    forstaRad.set(kallNyckel, radnummer);
    return { radnummer, problem, uppdrag, kallNyckel, rubrik };
  });
}
