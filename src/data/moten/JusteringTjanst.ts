/**
 * Digital justering of protokoll (issue item 3, docs/justering.md): the nämndsekreterare uploads the
 * draft and sends it to justering; the ordförande and the justerare each approve it by adding their
 * own row to the list Justeringar (signed with their Microsoft 365 identity or an e-signature service,
 * Signering.ts); the nämndsekreterare's service completes the justering from those rows, opens the
 * protokoll to the public and tillkännager it on the anslagstavla.
 *
 * Nothing a client writes decides who approved or when: a row's author and time are SharePoint's
 * Author and Created, and the list lets people without Full Control change only their own rows.
 * Approvers get no rights on the protokoll itself. The rules are in domain/justering.ts and
 * domain/anslag.ts; this class reads and writes the lists and checks the rules again.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import { IItems } from '@pnp/sp/items';
import { IList } from '@pnp/sp/lists';
import { PermissionKind } from '@pnp/sp/security';
import { TILLKANNAGIVANDE, tillkannagesSenast, tillkannagivande } from '../../domain/anslag';
import { IsoDate, swedishDate } from '../../domain/dates';
import { justerasSenast } from '../../domain/frister';
import {
  bedomJustering, IGodkannande, IJustering, IJusteringsrad, JUSTERINGSSTATUS, Justeringsstatus, justeringsfrist,
  kanGodkanna, kanSkickasTillJustering, lasJusteringslogg, skrivJusteringslogg
} from '../../domain/justering';
import { IPerson } from '../../domain/personer';
import {
  AnslagFalt, AnslagLista, JusteringarLista, JusteringFalt, OrganFalt, ProtokollBibliotek, ProtokollFalt, SammantradeFalt, SammantradenLista
} from '../../schema/moten';
import { SKAPANDENYCKEL } from '../../schema/skapande';
import { IFieldDef } from '../../schema/types';
import { DataFel, svarsstatus, tolkaDataFel } from '../fel';
import { laggTillFil } from '../filer';
import { AktuellPerson, personUrval, sokPersoner, tillPerson } from '../personer';
import { nyNyckel, skapaRad } from '../skapa';
import { franSpDatum, tillSpDatum } from '../spDatum';
import { PublikBehorighet } from './publikBehorighet';
import { Microsoft365Signering } from './Signering';
import { IAnslag, IJusteringTjanst, IProtokollVy, ISammantrade, ISignering, JusteringsFel } from './typer';

const F = ProtokollFalt;
const A = AnslagFalt;
const J = JusteringFalt;
const S = SammantradeFalt;
/** Rows per request: below the list view threshold, so paging never trips it. */
const SIDA = 500;
/** How far back the recovery looks for a Justerat protokoll left without its tillkännagivande. */
const ATERHAMTNING_DAGAR = 60;

const PERSON = personUrval;
const PROTOKOLL_URVAL = [
  'Id', 'FileRef', 'FileLeafRef', `${F.Sammantrade}Id`, F.Rubrik, F.Status, F.JusterasSenast, F.JusteratDatum, F.Justeringslogg,
  F.Forvaringsplats, F.Tillkannagivet, ...PERSON(F.Ordforande), ...PERSON(F.Justerare)
];
const RAD_URVAL = ['Id', `${J.Protokoll}Id`, J.Metod, J.Referens, 'Created', 'Modified', ...PERSON('Author')];
const STANDARD_FORVARINGSPLATS = String(
  (ProtokollBibliotek.fields as readonly IFieldDef[]).find((f) => f.internalName === F.Forvaringsplats)?.defaultValue ?? '');

type Rad = Record<string, unknown>;

/** A protokoll row as read, with what the view does not show but the service needs. */
interface ILastProtokoll {
  vy: IProtokollVy;
  sammantradeId: number;
  etag: string;
}

interface ISammantradesfakta {
  organId: number;
  organ: string;
  motesdag: IsoDate;
}

