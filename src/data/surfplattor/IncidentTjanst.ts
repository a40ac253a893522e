/**
 * Damage, theft and loss of a lent tablet (seed 004 §4, docs/surfplattor.md): the borrower reports
 * (`rapporteraIncident`, `hamtaEgnaIncidenter`, used by the borrower's service), kommunservice works
 * through the checklist (`IncidentTjanst`). The rules are domain/incident.ts and the device's state
 * machine domain/surfplatta.ts; this file reads and writes the lists and checks the rules again.
 *
 * Every step records who (the signed-in person's Microsoft 365 name and address) and when (this
 * service's clock at the moment of writing). The checklist is written with If-Match, so two people
 * working on the same incident never overwrite each other: on 412 the row is read again and the step
 * is applied to what is there now, or refused when someone else did it meanwhile.
 *
 * The list lets the reporter change their own row, so until kommunservice's first step the
 * checklist, cost decision and status are read as not written (lasa.ts); the first step writes them
 * over and locks the row (`tagOver`). Only a report by the loan's own borrower on that loan's device
 * is acted on (`AnmalanStammerInte`), checked before anything is changed or sent to Intune. The
 * device gets the incident's status at the first step only.
 *
 * Intune: the action is sent once, before the checklist write; a 412 retry of the write does not
 * send it again. What remains: when the write fails for good after Intune accepted (the network,
 * three conflicts in a row), the step is not recorded, and doing it again sends the action a second
 * time (the device's action history in Intune shows both).
 */
import { GraphFI, graphPost } from '@pnp/graph';
import { body, CacheNever } from '@pnp/queryable';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security/list';
import '@pnp/sp/security/item';
import '@pnp/sp/site-groups/web';
import { IItem, Item } from '@pnp/sp/items';
import { IList } from '@pnp/sp/lists';
import { PermissionKind } from '@pnp/sp/security';
import {
  anmalanFel, Incidentfel, Incidenttyp, IStegUtfort, kanStangas, Kostnadsansvar, skrivChecklista, Steg, utforSteg as domanUtforSteg, valideraRapport
} from '../../domain/incident';
import { Enhetshandelse, Enhetsstatus, lanSlutarVidIncident, Lanstatus, nastaStatus, Statusfel } from '../../domain/surfplatta';
import { swedishDate } from '../../domain/dates';
import { IPerson } from '../../domain/personer';
import { HANDELSESTATUSAR, HandelseFalt, HandelserLista, LanFalt, LanLista, SurfplattaFalt, SurfplattorLista } from '../../schema/surfplattor';
import { GRUPPNAMN, ROLLTYP } from '../../schema/behorigheter';
import { DataFel, regelfelkod, tolkaDataFel } from '../fel';
import { AktuellPerson } from '../personer';
import { graphSokvag } from '../pnp';
import { skapaRad } from '../skapa';
import { tillSpDatum } from '../spDatum';
import { arLast, INCIDENT_EXPAND, INCIDENT_URVAL, lasAlla, lasLan, lasSurfplatta, lista, obehandlad, Rad, tillIncident } from './lasa';
import { IIncident, IIncidentTjanst, ILan, IStegdetaljer, RegisterFel } from './typer';

const H = HandelseFalt;
const S = SurfplattaFalt;
const L = LanFalt;

type Handelsestatus = (typeof HANDELSESTATUSAR)[number];
const OPPEN: Handelsestatus = 'Öppen';
const STANGD: Handelsestatus = 'Stängd';
const EJ_BEDOMT: Kostnadsansvar = 'Ej bedömt';
const UTLANAD: Lanstatus = 'Utlånad';
const STULEN_ELLER_FORLORAD: Lanstatus = 'Stulen eller förlorad';

/** Why the incident service refused: a rule of the domain, or a manual step that was not confirmed. */
export type IncidentTjanstfel = Incidentfel | Statusfel | 'BekraftelseSaknas';

/** A refusal by the incident or device rules, carrying the rule's code (as JusteringsFel does). */
export class IncidentFel extends DataFel {
  public constructor(
    public readonly kod: IncidentTjanstfel,
    /** For a report: which field is wrong and why. */
    public readonly falt: Partial<Record<'beskrivning' | 'polisanmalan', Incidentfel>> = {}
  ) {
    super('ogiltig', undefined, kod);
    this.name = 'IncidentFel';
  }
}

