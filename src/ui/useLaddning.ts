import * as React from 'react';
import { DataFel, tolkaDataFel } from '../data/fel';

export interface ILaddning<T> {
  data?: T;
  fel?: DataFel;
  laddar: boolean;
  laddaOm: () => void;
}

/**
 * Runs a load when the part mounts (and when `beroenden` change), keeping the last data while a
 * reload runs and ignoring answers that arrive after unmount.
 */
export function useLaddning<T>(ladda: () => Promise<T>, beroenden: React.DependencyList): ILaddning<T> {
  const [tillstand, satTillstand] = React.useState<{ data?: T; fel?: DataFel; laddar: boolean }>({ laddar: true });
  const [omgang, satOmgang] = React.useState(0);
  React.useEffect(() => {
    let aktiv = true;
    satTillstand((t) => ({ ...t, laddar: true }));
    ladda().then(
      (data) => { if (aktiv) satTillstand({ data, laddar: false }); },
      (fel: unknown) => { if (aktiv) satTillstand((t) => ({ data: t.data, fel: tolkaDataFel(fel), laddar: false })); }
    );
    return () => { aktiv = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...beroenden, omgang]);
  const laddaOm = React.useCallback(() => satOmgang((n) => n + 1), []);
  return { ...tillstand, laddaOm };
}
