/**
 * Selecting, ordering and summarising uppdrag for the ledamot's read view: filter, sort, group,
 * the status overview and "ändrat sedan". Pure functions over plain data: no React, PnPjs or SPFx.
 */
import { isIsoDate, IsoDate, swedishDate } from './dates';
import {
  bedomLage, IUppdrag, IUppdragHandelse, RedigerbartFalt, STANDARD_DAGAR_TILL_INAKTUELL, UPPDRAG_STATUSAR, UppdragStatus
} from './uppdrag';

/** What the reader judges by: today and when a row counts as stale. */
export interface IBedomning {
  idag: IsoDate;
  dagarTillInaktuell?: number;
}

export interface IUrvalKriterier {
  /** Shown statuses (as bedomLage gives them, so Försenat matches late rows); empty or absent = all. */
  statusar?: readonly UppdragStatus[];
  forvaltning?: string;
  beslutsinstans?: string;
  baraForsenade?: boolean;
  baraInaktuella?: boolean;
  /** Free text over rubrik, uppdragstext, diarienummer and §; every word must occur. */
  sok?: string;
}

// One collator for every comparison (the same order as a.localeCompare(b, 'sv'), without a lookup per call).
const svJamfor = new Intl.Collator('sv').compare;

/** Lower case, one space between words, "§ 54" written as "§54" so either spelling finds it. */
function normalisera(text: string): string {
  return text.toLocaleLowerCase('sv').replace(/\s+/g, ' ').replace(/§ /g, '§').trim();
}

function sokord(sok: string | undefined): string[] {
  return normalisera(sok ?? '').split(' ').filter((o) => o !== '');
}

function matcharOrd(u: IUppdrag, ord: readonly string[]): boolean {
  if (ord.length === 0) return true;
  const text = normalisera([u.rubrik, u.uppdragstext ?? '', u.diarienummer ?? '', u.paragraf].join(' '));
  return ord.every((o) => text.indexOf(o) >= 0);
}

export function matcharSok(u: IUppdrag, sok: string | undefined): boolean {
  return matcharOrd(u, sokord(sok));
}

export function filtrera(uppdrag: readonly IUppdrag[], kriterier: IUrvalKriterier, bedomning: IBedomning): IUppdrag[] {
  const dagar = bedomning.dagarTillInaktuell ?? STANDARD_DAGAR_TILL_INAKTUELL;
  const statusar = kriterier.statusar && kriterier.statusar.length > 0 ? new Set(kriterier.statusar) : undefined;
  const ord = sokord(kriterier.sok);
  // bedomLage parses dates: only for a criterion that needs it, and after the cheap checks.
  const behoverLage = statusar !== undefined || !!kriterier.baraForsenade || !!kriterier.baraInaktuella;
  return uppdrag.filter((u) => {
    if (kriterier.forvaltning !== undefined && u.forvaltning !== kriterier.forvaltning) return false;
    if (kriterier.beslutsinstans !== undefined && u.beslutsinstans !== kriterier.beslutsinstans) return false;
    if (!matcharOrd(u, ord)) return false;
    if (!behoverLage) return true;
    const lage = bedomLage(u, bedomning.idag, dagar);
    if (statusar && !statusar.has(lage.status)) return false;
    if (kriterier.baraForsenade && !lage.forsenad) return false;
    return !(kriterier.baraInaktuella && !lage.inaktuell);
  });
}

/** The distinct non-empty values of a text field, in Swedish order (for filter choices). */
export function distinktaVarden(uppdrag: readonly IUppdrag[], falt: 'forvaltning' | 'beslutsinstans'): string[] {
  return Array.from(new Set(uppdrag.map((u) => u[falt]).filter((v) => v !== ''))).sort(svJamfor);
}

export type SorteringsKolumn = 'rubrik' | 'beslut' | 'forvaltning' | 'status' | 'planeratKlart' | 'senastAndrad';
export type Riktning = 'stigande' | 'fallande';

/** "§ 54" → 54, so § 9 comes before § 10. */
function paragrafNummer(paragraf: string): number {
  const m = /\d+/.exec(paragraf);
  return m ? Number(m[0]) : Number.MAX_SAFE_INTEGER;
}

function jamforDatum(a: IsoDate | undefined, b: IsoDate | undefined): number {
  return (a ?? '').localeCompare(b ?? '');
}

/**
 * Sorted copy. Rows without a value (no planned date …) come last in both directions, since
 * "nothing planned" is not earlier or later than a date; ties fall back on id to stay stable.
 */
