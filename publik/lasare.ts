/**
 * Reads the meeting portal as the public account (the only member of GRUPPNAMN.allmanhet). Two
 * walls keep non-public documents out: SharePoint shows this account only the documents opened to
 * the public group (Handlingar and Protokoll give the group nothing at library level; publishing
 * gives one item Read for it, publikBehorighet.ts), and every document is checked again with the
 * domain's arPublik, using the decision recorded on its agenda item. The account is refused when
 * it can see more than the public may, so a builder started with a privileged sign-in never
 * produces a site.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/security';
import { IList } from '@pnp/sp/lists';
import { PermissionKind } from '@pnp/sp/security';
import { IAnslag, IArendepunkt } from '../src/data/moten/typer';
import { DataFel, tolkaDataFel } from '../src/data/fel';
import { lasArenden } from '../src/data/moten/AnslagTjanst';
import { franSpDatum, tillSpDatum } from '../src/data/spDatum';
import { Anslagstyp, arAktuellt, TILLKANNAGIVANDE } from '../src/domain/anslag';
import { IsoDate } from '../src/domain/dates';
import { sistaDagForOverklagande } from '../src/domain/frister';
import { arPublik, Dokumenttyp, Klassificering } from '../src/domain/publicering';
import {
  AnslagFalt, AnslagLista, ArendepunktFalt, DagordningLista, HandlingarBibliotek, HandlingFalt, OrganFalt, OrganLista,
  ProtokollBibliotek, ProtokollFalt, SammantradeFalt, SammantradenLista, SekretessBibliotek
} from '../src/schema/moten';
import { IListDef } from '../src/schema/types';
import { IPublikHandling, IPublikKorpus, IPublikOrgan, IPublikProtokoll, IPublikSammantrade } from './modell';
import { lasFil } from '../src/data/filer';

type Rad = Record<string, unknown>;

/** The account may read more than the public group: the site must not be built with it. */
export class PrivilegieratKontoFel extends Error {
  public constructor(public readonly orsak: 'Sekretess' | 'Redigera') {
    super(orsak === 'Sekretess'
      ? 'Kontot kan läsa sekretessbiblioteket. Den publika webbplatsen byggs bara med kontot i gruppen för publik läsning.'
      : 'Kontot kan ändra i Handlingar. Den publika webbplatsen byggs bara med kontot i gruppen för publik läsning, som bara kan läsa.');
    this.name = 'PrivilegieratKontoFel';
  }
}

