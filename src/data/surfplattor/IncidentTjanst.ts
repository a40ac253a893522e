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
import { IList } from '@pnp/sp/lists';
import { PermissionKind } from '@pnp/sp/security';
import {
  Incidentfel, Incidenttyp, IStegUtfort, kanStangas, Kostnadsansvar, skrivChecklista, Steg, utforSteg as domanUtforSteg, valideraRapport
} from '../../domain/incident';
import { Enhetshandelse, Enhetsstatus, lanSlutarVidIncident, Lanstatus, nastaStatus, Statusfel } from '../../domain/surfplatta';
import { swedishDate } from '../../domain/dates';
import { IPerson } from '../../domain/personer';
import { HANDELSESTATUSAR, HandelseFalt, HandelserLista, LanFalt, LanLista, SurfplattaFalt, SurfplattorLista } from '../../schema/surfplattor';
import { GRUPPNAMN, ROLLTYP } from '../../schema/behorigheter';
import { DataFel, regelfelkod, tolkaDataFel } from '../fel';
import { AktuellPerson } from '../personer';
import { graphSokvag } from '../pnp';
import { tillSpDatum } from '../spDatum';
import { INCIDENT_EXPAND, INCIDENT_URVAL, lasAlla, lasLan, lasSurfplatta, lista, Rad, tillIncident } from './lasa';
import { IIncident, IIncidentTjanst, ILan, RegisterFel } from './typer';

