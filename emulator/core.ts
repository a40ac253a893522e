/**
 * The emulator of SharePoint REST and Microsoft Graph: one request handler over an in-memory
 * store, served in-process (`emulator.fetch`) to Jest and over loopback HTTP (`server.ts`) to the
 * workbench and the browser tests. A request no route knows is answered 501 and remembered, so
 * a test can fail on it (`forvantaIngaOkanda`).
 */
import { randomUUID } from 'crypto';
import { Roll } from '../src/domain/roller';

export interface IEmulatorAnvandare {
  /** SharePoint's user id on the site (User fields store this). */
  id: number;
  loginName: string;
  title: string;
  email: string;
  roll: Roll;
  /** The Entra ID object id, as Graph names users. */
  aadId: string;
  jobTitle?: string;
}

export interface IStrypning {
  /** Share of requests answered with a throttling status, 0..1. */
  andel: number;
  /** Which statuses to use; alternates between them. */
  statusar: Array<429 | 503>;
  /** Retry-After in seconds. */
  retryAfter: number;
  /**
   * Decide per request instead of in arrival order: each request (method, URL and caller) gets its
   * own repeatable sequence of draws, so a run that sends requests side by side throttles the same
   * requests every time, whatever order they reach the emulator in. Off: one sequence for all.
   */
  perForfragan?: boolean;
}

/** What a fault rule sees of a request ($batch sub-requests are requests of their own). */
export interface IFelFraga {
  metod: string;
  /** Decoded path, e.g. `/v1.0/me/messages/AAMk…/forward`. */
  sokvag: string;
  url: URL;
  anvandare: IEmulatorAnvandare | undefined;
}

/** A fault to answer with; code and message default to what the service says for the status. */
export interface IFelsvar {
  status: number;
  /** Retry-After in seconds; 429 and 503 get 1 unless told. */
  retryAfter?: number;
  kod?: string;
  meddelande?: string;
}

/** Decides, per request, whether it fails: a status, a fault, a whole answer, or undefined to let it through. */
export type Felregel = (f: IFelFraga) => number | IFelsvar | Response | undefined;

export interface IEmulatorKonfig {
  /** The site URL, e.g. https://kommun.sharepoint.com/sites/arendeportalen (its path is used). */
  webbplats: string;
  listvyTroskel: number;
  strypning?: IStrypning;
  /** Seed for the deterministic PRNG behind throttling. */
  fro: number;
}

export interface IForfragan {
  req: Request;
  url: URL;
  /** Path with %-escapes decoded, without the site prefix for SharePoint routes. */
  sokvag: string;
  metod: string;
  anvandare: IEmulatorAnvandare | undefined;
  /** Signed in with the session cookie (as SPFx on a SharePoint page), so writes need a form digest. */
  viaCookie: boolean;
  /** The parsed JSON body, or undefined. */
  json: () => Promise<unknown>;
  bytes: () => Promise<Uint8Array>;
}

export type Hanterare = (f: IForfragan, traff: RegExpMatchArray) => Response | Promise<Response>;

interface IRutt {
  metod: string;
  monster: RegExp;
  hanterare: Hanterare;
}

/** mulberry32: small, fast and repeatable, so a throttling run can be replayed. */
export function skapaSlump(fro: number): () => number {
  let a = fro >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function json(kropp: unknown, status = 200, huvuden: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(kropp), {
    status,
    headers: { 'Content-Type': 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8', ...huvuden }
  });
}

/** SharePoint's minimal-metadata error body. */
export function spFel(status: number, kod: string, meddelande: string, huvuden: Record<string, string> = {}): Response {
  return json({ 'odata.error': { code: kod, message: { lang: 'en-US', value: meddelande } } }, status, huvuden);
}

/** Graph's error body. */
export function graphFel(status: number, kod: string, meddelande: string, huvuden: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({
    error: { code: kod, message: meddelande, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } }
  }), { status, headers: { 'Content-Type': 'application/json', ...huvuden } });
}

/** Graph's error code and message per status, for injected faults (the throttling ones as `stryp` gives them). */
const GRAPH_FEL: Record<number, [string, string]> = {
  400: ['BadRequest', 'The request is malformed or incorrect.'],
  401: ['InvalidAuthenticationToken', 'Access token validation failure.'],
  403: ['ErrorAccessDenied', 'Access is denied. Check credentials and try again.'],
  404: ['ErrorItemNotFound', 'The specified object was not found in the store.'],
  409: ['conflict', 'The current state conflicts with what the request expects.'],
  412: ['ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.'],
  429: ['activityLimitReached', 'The request has been throttled'],
  500: ['generalException', 'General exception while processing.'],
  502: ['badGateway', 'The server, while acting as a proxy, received a bad response.'],
  503: ['serviceNotAvailable', 'Service unavailable'],
  504: ['gatewayTimeout', 'The server, while acting as a proxy, did not receive a timely response.']
};

