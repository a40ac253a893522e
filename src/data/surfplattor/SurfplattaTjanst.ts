/** The tablet register as kommunservice sees it. */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { SurfplattaFalt, SurfplattorLista } from '../../schema/surfplattor';
import { tolkaDataFel } from '../fel';

export interface ISurfplatta {
  id: number;
  stoldmarkning: string;
  serienummer: string;
  modell: string;
  simAbonnemang: string;
  intuneId: string;
  status: string;
}

export interface ISurfplattaTjanst {
  hamtaRegister(): Promise<ISurfplatta[]>;
}

const F = SurfplattaFalt;

export class SurfplattaTjanst implements ISurfplattaTjanst {
  public constructor(private readonly sp: SPFI, private readonly webbSokvag: string) {}

  public async hamtaRegister(): Promise<ISurfplatta[]> {
    const lista = this.sp.web.getList(`${this.webbSokvag.replace(/\/$/, '')}/${SurfplattorLista.url}`);
    const register: ISurfplatta[] = [];
    try {
      for await (const sida of lista.items.select('Id', F.Stoldmarkning, F.Serienummer, F.Modell, F.SimAbonnemang, F.IntuneId, F.Status).top(500)) {
        for (const r of sida as Array<Record<string, unknown>>) {
          const s = (v: unknown): string => (typeof v === 'string' ? v : '');
          register.push({
            id: Number(r.Id), stoldmarkning: s(r[F.Stoldmarkning]), serienummer: s(r[F.Serienummer]), modell: s(r[F.Modell]),
            simAbonnemang: s(r[F.SimAbonnemang]), intuneId: s(r[F.IntuneId]), status: s(r[F.Status])
          });
        }
      }
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    return register;
  }
}
