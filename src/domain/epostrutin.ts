/**
 * The e-mail routine of the @pol mailboxes (seed 004 §5, issue 7): every mail is either forwarded to
 * the registrator for diarieföring and then removed, or gallrad (deleted), or kept with a reason
 * (e.g. private). Inbox, sent items and deleted items are kept as empty as possible.
 *
 * Pure rules, no Graph: which steps an action takes, what a step's answer means, how far a mail got
 * when the page was closed mid-way, what counts as unhandled, and the 30-day log. The services carry
 * the steps out; the invariant they rely on is here: **nothing is deleted before its forward
 * succeeded**, and a forward that succeeded is never sent again.
 */
import { addDays, format, parseISO } from 'date-fns';
import { IsoDate, isIsoDate, swedishDate } from './dates';
import { ejSistaDag } from './frister';

export const ATGARDER = ['Diarieför', 'Gallra', 'Behåll'] as const;
export type Atgard = (typeof ATGARDER)[number];

/** Why a mail is kept for now (the guideline: gallra "when it is no longer current"). 'Annat' needs the person's own words. */
export const BEHALLSKAL = ['Fortfarande aktuell', 'Privat', 'Annat'] as const;
export type Behallskal = (typeof BEHALLSKAL)[number];

/**
 * The Outlook category that marks a kept mail: it stays where it is, is no longer counted as
 * unhandled, and the person sees the mark in Outlook too.
 */
export const BEHALLEN_KATEGORI = 'Behållen (Ärendeportalen)';

/** The folders the routine covers. */
export const EPOSTMAPPAR = ['inkorg', 'skickat', 'borttaget'] as const;
export type Epostmapp = (typeof EPOSTMAPPAR)[number];

/**
 * The steps of one mail, in order:
 * - `Vidarebefordra`: forward to the registrator with the optional comment (Diarieför): a forward
 *   draft is made and sent; the draft's immutable id is also the sent copy's in sent items.
 * - `RaderaOriginal`: delete the mail for good, past deleted items (Diarieför, Gallra).
 * - `RaderaKopia`: delete the forwarded copy in sent items for good (Diarieför).
 * - `Markera`: set the kept category (Behåll).
 */
export const STEG = ['Vidarebefordra', 'RaderaOriginal', 'RaderaKopia', 'Markera'] as const;
export type Epoststeg = (typeof STEG)[number];

export function stegFor(atgard: Atgard): Epoststeg[] {
  switch (atgard) {
    case 'Diarieför': return ['Vidarebefordra', 'RaderaOriginal', 'RaderaKopia'];
    case 'Gallra': return ['RaderaOriginal'];
    case 'Behåll': return ['Markera'];
  }
}

/** The steps still to do, in order. */
export function stegKvar(atgard: Atgard, gjorda: readonly Epoststeg[]): Epoststeg[] {
  return stegFor(atgard).filter((s) => !gjorda.includes(s));
}

/**
 * Whether a step may be sent now. A delete of the original needs its forward first (Diarieför);
 * the copy can only be deleted once it exists, i.e. after the forward.
 */
export function farUtforas(atgard: Atgard, steg: Epoststeg, gjorda: readonly Epoststeg[]): boolean {
  if (!stegFor(atgard).includes(steg) || gjorda.includes(steg)) return false;
  if (atgard === 'Diarieför' && (steg === 'RaderaOriginal' || steg === 'RaderaKopia')) return gjorda.includes('Vidarebefordra');
  return true;
}

export interface IAtgardsval {
  atgard: Atgard;
  /** Diarieför: a note to the registrator, sent with the forward. */
  kommentar?: string;
  /** Behåll: why. */
  skal?: Behallskal;
  /** Behåll with 'Annat': the reason in the person's words. */
  skalText?: string;
}

export type Atgardsfel = 'RegistratorSaknas' | 'SkalSaknas' | 'SkalTextSaknas' | 'KommentarForLang' | 'SkalTextForLang';

/** A forward's comment and a reason are short texts; Exchange takes far more, a reader does not. */
export const MAX_KOMMENTAR = 2000;
export const MAX_SKALTEXT = 255;

