/**
 * Anonymisation of returned loans (issue 6 item 6, docs/surfplattor.md): the register keeps the
 * borrower's name for `ar` years after the return (STANDARD_GALLRINGSAR), then the personal data
 * must go — from the rows, their version history and the signed receipts.
 *
 * SharePoint keeps every earlier version of an edited row, so clearing the fields would leave the
 * name in the history. Instead each loan gets a replacement row without personal data (same device,
 * dates and status; Anonymiserad), and the original row is deleted permanently (not to the recycle
 * bin) with its receipt rows, whose PDFs are their attachments and go with them. The loan's
 * incidents are replaced the same way: type, dates, status, cost decision and the checklist steps
 * are kept, names, addresses, notes, the police report number and the description are not; the
 * replacement is locked as kommunservice's first step locks a report, so its checklist counts.
 *
 * Safe to run again: a replacement names its original (`lån <id>`), so a run that stopped half-way
 * reuses what it had made. Runs as an account with Full Control on the lists (checked first) and
 * prints ids and theft markings only, never a name.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security/list';
import { PermissionKind } from '@pnp/sp/security';
import { addYears, format, parseISO } from 'date-fns';
import { IsoDate, isIsoDate } from '../../domain/dates';
import { IStegUtfort, skrivChecklista } from '../../domain/incident';
import { skaAnonymiseras, STANDARD_GALLRINGSAR } from '../../domain/surfplatta';
import { HandelseFalt, HandelserLista, KvittenserLista, KvittensFalt, LanFalt, LanLista } from '../../schema/surfplattor';
import { DataFel, tolkaDataFel } from '../fel';
import { skapaRad } from '../skapa';
import { franSpDatum, tillSpDatum } from '../spDatum';
import { lasForRapportoren } from './IncidentTjanst';
import { INCIDENT_EXPAND, INCIDENT_URVAL, LAN_EXPAND, LAN_URVAL, lasAlla, lista, Rad, tillIncident, tillLan } from './lasa';
import { IIncident, ILan } from './typer';

const L = LanFalt;
const H = HandelseFalt;
const K = KvittensFalt;

/** What stands where a name stood. */
export const ANONYMISERAD = 'Anonymiserad';
/** The description of a replaced incident: the original may name people and places. */
export const NEUTRAL_BESKRIVNING = 'Beskrivningen är borttagen vid anonymisering.';

/** The replacement's title: the device and the original's id (not personal), which makes a rerun find it. */
export function ersattningsrubrik(lan: Pick<ILan, 'id' | 'stoldmarkning'>): string {
  return `${lan.stoldmarkning} – lån ${lan.id} (anonymiserat)`;
}

export interface IAnonymiseringsAlternativ {
  idag: IsoDate;
  /** Years after the return; STANDARD_GALLRINGSAR (2) unless the kommun decided otherwise. */
  ar?: number;
  /** Report what would be done, change nothing. */
  torrkorning?: boolean;
}

export interface IAnonymiseratLan {
  lanId: number;
  stoldmarkning: string;
  aterlamnad?: IsoDate;
  /** The replacement row (undefined in a dry run or when it failed before it was made). */
  nyttLanId?: number;
  kvittenser: number;
  incidenter: number;
  /** Why this loan could not be finished; the next run takes it up again. */
  fel?: string;
}

export interface IAnonymiseringsRapport {
  torrkorning: boolean;
  ar: number;
  /** Loans returned before this day are anonymised. */
  grans: IsoDate;
  lan: IAnonymiseratLan[];
}

/**
 * Refuses (DataFel 'behorighet') unless the account has Full Control on every list the job
 * changes: it deletes rows of others and must be able to see every row (the lists show a borrower
 * only their own). A list the account cannot see at all answers 404, which is the same refusal.
 */
export async function kontrolleraBehorighet(sp: SPFI, webb: string): Promise<void> {
  for (const def of [LanLista, KvittenserLista, HandelserLista]) {
    let far: boolean;
    try {
      const l = lista(sp, webb, def.url);
      const behorighet = await l.getCurrentUserEffectivePermissions();
      far = [PermissionKind.ManagePermissions, PermissionKind.DeleteListItems, PermissionKind.AddListItems]
        .every((p) => l.hasPermissions(behorighet, p));
    } catch (e) {
      const fel = tolkaDataFel(e);
      if (fel.orsak !== 'saknas' && fel.orsak !== 'behorighet') throw fel;
      far = false;
    }
    if (!far) throw new DataFel('behorighet', 403, def.title);
  }
}