/** The rule behind a failure, or undefined when the failure was something else. */
export function incidentfelkod(fel: unknown): IncidentTjanstfel | undefined {
  return regelfelkod<IncidentTjanstfel>(fel, 'IncidentFel');
}

/** The device event an incident of this type means for the device. */
const ENHETSHANDELSE: Record<Incidenttyp, { handelse: Enhetshandelse; redan: readonly Enhetsstatus[] }> = {
  // A damaged device goes to kommunservice for assessment and repair.
  Skada: { handelse: 'TillService', redan: ['På service'] },
  // Stolen and lost are both "gone": a device already marked either way is not moved between them.
  Stöld: { handelse: 'Stold', redan: ['Stulen', 'Förlorad'] },
  Förlust: { handelse: 'Forlust', redan: ['Stulen', 'Förlorad'] }
};

/** The steps kommunservice can do through Intune when the device has an Intune id. */
const INTUNE_ATGARD: Partial<Record<Steg, string>> = { Radera: 'wipe', LosenordEnhet: 'resetPasscode' };

function sortera(incidenter: IIncident[]): IIncident[] {
  // Open first, newest first: what still needs doing is on top.
  return incidenter.sort((a, b) => (a.status === b.status ? b.rapporterad.localeCompare(a.rapporterad) : a.status === OPPEN ? -1 : 1));
}

/**
 * The borrower reports damage, theft or loss of the device of one of their loans. A description is
 * always required and, for theft, the police report number (valideraRapport). SharePoint records
 * who reported (the row's Author); the list lets the borrower see only their own reports.
 */
export async function rapporteraIncident(
  sp: SPFI, webb: string, r: { lan: ILan; typ: Incidenttyp; beskrivning: string; polisanmalan?: string }, klocka: () => Date = () => new Date()
): Promise<IIncident> {
  const fel = valideraRapport(r);
  const forsta = fel.beskrivning ?? fel.polisanmalan;
  if (forsta) throw new IncidentFel(forsta, fel);
  const l = lista(sp, webb, HandelserLista.url);
  try {
    // The loan as SharePoint has it, not as the page had it: only its borrower reports on it.
    const [jag, lan] = await Promise.all([new AktuellPerson(sp).hamta(), lasLan(lista(sp, webb, LanLista.url), r.lan.id)]);
    if (lan.lantagare?.id !== jag.id) throw new RegisterFel('InteLantagare');
    // Only a handed-out device can be damaged, stolen or lost while lent (a waiting loan has no device yet).
    if (lan.status !== UTLANAD) throw new RegisterFel('FelLanestatus');
    const polisanmalan = (r.polisanmalan ?? '').trim();
    const ny = await skapaRad(l, {
      // The device's marking only: the title is shown in lists and must not carry a name.
      [H.Rubrik]: `${r.typ}: ${lan.stoldmarkning}`,
      [`${H.Surfplatta}Id`]: lan.enhetId,
      [`${H.Lan}Id`]: lan.id,
      [H.Typ]: r.typ,
      [H.Beskrivning]: r.beskrivning.trim(),
      ...(polisanmalan ? { [H.Polisanmalan]: polisanmalan } : {}),
      [H.Status]: OPPEN,
      [H.Rapporterad]: klocka().toISOString()
    }) as Rad;
    const svar = await l.items.getById(Number(ny.Id ?? ny.ID)).select(...INCIDENT_URVAL).expand(...INCIDENT_EXPAND).using(CacheNever())<Rad>();
    return tillIncident(svar);
  } catch (e) {
    throw tolkaDataFel(e);
  }
}

/**
 * The signed-in person's own reports, newest first. The list shows a borrower only their own rows
 * anyway; the filter by author keeps it so for kommunservice, who see every row, when they borrow
 * a tablet themselves.
 */
export async function hamtaEgnaIncidenter(sp: SPFI, webb: string, jag?: IPerson): Promise<IIncident[]> {
  try {
    const vem = jag ?? await new AktuellPerson(sp).hamta();
    const rader = await lasAlla(lista(sp, webb, HandelserLista.url), INCIDENT_URVAL, INCIDENT_EXPAND);
    return sortera(rader.map((r) => tillIncident(r)).filter((i) => i.rapportor?.id === vem.id));
  } catch (e) {
    throw tolkaDataFel(e);
  }
}

