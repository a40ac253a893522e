/**
 * What the register and the borrower's service share: the lists, item sharing with one person,
 * and receipt rows with their PDF as the row's attachment.
 *
 * A borrower has no rights on Surfplattor or Lån; kommunservice shares their loan and device item
 * with them (own permissions copied from the list, plus the borrower's Read), which gives them
 * limited access to the lists and those items only. Kvittenser lets everyone but kommunservice see
 * only the rows they added themselves (ReadSecurity), so a row kommunservice adds is never the
 * borrower's to read, whatever its permissions: what the borrower must read goes on the loan.
 */
import { CacheNever } from '@pnp/queryable';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/attachments';
import '@pnp/sp/security';
import { IItem } from '@pnp/sp/items';
import { IList } from '@pnp/sp/lists';
import { Lanstatus, Signeringssatt } from '../../domain/surfplatta';
import { KvittenserLista, KvittensFalt, KVITTENSTYPER, LanLista, SurfplattorLista } from '../../schema/surfplattor';
import { ROLLTYP } from '../../schema/behorigheter';
import { svarsstatus } from '../fel';
import { personUrval, tillPerson } from '../personer';
import { skapaEnGang, skapaRad } from '../skapa';
import { Rad, SIDA, uppslag } from './lasa';

const K = KvittensFalt;
const VANTAR: Lanstatus = 'Väntar på kvittens';
const UTLAMNING: Kvittenstyp = 'Utlämning';

export type Kvittenstyp = (typeof KVITTENSTYPER)[number];

export class Registerlistor {
  private lasId: Promise<number> | undefined;

  public constructor(private readonly sp: SPFI, private readonly webb: string) {}

  public get plattor(): IList {
    return this.sp.web.getList(`${this.webb}/${SurfplattorLista.url}`);
  }

  public get lan(): IList {
    return this.sp.web.getList(`${this.webb}/${LanLista.url}`);
  }

  public get kvittenser(): IList {
    return this.sp.web.getList(`${this.webb}/${KvittenserLista.url}`);
  }

  /** Gives one person Read on one item, keeping everyone else's permissions. Doing it twice changes nothing. */
  public async dela(objekt: IItem, anvandarId: number): Promise<void> {
    const las = await this.lasRoll();
    await objekt.breakRoleInheritance(true, false);
    await objekt.roleAssignments.add(anvandarId, las);
  }

  /** The item inherits the list's permissions again, which give a borrower nothing. */
  public async slutaDela(objekt: IItem): Promise<void> {
    await objekt.resetRoleInheritance();
  }

  private lasRoll(): Promise<number> {
    this.lasId ??= this.sp.web.roleDefinitions.getByType(ROLLTYP['Läsa'] as never).select('Id')<{ Id: number }>().then((r) => r.Id);
    this.lasId.catch(() => { this.lasId = undefined; });
    return this.lasId;
  }
}

/** The attachment name of a loan's receipt, e.g. `kvittens-utlamning-12.pdf`. */
export function kvittensFilnamn(typ: Kvittenstyp, lanId: number): string {
  return `kvittens-${typ === 'Utlämning' ? 'utlamning' : 'aterlamning'}-${lanId}.pdf`;
}

/**
 * Adds a receipt row and its PDF as the row's attachment. SharePoint sets the row's author and time:
 * who signed and when. When the PDF cannot be added the row is deleted again, so no receipt without
 * its PDF remains. Answers the row id and the attachment's server-relative URL.
 */
export async function laggTillKvittens(lista: IList, rad: {
  rubrik: string; lanId: number; typ: Kvittenstyp; riktlinjeVersion: string; satt: Signeringssatt; skrivetNamn?: string;
}, pdf: Uint8Array): Promise<{ id: number; url: string }> {
  const ny = await skapaRad(lista, {
    [K.Rubrik]: rad.rubrik,
    [`${K.Lan}Id`]: rad.lanId,
    [K.Typ]: rad.typ,
    [K.RiktlinjeVersion]: rad.riktlinjeVersion,
    [K.Signeringssatt]: rad.satt,
    [K.SkrivetNamn]: rad.satt === 'Skrivet namn' ? (rad.skrivetNamn ?? '').trim() : null
  }) as { Id: number };
  try {
    const url = await laggTillBilaga(lista.items.getById(ny.Id), kvittensFilnamn(rad.typ, rad.lanId), pdf);
    return { id: ny.Id, url };
  } catch (fel) {
    // Deleted, not recycled: a half-made receipt with personal data has no use in the recycle bin.
    await lista.items.getById(ny.Id).delete().catch(() => undefined);
    throw fel;
  }
}

/**
 * Adds a PDF as an item's attachment and answers its server-relative URL. The name is the item's
 * own (one receipt of each kind per loan), so an attachment of that name found after a lost answer
 * is this one (skapaEnGang).
 */
