/**
 * The meeting portal's data contract: what the web part, the extension and the public site get
 * from the services, and the services' interfaces. Implementations talk PnPjs to SharePoint (or
 * the emulator); components get them injected and never build them.
 */
import { IsoDate } from '../../domain/dates';
import { Anslagstyp, Kungorelselage } from '../../domain/anslag';
import { Fristlage, IJustering, Justeringsfel } from '../../domain/justering';
import { IPerson } from '../../domain/personer';
import { Dokumenttyp, Klassificering, Publiceringslage } from '../../domain/publicering';
import { DataFel, regelfelkod } from '../fel';

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
  /** The list item's ETag as read: publishing sets the flag with it, so a colleague's change meanwhile is a conflict. */
  etag?: string;
  /** Derived from the rules and the agenda item's decision. */
  publiceringslage: Publiceringslage;
}

/**
 * A protokoll and where its justering stands. While it is under justering, `justering.godkannanden`
 * are computed from the approval rows in Justeringar (domain `bedomJustering`): who is SharePoint's
 * Author of a row and when is its server time, never anything a client wrote; only the people named
 * count, each once. Once justerat they are read from the Justeringslogg the completion recorded.
 * Who is still to approve: `vantarPa(justering)` (domain/justering.ts).
 */
export interface IProtokollVy {
  id: number;
  rubrik: string;
  filnamn: string;
  filUrl: string;
  justering: IJustering;
  justerasSenast: IsoDate;
  fristlage: Fristlage;
  forvaringsplats: string;
  /** Justerat protokoll: entries of the recorded Justeringslogg that could not be read; 0 otherwise. */
  olasbaraLoggrader: number;
  /**
   * Everyone named has approved. While `justering.status` is still 'Under justering' the
   * nämndsekreterare's service has yet to complete it ("alla har godkänt, tillkännages av
   * nämndsekreteraren senast {tillkannagesSenast}").
   */
  allaHarGodkant: boolean;
  /** The Swedish day of the last approval once all have approved (= justering.justeratDatum when completed). */
  godkandDatum?: IsoDate;
  /** Approval rows added by people who are not named in the protokoll: ignored, shown so they are noticed. */
  obehorigaGodkannanden: number;
  /** The day the tillkännagivande went up (Tillkännagivet den). */
  tillkannagivet?: IsoDate;
  /** Once all have approved: the last day the tillkännagivande may go up (two days after justering, KL 8 kap. 12 §). */
  tillkannagesSenast?: IsoDate;
  /** Posted later than `tillkannagesSenast`, or not posted and that day has passed (by the `idag` given). */
  forsentTillkannagivet: boolean;
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
  /** Tillkännagivande: the justerade protokoll it is for. */
  protokollId?: number;
  /** Kungörelse (KL 5 kap. 53 §): the meeting's start as an instant, its place, and its ärenden as they stood when posted, one per item. */
  tid?: string;
  plats?: string;
  arenden?: string[];
}

/** One meeting as the reader opens it. */
export interface IMotesVy {
  sammantrade: ISammantrade;
  dagordning: IArendepunkt[];
  /** Every document the signed-in reader may read, Sekretess included when they may. */
  handlingar: IHandling[];
  /** Not read by IMotesTjanst.hamtaMote: the view asks IJusteringTjanst.hamtaProtokoll and puts it here (for the meeting package too). */
  protokoll?: IProtokollVy;
  /** Fullmäktige only: how the kungörelse stands. */
  kungorelse?: Kungorelselage;
  /**
   * The Sekretess library could not be reached (offline, the login down, throttled, a server error)
   * though the rest came, from SharePoint or the offline cache, which never keeps Sekretess. The
   * view then has no Sekretess documents; the reader should be told they exist but are not shown now.
   */
  sekretessOtillganglig?: boolean;
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
  /**
   * Stored unpublished, and not readable by the public group from its first moment (the library
   * gives the group nothing). If a step before the metadata is saved fails, the file is recycled.
   */
  laddaUpp(ny: INyHandling): Promise<IHandling>;
  /**
   * Refuses (DataFel 'ogiltig') what the rules do not allow; marks the document published (DataFel
   * 'konflikt' if it changed since it was read), then opens that item to the public group. If
   * opening fails the mark is taken back and the error thrown: it stays unpublished.
   */
  publicera(handling: IHandling, dagordning: readonly IArendepunkt[]): Promise<IHandling>;
  /** Publishes every publishable document of the meeting; says which stay back and why. */
  publiceraAllt(vy: IMotesVy): Promise<{ publicerade: IHandling[]; kvar: IHandling[] }>;
  registreraBeslut(punkt: IArendepunkt, beslut: { beslut: string; datum: IsoDate }): Promise<IArendepunkt>;
  /** Posts the kungörelse of a fullmäktige meeting on the anslagstavla today, with its time, place and ärenden as they stand. */
  kungora(sammantrade: ISammantrade, idag: IsoDate): Promise<IAnslag>;
}

