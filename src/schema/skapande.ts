/**
 * The creation key: a GUID the client makes for each row it creates and sends with it. When the
 * answer to a create is lost (a proxy's 504, a broken connection) SharePoint may have made the row
 * or not; the key finds it (src/data/skapa.ts), so the create is neither lost nor made twice.
 *
 * Defined once here and added to every list the product creates rows in from its parts (Uppdrag
 * has its natural key KallNyckel instead). Indexed: the look-up filters on it, and a filter on a
 * column without an index fails once a list passes the 5,000-item list view threshold. Not unique:
 * SharePoint refuses unique columns in lists whose items have their own permissions, as several of
 * these have (published documents, incidents, loans, receipts), and in lists that already hold
 * rows without a key.
 */
import { IFieldDef } from './types';

export const SKAPANDENYCKEL = 'SkapandeNyckel';

export const SkapandeNyckelFalt = {
  internalName: SKAPANDENYCKEL,
  displayName: 'Skapandenyckel',
  kind: 'Text',
  indexed: true,
  hiddenInForms: true,
  description: 'Sätts av Ärendeportalen när raden skapas, så att en skrivning vars svar gick förlorat inte görs två gånger.'
} as const satisfies IFieldDef;
