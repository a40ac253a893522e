/**
 * The kommun's digital anslagstavla (KL 8 kap. 9–12 §§): tillkännagivanden of justerade protokoll and
 * kungörelser of fullmäktige's meetings. Dates are calendar days in Sweden.
 */
import { addDays, format, parseISO } from 'date-fns';
import { IsoDate } from './dates';
import { sistaDagForOverklagande } from './frister';

export const ANSLAGSTYP = ['Tillkännagivande av justerat protokoll', 'Kungörelse av sammanträde'] as const;
export type Anslagstyp = (typeof ANSLAGSTYP)[number];
export const TILLKANNAGIVANDE: Anslagstyp = 'Tillkännagivande av justerat protokoll';
export const KUNGORELSE: Anslagstyp = 'Kungörelse av sammanträde';

const plus = (dag: IsoDate, dagar: number): IsoDate => format(addDays(parseISO(dag), dagar), 'yyyy-MM-dd');

/** What a tillkännagivande must state (KL 8 kap. 12 §) and when it comes down. */
export interface ITillkannagivande {
  organ: string;
  sammantradesdatum: IsoDate;
  justeringsdatum: IsoDate;
  forvaringsplats: string;
  uppsatt: IsoDate;
  sistaDagForOverklagande: IsoDate;
  /** The first day it is no longer shown: the day after the last day for laglighetsprövning. */
  nedtagning: IsoDate;
}

export function tillkannagivande(t: Pick<ITillkannagivande, 'organ' | 'sammantradesdatum' | 'justeringsdatum' | 'forvaringsplats' | 'uppsatt'>): ITillkannagivande {
  const sista = sistaDagForOverklagande(t.uppsatt);
  return { ...t, sistaDagForOverklagande: sista, nedtagning: plus(sista, 1) };
}

/** The tillkännagivande goes up at the latest two days after justering (KL 8 kap. 12 §). */
export function tillkannagesSenast(justeringsdatum: IsoDate): IsoDate {
  return plus(justeringsdatum, 2);
}

/** An anslag is shown from the day it is posted until, not including, its day of removal. */
export function arAktuellt(a: { uppsatt: IsoDate; nedtagning?: IsoDate }, idag: IsoDate): boolean {
  return a.uppsatt <= idag && (!a.nedtagning || idag < a.nedtagning);
}

/** Fullmäktige's meetings are announced at least one week before the meeting day (KL 5 kap. 53 §). */
export function kungorasSenast(motesdag: IsoDate): IsoDate {
  return plus(motesdag, -7);
}

/**
 * - `IRattTid`: posted at least a week before.
 * - `Sent`: posted, but later than a week before: flagged.
 * - `EjAnslagen`: not posted and there is still time.
 * - `EjAnslagenForSent`: not posted and the week has begun: flagged.
 */
export type Kungorelselage = 'IRattTid' | 'Sent' | 'EjAnslagen' | 'EjAnslagenForSent';

export function kungorelselage(motesdag: IsoDate, anslagen: IsoDate | undefined, idag: IsoDate): Kungorelselage {
  const senast = kungorasSenast(motesdag);
  if (anslagen) return anslagen <= senast ? 'IRattTid' : 'Sent';
  return idag <= senast ? 'EjAnslagen' : 'EjAnslagenForSent';
}

/** A kungörelse stays up until the meeting has been held. */
export function kungorelseNedtagning(motesdag: IsoDate): IsoDate {
  return plus(motesdag, 1);
}
