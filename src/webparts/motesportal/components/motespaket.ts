/**
 * The meeting package as the UI sees it: the zip of every document the reader may see, and what
 * could not be fetched. The builder (src/data/moten/motespaket.ts, jszip) loads on first use as the
 * 'motespaket' chunk, so the portal's first download stays small.
 */
import * as common from 'CommonStrings';
import { tolkaDataFel } from '../../../data/fel';
import { IMotesTjanst, IMotesVy } from '../../../data/moten/typer';
import { felText } from '../../../ui/felText';

export interface IMotespaket {
  data: Uint8Array | Blob;
  filnamn: string;
  /** Documents in the zip. */
  antal: number;
  /** The documents that could not be fetched, each as the reader knows it and why. */
  saknas: string[];
}

export type MotespaketByggare = (vy: IMotesVy) => Promise<IMotespaket>;

/** The default builder: the data layer's, loaded lazily, with the shared wording inside the zip. */
export function lataMotespaket(tjanst: Pick<IMotesTjanst, 'hamtaFil'>): MotespaketByggare {
  return async (vy) => {
    const { skapaMotespaket } = await import(/* webpackChunkName: 'motespaket' */ '../../../data/moten/motespaket');
    const paket = await skapaMotespaket(vy, (url) => tjanst.hamtaFil(url), common);
    return {
      data: paket.data,
      filnamn: paket.filnamn,
      antal: paket.antal,
      saknas: paket.saknade.map((m) => `${m.rubrik}: ${felText(tolkaDataFel(m.orsak).orsak)}`)
    };
  };
}
