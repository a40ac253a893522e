/**
 * The e-mail routine's journal rows (the Epostlogg list, src/schema/epost.ts) as plain data: an
 * entry per mail in a JSON column, read tolerantly (a hand-edited or truncated column keeps what can
 * be read), runs cut to fit the column, and two writers' versions of a row merged after a 412.
 */
import { ATGARDER, Atgard, EPOSTMAPPAR, STEG, Epoststeg, stegFor, stegKvar } from '../../domain/epostrutin';
import { lasPoster } from '../../domain/jsonPoster';
import { Epostloggstatus } from '../../schema/epost';
import { IEpostAdress, ILoggpost, IMeddelandeRad } from './typer';

/** Mails per journal row (one run). */
export const POSTER_PER_RAD = 100;
/**
 * Characters the JSON of one row may take: a list's multi-line text column holds 63,999, and the
 * steps, times and failures written after Graph answered must still fit.
 */
export const MAX_RADTEXT = 60_000;
/** What an entry may grow by once Graph has answered (steps, time done, failure). */
const TILLVAXT = 160;
/** What a Diarieför entry grows by besides: the forward draft's immutable id. */
export const UTKAST_TILLVAXT = 200;
/** Exchange takes subjects and recipient lists far longer than a log needs; the mail itself keeps them whole. */
const MAX_AMNE = 255;
const MAX_MOTTAGARE = 500;