/** Why a choice cannot be carried out, or undefined when it can. */
export function valideraAtgard(val: IAtgardsval, registratorAdress: string): Atgardsfel | undefined {
  if (val.atgard === 'Diarieför') {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(registratorAdress.trim())) return 'RegistratorSaknas';
    if ((val.kommentar ?? '').length > MAX_KOMMENTAR) return 'KommentarForLang';
  }
  if (val.atgard === 'Behåll') {
    if (!val.skal || !(BEHALLSKAL as readonly string[]).includes(val.skal)) return 'SkalSaknas';
    if (val.skal === 'Annat' && !(val.skalText ?? '').trim()) return 'SkalTextSaknas';
    if ((val.skalText ?? '').length > MAX_SKALTEXT) return 'SkalTextForLang';
  }
  return undefined;
}

/**
 * What an answer to one step's request means for the mail. `Oviss`: whether it was done only the
 * mailbox can tell (look before anything else is sent).
 */
export type Stegutfall = 'Gjort' | 'Strypt' | 'Oviss' | 'Misslyckat';

/**
 * One Graph answer as the routine reads it: 2xx done; 429, 503, 504 throttled (send again after
 * Retry-After); 404 on a delete means the item is gone already (someone deleted it in Outlook),
 * which is done. A send that was not answered 2xx is settled by looking at the draft: a send
 * sent twice (a lost answer, a resent call) is refused the second time although the first went
 * out, and a forward must be neither lost nor sent again.
 */
export function tolkaSvar(steg: Epoststeg, status: number): Stegutfall {
  if (status >= 200 && status < 300) return 'Gjort';
  if (steg === 'Vidarebefordra') return 'Oviss';
  if (status === 404 && (steg === 'RaderaOriginal' || steg === 'RaderaKopia')) return 'Gjort';
  if (status === 429 || status === 503 || status === 504) return 'Strypt';
  return 'Misslyckat';
}

/**
 * What the mailbox shows of a Diarieför's forward, found by the draft's immutable id (or, when the
 * journal never got that id, by the property naming the original on the draft): still a draft, sent
 * (the copy in sent items or on its way there), or gone.
 */
export type Kopielage = 'utkast' | 'skickad' | 'saknas';

/**
 * How far a mail got when the page closed mid-way, from what the mailbox shows now: the journal
 * may lag behind Graph. Only the forward's own message tells whether it went out (`kopia`, see
 * Kopielage; undefined when no draft was ever found). The routine deletes the original only after
 * its forward was sent, and the copy only after the journal says so; so an original gone without
 * a sent forward was removed by someone else (Outlook) and nothing counts as done: the mail is
 * reported as failed instead of logged as diariefört without ever reaching the registrator.
 */
export function aterstalldaSteg(atgard: Atgard, lage: { gjorda: readonly Epoststeg[]; originalFinns: boolean; kopia?: Kopielage; markerad?: boolean }): Epoststeg[] {
  const gjorda = new Set<Epoststeg>(lage.gjorda);
  if (atgard === 'Diarieför') {
    if (lage.kopia === 'skickad') gjorda.add('Vidarebefordra');
    if (gjorda.has('Vidarebefordra')) {
      if (!lage.originalFinns) gjorda.add('RaderaOriginal');
      // Sent, and the copy is gone: it was deleted.
      if (lage.kopia === 'saknas') gjorda.add('RaderaKopia');
    }
  } else if (atgard === 'Gallra') {
    if (!lage.originalFinns) gjorda.add('RaderaOriginal');
  } else if (lage.markerad) {
    gjorda.add('Markera');
  }
  return stegFor(atgard).filter((s) => gjorda.has(s));
}

/**
 * A forward whose draft the journal names but that is gone, not sent as far as anyone recorded: the
 * person deleted the draft, or the sent copy, or Exchange has not filed it yet. Whether the
 * registrator got the mail cannot be told, so it is not sent again on its own: the person chooses.
 */
