/**
 * Reading an Uppdrag row as SharePoint's list view hands it to an extension. Dates there come
 * twice: `Field` formatted for the web's locale, and `Field.` as an ISO instant; only the
 * latter can be trusted, and it is turned into the Swedish calendar date.
 */
import { IUppdragLage } from '../domain/uppdrag';
import { statusFranVal, UppdragFalt } from '../schema/uppdrag';
import { franSpDatum as kalenderdag } from './spDatum';

export type HamtaVarde = (faltnamn: string) => unknown;

/** The state of one row, or undefined when its status is not one of the list's choices. */
export function uppdragLageFranListvy(hamta: HamtaVarde): IUppdragLage | undefined {
  const status = statusFranVal(hamta(UppdragFalt.Status));
  if (!status) {
    return undefined;
  }
  return {
    status,
    planeratKlart: kalenderdag(hamta(`${UppdragFalt.PlaneratKlart}.`)),
    senastAndrad: kalenderdag(hamta('Modified.'))
  };
}
