/**
 * Editing an uppdrag: validating what a handläggare typed, and merging it with a version someone
 * else saved in between (the 412 case) field by field, so that nothing is overwritten silently and
 * nothing typed is lost. Pure functions; the form and the service use them.
 */
import { daysBetween, isIsoDate } from './dates';
import { arAvslutat, IUppdrag, RedigerbartFalt, REDIGERBARA_FALT, UppdragAndring } from './uppdrag';

/** Why a field's value is refused; the form shows the localized text of the code. */
export type Valideringsfel = 'ogiltigtDatum' | 'foreBeslut' | 'orsakKravs' | 'orsakTextKravs' | 'forLang';

export const MAX_LANGD: Partial<Record<RedigerbartFalt, number>> = {
  varIHanteringen: 4000,
  orsakText: 4000,
  kommentar: 4000,
  textForPolitiker: 2000
};

/** The uppdrag as it would be after the change. */
export function medAndring(u: IUppdrag, andring: UppdragAndring): IUppdrag {
  return { ...u, ...andring };
}

/**
 * Checks a change against the uppdrag it applies to on `idag`. A late uppdrag (planned date
 * passed, not verkställt) must say why; "Annan orsak" must be explained in words.
 */
export function validera(u: IUppdrag, andring: UppdragAndring, idag: string): Partial<Record<RedigerbartFalt, Valideringsfel>> {
  const efter = medAndring(u, andring);
  const fel: Partial<Record<RedigerbartFalt, Valideringsfel>> = {};
  for (const falt of ['planeratKlart', 'aterrapporteraSenast'] as const) {
    const varde = efter[falt];
    if (varde !== undefined && !isIsoDate(varde)) fel[falt] = 'ogiltigtDatum';
    else if (varde !== undefined && efter.beslutsdatum && daysBetween(efter.beslutsdatum, varde) < 0) fel[falt] = 'foreBeslut';
  }
  const sen = efter.status === 'Forsenat' ||
    (!arAvslutat(efter.status) && efter.planeratKlart !== undefined && isIsoDate(efter.planeratKlart) && daysBetween(efter.planeratKlart, idag) > 0);
  if (sen && !efter.orsakKod) fel.orsakKod = 'orsakKravs';
  if (efter.orsakKod === 'Annan orsak' && !efter.orsakText?.trim()) fel.orsakText = 'orsakTextKravs';
  for (const [falt, max] of Object.entries(MAX_LANGD) as Array<[RedigerbartFalt, number]>) {
    const varde = efter[falt];
    if (typeof varde === 'string' && varde.length > max) fel[falt] = 'forLang';
  }
  return fel;
}

/** Only the fields that differ from the uppdrag as it was opened. */
export function skillnad(bas: IUppdrag, efter: UppdragAndring): UppdragAndring {
  const andring: Record<string, unknown> = {};
  for (const falt of REDIGERBARA_FALT) {
    if (falt in efter && (efter[falt] ?? undefined) !== (bas[falt] ?? undefined)) andring[falt] = efter[falt];
  }
  return andring as UppdragAndring;
}

export interface IFaltkonflikt {
  falt: RedigerbartFalt;
  /** The value when this user opened the uppdrag. */
  bas: string | undefined;
  mitt: string | undefined;
  deras: string | undefined;
}

export interface ISammanslagning {
  /** Fields both changed, to different values: the user chooses. */
  konflikter: IFaltkonflikt[];
  /** My changes that nobody else touched: saved as they are. */
  utanKonflikt: UppdragAndring;
}

/**
 * Three-way comparison after a 412: what I changed since `bas`, what they saved (`deras`).
 * A field both changed to the same value is no conflict.
 */
export function slaSamman(bas: IUppdrag, mitt: UppdragAndring, deras: IUppdrag): ISammanslagning {
  const konflikter: IFaltkonflikt[] = [];
  const utanKonflikt: Record<string, unknown> = {};
  for (const falt of REDIGERBARA_FALT) {
    if (!(falt in mitt)) continue;
    const b = bas[falt] ?? undefined;
    const m = mitt[falt] ?? undefined;
    const d = deras[falt] ?? undefined;
    if (d !== b && d !== m) konflikter.push({ falt, bas: b, mitt: m, deras: d });
    else utanKonflikt[falt] = m;
  }
  return { konflikter, utanKonflikt: utanKonflikt as UppdragAndring };
}

/** The change to save once the user has chosen, per conflicting field, mine or theirs. */
export function losKonflikter(sammanslagning: ISammanslagning, val: Partial<Record<RedigerbartFalt, 'mitt' | 'deras'>>): UppdragAndring {
  const andring: Record<string, unknown> = { ...sammanslagning.utanKonflikt };
  for (const k of sammanslagning.konflikter) {
    if ((val[k.falt] ?? 'deras') === 'mitt') andring[k.falt] = k.mitt;
  }
  return andring as UppdragAndring;
}