export function vidarebefordranOviss(lage: { gjorda: readonly Epoststeg[]; harUtkast: boolean; kopia?: Kopielage }): boolean {
  return lage.harUtkast && !lage.gjorda.includes('Vidarebefordra') && lage.kopia === 'saknas';
}

/** A mail is unhandled while it is in one of the folders and not kept. */
export function arOhanterad(m: { kategorier: readonly string[] }): boolean {
  return !m.kategorier.includes(BEHALLEN_KATEGORI);
}

/** The categories a kept mail gets: its own plus the kept mark, once. */
export function behallKategorier(kategorier: readonly string[]): string[] {
  return kategorier.includes(BEHALLEN_KATEGORI) ? [...kategorier] : [...kategorier, BEHALLEN_KATEGORI];
}

// ---- the weekday nudge --------------------------------------------------------------------------

/** Monday–Friday that is not an allmän helgdag nor midsommar-, jul- or nyårsafton. */
export function arVardag(dag: IsoDate): boolean {
  return isIsoDate(dag) && ejSistaDag(dag) === undefined;
}

/**
 * Whether to show the nudge on open: there are unhandled mails, it is a weekday, and the person has
 * not dismissed it today.
 */
export function visaPaminnelse(ohanterade: number, idag: IsoDate, avfardadDag?: IsoDate): boolean {
  return ohanterade > 0 && arVardag(idag) && avfardadDag !== idag;
}

// ---- the 30-day log -----------------------------------------------------------------------------

/** The public may ask for the log of the last 30 days (seed 004 §5). */
export const LOGGDAGAR = 30;

/** The first day of the log: today and the 29 days before (30 calendar days). */
export function loggStart(idag: IsoDate, dagar: number = LOGGDAGAR): IsoDate {
  return format(addDays(parseISO(idag), -(dagar - 1)), 'yyyy-MM-dd');
}

/** What the log says was done with a mail. */
export type Loggatgard = Atgard | 'Ej hanterad';

export interface ILoggrad {
  /** When the mail arrived or was sent (ISO instant). */
  datum: string;
  fran: string;
  till: string;
  amne: string;
  mapp: Epostmapp;
  atgard: Loggatgard;
  /** Whether every step of the action is done; false for half-handled and unhandled mail. */
  klar: boolean;
  /** When it was done (ISO instant), for handled mail. */
  hanterad?: string;
  /** The reason a mail is kept, or the comment to the registrator. */
  notering?: string;
}

/**
 * The log of the last `dagar` days: the routine's own entries (also of mail that is gone now) and the
 * mail still in the folders that no entry covers, newest first, one row per mail. A mail's day is its
 * Swedish calendar day. An entry wins over what the mailbox shows (the mailbox has no record of what
 * was done). `poster` is in journal order, oldest first: of several entries for one mail (a retry in
 * a later run, a kept mail gallrad later) the last one is what was done.
 */
export function loggrader<T extends ILoggrad & { id: string }>(poster: readonly T[], brevlada: readonly T[], idag: IsoDate, dagar: number = LOGGDAGAR): ILoggrad[] {
  const start = loggStart(idag, dagar);
  const inom = (r: ILoggrad): boolean => {
    const t = Date.parse(r.datum);
    if (Number.isNaN(t)) return false;
    const dag = swedishDate(new Date(t));
    return dag >= start && dag <= idag;
  };
  // A public log lists each mail once: the same mail in two runs, or twice in overlapping pages, is one row.
  const perId = new Map<string, T>();
  for (const m of brevlada) if (!perId.has(m.id)) perId.set(m.id, m);
  for (const p of poster) perId.set(p.id, p);
  const rader = [...perId.values()].filter(inom);
  return rader.map((r): ILoggrad => ({
    datum: r.datum, fran: r.fran, till: r.till, amne: r.amne, mapp: r.mapp, atgard: r.atgard, klar: r.klar,
    ...(r.hanterad ? { hanterad: r.hanterad } : {}), ...(r.notering ? { notering: r.notering } : {})
  })).sort((a, b) => Date.parse(b.datum) - Date.parse(a.datum));
}
