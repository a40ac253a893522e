/**
 * Digital justering of a protokoll (KL 5 kap. 69 §): the ordförande and the justerare chosen at the
 * meeting approve it, at the latest 14 days after the meeting. Each approval records who (their
 * Microsoft 365 identity) and when, and how they signed, so an e-signature service can take the
 * place of the sign-in later without changing these rules. Who and when come from the server (the
 * approval rows' Author and Created, `bedomJustering`); the Justeringslogg is the record written
 * when the justering is completed.
 */
import { daysBetween, IsoDate, swedishDate } from './dates';
import { justerasSenast } from './frister';
import { lasPoster } from './jsonPoster';
import { IPerson } from './personer';

export const JUSTERINGSSTATUS = ['Utkast', 'Under justering', 'Justerat'] as const;
export type Justeringsstatus = (typeof JUSTERINGSSTATUS)[number];

export type Justeringsroll = 'Ordförande' | 'Justerare';

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
  ordforande?: IPerson;
  justerare: IPerson[];
  godkannanden: IGodkannande[];
  justeratDatum?: IsoDate;
}

/** The role a person has in this justering, or undefined when they are not to approve it. */
export function justeringsroll(j: IJustering, personId: number): Justeringsroll | undefined {
  if (j.ordforande?.id === personId) return 'Ordförande';
  return j.justerare.some((p) => p.id === personId) ? 'Justerare' : undefined;
}

/** Everyone who must approve, ordförande first. */
export function allaSomJusterar(j: IJustering): IPerson[] {
  const alla = j.ordforande ? [j.ordforande, ...j.justerare] : [...j.justerare];
  return alla.filter((p, i) => alla.findIndex((q) => q.id === p.id) === i);
}

/** The people whose approval is still missing. */
export function vantarPa(j: IJustering): IPerson[] {
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

/** Whether `personId` may approve now: sent to justering, named, and not yet approved. */
export function kanGodkanna(j: IJustering, personId: number): Justeringsfel | undefined {
  if (j.status === 'Justerat') return 'RedanJusterat';
  if (j.status !== 'Under justering') return 'EjUtskickat';
  if (!justeringsroll(j, personId)) return 'EjJusterare';
  return j.godkannanden.some((g) => g.personId === personId) ? 'RedanGodkant' : undefined;
}

/**
 * One approval row as SharePoint stores it (the list Justeringar): the author and the instants are
 * set by the server, never by the client, so they are facts; method and reference are what the
 * signing step returned.
 */
export interface IJusteringsrad {
  id: number;
  /** SharePoint's Author: who added the row. */
  forfattare: IPerson;
  /** SharePoint's Created, an ISO instant. */
  skapad: string;
  /** SharePoint's Modified; a row changed after it was added approves from its change. */
  andrad?: string;
  metod: string;
  referens?: string;
}

export interface IJusteringsutfall {
  /** The valid approvals, one per named person (their first row), in the order they were made. */
  godkannanden: IGodkannande[];
  /** Rows by people who are not named in the protokoll: ignored, reported so that they are seen. */
  obehoriga: IJusteringsrad[];
  /** Further rows by someone who had already approved (a double click, two tabs): ignored. */
  dubbletter: IJusteringsrad[];
  /** The named people whose approval is missing, ordförande first. */
  vantarPa: IPerson[];
  /** Everyone named has approved. */
  komplett: boolean;
  /** When complete: the Swedish calendar day of the last valid approval, the day of justering. */
  justeratDatum?: IsoDate;
}

const instant = (r: IJusteringsrad): number => {
  const skapad = Date.parse(r.skapad);
  const andrad = r.andrad ? Date.parse(r.andrad) : NaN;
  return Number.isNaN(andrad) ? skapad : Math.max(skapad, andrad);
};

/**
 * Judges a protokoll's approval rows against the people named in it. Only the server's facts count:
 * who added a row (its author, whatever the row says) and when. A row by someone not named is
 * ignored and reported; of several rows by one person the earliest counts. Complete when every named
 * person has a valid row; the protokoll is then justerat on the Swedish day of the last of them.
 */
export function bedomJustering(j: Pick<IJustering, 'ordforande' | 'justerare'>, rader: readonly IJusteringsrad[]): IJusteringsutfall {
  const namngivna = allaSomJusterar({ ...j, status: 'Under justering', motesdag: '', godkannanden: [] });
  const ordnade = rader.filter((r) => !Number.isNaN(instant(r))).sort((a, b) => instant(a) - instant(b) || a.id - b.id);
  const godkannanden: IGodkannande[] = [];
  const obehoriga: IJusteringsrad[] = [];
  const dubbletter: IJusteringsrad[] = [];
  for (const r of ordnade) {
    const roll = justeringsroll({ ...j, status: 'Under justering', motesdag: '', godkannanden: [] }, r.forfattare.id);
    if (!roll) obehoriga.push(r);
    else if (godkannanden.some((g) => g.personId === r.forfattare.id)) dubbletter.push(r);
    else {
      godkannanden.push({
        personId: r.forfattare.id, namn: r.forfattare.namn, epost: r.forfattare.epost, roll,
        tid: new Date(instant(r)).toISOString(), metod: r.metod, ...(r.referens ? { referens: r.referens } : {})
      });
    }
  }
  const vantar = namngivna.filter((p) => !godkannanden.some((g) => g.personId === p.id));
  const komplett = namngivna.length > 0 && !!j.ordforande && j.justerare.length > 0 && vantar.length === 0;
  const sista = godkannanden[godkannanden.length - 1];
  return {
    godkannanden, obehoriga, dubbletter, vantarPa: vantar, komplett,
    ...(komplett && sista ? { justeratDatum: swedishDate(new Date(sista.tid)) } : {})
  };
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

/** One approval as read from the log, or undefined when the entry is not a readable approval. */
function lasGodkannande(r: unknown): IGodkannande | undefined {
  if (!r || typeof r !== 'object' || Array.isArray(r)) return undefined;
  const x = r as Record<string, unknown>;
  if (!(Number.isInteger(x.personId) && typeof x.namn === 'string' && typeof x.tid === 'string' &&
    !Number.isNaN(Date.parse(x.tid)) && (x.roll === 'Ordförande' || x.roll === 'Justerare') && typeof x.metod === 'string')) {
    return undefined;
  }
  return {
    personId: x.personId as number, namn: x.namn, epost: typeof x.epost === 'string' ? x.epost : '', roll: x.roll,
    tid: x.tid, metod: x.metod, ...(typeof x.referens === 'string' ? { referens: x.referens } : {})
  };
}

/**
 * The Justeringslogg column holds the approvals as JSON. A hand-edited or truncated log must not
 * stop the justering: unreadable entries are dropped and reported, readable ones kept, also when the
 * JSON as a whole does not parse (a log cut off in the middle keeps the approvals before the cut).
 * A log that does not parse reports at least one unreadable entry, so the damage is seen.
 */
export function lasJusteringslogg(text: unknown): { godkannanden: IGodkannande[]; olasbara: number } {
  const { poster, olasbara } = lasPoster(text, lasGodkannande);
  return { godkannanden: poster, olasbara };
}

export function skrivJusteringslogg(godkannanden: readonly IGodkannande[]): string {
  return JSON.stringify(godkannanden);
}
