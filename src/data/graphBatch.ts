/**
 * Graph JSON batching (`POST /$batch`), shared by every service that sends many requests: the
 * mandate-end reminders and the e-mail routine. Requests come in groups that travel in the same
 * batch call; every batch is fully parallel (no `dependsOn`): Graph refuses a batch that mixes
 * independent requests with chains ("Batch should be either fully sequential or fully parallel"),
 * so work that must follow another is sent in a later call, after its answer was read.
 *
 * What the runner does, so the services only say what to send and read what came back:
 * - packs groups into batches of at most 20 requests (Graph's limit);
 * - resends a request that Graph did not run: 429, or 503 with a Retry-After (each sub-request has
 *   its own), or the whole call answered so; after the longest Retry-After and before the next call,
 *   since throttled requests still count against the limit;
 * - resends a request whose outcome is unknown (504, a call without an answer) only when it is
 *   `upprepbar` (running it twice does no harm: reads, deletes, a category, sending a draft); any
 *   other is reported `obesvarad` for the service to settle from what the mailbox shows;
 * - sends each call exactly once itself: the product's retry behavior (src/data/pnp.ts) would resend
 *   a whole $batch after a 504 or a broken connection, writes and all;
 * - reports every request's final answer.
 */
import { GraphFI, graphPost } from '@pnp/graph';
import { body, BrowserFetch } from '@pnp/queryable';
import { DataFel, tolkaDataFel } from './fel';
import { graphSokvag } from './pnp';

/** Graph's limit of requests in one JSON batch. */
export const BATCH_STORLEK = 20;
/** How many times one request is sent before its last answer is reported (and left to a retry). */
export const MAX_FORSOK = 6;
/** When a throttled answer has no Retry-After (Graph always sends one with 429; a proxy may not). */
const STANDARD_VANTAN_S = 10;
/** Before resending what got no answer: the gateway or the connection needs a moment (1 s, then 2 s), not Retry-After. */
const OVISS_VANTAN_S = 1;
/** Attempts at a request whose answers were lost: a dead network is said within seconds, not after a minute. */
export const OVISS_FORSOK = 3;

export type Batchmetod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface IDelfraga {
  /** Unique within one run of the runner; the answer is found again by it. */
  id: string;
  method: Batchmetod;
  /** Relative to Graph's version root, e.g. `/me/messages/{id}/permanentDelete`. */
  url: string;
  /** JSON; sent with `Content-Type: application/json`. */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Running it twice does no harm, so it may be resent when its outcome is unknown. GET, PUT,
   * PATCH and DELETE are unless told otherwise; a POST is not unless told (an action such as
   * permanentDelete or sending a draft is; creating something is not).
   */
  upprepbar?: boolean;
}

/** A group of requests that travel in the same batch call (at most 20). */
export type Fragegrupp = readonly IDelfraga[];

export interface IDelsvar {
  id: string;
  /** The sub-request's HTTP status; for a batch call that failed, its own status (0 without an answer). */
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** 2xx. */
  ok: boolean;
  /** Why not. */
  fel?: DataFel;
  /** How many times it was sent. */
  forsok: number;
  /**
   * Whether the request ran is not known (a 504, or the batch call failed without an answer: a
   * write may have been carried out before the connection broke); only the mailbox can tell.
   */
  obesvarad?: true;
}

export interface IBatchAlternativ {
  /** Waits out a Retry-After; tests and the bench pass one that records and returns at once. */
  vanta?: (ms: number) => Promise<void>;
  /** Headers every sub-request carries, e.g. `Prefer: IdType="ImmutableId"`. */
  huvuden?: Record<string, string>;
}

/** Called after each batch call with the answers of that call that are final (not to be resent). */
export type EfterBatch = (svar: readonly IDelsvar[]) => void | Promise<void>;

interface IRaSvar {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A whole batch call that failed: its status (0 without an answer) and the Retry-After it carried. */
interface IAnropsfel {
  fel: DataFel;
  status: number;
  retryAfter?: number;
}

function huvud(headers: Record<string, string> | undefined, namn: string): string | undefined {
  const nyckel = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === namn);
  return nyckel ? headers![nyckel] : undefined;
}

function sekunder(varde: string | null | undefined): number | undefined {
  if (varde === null || varde === undefined || varde.trim() === '') return undefined;
  const v = Number(varde);
  return Number.isFinite(v) && v >= 0 ? v : undefined;
}

/** Graph did not run it and says when to come back: 429 always, 503 when it names a time. */
function intekord(status: number, retryAfter: number | undefined): boolean {
  return status === 429 || (status === 503 && retryAfter !== undefined);
}

/** The outcome is unknown: the gateway gave up (504) or nothing came back. */
function oviss(status: number): boolean {
  return status === 0 || status === 504;
}

export function upprepbar(d: IDelfraga): boolean {
  return d.upprepbar ?? d.method !== 'POST';
}

/** A failed sub-request as the cause the UI explains: the same mapping as for any PnPjs failure. */
export function delfel(status: number, kropp: unknown): DataFel {
  const meddelande = (kropp as { error?: { message?: string } } | undefined)?.error?.message ?? '';
  return tolkaDataFel({ isHttpRequestError: true, status, message: meddelande });
}

export class GraphBatch {
  /** Batch calls made. */
  public rundturer = 0;
  /** Sub-requests (or whole calls) Graph did not run because of throttling. */
  public strypta = 0;
  /** Time spent waiting out Retry-After. */
  public vantatMs = 0;
  private readonly vanta: (ms: number) => Promise<void>;
  private readonly huvuden: Record<string, string>;

  public constructor(private readonly graph: GraphFI, alternativ: IBatchAlternativ = {}) {
    this.vanta = alternativ.vanta ?? ((ms) => new Promise((klar) => setTimeout(klar, ms)));
    this.huvuden = alternativ.huvuden ?? {};
  }

