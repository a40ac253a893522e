/**
 * Damage, theft and loss of a lent tablet (seed 004 §4): what must be reported and what must follow.
 * After theft or loss the device is wiped, the passwords of the device, the mail and the meeting
 * app are changed and the SIM is blocked; the incident cannot be closed before every step is done,
 * and every step says who did it and when.
 */
import { lasPoster } from './jsonPoster';

export const INCIDENTTYPER = ['Skada', 'Stöld', 'Förlust'] as const;
export type Incidenttyp = (typeof INCIDENTTYPER)[number];

export const KOSTNADSANSVAR = ['Ej bedömt', 'Kommunen', 'Låntagaren (självrisk)'] as const;
export type Kostnadsansvar = (typeof KOSTNADSANSVAR)[number];

/**
 * - `Bedomning`: kommunservice assesses the damage (and whether it was caused by neglect).
 * - `Service`: the device is repaired or replaced.
 * - `Kostnadsansvar`: who pays is decided.
 * - `Radera`: the device is wiped (Intune through Graph, or a confirmed manual step).
 * - `LosenordEnhet`, `LosenordEpost`, `LosenordMotesapp`: new passwords.
 * - `SparraSim`: the operator has blocked the SIM (their reference is recorded).
 */
export const STEG = ['Bedomning', 'Service', 'Kostnadsansvar', 'Radera', 'LosenordEnhet', 'LosenordEpost', 'LosenordMotesapp', 'SparraSim'] as const;
export type Steg = (typeof STEG)[number];

export function stegFor(typ: Incidenttyp): Steg[] {
  return typ === 'Skada'
    ? ['Bedomning', 'Service', 'Kostnadsansvar']
    : ['Radera', 'LosenordEnhet', 'LosenordEpost', 'LosenordMotesapp', 'SparraSim', 'Kostnadsansvar'];
}

/** How a step was done: through Graph/Intune, or by a person who confirms it (with a note or reference). */
export type Utforande = 'Graph' | 'Manuellt';

export interface IStegUtfort {
  steg: Steg;
  /** Who did it: name and e-mail of the signed-in person. */
  av: string;
  epost: string;
  /** ISO instant. */
  tid: string;
  utforande: Utforande;
  /** The operator's reference for SparraSim, the Graph action id, or the person's note. */
  referens?: string;
  /** For Kostnadsansvar: the decision. */
  kostnadsansvar?: Kostnadsansvar;
}

export type Incidentfel =
  | 'BeskrivningSaknas'
  | 'PolisanmalanSaknas'
  | 'PolisanmalanOgiltig'
  | 'StegHorInteTillTypen'
  | 'StegRedanUtfort'
  | 'ReferensSaknas'
  | 'KostnadsansvarSaknas'
  | 'StegKvar'
  | 'RedanStangd'
  | 'AnmalanStammerInte';

/** A police report number as the Swedish police write it, e.g. 5000-K123456-26; loosely, to accept local variants. */
const POLISANMALAN = /^\d{4}-K\d{1,7}-\d{2}$/i;

/** A new report: a description always; for theft the police report number (seed 004). */
export function valideraRapport(r: { typ: Incidenttyp; beskrivning: string; polisanmalan?: string }): Partial<Record<'beskrivning' | 'polisanmalan', Incidentfel>> {
  const fel: Partial<Record<'beskrivning' | 'polisanmalan', Incidentfel>> = {};
  if (!(r.beskrivning ?? '').trim()) fel.beskrivning = 'BeskrivningSaknas';
  if (r.typ === 'Stöld') {
    const nr = (r.polisanmalan ?? '').trim();
    if (!nr) fel.polisanmalan = 'PolisanmalanSaknas';
    else if (!POLISANMALAN.test(nr)) fel.polisanmalan = 'PolisanmalanOgiltig';
  }
  return fel;
}

/**
 * Whether kommunservice may act on a report: the list lets any ledamot add a row naming any device
 * and any loan, and the checklist wipes the device, so it counts only when the loan's borrower is the
 * one who reported it and the loan is of that device. No loan (or one that cannot be read) is no match.
 */
