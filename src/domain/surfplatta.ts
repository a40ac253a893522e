/**
 * The life of a lent tablet (seed 004): a pure state machine for the device and the rules of a
 * loan. The register, the services and the UI ask these functions, so an illegal step is refused
 * the same way everywhere.
 */
import { addDays, addYears, format, parseISO } from 'date-fns';
import { isIsoDate, IsoDate } from './dates';

export const ENHETSSTATUS = ['I lager', 'Utlånad', 'På service', 'Återlämnad', 'Stulen', 'Förlorad', 'Kasserad'] as const;
export type Enhetsstatus = (typeof ENHETSSTATUS)[number];

/** What can happen to a device. */
export const ENHETSHANDELSER = ['Utlamna', 'TillService', 'FranService', 'Aterlamna', 'TillLager', 'Stold', 'Forlust', 'Aterfunnen', 'Kassera'] as const;
export type Enhetshandelse = (typeof ENHETSHANDELSER)[number];

const OVERGANGAR: Readonly<Record<Enhetshandelse, readonly Enhetsstatus[]>> = {
  // Handed out against a signed receipt.
  Utlamna: ['I lager'],
  TillService: ['I lager', 'Utlånad', 'Återlämnad'],
  // Back to the borrower when the loan goes on, else to stock (see nastaStatus).
  FranService: ['På service'],
  Aterlamna: ['Utlånad', 'På service'],
  // A returned device is checked and wiped before it can be lent again.
  TillLager: ['Återlämnad'],
  Stold: ['I lager', 'Utlånad', 'På service', 'Återlämnad'],
  Forlust: ['I lager', 'Utlånad', 'På service', 'Återlämnad'],
  // Found again: back to the borrower when the loan goes on, else to stock (see nastaStatus).
  Aterfunnen: ['Stulen', 'Förlorad'],
  Kassera: ['I lager', 'Återlämnad', 'På service', 'Stulen', 'Förlorad']
};

export type Statusfel = 'OtillatenOvergang' | 'Kasserad' | 'AktivtLanSaknas' | 'AktivtLanFinns';

export type Statusresultat = { ok: true; status: Enhetsstatus } | { ok: false; fel: Statusfel; fran: Enhetsstatus; handelse: Enhetshandelse };

/**
 * The device's next status, or why the step is refused. `harAktivtLan`: the device has a loan
 * that is handed out and not returned (decides where a device goes from service, and that a
 * device on loan cannot be scrapped).
 */
export function nastaStatus(fran: Enhetsstatus, handelse: Enhetshandelse, harAktivtLan: boolean): Statusresultat {
  if (fran === 'Kasserad') return { ok: false, fel: 'Kasserad', fran, handelse };
  // A value from a list or a request may be no event at all: refused, never thrown.
  if (!Object.prototype.hasOwnProperty.call(OVERGANGAR, handelse) || !OVERGANGAR[handelse].includes(fran)) return { ok: false, fel: 'OtillatenOvergang', fran, handelse };
  switch (handelse) {
    case 'Utlamna':
      return harAktivtLan ? { ok: false, fel: 'AktivtLanFinns', fran, handelse } : { ok: true, status: 'Utlånad' };
    case 'FranService':
    case 'Aterfunnen':
      return { ok: true, status: harAktivtLan ? 'Utlånad' : 'I lager' };
    case 'Aterlamna':
      return harAktivtLan ? { ok: true, status: 'Återlämnad' } : { ok: false, fel: 'AktivtLanSaknas', fran, handelse };
    case 'TillService':
      return { ok: true, status: 'På service' };
    case 'TillLager':
      return { ok: true, status: 'I lager' };
    case 'Stold':
      return { ok: true, status: 'Stulen' };
    case 'Forlust':
      return { ok: true, status: 'Förlorad' };
    case 'Kassera':
      return harAktivtLan ? { ok: false, fel: 'AktivtLanFinns', fran, handelse } : { ok: true, status: 'Kasserad' };
  }
}

/**
 * Why the register may not make a status change directly, whatever the state machine allows:
 * - `EndastViaLan`: hand-out and return change the loan too (with its receipts).
 * - `EndastViaHandelse`: a handed-out device is stolen or lost through the borrower's report and the
 *   incident's checklist (wipe, passwords, SIM); a device without a handed-out loan may be marked directly.
 * - `AktivtLanFinns`: a device whose loan waits for the receipt is not scrapped or sent to service,
 *   which would leave a loan that can never be handed out; the loan is cancelled first.
 */
export type Direktandringsfel = 'EndastViaLan' | 'EndastViaHandelse' | 'AktivtLanFinns';

export function direktandringsfel(handelse: Enhetshandelse, lan: { utlamnat: boolean; vantarPaKvittens: boolean }): Direktandringsfel | undefined {
  if (handelse === 'Utlamna' || handelse === 'Aterlamna') return 'EndastViaLan';
  if ((handelse === 'Stold' || handelse === 'Forlust') && lan.utlamnat) return 'EndastViaHandelse';
  if ((handelse === 'Kassera' || handelse === 'TillService') && lan.vantarPaKvittens) return 'AktivtLanFinns';
  return undefined;
}

/** The steps that are allowed from a status (for offering only those in the UI). */
export function tillatnaHandelser(fran: Enhetsstatus, harAktivtLan: boolean): Enhetshandelse[] {
  return ENHETSHANDELSER.filter((h) => nastaStatus(fran, h, harAktivtLan).ok);
}

