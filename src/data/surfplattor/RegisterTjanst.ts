/**
 * Kommunservice's tablet register (seed 004, issue 6): devices, loans, check-out and return.
 *
 * Check-out: kommunservice creates the loan ('Väntar på kvittens', the guideline version in force)
 * and shares the loan and device items with the borrower. The borrower signs in their own session
 * (MinSurfplattaTjanst): a Kvittenser row of their own with the PDF attached, whose server-set
 * author and time are who signed and when. Only then does lamnaUt hand the device out, taking
 * those from the row — never from anything a client wrote.
 *
 * Return: the signed-in kommunservice person signs a return receipt (a Kvittenser row with the PDF,
 * and the same PDF on the loan, which the borrower keeps reading as their history); the device
 * stops being shared with the borrower.
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
import { PermissionKind } from '@pnp/sp/security';
import { IsoDate, swedishDate } from '../../domain/dates';
import { IPerson } from '../../domain/personer';
import { Enhetshandelse, Enhetsstatus, Lanstatus, nastaStatus, valideraKvittens, valideraNyttLan } from '../../domain/surfplatta';
import { LanFalt, SurfplattaFalt } from '../../schema/surfplattor';
import { DataFel, tolkaDataFel } from '../fel';
import { AktuellPerson, sokPersoner } from '../personer';
import { tillSpDatum } from '../spDatum';
import { kvittensFilnamn, laggTillBilaga, laggTillKvittens, lasUtlamningskvittenser, medKvittenser, Registerlistor } from './kvittenser';
import { LAN_EXPAND, LAN_URVAL, lasLan, lasSurfplatta, Rad, SIDA, SURFPLATTA_URVAL, tillLan, tillSurfplatta } from './lasa';
import { lasGallandeRiktlinje } from './riktlinjeText';
import { IKvittens, IKvittensTexter, ILan, IRegisterTjanst, ISurfplatta, RegisterFel } from './typer';

const S = SurfplattaFalt;
const L = LanFalt;

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

/** Hand-out and return change the device with the loan; a bare status change may not do either. */
const ENDAST_VIA_LAN: readonly Enhetshandelse[] = ['Utlamna', 'Aterlamna'];

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
      const r = await this.listor.plattor.items.add({
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
    if (ENDAST_VIA_LAN.includes(handelse)) throw new RegisterFel('EndastViaLan');
    const nu = await lasSurfplatta(this.listor.plattor, enhet.id);
    // The device's status as the caller saw it: a colleague's change meanwhile is a conflict.
    if (enhet.etag && nu.etag !== enhet.etag) throw new DataFel('konflikt');
    const harAktivtLan = (await this.aktivaLan(enhet.id)).some((l) => l.status === UTLANAD);
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
      const r = await this.listor.lan.items.add({
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

  public async lamnaUt(lan: ILan): Promise<ILan> {
    const nu = await lasLan(this.listor.lan, lan.id);
    if (nu.status !== VANTAR) throw new RegisterFel('FelLanestatus');
    if (!nu.lantagare) throw new RegisterFel('LantagareSaknas');
    const kvittens = (await lasUtlamningskvittenser(this.listor.kvittenser, [{ id: nu.id, lantagareId: nu.lantagare.id }], true)).get(nu.id);
    if (!kvittens) throw new RegisterFel('KvittensSaknas');

    const enhet = await lasSurfplatta(this.listor.plattor, nu.enhetId);
    const andraUtlanade = (await this.aktivaLan(nu.enhetId)).some((l) => l.id !== nu.id && l.status === UTLANAD);
    const steg = nastaStatus(enhet.status, 'Utlamna', andraUtlanade);
    if (!steg.ok) throw new RegisterFel(steg.fel);
    await this.medEnhetsstatus(enhet, steg.status, () => this.listor.lan.items.getById(nu.id).update({
      [L.Status]: UTLANAD,
      [L.Utlamnad]: tillSpDatum(this.idag()),
      [L.KvitteradAv]: kvittens.av,
      [L.KvitteradTid]: kvittens.tid,
      [L.KvittensUrl]: kvittens.url,
      // What the borrower signed: the version in force when they signed.
      [L.RiktlinjeVersion]: kvittens.version || nu.riktlinjeVersion
    }, nu.etag));
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
    let aterKvittensUrl: string;
    try {
      // Kommunservice's own signed record (author and time by SharePoint)…
      await laggTillKvittens(this.listor.kvittenser, {
        rubrik: `${nu.stoldmarkning} – ${nu.lantagare?.namn ?? ''}`, lanId: nu.id, typ: 'Återlämning',
        riktlinjeVersion: nu.riktlinjeVersion, satt: kvittens.satt, skrivetNamn: kvittens.skrivetNamn
      }, pdf);
      // …and the same PDF on the loan, which the borrower reads (Kvittenser shows them only their own rows).
      const namn = kvittensFilnamn('Återlämning', nu.id);
      await lanObjekt.attachmentFiles.getByName(namn).delete().catch(() => undefined);
      aterKvittensUrl = await laggTillBilaga(lanObjekt, namn, pdf);
    } catch (e) {
      throw tolkaDataFel(e);
    }
    await this.medEnhetsstatus(enhet, steg.status, () => lanObjekt.update({
      [L.Status]: ATERLAMNAD,
      [L.Aterlamnad]: tillSpDatum(this.idag()),
      [L.SkickVidRetur]: skick.trim(),
      [L.AterKvittensUrl]: aterKvittensUrl
    }, nu.etag));
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
