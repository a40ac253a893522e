/**
 * The KF report "Redovisning av ej verkställda beslut" (seed 001: twice a year, June and December).
 * Pure: which uppdrag belong in a period's report, how they are grouped and ordered, and what
 * changed since the previous report. No React, PnPjs or SPFx here.
 *
 * Rules decided here:
 * - An uppdrag belongs in the report when it was decided by the period's end (no beslutsdatum counts
 *   as decided) and is not Verkställt. The status is the one on the day the report is made (the list
 *   keeps no status per date), judged with bedomLage on that day, so a late one shows as Försenat.
 * - Föreslås avskrivas is reported, in its beslutsinstans and förvaltning like the others, with its
 *   status written out and counted on its own in the summary: it is not verkställt until KF has
 *   decided to write it off, and this report is where KF sees the proposal.
 */
import { daysBetween, IsoDate } from './dates';
import { bedomLage, IBedomtLage, IUppdrag, UPPDRAG_STATUSAR, UppdragStatus } from './uppdrag';

/** The two reporting months. */
export type Redovisningsmanad = 6 | 12;

export interface IRedovisningsperiod {
  ar: number;
  manad: Redovisningsmanad;
}

/** The order of the report's sections; any other instans follows, alphabetically. */
export const INSTANSORDNING: readonly string[] = ['KF', 'KS', 'KSAU', 'Nämnd'];

export const UNDERLAG_VERSION = 1;

/**
 * The frozen basis of one report, stored as JSON with it. `uppdrag` are the report's rows exactly as
 * they were; `verkstalldaId` the uppdrag that were verkställda then, so a later diff can tell a
 * verkställt uppdrag from one that was removed from the list.
 */
export interface IRedovisningsunderlag {
  version: number;
  period: IRedovisningsperiod;
  periodslut: IsoDate;
  /** The day the report was made: the statuses are as of this day. */
  lagesdatum: IsoDate;
  uppdrag: IUppdrag[];
  verkstalldaId: number[];
}

export interface IRedovisningsrad {
  uppdrag: IUppdrag;
  lage: IBedomtLage;
}

export interface IForvaltningsgrupp {
  forvaltning: string;
  rader: IRedovisningsrad[];
}

export interface IInstansgrupp {
  beslutsinstans: string;
  forvaltningar: IForvaltningsgrupp[];
  antal: number;
}

export interface ISammanfattning {
  totalt: number;
  /** Per shown status (after bedomLage), every status present with 0 when none. */
  perStatus: Record<UppdragStatus, number>;
  /** Past the planned date, whatever status is shown. */
  forsenade: number;
  perInstans: Array<{ beslutsinstans: string; antal: number }>;
}

export interface IFlyttat {
  uppdrag: IUppdrag;
  fran: IsoDate;
  till: IsoDate;
}

export interface IRedovisningsdiff {
  /** The previous report's period, to name it. */
  forraPeriod: IRedovisningsperiod;
  /** In this report, not in the previous one. */
  nya: IUppdrag[];
  /** In the previous report, verkställda now (as they were then). */
  verkstallda: IUppdrag[];
  /** In both, with a planned date later than in the previous report. */
  flyttade: IFlyttat[];
  /** In the previous report, neither in this one nor verkställda: removed from the list (or avskrivna). */
  borttagna: IUppdrag[];
}

export interface IRedovisning {
  period: IRedovisningsperiod;
  etikett: string;
  periodslut: IsoDate;
  lagesdatum: IsoDate;
  grupper: IInstansgrupp[];
  sammanfattning: ISammanfattning;
  /** Undefined when there is no earlier report to compare with. */
  diff?: IRedovisningsdiff;
  underlag: IRedovisningsunderlag;
}

const MANADSNAMN: Record<Redovisningsmanad, string> = { 6: 'juni', 12: 'december' };

/** "juni 2026" / "december 2026": the period as the report names it (always Swedish, it is the KF record). */
export function periodEtikett(period: IRedovisningsperiod): string {
  return `${MANADSNAMN[period.manad]} ${period.ar}`;
}

/** The last day the report describes: 30 June or 31 December. */
export function periodslut(period: IRedovisningsperiod): IsoDate {
  return period.manad === 6 ? `${period.ar}-06-30` : `${period.ar}-12-31`;
}

/** A stable key, "2026-06" or "2026-12", as stored with the report. */
export function periodNyckel(period: IRedovisningsperiod): string {
  return `${period.ar}-${period.manad === 6 ? '06' : '12'}`;
}

/**
 * The stored file's name, e.g. "Redovisning-ej-verkstallda-beslut-2026-12.docx": one report per
 * period (a new one replaces it; the library's versions keep the old), ASCII so links never break.
 */
