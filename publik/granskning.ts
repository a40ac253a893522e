/**
 * The personnummer guard. Signed PDFs from some e-signature services carry the signer's
 * personnummer in their metadata, and a Word file can hide one in its properties, a header or a
 * tracked deletion (domain notes): every file and text on the public site is searched with the
 * domain's hittaPersonnummer first. A file that cannot be searched is not published either.
 */
import JSZip from 'jszip';
import { lasaDocxText } from '../src/data/uppdrag/lasaFiler';
import { hittaPersonnummer } from '../src/domain/personnummer';

export type Granskning =
  | { ok: true }
  | { ok: false; orsak: 'Personnummer' | 'KanInteGranskas'; detalj: string };

const TEXTFILER = /\.(txt|csv|md|html?|xml|json|ics)$/i;
const OOXML = /\.(docx|docm|dotx|xlsx|xlsm|pptx|ppsx)$/i;

/** The text with every personnummer replaced, for reports and logs that must not spread it. */
export function maskera(text: string): string {
  let ut = text;
  for (const pnr of hittaPersonnummer(text)) ut = ut.split(pnr).join(pnr.replace(/\d/g, 'X'));
  return ut;
}

export function harPersonnummer(text: string | undefined): boolean {
  return !!text && hittaPersonnummer(text).length > 0;
}

/** Body text of Office parts: runs of one paragraph, cell or row join without a gap, as the reader sees them. */
function ordText(xml: string): string {
  return xml.replace(/<\/(?:[a-z]+:)?(?:p|si|c|row|tc|tr|br)>|<(?:[a-z]+:)?(?:tab|br)\/>/gi, '\n').replace(/<[^>]+>/g, '');
}

/** Property parts (title, author, custom properties): every element is its own value. */
function egenskapsText(xml: string): string {
  return xml.replace(/<[^>]+>/g, '\n');
}

/** Every XML part of an Office file: document, headers, footers, comments, tracked changes and properties. */
async function officeText(data: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const delar: string[] = [];
  for (const [namn, fil] of Object.entries(zip.files)) {
    if (fil.dir || !/\.(xml|rels)$/i.test(namn)) continue;
    const xml = await fil.async('string');
    delar.push(/^(docProps|customXml)\//i.test(namn) ? egenskapsText(xml) : ordText(xml));
  }
  return delar.join('\n');
}

/** PDF text and metadata (the document information dictionary and XMP) through unpdf's pdf.js. */
async function pdfText(data: Uint8Array): Promise<string> {
  const { getDocumentProxy, extractText, getMeta } = await import('unpdf');
  // pdf.js takes ownership of the buffer it is given; a copy leaves the caller's intact.
  const pdf = await getDocumentProxy(new Uint8Array(data), { isEvalSupported: false, useSystemFonts: true });
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    const { info, metadata } = await getMeta(pdf);
    const xmp = (metadata as { getAll?: () => unknown } | null | undefined)?.getAll?.();
    return [text, JSON.stringify(info ?? {}), JSON.stringify(xmp ?? {})].join('\n');
  } finally {
    await pdf.destroy();
  }
}

async function filText(filnamn: string, data: Uint8Array): Promise<string | undefined> {
  if (/\.pdf$/i.test(filnamn)) return pdfText(data);
  if (/\.docx$/i.test(filnamn)) {
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    return `${await lasaDocxText(buffer)}\n${await officeText(data)}`;
  }
  if (OOXML.test(filnamn)) return officeText(data);
  if (TEXTFILER.test(filnamn)) return new TextDecoder('utf-8').decode(data);
  return undefined;
}

/** Whether a file may go on the public site. Never throws: an unreadable file is simply not published. */
export async function granskaFil(filnamn: string, data: Uint8Array): Promise<Granskning> {
  if (harPersonnummer(filnamn)) return { ok: false, orsak: 'Personnummer', detalj: 'i filnamnet' };
  let text: string | undefined;
  try {
    text = await filText(filnamn, data);
  } catch (fel) {
    return { ok: false, orsak: 'KanInteGranskas', detalj: `filen gick inte att läsa (${maskera(String((fel as Error).message ?? fel)).slice(0, 200)})` };
  }
  if (text === undefined) return { ok: false, orsak: 'KanInteGranskas', detalj: 'filtypen kan inte granskas' };
  const antal = hittaPersonnummer(text).length;
  return antal === 0 ? { ok: true } : { ok: false, orsak: 'Personnummer', detalj: antal === 1 ? '1 personnummer i filen' : `${antal} personnummer i filen` };
}
