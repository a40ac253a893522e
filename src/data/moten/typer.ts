/**
 * The meeting portal's data contract: what the web part, the extension and the public site get
 * from the services, and the services' interfaces. Implementations talk PnPjs to SharePoint (or
 * the emulator); components get them injected and never build them.
 */
import { IsoDate } from '../../domain/dates';
import { Anslagstyp, Kungorelselage } from '../../domain/anslag';
import { Fristlage, IJustering, IJusteringsperson, Justeringsfel } from '../../domain/justering';
import { Dokumenttyp, Klassificering, Publiceringslage } from '../../domain/publicering';
import { DataFel } from '../fel';

export interface IOrgan {
  id: number;
  namn: string;
  forkortning: string;
  typ: string;
}

export interface ISammantrade {
  id: number;
  rubrik: string;
  organ: string;
  organId?: number;
  /** Organ type (Fullmäktige, Styrelse, Utskott, Nämnd): fullmäktige's meetings must be kungjorda. */
  organTyp?: string;
  /** The meeting's day in Sweden and its start as an instant. */
  datum: IsoDate;
  start: string;
  plats: string;
  status: string;
  /** The day the kungörelse was posted, for fullmäktige. */
  kallelseAnslagen?: IsoDate;
}

export interface IArendepunkt {
  id: number;
  sammantradeId: number;
  punkt: number;
  rubrik: string;
  diarienummer?: string;
  beslut?: string;
  beslutsdatum?: IsoDate;
  /** The list item's ETag, for saving the decision without overwriting someone else's. */
  etag?: string;
}

export interface IHandling {
  id: number;
  /** Sekretess documents live in their own library; the rest in Handlingar. */
  bibliotek: 'Handlingar' | 'Sekretess';
  sammantradeId: number;
  punkt?: number;
  rubrik: string;
  filnamn: string;
  /** Server-relative URL of the file. */
  filUrl: string;
  storlek?: number;
  dokumenttyp: Dokumenttyp;
  klassificering: Klassificering;
  oslHanvisning?: string;
  publicerad: boolean;
  /** ISO instant. */
  publiceradDatum?: string;
  /** ISO instant of the last change. */
  andrad: string;
  /** Derived from the rules and the agenda item's decision. */
  publiceringslage: Publiceringslage;
}

export interface IProtokollVy {
  id: number;
  rubrik: string;
  filnamn: string;
  filUrl: string;
  justering: IJustering;
  justerasSenast: IsoDate;
  fristlage: Fristlage;
  forvaringsplats: string;
  /** Log entries that could not be read (a hand-edited column); the rest is shown. */
  olasbaraLoggrader: number;
  etag?: string;
}

export interface IAnslag {
  id: number;
  rubrik: string;
  typ: Anslagstyp;
  organ: string;
  sammantradeId?: number;
  sammantradesdatum: IsoDate;
  justeringsdatum?: IsoDate;
  forvaringsplats?: string;
  uppsatt: IsoDate;
  sistaDagForOverklagande?: IsoDate;
  nedtagning?: IsoDate;
}

/** One meeting as the reader opens it. */
export interface IMotesVy {
  sammantrade: ISammantrade;
  dagordning: IArendepunkt[];
  /** Every document the signed-in reader may read, Sekretess included when they may. */
  handlingar: IHandling[];
  protokoll?: IProtokollVy;
  /** Fullmäktige only: how the kungörelse stands. */
  kungorelse?: Kungorelselage;
}

/** What the signed-in person may do in the portal, from SharePoint's effective permissions. */
export interface IMotesBehorighet {
  /** Create meetings, upload and publish (Bidra on Handlingar). */
  kanRedigera: boolean;
  /** Read the Sekretess library. */
  kanLasaSekretess: boolean;
}

export interface IMotesTjanst {
  /** Meetings from `fran` (inclusive) onwards and the ones before it, nearest first. */
  hamtaSammantraden(fran: IsoDate): Promise<{ kommande: ISammantrade[]; tidigare: ISammantrade[] }>;
  hamtaOrgan(): Promise<IOrgan[]>;
  hamtaMote(sammantradeId: number, idag: IsoDate): Promise<IMotesVy>;
  hamtaFil(filUrl: string): Promise<ArrayBuffer>;
  behorighet(): Promise<IMotesBehorighet>;
}

export interface INyttSammantrade {
  organId: number;
  /** Local Swedish date and time, `YYYY-MM-DD` and `HH:mm`. */
  datum: IsoDate;
  tid: string;
  plats: string;
}

export interface INyHandling {
  sammantradeId: number;
  punkt?: number;
  rubrik: string;
  dokumenttyp: Dokumenttyp;
  klassificering: Klassificering;
  oslHanvisning?: string;
  fil: { namn: string; innehall: ArrayBuffer };
}