export function redovisningFilnamn(period: IRedovisningsperiod, filtyp: 'docx' | 'xlsx'): string {
  return `Redovisning-ej-verkstallda-beslut-${periodNyckel(period)}.${filtyp}`;
}

export function periodFranNyckel(nyckel: unknown): IRedovisningsperiod | undefined {
  const m = typeof nyckel === 'string' ? /^(\d{4})-(06|12)$/.exec(nyckel) : null;
  return m ? { ar: Number(m[1]), manad: m[2] === '06' ? 6 : 12 } : undefined;
}

/** The next report due on or after `idag`: June's until 30 June, then December's. */
export function nastaPeriod(idag: IsoDate): IRedovisningsperiod {
  const ar = Number(idag.slice(0, 4));
  return idag <= `${ar}-06-30` ? { ar, manad: 6 } : { ar, manad: 12 };
}

/** Negative when `a` ends before `b`. */
export function jamforPerioder(a: IRedovisningsperiod, b: IRedovisningsperiod): number {
  return a.ar !== b.ar ? a.ar - b.ar : a.manad - b.manad;
}

/** Belongs in the report: decided by the period's end and not verkställt. */
export function ingarIRedovisning(uppdrag: IUppdrag, slut: IsoDate): boolean {
  if (uppdrag.status === 'Verkstallt') return false;
  return uppdrag.beslutsdatum === undefined || uppdrag.beslutsdatum <= slut;
}

const svenska = (a: string, b: string): number => a.localeCompare(b, 'sv');

function instansIndex(instans: string): number {
  const i = INSTANSORDNING.indexOf(instans);
  return i >= 0 ? i : INSTANSORDNING.length;
}

export function jamforInstans(a: string, b: string): number {
  return instansIndex(a) - instansIndex(b) || svenska(a, b);
}

/** "§ 54" before "§ 121": the paragraph's number, not its text. */
function paragrafNummer(paragraf: string): number {
  const m = /\d+/.exec(paragraf);
  return m ? Number(m[0]) : Number.MAX_SAFE_INTEGER;
}

/** Within a förvaltning: oldest decision first (undated last), then §, then id for a stable order. */
function jamforRader(a: IUppdrag, b: IUppdrag): number {
  const da = a.beslutsdatum ?? '9999-12-31';
  const db = b.beslutsdatum ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : paragrafNummer(a.paragraf) - paragrafNummer(b.paragraf) || a.id - b.id;
}

/** Beslutsinstans (KF, KS, KSAU, Nämnd, others) → förvaltning (alphabetical) → beslutsdatum. */
export function grupperaRader(rader: readonly IRedovisningsrad[]): IInstansgrupp[] {
  const perInstans = new Map<string, Map<string, IRedovisningsrad[]>>();
  for (const rad of rader) {
    const instans = rad.uppdrag.beslutsinstans;
    const forvaltningar = perInstans.get(instans) ?? new Map<string, IRedovisningsrad[]>();
    perInstans.set(instans, forvaltningar);
    const lista = forvaltningar.get(rad.uppdrag.forvaltning) ?? [];
    forvaltningar.set(rad.uppdrag.forvaltning, lista);
    lista.push(rad);
  }
  return Array.from(perInstans.keys()).sort(jamforInstans).map((beslutsinstans) => {
    const forvaltningar = perInstans.get(beslutsinstans)!;
    const grupper = Array.from(forvaltningar.keys()).sort(svenska).map((forvaltning) => ({
      forvaltning,
      rader: forvaltningar.get(forvaltning)!.slice().sort((a, b) => jamforRader(a.uppdrag, b.uppdrag))
    }));
    return { beslutsinstans, forvaltningar: grupper, antal: grupper.reduce((n, g) => n + g.rader.length, 0) };
  });
}

function sammanfatta(grupper: readonly IInstansgrupp[]): ISammanfattning {
  const perStatus = Object.fromEntries(UPPDRAG_STATUSAR.map((s) => [s, 0])) as Record<UppdragStatus, number>;
  let forsenade = 0;
  for (const g of grupper) {
    for (const f of g.forvaltningar) {
      for (const r of f.rader) {
        perStatus[r.lage.status] += 1;
        if (r.lage.forsenad) forsenade += 1;
      }
    }
  }
  return {
    totalt: grupper.reduce((n, g) => n + g.antal, 0),
    perStatus,
    forsenade,
    perInstans: grupper.map((g) => ({ beslutsinstans: g.beslutsinstans, antal: g.antal }))
  };
}

