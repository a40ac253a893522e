/**
 * The Uppdrag list through PnPjs: read every row (paged, so the list may grow past 5,000), read
 * one with its ETag, and save with If-Match so that nobody's change is overwritten silently.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import { IList } from '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security/list';
import { PermissionKind } from '@pnp/sp/security';
import { IUppdrag, IUppdragHandelse, RedigerbartFalt, REDIGERBARA_FALT, UppdragAndring } from '../../domain/uppdrag';
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

export type { UppdragAndring };

/** A new uppdrag: everything but the id, the history and what SharePoint sets. */
export type NyttUppdrag = Omit<IUppdrag, 'id' | 'senastAndrad' | 'handlaggare' | 'handlaggareEpost'>;

export interface IUppdragTjanst {
  hamtaAlla(): Promise<IUppdragLasning>;
  hamta(id: number): Promise<IUppdragRad>;
  /** Saves with If-Match; a DataFel 'konflikt' when someone else saved first. Returns the new ETag. */
  spara(id: number, andring: UppdragAndring, etag: string): Promise<string>;
  /** Who changed status, planned date, reason … and when, newest first, from the item versions. */
  hamtaHistorik(id: number): Promise<IUppdragHandelse[]>;
  /**
   * Creates rows, all or none: `kallNyckel` says where each came from (a protokoll's §, an import
   * row) and a row whose key exists already is not created again. Returns the ids, new or existing.
   */
  skapa(rader: ReadonlyArray<{ uppdrag: NyttUppdrag; kallNyckel: string }>): Promise<Array<{ id: number; nytt: boolean }>>;
  /** Which of these source keys already have a row. */
  befintligaKallNycklar(nycklar: readonly string[]): Promise<Set<string>>;
  /** Whether the signed-in user may edit rows (handläggare): decides if the form is offered. */
  kanRedigera(): Promise<boolean>;
}

const F = UppdragFalt;
const SIDA = 500;
const SELECT = [
  'Id', F.Rubrik, F.Uppdragstext, F.Beslutsinstans, F.Beslutsdatum, F.Paragraf, F.Diarienummer, F.Forvaltning, F.Status,
  F.VarIHanteringen, F.OrsakKod, F.OrsakText, F.PlaneratKlart, F.ForstPlaneratKlart, F.AterrapporteraSenast, F.Kommentar,
  F.TextForPolitiker, 'Modified', `${F.Handlaggare}/Title`, `${F.Handlaggare}/EMail`
];

/** Domain field → list field, for what a handläggare edits; dates are calendar dates. */
const FALT_FOR: Record<RedigerbartFalt, string> = {
  status: F.Status,
  varIHanteringen: F.VarIHanteringen,
  orsakKod: F.OrsakKod,
  orsakText: F.OrsakText,
  planeratKlart: F.PlaneratKlart,
  aterrapporteraSenast: F.AterrapporteraSenast,
  kommentar: F.Kommentar,
  textForPolitiker: F.TextForPolitiker
};
const DATUMFALT: ReadonlySet<RedigerbartFalt> = new Set(['planeratKlart', 'aterrapporteraSenast']);

/** A domain value as SharePoint stores it. */
function tillLista(falt: RedigerbartFalt, varde: unknown): unknown {
  if (varde === undefined || varde === '') return null;
  if (falt === 'status') return UPPDRAG_STATUS_VAL[varde as keyof typeof UPPDRAG_STATUS_VAL];
  if (DATUMFALT.has(falt)) return tillSpDatum(String(varde));
  return varde;
}

/** A stored value as the domain reads it (the inverse of tillLista). */
function franLista(falt: RedigerbartFalt, varde: unknown): string | undefined {
  if (varde === null || varde === undefined || varde === '') return undefined;
  if (falt === 'status') return statusFranVal(varde) ?? String(varde);
  if (DATUMFALT.has(falt)) return franSpDatum(varde);
  return String(varde);
}

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
      uppdragstext: text(r[F.Uppdragstext]),
      beslutsinstans: text(r[F.Beslutsinstans]) ?? '',
      beslutsdatum: franSpDatum(r[F.Beslutsdatum]),
      paragraf: text(r[F.Paragraf]) ?? '',
      diarienummer: text(r[F.Diarienummer]),
      forvaltning: text(r[F.Forvaltning]) ?? '',
      handlaggare: text((r[F.Handlaggare] as { Title?: unknown } | null)?.Title),
      handlaggareEpost: text((r[F.Handlaggare] as { EMail?: unknown } | null)?.EMail),
      status,
      varIHanteringen: text(r[F.VarIHanteringen]),
      orsakKod: text(r[F.OrsakKod]),
      orsakText: text(r[F.OrsakText]),
      planeratKlart: franSpDatum(r[F.PlaneratKlart]),
      forstPlaneratKlart: franSpDatum(r[F.ForstPlaneratKlart]),
      aterrapporteraSenast: franSpDatum(r[F.AterrapporteraSenast]),
      kommentar: text(r[F.Kommentar]),
      textForPolitiker: text(r[F.TextForPolitiker]),
      senastAndrad: franSpDatum(r.Modified)
    }
  };
}

