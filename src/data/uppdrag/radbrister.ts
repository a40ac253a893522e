/**
 * Reading one stored field of the Uppdrag list as its schema says it should be, and saying what
 * is wrong when it is not. Rows reach the list past SharePoint's forms too (a flow, a script, a
 * broken import, a hand edit in the grid view), so a field may be missing, hold a number or an
 * object, a date that does not exist or a choice the list does not have. Such a row is still
 * shown, with what can be read, and pointed out with the reason, so that nobody takes a blank
 * for "nothing decided" and a handläggare knows what to correct. (A row whose status is not one
 * of the choices cannot be judged at all: that is an IFelaktigRad, listed apart.)
 */
import { IUppdrag } from '../../domain/uppdrag';
import { IFieldDef } from '../../schema/types';
import { arSpDatum, franSpDatum } from '../spDatum';

/** Why a field is pointed out; the parts word each in the reader's language. */
export type RadBristOrsak = 'saknas' | 'felTyp' | 'ogiltigtDatum' | 'okantVal' | 'forLang';

/** The fields a reader sees, by their domain names. */
export type LastFalt = Exclude<keyof IUppdrag, 'id' | 'handlaggareEpost'>;

export interface IRadBrist {
  falt: LastFalt;
  orsak: RadBristOrsak;
}

/** SharePoint's limit for a single line of text: a longer one was not written through SharePoint. */
const MAX_RADTEXT = 255;

export interface ILastVarde {
  /** The value to show, or undefined when there is none that can be trusted. */
  varde?: string;
  orsak?: RadBristOrsak;
}

const arTom = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * One stored value read by its field's definition. Whatever cannot be trusted is left out rather
 * than guessed at: a number is not turned into text, 30 February is not read as 2 March.
 */
export function lasFalt(def: IFieldDef, varde: unknown): ILastVarde {
  if (arTom(varde)) return def.required ? { orsak: 'saknas' } : {};
  switch (def.kind) {
    case 'DateOnly':
    case 'DateTime':
      return arSpDatum(varde) ? { varde: franSpDatum(varde) } : { orsak: 'ogiltigtDatum' };
    case 'User': {
      // Expanded as {Title, EMail}; someone no longer in the site comes back as null (above).
      const titel = typeof varde === 'object' ? (varde as { Title?: unknown }).Title : undefined;
      if (typeof titel !== 'string') return { orsak: 'felTyp' };
      return titel.trim() === '' ? (def.required ? { orsak: 'saknas' } : {}) : { varde: titel };
    }
    case 'Text':
    case 'Note':
    case 'Choice': {
      if (typeof varde !== 'string') return { orsak: 'felTyp' };
      if (def.kind === 'Choice' && def.choices && !def.choices.includes(varde)) return { varde, orsak: 'okantVal' };
      if (def.kind === 'Text' && varde.length > MAX_RADTEXT) return { varde, orsak: 'forLang' };
      return { varde };
    }
    default:
      return typeof varde === 'string' ? { varde } : { orsak: 'felTyp' };
  }
}
