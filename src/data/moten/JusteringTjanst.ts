/**
 * Digital justering of protokoll (issue item 3, docs/justering.md): the nämndsekreterare uploads the
 * draft and sends it to justering, the ordförande and the justerare approve it with their Microsoft 365
 * identity (or an e-signature service, Signering.ts), and the justerat protokoll is opened to the public
 * and tillkännagivet on the anslagstavla. The rules are in domain/justering.ts and domain/anslag.ts;
 * this class reads and writes the Protokoll library and the Anslag list and checks the rules again.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/site-users/web';
import { IList } from '@pnp/sp/lists';
import { tillkannagivande } from '../../domain/anslag';
import { IsoDate } from '../../domain/dates';
import { justerasSenast } from '../../domain/frister';
import {
  godkann, IJustering, IJusteringsperson, JUSTERINGSSTATUS, Justeringsstatus, justeringsfrist, kanSkickasTillJustering,
  lasJusteringslogg, skrivJusteringslogg
} from '../../domain/justering';
import {
  AnslagFalt, AnslagLista, ANSLAGSTYPER, OrganFalt, ProtokollBibliotek, ProtokollFalt, SammantradeFalt, SammantradenLista
} from '../../schema/moten';
import { IFieldDef } from '../../schema/types';
import { DataFel, tolkaDataFel } from '../fel';
import { franSpDatum, tillSpDatum } from '../spDatum';
import { PublikBehorighet } from './publikBehorighet';
import { Microsoft365Signering } from './Signering';
import { IAnslag, IJusteringTjanst, IProtokollVy, ISammantrade, ISignering, JusteringsFel } from './typer';

const F = ProtokollFalt;
const A = AnslagFalt;
const S = SammantradeFalt;
const TILLKANNAGIVANDE = ANSLAGSTYPER[0];
/** Approvals re-applied after a 412 before giving up: enough for the handful of people who justerar. */
const FORSOK = 3;

const PERSON = (falt: string): string[] => [`${falt}/Id`, `${falt}/Title`, `${falt}/EMail`];
const PROTOKOLL_URVAL = [
  'Id', 'FileRef', 'FileLeafRef', `${F.Sammantrade}Id`, F.Rubrik, F.Status, F.JusterasSenast, F.JusteratDatum, F.Justeringslogg,
  F.Forvaringsplats, F.Tillkannagivet, ...PERSON(F.Ordforande), ...PERSON(F.Justerare)
];
const STANDARD_FORVARINGSPLATS = String(
  (ProtokollBibliotek.fields as readonly IFieldDef[]).find((f) => f.internalName === F.Forvaringsplats)?.defaultValue ?? '');

type Rad = Record<string, unknown>;

/** A protokoll row as read, with what the view does not show but the service needs. */
interface ILastProtokoll {
  vy: IProtokollVy;
  sammantradeId: number;
  tillkannagivet?: IsoDate;
  etag: string;
}

interface ISammantradesfakta {
  organId: number;
  organ: string;
  motesdag: IsoDate;
}

function person(v: unknown): IJusteringsperson | undefined {
  const p = v as { Id?: unknown; Title?: unknown; EMail?: unknown } | null | undefined;
  return p && typeof p.Id === 'number' ? { id: p.Id, namn: String(p.Title ?? ''), epost: String(p.EMail ?? '') } : undefined;
}

function status(v: unknown): Justeringsstatus {
  // A status typed by hand outside the choices counts as a draft: nothing is approved on a guess.
  return (JUSTERINGSSTATUS as readonly unknown[]).includes(v) ? (v as Justeringsstatus) : 'Utkast';
}