/** The incidents of a loan: linked to it, or (older rows without the link) on its device during the loan. */
function horTillLanet(i: IIncident, lan: ILan): boolean {
  if (i.lanId !== undefined) return i.lanId === lan.id;
  if (i.enhetId !== lan.enhetId || !lan.utlamnad) return false;
  const dag = franSpDatum(i.rapporterad);
  return !!dag && dag >= lan.utlamnad && (!lan.aterlamnad || dag <= lan.aterlamnad);
}

function anonymaSteg(gjorda: readonly IStegUtfort[]): IStegUtfort[] {
  // What was done and when stays; who did it and their notes go (a note may name the borrower). The
  // operator's SIM reference and Intune's action name no one, and a SIM step without its reference would not count.
  return gjorda.map((g) => ({
    steg: g.steg, av: ANONYMISERAD, epost: '', tid: g.tid, utforande: g.utforande,
    ...(g.referens && (g.steg === 'SparraSim' || g.utforande === 'Graph') ? { referens: g.referens } : {}),
    ...(g.kostnadsansvar ? { kostnadsansvar: g.kostnadsansvar } : {})
  }));
}

function ersattningsLan(lan: ILan): Record<string, unknown> {
  const datum = (d: string | undefined): string | undefined => (d && isIsoDate(d) ? tillSpDatum(d) : undefined);
  const varden: Record<string, unknown> = {
    [L.Rubrik]: ersattningsrubrik(lan),
    [`${L.Surfplatta}Id`]: lan.enhetId,
    [L.Status]: lan.status,
    [L.MandatSlut]: datum(lan.mandatSlut),
    [L.Utlamnad]: datum(lan.utlamnad),
    [L.Aterlamnad]: datum(lan.aterlamnad),
    [L.RiktlinjeVersion]: lan.riktlinjeVersion,
    [L.KvitteradAv]: ANONYMISERAD,
    [L.KvitteradTid]: lan.kvitteradTid,
    [L.Anonymiserad]: true
  };
  return Object.fromEntries(Object.entries(varden).filter(([, v]) => v !== undefined && v !== ''));
}

function ersattningsIncident(i: IIncident, nyttLanId: number): Record<string, unknown> {
  return {
    [H.Rubrik]: `${i.typ}: ${i.stoldmarkning}`,
    [`${H.Surfplatta}Id`]: i.enhetId,
    [`${H.Lan}Id`]: nyttLanId,
    [H.Typ]: i.typ,
    [H.Beskrivning]: NEUTRAL_BESKRIVNING,
    [H.Checklista]: skrivChecklista(anonymaSteg(i.gjorda)),
    [H.Kostnadsansvar]: i.kostnadsansvar,
    [H.Status]: i.status,
    [H.Rapporterad]: i.rapporterad
  };
}

/**
 * Anonymises the loans returned more than `ar` years before `idag`, or in a dry run says which it
 * would. Each loan is done on its own: one that fails is reported and left for the next run.
 */