const SIDA = 500;
const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const valfri = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const tal = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export class PublikLasare {
  private readonly webbSokvag: string;

  public constructor(private readonly sp: SPFI, webbplats: string) {
    this.webbSokvag = new URL(webbplats).pathname.replace(/\/$/, '');
  }

  /** Everything the site shows, as of `idag` (a Swedish calendar date). */
  public async lasAllt(idag: IsoDate): Promise<IPublikKorpus> {
    try {
      await this.kontrolleraKonto();
      const organ = await this.lasOrgan();
      const organMedId = new Map(organ.map((o) => [o.id, o]));
      const sammantraden = (await this.lasSammantraden(organMedId));
      const moten = new Map(sammantraden.map((m) => [m.id, m]));
      const dagordning = (await this.lasDagordning()).filter((p) => moten.has(p.sammantradeId));
      const handlingar = (await this.lasHandlingar(dagordning, moten)).filter((h) => moten.has(h.sammantradeId));
      const protokoll = (await this.lasProtokoll()).filter((p) => moten.has(p.sammantradeId));
      const anslag = await this.lasAnslag(idag, organMedId);
      return { organ, sammantraden, dagordning, handlingar, protokoll, anslag };
    } catch (fel) {
      if (fel instanceof PrivilegieratKontoFel) throw fel;
      throw tolkaDataFel(fel);
    }
  }

  public hamtaFil(filUrl: string): Promise<ArrayBuffer> {
    return lasFil(this.sp, filUrl);
  }

  private lista(def: Pick<IListDef, 'url'>): IList {
    return this.sp.web.getList(`${this.webbSokvag}/${def.url}`);
  }

  /**
   * The public group reads, never writes, and never sees the sekretess library: SharePoint answers
   * 404 for a library the account cannot see, or 403; either means it cannot.
   */
  private async kontrolleraKonto(): Promise<void> {
    try {
      await this.lista(SekretessBibliotek).select('Id')();
      throw new PrivilegieratKontoFel('Sekretess');
    } catch (fel) {
      if (fel instanceof PrivilegieratKontoFel) throw fel;
      if (!arUtomSynhall(fel)) throw fel;
    }
    const redigerar = await this.lista(HandlingarBibliotek).currentUserHasPermissions(PermissionKind.EditListItems).catch((fel: unknown) => {
      if (arUtomSynhall(fel)) return false;
      throw fel;
    });
    if (redigerar) throw new PrivilegieratKontoFel('Redigera');
  }

  /**
   * The rows of a fail-closed library (Handlingar, Protokoll). The account reaches such a library only
   * through the items opened to it; with none opened yet SharePoint answers as if there were no
   * library (404, or 403): nothing is published.
   */
  private async publiceradeRader(fraga: () => Promise<Rad[]>): Promise<Rad[]> {
    try {
      return await fraga();
    } catch (fel) {
      if (arUtomSynhall(fel)) return [];
      throw fel;
    }
  }

  /** Every row of a query, page by page (SharePoint's $skiptoken), so no list is cut at 500. */
  private async rader(fraga: AsyncIterable<unknown>): Promise<Rad[]> {
    const alla: Rad[] = [];
    for await (const sida of fraga) alla.push(...(sida as Rad[]));
    return alla;
  }

  private async lasOrgan(): Promise<IPublikOrgan[]> {
    const F = OrganFalt;
    const rader = await this.rader(this.lista(OrganLista).items.select('Id', F.Namn, F.Forkortning, F.OrganTyp, F.Aktivt).top(SIDA));
    const upptagna = new Set<string>();
    return rader.filter((r) => r[F.Aktivt] !== false).map((r) => {
      const forkortning = text(r[F.Forkortning]);
      let slug = slugga(forkortning || text(r[F.Namn])) || `organ-${String(r.Id)}`;
      if (upptagna.has(slug)) slug = `${slug}-${String(r.Id)}`;
      upptagna.add(slug);
      return { id: Number(r.Id), namn: text(r[F.Namn]), forkortning, typ: text(r[F.OrganTyp]), slug };
    });
  }

  private async lasSammantraden(organ: Map<number, IPublikOrgan>): Promise<IPublikSammantrade[]> {
    const F = SammantradeFalt;
    // Ordered by the indexed date column: allowed however large the list grows.
    const rader = await this.rader(this.lista(SammantradenLista).items
      .select('Id', F.Rubrik, F.Datum, F.Plats, F.Status, F.KallelseAnslagen, `${F.Organ}Id`).orderBy(F.Datum, true).top(SIDA));
    const moten: IPublikSammantrade[] = [];
    for (const r of rader) {
      const datum = franSpDatum(r[F.Datum]);
      const org = organ.get(Number(r[`${F.Organ}Id`]));
      if (!datum || !org) continue;
      moten.push({
        id: Number(r.Id), rubrik: text(r[F.Rubrik]), organ: org.namn, organId: org.id, organTyp: org.typ, datum,
        start: text(r[F.Datum]), plats: text(r[F.Plats]), status: text(r[F.Status]),
        kallelseAnslagen: franSpDatum(r[F.KallelseAnslagen])
      });
    }
    return moten;
  }

  private async lasDagordning(): Promise<IArendepunkt[]> {
    const F = ArendepunktFalt;
    const rader = await this.rader(this.lista(DagordningLista).items
      .select('Id', F.Rubrik, `${F.Sammantrade}Id`, F.Punkt, F.Diarienummer, F.Beslut, F.Beslutsdatum).top(SIDA));
    return rader.flatMap((r) => {
      const punkt = tal(r[F.Punkt]);
      const sammantradeId = tal(r[`${F.Sammantrade}Id`]);
      if (punkt === undefined || sammantradeId === undefined) return [];
      return [{
        id: Number(r.Id), sammantradeId, punkt, rubrik: text(r[F.Rubrik]), diarienummer: valfri(r[F.Diarienummer]),
        beslut: valfri(r[F.Beslut]), beslutsdatum: franSpDatum(r[F.Beslutsdatum])
      }];
    }).sort((a, b) => a.sammantradeId - b.sammantradeId || a.punkt - b.punkt);
  }

  /**
   * Published documents, by the indexed Publicerad column. Should a kommun have more published
   * documents than the list view threshold, the same filter is asked per meeting instead.
   */
  private async lasHandlingar(dagordning: readonly IArendepunkt[], moten: Map<number, IPublikSammantrade>): Promise<IPublikHandling[]> {
    const F = HandlingFalt;
    const falt = ['Id', F.Rubrik, `${F.Sammantrade}Id`, F.Arendepunkt, F.Dokumenttyp, F.Klassificering, F.Publicerad, F.PubliceradDatum,
      'Modified', 'FileLeafRef', 'FileRef'];
    const items = this.lista(HandlingarBibliotek).items;
    const rader = await this.publiceradeRader(async () => {
      try {
        return await this.rader(items.select(...falt).filter(`${F.Publicerad} eq 1`).top(SIDA));
      } catch (fel) {
        if (tolkaDataFel(fel).orsak !== 'troskel') throw fel;
        const perMote: Rad[] = [];
        for (const id of moten.keys()) {
          perMote.push(...await this.rader(items.select(...falt).filter(`${F.Sammantrade}Id eq ${id} and ${F.Publicerad} eq 1`).top(SIDA)));
        }
        return perMote;
      }
    });
    const beslutade = new Set(dagordning.filter((p) => p.beslutsdatum).map((p) => `${p.sammantradeId}:${p.punkt}`));
    return rader.flatMap((r): IPublikHandling[] => {
      const sammantradeId = tal(r[`${F.Sammantrade}Id`]);
      const punkt = tal(r[F.Arendepunkt]);
      const filUrl = valfri(r.FileRef);
      if (sammantradeId === undefined || !filUrl) return [];
      const publik = arPublik({
        klassificering: text(r[F.Klassificering]) as Klassificering,
        beslutFattat: punkt !== undefined && beslutade.has(`${sammantradeId}:${punkt}`),
        publicerad: r[F.Publicerad] === true
      });
      // arPublik treats a class it does not know (a hand-edited choice) as public; the site does not.
      if (!publik || !['Offentlig', 'Arbetsmaterial'].includes(text(r[F.Klassificering]))) return [];
      const filnamn = text(r.FileLeafRef) || filUrl.split('/').pop() || '';
      return [{
        id: Number(r.Id), sammantradeId, punkt, rubrik: text(r[F.Rubrik]) || filnamn, filnamn, filUrl,
        dokumenttyp: text(r[F.Dokumenttyp]) as Dokumenttyp, publiceradDatum: valfri(r[F.PubliceradDatum]), andrad: text(r.Modified)
      }];
    });
  }

  /** Only justerade protokoll; drafts are closed to the public group anyway (they inherit the library's nothing). */
  private async lasProtokoll(): Promise<IPublikProtokoll[]> {
    const F = ProtokollFalt;
    const rader = await this.publiceradeRader(() => this.rader(this.lista(ProtokollBibliotek).items
      .select('Id', F.Rubrik, `${F.Sammantrade}Id`, F.Status, F.JusteratDatum, F.Tillkannagivet, F.Forvaringsplats, 'Modified', 'FileLeafRef', 'FileRef')
      .filter(`${F.Status} eq 'Justerat'`).top(SIDA)));
    return rader.flatMap((r): IPublikProtokoll[] => {
      const sammantradeId = tal(r[`${F.Sammantrade}Id`]);
      const filUrl = valfri(r.FileRef);
      if (sammantradeId === undefined || !filUrl || r[F.Status] !== 'Justerat') return [];
      const filnamn = text(r.FileLeafRef) || filUrl.split('/').pop() || '';
      return [{
        id: Number(r.Id), sammantradeId, rubrik: text(r[F.Rubrik]) || filnamn, filnamn, filUrl,
        justeratDatum: franSpDatum(r[F.JusteratDatum]), tillkannagivet: franSpDatum(r[F.Tillkannagivet]),
        forvaringsplats: text(r[F.Forvaringsplats]), andrad: text(r.Modified)
      }];
    });
  }

  /**
   * Today's anslag. The indexed Nedtagning column narrows the query to what is still up; an anslag
   * is on the board from the day it is posted until, not including, the day it comes down.
   */
  private async lasAnslag(idag: IsoDate, organ: Map<number, IPublikOrgan>): Promise<IAnslag[]> {
    const F = AnslagFalt;
    const rader = await this.rader(this.lista(AnslagLista).items
      .select('Id', F.Rubrik, F.Typ, `${F.Organ}Id`, `${F.Sammantrade}Id`, F.SammantradesDatum, F.JusteringsDatum, F.Forvaringsplats, F.Uppsatt,
        F.SistaDagOverklagande, F.Nedtagning, `${F.Protokoll}Id`, F.Tid, F.Plats, F.Arenden)
      .filter(`${F.Nedtagning} gt datetime'${tillSpDatum(idag)}'`).top(SIDA));
    const anslag: IAnslag[] = [];
    for (const r of rader) {
      const uppsatt = franSpDatum(r[F.Uppsatt]);
      const sammantradesdatum = franSpDatum(r[F.SammantradesDatum]);
      if (!uppsatt || !sammantradesdatum) continue;
      const typ = text(r[F.Typ]) as Anslagstyp;
      const nedtagning = franSpDatum(r[F.Nedtagning]);
      if (!arAktuellt({ uppsatt, nedtagning }, idag)) continue;
      anslag.push({
        id: Number(r.Id), rubrik: text(r[F.Rubrik]), typ, organ: organ.get(Number(r[`${F.Organ}Id`]))?.namn ?? '',
        sammantradeId: tal(r[`${F.Sammantrade}Id`]), sammantradesdatum, justeringsdatum: franSpDatum(r[F.JusteringsDatum]),
        forvaringsplats: valfri(r[F.Forvaringsplats]), uppsatt,
        // The law's last day is derived from the posting when the row lacks it (kommunallagen 13 kap.).
        sistaDagForOverklagande: franSpDatum(r[F.SistaDagOverklagande])
          ?? (typ === TILLKANNAGIVANDE ? sistaDagForOverklagande(uppsatt) : undefined),
        nedtagning,
        protokollId: tal(r[`${F.Protokoll}Id`]),
        tid: valfri(r[F.Tid]) && !Number.isNaN(Date.parse(text(r[F.Tid]))) ? text(r[F.Tid]) : undefined,
        plats: valfri(r[F.Plats]),
        arenden: lasArenden(r[F.Arenden])
      });
    }
    return anslag.sort((a, b) => b.uppsatt.localeCompare(a.uppsatt) || b.id - a.id);
  }
}

/** SharePoint's answers for something the account cannot see: 404, or 403 (SharePoint Online answers either). */
function arUtomSynhall(fel: unknown): boolean {
  const orsak = (fel instanceof DataFel ? fel : tolkaDataFel(fel)).orsak;
  return orsak === 'saknas' || orsak === 'behorighet';
}

/** "KS", "Barn- och utbildningsnämnden" → "ks", "barn-och-utbildningsnamnden". */
export function slugga(s: string): string {
  return s.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}
