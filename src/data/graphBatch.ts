/**
 * Graph JSON batching (`POST /$batch`), shared by every service that sends many requests: the
 * mandate-end reminders and the e-mail routine. Requests come in groups (one mail's forward and the
 * delete that depends on it); a group is never split across batches, so its `dependsOn` holds.
 *
 * What the runner does, so the services only say what to send and read what came back:
 * - packs groups into batches of at most 20 requests (Graph's limit);
 * - resends what was throttled (429, 503, 504 — each sub-request has its own Retry-After) and the
 *   424s that only failed because what they depend on was throttled, after the longest Retry-After
 *   and before the next batch call, since throttled requests still count against the limit;
 * - never resends a request that got an answer other than those: a forward that went out is never
 *   sent again;
 * - reports every request's final answer; a batch call that failed as a whole (no network, 5xx
 *   after the retry behavior's own attempts) fails each of its requests with the DataFel cause.
 */
import { GraphFI, graphPost } from '@pnp/graph';
import { body } from '@pnp/queryable';
import { DataFel, tolkaDataFel } from './fel';
import { graphSokvag } from './pnp';

/** Graph's limit of requests in one JSON batch. */
export const BATCH_STORLEK = 20;
/** How many times one request is sent before it is reported as throttled (and left to a retry). */
export const MAX_FORSOK = 6;
/** When a throttled answer has no Retry-After (Graph always sends one; a proxy may not). */
const STANDARD_VANTAN_S = 10;

export type Batchmetod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface IDelfraga {
  /** Unique within one run of the runner; the answer is found again by it. */
  id: string;
  method: Batchmetod;
  /** Relative to Graph's version root, e.g. `/me/messages/{id}/forward`. */
  url: string;
  /** JSON; sent with `Content-Type: application/json`. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Ids of requests of the same group that must succeed first (Graph answers 424 otherwise). */
  dependsOn?: readonly string[];
}

/** A group of requests that travel in the same batch (at most 20). */
export type Fragegrupp = readonly IDelfraga[];

export interface IDelsvar {
  id: string;
  /** The sub-request's HTTP status; for a batch call that failed, its own status (0 without an answer). */
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** 2xx. */
  ok: boolean;
  /** Why not. For a 424, why the request it depended on failed. */
  fel?: DataFel;
  /** How many times it was sent. */
  forsok: number;
  /**
   * The batch call itself failed, so whether this request ran is not known (a write may have been
   * carried out before the connection broke); only the mailbox can tell.
   */
  obesvarad?: true;
}

export interface IBatchAlternativ {
  /** Waits out a Retry-After; tests and the bench pass one that records and returns at once. */
  vanta?: (ms: number) => Promise<void>;
}

/** Called after each batch call with the answers of that call that are final (not to be resent). */
export type EfterBatch = (svar: readonly IDelsvar[]) => void | Promise<void>;

interface IRaSvar {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const STRYPT = new Set([429, 503, 504]);

export function arStrypt(status: number): boolean {
  return STRYPT.has(status);
}

function huvud(headers: Record<string, string> | undefined, namn: string): string | undefined {
  const nyckel = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === namn);
  return nyckel ? headers![nyckel] : undefined;
}

function retryAfter(s: IRaSvar): number {
  const v = Number(huvud(s.headers, 'retry-after'));
  return Number.isFinite(v) && v >= 0 ? v : STANDARD_VANTAN_S;
}

/** A failed sub-request as the cause the UI explains: the same mapping as for any PnPjs failure. */
export function delfel(status: number, kropp: unknown): DataFel {
  const meddelande = (kropp as { error?: { message?: string } } | undefined)?.error?.message ?? '';
  return tolkaDataFel({ isHttpRequestError: true, status, message: meddelande });
}

export class GraphBatch {
  /** Batch calls made (the retry behavior's own resends of a call not counted). */
  public rundturer = 0;
  /** Sub-requests answered with a throttling status. */
  public strypta = 0;
  /** Time spent waiting out Retry-After. */
  public vantatMs = 0;
  private readonly vanta: (ms: number) => Promise<void>;

  public constructor(private readonly graph: GraphFI, alternativ: IBatchAlternativ = {}) {
    this.vanta = alternativ.vanta ?? ((ms) => new Promise((klar) => setTimeout(klar, ms)));
  }

  /** Sends every group and answers with each request's final answer, by id. */
  public async kor(grupper: readonly Fragegrupp[], efterBatch?: EfterBatch): Promise<Map<string, IDelsvar>> {
    kontrollera(grupper);
    const resultat = new Map<string, IDelsvar>();
    const forsok = new Map<string, number>();
    const ko: IDelfraga[][] = grupper.filter((g) => g.length > 0).map((g) => [...g]);
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
      const igen: IDelfraga[][] = [];
      let vantan = 0;
      const svar = await this.skicka(fragor);
      if (svar instanceof DataFel) {
        for (const d of fragor) slutliga.push({ id: d.id, status: svar.status ?? 0, headers: {}, ok: false, fel: svar, forsok: forsok.get(d.id)!, obesvarad: true });
      } else {
        for (const grupp of batch) {
          const utfall = bedomGrupp(grupp, svar, forsok);
          this.strypta += utfall.strypta;
          vantan = Math.max(vantan, utfall.vantan);
          slutliga.push(...utfall.slutliga);
          if (utfall.igen.length > 0) igen.push(utfall.igen);
        }
      }
      slutliga.forEach((s) => resultat.set(s.id, s));
      // The throttled go first in the next call, so a group is not overtaken by later ones.
      ko.unshift(...igen);
      if (efterBatch) await efterBatch(slutliga);
      if (igen.length > 0) {
        this.vantatMs += vantan * 1000;
        await this.vanta(vantan * 1000);
      }
    }
    return resultat;
  }

  private async skicka(fragor: readonly IDelfraga[]): Promise<Map<string, IRaSvar> | DataFel> {
    this.rundturer++;
    try {
      const svar = await graphPost(graphSokvag(this.graph, '$batch'), body({ requests: fragor.map(tillBatch(new Set(fragor.map((d) => d.id)))) }));
      const lista = (svar as { responses?: unknown } | undefined)?.responses;
      return new Map((Array.isArray(lista) ? lista as IRaSvar[] : []).map((s) => [String(s.id), { ...s, status: Number(s.status) }]));
    } catch (e) {
      return tolkaDataFel(e);
    }
  }
}