export interface IIncidentAlternativ {
  /** The clock for "when" of each step; the real time unless a test fixes it. */
  klocka?: () => Date;
}

/**
 * Locks an incident row from its reporter: the row gets its own permissions (copied from the list),
 * the ledamöter lose their Bidra on it and the reporter keeps Read. Every part is checked, so a lock
 * that stopped half-way (inheritance broken, the ledamöter still contributing) is finished by the
 * next call; a finished lock is left as it is. The anonymisation job locks its replacements too.
 */
export async function lasForRapportoren(sp: SPFI, rad: IItem, rapportorId: number | undefined): Promise<void> {
  const [{ HasUniqueRoleAssignments: unik }, ledamoter] = await Promise.all([
    // A copy of the item to ask: select() would stay on the caller's item and its later writes.
    Item(rad).select('HasUniqueRoleAssignments').using(CacheNever())<{ HasUniqueRoleAssignments?: boolean }>(),
    sp.web.siteGroups.getByName(GRUPPNAMN.ledamot).select('Id').using(CacheNever())<{ Id: number }>()
  ]);
  if (!unik) await rad.breakRoleInheritance(true, false);
  const tilldelningar = await rad.roleAssignments.expand('RoleDefinitionBindings').using(CacheNever())<ITilldelning[]>();
  // Whatever the group was given on the list (Bidra) goes: the row is kommunservice's now.
  for (const t of tilldelningar.filter((x) => x.PrincipalId === ledamoter.Id)) {
    for (const roll of t.RoleDefinitionBindings ?? []) await rad.roleAssignments.remove(ledamoter.Id, roll.Id);
  }
  if (rapportorId !== undefined && !tilldelningar.some((t) => t.PrincipalId === rapportorId)) {
    const las = await sp.web.roleDefinitions.getByType(ROLLTYP['Läsa'] as never).select('Id').using(CacheNever())<{ Id: number }>();
    await rad.roleAssignments.add(rapportorId, las.Id);
  }
}

/** A role assignment as SharePoint lists it. */
interface ITilldelning {
  PrincipalId: number;
  RoleDefinitionBindings?: Array<{ Id: number }>;
}

/** One incident row as stored now, with what the service judges it on beyond the incident itself. */
interface IRadlasning {
  incident: IIncident;
  /** The row has its own permissions (it may still be half-locked: see `lasKomplett`). */
  last: boolean;
  /** Who wrote the row last (EditorId). */
  redigeradAv?: number;
}

/** What an untouched incident holds: the first step writes it over whatever the reporter put there. */
const OBEHANDLAD_RAD: Rad = { [H.Checklista]: skrivChecklista([]), [H.Kostnadsansvar]: EJ_BEDOMT, [H.Status]: OPPEN };

/**
 * The row as read again, with the device's Intune id (a lookup shows only the device's title): the
 * view offers the next Intune step through Intune only if the incident it gets back still says so.
 */
function medIntuneId(incident: IIncident, intuneId: string | undefined): IIncident {
  return intuneId ? { ...incident, intuneId } : incident;
}

/** Kommunservice: the incidents and their checklist. */
export class IncidentTjanst implements IIncidentTjanst {
  private readonly person: AktuellPerson;
  private readonly klocka: () => Date;

  public constructor(private readonly sp: SPFI, private readonly webb: string, private readonly graph: GraphFI, alternativ: IIncidentAlternativ = {}) {
    this.person = new AktuellPerson(sp);
    this.klocka = alternativ.klocka ?? (() => new Date());
  }

