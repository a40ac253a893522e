/**
 * What every Graph route of the emulator shares: Graph's JSON and error answers, the bearer-token
 * check, the OData query options ($select, $top, $skip, $filter, $orderby, $count) and paging links.
 * Query options the emulator does not implement are treated like an unknown request (recorded,
 * answered 501), so a test cannot pass against a filter that the emulator silently ignored.
 */
import { Emulator, graphFel, IEmulatorAnvandare, IForfragan } from '../core';

export const GRAPH_VERSION = '/v1.0';

/** The content type Graph answers JSON with (as quoted in the JSON batching docs). */
const GRAPH_TYP = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function graphSvar(kropp: unknown, status = 200, huvuden: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(kropp), {
    status,
    headers: {
      'Content-Type': GRAPH_TYP,
      'OData-Version': '4.0',
      'Cache-Control': 'no-cache',
      'request-id': globalThis.crypto.randomUUID(),
      ...huvuden
    }
  });
}

/** 202 and 204 carry no body on the wire. */
export function tomtSvar(status: 202 | 204): Response {
  return new Response(null, { status, headers: { 'Cache-Control': 'no-cache', 'request-id': globalThis.crypto.randomUUID() } });
}

/** `$metadata#…` context URL on the emulator's own origin, as Graph gives it on its origin. */
export function kontext(f: IForfragan, fragment: string): string {
  return `${f.url.origin}${GRAPH_VERSION}/$metadata#${fragment}`;
}

/**
 * Graph takes only bearer tokens; the SharePoint session cookie does not sign anyone in here.
 * Throws Graph's 401 (handlers may throw a Response; the core answers with it).
 */
export function inloggad(emulator: Emulator, f: IForfragan): IEmulatorAnvandare {
  const auth = f.req.headers.get('Authorization');
  const anvandare = emulator.anvandareMedToken(auth);
  if (!anvandare) {
    throw graphFel(401, 'InvalidAuthenticationToken', auth ? 'Access token validation failure.' : 'Access token is empty.', {
      'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"'
    });
  }
  return anvandare;
}

/** Records the request as unknown and answers as the core does for a request no route knows. */
export function ejStodd(emulator: Emulator, f: IForfragan, vad: string): Response {
  emulator.okanda.push(`${f.metod} ${f.sokvag}${f.url.search} (${vad})`);
  return new Response(JSON.stringify({ error: { code: 'EmulatorUnknownRequest', message: `Emulatorn stöder inte ${vad} i ${f.metod} ${f.sokvag}` } }), {
    status: 501,
    headers: { 'Content-Type': 'application/json' }
  });
}

