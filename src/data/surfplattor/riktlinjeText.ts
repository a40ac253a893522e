/**
 * The guideline the borrower signs: the document in force in the Riktlinjer library, and its full
 * text for reading before signing and for the receipt. Word documents are read with mammoth (loaded
 * only when a guideline is opened); plain text and PDF are read too, so a library that holds the
 * decision as PDF still works.
 */
import { CacheNever } from '@pnp/queryable';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { IsoDate } from '../../domain/dates';
import { RiktlinjeFalt, RiktlinjerBibliotek } from '../../schema/surfplattor';
import { tolkaDataFel } from '../fel';
import { lasFil } from '../filer';
import { franSpDatum } from '../spDatum';
import { lasaDocxText, lasaPdfText } from '../uppdrag/lasaFiler';
import { IRiktlinje, RegisterFel } from './typer';

const R = RiktlinjeFalt;

/** The text of a guideline file; Word's soft line breaks and runs of blank lines are tidied. */
export async function riktlinjeTillText(filnamn: string, innehall: ArrayBuffer): Promise<string> {
  const andelse = filnamn.toLowerCase().split('.').pop() ?? '';
  let text: string;
  if (andelse === 'docx') text = await lasaDocxText(innehall);
  else if (andelse === 'pdf') text = await lasaPdfText(innehall);
  else text = new TextDecoder('utf-8').decode(innehall);
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

type Riktlinjerad = Record<string, unknown>;

/** Every version in the library (a handful over the years: read them all rather than filter on an unindexed date), asked of SharePoint itself. */
async function lasRiktlinjerader(sp: SPFI, webb: string): Promise<Riktlinjerad[]> {
  try {
    return await sp.web.getList(`${webb}/${RiktlinjerBibliotek.url}`).items
      .select('Id', 'FileRef', 'FileLeafRef', R.Rubrik, R.Version, R.GallerFran, R.Beslut).top(500).using(CacheNever())<Riktlinjerad[]>();
  } catch (fel) {
    throw tolkaDataFel(fel);
  }
}

/** The guideline versions in the library with the day each came into force (rows without a readable date left out). */
export async function lasRiktlinjeversioner(sp: SPFI, webb: string): Promise<Array<{ version: string; gallerFran: IsoDate }>> {
  return (await lasRiktlinjerader(sp, webb))
    .map((r) => ({ version: String(r[R.Version] ?? ''), gallerFran: franSpDatum(r[R.GallerFran]) }))
    .filter((v): v is { version: string; gallerFran: IsoDate } => !!v.version && !!v.gallerFran);
}

/**
 * The guideline in force on `idag`: the newest Gäller från that is not in the future. Asked of
 * SharePoint itself (a loan records this version). `medText` reads the document as well.
 */
export async function lasGallandeRiktlinje(sp: SPFI, webb: string, idag: IsoDate, medText: boolean): Promise<IRiktlinje> {
  const rader = await lasRiktlinjerader(sp, webb);
  const gallande = rader
    .map((r) => ({ r, fran: franSpDatum(r[R.GallerFran]) }))
    .filter((x): x is { r: Riktlinjerad; fran: IsoDate } => !!x.fran && x.fran <= idag && typeof x.r.FileRef === 'string')
    .sort((a, b) => b.fran.localeCompare(a.fran) || Number(b.r.Id) - Number(a.r.Id))[0];
  if (!gallande) throw new RegisterFel('RiktlinjeSaknas');
  const { r, fran } = gallande;
  const filUrl = String(r.FileRef);
  let text = '';
  if (medText) {
    const innehall = await lasFil(sp, filUrl);
    try {
      text = await riktlinjeTillText(String(r.FileLeafRef ?? filUrl), innehall);
    } catch {
      // A damaged document: not something a retry fixes.
      throw new RegisterFel('RiktlinjeSaknas');
    }
  }
  const beslut = typeof r[R.Beslut] === 'string' && r[R.Beslut] ? (r[R.Beslut] as string) : undefined;
  return {
    id: Number(r.Id),
    rubrik: String(r[R.Rubrik] ?? r.FileLeafRef ?? ''),
    version: String(r[R.Version] ?? ''),
    gallerFran: fran,
    ...(beslut ? { beslut } : {}),
    filUrl,
    text
  };
}