const SP_FEL: Record<number, [string, string]> = {
  429: ['-2147024860, Microsoft.SharePoint.SPRequestThrottledException', 'Too many requests'],
  503: ['-2147024860, Microsoft.SharePoint.SPServerTooBusyException', 'Server too busy']
};

export class Emulator {
  public readonly konfig: IEmulatorKonfig;
  public readonly anvandare: IEmulatorAnvandare[] = [];
  /** Requests that no route knew, as "METHOD path". */
  public readonly okanda: string[] = [];
  /** Counts per kind of request, for the benchmark and the fault suite. */
  public readonly statistik = { forfragningar: 0, strypta: 0, sharepoint: 0, graph: 0, felinjicerade: 0 };
  private readonly rutter: IRutt[] = [];
  private felregel: Felregel | undefined;
  private slump: () => number;
  private nastaStrypstatus = 0;
  /** perForfragan: how many times each request has been seen since throttling was set. */
  private strypdragning = new Map<string, number>();

  public constructor(konfig: Partial<IEmulatorKonfig> = {}) {
    this.konfig = {
      webbplats: 'https://kommun.sharepoint.com/sites/arendeportalen',
      listvyTroskel: 5000,
      fro: 2017,
      ...konfig
    };
    this.slump = skapaSlump(this.konfig.fro);
  }

  public get sitePath(): string {
    return new URL(this.konfig.webbplats).pathname.replace(/\/$/, '');
  }

  public satStrypning(strypning: IStrypning | undefined): void {
    this.konfig.strypning = strypning;
    this.slump = skapaSlump(this.konfig.fro);
    this.strypdragning.clear();
  }

  /**
   * Makes chosen requests fail (undefined removes the rule). Checked after throttling and before
   * any route, for every request, each $batch sub-request included, so a batch can fail in part.
   */
  public satFel(regel: Felregel | undefined): void {
    this.felregel = regel;
  }

  /** Registers a route; the pattern is matched against the decoded path, case-insensitively. */
  public rutt(metod: string, monster: RegExp, hanterare: Hanterare): void {
    this.rutter.push({ metod: metod.toUpperCase(), monster, hanterare });
  }

  /** Bearer tokens stand in for Entra ID tokens (Graph); the FedAuth cookie for SharePoint's session. */
  public anvandareMedToken(auth: string | null): IEmulatorAnvandare | undefined {
    const token = /^Bearer\s+emu-(.+)$/i.exec(auth ?? '')?.[1];
    return token ? this.anvandareMedLogin(token) : undefined;
  }

  public anvandareMedCookie(cookie: string | null): IEmulatorAnvandare | undefined {
    const varde = /(?:^|;\s*)FedAuth=emu-([^;]+)/.exec(cookie ?? '')?.[1];
    return varde ? this.anvandareMedLogin(varde) : undefined;
  }

  private anvandareMedLogin(kodad: string): IEmulatorAnvandare | undefined {
    let login: string;
    try {
      login = decodeURIComponent(kodad);
    } catch {
      return undefined;
    }
    return this.anvandare.find((a) => a.loginName === login || a.email === login);
  }

  /** A bearer token the emulator accepts for a user: what a Graph auth edge sends. */
  public static token(email: string): string {
    return `Bearer emu-${encodeURIComponent(email)}`;
  }

  /** The session cookie the emulator accepts for a user: what a signed-in browser carries. */
  public static cookie(email: string): string {
    return `FedAuth=emu-${encodeURIComponent(email)}`;
  }

  public forvantaIngaOkanda(): void {
    if (this.okanda.length > 0) {
      const lista = this.okanda.splice(0).join('\n  ');
      throw new Error(`Emulatorn fick förfrågningar den inte känner till:\n  ${lista}`);
    }
  }

  /** The in-process transport: the same signature as fetch. */
  public readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    this.handle(input instanceof Request ? input : new Request(input, init));

