/**
 * Kommunservice's tablet register (seed 004, issue 6): devices, loans, check-out and return.
 *
 * Check-out: kommunservice creates the loan ('Väntar på kvittens', the guideline version in force)
 * and shares the loan and device items with the borrower. The borrower signs in their own session
 * (MinSurfplattaTjanst): a Kvittenser row of their own with the PDF attached, whose server-set
 * author and time are who signed and when. Only then does lamnaUt hand the device out, taking
 * those from the row — never from anything a client wrote — and only when the PDF opens and names a
 * guideline version that was in force. The row stays the borrower's to change or delete, so the PDF
 * is copied onto the loan, which they can only read. A loan still waiting (a wrong borrower or date)
 * is cancelled with avbrytLan: deleted for good with its receipt rows, the device no longer shared.
 *
 * Return: the signed-in kommunservice person signs a return receipt (a Kvittenser row with the PDF,
 * and the same PDF on the loan, which the borrower keeps reading as their history); the device
 * stops being shared with the borrower. A retry after a failure on the way reuses the row.
 *
 * Status changes in the register go through the state machine and `direktandringsfel`: a handed-out
 * device is stolen or lost only through the borrower's report and the incident's checklist.
 *
 * Every read that decides a write asks SharePoint itself (CacheNever), and writes carry the ETag
 * read, so a colleague's change meanwhile is a conflict rather than overwritten.
 */
import { CacheNever } from '@pnp/queryable';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security/list';
import '@pnp/sp/attachments';
import { IItem } from '@pnp/sp/items';
import { PermissionKind } from '@pnp/sp/security';
import { IsoDate, swedishDate } from '../../domain/dates';
import { IPerson } from '../../domain/personer';
import { direktandringsfel, Enhetshandelse, Enhetsstatus, Lanstatus, nastaStatus, valideraKvittens, valideraNyttLan } from '../../domain/surfplatta';
import { KvittensFalt, LanFalt, SurfplattaFalt } from '../../schema/surfplattor';
import { DataFel, tolkaDataFel } from '../fel';
import { lasFil } from '../filer';
import { AktuellPerson, sokPersoner } from '../personer';
import { skapaRad } from '../skapa';
import { tillSpDatum } from '../spDatum';
import {
  IUtlamningskvittens, kvittensFilnamn, Kvittenstyp, laggTillBilaga, laggTillKvittens, lasUtlamningskvittenser, medKvittenser, Registerlistor
} from './kvittenser';
import { LAN_EXPAND, LAN_URVAL, lasLan, lasSurfplatta, Rad, SIDA, SURFPLATTA_URVAL, tillLan, tillSurfplatta } from './lasa';
import { lasGallandeRiktlinje, lasRiktlinjeversioner } from './riktlinjeText';
import { IKvittens, IKvittensTexter, ILan, IRegisterTjanst, ISurfplatta, RegisterFel } from './typer';

const S = SurfplattaFalt;
const L = LanFalt;
const K = KvittensFalt;

const VANTAR: Lanstatus = 'Väntar på kvittens';
const UTLANAD: Lanstatus = 'Utlånad';
const ATERLAMNAD: Lanstatus = 'Återlämnad';
const AKTIVA = `(${L.Status} eq '${VANTAR}' or ${L.Status} eq '${UTLANAD}')`;

export interface IRegisterAlternativ {
  /** The words of the PDF receipts, from the web part's strings. */
  kvittensTexter: IKvittensTexter;
  /** The service's clock: today's date on a loan and the receipt's instant. Tests fix it. */
  klocka?: () => Date;
}

const ATERLAMNING: Kvittenstyp = 'Återlämning';

export class RegisterTjanst implements IRegisterTjanst {
  private readonly webb: string;
  private readonly listor: Registerlistor;
  private readonly jag: AktuellPerson;
  private readonly klocka: () => Date;
  private readonly texter: IKvittensTexter;

  public constructor(private readonly sp: SPFI, webbSokvag: string, alternativ: IRegisterAlternativ) {
    this.webb = webbSokvag.replace(/\/$/, '');
    this.listor = new Registerlistor(sp, this.webb);
    this.jag = new AktuellPerson(sp);
    this.klocka = alternativ.klocka ?? (() => new Date());
    this.texter = alternativ.kvittensTexter;
  }

  private idag(): IsoDate {
    return swedishDate(this.klocka());
  }