  /** Sends every group and answers with each request's final answer, by id. */
  public async kor(grupper: readonly Fragegrupp[], efterBatch?: EfterBatch): Promise<Map<string, IDelsvar>> {
    kontrollera(grupper);
    const resultat = new Map<string, IDelsvar>();
    const forsok = new Map<string, number>();
    const ko: IDelfraga[][] = grupper.filter((g) => g.length > 0).map((g) => [...g]);
    // Whole calls throttled in a row: they count against no request (none reached Graph), but not for ever.
    let helaStrypta = 0;
    while (ko.length > 0) {
      const batch: IDelfraga[][] = [];
      let antal = 0;
      while (ko.length > 0 && antal + ko[0].length <= BATCH_STORLEK) {
        antal += ko[0].length;
        batch.push(ko.shift()!);
      }
      const fragor = batch.flat();
      fragor.forEach((d) => forsok.set(d.id, (forsok.get(d.id) ?? 0) + 1));
      const slutliga: IDelsvar[] = [];
      const igen: IDelfraga[] = [];
      let vantan = 0;
      const svar = await this.skicka(fragor);
      const helaStrypt = 'fel' in svar && intekord(svar.status, svar.retryAfter);
      helaStrypta = helaStrypt ? helaStrypta + 1 : 0;
      if (helaStrypt && helaStrypta < MAX_FORSOK) fragor.forEach((d) => forsok.set(d.id, forsok.get(d.id)! - 1));
      for (const d of fragor) {
        const n = Math.max(forsok.get(d.id)!, 1);
        const s: IRaSvar | undefined = 'fel' in svar ? undefined : svar.get(d.id);
        const status = 'fel' in svar ? svar.status : s?.status ?? 0;
        const ra = 'fel' in svar ? svar.retryAfter : sekunder(huvud(s?.headers, 'retry-after'));
        // A whole call refused with 4xx ran nothing; one that failed otherwise may have run some of it.
        const ovisst = 'fel' in svar ? !intekord(status, ra) && (status === 0 || status >= 500) : oviss(status);
        const kanIgen = n < MAX_FORSOK && (!helaStrypt || helaStrypta < MAX_FORSOK);
        if (intekord(status, ra)) {
          this.strypta++;
          if (kanIgen) {
            igen.push(d);
            vantan = Math.max(vantan, ra ?? STANDARD_VANTAN_S);
            continue;
          }
        } else if (ovisst && upprepbar(d) && n < OVISS_FORSOK) {
          igen.push(d);
          vantan = Math.max(vantan, ra ?? OVISS_VANTAN_S * n);
          continue;
        }
        if ('fel' in svar) {
          slutliga.push({ id: d.id, status, headers: {}, ok: false, fel: svar.fel, forsok: n, ...(ovisst ? { obesvarad: true as const } : {}) });
          continue;
        }
        const ok = status >= 200 && status < 300;
        slutliga.push({
          id: d.id, status, headers: s?.headers ?? {}, ...(s?.body !== undefined ? { body: s.body } : {}), ok,
          ...(ok ? {} : { fel: s ? delfel(status, s.body) : new DataFel('okant') }), forsok: n,
          ...(ovisst ? { obesvarad: true as const } : {})
        });
      }
      slutliga.forEach((s) => resultat.set(s.id, s));
      // What goes again goes first in the next call, so it is not overtaken by later groups.
      if (igen.length > 0) ko.unshift(igen);
      if (efterBatch) await efterBatch(slutliga);
      if (igen.length > 0) {
        this.vantatMs += vantan * 1000;
        await this.vanta(vantan * 1000);
      }
    }
    return resultat;
  }

  private async skicka(fragor: readonly IDelfraga[]): Promise<Map<string, IRaSvar> | IAnropsfel> {
    this.rundturer++;
    try {
      // BrowserFetch: this call is sent once; what to resend is decided above, per request.
      const fraga = graphSokvag(this.graph, '$batch').using(BrowserFetch());
      const svar = await graphPost(fraga, body({ requests: fragor.map((d) => this.tillBatch(d)) }));
      const lista = (svar as { responses?: unknown } | undefined)?.responses;
      return new Map((Array.isArray(lista) ? lista as IRaSvar[] : []).map((s) => [String(s.id), { ...s, status: Number(s.status) }]));
    } catch (e) {
      const fel = tolkaDataFel(e);
      const svar = (e as { response?: Response } | undefined)?.response;
      return { fel, status: fel.status ?? 0, retryAfter: sekunder(svar?.headers?.get?.('retry-after')) };
    }
  }

  /** The wire form of a request. */
  private tillBatch(d: IDelfraga): Record<string, unknown> {
    const ut: Record<string, unknown> = { id: d.id, method: d.method, url: d.url };
    const headers: Record<string, string> = { ...this.huvuden, ...(d.headers ?? {}) };
    if (d.body !== undefined) {
      ut.body = d.body;
      if (!huvud(headers, 'content-type')) headers['Content-Type'] = 'application/json';
    }
    if (Object.keys(headers).length > 0) ut.headers = headers;
    return ut;
  }
}

function kontrollera(grupper: readonly Fragegrupp[]): void {
  const sedda = new Set<string>();
  for (const g of grupper) {
    if (g.length > BATCH_STORLEK) throw new Error(`En grupp har ${g.length} förfrågningar; en $batch rymmer ${BATCH_STORLEK}.`);
    for (const d of g) {
      if (sedda.has(d.id.toLowerCase())) throw new Error(`Förfrågan ${d.id} finns två gånger.`);
      sedda.add(d.id.toLowerCase());
    }
  }
}
