/** Justerade protokoll in the Protokoll library, to propose uppdrag from (issue item 7). */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import { IsoDate } from '../../domain/dates';
import { ProtokollBibliotek, ProtokollFalt } from '../../schema/moten';
import { tolkaDataFel } from '../fel';
import { franSpDatum } from '../spDatum';
import { lasFil } from '../filer';

export interface IProtokoll {
  id: number;
  rubrik: string;
  filnamn: string;
  /** Server-relative URL of the file. */
  filUrl: string;
  /** The meeting's title, e.g. "Kommunstyrelsen 2026-10-12": organ and day. */
  sammantrade: string;
  organ?: string;
  motesdatum?: IsoDate;
  justeratDatum?: IsoDate;
}

export interface IProtokollTjanst {
  /** Justerade protokoll, the most recently justerat first. */
  hamtaJusterade(): Promise<IProtokoll[]>;
  hamtaFil(filUrl: string): Promise<ArrayBuffer>;
}

const F = ProtokollFalt;

/** "Kommunstyrelsen 2026-10-12" → organ and day; the demo and the meeting list title meetings so. */
function tolkaSammantrade(titel: string): { organ?: string; datum?: IsoDate } {
  const m = /^(.*\S)\s+(\d{4}-\d{2}-\d{2})\b/.exec(titel.trim());
  return m ? { organ: m[1], datum: m[2] } : {};
}

export class ProtokollTjanst implements IProtokollTjanst {
  public constructor(private readonly sp: SPFI, private readonly webbSokvag: string) {}

  public async hamtaJusterade(): Promise<IProtokoll[]> {
    const bibliotek = this.sp.web.getList(`${this.webbSokvag.replace(/\/$/, '')}/${ProtokollBibliotek.url}`);
    const ut: IProtokoll[] = [];
    try {
      // Filtered on the indexed status column, so the library may grow past the threshold.
      const fraga = bibliotek.items
        .select('Id', 'FileRef', 'FileLeafRef', F.Rubrik, F.JusteratDatum, `${F.Sammantrade}/Title`)
        .expand(F.Sammantrade)
        .filter(`${F.Status} eq 'Justerat'`)
        .top(500);
      for await (const sida of fraga) {
        for (const r of sida as Array<Record<string, unknown>>) {
          if (typeof r.FileRef !== 'string') continue;
          const sammantrade = String((r[F.Sammantrade] as { Title?: unknown } | null)?.Title ?? '');
          const { organ, datum } = tolkaSammantrade(sammantrade);
          ut.push({
            id: Number(r.Id),
            rubrik: String(r[F.Rubrik] ?? r.FileLeafRef ?? ''),
            filnamn: String(r.FileLeafRef ?? ''),
            filUrl: r.FileRef,
            sammantrade,
            organ,
            motesdatum: datum,
            justeratDatum: franSpDatum(r[F.JusteratDatum])
          });
        }
      }
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    return ut.sort((a, b) => (b.justeratDatum ?? '').localeCompare(a.justeratDatum ?? '') || b.id - a.id);
  }

  public hamtaFil(filUrl: string): Promise<ArrayBuffer> {
    return lasFil(this.sp, filUrl);
  }
}
