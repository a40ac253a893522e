/** Sammanträden for the meeting portal: upcoming and past, with their organ. */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { IsoDate } from '../../domain/dates';
import { SammantradeFalt, SammantradenLista } from '../../schema/moten';
import { tolkaDataFel } from '../fel';
import { franSpDatum } from '../spDatum';

export interface ISammantrade {
  id: number;
  rubrik: string;
  organ: string;
  /** The meeting's day in Sweden and its start as an instant. */
  datum: IsoDate;
  start: string;
  plats: string;
  status: string;
}

export interface IMotesTjanst {
  /** Meetings from `fran` (inclusive) onwards and the ones before it, nearest first. */
  hamtaSammantraden(fran: IsoDate): Promise<{ kommande: ISammantrade[]; tidigare: ISammantrade[] }>;
}

const F = SammantradeFalt;

export class MotesTjanst implements IMotesTjanst {
  public constructor(private readonly sp: SPFI, private readonly webbSokvag: string) {}

  public async hamtaSammantraden(fran: IsoDate): Promise<{ kommande: ISammantrade[]; tidigare: ISammantrade[] }> {
    const lista = this.sp.web.getList(`${this.webbSokvag.replace(/\/$/, '')}/${SammantradenLista.url}`);
    const alla: ISammantrade[] = [];
    try {
      // Ordered by the indexed date column: allowed however large the list grows.
      for await (const sida of lista.items.select('Id', F.Rubrik, F.Datum, F.Plats, F.Status, `${F.Organ}/Title`).expand(F.Organ).orderBy(F.Datum, true).top(500)) {
        for (const r of sida as Array<Record<string, unknown>>) {
          const datum = franSpDatum(r[F.Datum]);
          if (!datum) continue;
          alla.push({
            id: Number(r.Id),
            rubrik: String(r[F.Rubrik] ?? ''),
            organ: String((r[F.Organ] as { Title?: unknown } | null)?.Title ?? ''),
            datum,
            start: String(r[F.Datum]),
            plats: String(r[F.Plats] ?? ''),
            status: String(r[F.Status] ?? '')
          });
        }
      }
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    return {
      kommande: alla.filter((m) => m.datum >= fran),
      tidigare: alla.filter((m) => m.datum < fran).reverse()
    };
  }
}