/** Freezes what the report shows: the rows as they are now, plain JSON (deep copies). */
export function skapaUnderlag(allaUppdrag: readonly IUppdrag[], period: IRedovisningsperiod, lagesdatum: IsoDate): IRedovisningsunderlag {
  const slut = periodslut(period);
  return {
    version: UNDERLAG_VERSION,
    period: { ...period },
    periodslut: slut,
    lagesdatum,
    uppdrag: allaUppdrag.filter((u) => ingarIRedovisning(u, slut)).map((u) => JSON.parse(JSON.stringify(u)) as IUppdrag),
    verkstalldaId: allaUppdrag.filter((u) => u.status === 'Verkstallt').map((u) => u.id).sort((a, b) => a - b)
  };
}

/** What changed from the previous report to this one. */
export function jamforUnderlag(forra: IRedovisningsunderlag, aktuellt: IRedovisningsunderlag): IRedovisningsdiff {
  const forraPerId = new Map(forra.uppdrag.map((u) => [u.id, u]));
  const aktuellaPerId = new Map(aktuellt.uppdrag.map((u) => [u.id, u]));
  const verkstallda = new Set(aktuellt.verkstalldaId);
  const iOrdning = (lista: IUppdrag[]): IUppdrag[] =>
    lista.sort((a, b) => jamforInstans(a.beslutsinstans, b.beslutsinstans) || svenska(a.forvaltning, b.forvaltning) || jamforRader(a, b));
  const diff: IRedovisningsdiff = { forraPeriod: { ...forra.period }, nya: [], verkstallda: [], flyttade: [], borttagna: [] };
  for (const u of aktuellt.uppdrag) {
    const fore = forraPerId.get(u.id);
    if (!fore) diff.nya.push(u);
    else if (fore.planeratKlart && u.planeratKlart && daysBetween(fore.planeratKlart, u.planeratKlart) > 0) {
      diff.flyttade.push({ uppdrag: u, fran: fore.planeratKlart, till: u.planeratKlart });
    }
  }
  for (const u of forra.uppdrag) {
    if (aktuellaPerId.has(u.id)) continue;
    (verkstallda.has(u.id) ? diff.verkstallda : diff.borttagna).push(u);
  }
  iOrdning(diff.nya);
  iOrdning(diff.verkstallda);
  iOrdning(diff.borttagna);
  diff.flyttade.sort((a, b) => jamforInstans(a.uppdrag.beslutsinstans, b.uppdrag.beslutsinstans) ||
    svenska(a.uppdrag.forvaltning, b.uppdrag.forvaltning) || jamforRader(a.uppdrag, b.uppdrag));
  return diff;
}

/** The report from a frozen basis; the same basis always gives the same report. */
export function redovisningFranUnderlag(underlag: IRedovisningsunderlag, forra?: IRedovisningsunderlag): IRedovisning {
  const rader = underlag.uppdrag.map((uppdrag) => ({ uppdrag, lage: bedomLage(uppdrag, underlag.lagesdatum) }));
  const grupper = grupperaRader(rader);
  return {
    period: underlag.period,
    etikett: periodEtikett(underlag.period),
    periodslut: underlag.periodslut,
    lagesdatum: underlag.lagesdatum,
    grupper,
    sammanfattning: sammanfatta(grupper),
    diff: forra ? jamforUnderlag(forra, underlag) : undefined,
    underlag
  };
}

/** Makes a period's report from the whole list as it is on `idag`, compared with the previous report's basis. */
export function skapaRedovisning(
  allaUppdrag: readonly IUppdrag[], period: IRedovisningsperiod, idag: IsoDate, forra?: IRedovisningsunderlag
): IRedovisning {
  return redovisningFranUnderlag(skapaUnderlag(allaUppdrag, period, idag), forra);
}

function arPeriod(v: unknown): v is IRedovisningsperiod {
  const p = v as IRedovisningsperiod | undefined;
  return typeof p?.ar === 'number' && (p.manad === 6 || p.manad === 12);
}

/** Reads a stored basis; undefined for text that is not one (damaged or from an unknown version). */
export function tolkaUnderlag(json: unknown): IRedovisningsunderlag | undefined {
  let v: unknown;
  try {
    v = typeof json === 'string' ? JSON.parse(json) : json;
  } catch {
    return undefined;
  }
  const u = v as Partial<IRedovisningsunderlag> | null;
  if (!u || u.version !== UNDERLAG_VERSION || !arPeriod(u.period) || typeof u.periodslut !== 'string' ||
    typeof u.lagesdatum !== 'string' || !Array.isArray(u.uppdrag) || !Array.isArray(u.verkstalldaId)) {
    return undefined;
  }
  return u as IRedovisningsunderlag;
}
