/**
 * Rules for an uppdrag (a task given by KS or KF) in the ärendebalanslista (seed 001).
 * Pure functions over plain data: no React, PnPjs or SPFx here.
 */
import { daysBetween, IsoDate } from './dates';

/** The statuses a handläggare can set, as stable codes; Swedish labels live in loc/. */
export const UPPDRAG_STATUSAR = [
  'EjPaborjat',
  'Pagar',
  'Forsenat',
  'DelvisVerkstallt',
  'Verkstallt',
  'ForeslasAvskrivas'
] as const;

export type UppdragStatus = (typeof UPPDRAG_STATUSAR)[number];

export function isUppdragStatus(value: unknown): value is UppdragStatus {
  return typeof value === 'string' && (UPPDRAG_STATUSAR as readonly string[]).indexOf(value) >= 0;
}

/** Default for "ej uppdaterad på N dagar"; the web part lets the site owner change it. */
export const STANDARD_DAGAR_TILL_INAKTUELL = 30;

export interface IUppdragLage {
  status: UppdragStatus;
  /** Planerat klart; missing while nobody has planned the work. */
  planeratKlart?: IsoDate;
  /** The day the row was last saved. */
  senastAndrad?: IsoDate;
}

export interface IBedomtLage {
  /** The status to show: an open uppdrag past its planned date is shown as Försenat. */
  status: UppdragStatus;
  /** The planned date has passed and the uppdrag is not verkställt. */
  forsenad: boolean;
  /** Days past the planned date (0 when not late). */
  dagarForsenad: number;
  /** No one has updated the row for at least the configured number of days. */
  inaktuell: boolean;
}

/** Verkställt is the only status that ends the duty to report on an uppdrag. */
export function arAvslutat(status: UppdragStatus): boolean {
  return status === 'Verkstallt';
}

/** Late: the planned date lies before today and the uppdrag is not verkställt. */
export function arForsenat(lage: IUppdragLage, idag: IsoDate): boolean {
  return !arAvslutat(lage.status) && lage.planeratKlart !== undefined && daysBetween(lage.planeratKlart, idag) > 0;
}

export function arInaktuell(lage: IUppdragLage, idag: IsoDate, dagarTillInaktuell: number = STANDARD_DAGAR_TILL_INAKTUELL): boolean {
  if (arAvslutat(lage.status)) {
    return false;
  }
  // A row nobody ever saved counts as stale: nothing tells the reader it is current.
  return lage.senastAndrad === undefined || daysBetween(lage.senastAndrad, idag) >= dagarTillInaktuell;
}

/**
 * What a reader should see for an uppdrag today. Ej påbörjat and Pågår past their date become
 * Försenat; Delvis verkställt and Föreslås avskrivas keep their status (they say more) but are
 * still marked late.
 */
export function bedomLage(lage: IUppdragLage, idag: IsoDate, dagarTillInaktuell: number = STANDARD_DAGAR_TILL_INAKTUELL): IBedomtLage {
  const forsenad = arForsenat(lage, idag);
  const blirForsenat = forsenad && (lage.status === 'EjPaborjat' || lage.status === 'Pagar');
  return {
    status: blirForsenat ? 'Forsenat' : lage.status,
    forsenad,
    dagarForsenad: forsenad && lage.planeratKlart ? daysBetween(lage.planeratKlart, idag) : 0,
    inaktuell: arInaktuell(lage, idag, dagarTillInaktuell)
  };
}

/** One row of the ärendebalanslista as the readers see it. */
export interface IUppdrag extends IUppdragLage {
  id: number;
  rubrik: string;
  uppdragstext?: string;
  beslutsinstans: string;
  beslutsdatum?: IsoDate;
  paragraf: string;
  diarienummer?: string;
  forvaltning: string;
  /** The handläggare's name and e-mail (for "Begär statusuppdatering"). */
  handlaggare?: string;
  handlaggareEpost?: string;
  varIHanteringen?: string;
  /** Coded reason for delay (one of the list's choices) and its free text. */
  orsakKod?: string;
  orsakText?: string;
  forstPlaneratKlart?: IsoDate;
  aterrapporteraSenast?: IsoDate;
  kommentar?: string;
  /** The text approved for politicians; shown to ledamöter before the handläggare's notes. */
  textForPolitiker?: string;
}

/** The fields a handläggare edits in the form. */
export const REDIGERBARA_FALT = [
  'status', 'varIHanteringen', 'orsakKod', 'orsakText', 'planeratKlart', 'aterrapporteraSenast', 'kommentar', 'textForPolitiker'
] as const;

export type RedigerbartFalt = (typeof REDIGERBARA_FALT)[number];
export type UppdragAndring = Partial<Pick<IUppdrag, RedigerbartFalt>>;

/** One saved change of an uppdrag, from its version history. */
export interface IUppdragHandelse {
  version: string;
  /** The instant of the save. */
  nar: string;
  vem: string;
  /** Field → [before, after], only fields a reader follows (status, planned date, reason …). */
  andringar: Partial<Record<RedigerbartFalt, [string | undefined, string | undefined]>>;
}
