/**
 * The Uppdrag list through PnPjs: read every row (paged, so the list may grow past 5,000), read
 * one with its ETag, and save with If-Match so that nobody's change is overwritten silently.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import { IList } from '@pnp/sp/lists';
import '@pnp/sp/items';
import { IUppdrag } from '../../domain/uppdrag';
import { statusFranVal, UPPDRAG_STATUS_VAL, UppdragFalt, UppdragLista } from '../../schema/uppdrag';
import { DataFel, tolkaDataFel } from '../fel';
import { franSpDatum, tillSpDatum } from '../spDatum';

export interface IUppdragRad {
  uppdrag: IUppdrag;
  /** Opaque version tag of the row, sent back when saving. */
  etag: string;
}

export interface IFelaktigRad {
  id: number;
  rubrik: string;
  /** What is wrong, e.g. the stored status text that is not a choice. */
  problem: string;
}

export interface IUppdragLasning {
  rader: IUppdragRad[];
  felaktiga: IFelaktigRad[];
}

/** The fields a handläggare edits; dates as calendar dates. */
export type UppdragAndring = Partial<Pick<IUppdrag, 'status' | 'planeratKlart'>> & { varIHanteringen?: string };

export interface IUppdragTjanst {
  hamtaAlla(): Promise<IUppdragLasning>;
  hamta(id: number): Promise<IUppdragRad>;
  /** Saves with If-Match; a DataFel 'konflikt' when someone else saved first. Returns the new ETag. */
  spara(id: number, andring: UppdragAndring, etag: string): Promise<string>;
}

const F = UppdragFalt;
const SIDA = 500;
const SELECT = [
  'Id', F.Rubrik, F.Beslutsinstans, F.Beslutsdatum, F.Paragraf, F.Diarienummer, F.Forvaltning, F.Status, F.PlaneratKlart,
  'Modified', `${F.Handlaggare}/Title`
];

interface IRad {
  Id: number;
  'odata.etag'?: string;
  [falt: string]: unknown;
}

function tillRad(r: IRad): IUppdragRad | IFelaktigRad {
  const status = statusFranVal(r[F.Status]);
  const rubrik = typeof r[F.Rubrik] === 'string' ? r[F.Rubrik] as string : '';
  if (!status) {
    return { id: r.Id, rubrik, problem: String(r[F.Status] ?? '') };
  }
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    etag: r['odata.etag'] ?? '*',
    uppdrag: {
      id: r.Id,
      rubrik,
      beslutsinstans: text(r[F.Beslutsinstans]) ?? '',
      beslutsdatum: franSpDatum(r[F.Beslutsdatum]),
      paragraf: text(r[F.Paragraf]) ?? '',
      diarienummer: text(r[F.Diarienummer]),
      forvaltning: text(r[F.Forvaltning]) ?? '',
      handlaggare: text((r[F.Handlaggare] as { Title?: unknown } | null)?.Title),
      status,
      planeratKlart: franSpDatum(r[F.PlaneratKlart]),
      senastAndrad: franSpDatum(r.Modified)
    }
  };
}

export class UppdragTjanst implements IUppdragTjanst {
  public constructor(private readonly sp: SPFI, private readonly webbSokvag: string) {}

  private get lista(): IList {
    return this.sp.web.getList(`${this.webbSokvag.replace(/\/$/, '')}/${UppdragLista.url}`);
  }

  public async hamtaAlla(): Promise<IUppdragLasning> {
    const resultat: IUppdragLasning = { rader: [], felaktiga: [] };
    try {
      // Paged by ID (always indexed), so a large list stays under the list view threshold.
      for await (const sida of this.lista.items.select(...SELECT).expand(F.Handlaggare).top(SIDA)) {
        for (const r of sida as IRad[]) {
          const rad = tillRad(r);
          if ('uppdrag' in rad) resultat.rader.push(rad);
          else resultat.felaktiga.push(rad);
        }
      }
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    return resultat;
  }

  public async hamta(id: number): Promise<IUppdragRad> {
    let r: IRad;
    try {
      r = await this.lista.items.getById(id).select(...SELECT).expand(F.Handlaggare)<IRad>();
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    const rad = tillRad(r);
    if (!('uppdrag' in rad)) throw new DataFel('ogiltig');
    return rad;
  }

  public async spara(id: number, andring: UppdragAndring, etag: string): Promise<string> {
    const varden: Record<string, unknown> = {};
    if (andring.status) varden[F.Status] = UPPDRAG_STATUS_VAL[andring.status];
    if ('planeratKlart' in andring) varden[F.PlaneratKlart] = andring.planeratKlart ? tillSpDatum(andring.planeratKlart) : null;
    if (andring.varIHanteringen !== undefined) varden[F.VarIHanteringen] = andring.varIHanteringen;
    try {
      const svar = await this.lista.items.getById(id).update(varden, etag);
      return (svar as { etag?: string }).etag ?? '*';
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }
}
