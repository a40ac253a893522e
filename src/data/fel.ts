/**
 * Why a read or write failed, as a cause the parts can explain in the reader's language
 * (src/ui/felText.ts). Every service turns transport failures into one of these, so no part
 * shows an HTTP status or a stack trace. 'ogiltig' is a write SharePoint or a rule refused;
 * 'olasbar' a stored row the service cannot read (a status that is not one of the list's
 * choices): told apart because "could not be saved" is wrong for something only being read.
 */
export type DataFelorsak = 'inloggning' | 'behorighet' | 'saknas' | 'konflikt' | 'ogiltig' | 'olasbar' | 'troskel' | 'strypt' | 'natverk' | 'okant';

export class DataFel extends Error {
  public constructor(
    public readonly orsak: DataFelorsak,
    public readonly status?: number,
    public readonly ursprung?: unknown
  ) {
    super(`${orsak}${status ? ` (${status})` : ''}`);
    this.name = 'DataFel';
  }
}

/**
 * A write whose outcome is not known: the answer was a 504 (a proxy or gateway gave up), a 503
 * without Retry-After, or never came (the connection broke). SharePoint may have done it. The
 * send behavior (src/data/pnp.ts) throws it instead of sending a create again; skapaEnGang
 * (src/data/skapa.ts) settles it from what SharePoint holds. `status` is undefined without an answer.
 */
export class OvissSkrivning extends Error {
  public readonly oviss = true;
  public constructor(
    public readonly status: number | undefined,
    public readonly ursprung?: unknown
  ) {
    super(`Okänt om skrivningen gjordes${status ? ` (${status})` : ' (inget svar)'}`);
    this.name = 'OvissSkrivning';
  }
}

/** By shape: instanceof fails across bundle copies. */
export function arOviss(fel: unknown): fel is OvissSkrivning {
  const f = fel as { name?: unknown; oviss?: unknown } | undefined;
  return f?.name === 'OvissSkrivning' && f.oviss === true;
}

/**
 * The code of a rule's refusal (JusteringsFel, RegisterFel, IncidentFel: a DataFel named `namn`
 * carrying `kod`), or undefined when the failure was something else. By shape: instanceof fails
 * across bundle copies.
 */
export function regelfelkod<K extends string>(fel: unknown, namn: string): K | undefined {
  const f = fel as { name?: unknown; kod?: unknown } | undefined;
  return f?.name === namn && typeof f.kod === 'string' ? (f.kod as K) : undefined;
}

/** The HTTP status a failed request carries, if any (PnPjs' errors and the emulator's alike). */
export const svarsstatus = (fel: unknown): number | undefined => (fel as { status?: number } | undefined)?.status;

/** PnPjs' HttpRequestError, recognised by shape (instanceof fails across bundle copies). */
function httpStatus(fel: unknown): number | undefined {
  const f = fel as { isHttpRequestError?: boolean; status?: unknown } | undefined;
  return f?.isHttpRequestError && typeof f.status === 'number' ? f.status : undefined;
}

function text(fel: unknown): string {
  return String((fel as { message?: string } | undefined)?.message ?? '');
}

/**
 * fetch rejects with a TypeError when no answer came (offline, DNS, refused connection). By name
 * too: a TypeError from another realm (an iframe, Node's own fetch under a test VM) fails instanceof.
 */
function arNatverksfel(fel: unknown): boolean {
  return fel instanceof TypeError || (fel as { name?: unknown } | undefined)?.name === 'TypeError' ||
    /failed to fetch|fetch failed|network ?error|load failed/i.test(text(fel));
}

export function tolkaDataFel(fel: unknown): DataFel {
  if (fel instanceof DataFel) return fel;
  // Said as before the outcome was known to be uncertain: a gateway's 504 is throttling, no answer the network.
  if (arOviss(fel)) return fel.status === undefined ? new DataFel('natverk', undefined, fel) : new DataFel('strypt', fel.status, fel);
  const status = httpStatus(fel);
  switch (status) {
    case 401: return new DataFel('inloggning', status, fel);
    case 403: return new DataFel('behorighet', status, fel);
    case 404: return new DataFel('saknas', status, fel);
    case 412: return new DataFel('konflikt', status, fel);
    case 400: return new DataFel('ogiltig', status, fel);
    // The retry behavior has already waited out Retry-After several times when these arrive.
    case 429: case 503: case 504: return new DataFel('strypt', status, fel);
    default: break;
  }
  if (status === 500 && /SPQueryThrottledException|list view threshold/i.test(text(fel))) return new DataFel('troskel', status, fel);
  if (status === undefined && arNatverksfel(fel)) {
    return new DataFel('natverk', undefined, fel);
  }
  return new DataFel('okant', status, fel);
}
