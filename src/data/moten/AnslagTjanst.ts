/** The digital anslagstavla (KL 8 kap. 9–12 §§): what is posted today, read from the Anslag list. */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { arAktuellt } from '../../domain/anslag';
import { IsoDate } from '../../domain/dates';
import { AnslagFalt, AnslagLista } from '../../schema/moten';
import { tolkaDataFel } from '../fel';
import { franSpDatum, tillSpDatum } from '../spDatum';
import { IAnslag, IAnslagTjanst } from './typer';

const F = AnslagFalt;

/** The columns of an anslag as tillAnslag reads them; the organ's name comes with `$expand=Organ`. */
export const ANSLAG_SELECT = ['Id', F.Rubrik, F.Typ, `${F.Organ}/Title`, `${F.Sammantrade}Id`, F.SammantradesDatum, F.JusteringsDatum,
  F.Forvaringsplats, F.Uppsatt, F.SistaDagOverklagande, F.Nedtagning, `${F.Protokoll}Id`, F.Tid, F.Plats, F.Arenden];

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const id = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** One agenda item as a kungörelse lists it: "3 – Detaljplan för Kajen (KS 2026/412)". */
export function arendeRad(p: { punkt: number; rubrik: string; diarienummer?: string }): string {
  return `${p.punkt} – ${p.rubrik}${p.diarienummer ? ` (${p.diarienummer})` : ''}`;
}

/** The Ärenden column: one agenda item per line (arendeRad), as the kungörelse was posted. */
export function lasArenden(v: unknown): string[] | undefined {
  const rader = typeof v === 'string' ? v.split(/\r?\n/).map((r) => r.trim()).filter((r) => r !== '') : [];
  return rader.length > 0 ? rader : undefined;
}

/** One row of the Anslag list as the anslagstavla shows it. */
export function tillAnslag(r: Record<string, unknown> & { Id: number }): IAnslag {
  const sammantradeId = r[`${F.Sammantrade}Id`];
  const tid = text(r[F.Tid]);
  return {
    id: r.Id,
    rubrik: String(r[F.Rubrik] ?? ''),
    typ: String(r[F.Typ] ?? '') as IAnslag['typ'],
    organ: String((r[F.Organ] as { Title?: unknown } | null)?.Title ?? ''),
    sammantradeId: id(sammantradeId),
    sammantradesdatum: franSpDatum(r[F.SammantradesDatum]) ?? '',
    justeringsdatum: franSpDatum(r[F.JusteringsDatum]),
    forvaringsplats: text(r[F.Forvaringsplats]),
    uppsatt: franSpDatum(r[F.Uppsatt]) ?? '',
    sistaDagForOverklagande: franSpDatum(r[F.SistaDagOverklagande]),
    nedtagning: franSpDatum(r[F.Nedtagning]),
    protokollId: id(r[`${F.Protokoll}Id`]),
    tid: tid && !Number.isNaN(Date.parse(tid)) ? tid : undefined,
    plats: text(r[F.Plats]),
    arenden: lasArenden(r[F.Arenden])
  };
}

export class AnslagTjanst implements IAnslagTjanst {
  public constructor(private readonly sp: SPFI, private readonly webbSokvag: string) {}

  public async hamtaAktuella(idag: IsoDate): Promise<IAnslag[]> {
    const lista = this.sp.web.getList(`${this.webbSokvag.replace(/\/$/, '')}/${AnslagLista.url}`);
    const ut: IAnslag[] = [];
    try {
      // Every anslag the app posts has a day of removal; filtering on that indexed column first keeps
      // the query under the list view threshold however many past anslag the list keeps.
      const fraga = lista.items.select(...ANSLAG_SELECT).expand(F.Organ)
        .filter(`${F.Nedtagning} gt datetime'${tillSpDatum(idag)}'`).top(500);
      for await (const sida of fraga) {
        for (const r of sida as Array<Record<string, unknown> & { Id: number }>) {
          const anslag = tillAnslag(r);
          if (anslag.uppsatt && arAktuellt(anslag, idag)) ut.push(anslag);
        }
      }
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    return ut.sort((a, b) => b.uppsatt.localeCompare(a.uppsatt) || b.id - a.id);
  }
}
