/**
 * Rows of the tablet register as the services read them: which fields to ask for and how a row
 * becomes an ISurfplatta, ILan or IIncident, and the reads themselves. Shared by the register, the
 * borrower's service and the incident, mandate and anonymisation services, so a loan reads the same
 * everywhere.
 */
import { CacheNever } from '@pnp/queryable';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { IList } from '@pnp/sp/lists';
import { Incidenttyp, INCIDENTTYPER, KOSTNADSANSVAR, Kostnadsansvar, lasChecklista, stegKvar } from '../../domain/incident';
import { arEnhetsstatus, Enhetsstatus, LANSTATUS, Lanstatus } from '../../domain/surfplatta';
import { HANDELSESTATUSAR, HandelseFalt, LanFalt, SurfplattaFalt } from '../../schema/surfplattor';
import { tolkaDataFel } from '../fel';
import { personUrval, tillPerson } from '../personer';
import { franSpDatum } from '../spDatum';
import { IIncident, ILan, ISurfplatta } from './typer';

export type Rad = Record<string, unknown>;

const S = SurfplattaFalt;
const L = LanFalt;
const H = HandelseFalt;

/** Rows per request: below the list view threshold, so paging never trips it. */
export const SIDA = 500;

export const SURFPLATTA_URVAL: readonly string[] = ['Id', S.Stoldmarkning, S.Serienummer, S.Modell, S.SimAbonnemang, S.IntuneId, S.Status];

export const LAN_URVAL: readonly string[] = [
  'Id', L.Rubrik, `${L.Surfplatta}/Id`, `${L.Surfplatta}/Title`, ...personUrval(L.Lantagare), L.Status, L.MandatSlut, L.Utlamnad,
  L.Aterlamnad, L.RiktlinjeVersion, L.KvitteradAv, L.KvitteradTid, L.KvittensUrl, L.AterKvittensUrl, L.SkickVidRetur, L.Anonymiserad
];
export const LAN_EXPAND: readonly string[] = [L.Surfplatta, L.Lantagare];

/**
 * HasUniqueRoleAssignments says whether kommunservice has locked the row from its reporter (at the
 * first step); SharePoint answers it only when it is asked for by name.
 */
export const INCIDENT_URVAL: readonly string[] = [
  'Id', H.Rubrik, `${H.Surfplatta}/Id`, `${H.Surfplatta}/Title`, `${H.Lan}/Id`, H.Typ, H.Beskrivning, H.Polisanmalan, H.Checklista,
  H.Kostnadsansvar, H.Status, H.Rapporterad, 'Created', 'HasUniqueRoleAssignments', ...personUrval('Author')
];
export const INCIDENT_EXPAND: readonly string[] = [H.Surfplatta, H.Lan, 'Author'];

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const valfri = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const etag = (r: Rad): string => String(r['odata.etag'] ?? '*');

/** A lookup column expanded to Id and Title. */
export function uppslag(v: unknown): { id: number; titel: string } | undefined {
  const u = v as { Id?: unknown; Title?: unknown } | null | undefined;
  return u && typeof u.Id === 'number' ? { id: u.Id, titel: String(u.Title ?? '') } : undefined;
}

function sant(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || (typeof v === 'string' && v.toLowerCase() === 'true');
}

export function tillSurfplatta(r: Rad, aktivtLan?: ILan): ISurfplatta {
  const status = r[S.Status];
  return {
    id: Number(r.Id),
    stoldmarkning: text(r[S.Stoldmarkning]),
    serienummer: text(r[S.Serienummer]),
    modell: text(r[S.Modell]),
    simAbonnemang: text(r[S.SimAbonnemang]),
    intuneId: text(r[S.IntuneId]),
    // A status typed by hand outside the choices: treated as being checked, so it is not lent out on a guess.
    status: arEnhetsstatus(status) ? status : ('På service' satisfies Enhetsstatus),
    ...(aktivtLan ? { aktivtLan } : {}),
    etag: etag(r)
  };
}

/**
 * The loan's status column; a row without one (written before the column existed) is judged from
 * its dates.
 */
function lanstatus(r: Rad): Lanstatus {
  const v = r[L.Status];
  if ((LANSTATUS as readonly unknown[]).includes(v)) return v as Lanstatus;
  if (franSpDatum(r[L.Aterlamnad])) return 'Återlämnad';
  if (franSpDatum(r[L.Utlamnad])) return 'Utlånad';
  return 'Väntar på kvittens';
}

export function tillLan(r: Rad): ILan {
  const enhet = uppslag(r[L.Surfplatta]);
  const lantagare = tillPerson(r[L.Lantagare]);
  const utlamnad = franSpDatum(r[L.Utlamnad]);
  const aterlamnad = franSpDatum(r[L.Aterlamnad]);
  const kvitteradAv = valfri(r[L.KvitteradAv]);
  const kvitteradTid = valfri(r[L.KvitteradTid]);
  const kvittensUrl = valfri(r[L.KvittensUrl]);
  const aterKvittensUrl = valfri(r[L.AterKvittensUrl]);
  const skick = valfri(r[L.SkickVidRetur]);
  return {
    id: Number(r.Id),
    enhetId: enhet?.id ?? Number(r[`${L.Surfplatta}Id`] ?? 0),
    stoldmarkning: enhet?.titel ?? '',
    ...(lantagare ? { lantagare } : {}),
    status: lanstatus(r),
    mandatSlut: franSpDatum(r[L.MandatSlut]) ?? '',
    ...(utlamnad ? { utlamnad } : {}),
    ...(aterlamnad ? { aterlamnad } : {}),
    riktlinjeVersion: text(r[L.RiktlinjeVersion]),
    ...(kvitteradAv ? { kvitteradAv } : {}),
    ...(kvitteradTid ? { kvitteradTid } : {}),
    ...(kvittensUrl ? { kvittensUrl } : {}),
    ...(aterKvittensUrl ? { aterKvittensUrl } : {}),
    ...(skick ? { skickVidRetur: skick } : {}),
    anonymiserad: sant(r[L.Anonymiserad]),
    etag: etag(r)
  };
}

