/**
 * The e-mail routine of the @pol mailboxes (issue 7, docs/epostrutin.md) on Microsoft Graph and the
 * Epostlogg journal in SharePoint. Every decision is the domain's (src/domain/epostrutin.ts); this
 * class carries the steps out and keeps the journal:
 *
 * - A run is written to the journal ('Pågår', nothing done) before Graph is asked, and updated with
 *   what was done after, so a run cut short is found again on any device and finished.
 * - Diarieför: the forward and the permanent delete of the original travel in one $batch, the
 *   delete `dependsOn` the forward, so Graph runs it only once the forward succeeded. The forwarded
 *   copies are then found in sent items (a few paged reads per run, not one per mail) and
 *   permanently deleted. Permanent delete skips Deleted Items and Recoverable Items alike.
 * - A forward that succeeded is never sent again: a retry, or a run finished later, takes over the
 *   steps the journal and the mailbox show as done.
 */
import { GraphFI, graphDelete, graphGet, graphPatch, graphPost, GraphQueryable, IGraphQueryable, IPagedResult, Paged } from '@pnp/graph';
import { body } from '@pnp/queryable';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { IList } from '@pnp/sp/lists';
import { addDays, format, parseISO } from 'date-fns';
import { IsoDate } from '../../domain/dates';
import {
  aterstalldaSteg, Atgard, BEHALLEN_KATEGORI, behallKategorier, Epoststeg, farUtforas, IAtgardsval, ILoggrad, loggrader,
  loggStart, stegFor, stegKvar, tolkaSvar, valideraAtgard
} from '../../domain/epostrutin';
import { EpostloggFalt, EpostloggLista, Epostloggstatus } from '../../schema/epost';
import { DataFel, tolkaDataFel } from '../fel';
import { IDelfraga, IDelsvar } from '../graphBatch';
import { graphSokvag } from '../pnp';
import { tillSpDatum } from '../spDatum';
import {
  filterText, GRAPH_MAPPNAMN, GraphEpostTjanst, graphUrl, IGraphMeddelande, meddelandeUrl, tillRad
} from './GraphEpostTjanst';
import {
  adressText, arAvslutad, arKlar, delaIRader, lasLoggposter, nyLoggpost, radAvPost, radstatus, sammanfoga, skrivLoggposter
} from './journal';
import {
  EPOST_MAPPAR, EpostrutinFel, IAvbrutenKorning, IEpostrutinTjanst, IFramsteg, IHanteringsresultat, ILoggpost,
  IMeddelandeRad, IPaminnelse
} from './typer';

const F = EpostloggFalt;

export interface IEpostrutinAlternativ {
  /** Where diarieförda mails go (the part's configuration). */
  registratorAdress: string;
  /** The time a run starts and a mail is done; tests fix it. */
  klocka?: () => Date;
  /** Waits out a Retry-After, or Exchange saving a sent copy; tests pass one that records and returns at once. */
  vanta?: (ms: number) => Promise<void>;
}

/** Exchange's clock and ours may differ: a copy sent this long before the run started still counts as the run's. */
const KLOCKMARGINAL_MS = 5 * 60_000;
/**
 * Exchange accepts a forward (202) and saves the sent copy a moment later: a copy not found yet is
 * looked for again after these waits before it is taken to be gone.
 */
const KOPIA_VANTAN_MS = [2_000, 5_000];
/** Messages per page when reading sent items or the log (Outlook allows 1,000). */
const GRAPH_SIDA = 500;
/** Journal rows per page. */
const SP_SIDA = 500;
/** Attempts at writing a journal row that someone else changed meanwhile (412). */
const SKRIVFORSOK = 3;

/** The weekday reminder's title in Microsoft To Do: how the task is found again. */
export const PAMINNELSE_TITEL = 'Töm @pol-brevlådan';
export const TIDSZON = 'Europe/Stockholm';
const VARDAGAR = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** One mail of a run as the service works on it. */
interface IArbete {
  /** The journal entry: its steps and failure are updated as Graph answers. */
  post: ILoggpost;
  meddelande: IMeddelandeRad;
  /** The forwarded copy in sent items, once found. */
  kopia?: string;
  /** The forward's batch call failed without an answer: the copy in sent items tells whether it went out. */
  oviss?: boolean;
}