function tillVy(r: Rad, motesdag: IsoDate, idag: IsoDate): ILastProtokoll {
  const logg = lasJusteringslogg(r[F.Justeringslogg]);
  const justering: IJustering = {
    status: status(r[F.Status]),
    motesdag,
    ordforande: person(r[F.Ordforande]),
    justerare: (Array.isArray(r[F.Justerare]) ? (r[F.Justerare] as unknown[]) : []).map(person).filter((p): p is IJusteringsperson => !!p),
    godkannanden: logg.godkannanden,
    justeratDatum: franSpDatum(r[F.JusteratDatum])
  };
  const frist = justeringsfrist(justering, idag);
  const etag = String(r['odata.etag'] ?? '*');
  return {
    sammantradeId: Number(r[`${F.Sammantrade}Id`]),
    tillkannagivet: franSpDatum(r[F.Tillkannagivet]),
    etag,
    vy: {
      id: Number(r.Id),
      rubrik: String(r[F.Rubrik] ?? r.FileLeafRef ?? ''),
      filnamn: String(r.FileLeafRef ?? ''),
      filUrl: String(r.FileRef ?? ''),
      justering,
      justerasSenast: franSpDatum(r[F.JusterasSenast]) ?? frist.senast,
      fristlage: frist.lage,
      forvaringsplats: String(r[F.Forvaringsplats] ?? '') || STANDARD_FORVARINGSPLATS,
      olasbaraLoggrader: logg.olasbara,
      etag
    }
  };
}

function tillAnslag(r: Rad, organ: string): IAnslag {
  return {
    id: Number(r.Id),
    rubrik: String(r[A.Rubrik] ?? ''),
    typ: TILLKANNAGIVANDE,
    organ,
    sammantradeId: typeof r[`${A.Sammantrade}Id`] === 'number' ? (r[`${A.Sammantrade}Id`] as number) : undefined,
    sammantradesdatum: franSpDatum(r[A.SammantradesDatum]) ?? '',
    justeringsdatum: franSpDatum(r[A.JusteringsDatum]),
    forvaringsplats: typeof r[A.Forvaringsplats] === 'string' ? (r[A.Forvaringsplats] as string) : undefined,
    uppsatt: franSpDatum(r[A.Uppsatt]) ?? '',
    sistaDagForOverklagande: franSpDatum(r[A.SistaDagOverklagande]),
    nedtagning: franSpDatum(r[A.Nedtagning])
  };
}

/** System accounts and apps that SharePoint lists among the site users but who never justerar. */
function arSystemkonto(login: string, epost: string): boolean {
  return !epost || !/^i:0#\.f\|membership\|/i.test(login);
}

export interface IJusteringAlternativ {
  /** How approvals are signed; Microsoft 365 sign-in unless an e-signature service is plugged in. */
  signering?: ISignering;
  /** The instant of an approval; tests fix it so that it falls on their `idag`. */
  klocka?: () => Date;
}

export class JusteringTjanst implements IJusteringTjanst {
  private readonly webb: string;
  private readonly behorighet: PublikBehorighet;
  private readonly signering: ISignering;
  private readonly klocka: () => Date;
  private jag: Promise<IJusteringsperson> | undefined;

  public constructor(private readonly sp: SPFI, webbSokvag: string, alternativ: IJusteringAlternativ = {}) {
    this.webb = webbSokvag.replace(/\/$/, '');
    this.behorighet = new PublikBehorighet(sp);
    this.signering = alternativ.signering ?? new Microsoft365Signering();
    this.klocka = alternativ.klocka ?? (() => new Date());
  }

  private get bibliotek(): IList {
    return this.sp.web.getList(`${this.webb}/${ProtokollBibliotek.url}`);
  }

  private get anslagLista(): IList {
    return this.sp.web.getList(`${this.webb}/${AnslagLista.url}`);
  }

  public aktuellPerson(): Promise<IJusteringsperson> {
    this.jag ??= this.sp.web.currentUser.select('Id', 'Title', 'Email')<{ Id: number; Title: string; Email: string }>()
      .then((u) => ({ id: u.Id, namn: u.Title, epost: u.Email ?? '' }));
    const jag = this.jag.catch((fel: unknown) => {
      this.jag = undefined;
      throw tolkaDataFel(fel);
    });
    return jag;
  }

