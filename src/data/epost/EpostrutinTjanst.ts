/**
 * The e-mail routine of the @pol mailboxes (issue 7, docs/epostrutin.md) on Microsoft Graph and the
 * Epostlogg journal in SharePoint. Every decision is the domain's (src/domain/epostrutin.ts); this
 * class carries the steps out and keeps the journal:
 *
 * - A run is written to the journal ('Pågår', nothing done) before Graph is asked, again once the
 *   forwards have gone out (before anything of theirs is deleted), and when it is done; so a run cut
 *   short is found again on any device and finished.
 * - Diarieför: a forward draft is made (createForward, tagged with a property naming the original)
 *   and sent; with immutable ids the draft's id is also its sent copy's in sent items
 *   (outlook-immutable-id), so the copy is known without searching. Only then are the original and
 *   the copy permanently deleted (past Deleted Items and Recoverable Items alike). Every $batch is
 *   fully parallel: one step per call, the next step in a later call.
 * - A forward is never sent twice: a send without a 2xx answer is settled by looking at the draft
 *   (still a draft, or sent); resending the same draft cannot send it again; a new draft is made
 *   only when none exists for the mail.
 */
import { GraphFI, graphDelete, graphGet, graphPatch, graphPost, GraphQueryable, IGraphQueryable, IPagedResult, Paged } from '@pnp/graph';
import { body, InjectHeaders } from '@pnp/queryable';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { IList } from '@pnp/sp/lists';
import { addDays, format, parseISO } from 'date-fns';
import { IsoDate } from '../../domain/dates';
import {
  aterstalldaSteg, Atgard, BEHALLEN_KATEGORI, behallKategorier, Epoststeg, farUtforas, IAtgardsval, ILoggrad, Kopielage, loggrader,
  loggStart, stegFor, stegKvar, tolkaSvar, valideraAtgard, vidarebefordranOviss
} from '../../domain/epostrutin';
import { EpostloggFalt, EpostloggLista, Epostloggstatus } from '../../schema/epost';
import { DataFel, tolkaDataFel } from '../fel';
import { BATCH_STORLEK, IDelfraga, IDelsvar } from '../graphBatch';
import { graphSokvag } from '../pnp';
import { skapaRad } from '../skapa';
import { tillSpDatum } from '../spDatum';
import {
  FASTA_ID, filterText, GRAPH_MAPPNAMN, GraphEpostTjanst, graphUrl, IGraphMeddelande, meddelandeUrl, tillRad
} from './GraphEpostTjanst';
import {
  adressText, arAvslutad, arKlar, delaIRader, lasLoggposter, nyLoggpost, radAvPost, radstatus, sammanfoga, skrivLoggposter, UTKAST_TILLVAXT
} from './journal';
import {
  EPOST_MAPPAR, EpostrutinFel, IAvbrutenKorning, IEpostrutinTjanst, IFramsteg, IHanteringsresultat, ILoggpost,
  IMeddelandeRad, IPaminnelse, Mejlfel
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

/**
 * Exchange accepts a send (202) and files the sent copy a moment later: a copy not found yet is
 * looked for again after these waits before it is taken to be gone.
 */
const KOPIA_VANTAN_MS = [2_000, 5_000];
/** Messages per page when reading the log (Outlook allows 1,000). */
const GRAPH_SIDA = 500;
/** Journal rows per page. */
const SP_SIDA = 500;
/** Attempts at writing a journal row: someone else changed it meanwhile (412), or SharePoint did not answer. */
const SKRIVFORSOK = 4;

/**
 * The property a forward draft carries, naming the mail it forwards (a named MAPI string property
 * of the product's own property set): how a draft whose id never reached the journal is found.
 */
export const URSPRUNG_EGENSKAP = 'String {3f6d2a8e-7c41-4b9a-9e35-8d7a1c2b5e60} Name ArendeportalenUrsprung';

/** The weekday reminder's title in Microsoft To Do: how the task is found again. */
export const PAMINNELSE_TITEL = 'Töm @pol-brevlådan';
export const TIDSZON = 'Europe/Stockholm';
const VARDAGAR = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** One mail of a run as the service works on it. */
interface IArbete {
  /** The journal entry: its steps, draft and failure are updated as Graph answers. */
  post: ILoggpost;
  meddelande: IMeddelandeRad;
  /** The send (or the draft's creation) got no answer that says whether it happened: the mailbox tells. */
  oviss?: boolean;
  /** The send was answered 2xx: accepted, which is not yet sent. */
  accepterad?: boolean;
  /** The draft id the stored row already has (a write is needed when a new one was made). */
  kopiaPaRad?: string;
  /** Further drafts for the same mail (made by a call whose answer was lost), to delete. */
  overblivnaUtkast?: string[];
  /** Whether its forward went out cannot be told (vidarebefordranOviss): not sent again until the person chooses. */
  vantarPaVal?: boolean;
  /** Why the send (or the draft's creation) was not answered 2xx, for when the mailbox shows it did not happen. */
  sandfel?: Mejlfel;
  /** The journal could not be written at the end: the log shows the run as not finished. */
  ejLoggad?: boolean;
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
  /** The forward's draft or sent copy, when one was found. */
  kopia?: string;
  overblivnaUtkast: string[];
  /** The forward's draft is gone and no one saw it sent: not sent again without the person's new choice. */
  oviss: boolean;
  /** The mail was kept after this entry was written: a later choice replaced it. */
  ersatt: boolean;
}

interface IGraphUtkast {
  id: string;
  isDraft?: boolean;
}

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIDSZON, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
});

