/**
 * When the reader last opened each meeting, for the "Ny" marker. Kept on the device: it is the
 * reader's own reading history, not something to store in SharePoint.
 */
export interface IBesokslager {
  /** ISO instant of the last visit of the meeting, undefined on the first. */
  hamta(sammantradeId: number): string | undefined;
  spara(sammantradeId: number, tid: string): void;
}

const NYCKEL = 'arendeportalen.motesportal.besok';

/** localStorage, one JSON object for all meetings; a blocked or full storage only loses the markers. */
export function lokaltBesokslager(lagring: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): IBesokslager {
  const las = (): Record<string, string> => {
    try {
      const data: unknown = JSON.parse(lagring?.getItem(NYCKEL) ?? '{}');
      return data && typeof data === 'object' ? (data as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    hamta: (id) => {
      const tid = las()[String(id)];
      return typeof tid === 'string' ? tid : undefined;
    },
    spara: (id, tid) => {
      try {
        lagring?.setItem(NYCKEL, JSON.stringify({ ...las(), [String(id)]: tid }));
      } catch {
        // Private browsing or a full storage: the markers are a convenience, the view works without them.
      }
    }
  };
}