export async function anonymisera(sp: SPFI, webb: string, alternativ: IAnonymiseringsAlternativ): Promise<IAnonymiseringsRapport> {
  const ar = alternativ.ar ?? STANDARD_GALLRINGSAR;
  if (!Number.isInteger(ar) || ar < 0) throw new DataFel('ogiltig', undefined, ar);
  const torrkorning = alternativ.torrkorning === true;
  const grans = format(addYears(parseISO(alternativ.idag), -ar), 'yyyy-MM-dd');
  await kontrolleraBehorighet(sp, webb);
  const lanLista = lista(sp, webb, LanLista.url);
  const handelser = lista(sp, webb, HandelserLista.url);
  const kvittenser = lista(sp, webb, KvittenserLista.url);
  let rader: Rad[];
  try {
    // Aterlamnad is indexed and narrows the list first, within the list view threshold; `le`, not `lt`:
    // the domain rule (skaAnonymiseras) decides the boundary day exactly, leap days included.
    rader = await lasAlla(lanLista, LAN_URVAL, LAN_EXPAND, `${L.Aterlamnad} le datetime'${tillSpDatum(grans)}'`);
  } catch (e) {
    throw tolkaDataFel(e);
  }
  const alla = rader.map(tillLan);
  const ersattningar = new Map(alla.filter((l) => l.anonymiserad).map((l) => [rubrikAv(rader, l.id), l]));
  const rapport: IAnonymiseringsRapport = { torrkorning, ar, grans, lan: [] };

  for (const lan of skaAnonymiseras(alla, alternativ.idag, ar)) {
    const post: IAnonymiseratLan = {
      lanId: lan.id, stoldmarkning: lan.stoldmarkning, ...(lan.aterlamnad ? { aterlamnad: lan.aterlamnad } : {}), kvittenser: 0, incidenter: 0
    };
    rapport.lan.push(post);
    try {
      const [kvittensRader, enhetensIncidenter] = await Promise.all([
        lasAlla(kvittenser, ['Id'], [], `${K.Lan}Id eq ${lan.id}`),
        lasAlla(handelser, INCIDENT_URVAL, INCIDENT_EXPAND, `${H.Surfplatta}Id eq ${lan.enhetId}`)
      ]);
      const incidenter = enhetensIncidenter.map((r) => tillIncident(r)).filter((i) => horTillLanet(i, lan));
      post.kvittenser = kvittensRader.length;
      post.incidenter = incidenter.length;
      if (torrkorning) continue;

      let nytt = ersattningar.get(ersattningsrubrik(lan));
      if (!nytt) {
        const skapad = await skapaRad(lanLista, ersattningsLan(lan)) as Rad;
        nytt = { ...lan, id: Number(skapad.Id ?? skapad.ID) };
      }
      post.nyttLanId = nytt.id;
      // Replacements made by a run that stopped half-way are on the new loan already.
      const redan = enhetensIncidenter.map((r) => tillIncident(r)).filter((i) => i.lanId === nytt!.id);
      for (const incident of incidenter) {
        const gjord = redan.find((r) => r.typ === incident.typ && r.rapporterad === incident.rapporterad);
        const ersattning = gjord?.id ?? Number(((await skapaRad(handelser, ersattningsIncident(incident, nytt.id))) as Rad).Id);
        // Locked as kommunservice's first step locks a report: an unlocked row's checklist, cost
        // decision and status are not believed (lasa.ts), and these are the register's record.
        await lasForRapportoren(sp, handelser.items.getById(ersattning), undefined);
        // delete() removes for good; recycle() would keep the row, its versions and author in the recycle bin.
        await handelser.items.getById(incident.id).delete();
      }
      for (const k of kvittensRader) {
        await kvittenser.items.getById(Number(k.Id)).delete();
      }
      await lanLista.items.getById(lan.id).delete();
    } catch (e) {
      post.fel = tolkaDataFel(e).orsak;
    }
  }
  return rapport;
}

function rubrikAv(rader: readonly Rad[], id: number): string {
  const rad = rader.find((r) => Number(r.Id) === id);
  return typeof rad?.[L.Rubrik] === 'string' ? (rad[L.Rubrik] as string) : '';
}

/** The job's report for its log, in Swedish: ids and theft markings, no names. */
export function sammanfattning(r: IAnonymiseringsRapport): string {
  const rader = [
    `${r.torrkorning ? 'Provkörning: inget ändras. ' : ''}Lån återlämnade före ${r.grans} (${r.ar} år) anonymiseras: ${r.lan.length} st.`
  ];
  for (const l of r.lan) {
    const vad = `${l.kvittenser} kvittens${l.kvittenser === 1 ? '' : 'er'}, ${l.incidenter} händelse${l.incidenter === 1 ? '' : 'r'}`;
    const hur = l.fel
      ? `MISSLYCKADES (${l.fel}), tas upp igen vid nästa körning`
      : r.torrkorning ? `skulle ersättas; ${vad} skulle tas bort` : `ersatt av lån ${l.nyttLanId}; ${vad} borttagna eller ersatta`;
    rader.push(`  Lån ${l.lanId} (${l.stoldmarkning}, återlämnat ${l.aterlamnad ?? '?'}): ${hur}.`);
  }
  if (r.lan.length === 0) rader.push('  Inget att göra.');
  return rader.join('\n');
}