/** The list row for a new uppdrag; the first planned date is the planned date it starts with. */
function nyRad(u: NyttUppdrag, kallNyckel: string): Record<string, unknown> {
  const rad: Record<string, unknown> = {
    [F.Rubrik]: u.rubrik,
    [F.Uppdragstext]: u.uppdragstext ?? null,
    [F.Beslutsinstans]: u.beslutsinstans,
    [F.Beslutsdatum]: u.beslutsdatum ? tillSpDatum(u.beslutsdatum) : null,
    [F.Paragraf]: u.paragraf,
    [F.Diarienummer]: u.diarienummer ?? null,
    [F.Forvaltning]: u.forvaltning,
    [F.ForstPlaneratKlart]: u.forstPlaneratKlart ?? u.planeratKlart ? tillSpDatum((u.forstPlaneratKlart ?? u.planeratKlart)!) : null,
    [F.KallNyckel]: kallNyckel
  };
  for (const falt of REDIGERBARA_FALT) rad[FALT_FOR[falt]] = tillLista(falt, u[falt]);
  return rad;
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
    for (const falt of REDIGERBARA_FALT) {
      if (falt in andring) varden[FALT_FOR[falt]] = tillLista(falt, andring[falt]);
    }
    try {
      const svar = await this.lista.items.getById(id).update(varden, etag);
      return (svar as { etag?: string }).etag ?? '*';
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async hamtaHistorik(id: number): Promise<IUppdragHandelse[]> {
    let versioner: Array<Record<string, unknown>>;
    try {
      versioner = await this.lista.items.getById(id).versions<Array<Record<string, unknown>>>();
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    // Newest first; each version is compared with the one saved before it.
    const handelser: IUppdragHandelse[] = [];
    versioner.forEach((v, i) => {
      const fore = versioner[i + 1];
      const andringar: IUppdragHandelse['andringar'] = {};
      for (const falt of REDIGERBARA_FALT) {
        const efter = franLista(falt, v[FALT_FOR[falt]]);
        const innan = fore ? franLista(falt, fore[FALT_FOR[falt]]) : undefined;
        if (efter !== innan) andringar[falt] = [innan, efter];
      }
      const redaktor = v.Editor as { LookupValue?: unknown } | null | undefined;
      handelser.push({
        version: String(v.VersionLabel ?? ''),
        nar: String(v.Created ?? ''),
        vem: typeof redaktor?.LookupValue === 'string' ? redaktor.LookupValue : '',
        andringar
      });
    });
    return handelser;
  }

  public async kanRedigera(): Promise<boolean> {
    try {
      return await this.lista.currentUserHasPermissions(PermissionKind.EditListItems);
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async befintligaKallNycklar(nycklar: readonly string[]): Promise<Set<string>> {
    return new Set((await this.befintligaIdn(nycklar)).keys());
  }

  public async skapa(rader: ReadonlyArray<{ uppdrag: NyttUppdrag; kallNyckel: string }>): Promise<Array<{ id: number; nytt: boolean }>> {
    const befintliga = await this.befintligaIdn(rader.map((r) => r.kallNyckel));
    const skapade: number[] = [];
    const resultat: Array<{ id: number; nytt: boolean }> = [];
    try {
      for (const { uppdrag, kallNyckel } of rader) {
        const finns = befintliga.get(kallNyckel);
        if (finns !== undefined) {
          resultat.push({ id: finns, nytt: false });
          continue;
        }
        // PnPjs v4 answers an add with the created item's fields.
        const svar = await this.lista.items.add(nyRad(uppdrag, kallNyckel)) as { Id: number };
        const id = svar.Id;
        skapade.push(id);
        befintliga.set(kallNyckel, id);
        resultat.push({ id, nytt: true });
      }
    } catch (fel) {
      // All or nothing: what this call created is taken away again before the error is reported.
      for (const id of skapade.reverse()) {
        await this.lista.items.getById(id).delete().catch(() => undefined);
      }
      throw tolkaDataFel(fel);
    }
    return resultat;
  }

  private async befintligaIdn(nycklar: readonly string[]): Promise<Map<string, number>> {
    const idn = new Map<string, number>();
    const citera = (s: string): string => `'${s.replace(/'/g, "''")}'`;
    try {
      for (let i = 0; i < nycklar.length; i += 20) {
        const filter = nycklar.slice(i, i + 20).map((n) => `${F.KallNyckel} eq ${citera(n)}`).join(' or ');
        const rader = await this.lista.items.select('Id', F.KallNyckel).filter(filter).top(100)<Array<Record<string, unknown>>>();
        for (const r of rader) idn.set(String(r[F.KallNyckel]), Number(r.Id));
      }
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    return idn;
  }
}