export function anmalanFel(
  anmalan: { rapportorId?: number; enhetId: number }, lan: { lantagareId?: number; enhetId: number } | undefined
): Incidentfel | undefined {
  const stammer = !!lan && lan.lantagareId !== undefined && lan.lantagareId === anmalan.rapportorId && lan.enhetId === anmalan.enhetId;
  return stammer ? undefined : 'AnmalanStammerInte';
}

/** Records one step; refuses a step that does not belong to the type, a repeat, or a missing reference. */
export function utforSteg(typ: Incidenttyp, gjorda: readonly IStegUtfort[], nytt: IStegUtfort): { ok: true; gjorda: IStegUtfort[] } | { ok: false; fel: Incidentfel } {
  if (!stegFor(typ).includes(nytt.steg)) return { ok: false, fel: 'StegHorInteTillTypen' };
  if (gjorda.some((g) => g.steg === nytt.steg)) return { ok: false, fel: 'StegRedanUtfort' };
  if (nytt.steg === 'SparraSim' && !(nytt.referens ?? '').trim()) return { ok: false, fel: 'ReferensSaknas' };
  if (nytt.steg === 'Kostnadsansvar' && (!nytt.kostnadsansvar || nytt.kostnadsansvar === 'Ej bedömt')) return { ok: false, fel: 'KostnadsansvarSaknas' };
  return { ok: true, gjorda: [...gjorda, nytt] };
}

/** The steps still missing, in the order they should be done. */
export function stegKvar(typ: Incidenttyp, gjorda: readonly IStegUtfort[]): Steg[] {
  return stegFor(typ).filter((s) => !gjorda.some((g) => g.steg === s));
}

/** Whether the incident may be closed: every step of its type done. */
export function kanStangas(typ: Incidenttyp, gjorda: readonly IStegUtfort[], status: 'Öppen' | 'Stängd'): Incidentfel | undefined {
  if (status === 'Stängd') return 'RedanStangd';
  return stegKvar(typ, gjorda).length > 0 ? 'StegKvar' : undefined;
}

/**
 * One checklist entry as read from the column, or undefined when it is unreadable: an entry counts
 * only when `utforSteg` could have recorded it (a known step, who and when, how; SparraSim with the
 * operator's reference, Kostnadsansvar with a decision), so a hand-edited entry cannot tick off a
 * step that was never done properly.
 */
function lasSteg(rad: unknown): IStegUtfort | undefined {
  if (!rad || typeof rad !== 'object' || Array.isArray(rad)) return undefined;
  const r = rad as Record<string, unknown>;
  if (!(STEG as readonly unknown[]).includes(r.steg) || typeof r.av !== 'string' || typeof r.tid !== 'string' ||
    Number.isNaN(Date.parse(r.tid)) || (r.utforande !== 'Graph' && r.utforande !== 'Manuellt')) return undefined;
  const steg = r.steg as Steg;
  const referens = typeof r.referens === 'string' ? r.referens : undefined;
  const kostnadsansvar = (KOSTNADSANSVAR as readonly unknown[]).includes(r.kostnadsansvar) ? r.kostnadsansvar as Kostnadsansvar : undefined;
  if (steg === 'SparraSim' && !(referens ?? '').trim()) return undefined;
  if (steg === 'Kostnadsansvar' && (!kostnadsansvar || kostnadsansvar === 'Ej bedömt')) return undefined;
  return {
    steg, av: r.av, epost: typeof r.epost === 'string' ? r.epost : '', tid: r.tid, utforande: r.utforande,
    ...(referens !== undefined ? { referens } : {}),
    ...(kostnadsansvar ? { kostnadsansvar } : {})
  };
}

/**
 * The checklist column holds the steps as JSON. A hand-edited or truncated column is never fatal:
 * readable entries are kept (also those before the cut in a column that no longer parses),
 * unreadable ones dropped and counted. A step appears once: a later entry for a step already read
 * is counted as unreadable (`utforSteg` never records a step twice).
 */
export function lasChecklista(text: unknown): { gjorda: IStegUtfort[]; olasbara: number } {
  const { poster, olasbara } = lasPoster(text, lasSteg);
  const gjorda = poster.filter((p, i) => poster.findIndex((q) => q.steg === p.steg) === i);
  return { gjorda, olasbara: olasbara + poster.length - gjorda.length };
}

export function skrivChecklista(gjorda: readonly IStegUtfort[]): string {
  return JSON.stringify(gjorda);
}
