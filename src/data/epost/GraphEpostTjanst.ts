/**
 * The e-mail service on Microsoft Graph through PnPjs. The GraphFI it gets carries the host's
 * authentication and the product's retry behavior (src/data/pnp.ts), so this class only says
 * what to read and turns failures into DataFel (src/data/fel.ts).
 */
import { GraphFI, IPagedResult, Paged } from '@pnp/graph';
import '@pnp/graph/users';
import '@pnp/graph/mail';
import { tolkaDataFel } from '../fel';
import { EPOST_MAPPAR, EpostMapp, IEpostAdress, IEpostTjanst, IMappOversikt, IMeddelandeRad, IMeddelandeSida } from './typer';

/** Graph's well-known folder names: the same in every mailbox language. */
export const GRAPH_MAPPNAMN: Record<EpostMapp, string> = {
  inkorg: 'inbox',
  skickat: 'sentitems',
  borttaget: 'deleteditems'
};

export const STANDARD_SIDSTORLEK = 25;
/** Outlook's largest page ($top 1–1000, message-list). */
export const STORSTA_SIDSTORLEK = 1000;

interface IGraphAdress {
  emailAddress?: { name?: string; address?: string };
}

/** The part of Graph's message resource the list reads. */
interface IGraphMeddelande {
  id: string;
  receivedDateTime?: string;
  from?: IGraphAdress | null;
  toRecipients?: IGraphAdress[];
  subject?: string | null;
  bodyPreview?: string;
  isRead?: boolean;
}

interface IGraphMapp {
  totalItemCount?: number;
  unreadItemCount?: number;
}

const MEDDELANDE_FALT = ['id', 'receivedDateTime', 'from', 'toRecipients', 'subject', 'bodyPreview', 'isRead'];

function adress(a: IGraphAdress | null | undefined): IEpostAdress | undefined {
  const e = a?.emailAddress;
  if (!e?.address) return undefined;
  return { namn: e.name || e.address, adress: e.address };
}

export function tillRad(m: IGraphMeddelande): IMeddelandeRad {
  return {
    id: m.id,
    mottaget: m.receivedDateTime ?? '',
    fran: adress(m.from),
    till: (m.toRecipients ?? []).map(adress).filter((a): a is IEpostAdress => a !== undefined),
    amne: m.subject ?? '',
    forhandsvisning: m.bodyPreview ?? '',
    last: m.isRead ?? true
  };
}

export class GraphEpostTjanst implements IEpostTjanst {
  private readonly graph: GraphFI;

  public constructor(graph: GraphFI) {
    this.graph = graph;
  }

  public async hamtaMappar(): Promise<IMappOversikt> {
    try {
      const mappar = await Promise.all(EPOST_MAPPAR.map((mapp) =>
        this.graph.me.mailFolders.getById(GRAPH_MAPPNAMN[mapp]).select('id', 'totalItemCount', 'unreadItemCount')() as Promise<IGraphMapp>));
      const [inkorg, skickat, borttaget] = mappar.map((m, i) => ({
        mapp: EPOST_MAPPAR[i],
        totalt: m.totalItemCount ?? 0,
        olasta: m.unreadItemCount ?? 0
      }));
      return { inkorg, skickat, borttaget };
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async hamtaMeddelanden(mapp: EpostMapp, sida: number = 0, storlek: number = STANDARD_SIDSTORLEK): Promise<IMeddelandeSida> {
    const n = Math.min(Math.max(Math.floor(storlek), 1), STORSTA_SIDSTORLEK);
    const start = Math.max(Math.floor(sida), 0) * n;
    try {
      const fraga = this.graph.me.mailFolders.getById(GRAPH_MAPPNAMN[mapp]).messages
        .select(...MEDDELANDE_FALT)
        .orderBy('receivedDateTime', false)
        .top(n)
        .skip(start)
        .using(Paged(true));
      // Outlook counts without the ConsistencyLevel header that directory objects need.
      fraga.query.set('$count', 'true');
      const svar = await fraga() as unknown as IPagedResult<IGraphMeddelande>;
      const rader = (svar.value ?? []).map(tillRad);
      return {
        meddelanden: rader,
        totalt: svar.count,
        sida: Math.max(Math.floor(sida), 0),
        storlek: n,
        harFler: svar.hasNext
      };
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }
}