/** A moment as a Swedish calendar day and clock time. */
function iStockholm(tid: Date): { datum: IsoDate; klocka: string } {
  const d = Object.fromEntries(STOCKHOLM.formatToParts(tid).map((p) => [p.type, p.value]));
  return { datum: `${d.year}-${d.month}-${d.day}`, klocka: `${d.hour}:${d.minute}` };
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
      const post = nyLoggpost(m, val.atgard, noter, startad, lage?.gjorda ?? []);
      // A forward whose fate could not be told is made anew only because the person chose again.
      if (lage?.kopia && !lage.oviss) post.kopia = lage.kopia;
      // The new row is written with the entry as it is here, the draft id included.
      return { post, meddelande: m, kopiaPaRad: post.kopia, ...(lage?.overblivnaUtkast.length ? { overblivnaUtkast: lage.overblivnaUtkast } : {}) };
    });
    const framsteg = this.framsteg(arbeten.length, vidFramsteg);
    let journalFel: Mejlfel | undefined;
    const storlek = (a: IArbete): number => JSON.stringify(a.post).length + (a.post.atgard === 'Diarieför' ? UTKAST_TILLVAXT : 0);
    for (const rad of delaIRader(arbeten, storlek, BATCH_STORLEK)) {
      if (journalFel) {
        rad.forEach((a) => { a.post.fel = journalFel; });
        continue;
      }
      let radref: { id: number; etag: string };
      try {
        radref = await this.laggTillRad(rad.map((a) => a.post), val.atgard, startad);
      } catch (e) {
        journalFel = tolkaDataFel(e).orsak;
        rad.forEach((a) => { a.post.fel = journalFel; });
        continue;
      }
      await this.utfor(rad, framsteg, radref);
      framsteg.klara(rad.length);
    }
    return arbeten.map((a) => this.resultat(a));
  }

  /**
   * Also the mails the mailbox shows as done but the journal does not (the last write failed, or the
   * page closed before it): Slutför brings the log up to date, or the log would say "not done".
   */
  public async hamtaAvbrutna(): Promise<IAvbrutenKorning[]> {
    try {
      const rader = await this.lasAvbrutna();
      return rader
        .map((r) => ({
          id: r.rad.id,
          startad: r.rad.poster[0]?.startad ?? r.rad.skapad,
          poster: r.rad.poster
            .filter((p) => !arAvslutad(p) && !r.lage.get(p.id)?.ersatt)
            .map((p): ILoggpost => {
              const l = r.lage.get(p.id);
              return { ...p, gjorda: l?.gjorda ?? p.gjorda, ...(l?.oviss ? { fel: 'oviss' as const } : {}) };
            })
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
          const l = lage.get(p.id);
          const post: ILoggpost = { ...p, gjorda: l?.gjorda ?? p.gjorda };
          if (l?.kopia) post.kopia = l.kopia;
          // Done before the page closed, as the mailbox shows: the time is when that was learnt.
          if (arKlar(post)) {
            delete post.fel;
            post.klar = post.klar ?? nu;
          }
          return post;
        });
      const arbeten = poster.filter((p) => !arAvslutad(p)).map((p): IArbete => {
        const l = lage.get(p.id);
        return {
          post: p, meddelande: radAvPost(p, l?.kategorier ?? []), kopiaPaRad: rad.poster.find((x) => x.id === p.id)?.kopia,
          ...(l?.oviss ? { vantarPaVal: true } : {}),
          ...(l?.overblivnaUtkast.length ? { overblivnaUtkast: l.overblivnaUtkast } : {})
        };
      });
      return { rad, arbeten, poster };
    });
    const framsteg = this.framsteg(perRad.reduce((n, r) => n + r.arbeten.length, 0), vidFramsteg);
    for (const { rad, poster, arbeten } of perRad) {
      // The row is rewritten even when nothing was left: what the mailbox showed closes it.
      await this.utfor(arbeten, framsteg, rad, poster);
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
   * The steps of one journal row's mails, each step in its own parallel $batch calls:
   * 1. forward drafts for the mails that have none (Diarieför), the delete (Gallra), the mark (Behåll);
   * 2. the drafts sent; a send without a 2xx is settled by reading the draft;
   * 3. the journal written: the forwards and their drafts are on record before anything is deleted;
   * 4. the originals and the copies of what was forwarded deleted (and drafts left over);
   * 5. the journal written with what was done; when that fails, the results say the log is behind.
   * `poster` is the whole row when only some of its mails are worked on (a run finished later).
   */
  private async utfor(arbeten: IArbete[], framsteg: { rapport: (arbeten: readonly IArbete[]) => void }, rad: { id: number; etag: string },
    poster: readonly ILoggpost[] = arbeten.map((a) => a.post)): Promise<void> {
    // A failure says why the last attempt stopped: this attempt starts without one.
    arbeten.forEach((a) => { delete a.post.fel; a.oviss = false; });
    const batch = this.nyBatch();
    const steg = new Map<string, { a: IArbete; steg: Epoststeg | 'Utkast' | 'Overblivet' }>();
    const fraga = (a: IArbete, s: Epoststeg | 'Utkast' | 'Overblivet', d: IDelfraga): IDelfraga[] => {
      steg.set(d.id, { a, steg: s });
      return [d];
    };
    const kor = async (fragor: IDelfraga[][]): Promise<void> => {
      if (fragor.length === 0) return;
      await batch.kor(fragor, (svar) => {
        for (const s of svar) {
          const t = steg.get(s.id);
          if (t) this.tillampa(t.a, t.steg, s);
        }
        framsteg.rapport(arbeten);
      });
    };
    const radera = (a: IArbete, s: 'RaderaOriginal' | 'RaderaKopia' | 'Overblivet', id: string, nr: string): IDelfraga[] =>
      fraga(a, s, { id: nr, method: 'POST', url: meddelandeUrl(id, '/permanentDelete'), upprepbar: true });
    for (const a of arbeten) {
      if (a.vantarPaVal) a.post.fel = 'oviss';
    }
    const vidare = (a: IArbete): boolean => a.post.atgard === 'Diarieför' && !a.vantarPaVal && farUtforas('Diarieför', 'Vidarebefordra', a.post.gjorda);

    // 1. Drafts, deletes of gallrade mail, marks.
    await kor(arbeten.flatMap((a, i) => {
      const { atgard, gjorda } = a.post;
      if (vidare(a) && !a.post.kopia) {
        return [fraga(a, 'Utkast', {
          id: `u${i}`, method: 'POST', url: meddelandeUrl(a.post.id, '/createForward'),
          body: {
            comment: a.post.kommentar ?? '',
            toRecipients: [{ emailAddress: { address: this.registrator } }],
            message: { singleValueExtendedProperties: [{ id: URSPRUNG_EGENSKAP, value: a.post.id }] }
          }
        })];
      }
      if (atgard === 'Gallra' && farUtforas(atgard, 'RaderaOriginal', gjorda)) return [radera(a, 'RaderaOriginal', a.post.id, `o${i}`)];
      if (atgard === 'Behåll' && farUtforas(atgard, 'Markera', gjorda)) {
        return [fraga(a, 'Markera', { id: `m${i}`, method: 'PATCH', url: meddelandeUrl(a.post.id), body: { categories: behallKategorier(a.meddelande.kategorier) } })];
      }
      return [];
    }));
    // A draft whose creation got no answer may exist: found by its property, not made twice.
    const ovissaUtkast = arbeten.filter((a) => a.oviss && !a.post.kopia);
    if (ovissaUtkast.length > 0) await this.hittaUtkast(ovissaUtkast);

    let tagg = rad.etag;
    /**
     * Writes the row before the next step; when that fails, the mails the step was for get the cause,
     * the row is closed as far as it goes, and the run stops here (finished later from the mailbox).
     */
    const paRekord = async (berorda: readonly IArbete[]): Promise<boolean> => {
      const vara = sammanfoga(arbeten.map((a) => a.post), poster);
      const skrivet = await this.skrivRad(rad.id, tagg, vara);
      if (typeof skrivet === 'string') {
        tagg = skrivet;
        return true;
      }
      for (const a of berorda) a.post.fel = a.post.fel ?? skrivet.fel.orsak;
      await this.slutSkrivning(arbeten, rad.id, tagg, vara);
      return false;
    };

    // 2. The drafts on record before any is sent: a run cut short finds its forwards by id, even
    //    while Exchange has a sent one in transit and no search would find it.
    const skickas = arbeten.filter((a) => vidare(a) && a.post.kopia && !a.post.fel);
    if (skickas.some((a) => a.post.kopia !== a.kopiaPaRad) && !await paRekord(skickas)) return;

    // 3. Send the drafts, each once: a send whose answer is lost is not sent again in this run (what
    //    Graph does with a second send of a sent draft is not documented); the draft tells.
    await kor(skickas.map((a, i) => fraga(a, 'Vidarebefordra', { id: `s${i}`, method: 'POST', url: meddelandeUrl(a.post.kopia!, '/send') })));
    // 202 means accepted, not sent: only the sent message (no longer a draft) counts as forwarded.
    if (skickas.length > 0) {
      await this.avgorSandningar(skickas.filter((a) => !a.post.fel));
      framsteg.rapport(arbeten);
    }

    // 4. The forwards on record before anything of theirs is deleted (also when a run finished later
    //    learnt them from the mailbox).
    const raderas = arbeten.filter((a) => a.post.atgard === 'Diarieför' && !a.post.fel && a.post.gjorda.includes('Vidarebefordra') &&
      stegKvar('Diarieför', a.post.gjorda).length > 0);
    if (raderas.length > 0 && !await paRekord(raderas)) return;

    // 5. The originals and the copies of what was forwarded, and drafts left over.
    await kor(arbeten.flatMap((a, i) => {
      const ut: IDelfraga[][] = [];
      const { atgard, gjorda } = a.post;
      (a.overblivnaUtkast ?? []).forEach((id, j) => ut.push(radera(a, 'Overblivet', id, `x${i}-${j}`)));
      if (atgard !== 'Diarieför' || a.post.fel) return ut;
      if (farUtforas(atgard, 'RaderaOriginal', gjorda)) ut.push(radera(a, 'RaderaOriginal', a.post.id, `o${i}`));
      if (a.post.kopia && farUtforas(atgard, 'RaderaKopia', gjorda)) ut.push(radera(a, 'RaderaKopia', a.post.kopia, `k${i}`));
      return ut;
    }));

    // 6. What was done, on record.
    await this.slutSkrivning(arbeten, rad.id, tagg, sammanfoga(arbeten.map((a) => a.post), poster));
  }

  /** The last write of a row: done mails get their time; a write that fails for good is said per mail. */
  private async slutSkrivning(arbeten: IArbete[], id: number, etag: string, poster: readonly ILoggpost[]): Promise<void> {
    const nu = this.klocka().toISOString();
    for (const a of arbeten) {
      if (arKlar(a.post)) {
        delete a.post.fel;
        a.post.klar = a.post.klar ?? nu;
      }
    }
    const perId = new Map(arbeten.map((a) => [a.post.id, a.post]));
    const skrivet = await this.skrivRad(id, etag, poster.map((p) => perId.get(p.id) ?? p));
    if (typeof skrivet !== 'string') arbeten.forEach((a) => { a.ejLoggad = true; });
  }

  /** What one answer means for its mail, as the domain reads it. */
  private tillampa(a: IArbete, steg: Epoststeg | 'Utkast' | 'Overblivet', s: IDelsvar): void {
    if (steg === 'Overblivet') return;
    if (steg === 'Utkast') {
      const id = (s.body as IGraphUtkast | undefined)?.id;
      if (s.ok && id) a.post.kopia = id;
      else if (s.obesvarad) {
        a.oviss = true;
        a.sandfel = s.fel?.orsak ?? 'okant';
      } else a.post.fel = s.fel?.orsak ?? 'okant';
      return;
    }
    if (steg === 'Vidarebefordra') {
      // Accepted or not, the sent message decides (avgorSandningar); the answer is kept for when it stayed a draft.
      a.accepterad = s.ok;
      if (!s.ok) a.sandfel = s.fel?.orsak ?? 'okant';
      return;
    }
    const utfall = tolkaSvar(steg, s.status);
    if (utfall === 'Gjort') {
      a.post.gjorda = stegFor(a.post.atgard).filter((x) => x === steg || a.post.gjorda.includes(x));
    } else if (utfall === 'Oviss') {
      a.oviss = true;
      a.sandfel = s.fel?.orsak ?? 'okant';
    } else {
      a.post.fel = a.post.fel ?? s.fel?.orsak ?? 'okant';
    }
  }

  /**
   * Drafts whose creation got no answer, looked for by the property naming their original: the first
   * found is used, any further ones are deleted; none found means none was made (tried again later).
   */
  private async hittaUtkast(arbeten: IArbete[]): Promise<void> {
    const svar = await this.nyBatch().kor(arbeten.map((a, i) => [this.utkastSokning(a.post.id, `h${i}`)]));
    arbeten.forEach((a, i) => {
      const s = svar.get(`h${i}`);
      a.oviss = false;
      const hittade = s?.ok ? ((s.body as { value?: IGraphUtkast[] } | undefined)?.value ?? []) : undefined;
      if (!hittade) {
        a.post.fel = s?.fel?.orsak ?? 'okant';
        return;
      }
      // Sent already (only a send can have done that, and then its id is used): never made or sent again.
      const skickad = hittade.find((u) => u.isDraft === false);
      const utkast = hittade.filter((u) => u.isDraft !== false);
      const vald = skickad ?? utkast[0];
      if (!vald) {
        // None was made: the call's own failure is why; the next attempt makes one.
        a.post.fel = a.sandfel ?? 'okant';
        return;
      }
      a.post.kopia = vald.id;
      if (skickad) a.post.gjorda = stegFor('Diarieför').filter((x) => x === 'Vidarebefordra' || a.post.gjorda.includes(x));
      a.overblivnaUtkast = [...(a.overblivnaUtkast ?? []), ...utkast.filter((u) => u !== vald).map((u) => u.id)];
    });
  }

  /** The messages of the mailbox that carry the property naming this original: its forward drafts and sent copies. */
  private utkastSokning(originalId: string, nr: string): IDelfraga {
    return {
      id: nr, method: 'GET',
      url: graphUrl('/me/messages', {
        $filter: `singleValueExtendedProperties/any(ep:ep/id eq ${filterText(URSPRUNG_EGENSKAP)} and ep/value eq ${filterText(originalId)})`,
        $select: 'id,isDraft',
        $top: 10
      })
    };
  }

  /**
   * The sent drafts, read by their ids: no longer a draft means sent (forwarded); still a draft after
   * a refused send means it did not go (the send's answer says why). A draft accepted for sending,
   * or not found (Exchange files a sent message a moment later), is read again after 2 and 5
   * seconds; still not settled then, the mail is left as `oviss` (never sent again on the routine's
   * own) and nothing of it is deleted.
   */
  private async avgorSandningar(arbeten: IArbete[]): Promise<void> {
    let kvar = arbeten;
    for (let forsok = 0; ; forsok++) {
      const lage = await this.lasKopior(kvar.map((a) => a.post.kopia!));
      const vanta: IArbete[] = [];
      for (const a of kvar) {
        const l = lage.get(a.post.kopia!);
        if (l === 'skickad') {
          a.post.gjorda = stegFor('Diarieför').filter((x) => x === 'Vidarebefordra' || a.post.gjorda.includes(x));
        } else if (l === 'utkast' && !a.accepterad && a.sandfel !== undefined) {
          a.post.fel = a.sandfel;
        } else if (l instanceof DataFel) {
          a.post.fel = l.orsak;
        } else {
          vanta.push(a);
        }
      }
      kvar = vanta;
      if (kvar.length === 0) return;
      if (forsok >= KOPIA_VANTAN_MS.length) break;
      await this.vanta(KOPIA_VANTAN_MS[forsok]);
    }
    kvar.forEach((a) => { a.post.fel = 'oviss'; });
  }

  /** The forwards' messages by their immutable ids: draft or sent, gone, or why they could not be read. */
  private async lasKopior(ids: readonly string[]): Promise<Map<string, Kopielage | DataFel>> {
    const svar = await this.nyBatch().kor(ids.map((id, i) => [{ id: `g${i}`, method: 'GET', url: graphUrl(meddelandeUrl(id), { $select: 'id,isDraft' }) }]));
    return new Map(ids.map((id, i): [string, Kopielage | DataFel] => {
      const s = svar.get(`g${i}`);
      if (s?.ok) return [id, (s.body as IGraphUtkast | undefined)?.isDraft ? 'utkast' : 'skickad'];
      if (s?.status === 404) return [id, 'saknas'];
      return [id, s?.fel ?? new DataFel('okant')];
    }));
  }

  /**
   * The runs cut short and what the mailbox shows of each mail in them: the original there or
   * gone (and whether it was kept since), the forward's draft or sent copy.
   */
  private async lasAvbrutna(): Promise<Array<{ rad: IJournalrad; lage: Map<string, ILage> }>> {
    const rader = await this.lasRader(`${F.Status} eq 'Pågår'`);
    const lage = await this.lasLage(rader.flatMap((r) => r.poster.filter((p) => !arAvslutad(p))));
    return rader.map((rad) => ({ rad, lage }));
  }

  /**
   * One parallel read per mail: the original; for a Diarieför whose copy is not deleted, its
   * forward by the draft's id in the journal, or (no id on record: the page closed before it was
   * written) by the property naming the original.
   */
  private async lasLage(poster: readonly ILoggpost[]): Promise<Map<string, ILage>> {
    const ut = new Map<string, ILage>();
    if (poster.length === 0) return ut;
    const fragor: IDelfraga[][] = poster.map((p, i) => {
      const f: IDelfraga[] = [{ id: `l${i}`, method: 'GET', url: graphUrl(meddelandeUrl(p.id), { $select: 'id,categories' }) }];
      if (p.atgard === 'Diarieför' && !p.gjorda.includes('RaderaKopia')) {
        f.push(p.kopia
          ? { id: `k${i}`, method: 'GET', url: graphUrl(meddelandeUrl(p.kopia), { $select: 'id,isDraft' }) }
          : this.utkastSokning(p.id, `k${i}`));
      }
      return f;
    });
    const svar = await this.nyBatch().kor(fragor);
    const las = (nr: string): IDelsvar | undefined => {
      const s = svar.get(nr);
      if (!s || (!s.ok && s.status !== 404)) throw s?.fel ?? new DataFel('okant');
      return s.ok ? s : undefined;
    };
    poster.forEach((p, i) => {
      const original = las(`l${i}`);
      const kategorier = original ? ((original.body as { categories?: string[] } | undefined)?.categories ?? []) : [];
      const markerad = kategorier.includes(BEHALLEN_KATEGORI);
      let kopia: string | undefined;
      let kopielage: Kopielage | undefined;
      let overblivnaUtkast: string[] = [];
      if (p.atgard === 'Diarieför' && p.gjorda.includes('RaderaKopia')) {
        kopielage = 'saknas';
      } else if (p.atgard === 'Diarieför' && p.kopia) {
        const k = las(`k${i}`);
        kopia = p.kopia;
        kopielage = !k ? 'saknas' : (k.body as IGraphUtkast | undefined)?.isDraft ? 'utkast' : 'skickad';
      } else if (p.atgard === 'Diarieför') {
        const hittade = (las(`k${i}`)?.body as { value?: IGraphUtkast[] } | undefined)?.value ?? [];
        const skickad = hittade.find((u) => u.isDraft === false);
        const utkast = hittade.filter((u) => u.isDraft !== false);
        const vald = skickad ?? utkast[0];
        if (vald) {
          kopia = vald.id;
          kopielage = skickad ? 'skickad' : 'utkast';
          overblivnaUtkast = utkast.filter((u) => u !== vald).map((u) => u.id);
        }
      }
      const gjorda = aterstalldaSteg(p.atgard, { gjorda: p.gjorda, originalFinns: !!original, markerad, ...(kopielage ? { kopia: kopielage } : {}) });
      ut.set(p.id, {
        gjorda, kategorier, overblivnaUtkast,
        ...(kopia ? { kopia } : {}),
        oviss: p.atgard === 'Diarieför' && vidarebefordranOviss({ gjorda, harUtkast: !!p.kopia, ...(kopielage ? { kopia: kopielage } : {}) }),
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
      const skrivet = await this.skrivRad(r.id, r.etag, r.poster.filter((p) => !ids.has(p.id)), ids);
      if (typeof skrivet !== 'string') throw skrivet.fel;
    }
    return lage;
  }

  // ---- the journal -----------------------------------------------------------------------------

  private async laggTillRad(poster: readonly ILoggpost[], atgard: Atgard, startad: string): Promise<{ id: number; etag: string }> {
    const { datum, klocka } = iStockholm(new Date(startad));
    // Created once even when the answer is lost (src/data/skapa.ts): a second row would be a second run of the same mails.
    const rad = await skapaRad(this.lista, {
      [F.Rubrik]: `${atgard} ${poster.length} mejl ${datum} ${klocka}`,
      [F.Poster]: skrivLoggposter(poster),
      [F.Status]: 'Pågår' satisfies Epostloggstatus,
      [F.Antal]: poster.length,
      [F.Startad]: startad
    }) as Record<string, unknown>;
    return { id: Number(rad.Id ?? rad.ID), etag: String(rad['odata.etag'] ?? '*') };
  }

  /**
   * Writes a row's entries with the row's ETag and answers with the new one. When the row changed
   * since (412, another tab or device finishing the same run), the stored version is read and ours
   * laid over it; a write SharePoint did not answer is tried again. A row that cannot be written
   * stays 'Pågår' and is finished from what the mailbox shows; the mail is not at risk.
   */
  private async skrivRad(id: number, etag: string, poster: readonly ILoggpost[], utan?: ReadonlySet<string>): Promise<string | { fel: DataFel }> {
    let vara = [...poster];
    let tagg = etag;
    for (let forsok = 1; ; forsok++) {
      try {
        const svar = await this.lista.items.getById(id).update({
          [F.Poster]: skrivLoggposter(vara),
          [F.Status]: radstatus(vara),
          [F.Antal]: vara.length
        }, tagg) as { etag?: string | null } | undefined;
        // No ETag in the answer (a proxy may drop it): read it, rather than overwrite blindly next time.
        return svar?.etag ?? (await this.lasRad(id)).etag;
      } catch (e) {
        const fel = tolkaDataFel(e);
        const igen = fel.orsak === 'konflikt' || fel.orsak === 'natverk' || fel.orsak === 'strypt' || (fel.status ?? 0) >= 500;
        if (!igen || forsok >= SKRIVFORSOK) return { fel };
        if (fel.orsak !== 'konflikt') {
          await this.vanta(1_000 * forsok);
          continue;
        }
        try {
          const lagrad = await this.lasRad(id);
          vara = sammanfoga(vara, lagrad.poster.filter((p) => !utan?.has(p.id)));
          tagg = lagrad.etag;
        } catch (las) {
          return { fel: tolkaDataFel(las) };
        }
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
    // Immutable ids, as the journal keeps them: a mail in the log is one row whether journaled or still there.
    let fraga: IGraphQueryable = graphSokvag(this.graph, sokvag).using(InjectHeaders(FASTA_ID));
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
   * diarieförd mail once it is with the registrator; deleting it and its copy is the run's tidying
   * up) or have failed for now.
   */
  private framsteg(totalt: number, vidFramsteg?: (f: IFramsteg) => void): { rapport: (arbeten: readonly IArbete[]) => void; klara: (n: number) => void } {
    let fore = 0;
    return {
      rapport: (arbeten) => {
        const klara = arbeten.filter((a) => stegKvar(a.post.atgard, a.post.gjorda).every((x) => x === 'RaderaOriginal' || x === 'RaderaKopia') &&
          (a.post.atgard === 'Diarieför' || stegKvar(a.post.atgard, a.post.gjorda).length === 0) ||
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
      ...(!klar ? { fel: a.post.fel ?? 'okant' } : {}),
      ...(a.ejLoggad ? { ejLoggad: true as const } : {})
    };
  }
}
