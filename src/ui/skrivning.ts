import * as React from 'react';
import { DataFel, tolkaDataFel } from '../data/fel';

export interface ISkrivning {
  sparar: boolean;
  fel?: DataFel;
  /** Runs a write; resolves with its result, or undefined after a failure (kept in `fel`). */
  kor<T>(skriv: () => Promise<T>): Promise<T | undefined>;
  rensa(): void;
}

/** One write at a time with its spinner and its error; nothing is set after unmount. */
export function useSkrivning(): ISkrivning {
  const [sparar, satSparar] = React.useState(false);
  const [fel, satFel] = React.useState<DataFel | undefined>();
  const monterad = React.useRef(true);
  React.useEffect(() => () => { monterad.current = false; }, []);
  const kor = React.useCallback(async <T,>(skriv: () => Promise<T>): Promise<T | undefined> => {
    satSparar(true);
    satFel(undefined);
    try {
      const svar = await skriv();
      if (monterad.current) satSparar(false);
      return svar;
    } catch (e) {
      if (monterad.current) {
        satFel(tolkaDataFel(e));
        satSparar(false);
      }
      return undefined;
    }
  }, []);
  const rensa = React.useCallback(() => satFel(undefined), []);
  return { sparar, fel, kor, rensa };
}