  public async sokPersoner(sok: string): Promise<IJusteringsperson[]> {
    const text = sok.trim().toLocaleLowerCase('sv');
    if (!text) return [];
    try {
      // Filtered here: siteusers' support for substringof varies between tenants, and a kommun's
      // site has hundreds of users, not the thousands where this would matter.
      const alla = await this.sp.web.siteUsers.select('Id', 'Title', 'Email', 'LoginName', 'PrincipalType')<Array<{
        Id: number; Title?: string; Email?: string; LoginName?: string; PrincipalType?: number;
      }>>();
      return alla
        .filter((u) => u.PrincipalType === 1 && !arSystemkonto(u.LoginName ?? '', u.Email ?? ''))
        .filter((u) => (u.Title ?? '').toLocaleLowerCase('sv').includes(text) || (u.Email ?? '').toLocaleLowerCase('sv').includes(text))
        .map((u) => ({ id: u.Id, namn: u.Title ?? '', epost: u.Email ?? '' }))
        .sort((a, b) => a.namn.localeCompare(b.namn, 'sv'));
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async hamtaProtokoll(sammantradeId: number, motesdag: IsoDate, idag: IsoDate): Promise<IProtokollVy | undefined> {
    return (await this.lasForMote(sammantradeId, motesdag, idag))?.vy;
  }

  public async laddaUppUtkast(sammantradeId: number, motesdag: IsoDate, fil: { namn: string; innehall: ArrayBuffer },
    ordforande: IJusteringsperson, justerare: IJusteringsperson[], idag: IsoDate): Promise<IProtokollVy> {
    const utkast: IJustering = { status: 'Utkast', motesdag, ordforande, justerare, godkannanden: [] };
    const fel = kanSkickasTillJustering(utkast);
    if (fel) throw new JusteringsFel(fel);
    const befintligt = await this.lasForMote(sammantradeId, motesdag, idag);
    if (befintligt && befintligt.vy.justering.status !== 'Utkast') throw new DataFel('konflikt');
    const mote = await this.lasSammantrade(sammantradeId);

    let id: number;
    try {
      const uppladdad = await this.sp.web.getFolderByServerRelativePath(`${this.webb}/${ProtokollBibliotek.url}`).files
        .addUsingPath(fil.namn, fil.innehall, { Overwrite: false });
      const post = await this.sp.web.getFileByServerRelativePath(uppladdad.ServerRelativeUrl).listItemAllFields.select('Id')<{ Id: number }>();
      id = post.Id;
    } catch (e) {
      throw tolkaDataFel(e);
    }
    const objekt = this.bibliotek.items.getById(id);
    try {
      // Closed before anything else: the public site must never see a draft, not even for a moment.
      await this.behorighet.stangForPublik(objekt);
      await objekt.update({
        [F.Rubrik]: `Protokoll ${mote.rubrik}`,
        [`${F.Sammantrade}Id`]: sammantradeId,
        [`${F.Ordforande}Id`]: ordforande.id,
        [`${F.Justerare}Id`]: justerare.map((p) => p.id),
        [F.Status]: 'Utkast' satisfies Justeringsstatus,
        [F.JusterasSenast]: tillSpDatum(justerasSenast(motesdag)),
        [F.Justeringslogg]: skrivJusteringslogg([]),
        [F.Forvaringsplats]: STANDARD_FORVARINGSPLATS
      });
      return (await this.lasProtokoll(id, motesdag, idag)).vy;
    } catch (e) {
      // A file without its meeting and people would be an orphan in the library: take it back.
      await objekt.recycle().catch(() => undefined);
      throw tolkaDataFel(e);
    }
  }

  public async skickaTillJustering(protokoll: IProtokollVy, idag: IsoDate): Promise<IProtokollVy> {
    const motesdag = protokoll.justering.motesdag;
    const { vy, etag } = await this.lasProtokoll(protokoll.id, motesdag, idag);
    const fel = kanSkickasTillJustering(vy.justering);
    if (fel) throw new JusteringsFel(fel);
    const objekt = this.bibliotek.items.getById(protokoll.id);
    try {
      // Again, in case the item lost its own permissions since upload (someone reset them by hand).
      await this.behorighet.stangForPublik(objekt);
      // Ledamöter only read the library: item-level Contribute lets each write their own approval.
      const ids = [vy.justering.ordforande, ...vy.justering.justerare].filter((p): p is IJusteringsperson => !!p).map((p) => p.id);
      await this.behorighet.geBidra(objekt, Array.from(new Set(ids)));
      if (vy.justering.status === 'Utkast') {
        await objekt.update({ [F.Status]: 'Under justering' satisfies Justeringsstatus }, etag);
      }
    } catch (e) {
      throw tolkaDataFel(e);
    }
    return (await this.lasProtokoll(protokoll.id, motesdag, idag)).vy;
  }

  public async godkann(protokoll: IProtokollVy, sammantrade: ISammantrade, idag: IsoDate): Promise<{ protokoll: IProtokollVy; anslag?: IAnslag }> {
    const motesdag = protokoll.justering.motesdag;
    const jag = await this.aktuellPerson();
    const objekt = this.bibliotek.items.getById(protokoll.id);
    const godkannande = (metod: string, referens?: string): Parameters<typeof godkann>[1] =>
      ({ personId: jag.id, namn: jag.namn, epost: jag.epost, tid: this.klocka().toISOString(), metod, ...(referens ? { referens } : {}) });

    let last = await this.lasProtokoll(protokoll.id, motesdag, idag);
    const prov = godkann(last.vy.justering, godkannande(''), idag);
    if (!prov.ok) throw new JusteringsFel(prov.fel);
    // Asked once, after the rules accept the person: an e-signature must not be asked for in vain.
    const signatur = await this.signering.signera({ protokollId: protokoll.id, filUrl: last.vy.filUrl, person: jag });

    let sparat: ILastProtokoll | undefined;
    for (let forsok = 1; forsok <= FORSOK && !sparat; forsok++) {
      if (forsok > 1) last = await this.lasProtokoll(protokoll.id, motesdag, idag);
      const resultat = godkann(last.vy.justering, godkannande(signatur.metod, signatur.referens), idag);
      if (!resultat.ok) {
        // After a 412 our own write may have landed all the same (its answer was lost): then it is done.
        if (last.vy.justering.godkannanden.some((g) => g.personId === jag.id)) {
          sparat = last;
          break;
        }
        throw new JusteringsFel(resultat.fel);
      }
      const j = resultat.justering;
      try {
        // If-Match on the ETag read: a justerare approving at the same moment is re-read, not overwritten.
        await objekt.update({
          [F.Justeringslogg]: skrivJusteringslogg(j.godkannanden),
          ...(resultat.justerat ? { [F.Status]: j.status, [F.JusteratDatum]: tillSpDatum(idag) } : {})
        }, last.etag);
        sparat = await this.lasProtokoll(protokoll.id, motesdag, idag);
      } catch (e) {
        const fel = tolkaDataFel(e);
        if (fel.orsak !== 'konflikt') throw fel;
      }
    }
    if (!sparat) throw new DataFel('konflikt', 412);
    if (sparat.vy.justering.status !== 'Justerat' || sparat.tillkannagivet) return { protokoll: sparat.vy };
    try {
      const fakta = sammantrade.organId !== undefined
        ? { organId: sammantrade.organId, organ: sammantrade.organ, motesdag }
        : await this.lasSammantrade(sparat.sammantradeId);
      const anslag = await this.tillkannage(sparat, fakta, idag);
      return { protokoll: (await this.lasProtokoll(protokoll.id, motesdag, idag)).vy, anslag };
    } catch {
      // The approval is recorded; opening to the public and posting need a nämndsekreterare's rights,
      // which a ledamot lacks (403). The nämndsekreterare's portal completes it (tillkannageJusterade).
      return { protokoll: sparat.vy };
    }
  }

  public async tillkannageJusterade(idag: IsoDate): Promise<IAnslag[]> {
    const vantande: Rad[] = [];
    try {
      // Filtered on the indexed status column only, so the library may grow past the threshold;
      // "not yet tillkännagivet" is checked here.
      for await (const sida of this.bibliotek.items.select(...PROTOKOLL_URVAL).expand(F.Ordforande, F.Justerare)
        .filter(`${F.Status} eq 'Justerat'`).top(500)) {
        vantande.push(...(sida as Rad[]).filter((r) => !franSpDatum(r[F.Tillkannagivet])));
      }
    } catch (e) {
      throw tolkaDataFel(e);
    }
    const uppsatta: IAnslag[] = [];
    let forstaFel: DataFel | undefined;
    for (const r of vantande) {
      // One protokoll that cannot be completed (its meeting removed, say) must not hold back the rest.
      try {
        const fakta = await this.lasSammantrade(Number(r[`${F.Sammantrade}Id`]));
        const anslag = await this.tillkannage(tillVy(r, fakta.motesdag, idag), fakta, idag);
        if (anslag) uppsatta.push(anslag);
      } catch (e) {
        const fel = tolkaDataFel(e);
        // These hold for every protokoll alike (no rights, signed out, offline): stop at the first.
        if (['behorighet', 'inloggning', 'natverk', 'strypt'].includes(fel.orsak)) throw fel;
        forstaFel ??= fel;
      }
    }
    if (forstaFel) throw forstaFel;
    return uppsatta;
  }

  /**
   * Opens the justerat protokoll to the public, posts its tillkännagivande and records the day.
   * Returns the new anslag, or undefined when one was already up (only the day is recorded then).
   * Ordered so that a failure half-way leaves nothing a second run cannot finish.
   */
  private async tillkannage(p: ILastProtokoll, fakta: ISammantradesfakta, idag: IsoDate): Promise<IAnslag | undefined> {
    const objekt = this.bibliotek.items.getById(p.vy.id);
    try {
      await this.behorighet.oppnaForPublik(objekt);
      const befintliga = await this.anslagLista.items
        .select('Id', A.Uppsatt)
        .filter(`${A.Sammantrade}Id eq ${p.sammantradeId} and ${A.Typ} eq '${TILLKANNAGIVANDE}'`)
        .top(1)<Rad[]>();
      let nytt: IAnslag | undefined;
      let uppsatt = idag;
      if (befintliga.length > 0) {
        uppsatt = franSpDatum(befintliga[0][A.Uppsatt]) ?? idag;
      } else {
        const t = tillkannagivande({
          organ: fakta.organ,
          sammantradesdatum: fakta.motesdag,
          justeringsdatum: p.vy.justering.justeratDatum ?? idag,
          forvaringsplats: p.vy.forvaringsplats,
          uppsatt: idag
        });
        const skapad = await this.anslagLista.items.add({
          [A.Rubrik]: `Justerat protokoll: ${t.organ} ${t.sammantradesdatum}`,
          [A.Typ]: TILLKANNAGIVANDE,
          [`${A.Organ}Id`]: fakta.organId,
          [`${A.Sammantrade}Id`]: p.sammantradeId,
          [A.SammantradesDatum]: tillSpDatum(t.sammantradesdatum),
          [A.JusteringsDatum]: tillSpDatum(t.justeringsdatum),
          [A.Forvaringsplats]: t.forvaringsplats,
          [A.Uppsatt]: tillSpDatum(t.uppsatt),
          [A.SistaDagOverklagande]: tillSpDatum(t.sistaDagForOverklagande),
          [A.Nedtagning]: tillSpDatum(t.nedtagning)
        });
        nytt = tillAnslag(skapad as Rad, fakta.organ);
      }
      await objekt.update({ [F.Tillkannagivet]: tillSpDatum(uppsatt) });
      return nytt;
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  private async lasProtokoll(id: number, motesdag: IsoDate, idag: IsoDate): Promise<ILastProtokoll> {
    try {
      const r = await this.bibliotek.items.getById(id).select(...PROTOKOLL_URVAL).expand(F.Ordforande, F.Justerare)<Rad>();
      return tillVy(r, motesdag, idag);
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  private async lasForMote(sammantradeId: number, motesdag: IsoDate, idag: IsoDate): Promise<ILastProtokoll | undefined> {
    try {
      const rader = await this.bibliotek.items.select(...PROTOKOLL_URVAL).expand(F.Ordforande, F.Justerare)
        .filter(`${F.Sammantrade}Id eq ${sammantradeId}`).orderBy('Id', false).top(1)<Rad[]>();
      return rader.length > 0 ? tillVy(rader[0], motesdag, idag) : undefined;
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  private async lasSammantrade(id: number): Promise<ISammantradesfakta & { rubrik: string }> {
    try {
      const r = await this.sp.web.getList(`${this.webb}/${SammantradenLista.url}`).items.getById(id)
        .select('Id', S.Rubrik, S.Datum, `${S.Organ}/Id`, `${S.Organ}/${OrganFalt.Namn}`).expand(S.Organ)<Rad>();
      const organ = r[S.Organ] as { Id?: unknown; Title?: unknown } | null;
      const motesdag = franSpDatum(r[S.Datum]);
      if (!organ || typeof organ.Id !== 'number' || !motesdag) throw new DataFel('ogiltig');
      return { organId: organ.Id, organ: String(organ.Title ?? ''), motesdag, rubrik: String(r[S.Rubrik] ?? '') };
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }
}
