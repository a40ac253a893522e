/**
 * Creating something exactly once when answers can be lost. A create (a POST that adds a row, a
 * file, an attachment) is not sent again blindly: the send behavior (./pnp.ts) resends it only when
 * SharePoint surely did not run it (429, 503 with Retry-After) and otherwise ends with
 * OvissSkrivning (a proxy's 504, a broken connection). Here that outcome is settled from what
 * SharePoint holds: after a short wait the create is looked for, and what is found is the answer;
 * only when nothing is found is it sent once more.
 *
 * Rows carry a creation key for this: a GUID made here and sent with the row, in the column the
 * schema defines once (src/schema/skapande.ts), or a natural key that is unique already (the
 * Uppdrag list's KallNyckel).
 */
import { delay, getGUID } from '@pnp/core';
import { CacheNever } from '@pnp/queryable';
import { IList } from '@pnp/sp/lists';
import '@pnp/sp/items';
import { SKAPANDENYCKEL } from '../schema/skapande';
import { arOviss } from './fel';

/**
 * When to look after a lost answer, in ms from the previous look: at 2 s, then 5 s later. A proxy
 * may answer 504 while SharePoint is still saving; a list item is saved in well under a second once
 * SharePoint gets to it, so what is not there after 7 s most likely never arrived.
 */
export const EFTERSLAP_MS: readonly number[] = [2_000, 5_000];
/** Sendings of one create in all: the first, and one more when SharePoint shows none. */
export const SANDNINGAR = 2;

export interface ISkapandeSteg<T> {
  /** Sends the create and answers what SharePoint made. */
  skicka: () => Promise<T>;
  /** What SharePoint holds of this very create, or undefined when it holds none. */
  leta: () => Promise<T | undefined>;
  /**
   * After a create was sent a second time: the first may still have landed meanwhile; this keeps
   * one of them and answers it.
   */
  efterOmsandning?: (skapat: T) => Promise<T>;
}

const KAN_INTE_SE = Symbol('kan inte se');

/** Looks after each wait; KAN_INTE_SE when the look itself fails (then nothing may be sent again). */
async function letaEfterVantan<T>(leta: () => Promise<T | undefined>): Promise<T | undefined | typeof KAN_INTE_SE> {
  for (const ms of EFTERSLAP_MS) {
    await delay(ms);
    try {
      const funnet = await leta();
      if (funnet !== undefined) return funnet;
    } catch {
      return KAN_INTE_SE;
    }
  }
  return undefined;
}

/**
 * Sends a create and settles a lost answer: found, it is the answer; not found, it is sent once
 * more; when SharePoint cannot be asked, the uncertain outcome is reported as it came (DataFel
 * 'strypt' or 'natverk' through tolkaDataFel), never sent again blindly.
 */
export async function skapaEnGang<T>(steg: ISkapandeSteg<T>): Promise<T> {
  for (let sandning = 1; ; sandning++) {
    let skapat: T;
    try {
      skapat = await steg.skicka();
    } catch (fel) {
      if (!arOviss(fel)) {
        // A second sending refused (a unique value, a file name now taken) may mean the first landed late.
        if (sandning > 1) {
          const sent = await steg.leta().catch(() => undefined);
          if (sent !== undefined) return sent;
        }
        throw fel;
      }
      const funnet = await letaEfterVantan(steg.leta);
      if (funnet === KAN_INTE_SE || (funnet === undefined && sandning >= SANDNINGAR)) throw fel;
      if (funnet !== undefined) return funnet;
      continue;
    }
    return sandning > 1 && steg.efterOmsandning ? steg.efterOmsandning(skapat) : skapat;
  }
}

/** The column and value that find a created row again. */
export interface ISkapandenyckel {
  falt: string;
  varde: string;
}

/** A GUID from the platform's random source; PnPjs' own where there is none. */
function nyGuid(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return typeof c?.randomUUID === 'function' ? c.randomUUID() : getGUID();
}

/** A fresh creation key in the schema's column. */
export function nyNyckel(): ISkapandenyckel {
  return { falt: SKAPANDENYCKEL, varde: nyGuid() };
}

export type SkapadRad = Record<string, unknown>;

const radId = (r: SkapadRad): number => Number(r.Id ?? r.ID);

/**
 * Adds a row to a list, exactly once (see skapaEnGang). Answers the row as SharePoint answers a
 * create (every field), whether from the create's answer or from the look-up that found it. The
 * list must have the key's column: the schema's creation key unless a natural key is given.
 */
export async function skapaRad(lista: IList, varden: Record<string, unknown>, nyckel: ISkapandenyckel = nyNyckel()): Promise<SkapadRad> {
  const citerad = nyckel.varde.replace(/'/g, "''");
  // Asked of SharePoint itself (never the offline cache), on the indexed key, oldest first.
  const medNyckel = async (): Promise<SkapadRad[]> =>
    (await lista.items.filter(`${nyckel.falt} eq '${citerad}'`).top(10).using(CacheNever())<SkapadRad[]>()).sort((a, b) => radId(a) - radId(b));
  return skapaEnGang<SkapadRad>({
    skicka: async () => await lista.items.add({ ...varden, [nyckel.falt]: nyckel.varde }) as SkapadRad,
    leta: async () => (await medNyckel())[0],
    efterOmsandning: async (skapad) => {
      const alla = await medNyckel().catch(() => [skapad]);
      if (alla.length <= 1) return skapad;
      // Both sendings landed: the first row stays, and the same row made again goes (nothing differs but the id).
      const [forsta, ...fler] = alla;
      for (const r of fler) await lista.items.getById(radId(r)).delete().catch(() => undefined);
      return forsta;
    }
  });
}