export async function laggTillBilaga(objekt: IItem, namn: string, pdf: Uint8Array): Promise<string> {
  // A copy in an ArrayBuffer of its own: a Uint8Array may be a view into a larger buffer.
  const innehall = pdf.slice().buffer as ArrayBuffer;
  const lasUrl = async (): Promise<string> =>
    (await objekt.attachmentFiles.getByName(namn).select('ServerRelativeUrl').using(CacheNever())<{ ServerRelativeUrl: string }>()).ServerRelativeUrl;
  return skapaEnGang({
    skicka: async () => {
      const { data } = await objekt.attachmentFiles.add(namn, innehall);
      const url = (data as unknown as { ServerRelativeUrl?: unknown }).ServerRelativeUrl;
      return typeof url === 'string' && url ? url : lasUrl();
    },
    leta: () => lasUrl().catch((fel: unknown) => {
      if (svarsstatus(fel) === 404) return undefined;
      throw fel;
    })
  });
}

/** A borrower's signed check-out receipt as the loan shows it: who and when are the row's Author and Created. */
export interface IUtlamningskvittens {
  av: string;
  tid: string;
  url: string;
  version: string;
}

/** Loans per request: the filter's `or`s stay short. */
const LAN_PER_FRAGA = 20;

/**
 * The borrowers' own check-out receipts of these loans, per loan id: a Kvittenser row of type
 * Utlämning that the loan's borrower added themself (SharePoint's Author, not a field anyone typed)
 * with its PDF; the newest when they signed more than once. Rows by anyone else do not count. The
 * filter is on the indexed lookup, so it stays within the list view threshold. `utanCache`: a read
 * that decides a write asks SharePoint itself.
 */
export async function lasUtlamningskvittenser(
  lista: IList, lan: ReadonlyArray<{ id: number; lantagareId?: number }>, utanCache = false
): Promise<Map<number, IUtlamningskvittens>> {
  const svar = new Map<number, IUtlamningskvittens>();
  const lantagare = new Map(lan.filter((l) => l.lantagareId !== undefined).map((l) => [l.id, l.lantagareId!]));
  const ids = [...lantagare.keys()];
  for (let i = 0; i < ids.length; i += LAN_PER_FRAGA) {
    const del = ids.slice(i, i + LAN_PER_FRAGA);
    let fraga = lista.items
      .select('Id', 'Created', K.Typ, K.RiktlinjeVersion, `${K.Lan}/Id`, ...personUrval('Author'), 'AttachmentFiles')
      .expand('Author', K.Lan, 'AttachmentFiles')
      .filter(del.map((id) => `${K.Lan}Id eq ${id}`).join(' or ')).orderBy('Id', false).top(SIDA);
    if (utanCache) fraga = fraga.using(CacheNever());
    for (const r of await fraga<Rad[]>()) {
      const lanId = uppslag(r[K.Lan])?.id;
      if (lanId === undefined || svar.has(lanId) || r[K.Typ] !== UTLAMNING) continue;
      const av = tillPerson(r.Author);
      const bilagor = Array.isArray(r.AttachmentFiles) ? (r.AttachmentFiles as Array<{ FileName?: unknown; ServerRelativeUrl?: unknown }>) : [];
      const pdf = bilagor.find((b) => typeof b.ServerRelativeUrl === 'string' && /\.pdf$/i.test(String(b.FileName ?? b.ServerRelativeUrl)));
      if (av && av.id === lantagare.get(lanId) && typeof r.Created === 'string' && pdf) {
        svar.set(lanId, { av: av.namn, tid: r.Created, url: String(pdf.ServerRelativeUrl), version: String(r[K.RiktlinjeVersion] ?? '') });
      }
    }
  }
  return svar;
}

/**
 * A loan still waiting for its receipt shows the borrower's signature once it is there, so
 * kommunservice sees it can hand the device out and the borrower is not asked to sign again.
 * Handed-out loans carry it in their own fields already.
 */
export async function medKvittenser<T extends { id: number; status: string; lantagare?: { id: number }; kvitteradAv?: string }>(
  lista: IList, lan: T[]
): Promise<T[]> {
  const vantar = lan.filter((l) => l.status === VANTAR && !l.kvitteradAv);
  if (vantar.length === 0) return lan;
  const kvittenser = await lasUtlamningskvittenser(lista, vantar.map((l) => ({ id: l.id, lantagareId: l.lantagare?.id })));
  return lan.map((l) => {
    const k = kvittenser.get(l.id);
    return k && l.status === VANTAR ? { ...l, kvitteradAv: k.av, kvitteradTid: k.tid, kvittensUrl: k.url } : l;
  });
}