/** The wire form of a request; a dependency already done is left out (it is not in this batch). */
function tillBatch(iBatchen: ReadonlySet<string>): (d: IDelfraga) => Record<string, unknown> {
  return (d) => {
    const ut: Record<string, unknown> = { id: d.id, method: d.method, url: d.url };
    const headers: Record<string, string> = { ...(d.headers ?? {}) };
    if (d.body !== undefined) {
      ut.body = d.body;
      if (!huvud(headers, 'content-type')) headers['Content-Type'] = 'application/json';
    }
    if (Object.keys(headers).length > 0) ut.headers = headers;
    const beroenden = (d.dependsOn ?? []).filter((b) => iBatchen.has(b));
    if (beroenden.length > 0) ut.dependsOn = beroenden;
    return ut;
  };
}

function kontrollera(grupper: readonly Fragegrupp[]): void {
  const sedda = new Set<string>();
  for (const g of grupper) {
    if (g.length > BATCH_STORLEK) throw new Error(`En grupp har ${g.length} förfrågningar; en $batch rymmer ${BATCH_STORLEK}.`);
    const egna = new Set(g.map((d) => d.id));
    for (const d of g) {
      if (sedda.has(d.id.toLowerCase())) throw new Error(`Förfrågan ${d.id} finns två gånger.`);
      sedda.add(d.id.toLowerCase());
      if ((d.dependsOn ?? []).some((b) => !egna.has(b))) throw new Error(`Förfrågan ${d.id} beror på en förfrågan utanför sin grupp.`);
    }
  }
}

/**
 * One group's answers: what is final, and what goes again (the throttled, and the 424s whose
 * dependency goes again), with dependencies on what already succeeded dropped.
 */
function bedomGrupp(grupp: readonly IDelfraga[], svar: ReadonlyMap<string, IRaSvar>, forsok: ReadonlyMap<string, number>): {
  slutliga: IDelsvar[]; igen: IDelfraga[]; vantan: number; strypta: number;
} {
  const perId = new Map(grupp.map((d) => [d.id, d]));
  const igenMemo = new Map<string, boolean>();
  const skickasIgen = (id: string, djup = 0): boolean => {
    if (igenMemo.has(id)) return igenMemo.get(id)!;
    const s = svar.get(id);
    const d = perId.get(id)!;
    let ja = false;
    if (s && arStrypt(s.status)) ja = forsok.get(id)! < MAX_FORSOK;
    else if (s?.status === 424 && djup < grupp.length) ja = (d.dependsOn ?? []).some((b) => perId.has(b) && skickasIgen(b, djup + 1));
    igenMemo.set(id, ja);
    return ja;
  };
  const slutliga: IDelsvar[] = [];
  const igen: IDelfraga[] = [];
  let vantan = 0;
  let strypta = 0;
  const felFor = new Map<string, DataFel>();
  const orsak = (id: string, djup = 0): DataFel => {
    const s = svar.get(id);
    if (!s) return new DataFel('okant');
    if (s.status === 424 && djup < grupp.length) {
      const forsta = (perId.get(id)!.dependsOn ?? []).find((b) => {
        const status = svar.get(b)?.status;
        return perId.has(b) && (status === undefined || status < 200 || status >= 300);
      });
      if (forsta) return felFor.get(forsta) ?? orsak(forsta, djup + 1);
    }
    return delfel(s.status, s.body);
  };
  for (const d of grupp) {
    const s = svar.get(d.id);
    if (s && arStrypt(s.status)) {
      strypta++;
      vantan = Math.max(vantan, retryAfter(s));
    }
    if (skickasIgen(d.id)) {
      igen.push(d);
      continue;
    }
    const ok = !!s && s.status >= 200 && s.status < 300;
    const fel = ok ? undefined : orsak(d.id);
    if (fel) felFor.set(d.id, fel);
    slutliga.push({ id: d.id, status: s?.status ?? 0, headers: s?.headers ?? {}, ...(s?.body !== undefined ? { body: s.body } : {}), ok, ...(fel ? { fel } : {}), forsok: forsok.get(d.id)! });
  }
  const igenId = new Set(igen.map((d) => d.id));
  return {
    slutliga,
    igen: igen.map((d) => ({ ...d, dependsOn: (d.dependsOn ?? []).filter((b) => igenId.has(b)) })),
    vantan,
    strypta
  };
}
