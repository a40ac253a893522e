/**
 * What of a meeting may be published (seed 000): kallelser and handlingar are public by default,
 * Arbetsmaterial is held back until the decision on its agenda item is recorded, and Sekretess is
 * never published. The services and the public site ask these functions; library permissions
 * enforce the same answer a second time.
 */
import { isIsoDate, IsoDate } from './dates';

export const KLASSER = ['Offentlig', 'Arbetsmaterial', 'Sekretess'] as const;
export type Klassificering = (typeof KLASSER)[number];

export const DOKUMENTTYP = ['Kallelse', 'Föredragningslista', 'Handling', 'Bilaga'] as const;
export type Dokumenttyp = (typeof DOKUMENTTYP)[number];

/** What the rules need to know of one document. */
export interface IPubliceringsUnderlag {
  klassificering: Klassificering;
  /** Whether a decision is recorded on the document's agenda item; false for documents without one. */
  beslutFattat: boolean;
  publicerad: boolean;
}

/**
 * - `Publicerad`: published, and still allowed to be.
 * - `KanPubliceras`: not published yet, nothing stands in the way.
 * - `VantarPaBeslut`: Arbetsmaterial whose item has no recorded decision.
 * - `Aldrig`: Sekretess.
 */
export type Publiceringslage = 'Publicerad' | 'KanPubliceras' | 'VantarPaBeslut' | 'Aldrig';

export function publiceringslage(h: IPubliceringsUnderlag): Publiceringslage {
  if (h.klassificering === 'Sekretess') return 'Aldrig';
  if (h.klassificering === 'Arbetsmaterial' && !h.beslutFattat) return 'VantarPaBeslut';
  return h.publicerad ? 'Publicerad' : 'KanPubliceras';
}

/** Whether publishing the document now is allowed (also true when it already is published). */
export function kanPubliceras(h: IPubliceringsUnderlag): boolean {
  const lage = publiceringslage(h);
  return lage === 'KanPubliceras' || lage === 'Publicerad';
}

/**
 * Whether the document may appear on the public site: published AND allowed by the rules. A
 * published flag on a Sekretess row (a hand edit in the library) does not make it public.
 */
export function arPublik(h: IPubliceringsUnderlag): boolean {
  return h.publicerad && kanPubliceras(h);
}

/** An OSL reference names chapter and paragraph: "26 kap. 1 § OSL", "21 kap. 1 § offentlighets- och sekretesslagen". */
const OSL = /\b\d{1,2}\s*kap\.?\s*\d{1,2}\s*[a-z]?\s*§/i;

export type Uppladdningsfel =
  | 'FilSaknas'
  | 'FilTom'
  | 'FilForStor'
  | 'FilnamnOgiltigt'
  | 'RubrikForLang'
  | 'OslSaknas'
  | 'OslOgiltig'
  | 'PunktSaknas';

/** SharePoint refuses these characters in file names; a leading/trailing dot or space too. */
const OGILTIGA_TECKEN = /["*:<>?/\\|#%]/;
/**
 * Names SharePoint and OneDrive refuse whatever the characters: Windows device names (also with an
 * extension, "CON.pdf"), .lock, desktop.ini, Office's lock files "~$…", and "_vti_" anywhere.
 */
const RESERVERADE_NAMN = /^(?:(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?|\.lock|desktop\.ini|~\$.*|.*_vti_.*)$/i;
/** Files above 250 MB need a chunked upload; meeting documents never come near it. */
export const MAX_FILSTORLEK = 250 * 1024 * 1024;

export interface IUppladdning {
  filnamn: string;
  storlek: number;
  rubrik: string;
  dokumenttyp: Dokumenttyp;
  klassificering: Klassificering;
  oslHanvisning?: string;
  /** Agenda item number; required for Handling and Bilaga, absent for Kallelse and Föredragningslista. */
  punkt?: number;
}

/** Every reason an upload cannot be stored as given, by field. Empty when it can. */
export function valideraUppladdning(u: IUppladdning): Partial<Record<'fil' | 'rubrik' | 'osl' | 'punkt', Uppladdningsfel>> {
  const fel: Partial<Record<'fil' | 'rubrik' | 'osl' | 'punkt', Uppladdningsfel>> = {};
  const namn = u.filnamn.trim();
  if (!namn) fel.fil = 'FilSaknas';
  else if (OGILTIGA_TECKEN.test(namn) || RESERVERADE_NAMN.test(namn) || /^[.\s]|[.\s]$/.test(u.filnamn) || namn.length > 200) fel.fil = 'FilnamnOgiltigt';
  // `!(> 0)` also refuses a size that is not a number (NaN from a broken File object).
  else if (!(u.storlek > 0)) fel.fil = 'FilTom';
  else if (u.storlek > MAX_FILSTORLEK) fel.fil = 'FilForStor';
  if (u.rubrik.length > 255) fel.rubrik = 'RubrikForLang';
  if (u.klassificering === 'Sekretess') {
    const osl = (u.oslHanvisning ?? '').trim();
    if (!osl) fel.osl = 'OslSaknas';
    else if (!OSL.test(osl) || osl.length > 255) fel.osl = 'OslOgiltig';
  }
  if ((u.dokumenttyp === 'Handling' || u.dokumenttyp === 'Bilaga') && !(Number.isInteger(u.punkt) && (u.punkt as number) > 0)) {
    fel.punkt = 'PunktSaknas';
  }
  return fel;
}

/** A document that is new to the reader: published (or, for those who see unpublished ones, changed) after the last visit. */
export function arNyttSedan(h: { andrad: string; publiceradDatum?: string }, senastBesok: string | undefined): boolean {
  if (!senastBesok) return false;
  // Compared as instants, not as strings: "…T09:00:00+01:00" and "…T08:30:00Z" order wrongly as text.
  const tider = [h.andrad, h.publiceradDatum].map((t) => (t ? Date.parse(t) : NaN)).filter((t) => !Number.isNaN(t));
  return tider.length > 0 && Math.max(...tider) > Date.parse(senastBesok);
}

/** Agenda item decisions: a decision needs words and a real date not after today. */
export type Beslutsfel = 'BeslutSaknas' | 'DatumOgiltigt' | 'DatumIFramtiden' | 'DatumForeMotet';

export function valideraBeslut(b: { beslut: string; datum: string }, motesdag: IsoDate, idag: IsoDate): Partial<Record<'beslut' | 'datum', Beslutsfel>> {
  const fel: Partial<Record<'beslut' | 'datum', Beslutsfel>> = {};
  if (!b.beslut.trim()) fel.beslut = 'BeslutSaknas';
  if (!isIsoDate(b.datum)) fel.datum = 'DatumOgiltigt';
  else if (b.datum > idag) fel.datum = 'DatumIFramtiden';
  else if (b.datum < motesdag) fel.datum = 'DatumForeMotet';
  return fel;
}