function kapa(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "Namn <adress>", or the address alone when the name adds nothing. */
export function adressText(a: IEpostAdress | undefined): string {
  if (!a) return '';
  return a.namn && a.namn !== a.adress ? `${a.namn} <${a.adress}>` : a.adress;
}

export function lasAdressText(text: string): IEpostAdress | undefined {
  const m = /^(.*)<([^<>]+)>\s*$/.exec(text);
  if (m) return { namn: m[1].trim() || m[2].trim(), adress: m[2].trim() };
  const adress = text.trim();
  return adress ? { namn: adress, adress } : undefined;
}

/** A new entry for a mail: what the log must answer for once the mail is gone. */
export function nyLoggpost(m: IMeddelandeRad, atgard: Atgard, notering: { kommentar?: string; skal?: string }, startad: string, gjorda: Epoststeg[] = []): ILoggpost {
  return {
    id: m.id,
    konversation: m.konversation,
    mapp: m.mapp,
    datum: m.mottaget,
    fran: adressText(m.fran),
    till: kapa(m.till.map(adressText).join('; '), MAX_MOTTAGARE),
    amne: kapa(m.amne, MAX_AMNE),
    atgard,
    ...(notering.kommentar ? { kommentar: notering.kommentar } : {}),
    ...(notering.skal ? { skal: notering.skal } : {}),
    gjorda: [...gjorda],
    startad
  };
}

/** The mail as a list row again, from its entry (for a run finished after the page was closed). */
export function radAvPost(p: ILoggpost, kategorier: string[] = []): IMeddelandeRad {
  return {
    id: p.id,
    mottaget: p.datum,
    fran: lasAdressText(p.fran),
    till: p.till.split(/;\s*/).map(lasAdressText).filter((a): a is IEpostAdress => a !== undefined),
    amne: p.amne,
    forhandsvisning: '',
    last: true,
    mapp: p.mapp,
    konversation: p.konversation,
    kategorier
  };
}

const str = (v: unknown): v is string => typeof v === 'string';

/** One entry as stored, or undefined when it cannot be one (the rest of the row is still read). */
export function lasLoggpost(rad: unknown): ILoggpost | undefined {
  const r = rad as Record<string, unknown> | null;
  if (!r || typeof r !== 'object') return undefined;
  if (!str(r.id) || !r.id || !str(r.atgard) || !(ATGARDER as readonly string[]).includes(r.atgard)) return undefined;
  if (!str(r.mapp) || !(EPOSTMAPPAR as readonly string[]).includes(r.mapp) || !str(r.startad)) return undefined;
  const atgard = r.atgard as Atgard;
  // Unknown or foreign steps are dropped: a step counts as done only when the journal names it for this action.
  const gjorda = Array.isArray(r.gjorda) ? stegFor(atgard).filter((s) => (r.gjorda as unknown[]).includes(s)) : [];
  return {
    id: r.id,
    konversation: str(r.konversation) ? r.konversation : '',
    mapp: r.mapp as ILoggpost['mapp'],
    datum: str(r.datum) ? r.datum : '',
    fran: str(r.fran) ? r.fran : '',
    till: str(r.till) ? r.till : '',
    amne: str(r.amne) ? r.amne : '',
    atgard,
    ...(str(r.kommentar) ? { kommentar: r.kommentar } : {}),
    ...(str(r.skal) ? { skal: r.skal } : {}),
    gjorda,
    ...(atgard === 'Diarieför' && str(r.kopia) && r.kopia ? { kopia: r.kopia } : {}),
    startad: r.startad,
    ...(str(r.klar) ? { klar: r.klar } : {}),
    ...(str(r.fel) ? { fel: r.fel as ILoggpost['fel'] } : {})
  };
}

export function lasLoggposter(text: unknown): { poster: ILoggpost[]; olasbara: number } {
  return lasPoster(text, lasLoggpost);
}

export function skrivLoggposter(poster: readonly ILoggpost[]): string {
  return JSON.stringify(poster);
}

export function arKlar(p: ILoggpost): boolean {
  return stegKvar(p.atgard, p.gjorda).length === 0;
}

/**
 * Nothing more can be done for the mail: every step is done, or the mail is gone without them
 * (Graph answered 404 to the forward or the mark: it was deleted in Outlook meanwhile). Such a
 * mail stays in the log as not handled; it is not a run cut short.
 */
export function arAvslutad(p: ILoggpost): boolean {
  return arKlar(p) || p.fel === 'saknas';
}

/** A row is done when none of its mails has anything left to do. */
export function radstatus(poster: readonly ILoggpost[]): Epostloggstatus {
  return poster.every(arAvslutad) ? 'Klar' : 'Pågår';
}

/**
 * Splits a run into rows: at most a hundred mails, and no more than the column holds once every
 * entry has its steps written (a long comment to the registrator makes smaller rows). A row cut
 * short by the column ends at a multiple of `jamnt` when it can (the $batch size: full calls).
 */
export function delaIRader<T>(poster: readonly T[], storlek: (p: T) => number, jamnt = 1): T[][] {
  const rader: T[][] = [];
  let rad: T[] = [];
  let tecken = 2;
  for (const p of poster) {
    const n = storlek(p) + TILLVAXT + 1;
    if (rad.length > 0 && (rad.length >= POSTER_PER_RAD || tecken + n > MAX_RADTEXT)) {
      const jamn = rad.length > jamnt ? rad.length - (rad.length % jamnt) : rad.length;
      rader.push(rad.slice(0, jamn));
      rad = rad.slice(jamn);
      tecken = 2 + rad.reduce((summa, q) => summa + storlek(q) + TILLVAXT + 1, 0);
    }
    rad.push(p);
    tecken += n;
  }
  if (rad.length > 0) rader.push(rad);
  return rader;
}

/** Steps in the action's order, whoever wrote them. */
function forena(atgard: Atgard, a: readonly Epoststeg[], b: readonly Epoststeg[]): Epoststeg[] {
  return STEG.filter((s) => stegFor(atgard).includes(s) && (a.includes(s) || b.includes(s)));
}

/**
 * Our version of a row laid over the one stored since (a 412): a step done by either is done (the
 * mailbox cannot undo it), our failure and time stand for what we did, and their entries that we do
 * not have are kept.
 */
export function sammanfoga(vara: readonly ILoggpost[], deras: readonly ILoggpost[]): ILoggpost[] {
  const dersPerId = new Map(deras.map((p) => [p.id, p]));
  const sammanslagna = vara.map((p): ILoggpost => {
    const d = dersPerId.get(p.id);
    if (!d || d.atgard !== p.atgard) return p;
    const gjorda = forena(p.atgard, p.gjorda, d.gjorda);
    const klarNu = stegKvar(p.atgard, gjorda).length === 0;
    const ny: ILoggpost = { ...p, gjorda, ...(p.kopia ?? d.kopia ? { kopia: p.kopia ?? d.kopia } : {}) };
    delete ny.fel;
    delete ny.klar;
    const fel = klarNu ? undefined : p.fel ?? d.fel;
    const klar = klarNu ? p.klar ?? d.klar : undefined;
    return { ...ny, ...(klar ? { klar } : {}), ...(fel ? { fel } : {}) };
  });
  const varaId = new Set(vara.map((p) => p.id));
  return [...sammanslagna, ...deras.filter((d) => !varaId.has(d.id))];
}