export async function lasKropp(f: IForfragan): Promise<Record<string, unknown>> {
  let kropp: unknown;
  try {
    kropp = await f.json();
  } catch {
    throw graphFel(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
  return kropp && typeof kropp === 'object' && !Array.isArray(kropp) ? kropp as Record<string, unknown> : {};
}

// ---- Query options -------------------------------------------------------------------------

export interface IFragevillkor {
  egenskap: string;
  /**
   * `any` is the lambda `coll/any(c:c eq 'x')` over a collection of strings; `anyEgenskap` is
   * `singleValueExtendedProperties/any(ep:ep/id eq 'p' and ep/value eq 'v')` (`egenskapsId` is p).
   */
  op: 'eq' | 'ne' | 'ge' | 'le' | 'gt' | 'lt' | 'startswith' | 'any' | 'anyEgenskap';
  varde: string | number | boolean | null;
  egenskapsId?: string;
  /** `not` before the clause (only with `any`). */
  inte?: boolean;
}

export interface IFilter {
  /** `and` or `or`; one filter never mixes them (the emulator does not parse parentheses). */
  kombinator: 'and' | 'or';
  villkor: IFragevillkor[];
}

export interface IFragealternativ {
  select?: string[];
  top?: number;
  skip: number;
  skiptoken?: string;
  filter?: IFilter;
  orderby?: { egenskap: string; fallande: boolean };
  count: boolean;
}

export interface IFragegranser {
  /** Which $-options the route implements; any other $-option is unsupported. */
  tillatna: ReadonlyArray<'$select' | '$top' | '$skip' | '$skiptoken' | '$filter' | '$orderby' | '$count'>;
  /** Properties that may appear in $select (the type's properties). */
  egenskaper?: ReadonlyArray<string>;
  /** The type name in the error for an unknown $select property. */
  typnamn?: string;
  /** Properties the emulator can filter on. */
  filtrerbara?: ReadonlyArray<string>;
  /** Properties the emulator can order by. */
  sorterbara?: ReadonlyArray<string>;
  /** Inclusive range of $top. */
  topGrans?: [number, number];
  /** The error when $top is outside the range. */
  topFel?: (top: string) => Response;
}

/** Throws a Response (400 or the unknown-request answer) when the options cannot be honoured. */
export function lasFragealternativ(emulator: Emulator, f: IForfragan, granser: IFragegranser): IFragealternativ {
  const p = f.url.searchParams;
  for (const namn of Array.from(p.keys())) {
    if (namn.startsWith('$') && !(granser.tillatna as readonly string[]).includes(namn)) {
      throw ejStodd(emulator, f, namn);
    }
  }
  const resultat: IFragealternativ = { skip: 0, count: false };
  const select = p.get('$select');
  if (select !== null) {
    resultat.select = select.split(',').map((s) => s.trim()).filter((s) => s !== '');
    for (const egenskap of resultat.select) {
      if (granser.egenskaper && !granser.egenskaper.some((e) => e.toLowerCase() === egenskap.toLowerCase())) {
        throw graphFel(400, 'BadRequest', `Could not find a property named '${egenskap}' on type '${granser.typnamn ?? 'microsoft.graph.entity'}'.`);
      }
    }
  }
  const top = p.get('$top');
  if (top !== null) {
    const n = Number(top);
    const [min, max] = granser.topGrans ?? [1, 1000];
    if (!/^\d+$/.test(top) || n < min || n > max) {
      throw granser.topFel ? granser.topFel(top) : graphFel(400, 'BadRequest', `Invalid value '${top}' for $top.`);
    }
    resultat.top = n;
  }
  const skip = p.get('$skip');
  if (skip !== null) {
    if (!/^\d+$/.test(skip)) {
      throw graphFel(400, 'BadRequest', `Invalid value '${skip}' for $skip.`);
    }
    resultat.skip = Number(skip);
  }
  resultat.skiptoken = p.get('$skiptoken') ?? undefined;
  const count = p.get('$count');
  if (count !== null) {
    if (!/^(true|false)$/i.test(count)) {
      throw graphFel(400, 'BadRequest', `Invalid value '${count}' for $count.`);
    }
    resultat.count = count.toLowerCase() === 'true';
  }
  const filter = p.get('$filter');
  if (filter !== null) {
    const tolkat = tolkaFilter(filter);
    if (!tolkat) {
      throw graphFel(400, 'BadRequest', 'Invalid filter clause');
    }
    for (const v of tolkat.villkor) {
      if (!granser.filtrerbara?.some((e) => e.toLowerCase() === v.egenskap.toLowerCase())) {
        throw ejStodd(emulator, f, `$filter på ${v.egenskap}`);
      }
    }
    resultat.filter = tolkat;
  }
  const orderby = p.get('$orderby');
  if (orderby !== null) {
    const m = /^\s*([\w/]+)(?:\s+(asc|desc))?\s*$/i.exec(orderby);
    if (!m) {
      throw ejStodd(emulator, f, `$orderby=${orderby}`);
    }
    const egenskap = granser.sorterbara?.find((e) => e.toLowerCase() === m[1].toLowerCase());
    if (!egenskap) {
      throw ejStodd(emulator, f, `$orderby på ${m[1]}`);
    }
    resultat.orderby = { egenskap, fallande: (m[2] ?? 'asc').toLowerCase() === 'desc' };
  }
  return resultat;
}

/** Splits on ` and ` / ` or ` outside quoted strings and parentheses. */
function delaFilter(text: string): { delar: string[]; kombinatorer: string[] } {
  const delar: string[] = [];
  const kombinatorer: string[] = [];
  let i = 0;
  let start = 0;
  let iStrang = false;
  let djup = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'") {
      // '' inside a string is an escaped quote.
      if (iStrang && text[i + 1] === "'") {
        i += 2;
        continue;
      }
      iStrang = !iStrang;
    } else if (!iStrang && (c === '(' || c === ')')) {
      djup += c === '(' ? 1 : -1;
    } else if (!iStrang && djup === 0) {
      const m = /^\s+(and|or)\s+/i.exec(text.slice(i));
      if (m) {
        delar.push(text.slice(start, i).trim());
        kombinatorer.push(m[1].toLowerCase());
        i += m[0].length;
        start = i;
        continue;
      }
    }
    i++;
  }
  delar.push(text.slice(start).trim());
  return { delar, kombinatorer };
}

