/**
 * What the Epostrutin part reads from a user's mailbox: the counts of the three folders the
 * routine keeps empty (inbox, sent items, deleted items) and pages of message metadata. Plain
 * data, so components and tests need neither PnPjs nor Graph.
 */

import { IsoDate } from '../../domain/dates';
import { Atgard, Atgardsfel, Epostmapp, EPOSTMAPPAR, Epoststeg, IAtgardsval, ILoggrad } from '../../domain/epostrutin';
import { DataFel, DataFelorsak, regelfelkod } from '../fel';

/** The folders the e-mail routine covers (seed 004 §5: inbox, sent and deleted items); the domain owns them. */
export type EpostMapp = Epostmapp;

export const EPOST_MAPPAR: readonly EpostMapp[] = EPOSTMAPPAR;

export interface IMappStatus {
  mapp: EpostMapp;
  /** All messages in the folder. */
  totalt: number;
  olasta: number;
  /** Kept with a reason (the kept category): not unhandled. */
  behallna: number;
}

export type IMappOversikt = Record<EpostMapp, IMappStatus>;

export interface IEpostAdress {
  namn: string;
  adress: string;
}

/** One message as a list shows it; the body is not fetched. */
export interface IMeddelandeRad {
  id: string;
  /** When it arrived, as an ISO 8601 instant. */
  mottaget: string;
  /** Missing for drafts and some system mail. */
  fran?: IEpostAdress;
  till: IEpostAdress[];
  amne: string;
  /** The first part of the text, as the mail server keeps it. */
  forhandsvisning: string;
  last: boolean;
  /** The folder it was listed from. */
  mapp: EpostMapp;
  /** Graph's conversationId: a forward keeps it, which finds the forwarded copy in sent items. */
  konversation: string;
  /** Outlook categories; the kept category marks a kept mail. */
  kategorier: string[];
}

export interface IMeddelandeSida {
  meddelanden: IMeddelandeRad[];
  /** How many messages the folder holds in all. */
  totalt: number;
  /** Zero-based page number. */
  sida: number;
  storlek: number;
  harFler: boolean;
}

export interface IEpostTjanst {
  /**
   * Counts of inbox, sent items and deleted items.
   * @throws DataFel (src/data/fel.ts) when the mailbox cannot be read.
   */
  hamtaMappar(): Promise<IMappOversikt>;
  /**
   * One page of a folder, newest first.
   * @param sida Zero-based page number.
   * @param storlek Messages per page (1–1000; 25 unless given).
   * @throws DataFel (src/data/fel.ts) when the mailbox cannot be read.
   */
  hamtaMeddelanden(mapp: EpostMapp, sida?: number, storlek?: number): Promise<IMeddelandeSida>;
}

/**
 * One mail in the routine's journal (the Epostlogg list, JSON): enough to finish it after the page
 * was closed and to answer for it in the 30-day log after it is gone from the mailbox.
 */
export interface ILoggpost {
  /** Graph's immutable message id (it stays when the mail is moved). */
  id: string;
  konversation: string;
  mapp: EpostMapp;
  /** When it arrived or was sent (ISO instant). */
  datum: string;
  fran: string;
  till: string;
  amne: string;
  atgard: Atgard;
  kommentar?: string;
  skal?: string;
  /** The steps done, as far as the journal knows. */
  gjorda: Epoststeg[];
  /** Diarieför: the immutable id of the forward's draft, which its sent copy in sent items keeps. */
  kopia?: string;
  /** When the run started (ISO instant, the service's clock). */
  startad: string;
  /** When the last step was done. */
  klar?: string;
  /** Why the last attempt failed, for a retry. */
  fel?: Mejlfel;
}

/**
 * Why one mail was not done: a DataFel cause, or `oviss`: the forward's draft is gone and no one saw
 * it sent (the person deleted it, or its copy, in Outlook): the registrator may or may not have it,
 * so the routine does not send it again on its own.
 */
export type Mejlfel = DataFelorsak | 'oviss';

/** The result of one mail in a run. */
export interface IHanteringsresultat {
  meddelande: IMeddelandeRad;
  atgard: Atgard;
  gjorda: Epoststeg[];
  /** Every step of the action is done. */
  klar: boolean;
  /** Why not, when not klar; retry with the same choice. */
  fel?: Mejlfel;
  /**
   * The journal could not be written after the run: what was done is done, but the log shows it as
   * not finished until the run is finished (Slutför) from what the mailbox shows.
   */
  ejLoggad?: true;
}

export interface IFramsteg {
  klara: number;
  totalt: number;
}

/** A run that was cut short (the page closed mid-way): its mails that still have steps left. */
export interface IAvbrutenKorning {
  /** The journal row. */
  id: number;
  startad: string;
  poster: ILoggpost[];
}

/** The weekly reminder in Outlook / Microsoft To Do: a task that recurs every weekday. */
export interface IPaminnelse {
  /** "HH:mm", Swedish time. */
  tid: string;
}

/**
 * Why the routine refused: the domain's codes for a choice (valideraAtgard) and the reminder's
 * `OgiltigTid` (not "HH:mm").
 */
export type Epostrutinfelkod = Atgardsfel | 'OgiltigTid';

/**
 * A refusal by the routine's rules (DataFel 'ogiltig') carrying the rule's code, which the UI turns
 * into its own sentence. Nothing was sent when it is thrown. Recognise it with `epostrutinfelkod(fel)`:
 * instanceof fails across bundle copies, the shape does not.
 */
export class EpostrutinFel extends DataFel {
  public constructor(public readonly kod: Epostrutinfelkod) {
    super('ogiltig', undefined, kod);
    this.name = 'EpostrutinFel';
  }
}

export function epostrutinfelkod(fel: unknown): Epostrutinfelkod | undefined {
  return regelfelkod<Epostrutinfelkod>(fel, 'EpostrutinFel');
}

/** The e-mail routine: the signed-in person's own mailbox and their own journal. */
export interface IEpostrutinTjanst extends IEpostTjanst {
  /**
   * Carries out one choice for many mails: Graph $batch of 20, Retry-After on 429, per-mail results;
   * nothing deleted before its forward succeeded; journaled before Graph is asked.
   */
  hantera(meddelanden: readonly IMeddelandeRad[], val: IAtgardsval, vidFramsteg?: (f: IFramsteg) => void): Promise<IHanteringsresultat[]>;
  /** Runs cut short, with what is left of each mail as the mailbox shows it now. */
  hamtaAvbrutna(): Promise<IAvbrutenKorning[]>;
  /** Finishes the runs cut short: never forwards a mail twice. */
  slutforAvbrutna(vidFramsteg?: (f: IFramsteg) => void): Promise<IHanteringsresultat[]>;
  /** The log of the last 30 days: the journal and the mail still in the folders. */
  hamtaLogg(idag: IsoDate): Promise<ILoggrad[]>;
  hamtaPaminnelse(): Promise<IPaminnelse | undefined>;
  /** Sets (or with undefined removes) the weekday reminder. */
  stallInPaminnelse(p: IPaminnelse | undefined): Promise<void>;
}