const H = HandelseFalt;
const S = SurfplattaFalt;
const L = LanFalt;

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
  return incidenter.sort((a, b) => (a.status === b.status ? b.rapporterad.localeCompare(a.rapporterad) : a.status === 'Öppen' ? -1 : 1));
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
    const polisanmalan = (r.polisanmalan ?? '').trim();
    const oppen: (typeof HANDELSESTATUSAR)[number] = 'Öppen';
    const ny = await l.items.add({
      // The device's marking only: the title is shown in lists and must not carry a name.
      [H.Rubrik]: `${r.typ}: ${lan.stoldmarkning}`,
      [`${H.Surfplatta}Id`]: lan.enhetId,
      [`${H.Lan}Id`]: lan.id,
      [H.Typ]: r.typ,
      [H.Beskrivning]: r.beskrivning.trim(),
      ...(polisanmalan ? { [H.Polisanmalan]: polisanmalan } : {}),
      [H.Status]: oppen,
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
        lasAlla(this.handelser, INCIDENT_URVAL, INCIDENT_EXPAND),
        lasAlla(this.surfplattor, ['Id', S.IntuneId], [])
      ]);
      const intune = new Map(enheter.map((e) => [Number(e.Id), typeof e[S.IntuneId] === 'string' ? (e[S.IntuneId] as string) : '']));
      return sortera(rader.map((r) => {
        const enhetId = (r[H.Surfplatta] as { Id?: number } | null)?.Id;
        return tillIncident(r, enhetId ? intune.get(enhetId) || undefined : undefined);
      }));
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  public async utforSteg(
    incident: IIncident, steg: Steg, detaljer: { referens?: string; kostnadsansvar?: Kostnadsansvar; manuelltBekraftat?: boolean }
  ): Promise<IIncident> {
    try {
      await this.kravHandlaggare();
      const lagrad = await this.lasIncident(incident.id);
      if (lagrad.status === 'Stängd') throw new IncidentFel('RedanStangd');
      const jag = await this.person.hamta();
      const enhet = await this.lasEnhet(lagrad.enhetId);
      const atgard = enhet.intuneId ? INTUNE_ATGARD[steg] : undefined;
      const referens = (detaljer.referens ?? '').trim();
      const nytt: IStegUtfort = {
        steg, av: jag.namn, epost: jag.epost, tid: this.klocka().toISOString(),
        utforande: atgard ? 'Graph' : 'Manuellt',
        ...(atgard ? { referens: `Intune ${atgard} ${enhet.intuneId}` } : referens ? { referens } : {}),
        ...(steg === 'Kostnadsansvar' && detaljer.kostnadsansvar ? { kostnadsansvar: detaljer.kostnadsansvar } : {})
      };
      // The caller's view first, then what is stored: a step someone else did meanwhile is not sent to Intune again.
      for (const gjorda of [incident.gjorda, lagrad.gjorda]) {
        const prov = domanUtforSteg(lagrad.typ, gjorda, nytt);
        if (!prov.ok) throw new IncidentFel(prov.fel);
      }
      // A manual step counts only when the person says it is done; a reference or a decision says so by itself.
      if (!atgard && steg !== 'SparraSim' && steg !== 'Kostnadsansvar' && !detaljer.manuelltBekraftat) throw new IncidentFel('BekraftelseSaknas');
      await this.lasForRapportoren(lagrad);
      await this.flyttaEnhet(lagrad, enhet.id);
      if (atgard) {
        const kropp = atgard === 'wipe' ? { keepEnrollmentData: false, keepUserData: false } : undefined;
        await graphPost(graphSokvag(this.graph, `deviceManagement/managedDevices/${encodeURIComponent(enhet.intuneId)}/${atgard}`),
          kropp ? body(kropp) : undefined);
      }
      // Written onto the checklist the person saw, with its ETag: when someone changed it since (412),
      // read it again and apply the step to what is there now, or say why it no longer can be.
      let aktuell = incident;
      for (let forsok = 0; ; forsok++) {
        const utfall = domanUtforSteg(lagrad.typ, aktuell.gjorda, nytt);
        if (!utfall.ok) throw new IncidentFel(utfall.fel);
        try {
          await this.handelser.items.getById(aktuell.id).update({
            [H.Checklista]: skrivChecklista(utfall.gjorda),
            ...(nytt.kostnadsansvar ? { [H.Kostnadsansvar]: nytt.kostnadsansvar } : {})
          }, aktuell.etag ?? '*');
          break;
        } catch (e) {
          const fel = tolkaDataFel(e);
          if (fel.orsak !== 'konflikt' || forsok >= 2) throw fel;
          aktuell = await this.lasIncident(incident.id);
          if (aktuell.status === 'Stängd') throw new IncidentFel('RedanStangd');
        }
      }
      return await this.lasIncident(incident.id);
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  /**
   * From the first step the row is kommunservice's: the reporter keeps reading it but can no longer
   * change the checklist (the list lets people change their own rows, and closing is judged on it).
   */
  private async lasForRapportoren(incident: IIncident): Promise<void> {
    const rad = this.handelser.items.getById(incident.id);
    const { HasUniqueRoleAssignments: redanLast } = await rad.select('HasUniqueRoleAssignments')<{ HasUniqueRoleAssignments?: boolean }>();
    if (redanLast) return;
    const [ledamoter, bidra, lasa] = await Promise.all([
      this.sp.web.siteGroups.getByName(GRUPPNAMN.ledamot).select('Id')<{ Id: number }>(),
      this.sp.web.roleDefinitions.getByType(ROLLTYP['Bidra'] as never).select('Id')<{ Id: number }>(),
      this.sp.web.roleDefinitions.getByType(ROLLTYP['Läsa'] as never).select('Id')<{ Id: number }>()
    ]);
    await rad.breakRoleInheritance(true, false);
    await rad.roleAssignments.remove(ledamoter.Id, bidra.Id);
    if (incident.rapportor) await rad.roleAssignments.add(incident.rapportor.id, lasa.Id);
  }

  public async stang(incident: IIncident): Promise<IIncident> {
    try {
      await this.kravHandlaggare();
      // Judged on the stored checklist, not on what a page showed: a step cannot be skipped by a stale view.
      const aktuell = await this.lasIncident(incident.id);
      const fel = kanStangas(aktuell.typ, aktuell.gjorda, aktuell.status);
      if (fel) throw new IncidentFel(fel);
      // The loan ends before the incident closes: a retry after a failure in between still finds the incident open.
      if (aktuell.typ !== 'Skada') await this.avslutaLan(aktuell);
      await this.handelser.items.getById(aktuell.id).update({ [H.Status]: 'Stängd' }, aktuell.etag ?? '*');
      return await this.lasIncident(incident.id);
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  /**
   * A stolen or lost device that was not found again ends its loan when the incident closes: the
   * loan gets its end date (from which anonymisation counts), no more return reminders, and the
   * borrower no longer reads the device item. Their loan and receipts stay theirs to read.
   */
  private async avslutaLan(incident: IIncident): Promise<void> {
    if (incident.lanId === undefined) return;
    const lanLista = lista(this.sp, this.webb, LanLista.url);
    const lan = await lasLan(lanLista, incident.lanId);
    const enhet = await this.lasEnhet(incident.enhetId);
    if (!lanSlutarVidIncident(lan.status, enhet.status)) return;
    const slut: Lanstatus = 'Stulen eller förlorad';
    await lanLista.items.getById(lan.id).update({ [L.Status]: slut, [L.Aterlamnad]: tillSpDatum(swedishDate(this.klocka())) }, lan.etag ?? '*');
    await this.surfplattor.items.getById(enhet.id).resetRoleInheritance();
  }

  private get handelser(): IList {
    return lista(this.sp, this.webb, HandelserLista.url);
  }

  private get surfplattor(): IList {
    return lista(this.sp, this.webb, SurfplattorLista.url);
  }

  /**
   * Only those who manage the list do steps. A borrower may change their own report (the list lets
   * them), but the checklist is kommunservice's: the service refuses before touching anything.
   */
  private async kravHandlaggare(): Promise<void> {
    const far = await this.handelser.currentUserHasPermissions(PermissionKind.ManagePermissions);
    if (!far) throw new DataFel('behorighet', 403);
  }

  private async lasIncident(id: number): Promise<IIncident> {
    const rad = await this.handelser.items.getById(id).select(...INCIDENT_URVAL).expand(...INCIDENT_EXPAND).using(CacheNever())<Rad>();
    return tillIncident(rad);
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
    const aktiva = await lista(this.sp, this.webb, LanLista.url).items
      .select('Id').filter(`${L.Surfplatta}Id eq ${enhetId} and ${L.Status} eq 'Utlånad'`).top(1)<Rad[]>();
    const utfall = nastaStatus(enhet.status, handelse, aktiva.length > 0);
    if (!utfall.ok) throw new IncidentFel(utfall.fel);
    await this.surfplattor.items.getById(enhetId).update({ [S.Status]: utfall.status }, enhet.etag);
  }
}
