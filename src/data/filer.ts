/** Reading a document's bytes by its server-relative URL, as every part that opens files does. */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/files';
import { tolkaDataFel } from './fel';

export async function lasFil(sp: SPFI, filUrl: string): Promise<ArrayBuffer> {
  try {
    return await sp.web.getFileByServerRelativePath(filUrl).getBuffer();
  } catch (fel) {
    throw tolkaDataFel(fel);
  }
}