type Handelsestatus = (typeof HANDELSESTATUSAR)[number];
const OPPEN: Handelsestatus = 'Öppen';
const STANGD: Handelsestatus = 'Stängd';
const EJ_BEDOMT: Kostnadsansvar = 'Ej bedömt';

/** An incident kommunservice has not touched: no step done, no cost decision, open. */
export function obehandlad(typ: Incidenttyp): Pick<IIncident, 'gjorda' | 'olasbaraSteg' | 'kvar' | 'kostnadsansvar' | 'status'> {
  return { gjorda: [], olasbaraSteg: 0, kvar: stegKvar(typ, []), kostnadsansvar: EJ_BEDOMT, status: OPPEN };
}

/** Whether the row has been locked from its reporter (its own permissions, IncidentTjanst's first step). */
export function arLast(r: Rad): boolean {
  return r.HasUniqueRoleAssignments === true;
}

/**
 * An incident row; `intuneId` comes from the device row (a lookup shows only its title). Until
 * kommunservice's first step locks the row, the reporter may write any of its columns (the list lets
 * people change their own rows), so the checklist, the cost decision and the status of an unlocked
 * row are read as not written: only the reporter could have written them.
 */
export function tillIncident(r: Rad, intuneId?: string): IIncident {
  const enhet = uppslag(r[H.Surfplatta]);
  const lan = uppslag(r[H.Lan]);
  const v = r[H.Typ];
  // A type typed by hand outside the choices gets the stricter checklist of theft and loss.
  const typ: Incidenttyp = (INCIDENTTYPER as readonly unknown[]).includes(v) ? (v as Incidenttyp) : 'Förlust';
  const { gjorda, olasbara } = lasChecklista(r[H.Checklista]);
  const k = r[H.Kostnadsansvar];
  const kostnadsansvar: Kostnadsansvar = (KOSTNADSANSVAR as readonly unknown[]).includes(k) ? (k as Kostnadsansvar) : EJ_BEDOMT;
  // Anything but a clear Stängd stays open: an incident is never closed on a guess.
  const status = r[H.Status] === STANGD ? STANGD : OPPEN;
  const behandling = arLast(r) ? { gjorda, olasbaraSteg: olasbara, kvar: stegKvar(typ, gjorda), kostnadsansvar, status } : obehandlad(typ);
  const rapportor = tillPerson(r.Author);
  const polisanmalan = valfri(r[H.Polisanmalan]);
  return {
    id: Number(r.Id),
    rubrik: text(r[H.Rubrik]),
    enhetId: enhet?.id ?? Number(r[`${H.Surfplatta}Id`] ?? 0),
    ...(lan ? { lanId: lan.id } : typeof r[`${H.Lan}Id`] === 'number' ? { lanId: r[`${H.Lan}Id`] as number } : {}),
    stoldmarkning: enhet?.titel ?? '',
    typ,
    beskrivning: text(r[H.Beskrivning]),
    ...(polisanmalan ? { polisanmalan } : {}),
    ...behandling,
    rapporterad: valfri(r[H.Rapporterad]) ?? text(r.Created),
    ...(rapportor ? { rapportor } : {}),
    ...(intuneId ? { intuneId } : {}),
    etag: etag(r)
  };
}

/** A register list by its URL under the site. */
export function lista(sp: SPFI, webb: string, url: string): IList {
  return sp.web.getList(`${webb.replace(/\/$/, '')}/${url}`);
}

/** Every row of the list, a page of SIDA at a time; `filter` as OData, none when empty. */
export async function lasAlla(l: IList, urval: readonly string[], expand: readonly string[], filter?: string): Promise<Rad[]> {
  const rader: Rad[] = [];
  let fraga = l.items.select(...urval).expand(...expand).top(SIDA);
  if (filter) fraga = fraga.filter(filter);
  for await (const sida of fraga) {
    rader.push(...(sida as Rad[]));
  }
  return rader;
}

/** One loan as stored now (never from the cache: a step is judged on it). Failures are DataFel. */
export async function lasLan(lanLista: IList, id: number): Promise<ILan> {
  try {
    return tillLan(await lanLista.items.getById(id).select(...LAN_URVAL).expand(...LAN_EXPAND).using(CacheNever())<Rad>());
  } catch (fel) {
    throw tolkaDataFel(fel);
  }
}

/** One device as stored now, with its ETag (never from the cache). Failures are DataFel. */
export async function lasSurfplatta(plattor: IList, id: number): Promise<ISurfplatta> {
  try {
    return tillSurfplatta(await plattor.items.getById(id).select(...SURFPLATTA_URVAL).using(CacheNever())<Rad>());
  } catch (fel) {
    throw tolkaDataFel(fel);
  }
}
