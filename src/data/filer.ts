/** Reading a document's bytes by its server-relative URL, as every part that opens files does, and adding one. */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/site-users/web';
import { CacheNever } from '@pnp/queryable';
import { SKAPANDENYCKEL } from '../schema/skapande';
import { DataFel, svarsstatus, tolkaDataFel } from './fel';
import { skapaEnGang } from './skapa';

export async function lasFil(sp: SPFI, filUrl: string): Promise<ArrayBuffer> {
  try {
    return await sp.web.getFileByServerRelativePath(filUrl).getBuffer();
  } catch (fel) {
    throw tolkaDataFel(fel);
  }
}

/** "rapport.pdf" → "rapport (2).pdf": a new name instead of overwriting someone's file. */
function numreratNamn(namn: string, n: number): string {
  const punkt = namn.lastIndexOf('.');
  return punkt > 0 ? `${namn.slice(0, punkt)} (${n})${namn.slice(punkt)}` : `${namn} (${n})`;
}

function likaBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * Whether the file at `filUrl` is the one an upload whose answer was lost put there: the same
 * bytes, added by the signed-in person, and not yet claimed (no creation key in its item: every
 * upload that finished wrote one with its metadata). Someone's finished document of the same name
 * is not taken over; it keeps its name and ours gets a numbered one.
 */
async function varUppladdning(sp: SPFI, filUrl: string, innehall: ArrayBuffer): Promise<string | undefined> {
  const fil = sp.web.getFileByServerRelativePath(filUrl);
  let info: { Length?: unknown; ServerRelativeUrl: string };
  try {
    info = await fil.select('Length', 'ServerRelativeUrl').using(CacheNever())<{ Length?: unknown; ServerRelativeUrl: string }>();
  } catch (fel) {
    if (svarsstatus(fel) === 404) return undefined;
    throw fel;
  }
  if (Number(info.Length) !== innehall.byteLength) return undefined;
  const [objekt, jag] = await Promise.all([
    fil.listItemAllFields.select('AuthorId', SKAPANDENYCKEL).using(CacheNever())<Record<string, unknown>>(),
    sp.web.currentUser.select('Id').using(CacheNever())<{ Id: number }>()
  ]);
  if (objekt[SKAPANDENYCKEL] || Number(objekt.AuthorId) !== jag.Id) return undefined;
  return likaBytes(await fil.getBuffer(), innehall) ? info.ServerRelativeUrl : undefined;
}

/**
 * Adds a file to a library without overwriting: a name in use gets " (2)", " (3)" … Returns the new
 * file's server-relative URL. Other failures are passed on as they came; the caller interprets them.
 *
 * An upload whose answer was lost is settled by what lies at its path (varUppladdning), not sent
 * again to a new name. The library has the schema's creation key column, and the caller claims the
 * file by writing a key (nyNyckel) in its metadata.
 */
export async function laggTillFil(sp: SPFI, biblioteksUrl: string, namn: string, innehall: ArrayBuffer): Promise<string> {
  const mapp = sp.web.getFolderByServerRelativePath(biblioteksUrl);
  for (let n = 1; n <= 50; n++) {
    const forsok = n === 1 ? namn : numreratNamn(namn, n);
    try {
      return await skapaEnGang({
        skicka: async () => (await mapp.files.addUsingPath(forsok, innehall, { Overwrite: false })).ServerRelativeUrl,
        leta: () => varUppladdning(sp, `${biblioteksUrl}/${forsok}`, innehall)
      });
    } catch (fel) {
      // Only a name that is taken moves on to the next number; a 400 can mean other things, so check.
      const upptaget = (svarsstatus(fel) === 400 || svarsstatus(fel) === 409) &&
        await sp.web.getFileByServerRelativePath(`${biblioteksUrl}/${forsok}`).exists().catch(() => false);
      if (!upptaget) throw fel;
    }
  }
  throw new DataFel('konflikt');
}
