/**
 * What the Epostrutin part reads from a user's mailbox: the counts of the three folders the
 * routine keeps empty (inbox, sent items, deleted items) and pages of message metadata. Plain
 * data, so components and tests need neither PnPjs nor Graph.
 */

/** The folders the e-mail routine covers (seed 004 §5: inbox, sent and deleted items). */
export type EpostMapp = 'inkorg' | 'skickat' | 'borttaget';

export const EPOST_MAPPAR: readonly EpostMapp[] = ['inkorg', 'skickat', 'borttaget'];

export interface IMappStatus {
  mapp: EpostMapp;
  /** All messages in the folder. */
  totalt: number;
  olasta: number;
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