function tolkaLiteral(text: string): IFragevillkor['varde'] | undefined {
  const t = text.trim();
  const strang = /^'((?:[^']|'')*)'$/.exec(t);
  if (strang) return strang[1].replace(/''/g, "'");
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (/^null$/i.test(t)) return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  // A DateTimeOffset literal is written unquoted; a form-encoded '+' in its offset arrives as a space.
  const tid = t.replace(/ (\d{2}:\d{2})$/, '+$1');
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(tid) && !isNaN(Date.parse(tid))) return tid;
  return undefined;
}

/** A small OData filter: clauses `prop op literal` or `startswith(prop,'x')`, joined by one of and/or. */
export function tolkaFilter(text: string): IFilter | undefined {
  const { delar, kombinatorer } = delaFilter(text.trim());
  if (new Set(kombinatorer).size > 1 || delar.some((d) => d === '')) {
    return undefined;
  }
  const villkor: IFragevillkor[] = [];
  for (const del of delar) {
    // An extended property by its id and value (the documented form for finding items by one).
    const ep = /^(singleValueExtendedProperties)\/any\(\s*(\w+)\s*:\s*(\w+)\/id\s+eq\s+('(?:[^']|'')*')\s+and\s+(\w+)\/value\s+eq\s+('(?:[^']|'')*')\s*\)$/i.exec(del);
    if (ep) {
      if (ep[2] !== ep[3] || ep[2] !== ep[5]) return undefined;
      villkor.push({ egenskap: ep[1], op: 'anyEgenskap', egenskapsId: tolkaLiteral(ep[4]) as string, varde: tolkaLiteral(ep[6]) as string });
      continue;
    }
    // `categories/any(c:c eq 'x')`, optionally negated as `not …` or `not(…)`.
    const lambda = /^(not\s*\(\s*|not\s+)?([\w/]+)\/any\(\s*(\w+)\s*:\s*(\w+)\s+eq\s+('(?:[^']|'')*')\s*\)(\s*\))?$/i.exec(del);
    if (lambda) {
      const parentes = (lambda[1] ?? '').includes('(');
      if (lambda[3] !== lambda[4] || parentes !== (lambda[6] !== undefined)) return undefined;
      villkor.push({ egenskap: lambda[2], op: 'any', varde: tolkaLiteral(lambda[5]) as string, inte: lambda[1] !== undefined });
      continue;
    }
    const sw = /^startswith\(\s*([\w/]+)\s*,\s*('(?:[^']|'')*')\s*\)$/i.exec(del);
    if (sw) {
      villkor.push({ egenskap: sw[1], op: 'startswith', varde: tolkaLiteral(sw[2]) as string });
      continue;
    }
    const jmf = /^([\w/]+)\s+(eq|ne|ge|le|gt|lt)\s+(.+)$/i.exec(del);
    if (!jmf) return undefined;
    const varde = tolkaLiteral(jmf[3]);
    if (varde === undefined) return undefined;
    villkor.push({ egenskap: jmf[1], op: jmf[2].toLowerCase() as IFragevillkor['op'], varde });
  }
  return { kombinator: (kombinatorer[0] ?? 'and') as IFilter['kombinator'], villkor };
}

function jamfor(a: unknown, b: IFragevillkor['varde']): number {
  if (typeof a === 'string' && typeof b === 'string') {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    // Date-time properties compare as instants, whatever their offset is written as.
    if (/^\d{4}-\d{2}-\d{2}T/.test(a) && !isNaN(ta) && !isNaN(tb)) return ta - tb;
    return a.toLowerCase().localeCompare(b.toLowerCase());
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return a === b ? 0 : NaN;
}

/** Evaluates a parsed filter; `hamta` reads a (possibly nested, slash-separated) property. */
export function uppfyller(filter: IFilter, hamta: (egenskap: string) => unknown): boolean {
  const prova = (v: IFragevillkor): boolean => {
    const a = hamta(v.egenskap);
    if (v.op === 'anyEgenskap') {
      // Property ids compare without case (they name a MAPI property); values as stored.
      return Array.isArray(a) && a.some((x: { id?: unknown; value?: unknown }) =>
        typeof x?.id === 'string' && x.id.toLowerCase() === String(v.egenskapsId).toLowerCase() && x.value === v.varde);
    }
    if (v.op === 'any') {
      // Exchange compares category names without regard to case.
      const finns = Array.isArray(a) && a.some((x) => typeof x === 'string' && typeof v.varde === 'string' && x.toLowerCase() === v.varde.toLowerCase());
      return v.inte ? !finns : finns;
    }
    if (v.op === 'startswith') {
      return typeof a === 'string' && typeof v.varde === 'string' && a.toLowerCase().startsWith(v.varde.toLowerCase());
    }
    if (v.varde === null || a === null || a === undefined) {
      const lika = (a ?? null) === v.varde;
      return v.op === 'eq' ? lika : v.op === 'ne' ? !lika : false;
    }
    const d = jamfor(a, v.varde);
    switch (v.op) {
      case 'eq': return d === 0;
      case 'ne': return d !== 0;
      case 'ge': return d >= 0;
      case 'le': return d <= 0;
      case 'gt': return d > 0;
      case 'lt': return d < 0;
    }
    return false;
  };
  return filter.kombinator === 'and' ? filter.villkor.every(prova) : filter.villkor.some(prova);
}

/** Reads `from/emailAddress/address` style paths, case-insensitively as Graph does. */
export function lasSokvag(objekt: Record<string, unknown>, sokvag: string): unknown {
  let nu: unknown = objekt;
  for (const del of sokvag.split('/')) {
    if (!nu || typeof nu !== 'object') return undefined;
    const post = nu as Record<string, unknown>;
    const nyckel = Object.keys(post).find((k) => k.toLowerCase() === del.toLowerCase());
    nu = nyckel === undefined ? undefined : post[nyckel];
  }
  return nu;
}

/** Keeps the `@odata.*` annotations and the selected properties; `id` always comes along, as in Graph. */
export function valj(objekt: Record<string, unknown>, select: string[] | undefined, alltid: string[] = ['id']): Record<string, unknown> {
  if (!select) return objekt;
  const ut: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(objekt)) {
    if (k.startsWith('@odata.') || alltid.includes(k) || select.some((s) => s.toLowerCase() === k.toLowerCase())) {
      ut[k] = v;
    }
  }
  return ut;
}

/** The same request URL with some query options replaced: what `@odata.nextLink` carries. */
export function lankMed(f: IForfragan, andringar: Record<string, string | undefined>): string {
  const u = new URL(f.url.href);
  for (const [namn, varde] of Object.entries(andringar)) {
    if (varde === undefined) u.searchParams.delete(namn);
    else u.searchParams.set(namn, varde);
  }
  return u.href;
}

// ---- Opaque ids -----------------------------------------------------------------------------

/** base64url without Node's Buffer, so the module also runs where only web APIs exist. */
export function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binar = '';
  bytes.forEach((b) => { binar += String.fromCharCode(b); });
  return globalThis.btoa(binar).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function franBase64url(text: string): string | undefined {
  try {
    const binar = globalThis.atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder().decode(Uint8Array.from(binar, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** Directory paging tokens look opaque (`RFNwdA…`); the emulator keeps the offset inside. */
export function skapaSkiptoken(forskjutning: number): string {
  return `RFNwdA${base64url(`emu:${forskjutning}`)}`;
}

export function lasSkiptoken(token: string): number | undefined {
  const m = /^RFNwdA(.+)$/.exec(token);
  const text = m ? franBase64url(m[1]) : undefined;
  const tal = text ? /^emu:(\d+)$/.exec(text) : null;
  return tal ? Number(tal[1]) : undefined;
}
