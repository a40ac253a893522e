/**
 * The meeting portal's SharePoint side: meetings with their agenda and documents for every reader,
 * and the nämndsekreterare's writes. The publication rules (domain/publicering.ts) are checked here
 * again, and item permissions (publikBehorighet.ts) make SharePoint enforce them as well: the
 * libraries give the public group nothing, so a document is closed to it from the moment it exists,
 * and only publishing opens that one item.
 *
 * Every read that decides a write asks SharePoint itself (CacheNever): the offline cache may hold
 * an old answer, and an old decision or an old list of anslag must never drive a write.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/security';
import { CacheNever } from '@pnp/queryable';
import { IList } from '@pnp/sp/lists';
import { PermissionKind } from '@pnp/sp/security';
import { IsoDate, swedishDate } from '../../domain/dates';
import { KUNGORELSE, kungorelselage, kungorelseNedtagning } from '../../domain/anslag';
import { Dokumenttyp, Klassificering, kanPubliceras, publiceringslage, valideraBeslut, valideraUppladdning } from '../../domain/publicering';
import { AnslagFalt, AnslagLista, ArendepunktFalt, DagordningLista, HandlingarBibliotek, HandlingFalt, OrganFalt, OrganLista,
  SammantradeFalt, SammantradenLista, SekretessBibliotek } from '../../schema/moten';
import { SKAPANDENYCKEL } from '../../schema/skapande';
import { DataFel, svarsstatus, tolkaDataFel } from '../fel';
import { laggTillFil, lasFil } from '../filer';
import { nyNyckel, skapaRad } from '../skapa';
import { franSpDatum, tillSpDatum } from '../spDatum';
import { ANSLAG_SELECT, arendeRad, tillAnslag } from './AnslagTjanst';
import { PublikBehorighet } from './publikBehorighet';
import { IAnslag, IArendepunkt, IHandling, IMotesBehorighet, IMotesRedigering, IMotesTjanst, IMotesVy, INyHandling, INyttSammantrade,
  IOrgan, ISammantrade } from './typer';

// The contract lives in typer.ts; re-exported for the parts that import it from here.
export type { IMotesTjanst, ISammantrade } from './typer';

const S = SammantradeFalt;
const A = ArendepunktFalt;
const H = HandlingFalt;
const O = OrganFalt;
type Rad = Record<string, unknown> & { Id: number; 'odata.etag'?: string };
type Bibliotek = IHandling['bibliotek'];

/** Rows per request; below the list view threshold, so paging never trips it. */
const SIDA = 500;

const SVENSK_KLOCKA = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * The instant of a Swedish wall-clock time (`YYYY-MM-DD`, `HH:mm`), summer or winter time. The hour
 * that does not exist when the clocks go forward is refused; the doubled autumn hour takes summer time.
 */