function status(v: unknown): Justeringsstatus {
  // A status typed by hand outside the choices counts as a draft: nothing is approved on a guess.
  return (JUSTERINGSSTATUS as readonly unknown[]).includes(v) ? (v as Justeringsstatus) : 'Utkast';
}

/** One approval row as SharePoint answers it: author and instants are the server's. */
function tillJusteringsrad(r: Rad): IJusteringsrad | undefined {
  const forfattare = tillPerson(r.Author);
  if (!forfattare || typeof r.Created !== 'string') return undefined;
  return {
    id: Number(r.Id), forfattare, skapad: r.Created, ...(typeof r.Modified === 'string' ? { andrad: r.Modified } : {}),
    metod: String(r[J.Metod] ?? ''), ...(typeof r[J.Referens] === 'string' && r[J.Referens] ? { referens: r[J.Referens] as string } : {})
  };
}

/**
 * The view of a protokoll. Under justering its approvals are judged from the rows (server authors
 * and times, only the named people, each once); once justerat, from the log the completion recorded.
 */
function tillVy(r: Rad, motesdag: IsoDate, idag: IsoDate, rader: readonly IJusteringsrad[]): ILastProtokoll {
  const s = status(r[F.Status]);
  const namngivna = {
    ordforande: tillPerson(r[F.Ordforande]),
    justerare: (Array.isArray(r[F.Justerare]) ? (r[F.Justerare] as unknown[]) : []).map(tillPerson).filter((p): p is IPerson => !!p)
  };
  const justeratDatum = franSpDatum(r[F.JusteratDatum]);
  let godkannanden: IGodkannande[] = [];
  let olasbara = 0;
  let obehoriga = 0;
  let godkandDatum: IsoDate | undefined;
  if (s === 'Justerat') {
    const logg = lasJusteringslogg(r[F.Justeringslogg]);
    godkannanden = logg.godkannanden;
    olasbara = logg.olasbara;
    godkandDatum = justeratDatum;
  } else if (s === 'Under justering') {
    const utfall = bedomJustering(namngivna, rader);
    godkannanden = utfall.godkannanden;
    obehoriga = utfall.obehoriga.length;
    godkandDatum = utfall.justeratDatum;
  }
  const justering: IJustering = { status: s, motesdag, ...namngivna, godkannanden, ...(justeratDatum ? { justeratDatum } : {}) };
  const allaHarGodkant = s === 'Justerat' || godkandDatum !== undefined;
  // When all have approved the 14 days are met or missed already, whether or not it is completed yet.
  const frist = justeringsfrist(allaHarGodkant ? { status: 'Justerat', motesdag, justeratDatum: godkandDatum } : justering, idag);
  const tillkannagivet = franSpDatum(r[F.Tillkannagivet]);
  const senast = godkandDatum ? tillkannagesSenast(godkandDatum) : undefined;
  const etag = String(r['odata.etag'] ?? '*');
  return {
    sammantradeId: Number(r[`${F.Sammantrade}Id`]),
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
      olasbaraLoggrader: olasbara,
      allaHarGodkant,
      ...(godkandDatum ? { godkandDatum } : {}),
      obehorigaGodkannanden: obehoriga,
      ...(tillkannagivet ? { tillkannagivet } : {}),
      ...(senast ? { tillkannagesSenast: senast } : {}),
      forsentTillkannagivet: !!senast && (tillkannagivet ? tillkannagivet > senast : idag > senast),
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

export interface IJusteringAlternativ {
  /** How approvals are signed; Microsoft 365 sign-in unless an e-signature service is plugged in. */
  signering?: ISignering;
  /** The service's clock: the day a tillkännagivande is posted. Tests fix it. */
  klocka?: () => Date;
}

export class JusteringTjanst implements IJusteringTjanst {
  private readonly webb: string;
  private readonly behorighet: PublikBehorighet;
  private readonly signering: ISignering;
  private readonly klocka: () => Date;
  private readonly jag: AktuellPerson;

  public constructor(private readonly sp: SPFI, webbSokvag: string, alternativ: IJusteringAlternativ = {}) {
    this.webb = webbSokvag.replace(/\/$/, '');
    this.behorighet = new PublikBehorighet(sp);
    this.jag = new AktuellPerson(sp);
    this.signering = alternativ.signering ?? new Microsoft365Signering();
    this.klocka = alternativ.klocka ?? (() => new Date());
  }

  private get bibliotek(): IList {
    return this.sp.web.getList(`${this.webb}/${ProtokollBibliotek.url}`);
  }

  private get anslagLista(): IList {
    return this.sp.web.getList(`${this.webb}/${AnslagLista.url}`);
  }

  private get justeringar(): IList {
    return this.sp.web.getList(`${this.webb}/${JusteringarLista.url}`);
  }

  /** Today in Sweden by the service's clock, at the moment of writing. */
  private idag(): IsoDate {
    return swedishDate(this.klocka());
  }

  public aktuellPerson(): Promise<IPerson> {
    return this.jag.hamta();
  }

  public sokPersoner(sok: string): Promise<IPerson[]> {
    return sokPersoner(this.sp, sok);
  }

  public async hamtaProtokoll(sammantradeId: number, motesdag: IsoDate, idag: IsoDate): Promise<IProtokollVy | undefined> {
    try {
      const [nyast] = await this.protokollForMote(sammantradeId);
      return nyast ? (await this.medRader(nyast, motesdag, idag)).vy : undefined;
    } catch (e) {
      const fel = tolkaDataFel(e);
      // A reader who reaches no protokoll at all (the library gives the public nothing until one is published).
      if (fel.orsak === 'saknas') return undefined;
      throw fel;
    }
  }

  public async laddaUppUtkast(sammantradeId: number, motesdag: IsoDate, fil: { namn: string; innehall: ArrayBuffer },
    ordforande: IPerson, justerare: IPerson[], idag: IsoDate): Promise<IProtokollVy> {
    const utkast: IJustering = { status: 'Utkast', motesdag, ordforande, justerare, godkannanden: [] };
    const fel = kanSkickasTillJustering(utkast);
    if (fel) throw new JusteringsFel(fel);
    let tidigare: Rad[];
    try {
      tidigare = await this.protokollForMote(sammantradeId);
    } catch (e) {
      throw tolkaDataFel(e);
    }
    // One protokoll at a time goes through justering; a justerat one stays (a later protokoll of the
    // same meeting, after an omedelbar justering, is a protokoll of its own).
    if (tidigare.some((r) => status(r[F.Status]) === 'Under justering')) throw new DataFel('konflikt');
    const mote = await this.lasSammantrade(sammantradeId);

    let filUrl: string;
    let id: number;
    try {
      filUrl = await laggTillFil(this.sp, `${this.webb}/${ProtokollBibliotek.url}`, fil.namn.trim(), fil.innehall);
      id = (await this.sp.web.getFileByServerRelativePath(filUrl).listItemAllFields.select('Id')<{ Id: number }>()).Id;
    } catch (e) {
      throw tolkaDataFel(e);
    }
    // The library gives the public group nothing, so the draft is not public at any moment: no closing step.
    try {
      await this.bibliotek.items.getById(id).update({
        [F.Rubrik]: `Protokoll ${mote.rubrik}`,
        [`${F.Sammantrade}Id`]: sammantradeId,
        [`${F.Ordforande}Id`]: ordforande.id,
        [`${F.Justerare}Id`]: justerare.map((p) => p.id),
        [F.Status]: 'Utkast' satisfies Justeringsstatus,
        [F.JusterasSenast]: tillSpDatum(justerasSenast(motesdag)),
        [F.Justeringslogg]: skrivJusteringslogg([]),
        [F.Forvaringsplats]: STANDARD_FORVARINGSPLATS,
        // Claims the file (see laggTillFil).
        [SKAPANDENYCKEL]: nyNyckel().varde
      });
    } catch (e) {
      // A file without its meeting and people would be an orphan in the library: take it back.
      await this.sp.web.getFileByServerRelativePath(filUrl).recycle().catch(() => undefined);
      throw tolkaDataFel(e);
    }
    // The new draft replaces the earlier ones still in draft: to the recycle bin, where they can be restored.
    for (const gammal of tidigare.filter((r) => status(r[F.Status]) === 'Utkast' && Number(r.Id) !== id)) {
      await this.atervinnUtkast(Number(gammal.Id));
    }
    return (await this.lasProtokoll(id, motesdag, idag)).vy;
  }

  public async skickaTillJustering(protokoll: IProtokollVy, idag: IsoDate): Promise<IProtokollVy> {
    const motesdag = protokoll.justering.motesdag;
    const { vy, etag } = await this.lasProtokoll(protokoll.id, motesdag, idag);
    const fel = kanSkickasTillJustering(vy.justering);
    if (fel) throw new JusteringsFel(fel);
    if (vy.justering.status === 'Utkast') {
      try {
        // Rows added to a draft (past the service, which refuses) approved something not yet sent: they go.
        for (const rad of await this.lasRader(protokoll.id)) {
          await this.justeringar.items.getById(rad.id).recycle();
        }
        // Nobody gets rights on the protokoll: approvals are the approvers' own rows in Justeringar.
        await this.bibliotek.items.getById(protokoll.id).update({ [F.Status]: 'Under justering' satisfies Justeringsstatus }, etag);
      } catch (e) {
        throw tolkaDataFel(e);
      }
    }
    return (await this.lasProtokoll(protokoll.id, motesdag, idag)).vy;
  }

  public async godkann(protokoll: IProtokollVy, sammantrade: ISammantrade, idag: IsoDate): Promise<{ protokoll: IProtokollVy; anslag?: IAnslag }> {
    const motesdag = protokoll.justering.motesdag;
    const jag = await this.aktuellPerson();
    const last = await this.lasProtokoll(protokoll.id, motesdag, idag);
    const fel = kanGodkanna(last.vy.justering, jag.id);
    if (fel) throw new JusteringsFel(fel);
    // Asked once, after the rules accept the person: an e-signature must not be asked for in vain.
    const signatur = await this.signering.signera({ protokollId: protokoll.id, filUrl: last.vy.filUrl, person: jag });
    try {
      // Who and when are the row's Author and Created, set by SharePoint; a second row by the same
      // person (a double click, two tabs) is ignored by the domain, the first one counts.
      await skapaRad(this.justeringar, {
        [J.Rubrik]: `Godkännande: ${last.vy.rubrik}`.slice(0, 255),
        [`${J.Protokoll}Id`]: protokoll.id,
        [J.Metod]: signatur.metod,
        [J.Referens]: signatur.referens ?? null
      });
    } catch (e) {
      throw tolkaDataFel(e);
    }
    const sparat = await this.lasProtokoll(protokoll.id, motesdag, idag);
    if (sparat.vy.justering.status !== 'Under justering' || !sparat.vy.allaHarGodkant || !await this.arSekreterare()) {
      // A ledamot cannot complete it: the nämndsekreterare's portal does (tillkannageJusterade).
      return { protokoll: sparat.vy };
    }
    const fakta = sammantrade.organId !== undefined && sammantrade.id === sparat.sammantradeId
      ? { organId: sammantrade.organId, organ: sammantrade.organ, motesdag }
      : await this.lasSammantrade(sparat.sammantradeId);
    const anslag = await this.slutfor(sparat, fakta, idag);
    return { protokoll: (await this.lasProtokoll(protokoll.id, motesdag, idag)).vy, ...(anslag ? { anslag } : {}) };
  }

  public async tillkannageJusterade(idag: IsoDate): Promise<IAnslag[]> {
    const vantande: Rad[] = [];
    try {
      // Both queries stay narrow however many protokoll the years bring: few are under justering at
      // a time, and the recovery looks only at the last weeks (on the indexed date column, first).
      const urval = (filter: string): IItems =>
        this.bibliotek.items.select(...PROTOKOLL_URVAL).expand(F.Ordforande, F.Justerare).filter(filter).top(SIDA);
      for await (const sida of urval(`${F.Status} eq 'Under justering'`)) vantande.push(...(sida as Rad[]));
      const fran = tillSpDatum(swedishDate(new Date(this.klocka().getTime() - ATERHAMTNING_DAGAR * 86_400_000)));
      for await (const sida of urval(`${F.JusterasSenast} ge datetime'${fran}' and ${F.Status} eq 'Justerat'`)) {
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
        const p = await this.medRader(r, fakta.motesdag, idag);
        if (!p.vy.allaHarGodkant) continue;
        const anslag = await this.slutfor(p, fakta, idag);
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
   * Completes one protokoll whose named people have all approved: Justerat with the server day of
   * the last approval and the approvals recorded, then opened to the public, its tillkännagivande
   * posted and the day recorded. Each step leaves a state the next run picks up (Under justering →
   * Justerat without Tillkännagivet den → done), so an interruption is finished later, never doubled.
   * Returns the anslag posted now, or undefined when one was up already.
   */
  private async slutfor(p: ILastProtokoll, fakta: ISammantradesfakta, idag: IsoDate): Promise<IAnslag | undefined> {
    const objekt = this.bibliotek.items.getById(p.vy.id);
    let nu = p;
    try {
      if (nu.vy.justering.status === 'Under justering') {
        if (!nu.vy.godkandDatum) return undefined;
        try {
          await objekt.update({
            [F.Status]: 'Justerat' satisfies Justeringsstatus,
            [F.JusteratDatum]: tillSpDatum(nu.vy.godkandDatum),
            [F.Justeringslogg]: skrivJusteringslogg(nu.vy.justering.godkannanden)
          }, nu.etag);
        } catch (e) {
          // Another run completed it meanwhile (412): carry on from what it left.
          if (tolkaDataFel(e).orsak !== 'konflikt') throw e;
        }
        nu = await this.lasProtokoll(p.vy.id, fakta.motesdag, idag);
      }
      if (nu.vy.justering.status !== 'Justerat' || nu.vy.tillkannagivet) return undefined;
      await this.behorighet.oppnaForPublik(objekt);
      const { anslag, uppsatt, nytt } = await this.anslaget(nu, fakta);
      await objekt.update({ [F.Tillkannagivet]: tillSpDatum(uppsatt) });
      return nytt ? anslag : undefined;
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  /** The protokoll's tillkännagivande: the one already up, or a new one posted today by the service's clock. */
  private async anslaget(p: ILastProtokoll, fakta: ISammantradesfakta): Promise<{ anslag?: IAnslag; uppsatt: IsoDate; nytt: boolean }> {
    // Keyed on the protokoll (indexed lookup first): a second protokoll of a meeting gets its own.
    const befintliga = (): Promise<Rad[]> => this.anslagLista.items
      .select('Id', A.Uppsatt)
      .filter(`${A.Protokoll}Id eq ${p.vy.id} and ${A.Typ} eq '${TILLKANNAGIVANDE}'`)
      .orderBy('Id', true).top(10)<Rad[]>();
    const fore = await befintliga();
    if (fore.length > 0) return { uppsatt: franSpDatum(fore[0][A.Uppsatt]) ?? this.idag(), nytt: false };
    const t = tillkannagivande({
      organ: fakta.organ,
      sammantradesdatum: fakta.motesdag,
      justeringsdatum: p.vy.justering.justeratDatum ?? this.idag(),
      forvaringsplats: p.vy.forvaringsplats,
      uppsatt: this.idag()
    });
    const skapad = await skapaRad(this.anslagLista, {
      [A.Rubrik]: `Justerat protokoll: ${t.organ} ${t.sammantradesdatum}`,
      [A.Typ]: TILLKANNAGIVANDE,
      [`${A.Organ}Id`]: fakta.organId,
      [`${A.Sammantrade}Id`]: p.sammantradeId,
      [`${A.Protokoll}Id`]: p.vy.id,
      [A.SammantradesDatum]: tillSpDatum(t.sammantradesdatum),
      [A.JusteringsDatum]: tillSpDatum(t.justeringsdatum),
      [A.Forvaringsplats]: t.forvaringsplats,
      [A.Uppsatt]: tillSpDatum(t.uppsatt),
      [A.SistaDagOverklagande]: tillSpDatum(t.sistaDagForOverklagande),
      [A.Nedtagning]: tillSpDatum(t.nedtagning)
    }) as Rad;
    // Two secretaries' portals completing at the same moment: the first anslag stays, a later one goes.
    const efter = await befintliga();
    if (efter.length > 1 && Number(efter[0].Id) !== Number(skapad.Id)) {
      await this.anslagLista.items.getById(Number(skapad.Id)).recycle();
      return { uppsatt: franSpDatum(efter[0][A.Uppsatt]) ?? t.uppsatt, nytt: false };
    }
    return { anslag: tillAnslag(skapad, fakta.organ), uppsatt: t.uppsatt, nytt: true };
  }

  /** Whether the signed-in person may complete a justering: Full Control on Protokoll (opening an item needs ManagePermissions). */
  private async arSekreterare(): Promise<boolean> {
    try {
      return await this.bibliotek.currentUserHasPermissions(PermissionKind.ManagePermissions);
    } catch {
      return false;
    }
  }

  /** The approval rows of one protokoll, filtered on the indexed lookup; none for a reader who may not read the list. */
  private async lasRader(protokollId: number): Promise<IJusteringsrad[]> {
    const rader: IJusteringsrad[] = [];
    try {
      for await (const sida of this.justeringar.items.select(...RAD_URVAL).expand('Author')
        .filter(`${J.Protokoll}Id eq ${protokollId}`).top(SIDA)) {
        for (const r of sida as Rad[]) {
          const rad = tillJusteringsrad(r);
          if (rad) rader.push(rad);
        }
      }
    } catch (e) {
      if (svarsstatus(e) === 403 || svarsstatus(e) === 404) return [];
      throw e;
    }
    return rader;
  }

  /** The view of a protokoll row, reading its approval rows while it is under justering. */
  private async medRader(r: Rad, motesdag: IsoDate, idag: IsoDate): Promise<ILastProtokoll> {
    const rader = status(r[F.Status]) === 'Under justering' ? await this.lasRader(Number(r.Id)) : [];
    return tillVy(r, motesdag, idag, rader);
  }

  private async lasProtokoll(id: number, motesdag: IsoDate, idag: IsoDate): Promise<ILastProtokoll> {
    try {
      const r = await this.bibliotek.items.getById(id).select(...PROTOKOLL_URVAL).expand(F.Ordforande, F.Justerare)<Rad>();
      return await this.medRader(r, motesdag, idag);
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  /** The meeting's protokoll the reader may see, newest first (filtered on the indexed lookup). */
  private protokollForMote(sammantradeId: number): Promise<Rad[]> {
    return this.bibliotek.items.select(...PROTOKOLL_URVAL).expand(F.Ordforande, F.Justerare)
      .filter(`${F.Sammantrade}Id eq ${sammantradeId}`).orderBy('Id', false).top(SIDA)<Rad[]>();
  }

  /** Recycles an earlier draft, read again first: only one that is still Utkast. */
  private async atervinnUtkast(id: number): Promise<void> {
    try {
      const r = await this.bibliotek.items.getById(id).select('Id', F.Status)<Rad>();
      if (status(r[F.Status]) === 'Utkast') await this.bibliotek.items.getById(id).recycle();
    } catch {
      // Gone already, or not ours to recycle: the new draft stands either way, and neither is public.
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
