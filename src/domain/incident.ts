/**
 * Damage, theft and loss of a lent tablet (seed 004 §4): what must be reported and what must follow.
 * After theft or loss the device is wiped, the passwords of the device, the mail and the meeting
 * app are changed and the SIM is blocked; the incident cannot be closed before every step is done,
 * and every step says who did it and when.
 */

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
  | 'RedanStangd';

/** A police report number as the Swedish police write it, e.g. 5000-K123456-26; loosely, to accept local variants. */
const POLISANMALAN = /^\d{4}-K\d{1,7}-\d{2}$/i;

/** A new report: a description always; for theft the police report number (seed 004). */
export function valideraRapport(r: { typ: Incidenttyp; beskrivning: string; polisanmalan?: string }): Partial<Record<'beskrivning' | 'polisanmalan', Incidentfel>> {
  const fel: Partial<Record<'beskrivning' | 'polisanmalan', Incidentfel>> = {};
  if (!r.beskrivning.trim()) fel.beskrivning = 'BeskrivningSaknas';
  if (r.typ === 'Stöld') {
    const nr = (r.polisanmalan ?? '').trim();
    if (!nr) fel.polisanmalan = 'PolisanmalanSaknas';
    else if (!POLISANMALAN.test(nr)) fel.polisanmalan = 'PolisanmalanOgiltig';
  }
  return fel;
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

/** The checklist column holds the steps as JSON; unreadable entries are dropped and counted, never fatal. */
export function lasChecklista(text: unknown): { gjorda: IStegUtfort[]; olasbara: number } {
  if (typeof text !== 'string' || !text.trim()) return { gjorda: [], olasbara: 0 };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { gjorda: [], olasbara: 1 };
  }
  const rader = Array.isArray(data) ? (data as unknown[]) : [];
  const gjorda: IStegUtfort[] = [];
  for (const r of rader as Array<Record<string, unknown>>) {
    if (r && typeof r === 'object' && (STEG as readonly unknown[]).includes(r.steg) && typeof r.av === 'string' && typeof r.tid === 'string' &&
      !Number.isNaN(Date.parse(r.tid)) && (r.utforande === 'Graph' || r.utforande === 'Manuellt')) {
      gjorda.push({
        steg: r.steg as Steg, av: r.av, epost: typeof r.epost === 'string' ? r.epost : '', tid: r.tid, utforande: r.utforande,
        ...(typeof r.referens === 'string' ? { referens: r.referens } : {}),
        ...((KOSTNADSANSVAR as readonly unknown[]).includes(r.kostnadsansvar) ? { kostnadsansvar: r.kostnadsansvar as Kostnadsansvar } : {})
      });
    }
  }
  return { gjorda, olasbara: (Array.isArray(data) ? rader.length : 1) - gjorda.length };
}

export function skrivChecklista(gjorda: readonly IStegUtfort[]): string {
  return JSON.stringify(gjorda);
}