export function sortera(uppdrag: readonly IUppdrag[], kolumn: SorteringsKolumn, riktning: Riktning, bedomning: IBedomning): IUppdrag[] {
  const tecken = riktning === 'stigande' ? 1 : -1;
  const dagar = bedomning.dagarTillInaktuell ?? STANDARD_DAGAR_TILL_INAKTUELL;
  // Judged once per row, not twice per comparison (n log n date parses made a 5,000-row sort take a second).
  const statusar = new Map<IUppdrag, number>(kolumn === 'status'
    ? uppdrag.map((u) => [u, UPPDRAG_STATUSAR.indexOf(bedomLage(u, bedomning.idag, dagar).status)])
    : []);
  const statusOrdning = (u: IUppdrag): number => statusar.get(u) ?? 0;
  const saknas = (u: IUppdrag): boolean =>
    (kolumn === 'planeratKlart' && u.planeratKlart === undefined) || (kolumn === 'senastAndrad' && u.senastAndrad === undefined);
  const jamfor = (a: IUppdrag, b: IUppdrag): number => {
    switch (kolumn) {
      case 'rubrik': return svJamfor(a.rubrik, b.rubrik);
      case 'forvaltning': return svJamfor(a.forvaltning, b.forvaltning);
      case 'status': return statusOrdning(a) - statusOrdning(b);
      case 'planeratKlart': return jamforDatum(a.planeratKlart, b.planeratKlart);
      case 'senastAndrad': return jamforDatum(a.senastAndrad, b.senastAndrad);
      case 'beslut':
        return svJamfor(a.beslutsinstans, b.beslutsinstans) || jamforDatum(a.beslutsdatum, b.beslutsdatum) ||
          paragrafNummer(a.paragraf) - paragrafNummer(b.paragraf);
    }
  };
  return uppdrag.slice().sort((a, b) => {
    const sa = saknas(a);
    const sb = saknas(b);
    if (sa !== sb) return sa ? 1 : -1;
    return tecken * jamfor(a, b) || a.id - b.id;
  });
}

export type Gruppering = 'ingen' | 'beslutsinstans' | 'forvaltning';

export interface IUppdragGrupp {
  /** The field value; '' for rows that have none (shown last). */
  nyckel: string;
  startIndex: number;
  antal: number;
}

export interface IGrupperat {
  /** The rows reordered so that each group is one run, the given order kept inside each group. */
  uppdrag: IUppdrag[];
  /** Empty when not grouped. */
  grupper: IUppdragGrupp[];
}

export function gruppera(uppdrag: readonly IUppdrag[], gruppering: Gruppering): IGrupperat {
  if (gruppering === 'ingen') return { uppdrag: uppdrag.slice(), grupper: [] };
  const perNyckel = new Map<string, IUppdrag[]>();
  for (const u of uppdrag) {
    const nyckel = u[gruppering];
    const rader = perNyckel.get(nyckel);
    if (rader) rader.push(u);
    else perNyckel.set(nyckel, [u]);
  }
  const nycklar = Array.from(perNyckel.keys()).sort((a, b) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || svJamfor(a, b));
  const resultat: IGrupperat = { uppdrag: [], grupper: [] };
  for (const nyckel of nycklar) {
    const rader = perNyckel.get(nyckel)!;
    resultat.grupper.push({ nyckel, startIndex: resultat.uppdrag.length, antal: rader.length });
    resultat.uppdrag.push(...rader);
  }
  return resultat;
}

export type StatusAntal = Record<UppdragStatus, number>;

export interface IStatusOversikt {
  perStatus: StatusAntal;
  /** One row per förvaltning in Swedish order ('' = none given, last). */
  perForvaltning: Array<{ forvaltning: string; perStatus: StatusAntal; totalt: number }>;
  totalt: number;
}

function nollor(): StatusAntal {
  const antal = {} as StatusAntal;
  for (const s of UPPDRAG_STATUSAR) antal[s] = 0;
  return antal;
}