export function arEnhetsstatus(v: unknown): v is Enhetsstatus {
  return typeof v === 'string' && (ENHETSSTATUS as readonly string[]).includes(v);
}

// ---- loans -----------------------------------------------------------------------------------

/**
 * A loan waits for the borrower's signed receipt, is handed out, and ends: returned, or — when the
 * device was stolen or lost — when that incident is closed with every step done. Either end has a
 * date (the Aterlamnad column), from which the anonymisation period runs.
 */
export const LANSTATUS = ['Väntar på kvittens', 'Utlånad', 'Återlämnad', 'Stulen eller förlorad'] as const;
export type Lanstatus = (typeof LANSTATUS)[number];

/** The statuses of a loan that has ended. */
export const AVSLUTADE_LAN: readonly Lanstatus[] = ['Återlämnad', 'Stulen eller förlorad'];

/**
 * Whether a loan whose device was stolen or lost ends when the incident is closed: only a loan
 * still handed out, and only when the device was not found again meanwhile (then it goes on).
 */
export function lanSlutarVidIncident(lan: Lanstatus, enhet: Enhetsstatus): boolean {
  return lan === 'Utlånad' && (enhet === 'Stulen' || enhet === 'Förlorad');
}

export const SIGNERINGSSATT = ['Ritad signatur', 'Skrivet namn'] as const;
export type Signeringssatt = (typeof SIGNERINGSSATT)[number];

export type Kvittensfel = 'NamnSaknas' | 'NamnStammerInte' | 'SignaturSaknas' | 'RiktlinjeEjLast';

/**
 * The borrower's acknowledgement: they have opened the guideline to the end and either drew a
 * signature or typed their own name (compared with their Microsoft 365 name, case and accents
 * aside, so a typo is caught but "Asa" for "Åsa" is not refused).
 */
export function valideraKvittens(k: { satt: Signeringssatt; skrivetNamn?: string; harRitning?: boolean; riktlinjenLast: boolean }, namnIM365: string): Kvittensfel | undefined {
  if (!k.riktlinjenLast) return 'RiktlinjeEjLast';
  if (k.satt === 'Ritad signatur') return k.harRitning ? undefined : 'SignaturSaknas';
  const skrivet = (k.skrivetNamn ?? '').trim();
  if (!skrivet) return 'NamnSaknas';
  return jamfortNamn(skrivet) === jamfortNamn(namnIM365) ? undefined : 'NamnStammerInte';
}

/** Letters that are not a base letter plus an accent in Unicode, written as a keyboard without them would. */
const UTAN_DIAKRIT: Readonly<Record<string, string>> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', ł: 'l', ŋ: 'n', ŧ: 't', þ: 'th', ı: 'i' };

function jamfortNamn(namn: string): string {
  return namn.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[æøœßđðłŋŧþı]/g, (c) => UTAN_DIAKRIT[c]).replace(/\s+/g, ' ').trim();
}

export type Lanfel = 'MandatSlutOgiltigt' | 'MandatSlutPasserat' | 'EnhetInteILager' | 'LantagareSaknas';

/** A new loan: a borrower, a device in stock and a mandate end that is a real date not in the past. */
export function valideraNyttLan(l: { lantagareId?: number; enhetsstatus: Enhetsstatus; mandatSlut: string }, idag: IsoDate): Lanfel | undefined {
  if (!l.lantagareId) return 'LantagareSaknas';
  if (l.enhetsstatus !== 'I lager') return 'EnhetInteILager';
  if (!isIsoDate(l.mandatSlut)) return 'MandatSlutOgiltigt';
  if (l.mandatSlut < idag) return 'MandatSlutPasserat';
  return undefined;
}

/**
 * Loans to remind, soonest first: handed out, not returned, and the mandate ends within `dagar`
 * days (or has ended). A loan without a readable mandate end is left out: a reminder would name no
 * date and could reach someone whose mandate goes on for years.
 */
export function paminnasVidMandatslut<T extends { status: Lanstatus; mandatSlut: IsoDate }>(lan: readonly T[], idag: IsoDate, dagar: number): T[] {
  const grans = format(addDays(parseISO(idag), dagar), 'yyyy-MM-dd');
  return lan.filter((l) => l.status === 'Utlånad' && isIsoDate(l.mandatSlut) && l.mandatSlut <= grans)
    .sort((a, b) => a.mandatSlut.localeCompare(b.mandatSlut));
}

/** Default: returned loans keep the borrower's name for two years, then are anonymised. */
export const STANDARD_GALLRINGSAR = 2;

/**
 * Ended loans (returned, or ended by theft or loss) whose end lies more than `ar` years back and
 * that are not anonymised yet: the name is kept up to and including the anniversary of the end
 * (28 February for an end on 29 February) and anonymised from the day after. An end date that
 * cannot be read is left out.
 */
export function skaAnonymiseras<T extends { status: Lanstatus; aterlamnad?: IsoDate; anonymiserad: boolean }>(lan: readonly T[], idag: IsoDate, ar: number = STANDARD_GALLRINGSAR): T[] {
  return lan.filter((l) => AVSLUTADE_LAN.includes(l.status) && !l.anonymiserad && isIsoDate(l.aterlamnad) &&
    format(addYears(parseISO(l.aterlamnad), ar), 'yyyy-MM-dd') < idag);
}
