/**
 * Mandate end (issue 6 item 4, docs/surfplattor.md): the loans whose borrower's mandate has ended or
 * ends within N days, and the return reminders by mail. The reminders go as the signed-in
 * kommunservice person (`/me/sendMail`, Mail.Send), twenty to a Graph JSON $batch; a throttled
 * request inside a batch is sent again, alone with the others throttled, after its Retry-After.
 * Every loan gets its own result, so what failed can be sent again.
 */
import { GraphFI, graphPost } from '@pnp/graph';
import { body } from '@pnp/queryable';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { addDays, format, parseISO } from 'date-fns';
import { IsoDate } from '../../domain/dates';
import { Enhetsstatus, paminnasVidMandatslut } from '../../domain/surfplatta';
import { LanFalt, LanLista, SurfplattaFalt, SurfplattorLista } from '../../schema/surfplattor';
import { tolkaDataFel } from '../fel';
import { tillSpDatum } from '../spDatum';
import { graphSokvag } from '../pnp';
import { LAN_EXPAND, LAN_URVAL, Rad, SIDA, tillLan } from './lasa';
import { ILan, IMandatTjanst, IPaminnelseResultat } from './typer';

const L = LanFalt;
const S = SurfplattaFalt;

/** Device statuses whose loan is not asked back. */
const BORTA: readonly Enhetsstatus[] = ['Stulen', 'Förlorad'];

/** Graph's limit of requests in one JSON batch. */
export const BATCH_STORLEK = 20;
/** Rounds of resending throttled requests before they are reported as throttled (and left to a retry). */
const OMGANGAR = 6;
/** When a throttled answer has no Retry-After (Graph always sends one; a proxy may not). */
const STANDARD_VANTAN_S = 10;

interface IDelsvar {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface IMandatAlternativ {
  /** Waits out a Retry-After; tests pass one that records and returns at once. */
  vanta?: (ms: number) => Promise<void>;
}

function retryAfter(d: IDelsvar): number {
  const namn = Object.keys(d.headers ?? {}).find((k) => k.toLowerCase() === 'retry-after');
  const s = namn ? Number(d.headers![namn]) : NaN;
  return Number.isFinite(s) && s >= 0 ? s : STANDARD_VANTAN_S;
}

/** A failed sub-request as the cause the UI explains (the same mapping as for any PnPjs failure). */
function orsak(d: IDelsvar): string {
  const meddelande = (d.body as { error?: { message?: string } } | undefined)?.error?.message ?? '';
  return tolkaDataFel({ isHttpRequestError: true, status: d.status, message: meddelande }).orsak;
}

export class MandatTjanst implements IMandatTjanst {
  private readonly vanta: (ms: number) => Promise<void>;

  public constructor(private readonly sp: SPFI, private readonly webb: string, private readonly graph: GraphFI, alternativ: IMandatAlternativ = {}) {
    this.vanta = alternativ.vanta ?? ((ms) => new Promise((klar) => setTimeout(klar, ms)));
  }

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
    const resultat = new Map<number, IPaminnelseResultat>();
    let kvar: number[] = [];
    lan.forEach((l, i) => {
      if (l.lantagare?.epost) kvar.push(i);
      else resultat.set(i, { lan: l, ok: false, fel: 'saknas' });
    });
    for (let omgang = 1; kvar.length > 0; omgang++) {
      const strypta: number[] = [];
      let vantan = 0;
      for (let start = 0; start < kvar.length; start += BATCH_STORLEK) {
        const del = kvar.slice(start, start + BATCH_STORLEK);
        let svar: IDelsvar[];
        try {
          const batch = await graphPost(graphSokvag(this.graph, '$batch'), body({ requests: del.map((i) => this.delfraga(i, lan[i], texter)) }));
          svar = Array.isArray((batch as { responses?: unknown }).responses) ? (batch as { responses: IDelsvar[] }).responses : [];
        } catch (e) {
          // The batch itself failed after the retry behavior's own attempts: each of its loans says why.
          const fel = tolkaDataFel(e).orsak;
          del.forEach((i) => resultat.set(i, { lan: lan[i], ok: false, fel }));
          continue;
        }
        for (const i of del) {
          const d = svar.find((s) => s.id === String(i));
          if (!d) {
            resultat.set(i, { lan: lan[i], ok: false, fel: 'okant' });
          } else if (d.status >= 200 && d.status < 300) {
            resultat.set(i, { lan: lan[i], ok: true });
          } else if ((d.status === 429 || d.status === 503 || d.status === 504) && omgang < OMGANGAR) {
            strypta.push(i);
            vantan = Math.max(vantan, retryAfter(d));
          } else {
            resultat.set(i, { lan: lan[i], ok: false, fel: orsak(d) });
          }
        }
      }
      // Throttled requests still count against the limit: wait as long as the longest Retry-After before resending.
      if (strypta.length > 0) await this.vanta(vantan * 1000);
      kvar = strypta;
    }
    return lan.map((l, i) => resultat.get(i) ?? { lan: l, ok: false, fel: 'okant' });
  }

  private delfraga(i: number, l: ILan, texter: { amne: string; text: (lan: ILan) => string }): Record<string, unknown> {
    return {
      // The loan's place in the list: unique within the call, so an answer finds its loan again.
      id: String(i),
      method: 'POST',
      url: '/me/sendMail',
      headers: { 'Content-Type': 'application/json' },
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
