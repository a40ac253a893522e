/**
 * Why reading the mailbox failed, in words a förtroendevald can act on. The service turns every
 * transport failure into one of these, so the parts never show an HTTP status or a stack trace.
 */

export type EpostFelorsak = 'inloggning' | 'behorighet' | 'strypt' | 'natverk' | 'okant';

const MEDDELANDEN: Record<EpostFelorsak, string> = {
  inloggning: 'Du är inte inloggad mot Microsoft 365, eller så har inloggningen gått ut. Ladda om sidan och logga in igen.',
  behorighet: 'Du saknar behörighet att läsa brevlådan. Be kommunens IT-support att godkänna Ärendeportalens åtkomst till e-post.',
  strypt: 'Microsoft 365 tar emot för många förfrågningar just nu. Vänta en stund och försök igen.',
  natverk: 'Det gick inte att nå Microsoft 365. Kontrollera nätverksanslutningen och försök igen.',
  okant: 'Brevlådan kunde inte läsas. Försök igen senare; om felet kvarstår, kontakta kommunens IT-support.'
};

export class EpostFel extends Error {
  public readonly orsak: EpostFelorsak;
  /** The HTTP status, when there was an answer. */
  public readonly status: number | undefined;
  /** The Swedish text to show the user. */
  public readonly meddelande: string;
  /** The original error, for logs. */
  public readonly ursprung: unknown;

  public constructor(orsak: EpostFelorsak, status?: number, ursprung?: unknown) {
    super(MEDDELANDEN[orsak]);
    this.name = 'EpostFel';
    this.orsak = orsak;
    this.status = status;
    this.meddelande = MEDDELANDEN[orsak];
    this.ursprung = ursprung;
  }
}

/** PnPjs' HttpRequestError, recognised by shape (instanceof fails across bundle copies). */
function httpStatus(fel: unknown): number | undefined {
  const f = fel as { isHttpRequestError?: boolean; status?: unknown } | undefined;
  return f?.isHttpRequestError && typeof f.status === 'number' ? f.status : undefined;
}

/** fetch rejects with a TypeError when no answer came (offline, DNS, refused connection). */
function arNatverksfel(fel: unknown): boolean {
  return fel instanceof TypeError || (fel as { name?: string } | undefined)?.name === 'TypeError' ||
    /failed to fetch|fetch failed|network ?error|load failed/i.test(String((fel as { message?: string } | undefined)?.message ?? ''));
}

export function tolkaFel(fel: unknown): EpostFel {
  if (fel instanceof EpostFel) {
    return fel;
  }
  const status = httpStatus(fel);
  if (status === 401) return new EpostFel('inloggning', status, fel);
  if (status === 403) return new EpostFel('behorighet', status, fel);
  // The retry behavior has already waited out Retry-After several times when these get here.
  if (status === 429 || status === 503 || status === 504) return new EpostFel('strypt', status, fel);
  if (status === undefined && arNatverksfel(fel)) return new EpostFel('natverk', undefined, fel);
  return new EpostFel('okant', status, fel);
}