/** Counts by the status a reader sees (late open rows as Försenat), overall and per förvaltning. */
export function statusOversikt(uppdrag: readonly IUppdrag[], idag: IsoDate): IStatusOversikt {
  const perStatus = nollor();
  const perForvaltning = new Map<string, StatusAntal>();
  for (const u of uppdrag) {
    const status = bedomLage(u, idag).status;
    perStatus[status]++;
    let rad = perForvaltning.get(u.forvaltning);
    if (!rad) {
      rad = nollor();
      perForvaltning.set(u.forvaltning, rad);
    }
    rad[status]++;
  }
  const forvaltningar = Array.from(perForvaltning.keys()).sort((a, b) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || svJamfor(a, b));
  return {
    perStatus,
    perForvaltning: forvaltningar.map((forvaltning) => {
      const antal = perForvaltning.get(forvaltning)!;
      return { forvaltning, perStatus: antal, totalt: UPPDRAG_STATUSAR.reduce((summa, s) => summa + antal[s], 0) };
    }),
    totalt: uppdrag.length
  };
}

export type AndringsTyp = 'nytt' | 'forskjutet' | 'avslutat' | 'andrat';

/** The order a reader wants them in: what is new, what slipped, what closed, the rest. */
export const ANDRINGSTYPER: readonly AndringsTyp[] = ['nytt', 'forskjutet', 'avslutat', 'andrat'];

export interface IAndringSedan {
  typ: AndringsTyp;
  /** Per field: the value before the date → the value now; fields changed and changed back are left out. */
  andringar: Partial<Record<RedigerbartFalt, [string | undefined, string | undefined]>>;
  /** The calendar day of the latest save on or after the date. */
  senast?: IsoDate;
  /** Who saved on or after the date, latest first, each once. */
  vem: string[];
  /** No version history was available, so only the row's own date says it changed. */
  utanHistorik: boolean;
}

/** The Swedish calendar day of a saved version, or undefined when the instant cannot be read. */
function handelsensDag(h: IUppdragHandelse): IsoDate | undefined {
  if (isIsoDate(h.nar)) return h.nar;
  const tid = new Date(h.nar);
  return isNaN(tid.getTime()) ? undefined : swedishDate(tid);
}

/**
 * What happened to an uppdrag on or after `fran` (the day of the last sammanträde counts: the
 * meeting's own decisions are "since"). `historik` is newest first, as hamtaHistorik returns it.
 * Undefined when nothing was saved from that day on.
 */
export function klassificeraAndring(uppdrag: IUppdrag, historik: readonly IUppdragHandelse[], fran: IsoDate): IAndringSedan | undefined {
  if (historik.length === 0) {
    if (uppdrag.senastAndrad === undefined || uppdrag.senastAndrad < fran) return undefined;
    return { typ: 'andrat', andringar: {}, senast: uppdrag.senastAndrad, vem: [], utanHistorik: true };
  }
  const sedan = historik
    .map((h) => ({ h, dag: handelsensDag(h) }))
    .filter((x): x is { h: IUppdragHandelse; dag: IsoDate } => x.dag !== undefined && x.dag >= fran);
  if (sedan.length === 0) return undefined;

  // Newest first: the first event touching a field gives "now", the last one gives "before".
  const andringar: IAndringSedan['andringar'] = {};
  for (const { h } of sedan) {
    for (const falt of Object.keys(h.andringar) as RedigerbartFalt[]) {
      const [innan, efter] = h.andringar[falt]!;
      const redan = andringar[falt];
      andringar[falt] = redan ? [innan, redan[1]] : [innan, efter];
    }
  }
  const forsta = historik[historik.length - 1];
  const nytt = sedan.some((x) => x.h === forsta);
  for (const falt of Object.keys(andringar) as RedigerbartFalt[]) {
    if (andringar[falt]![0] === andringar[falt]![1]) delete andringar[falt];
  }

  const status = andringar.status;
  const plan = andringar.planeratKlart;
  let typ: AndringsTyp = 'andrat';
  if (nytt) typ = 'nytt';
  else if (status && status[1] === 'Verkstallt' && status[0] !== 'Verkstallt') typ = 'avslutat';
  else if (plan && plan[0] !== undefined && plan[1] !== undefined && plan[1] > plan[0]) typ = 'forskjutet';

  const vem: string[] = [];
  for (const { h } of sedan) if (h.vem !== '' && vem.indexOf(h.vem) < 0) vem.push(h.vem);
  return { typ, andringar, senast: sedan[0].dag, vem, utanHistorik: false };
}

/** Rows worth asking the history of: saved on or after the date. */
export function kandidaterSedan(uppdrag: readonly IUppdrag[], fran: IsoDate): IUppdrag[] {
  return uppdrag.filter((u) => u.senastAndrad !== undefined && u.senastAndrad >= fran);
}
