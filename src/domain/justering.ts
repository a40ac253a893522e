/**
 * Digital justering of a protokoll (KL 5 kap. 69 §): the ordförande and the justerare chosen at the
 * meeting approve it, at the latest 14 days after the meeting. Each approval records who (their
 * Microsoft 365 identity) and when, and how they signed, so an e-signature service can take the
 * place of the sign-in later without changing these rules.
 */
import { daysBetween, IsoDate } from './dates';
import { justerasSenast } from './frister';

export const JUSTERINGSSTATUS = ['Utkast', 'Under justering', 'Justerat'] as const;
export type Justeringsstatus = (typeof JUSTERINGSSTATUS)[number];

export type Justeringsroll = 'Ordförande' | 'Justerare';

export interface IJusteringsperson {
  /** The person's SharePoint user id on the site. */
  id: number;
  namn: string;
  epost: string;
}

export interface IGodkannande {
  personId: number;
  namn: string;
  epost: string;
  roll: Justeringsroll;
  /** The instant of approval, ISO 8601 with time zone. */
  tid: string;
  /** How the person signed: "Microsoft 365-inloggning" today, an e-signature service's name later. */
  metod: string;
  /** The e-signature service's reference to the signature, when one was used. */
  referens?: string;
}

export interface IJustering {
  status: Justeringsstatus;
  motesdag: IsoDate;
  ordforande?: IJusteringsperson;
  justerare: IJusteringsperson[];
  godkannanden: IGodkannande[];
  justeratDatum?: IsoDate;
}

/** The role a person has in this justering, or undefined when they are not to approve it. */
export function justeringsroll(j: IJustering, personId: number): Justeringsroll | undefined {
  if (j.ordforande?.id === personId) return 'Ordförande';
  return j.justerare.some((p) => p.id === personId) ? 'Justerare' : undefined;
}

/** Everyone who must approve, ordförande first. */
export function allaSomJusterar(j: IJustering): IJusteringsperson[] {
  const alla = j.ordforande ? [j.ordforande, ...j.justerare] : [...j.justerare];
  return alla.filter((p, i) => alla.findIndex((q) => q.id === p.id) === i);
}

/** The people whose approval is still missing. */
export function vantarPa(j: IJustering): IJusteringsperson[] {
  return allaSomJusterar(j).filter((p) => !j.godkannanden.some((g) => g.personId === p.id));
}

export type Justeringsfel = 'EjUtskickat' | 'RedanJusterat' | 'EjJusterare' | 'RedanGodkant' | 'JusterareSaknas' | 'OrdforandeSaknas';

/** Whether the protokoll may be sent to justering: it needs an ordförande and at least one justerare. */
export function kanSkickasTillJustering(j: IJustering): Justeringsfel | undefined {
  if (j.status === 'Justerat') return 'RedanJusterat';
  if (!j.ordforande) return 'OrdforandeSaknas';
  if (j.justerare.length === 0) return 'JusterareSaknas';
  return undefined;
}

export type Godkannanderesultat =
  | { ok: true; justering: IJustering; justerat: boolean }
  | { ok: false; fel: Justeringsfel };

/**
 * Records one approval. When it is the last one missing, the protokoll is justerat on the day of
 * that approval (`idag`, the Swedish calendar day of `godkannande.tid`).
 */
export function godkann(j: IJustering, g: Omit<IGodkannande, 'roll'>, idag: IsoDate): Godkannanderesultat {
  if (j.status === 'Justerat') return { ok: false, fel: 'RedanJusterat' };
  if (j.status !== 'Under justering') return { ok: false, fel: 'EjUtskickat' };
  const roll = justeringsroll(j, g.personId);
  if (!roll) return { ok: false, fel: 'EjJusterare' };
  if (j.godkannanden.some((x) => x.personId === g.personId)) return { ok: false, fel: 'RedanGodkant' };
  const godkannanden = [...j.godkannanden, { ...g, roll }];
  const nasta: IJustering = { ...j, godkannanden };
  const justerat = vantarPa(nasta).length === 0;
  return { ok: true, justerat, justering: justerat ? { ...nasta, status: 'Justerat', justeratDatum: idag } : nasta };
}

/** Days left to the 14-day deadline and how it stands; `Justerat` once done. */
export type Fristlage = 'GodTid' | 'Snart' | 'SistaDagen' | 'Forsenad' | 'Justerat';

/** "Snart" from this many days before the last day. */
export const SNART_DAGAR = 3;

export function justeringsfrist(j: Pick<IJustering, 'status' | 'motesdag' | 'justeratDatum'>, idag: IsoDate): { senast: IsoDate; dagarKvar: number; lage: Fristlage; forsenadVidJustering: boolean } {
  const senast = justerasSenast(j.motesdag);
  const dagarKvar = daysBetween(idag, senast);
  if (j.status === 'Justerat') {
    return { senast, dagarKvar, lage: 'Justerat', forsenadVidJustering: !!j.justeratDatum && j.justeratDatum > senast };
  }
  const lage: Fristlage = dagarKvar < 0 ? 'Forsenad' : dagarKvar === 0 ? 'SistaDagen' : dagarKvar <= SNART_DAGAR ? 'Snart' : 'GodTid';
  return { senast, dagarKvar, lage, forsenadVidJustering: false };
}

/**
 * The Justeringslogg column holds the approvals as JSON. A hand-edited or truncated log must not
 * stop the justering: unreadable entries are dropped and reported, readable ones kept.
 */
export function lasJusteringslogg(text: unknown): { godkannanden: IGodkannande[]; olasbara: number } {
  if (typeof text !== 'string' || !text.trim()) return { godkannanden: [], olasbara: 0 };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { godkannanden: [], olasbara: 1 };
  }
  const rader = Array.isArray(data) ? data : [];
  const godkannanden: IGodkannande[] = [];
  for (const r of rader as Array<Record<string, unknown>>) {
    if (r && typeof r === 'object' && Number.isInteger(r.personId) && typeof r.namn === 'string' && typeof r.tid === 'string' &&
      !Number.isNaN(Date.parse(r.tid)) && (r.roll === 'Ordförande' || r.roll === 'Justerare') && typeof r.metod === 'string') {
      godkannanden.push({
        personId: r.personId as number, namn: r.namn, epost: typeof r.epost === 'string' ? r.epost : '', roll: r.roll,
        tid: r.tid, metod: r.metod, ...(typeof r.referens === 'string' ? { referens: r.referens } : {})
      });
    }
  }
  return { godkannanden, olasbara: (Array.isArray(data) ? rader.length : 1) - godkannanden.length };
}

export function skrivJusteringslogg(godkannanden: readonly IGodkannande[]): string {
  return JSON.stringify(godkannanden);
}