  public async handle(req: Request): Promise<Response> {
    this.statistik.forfragningar++;
    const url = new URL(req.url);
    let sokvag: string;
    try {
      sokvag = decodeURIComponent(url.pathname);
    } catch {
      sokvag = url.pathname;
    }
    const metod = (req.headers.get('X-HTTP-Method') ?? req.method).toUpperCase();
    // The host is left out of the request's key: a loopback port differs from run to run.
    const strypt = this.stryp(sokvag, `${metod} ${url.pathname}${url.search} ${req.headers.get('Authorization') ?? req.headers.get('Cookie') ?? ''}`);
    if (strypt) {
      return strypt;
    }
    let kropp: Uint8Array | undefined;
    const bytes = async (): Promise<Uint8Array> => {
      if (!kropp) {
        kropp = new Uint8Array(await req.arrayBuffer());
      }
      return kropp;
    };
    const anvandare = this.anvandareMedToken(req.headers.get('Authorization')) ?? this.anvandareMedCookie(req.headers.get('Cookie'));
    const fel = this.injiceratFel({ metod, sokvag, url, anvandare });
    if (fel) {
      return fel;
    }
    const forfragan: IForfragan = {
      req,
      url,
      sokvag,
      metod,
      anvandare,
      viaCookie: !req.headers.get('Authorization') && this.anvandareMedCookie(req.headers.get('Cookie')) !== undefined,
      bytes,
      json: async () => {
        const b = await bytes();
        if (b.length === 0) return undefined;
        return JSON.parse(new TextDecoder().decode(b));
      }
    };
    for (const rutt of this.rutter) {
      if (rutt.metod !== metod) {
        continue;
      }
      const traff = sokvag.match(rutt.monster);
      if (traff) {
        if (sokvag.includes('/_api/')) this.statistik.sharepoint++;
        else this.statistik.graph++;
        try {
          return await rutt.hanterare(forfragan, traff);
        } catch (fel) {
          if (fel instanceof Response) {
            return fel;
          }
          throw fel;
        }
      }
    }
    this.okanda.push(`${metod} ${sokvag}${url.search}`);
    return new Response(JSON.stringify({ error: { code: 'EmulatorUnknownRequest', message: `Emulatorn känner inte till ${metod} ${sokvag}` } }), {
      status: 501,
      headers: { 'Content-Type': 'application/json' }
    });
  }

  private injiceratFel(f: IFelFraga): Response | undefined {
    const utfall = this.felregel?.(f);
    if (utfall === undefined) {
      return undefined;
    }
    this.statistik.felinjicerade++;
    if (utfall instanceof Response) {
      return utfall;
    }
    const fel: IFelsvar = typeof utfall === 'number' ? { status: utfall } : utfall;
    const huvuden: Record<string, string> = {};
    if (fel.retryAfter !== undefined || fel.status === 429 || fel.status === 503) {
      huvuden['Retry-After'] = String(fel.retryAfter ?? 1);
    }
    if (f.sokvag.includes('/_api/')) {
      const [kod, text] = SP_FEL[fel.status] ?? ['-2146232832, Microsoft.SharePoint.SPException', 'The server could not complete the request.'];
      return spFel(fel.status, fel.kod ?? kod, fel.meddelande ?? text, huvuden);
    }
    const [kod, text] = GRAPH_FEL[fel.status] ?? ['UnknownError', 'An unspecified error has occurred.'];
    return graphFel(fel.status, fel.kod ?? kod, fel.meddelande ?? text, huvuden);
  }

  /** The throttling draw for a request: the shared sequence, or (perForfragan) the request's own. */
  private dragning(nyckel: string): number {
    if (!this.konfig.strypning?.perForfragan) return this.slump();
    const n = this.strypdragning.get(nyckel) ?? 0;
    this.strypdragning.set(nyckel, n + 1);
    // FNV-1a over seed, request and occurrence, then one mulberry32 step to spread the bits.
    let h = 0x811c9dc5;
    for (const c of `${this.konfig.fro}|${nyckel}|${n}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
    return skapaSlump(h)();
  }

  private stryp(sokvag: string, nyckel: string): Response | undefined {
    const s = this.konfig.strypning;
    const r = s && s.andel > 0 ? this.dragning(nyckel) : 1;
    if (!s || r >= s.andel) {
      return undefined;
    }
    this.statistik.strypta++;
    // perForfragan: the status follows from the request's own draw too, not from the order of arrival.
    const status = s.perForfragan
      ? s.statusar[Math.min(s.statusar.length - 1, Math.floor((r / s.andel) * s.statusar.length))]
      : s.statusar[this.nastaStrypstatus++ % s.statusar.length];
    const huvuden = { 'Retry-After': String(s.retryAfter) };
    if (sokvag.includes('/_api/')) {
      return status === 429
        ? spFel(429, '-2147024860, Microsoft.SharePoint.SPRequestThrottledException', 'Too many requests', huvuden)
        : spFel(503, '-2147024860, Microsoft.SharePoint.SPServerTooBusyException', 'Server too busy', huvuden);
    }
    return status === 429
      ? graphFel(429, 'activityLimitReached', 'The request has been throttled', huvuden)
      : graphFel(503, 'serviceNotAvailable', 'Service unavailable', huvuden);
  }
}
