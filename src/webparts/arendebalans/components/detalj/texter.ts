import * as strings from 'ArendebalansWebPartStrings';
import { RedigerbartFalt } from '../../../../domain/uppdrag';
import { Valideringsfel } from '../../../../domain/uppdragRedigering';
import { statusText } from '../../../../ui/statusText';
import { isUppdragStatus } from '../../../../domain/uppdrag';

/** Field labels, read at render time so they follow the language. */
export function faltnamn(falt: RedigerbartFalt): string {
  return (strings as unknown as Record<string, string>)[`Falt_${falt}`];
}

export function feltext(fel: Valideringsfel): string {
  return (strings as unknown as Record<string, string>)[`Fel_${fel}`];
}

/** A stored value as the reader sees it: status codes as words, empty as "(tomt)". */
export function visatVarde(falt: RedigerbartFalt, varde: string | undefined): string {
  if (varde === undefined || varde === '') return strings.Tomt;
  return falt === 'status' && isUppdragStatus(varde) ? statusText(varde) : varde;
}