interface IJournalrad {
  id: number;
  etag: string;
  skapad: string;
  poster: ILoggpost[];
}

/** What the mailbox shows of a journal entry now. */
interface ILage {
  gjorda: Epoststeg[];
  kategorier: string[];
  kopia?: string;
  /** The mail was kept after this entry was written: a later choice replaced it. */
  ersatt: boolean;
}

interface IGraphKopia {
  id: string;
  conversationId?: string;
  subject?: string;
  sentDateTime?: string;
  toRecipients?: Array<{ emailAddress?: { address?: string } }>;
}

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIDSZON, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
});

/** A moment as a Swedish calendar day and clock time. */
function iStockholm(tid: Date): { datum: IsoDate; klocka: string } {
  const d = Object.fromEntries(STOCKHOLM.formatToParts(tid).map((p) => [p.type, p.value]));
  return { datum: `${d.year}-${d.month}-${d.day}`, klocka: `${d.hour}:${d.minute}` };
}

/** Graph's DateTimeOffset literal: unquoted, whole seconds. */
function graphTid(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The subject of a forward ("VB: …", "FW: …") ends with the original's; a subject cut in the journal is matched by its start. */
function amneMatchar(kopia: string, original: string): boolean {
  if (original.endsWith('…')) return kopia.includes(original.slice(0, -1));
  return kopia.endsWith(original);
}

function notering(val: IAtgardsval): { kommentar?: string; skal?: string } {
  if (val.atgard === 'Diarieför') return val.kommentar?.trim() ? { kommentar: val.kommentar.trim() } : {};
  if (val.atgard === 'Behåll') {
    const text = val.skalText?.trim();
    return { skal: text ? `${val.skal}: ${text}` : String(val.skal) };
  }
  return {};
}

export class EpostrutinTjanst extends GraphEpostTjanst implements IEpostrutinTjanst {
  private readonly lista: IList;
  private readonly registrator: string;
  private readonly klocka: () => Date;
  private readonly vanta: (ms: number) => Promise<void>;
  private jagId?: Promise<number>;

  public constructor(private readonly sp: SPFI, webbSokvag: string, graph: GraphFI, alternativ: IEpostrutinAlternativ) {
    super(graph, { vanta: alternativ.vanta });
    this.lista = sp.web.getList(`${webbSokvag.replace(/\/$/, '')}/${EpostloggLista.url}`);
    this.registrator = alternativ.registratorAdress.trim();
    this.klocka = alternativ.klocka ?? ((): Date => new Date());
    this.vanta = alternativ.vanta ?? ((ms) => new Promise((klar) => setTimeout(klar, ms)));
  }

  // ---- handling mail ---------------------------------------------------------------------------

  public async hantera(meddelanden: readonly IMeddelandeRad[], val: IAtgardsval, vidFramsteg?: (f: IFramsteg) => void): Promise<IHanteringsresultat[]> {
    const kod = valideraAtgard(val, this.registrator);
    if (kod) throw new EpostrutinFel(kod);
    // A mail chosen twice is handled once.
    const unika = Array.from(new Map(meddelanden.map((m) => [m.id, m])).values());
    if (unika.length === 0) return [];
    const startad = this.klocka().toISOString();
    const noter = notering(val);
    let arvda: Map<string, ILage>;
    try {
      arvda = await this.overtaTidigare(unika, val.atgard);
    } catch (e) {
      // Without the journal nothing is sent: a run that cannot be written down cannot be finished later.
      const fel = tolkaDataFel(e).orsak;
      return unika.map((m) => ({ meddelande: m, atgard: val.atgard, gjorda: [], klar: false, fel }));
    }
    const arbeten: IArbete[] = unika.map((m) => {
      const lage = arvda.get(m.id);
      return {
        post: nyLoggpost(m, val.atgard, noter, startad, lage?.gjorda ?? []),
        meddelande: m,
        ...(lage?.kopia ? { kopia: lage.kopia } : {})
      };
    });
    const framsteg = this.framsteg(arbeten.length, vidFramsteg);
    let journalFel: string | undefined;
    for (const rad of delaIRader(arbeten, (a) => JSON.stringify(a.post).length)) {
      if (journalFel) {
        rad.forEach((a) => { a.post.fel = journalFel; });
        continue;
      }
      let radId: { id: number; etag: string };
      try {
        radId = await this.laggTillRad(rad.map((a) => a.post), val.atgard, startad);
      } catch (e) {
        journalFel = tolkaDataFel(e).orsak;
        rad.forEach((a) => { a.post.fel = journalFel; });
        continue;
      }
      await this.utfor(rad, framsteg);
      await this.skrivRad(radId.id, radId.etag, rad.map((a) => a.post));
      framsteg.klara(rad.length);
    }
    return arbeten.map((a) => this.resultat(a));
  }

  public async hamtaAvbrutna(): Promise<IAvbrutenKorning[]> {
    try {
      const rader = await this.lasAvbrutna();
      return rader
        .map((r) => ({
          id: r.rad.id,
          startad: r.rad.poster[0]?.startad ?? r.rad.skapad,
          poster: r.rad.poster
            .filter((p) => !arAvslutad(p) && !r.lage.get(p.id)?.ersatt)
            .map((p) => ({ ...p, gjorda: r.lage.get(p.id)?.gjorda ?? p.gjorda }))
            .filter((p) => !arKlar(p))
        }))
        .filter((k) => k.poster.length > 0);
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  public async slutforAvbrutna(vidFramsteg?: (f: IFramsteg) => void): Promise<IHanteringsresultat[]> {
    let rader: Array<{ rad: IJournalrad; lage: Map<string, ILage> }>;
    try {
      rader = await this.lasAvbrutna();
    } catch (e) {
      throw tolkaDataFel(e);
    }
    const resultat: IHanteringsresultat[] = [];
    const nu = this.klocka().toISOString();
    const perRad = rader.map(({ rad, lage }) => {
      // A mail kept since is left out of the run: the later choice stands.
      const poster = rad.poster
        .filter((p) => !lage.get(p.id)?.ersatt)
        .map((p): ILoggpost => {
          const post: ILoggpost = { ...p, gjorda: lage.get(p.id)?.gjorda ?? p.gjorda };
          // Done before the page closed, as the mailbox shows: the time is when that was learnt.
          if (arKlar(post)) {
            delete post.fel;
            post.klar = post.klar ?? nu;
          }
          return post;
        });
      const arbeten = poster.filter((p) => !arAvslutad(p)).map((p): IArbete => {
        const l = lage.get(p.id);
        return { post: p, meddelande: radAvPost(p, l?.kategorier ?? []), ...(l?.kopia ? { kopia: l.kopia } : {}) };
      });
      return { rad, poster, arbeten };
    });
    const framsteg = this.framsteg(perRad.reduce((n, r) => n + r.arbeten.length, 0), vidFramsteg);
    for (const { rad, poster, arbeten } of perRad) {
      if (arbeten.length > 0) await this.utfor(arbeten, framsteg);
      // The row is rewritten even when nothing was left: what the mailbox showed closes it.
      await this.skrivRad(rad.id, rad.etag, poster);
      framsteg.klara(arbeten.length);
      resultat.push(...arbeten.map((a) => this.resultat(a)));
    }
    return resultat;
  }

  // ---- the 30-day log --------------------------------------------------------------------------

  public async hamtaLogg(idag: IsoDate): Promise<ILoggrad[]> {
    // Midnight in Sweden on the first day; loggrader draws the same line for each mail's own day.
    const fran = tillSpDatum(loggStart(idag));
    try {
      const [rader, brevlada] = await Promise.all([
        // A mail of the window was handled after it arrived, so its run started within the window too
        // (Startad is indexed: the filter stays within the list view threshold).
        this.lasRader(`${F.Startad} ge datetime'${fran}'`),
        Promise.all(EPOST_MAPPAR.map(async (mapp) => (await this.lasAllaSidor<IGraphMeddelande>(graphUrl(`me/mailFolders/${GRAPH_MAPPNAMN[mapp]}/messages`, {
          $filter: `receivedDateTime ge ${fran}`,
          $orderby: 'receivedDateTime desc',
          $select: 'id,receivedDateTime,sentDateTime,from,toRecipients,subject,conversationId,categories',
          $top: GRAPH_SIDA
        }))).map((m) => tillRad(m, mapp))))
      ]);
      // In journal order, oldest first: of a mail's entries (a retry, a kept mail gallrad later) loggrader keeps the last.
      const iOrdning = [...rader].sort((a, b) => a.id - b.id).flatMap((r) => r.poster);
      const poster = iOrdning.map((p): ILoggrad & { id: string } => ({
        id: p.id, datum: p.datum, fran: p.fran, till: p.till, amne: p.amne, mapp: p.mapp, atgard: p.atgard, klar: arKlar(p),
        ...(p.klar ? { hanterad: p.klar } : {}),
        ...(p.kommentar ?? p.skal ? { notering: p.kommentar ?? p.skal } : {})
      }));
      const mejl = brevlada.flat().map((m): ILoggrad & { id: string } => {
        // A kept mail is handled; the mark may also have been set in Outlook, so no entry need exist.
        const behallen = m.kategorier.includes(BEHALLEN_KATEGORI);
        return {
          id: m.id, datum: m.mottaget, fran: adressText(m.fran), till: m.till.map(adressText).join('; '), amne: m.amne, mapp: m.mapp,
          atgard: behallen ? 'Behåll' : 'Ej hanterad', klar: behallen
        };
      });
      return loggrader(poster, mejl, idag);
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  // ---- the weekday reminder --------------------------------------------------------------------

  public async hamtaPaminnelse(): Promise<IPaminnelse | undefined> {
    try {
      const { uppgifter } = await this.paminnelser();
      const t = uppgifter[0]?.reminderDateTime;
      if (!t?.dateTime) return undefined;
      return { tid: /stockholm|w\. europe/i.test(t.timeZone ?? '') ? t.dateTime.slice(11, 16) : iStockholm(new Date(`${t.dateTime.replace(/Z$/, '')}Z`)).klocka };
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  public async stallInPaminnelse(p: IPaminnelse | undefined): Promise<void> {
    if (p && !/^([01]\d|2[0-3]):[0-5]\d$/.test(p.tid)) throw new EpostrutinFel('OgiltigTid');
    try {
      const { lista, uppgifter } = await this.paminnelser();
      const uppgift = (id: string): IGraphQueryable => graphSokvag(this.graph, `me/todo/lists/${encodeURIComponent(lista)}/tasks/${encodeURIComponent(id)}`);
      // Duplicates (set up twice, from two devices at once) go; one task is enough.
      for (const u of uppgifter.slice(p ? 1 : 0)) await graphDelete(uppgift(u.id));
      if (!p) return;
      const kropp = this.paminnelseKropp(p.tid);
      if (uppgifter[0]) await graphPatch(uppgift(uppgifter[0].id), body(kropp));
      else await graphPost(graphSokvag(this.graph, `me/todo/lists/${encodeURIComponent(lista)}/tasks`), body({ title: PAMINNELSE_TITEL, ...kropp }));
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  /** The default To Do list and the routine's open tasks in it (a recurring task leaves its done occurrences behind). */
  private async paminnelser(): Promise<{ lista: string; uppgifter: Array<{ id: string; status?: string; reminderDateTime?: { dateTime?: string; timeZone?: string } }> }> {
    const listor = await this.lasAllaSidor<{ id: string; wellknownListName?: string }>(graphUrl('me/todo/lists'));
    const standard = listor.find((l) => l.wellknownListName === 'defaultList');
    if (!standard) throw new DataFel('saknas');
    const uppgifter = await this.lasAllaSidor<{ id: string; title?: string; status?: string; reminderDateTime?: { dateTime?: string; timeZone?: string } }>(
      graphUrl(`me/todo/lists/${encodeURIComponent(standard.id)}/tasks`, { $filter: `title eq ${filterText(PAMINNELSE_TITEL)}` }));
    return { lista: standard.id, uppgifter: uppgifter.filter((u) => u.title === PAMINNELSE_TITEL && u.status !== 'completed') };
  }

  /** Every weekday at the time, Swedish time, from the next weekday that time has not passed yet. */
  private paminnelseKropp(tid: string): Record<string, unknown> {
    const nu = iStockholm(this.klocka());
    let dag = nu.datum;
    const vardag = (d: IsoDate): boolean => parseISO(d).getDay() >= 1 && parseISO(d).getDay() <= 5;
    if (!vardag(dag) || nu.klocka >= tid) {
      do dag = format(addDays(parseISO(dag), 1), 'yyyy-MM-dd'); while (!vardag(dag));
    }
    return {
      isReminderOn: true,
      reminderDateTime: { dateTime: `${dag}T${tid}:00`, timeZone: TIDSZON },
      // To Do repeats only a task with a due date.
      dueDateTime: { dateTime: `${dag}T00:00:00`, timeZone: TIDSZON },
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: VARDAGAR, firstDayOfWeek: 'monday' },
        range: { type: 'noEnd', startDate: dag }
      }
    };
  }

  // ---- carrying out the steps ------------------------------------------------------------------

  /**
   * The steps of one journal row's mails. First the forward with its dependent delete (Diarieför),
   * the delete (Gallra) or the mark (Behåll); then the forwarded copies are found in sent items and
   * deleted, with the originals whose forward only the copy could confirm.
   */
  private async utfor(arbeten: IArbete[], framsteg: { rapport: (arbeten: readonly IArbete[]) => void }): Promise<void> {
    // A failure says why the last attempt stopped: this attempt starts without one.
    arbeten.forEach((a) => { delete a.post.fel; });
    const batch = this.nyBatch();
    const steg = new Map<string, { a: IArbete; steg: Epoststeg }>();
    const fraga = (a: IArbete, s: Epoststeg, d: IDelfraga): IDelfraga => {
      steg.set(d.id, { a, steg: s });
      return d;
    };
    const radera = (a: IArbete, i: number, dependsOn?: string[]): IDelfraga =>
      fraga(a, 'RaderaOriginal', { id: `o${i}`, method: 'POST', url: meddelandeUrl(a.post.id, '/permanentDelete'), ...(dependsOn ? { dependsOn } : {}) });
    const tillampa = (svar: readonly IDelsvar[]): void => {
      for (const s of svar) {
        const t = steg.get(s.id);
        if (t) this.tillampa(t.a, t.steg, s);
      }
      framsteg.rapport(arbeten);
    };

    const forsta: IDelfraga[][] = [];
    arbeten.forEach((a, i) => {
      const { atgard, gjorda } = a.post;
      if (farUtforas(atgard, 'Vidarebefordra', gjorda)) {
        forsta.push([
          fraga(a, 'Vidarebefordra', {
            id: `f${i}`, method: 'POST', url: meddelandeUrl(a.post.id, '/forward'),
            body: { comment: a.post.kommentar ?? '', toRecipients: [{ emailAddress: { address: this.registrator } }] }
          }),
          // Graph runs the delete only when the forward succeeded (else 424): nothing is lost unforwarded.
          radera(a, i, [`f${i}`])
        ]);
      } else if (farUtforas(atgard, 'RaderaOriginal', gjorda)) {
        forsta.push([radera(a, i)]);
      } else if (farUtforas(atgard, 'Markera', gjorda)) {
        forsta.push([fraga(a, 'Markera', {
          id: `m${i}`, method: 'PATCH', url: meddelandeUrl(a.post.id), body: { categories: behallKategorier(a.meddelande.kategorier) }
        })]);
      }
    });
    if (forsta.length > 0) await batch.kor(forsta, tillampa);

    // The copies: of every forward that went out, and of those whose answer was lost on the way.
    const sokes = arbeten.filter((a) => a.post.atgard === 'Diarieför' && !a.kopia && !a.post.gjorda.includes('RaderaKopia') &&
      (a.post.gjorda.includes('Vidarebefordra') || a.oviss));
    if (sokes.length > 0) await this.hittaKopiorFor(sokes, arbeten);

    const andra: IDelfraga[][] = [];
    arbeten.forEach((a, i) => {
      const { atgard, gjorda } = a.post;
      // An original whose forward only the copy confirmed; one whose delete failed waits for a retry.
      if (atgard === 'Diarieför' && !a.post.fel && farUtforas(atgard, 'RaderaOriginal', gjorda)) andra.push([radera(a, i)]);
      if (a.kopia && farUtforas(atgard, 'RaderaKopia', gjorda)) {
        andra.push([fraga(a, 'RaderaKopia', { id: `k${i}`, method: 'POST', url: meddelandeUrl(a.kopia, '/permanentDelete') })]);
      }
    });
    if (andra.length > 0) await batch.kor(andra, tillampa);

    const nu = this.klocka().toISOString();
    for (const a of arbeten) {
      if (arKlar(a.post)) {
        delete a.post.fel;
        a.post.klar = a.post.klar ?? nu;
      }
    }
  }

  /** What one answer means for its mail, as the domain reads it. */
  private tillampa(a: IArbete, steg: Epoststeg, s: IDelsvar): void {
    if (s.obesvarad) {
      // The request may have run before the connection broke: only a forward matters (never twice), and the copy tells.
      if (steg === 'Vidarebefordra') a.oviss = true;
      a.post.fel = a.post.fel ?? s.fel?.orsak ?? 'natverk';
      return;
    }
    const utfall = tolkaSvar(steg, s.status);
    if (utfall === 'Gjort') {
      a.post.gjorda = stegFor(a.post.atgard).filter((x) => x === steg || a.post.gjorda.includes(x));
      if (steg === 'Vidarebefordra') delete a.post.fel;
      return;
    }
    // A 424 carries the cause of the forward it waited for; the forward's own answer has said it already.
    a.post.fel = a.post.fel ?? s.fel?.orsak ?? 'okant';
  }

  /**
   * Looks for the forwarded copies of these mails in sent items; a copy found settles a forward
   * whose answer was lost. A copy not found after Exchange has had time to save it is gone (the
   * domain's reading: aterstalldaSteg with no copy left).
   */
  private async hittaKopiorFor(sokes: IArbete[], alla: readonly IArbete[]): Promise<void> {
    const uteslut = new Set(alla.map((a) => a.post.id));
    let kvar = sokes;
    for (let forsok = 0; ; forsok++) {
      let kopior: Map<string, string>;
      try {
        kopior = await this.hittaKopior(kvar.map((a) => a.post), uteslut);
      } catch (e) {
        const fel = tolkaDataFel(e).orsak;
        kvar.forEach((a) => { a.post.fel = a.post.fel ?? fel; });
        return;
      }
      for (const a of kvar) {
        const kopia = kopior.get(a.post.id);
        if (!kopia) continue;
        a.kopia = kopia;
        if (!a.post.gjorda.includes('Vidarebefordra')) {
          a.post.gjorda = aterstalldaSteg(a.post.atgard, { gjorda: a.post.gjorda, originalFinns: true, kopiaFinns: true });
          delete a.post.fel;
        }
        a.oviss = false;
      }
      kvar = kvar.filter((a) => !a.kopia);
      if (kvar.length === 0) return;
      if (forsok >= KOPIA_VANTAN_MS.length) break;
      await this.vanta(KOPIA_VANTAN_MS[forsok]);
    }
    for (const a of kvar) {
      // Forwarded, and no copy is left. A forward whose answer was lost and left no copy did not go out.
      if (a.post.gjorda.includes('Vidarebefordra')) {
        a.post.gjorda = aterstalldaSteg(a.post.atgard, { gjorda: a.post.gjorda, originalFinns: true, kopiaFinns: false });
      }
    }
  }

  /**
   * The forwarded copies of these entries in sent items: sent to the registrator in the same
   * conversation since the run started, the subject ending with the original's. One read of sent
   * items (paged) for all of them; each copy goes to one entry.
   */
  private async hittaKopior(poster: readonly ILoggpost[], uteslut: ReadonlySet<string>): Promise<Map<string, string>> {
    const start = Math.min(...poster.map((p) => Date.parse(p.startad)).filter((t) => !Number.isNaN(t))) - KLOCKMARGINAL_MS;
    const sidor = await this.lasAllaSidor<IGraphKopia>(graphUrl('me/mailFolders/sentitems/messages', {
      $filter: `sentDateTime ge ${graphTid(Number.isFinite(start) ? start : 0)}`,
      $orderby: 'sentDateTime desc',
      $select: 'id,conversationId,subject,sentDateTime,toRecipients',
      $top: GRAPH_SIDA
    }));
    const registrator = this.registrator.toLowerCase();
    const lediga = sidor.filter((k) => !uteslut.has(k.id) &&
      (k.toRecipients ?? []).some((t) => (t.emailAddress?.address ?? '').toLowerCase() === registrator));
    const tagna = new Set<string>();
    const ut = new Map<string, string>();
    for (const p of poster) {
      const fran = Date.parse(p.startad) - KLOCKMARGINAL_MS;
      const kopia = lediga.find((k) => !tagna.has(k.id) && k.conversationId === p.konversation && amneMatchar(k.subject ?? '', p.amne) &&
        Date.parse(k.sentDateTime ?? '') >= fran);
      if (kopia) {
        tagna.add(kopia.id);
        ut.set(p.id, kopia.id);
      }
    }
    return ut;
  }

  /**
   * The runs cut short and what the mailbox shows of each mail in them: the original there or
   * gone (and whether it was kept since), the forwarded copy in sent items.
   */
  private async lasAvbrutna(): Promise<Array<{ rad: IJournalrad; lage: Map<string, ILage> }>> {
    const rader = await this.lasRader(`${F.Status} eq 'Pågår'`);
    const lage = await this.lasLage(rader.flatMap((r) => r.poster.filter((p) => !arAvslutad(p))));
    return rader.map((rad) => ({ rad, lage }));
  }

  private async lasLage(poster: readonly ILoggpost[]): Promise<Map<string, ILage>> {
    const ut = new Map<string, ILage>();
    if (poster.length === 0) return ut;
    const svar = await this.nyBatch().kor(poster.map((p, i): IDelfraga[] => [{ id: `l${i}`, method: 'GET', url: graphUrl(meddelandeUrl(p.id), { $select: 'id,categories' }) }]));
    const diarie = poster.filter((p) => p.atgard === 'Diarieför' && !p.gjorda.includes('RaderaKopia'));
    const kopior = diarie.length > 0 ? await this.hittaKopior(diarie, new Set(poster.map((p) => p.id))) : new Map<string, string>();
    poster.forEach((p, i) => {
      const s = svar.get(`l${i}`);
      if (!s || (!s.ok && s.status !== 404)) throw s?.fel ?? new DataFel('okant');
      const originalFinns = s.ok;
      const kategorier = originalFinns ? ((s.body as { categories?: string[] } | undefined)?.categories ?? []) : [];
      const markerad = kategorier.includes(BEHALLEN_KATEGORI);
      ut.set(p.id, {
        gjorda: aterstalldaSteg(p.atgard, {
          gjorda: p.gjorda, originalFinns, markerad,
          ...(p.atgard === 'Diarieför' ? { kopiaFinns: p.gjorda.includes('RaderaKopia') ? false : kopior.has(p.id) } : {})
        }),
        kategorier,
        ...(kopior.get(p.id) ? { kopia: kopior.get(p.id) } : {}),
        ersatt: p.atgard !== 'Behåll' && markerad
      });
    });
    return ut;
  }

  /**
   * Earlier runs cut short that hold any of these mails: their entries move to the new run, with the
   * steps the mailbox shows as done (the same action), so a forward that went out is not sent again
   * and the old row does not finish a choice the person has since changed.
   */
  private async overtaTidigare(meddelanden: readonly IMeddelandeRad[], atgard: Atgard): Promise<Map<string, ILage>> {
    const ids = new Set(meddelanden.map((m) => m.id));
    const rader = (await this.lasRader(`${F.Status} eq 'Pågår'`)).filter((r) => r.poster.some((p) => ids.has(p.id)));
    if (rader.length === 0) return new Map();
    const tidigare = rader.flatMap((r) => r.poster.filter((p) => ids.has(p.id) && p.atgard === atgard && !arAvslutad(p)));
    const lage = await this.lasLage(tidigare);
    for (const r of rader) {
      await this.skrivRad(r.id, r.etag, r.poster.filter((p) => !ids.has(p.id)), true, ids);
    }
    return lage;
  }

  // ---- the journal -----------------------------------------------------------------------------

  private async laggTillRad(poster: readonly ILoggpost[], atgard: Atgard, startad: string): Promise<{ id: number; etag: string }> {
    const { datum, klocka } = iStockholm(new Date(startad));
    const rad = await this.lista.items.add({
      [F.Rubrik]: `${atgard} ${poster.length} mejl ${datum} ${klocka}`,
      [F.Poster]: skrivLoggposter(poster),
      [F.Status]: 'Pågår' satisfies Epostloggstatus,
      [F.Antal]: poster.length,
      [F.Startad]: startad
    }) as Record<string, unknown>;
    return { id: Number(rad.Id ?? rad.ID), etag: String(rad['odata.etag'] ?? '*') };
  }

  /**
   * Writes a row's entries with the row's ETag. When it changed since (412, another tab or device
   * finishing the same run), the stored version is read and ours laid over it. A row that cannot
   * be written stays 'Pågår' and is finished from what the mailbox shows; the mail is not at risk.
   */
  private async skrivRad(id: number, etag: string, poster: readonly ILoggpost[], kastaVidFel = false, utan?: ReadonlySet<string>): Promise<void> {
    let vara = [...poster];
    let tagg = etag;
    for (let forsok = 1; ; forsok++) {
      try {
        await this.lista.items.getById(id).update({
          [F.Poster]: skrivLoggposter(vara),
          [F.Status]: radstatus(vara),
          [F.Antal]: vara.length
        }, tagg);
        return;
      } catch (e) {
        const fel = tolkaDataFel(e);
        if (fel.orsak !== 'konflikt' || forsok >= SKRIVFORSOK) {
          if (kastaVidFel) throw fel;
          return;
        }
        const lagrad = await this.lasRad(id);
        vara = sammanfoga(vara, lagrad.poster.filter((p) => !utan?.has(p.id)));
        tagg = lagrad.etag;
      }
    }
  }

  private jag(): Promise<number> {
    this.jagId = this.jagId ?? this.sp.web.currentUser.select('Id')<{ Id: number }>().then((u) => u.Id);
    this.jagId.catch(() => { this.jagId = undefined; });
    return this.jagId;
  }

  private tillJournalrad(r: Record<string, unknown>): IJournalrad {
    return { id: Number(r.Id ?? r.ID), etag: String(r['odata.etag'] ?? '*'), skapad: String(r.Created ?? ''), poster: lasLoggposter(r[F.Poster]).poster };
  }

  /**
   * The signed-in person's own rows: the list shows no one else's (radsäkerhet), but an admin sees
   * every row, and must not finish someone else's run in their own mailbox.
   */
  private async lasRader(filter: string): Promise<IJournalrad[]> {
    const jag = await this.jag();
    const fraga = this.lista.items.select('Id', 'Created', F.Poster, F.Status).filter(`${filter} and AuthorId eq ${jag}`).top(SP_SIDA);
    const ut: IJournalrad[] = [];
    for await (const sida of fraga) {
      ut.push(...(sida as Array<Record<string, unknown>>).map((r) => this.tillJournalrad(r)));
    }
    return ut;
  }

  private async lasRad(id: number): Promise<IJournalrad> {
    return this.tillJournalrad(await this.lista.items.getById(id).select('Id', 'Created', F.Poster, F.Status)<Record<string, unknown>>());
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** Every page of a Graph collection, following @odata.nextLink. */
  private async lasAllaSidor<T>(sokvag: string): Promise<T[]> {
    const ut: T[] = [];
    let fraga: IGraphQueryable = graphSokvag(this.graph, sokvag);
    for (;;) {
      // Paged keeps @odata.nextLink, which the default parse drops with the envelope.
      const sida = await graphGet<IPagedResult<T>>(fraga.using(Paged()));
      ut.push(...(sida.value ?? []));
      if (!sida.hasNext || !sida.nextLink) return ut;
      fraga = GraphQueryable([fraga, sida.nextLink]);
    }
  }

  /**
   * Progress in mails: those of earlier rows, plus those of the row at hand that are through (a
   * diarieförd mail once it is with the registrator and gone from the folder; deleting the copy in
   * sent items is the run's tidying up) or have failed for now.
   */
  private framsteg(totalt: number, vidFramsteg?: (f: IFramsteg) => void): { rapport: (arbeten: readonly IArbete[]) => void; klara: (n: number) => void } {
    let fore = 0;
    return {
      rapport: (arbeten) => {
        const klara = arbeten.filter((a) => stegKvar(a.post.atgard, a.post.gjorda).every((x) => x === 'RaderaKopia') ||
          (a.post.fel !== undefined && !a.oviss)).length;
        vidFramsteg?.({ klara: fore + klara, totalt });
      },
      klara: (n) => { fore += n; }
    };
  }

  private resultat(a: IArbete): IHanteringsresultat {
    const klar = stegKvar(a.post.atgard, a.post.gjorda).length === 0;
    return {
      meddelande: a.meddelande,
      atgard: a.post.atgard,
      gjorda: [...a.post.gjorda],
      klar,
      ...(!klar ? { fel: a.post.fel ?? 'okant' } : {})
    };
  }
}
