/**
 * "Min surfplatta" (issue 6 item 5, also the Teams personal app): the borrower's loans, the
 * guideline to read, signing the check-out receipt and reporting damage, theft or loss.
 *
 * The borrower reaches only what kommunservice shared with them (their loan and device items) and
 * the rows they added themselves to Kvittenser and Händelser. Signing adds their own Kvittenser row
 * with the PDF attached: SharePoint records the author and time, which is what ties the signature
 * to their Microsoft 365 identity.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { IsoDate } from '../../domain/dates';
import { LanFalt } from '../../schema/surfplattor';
import { Incidenttyp } from '../../domain/incident';
import { IPerson } from '../../domain/personer';
import { Lanstatus, valideraKvittens } from '../../domain/surfplatta';
import { svarsstatus, tolkaDataFel } from '../fel';
import { lasFil } from '../filer';
import { AktuellPerson } from '../personer';
import { hamtaEgnaIncidenter, rapporteraIncident } from './IncidentTjanst';
import { laggTillKvittens, lasUtlamningskvittenser, medKvittenser, Registerlistor } from './kvittenser';
import { LAN_EXPAND, LAN_URVAL, lasLan, lasSurfplatta, Rad, SIDA, tillLan } from './lasa';
import { lasGallandeRiktlinje } from './riktlinjeText';
import { IIncident, IKvittens, IKvittensTexter, ILan, IMinSurfplattaTjanst, IRiktlinje, RegisterFel } from './typer';

export interface IMinSurfplattaAlternativ {
  /** The words of the PDF receipt, from the web part's strings. */
  kvittensTexter: IKvittensTexter;
  /** The service's clock: the receipt's instant and the report's time. Tests fix it. */
  klocka?: () => Date;
}

export class MinSurfplattaTjanst implements IMinSurfplattaTjanst {
  private readonly webb: string;
  private readonly listor: Registerlistor;
  private readonly jag: AktuellPerson;
  private readonly klocka: () => Date;
  private readonly texter: IKvittensTexter;

  public constructor(private readonly sp: SPFI, webbSokvag: string, alternativ: IMinSurfplattaAlternativ) {
    this.webb = webbSokvag.replace(/\/$/, '');
    this.listor = new Registerlistor(sp, this.webb);
    this.jag = new AktuellPerson(sp);
    this.klocka = alternativ.klocka ?? (() => new Date());
    this.texter = alternativ.kvittensTexter;
  }

  public aktuellPerson(): Promise<IPerson> {
    return this.jag.hamta();
  }

  public async hamtaMinaLan(): Promise<ILan[]> {
    const jag = await this.jag.hamta();
    const lan: ILan[] = [];
    try {
      for await (const sida of this.listor.lan.items.select(...LAN_URVAL).expand(...LAN_EXPAND)
        .filter(`${LanFalt.Lantagare}Id eq ${jag.id}`).orderBy('Id', false).top(SIDA)) {
        for (const r of sida as Rad[]) lan.push(tillLan(r));
      }
    } catch (fel) {
      // Nobody has shared a loan with me: the list is not there for me at all.
      if (svarsstatus(fel) === 404 || svarsstatus(fel) === 403) return [];
      throw tolkaDataFel(fel);
    }
    try {
      return await medKvittenser(this.listor.kvittenser, lan);
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
  }

  public hamtaRiktlinje(idag: IsoDate): Promise<IRiktlinje> {
    return lasGallandeRiktlinje(this.sp, this.webb, idag, true);
  }

  public async kvittera(lan: ILan, riktlinje: IRiktlinje, kvittens: IKvittens): Promise<{ kvittensUrl: string }> {
    const jag = await this.jag.hamta();
    const nu = await lasLan(this.listor.lan, lan.id);
    if (nu.lantagare?.id !== jag.id) throw new RegisterFel('InteLantagare');
    if (nu.status !== ('Väntar på kvittens' satisfies Lanstatus)) throw new RegisterFel('FelLanestatus');
    // One receipt per loan: a second one (another tab, a double tap) would only muddle who signed what when.
    let redan: boolean;
    try {
      redan = (await lasUtlamningskvittenser(this.listor.kvittenser, [{ id: nu.id, lantagareId: jag.id }], true)).has(nu.id);
    } catch (e) {
      throw tolkaDataFel(e);
    }
    if (redan) throw new RegisterFel('RedanKvitterad');
    const fel = valideraKvittens({
      satt: kvittens.satt, skrivetNamn: kvittens.skrivetNamn, harRitning: !!kvittens.signatur?.length,
      // The receipt holds the guideline's full text; without it there is nothing to sign.
      riktlinjenLast: riktlinje.text.trim().length > 0
    }, jag.namn);
    if (fel) throw new RegisterFel(fel);
    const enhet = await lasSurfplatta(this.listor.plattor, nu.enhetId);

    const { byggKvittensPdf } = await import(/* webpackChunkName: 'surfplatta-kvittens' */ './kvittensPdf');
    const pdf = await byggKvittensPdf({
      typ: 'Utlämning',
      riktlinje,
      enhet,
      lantagare: jag,
      undertecknare: jag,
      tid: this.klocka(),
      satt: kvittens.satt,
      ...(kvittens.signatur ? { signatur: kvittens.signatur } : {}),
      ...(kvittens.skrivetNamn ? { skrivetNamn: kvittens.skrivetNamn } : {}),
      texter: this.texter
    });
    try {
      const { url } = await laggTillKvittens(this.listor.kvittenser, {
        rubrik: `${enhet.stoldmarkning} – ${jag.namn}`, lanId: nu.id, typ: 'Utlämning', riktlinjeVersion: riktlinje.version,
        satt: kvittens.satt, skrivetNamn: kvittens.skrivetNamn
      }, pdf);
      return { kvittensUrl: url };
    } catch (e) {
      throw tolkaDataFel(e);
    }
  }

  public rapportera(r: { lan: ILan; typ: Incidenttyp; beskrivning: string; polisanmalan?: string }): Promise<IIncident> {
    return rapporteraIncident(this.sp, this.webb, r, this.klocka);
  }

  public hamtaMinaIncidenter(): Promise<IIncident[]> {
    return hamtaEgnaIncidenter(this.sp, this.webb);
  }

  public hamtaFil(url: string): Promise<ArrayBuffer> {
    return lasFil(this.sp, url);
  }

}
