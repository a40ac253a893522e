/**
 * Mandate end (issue 6 item 4, docs/surfplattor.md): the loans whose borrower's mandate has ended or
 * ends within N days, and the return reminders by mail. The reminders go as the signed-in
 * kommunservice person (`/me/sendMail`, Mail.Send), twenty to a Graph JSON $batch (src/data/graphBatch.ts:
 * a throttled request is sent again after its Retry-After, with the others throttled). Every loan gets
 * its own result, so what failed can be sent again.
 */
import { GraphFI } from '@pnp/graph';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { addDays, format, parseISO } from 'date-fns';
import { IsoDate } from '../../domain/dates';
import { Enhetsstatus, paminnasVidMandatslut } from '../../domain/surfplatta';
import { LanFalt, LanLista, SurfplattaFalt, SurfplattorLista } from '../../schema/surfplattor';
import { tolkaDataFel } from '../fel';
import { GraphBatch, IDelfraga } from '../graphBatch';
import { tillSpDatum } from '../spDatum';
import { LAN_EXPAND, LAN_URVAL, Rad, SIDA, tillLan } from './lasa';
import { ILan, IMandatTjanst, IPaminnelseResultat } from './typer';

const L = LanFalt;
const S = SurfplattaFalt;

/** Device statuses whose loan is not asked back. */
const BORTA: readonly Enhetsstatus[] = ['Stulen', 'Förlorad'];

export interface IMandatAlternativ {
  /** Waits out a Retry-After; tests pass one that records and returns at once. */
  vanta?: (ms: number) => Promise<void>;
}

export class MandatTjanst implements IMandatTjanst {
  public constructor(private readonly sp: SPFI, private readonly webb: string, private readonly graph: GraphFI, private readonly alternativ: IMandatAlternativ = {}) {}

  public async hamtaSlutande(idag: IsoDate, dagar: number): Promise<ILan[]> {
    const grans = format(addDays(parseISO(idag), dagar), 'yyyy-MM-dd');
    const lista = this.sp.web.getList(`${this.webb.replace(/\/$/, '')}/${LanLista.url}`);
    // MandatSlut is indexed and narrows first, so the query stays within the list view threshold.
    const fraga = lista.items.select(...LAN_URVAL).expand(...LAN_EXPAND)
      .filter(`${L.MandatSlut} le datetime'${tillSpDatum(grans)}' and ${L.Status} eq 'Utlånad'`).top(SIDA);
    const lan: ILan[] = [];
    const borta = new Set<number>();
    try {
      for await (const sida of fraga) {
        lan.push(...(sida as Rad[]).map(tillLan));
      }
      // A device reported stolen or lost is not asked back (its loan ends when the incident closes).
      const plattor = this.sp.web.getList(`${this.webb.replace(/\/$/, '')}/${SurfplattorLista.url}`);
      for await (const sida of plattor.items.select('Id').filter(BORTA.map((b) => `${S.Status} eq '${b}'`).join(' or ')).top(SIDA)) {
        for (const r of sida as Rad[]) borta.add(Number(r.Id));
      }
    } catch (e) {
      throw tolkaDataFel(e);
    }
    return paminnasVidMandatslut(lan.filter((l) => !borta.has(l.enhetId)), idag, dagar);
  }

  public async skickaPaminnelser(lan: readonly ILan[], texter: { amne: string; text: (lan: ILan) => string }): Promise<IPaminnelseResultat[]> {
    // One request per loan, each its own group; the loan's place in the list is its id.
    const grupper = lan.flatMap((l, i) => (l.lantagare?.epost ? [[this.delfraga(i, l, texter)]] : []));
    const svar = await new GraphBatch(this.graph, { vanta: this.alternativ.vanta }).kor(grupper);
    return lan.map((l, i): IPaminnelseResultat => {
      if (!l.lantagare?.epost) return { lan: l, ok: false, fel: 'saknas' };
      const s = svar.get(String(i));
      return s?.ok ? { lan: l, ok: true } : { lan: l, ok: false, fel: s?.fel?.orsak ?? 'okant' };
    });
  }

  private delfraga(i: number, l: ILan, texter: { amne: string; text: (lan: ILan) => string }): IDelfraga {
    return {
      // The loan's place in the list: unique within the call, so an answer finds its loan again.
      id: String(i),
      method: 'POST',
      url: '/me/sendMail',
      body: {
        message: {
          subject: texter.amne,
          // Plain text: nothing from a list row becomes markup in a mail.
          body: { contentType: 'Text', content: texter.text(l) },
          toRecipients: [{ emailAddress: { address: l.lantagare!.epost, name: l.lantagare!.namn } }]
        },
        saveToSentItems: true
      }
    };
  }
}
