/**
 * The Redovisningar library through PnPjs: a report is its .docx and .xlsx, each item carrying the
 * period and the frozen basis (Underlag, JSON) so an old report can always be shown as it was.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { IsoDate } from '../../domain/dates';
import {
  IRedovisning, IRedovisningsperiod, IRedovisningsunderlag, jamforPerioder, periodEtikett, periodFranNyckel, periodNyckel,
  redovisningFilnamn, tolkaUnderlag
} from '../../domain/redovisning';
import { RedovisningarBibliotek, RedovisningFalt } from '../../schema/uppdrag';
import { DataFel, tolkaDataFel } from '../fel';
import { franSpDatum, tillSpDatum } from '../spDatum';

export type Filinnehall = Uint8Array | ArrayBuffer | Blob;

export interface IRedovisningsfil {
  namn: string;
  /** Server-relative URL, to link to. */
  url: string;
  itemId: number;
}

export interface ISparadRedovisning {
  period: IRedovisningsperiod;
  etikett: string;
  rubrik: string;
  periodslut?: IsoDate;
  antalUppdrag?: number;
  /** When the files were last saved (an instant, ISO). */
  sparad: string;
  filer: IRedovisningsfil[];
}

export interface IRedovisningTjanst {
  /** Uploads both files (replacing the period's earlier ones; the library keeps versions) and sets their metadata. */
  spara(rapport: IRedovisning, filer: { docx: Filinnehall; xlsx: Filinnehall }): Promise<ISparadRedovisning>;
  /** Every saved report, newest period first. */
  lista(): Promise<ISparadRedovisning[]>;
  /** The frozen basis of a period's report; undefined when none is saved. */
  hamtaUnderlag(period: IRedovisningsperiod): Promise<IRedovisningsunderlag | undefined>;
  /** The basis of the latest report before this period, to compare with; undefined when there is none. */
  hamtaForraUnderlag(period: IRedovisningsperiod): Promise<IRedovisningsunderlag | undefined>;
}

const F = RedovisningFalt;
const SELECT = ['Id', F.Rubrik, F.Period, F.Periodslut, F.AntalUppdrag, 'FileLeafRef', 'FileRef', 'Modified'];

interface IRad {
  Id: number;
  [falt: string]: unknown;
}

async function tillArrayBuffer(innehall: Filinnehall): Promise<ArrayBuffer | Blob> {
  if (innehall instanceof Uint8Array) {
    // PnPjs sends an ArrayBuffer or a Blob; copy exactly the view's bytes.
    return innehall.buffer.slice(innehall.byteOffset, innehall.byteOffset + innehall.byteLength) as ArrayBuffer;
  }
  return innehall;
}

export class RedovisningTjanst implements IRedovisningTjanst {
  public constructor(private readonly sp: SPFI, private readonly webbSokvag: string) {}

  private get bibliotekUrl(): string {
    return `${this.webbSokvag.replace(/\/$/, '')}/${RedovisningarBibliotek.url}`;
  }

  public async spara(rapport: IRedovisning, filer: { docx: Filinnehall; xlsx: Filinnehall }): Promise<ISparadRedovisning> {
    const metadata: Record<string, unknown> = {
      [F.Rubrik]: `Redovisning av ej verkställda beslut, ${rapport.etikett}`,
      [F.Period]: periodNyckel(rapport.period),
      [F.Periodslut]: tillSpDatum(rapport.periodslut),
      [F.Underlag]: JSON.stringify(rapport.underlag),
      [F.AntalUppdrag]: rapport.sammanfattning.totalt
    };
    const mapp = this.sp.web.getFolderByServerRelativePath(this.bibliotekUrl);
    try {
      for (const typ of ['docx', 'xlsx'] as const) {
        const namn = redovisningFilnamn(rapport.period, typ);
        // Overwrite: one report per period; the library's version history keeps what it replaced.
        const info = await mapp.files.addUsingPath(namn, await tillArrayBuffer(filer[typ]), { Overwrite: true });
        // The item by its id through the library, not File.getItem(): that follows the answer's
        // relative odata link, which PnPjs cannot resolve outside a SharePoint page.
        const { Id } = await this.sp.web.getFileByServerRelativePath(info.ServerRelativeUrl).listItemAllFields.select('Id')<{ Id: number }>();
        await this.sp.web.getList(this.bibliotekUrl).items.getById(Id).update(metadata);
      }
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    const sparad = (await this.lista()).find((r) => jamforPerioder(r.period, rapport.period) === 0);
    if (!sparad) throw new DataFel('okant');
    return sparad;
  }

  public async lista(): Promise<ISparadRedovisning[]> {
    let rader: IRad[];
    try {
      // Two reports a year: one page of 500 lasts centuries.
      rader = await this.sp.web.getList(this.bibliotekUrl).items.select(...SELECT).top(500)<IRad[]>();
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    const perPeriod = new Map<string, ISparadRedovisning>();
    for (const r of rader) {
      const period = periodFranNyckel(r[F.Period]);
      if (!period || typeof r.FileRef !== 'string') continue; // a file put there by hand, without a period
      const nyckel = periodNyckel(period);
      const sparad = String(r.Modified ?? '');
      const post = perPeriod.get(nyckel) ?? {
        period, etikett: periodEtikett(period), rubrik: String(r[F.Rubrik] ?? ''), sparad, filer: []
      };
      perPeriod.set(nyckel, post);
      post.periodslut ??= franSpDatum(r[F.Periodslut]);
      if (typeof r[F.AntalUppdrag] === 'number') post.antalUppdrag = r[F.AntalUppdrag] as number;
      if (sparad > post.sparad) post.sparad = sparad;
      post.filer.push({ namn: String(r.FileLeafRef ?? r.FileRef.split('/').pop()), url: r.FileRef, itemId: r.Id });
    }
    const lista = Array.from(perPeriod.values());
    for (const p of lista) p.filer.sort((a, b) => a.namn.localeCompare(b.namn));
    return lista.sort((a, b) => jamforPerioder(b.period, a.period));
  }

  public async hamtaUnderlag(period: IRedovisningsperiod): Promise<IRedovisningsunderlag | undefined> {
    const sparad = (await this.lista()).find((r) => jamforPerioder(r.period, period) === 0);
    return sparad ? this.lasUnderlag(sparad) : undefined;
  }

  public async hamtaForraUnderlag(period: IRedovisningsperiod): Promise<IRedovisningsunderlag | undefined> {
    for (const sparad of (await this.lista()).filter((r) => jamforPerioder(r.period, period) < 0)) {
      const underlag = await this.lasUnderlag(sparad);
      if (underlag) return underlag;
    }
    return undefined;
  }

  /** The basis from the first of the report's files that carries a readable one. */
  private async lasUnderlag(sparad: ISparadRedovisning): Promise<IRedovisningsunderlag | undefined> {
    const lista = this.sp.web.getList(this.bibliotekUrl);
    for (const fil of sparad.filer) {
      let r: IRad;
      try {
        r = await lista.items.getById(fil.itemId).select('Id', F.Underlag)<IRad>();
      } catch (fel) {
        throw tolkaDataFel(fel);
      }
      const underlag = tolkaUnderlag(r[F.Underlag]);
      if (underlag) return underlag;
    }
    return undefined;
  }
}
