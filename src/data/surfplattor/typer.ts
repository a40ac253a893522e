/**
 * The tablet register's data contract (issue 6): what kommunservice and the borrower get from the
 * services, and the services' interfaces. Components get them injected and never build them.
 */
import { IsoDate } from '../../domain/dates';
import { Incidentfel, Incidenttyp, IStegUtfort, Kostnadsansvar, Steg } from '../../domain/incident';
import { IPerson } from '../../domain/personer';
import { Direktandringsfel, Enhetshandelse, Enhetsstatus, Kvittensfel, Lanfel, Lanstatus, Signeringssatt, Statusfel } from '../../domain/surfplatta';
import { DataFel, regelfelkod } from '../fel';

/**
 * Why the register refused a step: the domain's codes (state machine, loan, receipt and incident
 * rules) and the service's own checks:
 * - `KvittensSaknas`: no check-out receipt with its PDF added by the borrower themself.
 * - `KvittensOgiltig`: the borrower's receipt is not one to hand out against: its PDF does not open
 *   as a PDF, or it names a guideline version the Riktlinjer library did not have in force when it was signed.
 * - `FelLanestatus`: the loan is not in the status the step needs (already handed out, returned…).
 * - `InteLantagare`: the signed-in person is not the loan's borrower.
 * - `RiktlinjeSaknas`: no guideline in force in the Riktlinjer library.
 * - `EndastViaLan`, `EndastViaHandelse`, `AktivtLanFinns`: a status change the register does not make
 *   directly (domain `direktandringsfel`): hand-out and return go through the loan, theft and loss of a
 *   handed-out device through the incident, and a device waiting for a receipt is not scrapped or serviced.
 * - `RedanKvitterad`: the borrower has already signed this loan's receipt.
 */
export type Registerfelkod = Statusfel | Lanfel | Kvittensfel | Incidentfel | Direktandringsfel |
  'KvittensSaknas' | 'KvittensOgiltig' | 'FelLanestatus' | 'InteLantagare' | 'RiktlinjeSaknas' | 'RedanKvitterad';

/**
 * A refusal by the register's rules (DataFel 'ogiltig') carrying the rule's code, which the UI turns
 * into its own sentence. Recognise it with `registerfelkod(fel)`: instanceof fails across bundle
 * copies, the shape does not.
 */
export class RegisterFel extends DataFel {
  public constructor(public readonly kod: Registerfelkod) {
    super('ogiltig', undefined, kod);
    this.name = 'RegisterFel';
  }
}

export function registerfelkod(fel: unknown): Registerfelkod | undefined {
  return regelfelkod<Registerfelkod>(fel, 'RegisterFel');
}

/** The words of the PDF receipts, from the web part's strings (Swedish first). `{0}` and `{1}` are filled in. */
export interface IKvittensTexter {
  rubrikUtlamning: string;
  rubrikAterlamning: string;
  /** What the borrower confirms at check-out. */
  intygUtlamning: string;
  /** What the signer confirms at return. */
  intygAterlamning: string;
  lantagare: string;
  surfplatta: string;
  stoldmarkning: string;
  serienummer: string;
  modell: string;
  riktlinje: string;
  version: string;
  beslut: string;
  tidpunkt: string;
  skick: string;
  signatur: string;
  /** After a typed name, e.g. "(skrivet namn)". */
  skrivetNamn: string;
  /** "Undertecknat av {0}, {1}": name and e-mail of the signed-in person. */
  undertecknatAv: string;
  riktlinjensText: string;
  /** "Sida {0} av {1}". */
  sida: string;
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
  /** The loan the device was on when it happened (the Lan lookup), if any. */
  lanId?: number;
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
  /**
   * Refused (RegisterFel with the code) when the state machine does not allow it, or when the change
   * is not the register's to make directly (`direktandringsfel`: EndastViaLan, EndastViaHandelse, AktivtLanFinns).
   */
  andraStatus(enhet: ISurfplatta, handelse: Enhetshandelse): Promise<ISurfplatta>;
  /** Every loan, newest first; one still waiting shows the borrower's signature once they have signed. */
  hamtaLan(): Promise<ILan[]>;
  /** Whether the signed-in person manages loans (kommunservice) rather than only borrows. */
  kanHantera(): Promise<boolean>;
  /** Creates the loan waiting for the borrower's receipt and lets the borrower read it. */
  skapaLan(enhet: ISurfplatta, lantagare: IPerson, mandatSlut: IsoDate): Promise<ILan>;
  /**
   * Cancels a loan still waiting for its receipt (a wrong borrower or date): the loan and its receipt
   * rows are deleted for good, not recycled, and the device is no longer shared with the borrower.
   * Any other status is refused (`FelLanestatus`).
   */
  avbrytLan(lan: ILan): Promise<void>;
  /**
   * Hands the device out: only against the borrower's own receipt for this loan, whose PDF opens and
   * whose guideline version was in force; the PDF is copied onto the loan, which `kvittensUrl` then names.
   */
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

/** What kommunservice gives with a step. */
export interface IStegdetaljer {
  /** The operator's reference (SparraSim, required) or a note. */
  referens?: string;
  /** The decision, for the Kostnadsansvar step. */
  kostnadsansvar?: Kostnadsansvar;
  /** The person confirms a manual step is done. */
  manuelltBekraftat?: boolean;
  /** Do Radera or LosenordEnhet by hand rather than through Intune (the fallback when Graph cannot). */
  manuellt?: boolean;
}

/** Kommunservice: incidents and their checklist. */
export interface IIncidentTjanst {
  hamtaIncidenter(): Promise<IIncident[]>;
  /**
   * Does one step: Radera and LosenordEnhet through Intune (Graph wipe / resetPasscode) when the
   * device has an Intune id, else as a confirmed manual step; the others as confirmed tasks.
   * `manuellt` (with `manuelltBekraftat`) records Radera or LosenordEnhet as a confirmed manual step
   * even for an enrolled device: the fallback when Graph refuses (no consent or Intune role, 403) or
   * the device is gone from Intune (404). Refused (`AnmalanStammerInte`) unless the reporter is the
   * borrower of the incident's loan and the loan is of the incident's device.
   */
  utforSteg(incident: IIncident, steg: Steg, detaljer: IStegdetaljer): Promise<IIncident>;
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
