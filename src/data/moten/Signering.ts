/**
 * How an approval of a protokoll is signed: THE SEAM for an e-signature service.
 *
 * Today the approval rests on the person's Microsoft 365 sign-in: the approval is a row the person
 * adds to Justeringar, SharePoint records who added it and when, so signing needs no further step;
 * the row records the method below.
 *
 * An e-signature provider (BankID through a signing service, for instance) plugs in by implementing
 * ISignering and being passed to JusteringTjanst in place of Microsoft365Signering:
 * - `signera` sends the protokoll (fetch it from `filUrl`) to the provider, waits for the person to
 *   sign, and returns the provider's name as `metod` and its reference to the signature as `referens`;
 *   both are stored on the approval row, next to SharePoint's own who and when.
 * - It throws a DataFel when the person cancels or the provider refuses; nothing is recorded then.
 * - JusteringTjanst asks for the signature once, after the justering rules have accepted the person
 *   and before the approval row is added.
 * - A signed PDF from such a service often carries the signers' personnummer in its metadata or
 *   signature page. Never upload it over the protokoll nor publish it as is: the protokoll in the
 *   library is what the public site shows. Keep the signed file in the e-archive, and if a copy must be
 *   public, mask the personnummer first (domain/personnummer.ts finds them).
 * See docs/justering.md.
 */
import { ISignering } from './typer';

/** The method recorded when the approval rests on the Microsoft 365 sign-in alone. */
export const MICROSOFT_365_INLOGGNING = 'Microsoft 365-inloggning';

export class Microsoft365Signering implements ISignering {
  public async signera(): Promise<{ metod: string; referens?: string }> {
    return { metod: MICROSOFT_365_INLOGGNING };
  }
}
