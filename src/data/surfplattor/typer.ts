/**
 * The tablet register's data contract (issue 6): what kommunservice and the borrower get from the
 * services, and the services' interfaces. Components get them injected and never build them.
 */
import { IsoDate } from '../../domain/dates';
import { Incidenttyp, IStegUtfort, Kostnadsansvar, Steg } from '../../domain/incident';
import { Enhetshandelse, Enhetsstatus, Lanstatus, Signeringssatt } from '../../domain/surfplatta';

export interface IPerson {
  /** SharePoint user id on the site. */
  id: number;
  namn: string;
  epost: string;
}

export interface ISurfplatta {
  id: number;
  stoldmarkning: string;
  serienummer: string;
  modell: string;
  simAbonnemang: string;
  intuneId: string;
  status: Enhetsstatus;
  /** The loan that is waiting for its receipt or handed out, if any. */
  aktivtLan?: ILan;
  etag?: string;
}

export interface ILan {
  id: number;
  enhetId: number;
  /** The device's stöldmärkning (the lookup's shown value), readable by the borrower too. */
  stoldmarkning: string;
  lantagare?: IPerson;
  status: Lanstatus;
  mandatSlut: IsoDate;
  utlamnad?: IsoDate;
  aterlamnad?: IsoDate;
  riktlinjeVersion: string;
  /** Who signed the check-out receipt and when (the receipt row's server-set author and time). */
  kvitteradAv?: string;
  kvitteradTid?: string;
  kvittensUrl?: string;
  aterKvittensUrl?: string;
  skickVidRetur?: string;
  anonymiserad: boolean;
  etag?: string;
}

export interface IRiktlinje {
  id: number;
  rubrik: string;
  version: string;
  gallerFran: IsoDate;
  beslut?: string;
  filUrl: string;
  /** The full text, for reading before signing and for the receipt. */
  text: string;
}

export interface IKvittens {
  satt: Signeringssatt;
  /** PNG bytes of the drawn signature. */
  signatur?: Uint8Array;
  skrivetNamn?: string;
}

export interface IIncident {
  id: number;
  rubrik: string;
  enhetId: number;
  stoldmarkning: string;
  typ: Incidenttyp;
  beskrivning: string;
  polisanmalan?: string;
  gjorda: IStegUtfort[];
  /** Checklist entries that could not be read (a hand-edited column); the rest is shown. */
  olasbaraSteg: number;
  kvar: Steg[];
  kostnadsansvar: Kostnadsansvar;
  status: 'Öppen' | 'Stängd';
  /** ISO instant; the reporter is the row's author. */
  rapporterad: string;
  rapportor?: IPerson;
  /** For wiping and passcode reset through Intune. */
  intuneId?: string;
  etag?: string;
}

/** Kommunservice: the register, loans, check-out and return. */
export interface IRegisterTjanst {
  hamtaRegister(): Promise<ISurfplatta[]>;
  laggTillEnhet(ny: Omit<ISurfplatta, 'id' | 'status' | 'aktivtLan' | 'etag'>): Promise<ISurfplatta>;
  /** Refused (DataFel 'ogiltig' with the domain code) when the state machine does not allow it. */
  andraStatus(enhet: ISurfplatta, handelse: Enhetshandelse): Promise<ISurfplatta>;
  hamtaLan(): Promise<ILan[]>;
  /** Creates the loan waiting for the borrower's receipt and lets the borrower read it. */
  skapaLan(enhet: ISurfplatta, lantagare: IPerson, mandatSlut: IsoDate): Promise<ILan>;
  /** Hands the device out: only when the borrower's own receipt for this loan exists. */
  lamnaUt(lan: ILan): Promise<ILan>;
  /** Takes the device back with condition notes; stores a return receipt signed by the signed-in person. */
  taEmot(lan: ILan, skick: string, kvittens: IKvittens): Promise<ILan>;
  sokPersoner(sok: string): Promise<IPerson[]>;
}

/** The borrower: "Min surfplatta". */
export interface IMinSurfplattaTjanst {
  aktuellPerson(): Promise<IPerson>;
  /** My loans, newest first (the ones kommunservice has shared with me). */
  hamtaMinaLan(): Promise<ILan[]>;
  /** The guideline in force today. */
  hamtaRiktlinje(idag: IsoDate): Promise<IRiktlinje>;
  /** Signs the check-out receipt: a PDF with the full guideline, its version, the device and the signature. */
  kvittera(lan: ILan, riktlinje: IRiktlinje, kvittens: IKvittens): Promise<{ kvittensUrl: string }>;
  rapportera(r: { lan: ILan; typ: Incidenttyp; beskrivning: string; polisanmalan?: string }): Promise<IIncident>;
  hamtaMinaIncidenter(): Promise<IIncident[]>;
  hamtaFil(url: string): Promise<ArrayBuffer>;
}

/** Kommunservice: incidents and their checklist. */
export interface IIncidentTjanst {
  hamtaIncidenter(): Promise<IIncident[]>;
  /**
   * Does one step: Radera and LosenordEnhet through Intune (Graph wipe / resetPasscode) when the
   * device has an Intune id, else as a confirmed manual step; the others as confirmed tasks.
   */
  utforSteg(incident: IIncident, steg: Steg, detaljer: { referens?: string; kostnadsansvar?: Kostnadsansvar; manuelltBekraftat?: boolean }): Promise<IIncident>;
  stang(incident: IIncident): Promise<IIncident>;
}

export interface IPaminnelseResultat {
  lan: ILan;
  ok: boolean;
  /** Why it failed, for a retry. */
  fel?: string;
}

/** Kommunservice: loans whose mandate ends, and the return reminders. */
export interface IMandatTjanst {
  hamtaSlutande(idag: IsoDate, dagar: number): Promise<ILan[]>;
  /** One mail per borrower through Graph, in $batch requests of 20; per-loan results. */
  skickaPaminnelser(lan: readonly ILan[], texter: { amne: string; text: (lan: ILan) => string }): Promise<IPaminnelseResultat[]>;
}
