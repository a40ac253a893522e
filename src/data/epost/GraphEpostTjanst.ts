/**
 * The read side of the e-mail routine on Microsoft Graph through PnPjs: the counts of the three
 * folders and pages of message metadata. The GraphFI it gets carries the host's authentication and
 * the product's retry behavior (src/data/pnp.ts), so this class only says what to read and turns
 * failures into DataFel (src/data/fel.ts). The routine itself (EpostrutinTjanst) builds on it.
 */
import { GraphFI, IPagedResult, Paged } from '@pnp/graph';
import { InjectHeaders } from '@pnp/queryable';
import '@pnp/graph/users';
import '@pnp/graph/mail';
import { BEHALLEN_KATEGORI } from '../../domain/epostrutin';
import { DataFel, tolkaDataFel } from '../fel';
import { GraphBatch, IBatchAlternativ, IDelfraga } from '../graphBatch';
import { EPOST_MAPPAR, EpostMapp, IEpostAdress, IEpostTjanst, IMappOversikt, IMappStatus, IMeddelandeRad, IMeddelandeSida } from './typer';

/**
 * Immutable ids (outlook-immutable-id): a mail keeps its id when it is moved in Outlook, and a sent
 * draft keeps its id in sent items, so the routine's journal can name both for good.
 */
export const FASTA_ID = { Prefer: 'IdType="ImmutableId"' };

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
export interface IGraphMeddelande {
  id: string;
  receivedDateTime?: string;
  sentDateTime?: string;
  from?: IGraphAdress | null;
  toRecipients?: IGraphAdress[];
  subject?: string | null;
  bodyPreview?: string;
  isRead?: boolean;
  conversationId?: string;
  categories?: string[];
}

interface IGraphMapp {
  totalItemCount?: number;
  unreadItemCount?: number;
}

export const MEDDELANDE_FALT = ['id', 'receivedDateTime', 'from', 'toRecipients', 'subject', 'bodyPreview', 'isRead', 'conversationId', 'categories'];

/** A string literal in an OData $filter. */
export function filterText(varde: string): string {
  return `'${varde.replace(/'/g, "''")}'`;
}

/** Kept mail: the category the routine sets (Exchange compares category names without case). */
export const BEHALLNA_FILTER = `categories/any(c:c eq ${filterText(BEHALLEN_KATEGORI)})`;

/** A Graph path with query options, encoded once, the same for a PnPjs request and a $batch item. */
export function graphUrl(sokvag: string, fraga: Record<string, string | number | boolean> = {}): string {
  const delar = Object.entries(fraga).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return delar.length > 0 ? `${sokvag}?${delar.join('&')}` : sokvag;
}

export function meddelandeUrl(id: string, del = ''): string {
  return `/me/messages/${encodeURIComponent(id)}${del}`;
}

function adress(a: IGraphAdress | null | undefined): IEpostAdress | undefined {
  const e = a?.emailAddress;
  if (!e?.address) return undefined;
  return { namn: e.name || e.address, adress: e.address };
}

export function tillRad(m: IGraphMeddelande, mapp: EpostMapp): IMeddelandeRad {
  return {
    id: m.id,
    mottaget: m.receivedDateTime ?? m.sentDateTime ?? '',
    fran: adress(m.from),
    till: (m.toRecipients ?? []).map(adress).filter((a): a is IEpostAdress => a !== undefined),
    amne: m.subject ?? '',
    forhandsvisning: m.bodyPreview ?? '',
    last: m.isRead ?? true,
    mapp,
    konversation: m.conversationId ?? '',
    kategorier: m.categories ?? []
  };
}

export class GraphEpostTjanst implements IEpostTjanst {
  protected readonly graph: GraphFI;
  protected readonly batchAlternativ: IBatchAlternativ;

  public constructor(graph: GraphFI, batchAlternativ: IBatchAlternativ = {}) {
    this.graph = graph;
    this.batchAlternativ = batchAlternativ;
  }

  /** A runner for one piece of work; its round trips are counted per runner. */
  protected nyBatch(): GraphBatch {
    return new GraphBatch(this.graph, { ...this.batchAlternativ, huvuden: { ...FASTA_ID, ...this.batchAlternativ.huvuden } });
  }

  /** The three folders and how many of each are kept, in one $batch of six requests. */
  public async hamtaMappar(): Promise<IMappOversikt> {
    const grupper: IDelfraga[][] = EPOST_MAPPAR.map((mapp) => [
      { id: `m-${mapp}`, method: 'GET', url: graphUrl(`/me/mailFolders/${GRAPH_MAPPNAMN[mapp]}`, { $select: 'id,totalItemCount,unreadItemCount' }) },
      {
        id: `b-${mapp}`,
        method: 'GET',
        url: graphUrl(`/me/mailFolders/${GRAPH_MAPPNAMN[mapp]}/messages`, { $filter: BEHALLNA_FILTER, $count: true, $top: 1, $select: 'id' })
      }
    ]);
    const svar = await this.nyBatch().kor(grupper);
    const las = <T>(id: string): T => {
      const s = svar.get(id);
      if (!s?.ok) throw s?.fel ?? new DataFel('okant');
      return s.body as T;
    };
    const status = (mapp: EpostMapp): IMappStatus => {
      const m = las<IGraphMapp>(`m-${mapp}`);
      const b = las<{ '@odata.count'?: number; value?: unknown[] }>(`b-${mapp}`);
      return { mapp, totalt: m.totalItemCount ?? 0, olasta: m.unreadItemCount ?? 0, behallna: b['@odata.count'] ?? b.value?.length ?? 0 };
    };
    return { inkorg: status('inkorg'), skickat: status('skickat'), borttaget: status('borttaget') };
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
        .using(Paged(true), InjectHeaders(FASTA_ID));
      // Outlook counts without the ConsistencyLevel header that directory objects need.
      fraga.query.set('$count', 'true');
      const svar = await fraga() as unknown as IPagedResult<IGraphMeddelande>;
      const rader = (svar.value ?? []).map((m) => tillRad(m, mapp));
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
