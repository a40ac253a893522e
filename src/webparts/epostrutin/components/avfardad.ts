/**
 * The day the reader last said "not today" to the weekday nudge. Kept on the device: it is the
 * reader's own choice about a hint, not something to store in SharePoint.
 */
import { IsoDate, isIsoDate } from '../../../domain/dates';

export interface IAvfardadLager {
  hamta(): IsoDate | undefined;
  spara(dag: IsoDate): void;
}

const NYCKEL = 'arendeportalen.epostrutin.paminnelseAvfardad';

/** localStorage; a blocked or full storage only means the nudge comes back on the next open. */
export function lokaltAvfardadLager(lagring: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): IAvfardadLager {
  return {
    hamta: () => {
      try {
        const dag = lagring?.getItem(NYCKEL) ?? undefined;
        return dag && isIsoDate(dag) ? dag : undefined;
      } catch {
        return undefined;
      }
    },
    spara: (dag) => {
      try {
        lagring?.setItem(NYCKEL, dag);
      } catch {
        // Private browsing or a full storage: the nudge is a convenience.
      }
    }
  };
}
