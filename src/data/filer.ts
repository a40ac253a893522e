/** Reading a document's bytes by its server-relative URL, as every part that opens files does, and adding one. */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { DataFel, svarsstatus, tolkaDataFel } from './fel';

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

/**
 * Adds a file to a library without overwriting: a name in use gets " (2)", " (3)" … Returns the new
 * file's server-relative URL. Other failures are passed on as they came; the caller interprets them.
 */
export async function laggTillFil(sp: SPFI, biblioteksUrl: string, namn: string, innehall: ArrayBuffer): Promise<string> {
  const mapp = sp.web.getFolderByServerRelativePath(biblioteksUrl);
  for (let n = 1; n <= 50; n++) {
    const forsok = n === 1 ? namn : numreratNamn(namn, n);
    try {
      return (await mapp.files.addUsingPath(forsok, innehall, { Overwrite: false })).ServerRelativeUrl;
    } catch (fel) {
      // Only a name that is taken moves on to the next number; a 400 can mean other things, so check.
      const upptaget = (svarsstatus(fel) === 400 || svarsstatus(fel) === 409) &&
        await sp.web.getFileByServerRelativePath(`${biblioteksUrl}/${forsok}`).exists().catch(() => false);
      if (!upptaget) throw fel;
    }
  }
  throw new DataFel('konflikt');
}
