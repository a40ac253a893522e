/**
 * The language every strings module reads at call time. The bundler turns each `*Strings`
 * module into getters over both loc files that ask this module, so switching language only
 * needs a re-render (the page remounts the parts), never a reload.
 */
import { Sprak } from './typer';

let aktuellt: Sprak = 'sv-SE';

export function aktuelltSprak(): Sprak {
  return aktuellt;
}

/** The loc file name SPFx uses for a language: sv-SE → sv-se. */
export function aktuellLocFil(): string {
  return aktuellt.toLowerCase();
}

export function satSprak(sprak: Sprak): void {
  aktuellt = sprak;
}
