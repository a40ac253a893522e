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
import { IFieldDef } from '../../schema/types';
import { statusFranVal, UPPDRAG_STATUS_VAL, UppdragFalt, UppdragLista } from '../../schema/uppdrag';
import { DataFel, tolkaDataFel } from '../fel';
import { skapaRad } from '../skapa';
import { arSpDatum, franSpDatum, tillSpDatum } from '../spDatum';
import { IRadBrist, LastFalt, lasFalt } from './radbrister';

export type { IRadBrist, LastFalt, RadBristOrsak } from './radbrister';

export interface IUppdragRad {
  uppdrag: IUppdrag;
  /** Opaque version tag of the row, sent back when saving. */
  etag: string;
  /** What in the stored row is missing or cannot be read (src/data/uppdrag/radbrister.ts); absent when nothing. */
  brister?: IRadBrist[];
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
/** SharePoint Online's list view threshold, fixed at 5,000 items (not configurable in Online). */
const LISTVYTROSKEL = 5_000;
/** Requests in flight at once when each key is looked up on its own. */
const SAMTIDIGA = 6;
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

/**
 * A stored value as the domain reads it (the inverse of tillLista). Old versions may hold what a
 * flow or a script wrote: a value that is not text, or not a date, reads as none rather than as
 * "[object Object]" or a guessed day. An unknown status text is kept: it is what was saved.
 */
function franLista(falt: RedigerbartFalt, varde: unknown): string | undefined {
  if (typeof varde !== 'string' || varde === '') return undefined;
  if (falt === 'status') return statusFranVal(varde) ?? varde;
  if (DATUMFALT.has(falt)) return arSpDatum(varde) ? franSpDatum(varde) : undefined;
  return varde;
}

interface IRad {
  Id: number;
  'odata.etag'?: string;
  [falt: string]: unknown;
}

/**
 * Each field's definition, so a row is read as the schema (src/schema/uppdrag.ts) describes it.
 * Modified is SharePoint's own column, not in the schema; it is read the same way.
 */
const FALTDEF: ReadonlyMap<string, IFieldDef> = new Map([
  ...UppdragLista.fields.map((f): [string, IFieldDef] => [f.internalName, f]),
  ['Modified', { internalName: 'Modified', displayName: 'Modified', kind: 'DateTime' }]
]);

function tillRad(r: IRad): IUppdragRad | IFelaktigRad {
  const brister: IRadBrist[] = [];
  const las = (falt: LastFalt, namn: string): string | undefined => {
    const { varde, orsak } = lasFalt(FALTDEF.get(namn)!, r[namn]);
    if (orsak) brister.push({ falt, orsak });
    return varde;
  };
  const rubrik = las('rubrik', F.Rubrik) ?? '';
  const status = statusFranVal(r[F.Status]);
  if (!status) {
    // Only stored text is repeated to the reader; anything else is said as "no status" by the part.
    return { id: r.Id, rubrik, problem: typeof r[F.Status] === 'string' ? r[F.Status] as string : '' };
  }
  const person = r[F.Handlaggare] as { EMail?: unknown } | null | undefined;
  const uppdrag: IUppdrag = {
    id: r.Id,
    rubrik,
    uppdragstext: las('uppdragstext', F.Uppdragstext),
    beslutsinstans: las('beslutsinstans', F.Beslutsinstans) ?? '',
    beslutsdatum: las('beslutsdatum', F.Beslutsdatum),
    paragraf: las('paragraf', F.Paragraf) ?? '',
    diarienummer: las('diarienummer', F.Diarienummer),
    forvaltning: las('forvaltning', F.Forvaltning) ?? '',
    handlaggare: las('handlaggare', F.Handlaggare),
    handlaggareEpost: typeof person?.EMail === 'string' && person.EMail !== '' ? person.EMail : undefined,
    status,
    varIHanteringen: las('varIHanteringen', F.VarIHanteringen),
    orsakKod: las('orsakKod', F.OrsakKod),
    orsakText: las('orsakText', F.OrsakText),
    planeratKlart: las('planeratKlart', F.PlaneratKlart),
    forstPlaneratKlart: las('forstPlaneratKlart', F.ForstPlaneratKlart),
    aterrapporteraSenast: las('aterrapporteraSenast', F.AterrapporteraSenast),
    kommentar: las('kommentar', F.Kommentar),
    textForPolitiker: las('textForPolitiker', F.TextForPolitiker),
    senastAndrad: las('senastAndrad', 'Modified')
  };
  return { etag: typeof r['odata.etag'] === 'string' ? r['odata.etag'] : '*', uppdrag, ...(brister.length > 0 ? { brister } : {}) };
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
    // Not 'ogiltig': that says a save was refused, and nothing is being saved here.
    if (!('uppdrag' in rad)) throw new DataFel('olasbar', undefined, rad);
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
        version: typeof v.VersionLabel === 'string' ? v.VersionLabel : String(i),
        nar: typeof v.Created === 'string' ? v.Created : '',
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
        // KallNyckel is the row's natural key (unique, indexed): a create whose answer is lost is found by it, not made twice.
        const svar = await skapaRad(this.lista, nyRad(uppdrag, kallNyckel), { falt: F.KallNyckel, varde: kallNyckel });
        const id = Number(svar.Id);
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
    const unika = Array.from(new Set(nycklar));
    if (unika.length === 0) return idn;
    const citera = (s: string): string => `'${s.replace(/'/g, "''")}'`;
    const las = async (filter: string): Promise<void> => {
      const rader = await this.lista.items.select('Id', F.KallNyckel).filter(filter).top(100)<Array<Record<string, unknown>>>();
      for (const r of rader) {
        if (typeof r[F.KallNyckel] === 'string') idn.set(r[F.KallNyckel] as string, Number(r.Id));
      }
    };
    try {
      // Over the list view threshold SharePoint refuses an `or` of keys even on the indexed column,
      // while one `eq` on it narrows to a single row and always passes. Below the threshold the
      // `or` of twenty saves requests; which applies is asked once (the ItemCount), except for a
      // single key, where the one `eq` is the cheapest anyway.
      const antal = unika.length === 1 ? undefined : (await this.lista.select('ItemCount')<{ ItemCount?: unknown }>()).ItemCount;
      if (typeof antal !== 'number' || antal > LISTVYTROSKEL) {
        let nasta = 0;
        const arbetare = async (): Promise<void> => {
          while (nasta < unika.length) await las(`${F.KallNyckel} eq ${citera(unika[nasta++])}`);
        };
        // A few at a time, as a browser would anyway: hundreds at once would only be throttled (429).
        await Promise.all(Array.from({ length: Math.min(SAMTIDIGA, unika.length) }, arbetare));
      } else {
        for (let i = 0; i < unika.length; i += 20) {
          await las(unika.slice(i, i + 20).map((n) => `${F.KallNyckel} eq ${citera(n)}`).join(' or '));
        }
      }
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    return idn;
  }
}