/** The nämndsekreterare's writes. Every rule is checked again here, not only in the form. */
export interface IMotesRedigering {
  skapaSammantrade(nytt: INyttSammantrade): Promise<ISammantrade>;
  laggTillPunkt(sammantradeId: number, punkt: { punkt: number; rubrik: string; diarienummer?: string }): Promise<IArendepunkt>;
  /** Stored unpublished: the public group cannot read it until it is published. */
  laddaUpp(ny: INyHandling): Promise<IHandling>;
  /** Refuses (DataFel 'ogiltig') what the rules do not allow; opens the file to the public group. */
  publicera(handling: IHandling, dagordning: readonly IArendepunkt[]): Promise<IHandling>;
  /** Publishes every publishable document of the meeting; says which stay back and why. */
  publiceraAllt(vy: IMotesVy): Promise<{ publicerade: IHandling[]; kvar: IHandling[] }>;
  registreraBeslut(punkt: IArendepunkt, beslut: { beslut: string; datum: IsoDate }): Promise<IArendepunkt>;
  /** Posts the kungörelse of a fullmäktige meeting on the anslagstavla today. */
  kungora(sammantrade: ISammantrade, idag: IsoDate): Promise<IAnslag>;
}

/**
 * The seam for an e-signature service (BankID through a signing provider, for instance). Today's
 * implementation records the approval with the person's Microsoft 365 sign-in; a provider returns
 * its own method name and a reference to the signature.
 */
export interface ISignering {
  signera(underlag: { protokollId: number; filUrl: string; person: IJusteringsperson }): Promise<{ metod: string; referens?: string }>;
}

/**
 * A justering rule refused the action (domain/justering.ts `Justeringsfel`): not sent to justering,
 * already justerat, not one of the people who justerar, already approved, ordförande or justerare
 * missing. It is a DataFel 'ogiltig' (so generic error handling still explains it) that also carries
 * the rule's code, which the UI turns into its own Swedish sentence. Recognise it with
 * `justeringsfelkod(fel)`: instanceof fails across bundle copies, the shape does not.
 */
export class JusteringsFel extends DataFel {
  public constructor(public readonly kod: Justeringsfel) {
    super('ogiltig', undefined, kod);
    this.name = 'JusteringsFel';
  }
}

/** The justering rule behind a failure, or undefined when the failure was something else. */
export function justeringsfelkod(fel: unknown): Justeringsfel | undefined {
  const f = fel as { name?: unknown; kod?: unknown } | undefined;
  return f?.name === 'JusteringsFel' && typeof f.kod === 'string' ? (f.kod as Justeringsfel) : undefined;
}

/**
 * Digital justering of protokoll and their tillkännagivande (docs/justering.md). Failures are DataFel;
 * a refusal by the justering rules is a JusteringsFel carrying the rule's code.
 */
export interface IJusteringTjanst {
  /** The signed-in person, as the justering knows people. */
  aktuellPerson(): Promise<IJusteringsperson>;
  /** Site users whose name or e-mail contains `sok`, for choosing ordförande and justerare. */
  sokPersoner(sok: string): Promise<IJusteringsperson[]>;
  /** The meeting's protokoll (the newest, if several), or undefined when there is none the reader may see. */
  hamtaProtokoll(sammantradeId: number, motesdag: IsoDate, idag: IsoDate): Promise<IProtokollVy | undefined>;
  /**
   * Uploads the draft with ordförande and justerare, closed to the public group. Refuses (a
   * JusteringsFel) without ordförande or justerare, and (DataFel 'konflikt') when the meeting already
   * has a protokoll that has gone to justering. If a step after the upload fails the file is recycled.
   */
  laddaUppUtkast(sammantradeId: number, motesdag: IsoDate, fil: { namn: string; innehall: ArrayBuffer }, ordforande: IJusteringsperson, justerare: IJusteringsperson[], idag: IsoDate): Promise<IProtokollVy>;
  /** Sends the draft to justering and lets the ordförande and each justerare write their approval on it. */
  skickaTillJustering(protokoll: IProtokollVy, idag: IsoDate): Promise<IProtokollVy>;
  /**
   * The signed-in person approves (signing through ISignering). When theirs is the last approval the
   * protokoll becomes Justerat; if the person may also open it to the public and post on the
   * anslagstavla (a nämndsekreterare, an admin) it is tillkännagivet at once and `anslag` returned.
   * A ledamot may not: then the protokoll stays Justerat until `tillkannageJusterade` completes it,
   * which is not an error for them. Two justerare approving at once both succeed (412 → read again,
   * approve again; DataFel 'konflikt' after three attempts).
   */
  godkann(protokoll: IProtokollVy, sammantrade: ISammantrade, idag: IsoDate): Promise<{ protokoll: IProtokollVy; anslag?: IAnslag }>;
  /**
   * Completes every Justerat protokoll not yet tillkännagivet: opens it to the public group, posts its
   * tillkännagivande today and records the day. Called by the nämndsekreterare's portal when it opens.
   * Idempotent: a meeting whose tillkännagivande is already up gets no second one. Returns the anslag
   * posted by this call.
   */
  tillkannageJusterade(idag: IsoDate): Promise<IAnslag[]>;
}

export interface IAnslagTjanst {
  /** What is on the anslagstavla today, newest first. */
  hamtaAktuella(idag: IsoDate): Promise<IAnslag[]>;
}