export function svenskTidpunkt(datum: IsoDate, tid: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(tid);
  if (!m) throw new DataFel('ogiltig', undefined, { tid });
  const [ar, manad, dag] = datum.split('-').map(Number);
  for (const timmarFore of [2, 1]) {
    const kandidat = new Date(Date.UTC(ar, manad - 1, dag, Number(m[1]) - timmarFore, Number(m[2])));
    if (swedishDate(kandidat) === datum && SVENSK_KLOCKA.format(kandidat) === tid) {
      return kandidat.toISOString().replace(/\.000Z$/, 'Z');
    }
  }
  throw new DataFel('ogiltig', undefined, { tid });
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A reader without access to the Sekretess library gets 404 (or 403, as SharePoint Online may answer): for them there are none. */
const utanAtkomst = (fel: unknown): boolean => svarsstatus(fel) === 403 || svarsstatus(fel) === 404;

/**
 * SharePoint, or the login, cannot be reached: the network, 401, throttling, a 5xx. Sekretess is
 * never kept in the offline cache, so offline this is how its read ends; the rest of the meeting
 * still comes from the cache (seed 002), marked as lacking Sekretess.
 */
function otillganglig(fel: unknown): boolean {
  const f = tolkaDataFel(fel);
  return f.orsak === 'natverk' || f.orsak === 'inloggning' || f.orsak === 'strypt' || (f.orsak === 'okant' && (f.status ?? 500) >= 500);
}

export class MotesTjanst implements IMotesTjanst, IMotesRedigering {
  private readonly webb: string;
  private readonly publik: PublikBehorighet;

  public constructor(private readonly sp: SPFI, webbSokvag: string) {
    this.webb = webbSokvag.replace(/\/$/, '');
    this.publik = new PublikBehorighet(sp);
  }

  // ---- reading -----------------------------------------------------------------------------

  public async hamtaSammantraden(fran: IsoDate): Promise<{ kommande: ISammantrade[]; tidigare: ISammantrade[] }> {
    const alla: ISammantrade[] = [];
    try {
      const organ = await this.organPerId();
      // Ordered by the indexed date column: allowed however large the list grows.
      const fraga = this.lista(SammantradenLista.url).items.select(...this.sammantradeSelect()).expand(S.Organ).orderBy(S.Datum, true).top(SIDA);
      for await (const sida of fraga) {
        for (const r of sida as Rad[]) {
          const m = this.tillSammantrade(r, organ);
          if (m) alla.push(m);
        }
      }
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    return {
      kommande: alla.filter((m) => m.datum >= fran),
      tidigare: alla.filter((m) => m.datum < fran).reverse()
    };
  }

  public async hamtaOrgan(): Promise<IOrgan[]> {
    try {
      return Array.from((await this.organPerId()).values()).sort((a, b) => a.namn.localeCompare(b.namn, 'sv'));
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async hamtaMote(sammantradeId: number, idag: IsoDate): Promise<IMotesVy> {
    try {
      let sekretessOtillganglig = false;
      const [sammantrade, dagordning, handlingar, sekretess] = await Promise.all([
        this.hamtaSammantradet(sammantradeId),
        this.hamtaDagordning(sammantradeId),
        this.hamtaHandlingar('Handlingar', sammantradeId),
        this.hamtaHandlingar('Sekretess', sammantradeId).catch((fel: unknown): IHandling[] => {
          if (utanAtkomst(fel)) return [];
          if (!otillganglig(fel)) throw fel;
          sekretessOtillganglig = true;
          return [];
        })
      ]);
      const beslutad = new Set(dagordning.filter((p) => p.beslutsdatum).map((p) => p.punkt));
      const alla = [...handlingar, ...sekretess].map((h) => ({
        ...h,
        publiceringslage: publiceringslage({ klassificering: h.klassificering, beslutFattat: h.punkt !== undefined && beslutad.has(h.punkt), publicerad: h.publicerad })
      }));
      alla.sort((a, b) => (a.punkt ?? 0) - (b.punkt ?? 0) || a.rubrik.localeCompare(b.rubrik, 'sv') || a.id - b.id);
      return {
        sammantrade,
        dagordning,
        handlingar: alla,
        kungorelse: sammantrade.organTyp === 'Fullmäktige' ? kungorelselage(sammantrade.datum, sammantrade.kallelseAnslagen, idag) : undefined,
        ...(sekretessOtillganglig ? { sekretessOtillganglig } : {})
      };
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public hamtaFil(filUrl: string): Promise<ArrayBuffer> {
    return lasFil(this.sp, filUrl);
  }

  public async behorighet(): Promise<IMotesBehorighet> {
    try {
      const [kanRedigera, kanLasaSekretess] = await Promise.all([
        // Publishing changes item permissions, so editing means ManagePermissions on Handlingar.
        this.lista(HandlingarBibliotek.url).currentUserHasPermissions(PermissionKind.ManagePermissions),
        // Not reachable now (offline: Sekretess is never cached) reads as "not now", like hamtaMote.
        this.lista(SekretessBibliotek.url).currentUserHasPermissions(PermissionKind.ViewListItems).catch((fel: unknown) => {
          if (utanAtkomst(fel) || otillganglig(fel)) return false;
          throw fel;
        })
      ]);
      return { kanRedigera, kanLasaSekretess };
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  // ---- writing -----------------------------------------------------------------------------

  public async skapaSammantrade(nytt: INyttSammantrade): Promise<ISammantrade> {
    const start = svenskTidpunkt(nytt.datum, nytt.tid);
    try {
      const organ = (await this.organPerId(true)).get(nytt.organId);
      if (!organ) throw new DataFel('ogiltig', undefined, { organId: nytt.organId });
      const r = await skapaRad(this.lista(SammantradenLista.url), {
        [S.Rubrik]: `${organ.namn} ${nytt.datum}`,
        [`${S.Organ}Id`]: organ.id,
        [S.Datum]: start,
        [S.Plats]: nytt.plats
      }) as Rad;
      return this.hamtaSammantradet(r.Id);
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async laggTillPunkt(sammantradeId: number, punkt: { punkt: number; rubrik: string; diarienummer?: string }): Promise<IArendepunkt> {
    if (!Number.isInteger(punkt.punkt) || punkt.punkt <= 0 || !punkt.rubrik.trim()) {
      throw new DataFel('ogiltig', undefined, punkt);
    }
    try {
      if ((await this.hamtaDagordning(sammantradeId, true)).some((p) => p.punkt === punkt.punkt)) {
        throw new DataFel('ogiltig', undefined, { punkt: punkt.punkt });
      }
      const r = await skapaRad(this.lista(DagordningLista.url), {
        [A.Rubrik]: punkt.rubrik.trim(),
        [`${A.Sammantrade}Id`]: sammantradeId,
        [A.Punkt]: punkt.punkt,
        [A.Diarienummer]: punkt.diarienummer?.trim() || null
      }) as Rad;
      return this.tillArendepunkt(r, sammantradeId);
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async laddaUpp(ny: INyHandling): Promise<IHandling> {
    const fel = valideraUppladdning({
      filnamn: ny.fil.namn, storlek: ny.fil.innehall.byteLength, rubrik: ny.rubrik, dokumenttyp: ny.dokumenttyp,
      klassificering: ny.klassificering, oslHanvisning: ny.oslHanvisning, punkt: ny.punkt
    });
    if (Object.keys(fel).length > 0) throw new DataFel('ogiltig', undefined, fel);
    const bibliotek: Bibliotek = ny.klassificering === 'Sekretess' ? 'Sekretess' : 'Handlingar';
    const biblioteksUrl = `${this.webb}/${bibliotek === 'Sekretess' ? SekretessBibliotek.url : HandlingarBibliotek.url}`;
    let filUrl: string | undefined;
    let sparad = false;
    try {
      // The agenda item must exist on this meeting; its title goes with the document.
      let arende: IArendepunkt | undefined;
      if (ny.punkt !== undefined) {
        arende = (await this.hamtaDagordning(ny.sammantradeId, true)).find((p) => p.punkt === ny.punkt);
        if (!arende) throw new DataFel('ogiltig', undefined, { punkt: 'PunktSaknas' });
      }
      // The new file inherits the library's permissions, which give the public group nothing: it is
      // not public from its first moment, whatever fails after this.
      filUrl = await laggTillFil(this.sp, biblioteksUrl, ny.fil.namn.trim(), ny.fil.innehall);
      const { Id } = await this.sp.web.getFileByServerRelativePath(filUrl).listItemAllFields.select('Id').using(CacheNever())<{ Id: number }>();
      const metadata = {
        [H.Rubrik]: ny.rubrik.trim() || null,
        [`${H.Sammantrade}Id`]: ny.sammantradeId,
        [H.Arendepunkt]: ny.punkt ?? null,
        [H.ArendeRubrik]: arende?.rubrik ?? null,
        [H.Dokumenttyp]: ny.dokumenttyp,
        [H.OslHanvisning]: ny.klassificering === 'Sekretess' ? ny.oslHanvisning!.trim() : null,
        ...(bibliotek === 'Handlingar' ? { [H.Klassificering]: ny.klassificering, [H.Publicerad]: false } : {}),
        // Claims the file: an upload whose answer is lost later does not take a finished document for its own (laggTillFil).
        [SKAPANDENYCKEL]: nyNyckel().varde
      };
      await this.sp.web.getList(biblioteksUrl).items.getById(Id).update(metadata);
      sparad = true;
      try {
        return await this.hamtaHandling(bibliotek, Id);
      } catch {
        // Stored as it should be; only the answer was lost. What was written is what it holds.
        return this.tillHandling(bibliotek, {
          ...metadata, Id, FileRef: filUrl, FileLeafRef: filUrl.split('/').pop(), Modified: new Date().toISOString()
        });
      }
    } catch (orsak) {
      if (filUrl && !sparad) {
        // Nothing half-made stays behind: a file without its meeting and classification helps nobody.
        await this.sp.web.getFileByServerRelativePath(filUrl).recycle().catch(() => undefined);
      }
      throw tolkaDataFel(orsak);
    }
  }

  /** The caller's agenda is not trusted: the decision is read again, a colleague may have changed it since. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- part of IMotesRedigering; deliberately ignored, see above
  public async publicera(handling: IHandling, _dagordning: readonly IArendepunkt[]): Promise<IHandling> {
    try {
      return await this.publiceraMed(handling, await this.hamtaDagordning(handling.sammantradeId, true));
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async publiceraAllt(vy: IMotesVy): Promise<{ publicerade: IHandling[]; kvar: IHandling[] }> {
    const publicerade: IHandling[] = [];
    const kvar: IHandling[] = [];
    try {
      const dagordning = await this.hamtaDagordning(vy.sammantrade.id, true);
      for (const h of vy.handlingar) {
        if (h.publicerad && h.publiceringslage === 'Publicerad') continue;
        try {
          publicerade.push(await this.publiceraMed(h, dagordning));
        } catch (fel) {
          if (!(fel instanceof DataFel) || fel.orsak !== 'ogiltig') throw fel;
          kvar.push((fel.ursprung as IHandling | undefined) ?? h);
        }
      }
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    return { publicerade, kvar };
  }

  /**
   * Takes a document off the public: closed first (the item inherits the library again, which gives
   * the public group nothing), then the flag cleared. Should the second step fail, the document is
   * closed but still marked published; the public site does not show it, and doing it again clears it.
   */
  public async avpublicera(handling: IHandling): Promise<IHandling> {
    try {
      const fore = await this.hamtaHandling(handling.bibliotek, handling.id);
      if (fore.bibliotek !== 'Handlingar') throw new DataFel('ogiltig', undefined, fore);
      const objekt = this.lista(HandlingarBibliotek.url).items.getById(fore.id);
      await this.publik.stangForPublik(objekt);
      if (fore.publicerad) await objekt.update({ [H.Publicerad]: false, [H.PubliceradDatum]: null }, fore.etag ?? '*');
      return await this.hamtaHandling('Handlingar', fore.id, await this.hamtaDagordning(fore.sammantradeId, true));
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async registreraBeslut(punkt: IArendepunkt, beslut: { beslut: string; datum: IsoDate }): Promise<IArendepunkt> {
    try {
      const mote = await this.hamtaSammantradet(punkt.sammantradeId, true);
      const fel = valideraBeslut(beslut, mote.datum, swedishDate(new Date()));
      if (Object.keys(fel).length > 0) throw new DataFel('ogiltig', undefined, fel);
      // With the ETag read: a decision someone else saved meanwhile is a conflict, not overwritten.
      const svar = await this.lista(DagordningLista.url).items.getById(punkt.id).update({
        [A.Beslut]: beslut.beslut.trim(),
        [A.Beslutsdatum]: tillSpDatum(beslut.datum)
      }, punkt.etag ?? '*') as { etag?: string };
      return { ...punkt, beslut: beslut.beslut.trim(), beslutsdatum: beslut.datum, etag: svar.etag ?? punkt.etag };
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  /**
   * A kungörelse states the meeting's day and time, place and ärenden (KL 5 kap. 53 §): they are
   * copied onto the anslag as they stand when it is posted, so later changes to the agenda do not
   * rewrite what was announced.
   */
  public async kungora(sammantrade: ISammantrade, idag: IsoDate): Promise<IAnslag> {
    const typ = KUNGORELSE;
    try {
      const mote = await this.hamtaSammantradet(sammantrade.id, true);
      if (mote.organTyp !== 'Fullmäktige' || mote.organId === undefined) throw new DataFel('ogiltig', undefined, { organTyp: mote.organTyp });
      const anslag = this.lista(AnslagLista.url);
      // A retry after a lost answer must not post the kungörelse twice.
      const befintliga = await anslag.items.select(...ANSLAG_SELECT).expand(AnslagFalt.Organ)
        .filter(`${AnslagFalt.Sammantrade}Id eq ${mote.id} and ${AnslagFalt.Typ} eq '${typ}'`).top(10).using(CacheNever())<Rad[]>();
      let rad = befintliga[0];
      if (!rad) {
        const arenden = (await this.hamtaDagordning(mote.id, true)).map(arendeRad);
        const ny = await skapaRad(anslag, {
          [AnslagFalt.Rubrik]: `${typ}: ${mote.rubrik}`,
          [AnslagFalt.Typ]: typ,
          [`${AnslagFalt.Organ}Id`]: mote.organId,
          [`${AnslagFalt.Sammantrade}Id`]: mote.id,
          [AnslagFalt.SammantradesDatum]: tillSpDatum(mote.datum),
          [AnslagFalt.Tid]: mote.start,
          [AnslagFalt.Plats]: mote.plats || null,
          [AnslagFalt.Arenden]: arenden.length > 0 ? arenden.join('\n') : null,
          [AnslagFalt.Uppsatt]: tillSpDatum(idag),
          [AnslagFalt.Nedtagning]: tillSpDatum(kungorelseNedtagning(mote.datum))
        }) as Rad;
        rad = await anslag.items.getById(ny.Id).select(...ANSLAG_SELECT).expand(AnslagFalt.Organ).using(CacheNever())<Rad>();
      }
      const uppsatt = franSpDatum(rad[AnslagFalt.Uppsatt]) ?? idag;
      if (mote.kallelseAnslagen !== uppsatt) {
        await this.lista(SammantradenLista.url).items.getById(mote.id).update({ [S.KallelseAnslagen]: tillSpDatum(uppsatt) });
      }
      return tillAnslag(rad);
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  private lista(url: string): IList {
    return this.sp.web.getList(`${this.webb}/${url}`);
  }

  private sammantradeSelect(): string[] {
    return ['Id', S.Rubrik, S.Datum, S.Plats, S.Status, S.KallelseAnslagen, `${S.Organ}Id`, `${S.Organ}/Title`];
  }

  /** Every organ, page by page. `farsk`: asked of SharePoint itself, never answered from the offline cache (before a write). */
  private async organPerId(farsk = false): Promise<Map<number, IOrgan>> {
    const organ = new Map<number, IOrgan>();
    const fraga = this.lista(OrganLista.url).items.select('Id', O.Namn, O.Forkortning, O.OrganTyp).top(SIDA);
    for await (const sida of farsk ? fraga.using(CacheNever()) : fraga) {
      for (const r of sida as Rad[]) {
        organ.set(r.Id, { id: r.Id, namn: String(r[O.Namn] ?? ''), forkortning: String(r[O.Forkortning] ?? ''), typ: String(r[O.OrganTyp] ?? '') });
      }
    }
    return organ;
  }

  private tillSammantrade(r: Rad, organ: Map<number, IOrgan>): ISammantrade | undefined {
    const datum = franSpDatum(r[S.Datum]);
    if (!datum) return undefined;
    const organId = typeof r[`${S.Organ}Id`] === 'number' ? r[`${S.Organ}Id`] as number : undefined;
    const o = organId !== undefined ? organ.get(organId) : undefined;
    return {
      id: r.Id,
      rubrik: String(r[S.Rubrik] ?? ''),
      organ: String((r[S.Organ] as { Title?: unknown } | null)?.Title ?? o?.namn ?? ''),
      organId,
      organTyp: o?.typ,
      datum,
      start: String(r[S.Datum]),
      plats: String(r[S.Plats] ?? ''),
      status: String(r[S.Status] ?? ''),
      kallelseAnslagen: franSpDatum(r[S.KallelseAnslagen])
    };
  }

  private async hamtaSammantradet(id: number, farsk = false): Promise<ISammantrade> {
    const objekt = this.lista(SammantradenLista.url).items.getById(id).select(...this.sammantradeSelect()).expand(S.Organ);
    const [r, organ] = await Promise.all([
      (farsk ? objekt.using(CacheNever()) : objekt)<Rad>(),
      this.organPerId(farsk)
    ]);
    const m = this.tillSammantrade(r, organ);
    if (!m) throw new DataFel('saknas');
    return m;
  }

  private tillArendepunkt(r: Rad, sammantradeId: number): IArendepunkt {
    return {
      id: r.Id,
      sammantradeId,
      punkt: Number(r[A.Punkt]),
      rubrik: String(r[A.Rubrik] ?? ''),
      diarienummer: text(r[A.Diarienummer]),
      beslut: text(r[A.Beslut]),
      beslutsdatum: franSpDatum(r[A.Beslutsdatum]),
      etag: r['odata.etag']
    };
  }

  private async hamtaDagordning(sammantradeId: number, farsk = false): Promise<IArendepunkt[]> {
    const ut: IArendepunkt[] = [];
    // Filtered on the indexed lookup: works whatever the size of the list.
    const fraga = this.lista(DagordningLista.url).items
      .select('Id', A.Rubrik, A.Punkt, A.Diarienummer, A.Beslut, A.Beslutsdatum)
      .filter(`${A.Sammantrade}Id eq ${sammantradeId}`).top(SIDA);
    for await (const sida of farsk ? fraga.using(CacheNever()) : fraga) {
      for (const r of sida as Rad[]) ut.push(this.tillArendepunkt(r, sammantradeId));
    }
    return ut.sort((a, b) => a.punkt - b.punkt);
  }

  private handlingSelect(bibliotek: Bibliotek): string[] {
    const gemensamma = ['Id', 'FileRef', 'FileLeafRef', 'Modified', H.Rubrik, `${H.Sammantrade}Id`, H.Arendepunkt, H.Dokumenttyp, H.OslHanvisning];
    return bibliotek === 'Handlingar' ? [...gemensamma, H.Klassificering, H.Publicerad, H.PubliceradDatum] : gemensamma;
  }

  private tillHandling(bibliotek: Bibliotek, r: Rad): IHandling {
    // The Sekretess library has no classification column: everything in it is Sekretess.
    const klassificering = (bibliotek === 'Sekretess' ? 'Sekretess' : String(r[H.Klassificering] ?? 'Offentlig')) as Klassificering;
    const publicerad = bibliotek === 'Handlingar' && r[H.Publicerad] === true;
    const punkt = typeof r[H.Arendepunkt] === 'number' ? r[H.Arendepunkt] as number : undefined;
    return {
      id: r.Id,
      bibliotek,
      sammantradeId: Number(r[`${H.Sammantrade}Id`]),
      punkt,
      rubrik: text(r[H.Rubrik]) ?? String(r.FileLeafRef ?? ''),
      filnamn: String(r.FileLeafRef ?? ''),
      filUrl: String(r.FileRef ?? ''),
      dokumenttyp: String(r[H.Dokumenttyp] ?? 'Handling') as Dokumenttyp,
      klassificering,
      oslHanvisning: text(r[H.OslHanvisning]),
      publicerad,
      publiceradDatum: text(r[H.PubliceradDatum]),
      andrad: String(r.Modified ?? ''),
      etag: r['odata.etag'],
      // Without the agenda item's decision at hand; callers that have it derive it again.
      publiceringslage: publiceringslage({ klassificering, beslutFattat: false, publicerad })
    };
  }

  private async hamtaHandlingar(bibliotek: Bibliotek, sammantradeId: number): Promise<IHandling[]> {
    const url = bibliotek === 'Sekretess' ? SekretessBibliotek.url : HandlingarBibliotek.url;
    const ut: IHandling[] = [];
    const fraga = this.lista(url).items.select(...this.handlingSelect(bibliotek)).filter(`${H.Sammantrade}Id eq ${sammantradeId}`).top(SIDA);
    for await (const sida of fraga) {
      for (const r of sida as Rad[]) {
        if (typeof r.FileRef === 'string') ut.push(this.tillHandling(bibliotek, r));
      }
    }
    return ut;
  }

  /** One document as SharePoint holds it now: always asked of SharePoint itself, since writes follow it. */
  private async hamtaHandling(bibliotek: Bibliotek, id: number, dagordning?: readonly IArendepunkt[]): Promise<IHandling> {
    const url = bibliotek === 'Sekretess' ? SekretessBibliotek.url : HandlingarBibliotek.url;
    const h = this.tillHandling(bibliotek, await this.lista(url).items.getById(id).select(...this.handlingSelect(bibliotek)).using(CacheNever())<Rad>());
    const beslutFattat = h.punkt !== undefined && (dagordning ?? []).some((p) => p.punkt === h.punkt && p.beslutsdatum !== undefined);
    return { ...h, publiceringslage: publiceringslage({ klassificering: h.klassificering, beslutFattat, publicerad: h.publicerad }) };
  }

  /**
   * Publishes one document after checking the rules against the item as stored and the decision in
   * `dagordning`. A refusal is DataFel 'ogiltig' carrying the document as it stands.
   *
   * The flag first (with the ETag read, so a colleague's change meanwhile is a conflict), then the
   * item permissions, so a document is never open without the flag. If opening fails the flag is set
   * back; should that fail as well, the document is flagged but closed, which the public site does
   * not show (SharePoint hides it from the public account). Already flagged: opened again, which
   * mends a publication that was interrupted.
   */
  private async publiceraMed(handling: IHandling, dagordning: readonly IArendepunkt[]): Promise<IHandling> {
    const fore = await this.hamtaHandling(handling.bibliotek, handling.id, dagordning);
    const beslutFattat = fore.punkt !== undefined && dagordning.some((p) => p.punkt === fore.punkt && p.beslutsdatum !== undefined);
    if (fore.bibliotek !== 'Handlingar' || !kanPubliceras({ klassificering: fore.klassificering, beslutFattat, publicerad: fore.publicerad })) {
      throw new DataFel('ogiltig', undefined, fore);
    }
    const objekt = this.lista(HandlingarBibliotek.url).items.getById(fore.id);
    let etag = fore.etag ?? '*';
    if (!fore.publicerad) {
      const svar = await objekt.update({ [H.Publicerad]: true, [H.PubliceradDatum]: new Date().toISOString() }, etag) as { etag?: string };
      etag = svar.etag ?? '*';
    }
    try {
      await this.publik.oppnaForPublik(objekt);
    } catch (fel) {
      // Not open means not published: the flag must not say otherwise.
      await objekt.update({ [H.Publicerad]: false, [H.PubliceradDatum]: null }, etag)
        .catch(() => objekt.update({ [H.Publicerad]: false, [H.PubliceradDatum]: null }))
        .catch(() => undefined);
      throw fel;
    }
    return this.hamtaHandling('Handlingar', fore.id, dagordning);
  }
}