  public async hamtaRegister(): Promise<ISurfplatta[]> {
    try {
      const aktiva = new Map<number, ILan>();
      for await (const sida of this.listor.lan.items.select(...LAN_URVAL).expand(...LAN_EXPAND).filter(AKTIVA).top(SIDA)) {
        for (const r of sida as Rad[]) {
          const lan = tillLan(r);
          // Two active loans of one device should not happen; the handed-out one is the one that counts.
          if (!aktiva.has(lan.enhetId) || lan.status === UTLANAD) aktiva.set(lan.enhetId, lan);
        }
      }
      const register: ISurfplatta[] = [];
      for await (const sida of this.listor.plattor.items.select(...SURFPLATTA_URVAL).top(SIDA)) {
        for (const r of sida as Rad[]) register.push(tillSurfplatta(r, aktiva.get(Number(r.Id))));
      }
      return register.sort((a, b) => a.stoldmarkning.localeCompare(b.stoldmarkning, 'sv', { numeric: true }));
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async laggTillEnhet(ny: Omit<ISurfplatta, 'id' | 'status' | 'aktivtLan' | 'etag'>): Promise<ISurfplatta> {
    const status: Enhetsstatus = 'I lager';
    try {
      const r = await skapaRad(this.listor.plattor, {
        [S.Stoldmarkning]: ny.stoldmarkning.trim(),
        [S.Serienummer]: ny.serienummer.trim(),
        [S.Modell]: ny.modell.trim(),
        [S.SimAbonnemang]: ny.simAbonnemang.trim(),
        [S.IntuneId]: ny.intuneId.trim(),
        [S.Status]: status
      }) as Rad;
      return await lasSurfplatta(this.listor.plattor, Number(r.Id));
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async andraStatus(enhet: ISurfplatta, handelse: Enhetshandelse): Promise<ISurfplatta> {
    // Hand-out and return go through the loan whatever the loans are: refused before anything is read.
    const utanLan = direktandringsfel(handelse, { utlamnat: false, vantarPaKvittens: false });
    if (utanLan) throw new RegisterFel(utanLan);
    const nu = await lasSurfplatta(this.listor.plattor, enhet.id);
    // The device's status as the caller saw it: a colleague's change meanwhile is a conflict.
    if (enhet.etag && nu.etag !== enhet.etag) throw new DataFel('konflikt');
    const aktiva = await this.aktivaLan(enhet.id);
    const harAktivtLan = aktiva.some((l) => l.status === UTLANAD);
    const direkt = direktandringsfel(handelse, { utlamnat: harAktivtLan, vantarPaKvittens: aktiva.some((l) => l.status === VANTAR) });
    if (direkt) throw new RegisterFel(direkt);
    const steg = nastaStatus(nu.status, handelse, harAktivtLan);
    if (!steg.ok) throw new RegisterFel(steg.fel);
    try {
      await this.listor.plattor.items.getById(enhet.id).update({ [S.Status]: steg.status }, nu.etag);
      return await lasSurfplatta(this.listor.plattor, enhet.id);
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async hamtaLan(): Promise<ILan[]> {
    const lan: ILan[] = [];
    try {
      for await (const sida of this.listor.lan.items.select(...LAN_URVAL).expand(...LAN_EXPAND).orderBy('Id', false).top(SIDA)) {
        for (const r of sida as Rad[]) lan.push(tillLan(r));
      }
      return await medKvittenser(this.listor.kvittenser, lan);
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  /** Whether the signed-in person manages loans (kommunservice), rather than only borrows. */
  public async kanHantera(): Promise<boolean> {
    try {
      return await this.listor.lan.currentUserHasPermissions(PermissionKind.ManagePermissions);
    } catch (fel) {
      const f = tolkaDataFel(fel);
      // A borrower may not even see the list: that is a clear no, not a failure.
      if (f.orsak === 'behorighet' || f.orsak === 'saknas') return false;
      throw f;
    }
  }

  public async skapaLan(enhet: ISurfplatta, lantagare: IPerson, mandatSlut: IsoDate): Promise<ILan> {
    const nu = await lasSurfplatta(this.listor.plattor, enhet.id);
    const fel = valideraNyttLan({ lantagareId: lantagare.id, enhetsstatus: nu.status, mandatSlut }, this.idag());
    if (fel) throw new RegisterFel(fel);
    if ((await this.aktivaLan(enhet.id)).length > 0) throw new RegisterFel('AktivtLanFinns');
    const riktlinje = await lasGallandeRiktlinje(this.sp, this.webb, this.idag(), false);

    let id: number;
    try {
      const r = await skapaRad(this.listor.lan, {
        [L.Rubrik]: `${nu.stoldmarkning} – ${lantagare.namn}`,
        [`${L.Surfplatta}Id`]: nu.id,
        [`${L.Lantagare}Id`]: lantagare.id,
        [L.MandatSlut]: tillSpDatum(mandatSlut),
        [L.Status]: VANTAR,
        [L.RiktlinjeVersion]: riktlinje.version,
        [L.Anonymiserad]: false
      }) as Rad;
      id = Number(r.Id);
    } catch (e) {
      throw tolkaDataFel(e);
    }
    try {
      // Two colleagues lending the same device at once: the first loan stays, a later one goes.
      const aktiva = await this.aktivaLan(nu.id);
      if (aktiva.some((l) => l.id < id)) throw new RegisterFel('AktivtLanFinns');
      await this.listor.dela(this.listor.lan.items.getById(id), lantagare.id);
      await this.listor.dela(this.listor.plattor.items.getById(nu.id), lantagare.id);
    } catch (e) {
      // No loan the borrower cannot reach (or a duplicate) is left behind.
      await this.listor.lan.items.getById(id).delete().catch(() => undefined);
      throw tolkaDataFel(e);
    }
    return lasLan(this.listor.lan, id);
  }

  /**
   * The loan is deleted first, with the ETag read (a colleague who handed it out meanwhile wins):
   * that is the decision. Then its receipt rows go and the device stops being shared; a retry after a
   * failure there finds the loan gone and finishes the clean-up from the caller's loan.
   */
  public async avbrytLan(lan: ILan): Promise<void> {
    let nu: ILan | undefined;
    try {
      nu = await lasLan(this.listor.lan, lan.id);
    } catch (fel) {
      if (tolkaDataFel(fel).orsak !== 'saknas' || lan.status !== VANTAR) throw tolkaDataFel(fel);
    }
    if (nu && nu.status !== VANTAR) throw new RegisterFel('FelLanestatus');
    const { id, enhetId } = nu ?? lan;
    try {
      // delete(), not recycle(): the recycle bin would keep the borrower's name and signature (as Anonymisering).
      if (nu) await this.listor.lan.items.getById(id).delete(nu.etag ?? '*');
      const kvittenser = await this.listor.kvittenser.items.select('Id').filter(`${K.Lan}Id eq ${id}`).top(SIDA).using(CacheNever())<Rad[]>();
      for (const k of kvittenser) await this.listor.kvittenser.items.getById(Number(k.Id)).delete();
      // Unless the device has been lent again meanwhile, the borrower no longer reads it.
      if ((await this.aktivaLan(enhetId)).length === 0) await this.listor.slutaDela(this.listor.plattor.items.getById(enhetId));
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public async lamnaUt(lan: ILan): Promise<ILan> {
    const nu = await lasLan(this.listor.lan, lan.id);
    if (nu.status !== VANTAR) throw new RegisterFel('FelLanestatus');
    if (!nu.lantagare) throw new RegisterFel('LantagareSaknas');
    const kvittens = await this.utlamningskvittens(nu.id, nu.lantagare.id);
    const pdf = await this.giltigKvittens(nu, kvittens);

    const enhet = await lasSurfplatta(this.listor.plattor, nu.enhetId);
    const andraUtlanade = (await this.aktivaLan(nu.enhetId)).some((l) => l.id !== nu.id && l.status === UTLANAD);
    const steg = nastaStatus(enhet.status, 'Utlamna', andraUtlanade);
    if (!steg.ok) throw new RegisterFel(steg.fel);
    // The receipt row stays the borrower's to change or delete; the loan keeps its own copy, which
    // they read and cannot change.
    const lanObjekt = this.listor.lan.items.getById(nu.id);
    const kvittensUrl = await this.ersattBilaga(lanObjekt, kvittensFilnamn('Utlämning', nu.id), pdf);
    const efter = await this.lanSomFortfarande(nu.id, VANTAR);
    await this.medEnhetsstatus(enhet, steg.status, () => lanObjekt.update({
      [L.Status]: UTLANAD,
      [L.Utlamnad]: tillSpDatum(this.idag()),
      [L.KvitteradAv]: kvittens.av,
      [L.KvitteradTid]: kvittens.tid,
      [L.KvittensUrl]: kvittensUrl,
      // What the borrower signed: the version in force when they signed.
      [L.RiktlinjeVersion]: kvittens.version || nu.riktlinjeVersion
    }, efter.etag));
    return lasLan(this.listor.lan, nu.id);
  }

  public async taEmot(lan: ILan, skick: string, kvittens: IKvittens): Promise<ILan> {
    const nu = await lasLan(this.listor.lan, lan.id);
    if (nu.status !== UTLANAD) throw new RegisterFel('FelLanestatus');
    const jag = await this.jag.hamta();
    const kfel = valideraKvittens({
      satt: kvittens.satt, skrivetNamn: kvittens.skrivetNamn, harRitning: !!kvittens.signatur?.length, riktlinjenLast: true
    }, jag.namn);
    if (kfel) throw new RegisterFel(kfel);
    const enhet = await lasSurfplatta(this.listor.plattor, nu.enhetId);
    const steg = nastaStatus(enhet.status, 'Aterlamna', true);
    if (!steg.ok) throw new RegisterFel(steg.fel);

    const { byggKvittensPdf } = await import(/* webpackChunkName: 'surfplatta-kvittens' */ './kvittensPdf');
    const pdf = await byggKvittensPdf({
      typ: 'Återlämning',
      riktlinje: { rubrik: '', version: nu.riktlinjeVersion, text: '' },
      enhet,
      lantagare: { namn: nu.lantagare?.namn ?? nu.kvitteradAv ?? '', epost: nu.lantagare?.epost ?? '' },
      undertecknare: jag,
      tid: this.klocka(),
      satt: kvittens.satt,
      ...(kvittens.signatur ? { signatur: kvittens.signatur } : {}),
      ...(kvittens.skrivetNamn ? { skrivetNamn: kvittens.skrivetNamn } : {}),
      skick,
      texter: this.texter
    });
    const lanObjekt = this.listor.lan.items.getById(nu.id);
    try {
      // Kommunservice's own signed record (author and time by SharePoint); a retry after a failure
      // further on reuses the row this person made for this loan rather than adding a second one.
      const rad = { rubrik: `${nu.stoldmarkning} – ${nu.lantagare?.namn ?? ''}`, lanId: nu.id, typ: ATERLAMNING,
        riktlinjeVersion: nu.riktlinjeVersion, satt: kvittens.satt, skrivetNamn: kvittens.skrivetNamn };
      const befintlig = await this.egenAterkvittens(nu.id, jag.id);
      if (befintlig === undefined) {
        await laggTillKvittens(this.listor.kvittenser, rad, pdf);
      } else {
        const objekt = this.listor.kvittenser.items.getById(befintlig);
        await objekt.update({ [K.Signeringssatt]: rad.satt, [K.SkrivetNamn]: rad.satt === 'Skrivet namn' ? (rad.skrivetNamn ?? '').trim() : null });
        await this.ersattBilaga(objekt, kvittensFilnamn(ATERLAMNING, nu.id), pdf);
      }
    } catch (e) {
      throw tolkaDataFel(e);
    }
    // …and the same PDF on the loan, which the borrower reads (Kvittenser shows them only their own rows).
    const aterKvittensUrl = await this.ersattBilaga(lanObjekt, kvittensFilnamn(ATERLAMNING, nu.id), pdf);
    const efter = await this.lanSomFortfarande(nu.id, UTLANAD);
    await this.medEnhetsstatus(enhet, steg.status, () => lanObjekt.update({
      [L.Status]: ATERLAMNAD,
      [L.Aterlamnad]: tillSpDatum(this.idag()),
      [L.SkickVidRetur]: skick.trim(),
      [L.AterKvittensUrl]: aterKvittensUrl
    }, efter.etag));
    try {
      // The borrower keeps their loan (history and receipts), not the device.
      await this.listor.slutaDela(this.listor.plattor.items.getById(enhet.id));
    } catch (e) {
      throw tolkaDataFel(e);
    }
    return lasLan(this.listor.lan, nu.id);
  }

  public sokPersoner(sok: string): Promise<IPerson[]> {
    return sokPersoner(this.sp, sok);
  }

  // ---- reading what decides a write ----------------------------------------------------------

  /**
   * The PDF of the borrower's receipt, when it is one to hand out against: its guideline version is
   * the loan's or one the Riktlinjer library had in force on the day it was signed, and it opens as
   * a PDF with pages (pdf-lib, loaded as for building receipts). Anything else is `KvittensOgiltig`:
   * the row and its attachment are the borrower's own to write.
   */
  private async giltigKvittens(lan: ILan, kvittens: IUtlamningskvittens): Promise<Uint8Array> {
    if (kvittens.version !== lan.riktlinjeVersion) {
      const signerad = swedishDate(new Date(kvittens.tid));
      const versioner = await lasRiktlinjeversioner(this.sp, this.webb);
      if (!versioner.some((v) => v.version === kvittens.version && v.gallerFran <= signerad)) throw new RegisterFel('KvittensOgiltig');
    }
    const pdf = new Uint8Array(await lasFil(this.sp, kvittens.url));
    const { PDFDocument } = await import(/* webpackChunkName: 'surfplatta-kvittens' */ 'pdf-lib');
    let sidor = 0;
    try {
      sidor = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    } catch {
      sidor = 0;
    }
    if (sidor < 1) throw new RegisterFel('KvittensOgiltig');
    return pdf;
  }

  /** The borrower's own check-out receipt of the loan (`KvittensSaknas` when there is none). */
  private async utlamningskvittens(lanId: number, lantagareId: number): Promise<IUtlamningskvittens> {
    let kvittens: IUtlamningskvittens | undefined;
    try {
      kvittens = (await lasUtlamningskvittenser(this.listor.kvittenser, [{ id: lanId, lantagareId }], true)).get(lanId);
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    if (!kvittens) throw new RegisterFel('KvittensSaknas');
    return kvittens;
  }

  /** The Återlämning row this person added for this loan, if any (kommunservice sees every row). */
  private async egenAterkvittens(lanId: number, jagId: number): Promise<number | undefined> {
    const rader = await this.listor.kvittenser.items.select('Id', K.Typ, 'AuthorId').filter(`${K.Lan}Id eq ${lanId}`)
      .top(SIDA).using(CacheNever())<Rad[]>();
    const rad = rader.find((r) => r[K.Typ] === ATERLAMNING && r.AuthorId === jagId);
    return rad ? Number(rad.Id) : undefined;
  }

  /** Puts the PDF on the item under `namn`, in place of one a failed attempt left; answers its URL. */
  private async ersattBilaga(objekt: IItem, namn: string, pdf: Uint8Array): Promise<string> {
    try {
      await objekt.attachmentFiles.getByName(namn).delete().catch(() => undefined);
      return await laggTillBilaga(objekt, namn, pdf);
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  /**
   * The loan again, after its attachment was added (which may change its ETag): still in the
   * status the step began from, or someone else got there first.
   */
  private async lanSomFortfarande(id: number, status: Lanstatus): Promise<ILan> {
    const lan = await lasLan(this.listor.lan, id);
    if (lan.status !== status) throw new RegisterFel('FelLanestatus');
    return lan;
  }

  /** The device's loans waiting for a receipt or handed out (filtered on the indexed lookup). */
  private async aktivaLan(enhetId: number): Promise<ILan[]> {
    try {
      const rader = await this.listor.lan.items.select(...LAN_URVAL).expand(...LAN_EXPAND)
        .filter(`${L.Surfplatta}Id eq ${enhetId} and ${AKTIVA}`).top(SIDA).using(CacheNever())<Rad[]>();
      return rader.map(tillLan);
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  /**
   * Sets the device's status (with the ETag read), then changes the loan; when the loan cannot be
   * changed the device gets its status back, so device and loan never disagree and a retry works.
   */
  private async medEnhetsstatus(enhet: ISurfplatta, status: Enhetsstatus, andraLan: () => Promise<unknown>): Promise<void> {
    const objekt = this.listor.plattor.items.getById(enhet.id);
    try {
      await objekt.update({ [S.Status]: status }, enhet.etag ?? '*');
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    try {
      await andraLan();
    } catch (fel) {
      await objekt.update({ [S.Status]: enhet.status }).catch(() => undefined);
      throw tolkaDataFel(fel);
    }
  }
}