  public async hamtaIncidenter(): Promise<IIncident[]> {
    try {
      const [rader, enheter] = await Promise.all([
        lasAlla(this.handelser, [...INCIDENT_URVAL, 'EditorId'], INCIDENT_EXPAND),
        lasAlla(this.surfplattor, ['Id', S.IntuneId], [])
      ]);
      const intune = new Map(enheter.map((e) => [Number(e.Id), typeof e[S.IntuneId] === 'string' ? (e[S.IntuneId] as string) : '']));
      const incidenter = rader.map((r) => {
        const enhetId = (r[H.Surfplatta] as { Id?: number } | null)?.Id;
        return tillIncident(r, enhetId ? intune.get(enhetId) || undefined : undefined);
      });
      // A row locked all the way cannot be written by its reporter (unless they manage the list too),
      // so only a locked row they wrote last may hold a half-finished lock: asked of those alone.
      const misstankta = rader.filter((r, i) => arLast(r) && r.EditorId !== undefined && r.EditorId === incidenter[i].rapportor?.id);
      const halvlasta = new Set<number>();
      for (const r of misstankta) {
        if (!await this.lasKomplett({ incident: tillIncident(r), last: true })) halvlasta.add(Number(r.Id));
      }
      return sortera(incidenter.map((i) => (halvlasta.has(i.id) ? { ...i, ...obehandlad(i.typ) } : i)));
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  public async utforSteg(incident: IIncident, steg: Steg, detaljer: IStegdetaljer): Promise<IIncident> {
    try {
      await this.kravHandlaggare();
      const lagrad = await this.lasRad(incident.id);
      // Until the lock is whole the reporter could write the row: what stands in it is not theirs to
      // decide, it is taken over below and the step written onto that; after, onto what the person saw.
      const komplett = await this.lasKomplett(lagrad);
      const sparad = komplett ? lagrad.incident : { ...lagrad.incident, ...obehandlad(lagrad.incident.typ) };
      if (sparad.status === STANGD) throw new IncidentFel('RedanStangd');
      // Before anything is changed or sent to Intune: a row naming someone else's loan or device is not acted on.
      await this.kravEgetLan(sparad);
      const jag = await this.person.hamta();
      const enhet = await this.lasEnhet(sparad.enhetId);
      // Intune by default; by hand when asked, for when Graph cannot (no consent or role, the device gone from Intune).
      const atgard = enhet.intuneId && !detaljer.manuellt ? INTUNE_ATGARD[steg] : undefined;
      const referens = (detaljer.referens ?? '').trim();
      const nytt: IStegUtfort = {
        steg, av: jag.namn, epost: jag.epost, tid: this.klocka().toISOString(),
        utforande: atgard ? 'Graph' : 'Manuellt',
        ...(atgard ? { referens: `Intune ${atgard} ${enhet.intuneId}` } : referens ? { referens } : {}),
        ...(steg === 'Kostnadsansvar' && detaljer.kostnadsansvar ? { kostnadsansvar: detaljer.kostnadsansvar } : {})
      };
      // The caller's view first, then what is stored: a step someone else did meanwhile is not sent to Intune again.
      for (const gjorda of [incident.gjorda, sparad.gjorda]) {
        const prov = domanUtforSteg(sparad.typ, gjorda, nytt);
        if (!prov.ok) throw new IncidentFel(prov.fel);
      }
      // A manual step counts only when the person says it is done; a reference or a decision says so by itself.
      if (!atgard && steg !== 'SparraSim' && steg !== 'Kostnadsansvar' && !detaljer.manuelltBekraftat) throw new IncidentFel('BekraftelseSaknas');

      const overtagen = komplett ? undefined : await this.tagOver(lagrad, jag);
      let aktuell = overtagen ?? incident;
      const forsta = (overtagen ?? sparad).gjorda.length === 0;
      const prov = domanUtforSteg(sparad.typ, aktuell.gjorda, nytt);
      if (!prov.ok) throw new IncidentFel(prov.fel);
      // The device gets the incident's status once, at the first step: a device found again or back
      // from service meanwhile is not sent back to stolen, lost or service by a later step.
      if (forsta) await this.flyttaEnhet(sparad, enhet.id);
      if (atgard) {
        const kropp = atgard === 'wipe' ? { keepEnrollmentData: false, keepUserData: false } : undefined;
        await graphPost(graphSokvag(this.graph, `deviceManagement/managedDevices/${encodeURIComponent(enhet.intuneId)}/${atgard}`),
          kropp ? body(kropp) : undefined);
      }
      // Intune has the action now; only the checklist write is retried below, never the action.
      // Written with the base's ETag: when someone changed it since (412), read it again and apply
      // the step to what is there now, or say why it no longer can be.
      for (let forsok = 0; ; forsok++) {
        const utfall = domanUtforSteg(sparad.typ, aktuell.gjorda, nytt);
        if (!utfall.ok) throw new IncidentFel(utfall.fel);
        const tom = aktuell.gjorda.length === 0;
        try {
          await this.handelser.items.getById(aktuell.id).update({
            [H.Checklista]: skrivChecklista(utfall.gjorda),
            // The first step also settles status and cost decision, so nothing from before the lock remains.
            ...(nytt.kostnadsansvar ? { [H.Kostnadsansvar]: nytt.kostnadsansvar } : tom ? { [H.Kostnadsansvar]: EJ_BEDOMT } : {}),
            ...(tom ? { [H.Status]: OPPEN } : {})
          }, aktuell.etag ?? '*');
          break;
        } catch (e) {
          const fel = tolkaDataFel(e);
          if (fel.orsak !== 'konflikt' || forsok >= 2) throw fel;
          aktuell = (await this.lasRad(incident.id)).incident;
          if (aktuell.status === STANGD) throw new IncidentFel('RedanStangd');
        }
      }
      return medIntuneId((await this.lasRad(incident.id)).incident, enhet.intuneId);
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  public async stang(incident: IIncident): Promise<IIncident> {
    try {
      await this.kravHandlaggare();
      // Judged on the stored checklist, not on what a page showed: a step cannot be skipped by a stale view.
      const lagrad = await this.lasRad(incident.id);
      // A lock not yet whole let the reporter write the row: nothing in it counts yet.
      const aktuell = await this.lasKomplett(lagrad) ? lagrad.incident : { ...lagrad.incident, ...obehandlad(lagrad.incident.typ) };
      if (aktuell.status === STANGD) throw new IncidentFel('RedanStangd');
      await this.kravEgetLan(aktuell);
      const fel = kanStangas(aktuell.typ, aktuell.gjorda, aktuell.status);
      if (fel) throw new IncidentFel(fel);
      // The loan ends before the incident closes: a retry after a failure in between still finds the incident open.
      if (aktuell.typ !== 'Skada') await this.avslutaLan(aktuell);
      await this.handelser.items.getById(aktuell.id).update({ [H.Status]: STANGD }, aktuell.etag ?? '*');
      return medIntuneId((await this.lasRad(incident.id)).incident, incident.intuneId);
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  /**
   * Takes the row over from its reporter at the first step: first what they may have written
   * (checklist, cost decision, status) is written over (If-Match: a colleague who took it over
   * meanwhile is not overwritten), then the row is locked, then read again. A write by the reporter
   * that slipped in between the two is written over once more; after the lock only kommunservice
   * writes. Answers the row as the step's base.
   *
   * What remains: should the read after the lock fail just after the reporter slipped a write in
   * (milliseconds, and only with a failure then), the row stays locked with the reporter's values
   * until they are written over by hand.
   */
  private async tagOver(fore: IRadlasning, jag: IPerson): Promise<IIncident> {
    const id = fore.incident.id;
    const objekt = this.handelser.items.getById(id);
    const rapportor = fore.incident.rapportor?.id;
    let nu = fore;
    // A row with its own permissions already is someone's takeover under way (or an earlier attempt's): nothing of theirs is written over.
    for (let forsok = 0; !nu.last; forsok++) {
      try {
        await objekt.update(OBEHANDLAD_RAD, nu.incident.etag ?? '*');
        break;
      } catch (e) {
        const fel = tolkaDataFel(e);
        if (fel.orsak !== 'konflikt' || forsok >= 2) throw fel;
        nu = await this.lasRad(id);
      }
    }
    await lasForRapportoren(this.sp, objekt, rapportor);
    const efter = await this.lasRad(id);
    if (rapportor === undefined || efter.redigeradAv !== rapportor || rapportor === jag.id) return efter.incident;
    try {
      await objekt.update(OBEHANDLAD_RAD, efter.incident.etag ?? '*');
    } catch (e) {
      // Changed meanwhile by someone who can write a locked row: kommunservice, whose values count.
      if (tolkaDataFel(e).orsak !== 'konflikt') throw e;
    }
    return (await this.lasRad(id)).incident;
  }

  /**
   * Whether the row is locked from its reporter all the way: its own permissions and the ledamöter
   * (the group that may add and change their own rows) no longer on it.
   */
  private async lasKomplett(rad: IRadlasning): Promise<boolean> {
    if (!rad.last) return false;
    const objekt = this.handelser.items.getById(rad.incident.id);
    const [tilldelningar, ledamoter] = await Promise.all([
      objekt.roleAssignments.using(CacheNever())<ITilldelning[]>(),
      this.sp.web.siteGroups.getByName(GRUPPNAMN.ledamot).select('Id').using(CacheNever())<{ Id: number }>()
    ]);
    return !tilldelningar.some((t) => t.PrincipalId === ledamoter.Id);
  }

  /**
   * Only the borrower's own report on their own loan's device is acted on: any ledamot can add a row
   * naming any device and loan, and the checklist wipes the device. A loan that is gone is no match.
   */
  private async kravEgetLan(incident: IIncident): Promise<void> {
    let lan: ILan | undefined;
    if (incident.lanId !== undefined) {
      try {
        lan = await lasLan(this.lanLista, incident.lanId);
      } catch (e) {
        if (tolkaDataFel(e).orsak !== 'saknas') throw e;
      }
    }
    const fel = anmalanFel({ rapportorId: incident.rapportor?.id, enhetId: incident.enhetId }, lan && { lantagareId: lan.lantagare?.id, enhetId: lan.enhetId });
    if (fel) throw new IncidentFel(fel);
  }

  /**
   * A stolen or lost device that was not found again ends its loan when the incident closes: the
   * loan gets its end date (from which anonymisation counts), no more return reminders, and the
   * borrower no longer reads the device item. Their loan and receipts stay theirs to read.
   */
  private async avslutaLan(incident: IIncident): Promise<void> {
    if (incident.lanId === undefined) return;
    const lan = await lasLan(this.lanLista, incident.lanId);
    const enhet = await this.lasEnhet(incident.enhetId);
    if (!lanSlutarVidIncident(lan.status, enhet.status)) return;
    await this.lanLista.items.getById(lan.id).update({ [L.Status]: STULEN_ELLER_FORLORAD, [L.Aterlamnad]: tillSpDatum(swedishDate(this.klocka())) }, lan.etag ?? '*');
    await this.surfplattor.items.getById(enhet.id).resetRoleInheritance();
  }

  private get handelser(): IList {
    return lista(this.sp, this.webb, HandelserLista.url);
  }

  private get surfplattor(): IList {
    return lista(this.sp, this.webb, SurfplattorLista.url);
  }

  private get lanLista(): IList {
    return lista(this.sp, this.webb, LanLista.url);
  }

  /**
   * Only those who manage the list do steps. A borrower may change their own report (the list lets
   * them), but the checklist is kommunservice's: the service refuses before touching anything.
   */
  private async kravHandlaggare(): Promise<void> {
    const far = await this.handelser.using(CacheNever()).currentUserHasPermissions(PermissionKind.ManagePermissions);
    if (!far) throw new DataFel('behorighet', 403);
  }

  /** One row as stored now (never from the cache: every step and the closing are judged on it). */
  private async lasRad(id: number): Promise<IRadlasning> {
    const rad = await this.handelser.items.getById(id).select(...INCIDENT_URVAL, 'EditorId').expand(...INCIDENT_EXPAND).using(CacheNever())<Rad>();
    return { incident: tillIncident(rad), last: arLast(rad), ...(typeof rad.EditorId === 'number' ? { redigeradAv: rad.EditorId } : {}) };
  }

  private async lasEnhet(id: number): Promise<{ id: number; intuneId: string; status: Enhetsstatus; etag: string }> {
    const e = await lasSurfplatta(this.surfplattor, id);
    return { id: e.id, intuneId: e.intuneId, status: e.status, etag: e.etag ?? '*' };
  }

  /** Puts the device in the status the incident means (stolen, lost, on service), through the state machine. */
  private async flyttaEnhet(incident: IIncident, enhetId: number): Promise<void> {
    const { handelse, redan } = ENHETSHANDELSE[incident.typ];
    const enhet = await this.lasEnhet(enhetId);
    if (redan.includes(enhet.status)) return;
    const aktiva = await this.lanLista.items
      .select('Id').filter(`${L.Surfplatta}Id eq ${enhetId} and ${L.Status} eq '${UTLANAD}'`).top(1).using(CacheNever())<Rad[]>();
    const utfall = nastaStatus(enhet.status, handelse, aktiva.length > 0);
    if (!utfall.ok) throw new IncidentFel(utfall.fel);
    await this.surfplattor.items.getById(enhetId).update({ [S.Status]: utfall.status }, enhet.etag);
  }
}