/**
 * The seam for an e-signature service (BankID through a signing provider, for instance). Today's
 * implementation records the approval with the person's Microsoft 365 sign-in; a provider returns
 * its own method name and a reference to the signature.
 */
export interface ISignering {
  signera(underlag: { protokollId: number; filUrl: string; person: IPerson }): Promise<{ metod: string; referens?: string }>;
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
  return regelfelkod<Justeringsfel>(fel, 'JusteringsFel');
}

/**
 * Digital justering of protokoll and their tillkännagivande (docs/justering.md). Failures are DataFel;
 * a refusal by the justering rules is a JusteringsFel carrying the rule's code.
 *
 * `idag` parameters are for what the view shows (the deadlines' state). Every date that is written —
 * Justerat den, Uppsatt, Tillkännagivet den — comes from the service's own clock at the moment of
 * writing, or from SharePoint's server time of the approvals, never from a page that may have been
 * open since yesterday.
 */
export interface IJusteringTjanst {
  /** The signed-in person, as the justering knows people. */
  aktuellPerson(): Promise<IPerson>;
  /** Site users whose name or e-mail contains `sok`, for choosing ordförande and justerare. */
  sokPersoner(sok: string): Promise<IPerson[]>;
  /** The meeting's protokoll (the newest, if several), or undefined when there is none the reader may see. */
  hamtaProtokoll(sammantradeId: number, motesdag: IsoDate, idag: IsoDate): Promise<IProtokollVy | undefined>;
  /**
   * Uploads the draft with ordförande and justerare. The Protokoll library gives the public group
   * nothing, so the draft is not public from the first moment. A name already taken gets a numbered
   * one; an earlier draft of the same meeting that is still Utkast is recycled once the new one is
   * in place. Refuses (a JusteringsFel) without ordförande or justerare, and (DataFel 'konflikt')
   * when the meeting already has a protokoll that has gone to justering. If a step after the upload
   * fails the new file is recycled.
   */
  laddaUppUtkast(sammantradeId: number, motesdag: IsoDate, fil: { namn: string; innehall: ArrayBuffer }, ordforande: IPerson, justerare: IPerson[], idag: IsoDate): Promise<IProtokollVy>;
  /** Sends the draft to justering. Nobody gets rights on the protokoll: approvals are rows in Justeringar. */
  skickaTillJustering(protokoll: IProtokollVy, idag: IsoDate): Promise<IProtokollVy>;
  /**
   * The signed-in person approves (signing through ISignering): a row in Justeringar that they add
   * themselves, so SharePoint records who and when. Refused (JusteringsFel) unless they are named,
   * the protokoll is under justering and they have not approved. When theirs completes it and they
   * have Full Control on Protokoll (a nämndsekreterare, an admin), the justering is completed and
   * tillkännagiven at once and `anslag` returned. A ledamot has not: the protokoll then shows
   * `allaHarGodkant` until `tillkannageJusterade` completes it, which is not an error for them.
   * Two justerare approving at once both succeed: each adds their own row.
   */
  godkann(protokoll: IProtokollVy, sammantrade: ISammantrade, idag: IsoDate): Promise<{ protokoll: IProtokollVy; anslag?: IAnslag }>;
  /**
   * The nämndsekreterare's completion, called when their portal opens: every protokoll under
   * justering whose rows show that all named have approved becomes Justerat (Justerat den = the
   * server day of the last approval), is opened to the public group and tillkännagiven (Uppsatt =
   * today by the service's clock); a Justerat one left without its tillkännagivande by an
   * interrupted run is finished. Idempotent per protokoll: one anslag each, never two. Returns the
   * anslag posted by this call. `idag` is kept for compatibility and not used for writing.
   */
  tillkannageJusterade(idag: IsoDate): Promise<IAnslag[]>;
}

export interface IAnslagTjanst {
  /** What is on the anslagstavla today, newest first. */
  hamtaAktuella(idag: IsoDate): Promise<IAnslag[]>;
}
