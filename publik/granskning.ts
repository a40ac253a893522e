/**
 * The personnummer guard. Signed PDFs from some e-signature services carry the signer's
 * personnummer in their metadata, and a Word file can hide one in its properties, a header or a
 * tracked deletion (domain notes): every file and text on the public site is searched with the
 * domain's hittaPersonnummer first. A file that cannot be searched is not published either: a signed
 * PDF (the signer's certificate, as BankID's, carries the personnummer), a PDF page that is an image
 * (a scan), an embedded object that cannot be opened.
 */
import JSZip from 'jszip';
import { lasaDocxText } from '../src/data/uppdrag/lasaFiler';
import { hittaPersonnummer } from '../src/domain/personnummer';

export type Granskning =
  | { ok: true }
  | { ok: false; orsak: 'Personnummer' | 'KanInteGranskas'; detalj: string };

const TEXTFILER = /\.(txt|csv|md|html?|xml|json|ics)$/i;
const OOXML = /\.(docx|docm|dotx|dotm|xlsx|xlsm|xltx|pptx|pptm|ppsx|potx)$/i;

/** Files inside files (an Excel sheet in a Word file, an attachment in a PDF) are opened this deep, no deeper. */
const MAX_DJUP = 3;
/** Unpacked bytes read from one file, all levels together: a zip bomb is refused, not unpacked. */
const MAX_UPPACKAT = 256 * 1024 * 1024;
/** A PDF page with fewer visible characters than this has no text layer to search (a scan or a picture). */
const MIN_TECKEN_PER_SIDA = 20;

/** The text with every personnummer replaced, for reports and logs that must not spread it. */
export function maskera(text: string): string {
  let ut = text;
  for (const pnr of hittaPersonnummer(text)) ut = ut.split(pnr).join(pnr.replace(/\d/g, 'X'));
  return ut;
}

export function harPersonnummer(text: string | undefined): boolean {
  return !!text && hittaPersonnummer(text).length > 0;
}

/**
 * What reading a file gave: its searchable text, and why it cannot be cleared even when that text has no
 * personnummer (parts that could not be read). A personnummer found is the stronger answer.
 */
interface Lasning {
  text: string;
  hinder: string[];
}

interface Budget {
  kvar: number;
}

class KanInteLasas extends Error {}

function forbruka(budget: Budget, antal: number): void {
  budget.kvar -= antal;
  if (budget.kvar < 0) throw new KanInteLasas('filen packas upp till mer än 256 MB');
}

// ---- Office files ------------------------------------------------------------------------------

/** Body text of Office parts: runs of one paragraph, cell or row join without a gap, as the reader sees them. */
function ordText(xml: string): string {
  return xml.replace(/<\/(?:[a-z]+:)?(?:p|si|c|row|tc|tr|br)>|<(?:[a-z]+:)?(?:tab|br)\/>/gi, '\n').replace(/<[^>]+>/g, '');
}

/** Property parts (title, author, custom properties): every element is its own value. */
function egenskapsText(xml: string): string {
  return xml.replace(/<[^>]+>/g, '\n');
}

/** Parts that carry no text a reader could find a personnummer in the way the guard searches: pictures, fonts, printer setup. */
const BILD_ELLER_TYPSNITT = /(^|\/)(media|fonts|printerSettings)\/|^docProps\/thumbnail\.|\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|odttf|ttf|otf|fntdata)$/i;

/**
 * Every part of an Office file: the XML parts (document, headers, footers, comments, tracked changes,
 * properties) as text, the files embedded in it (word/embeddings/…) opened in turn, and anything else
 * that is not a picture or a font noted as a part that cannot be searched (an OLE object, macros).
 */
async function officeLasning(data: Uint8Array, djup: number, budget: Budget): Promise<Lasning> {
  const zip = await JSZip.loadAsync(data);
  const delar: string[] = [];
  const hinder: string[] = [];
  for (const [namn, fil] of Object.entries(zip.files)) {
    if (fil.dir) continue;
    delar.push(namn);
    if (BILD_ELLER_TYPSNITT.test(namn)) continue;
    // Check the size the zip declares before unpacking, then what unpacking really gave.
    const deklarerad = (fil as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (typeof deklarerad === 'number' && deklarerad > budget.kvar) throw new KanInteLasas('filen packas upp till mer än 256 MB');
    if (/\.(xml|rels|vml)$/i.test(namn)) {
      const xml = await fil.async('string');
      forbruka(budget, xml.length);
      delar.push(/^(docProps|customXml)\//i.test(namn) ? egenskapsText(xml) : ordText(xml));
      continue;
    }
    const inre = await fil.async('uint8array');
    forbruka(budget, inre.byteLength);
    const lasning = await inbaddad(namn, inre, djup, budget);
    delar.push(lasning.text);
    hinder.push(...lasning.hinder);
  }
  return { text: delar.join('\n'), hinder };
}

/** A file inside a file: read as a file of its own, one level deeper; one that cannot be read is a hinder. */
async function inbaddad(namn: string, data: Uint8Array, djup: number, budget: Budget): Promise<Lasning> {
  if (djup + 1 > MAX_DJUP) return { text: namn, hinder: [`${namn} ligger för djupt i filer i filer för att granskas`] };
  let lasning: Lasning | undefined;
  try {
    lasning = await filLasning(namn, data, djup + 1, budget);
  } catch (fel) {
    if (fel instanceof KanInteLasas) throw fel;
    return { text: namn, hinder: [`den inbäddade filen ${namn} gick inte att läsa`] };
  }
  if (lasning === undefined) return { text: namn, hinder: [`det inbäddade objektet ${namn} kan inte granskas`] };
  return { text: `${namn}\n${lasning.text}`, hinder: lasning.hinder.map((h) => `${namn}: ${h}`) };
}

// ---- PDF ---------------------------------------------------------------------------------------

/** A PDF date (D:YYYYMMDDHHmmSS…) with a real time of day: twelve of its digits would otherwise look like a personnummer with century. */
function arPdfDatum(s: string): boolean {
  const m = /^D:\d{8}(\d{2})?(\d{2})?(\d{2})?(?:[Z+\-']|$)/.exec(s);
  return !!m && Number(m[1] ?? 0) < 24 && Number(m[2] ?? 0) < 60 && Number(m[3] ?? 0) < 60;
}

/**
 * Every string in what pdf.js hands out about a document (metadata, form fields, annotations, the
 * outline), and the files attached to annotations. Numbers (positions, colours) are left out: their
 * digits are no one's personnummer.
 */
function samlaStrangar(varde: unknown, ut: string[], filer: Array<{ filename: string; content: Uint8Array }>, sett = new Set<unknown>()): void {
  if (varde === null || varde === undefined) return;
  if (typeof varde === 'string') {
    if (!arPdfDatum(varde)) ut.push(varde);
    return;
  }
  if (typeof varde !== 'object' || sett.has(varde) || ArrayBuffer.isView(varde) || varde instanceof ArrayBuffer) return;
  sett.add(varde);
  if (Array.isArray(varde)) {
    for (const v of varde) samlaStrangar(v, ut, filer, sett);
    return;
  }
  const post = varde as Record<string, unknown>;
  const fil = post.file as { filename?: unknown; content?: unknown } | undefined;
  if (fil && typeof fil === 'object' && fil.content instanceof Uint8Array) {
    filer.push({ filename: typeof fil.filename === 'string' ? fil.filename : 'bilaga', content: fil.content });
  }
  for (const [nyckel, v] of Object.entries(post)) {
    if (nyckel === 'file' || nyckel === 'content') continue;
    samlaStrangar(v, ut, filer, sett);
  }
}

/** The signature dictionaries of a signed PDF: the CMS blob (certificates) decoded, and the dictionary's own strings. */
function signaturText(ra: string): string {
  const delar: string[] = [];
  for (const objekt of ra.split(/\bendobj\b/)) {
    if (!/\/ByteRange\b/.test(objekt)) continue;
    for (const m of objekt.matchAll(/\/Contents\s*<([0-9A-Fa-f\s]*)>/g)) {
      delar.push(Buffer.from(m[1].replace(/\s+/g, ''), 'hex').toString('latin1'));
    }
    // The byte offsets in /ByteRange are four numbers in a row; they say nothing about a person.
    delar.push(objekt.replace(/\/Contents\s*<[0-9A-Fa-f\s]*>/g, '').replace(/\/ByteRange\s*\[[^\]]*\]/g, ''));
  }
  return delar.join('\n');
}

/**
 * A PDF through unpdf's pdf.js: the text of every page, metadata (the document information dictionary
 * and XMP), form field values, annotations (comments, their authors, widget values), the outline and
 * attached files. A signed PDF is a hinder whatever its text says (the signer's certificate carries the
 * personnummer, in DER that pdf.js does not decode), and so is a page that shows an image but has
 * almost no text: a scan, whose content cannot be searched.
 */
async function pdfLasning(data: Uint8Array, djup: number, budget: Budget): Promise<Lasning> {
  const { getDocumentProxy, extractText, getMeta } = await import('unpdf');
  // Names and dictionaries of streams are never compressed, so these are visible in the raw bytes:
  // every signature dictionary (its /ByteRange points into the file) and every image XObject.
  const ra = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  const signerad = /\/ByteRange\s*\[|\/Type\s*\/(?:Sig|DocTimeStamp)\b/.test(ra);
  const harBilder = /\/Subtype\s*\/Image\b/.test(ra);
  // pdf.js takes ownership of the buffer it is given; a copy leaves the caller's intact.
  const pdf = await getDocumentProxy(new Uint8Array(data), { isEvalSupported: false, useSystemFonts: true });
  try {
    const strangar: string[] = [];
    const filer: Array<{ filename: string; content: Uint8Array }> = [];
    const hinder: string[] = [];
    const { text: sidor } = await extractText(pdf, { mergePages: false });
    const { info, metadata } = await getMeta(pdf);
    samlaStrangar(info, strangar, filer);
    samlaStrangar((metadata as { getAll?: () => unknown } | null | undefined)?.getAll?.(), strangar, filer);
    const falt = await pdf.getFieldObjects();
    samlaStrangar(falt, strangar, filer);
    for (let nr = 1; nr <= pdf.numPages; nr++) {
      const sida = await pdf.getPage(nr);
      samlaStrangar(await sida.getAnnotations(), strangar, filer);
    }
    samlaStrangar(await pdf.getOutline(), strangar, filer);
    const bilagor = (await pdf.getAttachments()) as Record<string, { filename?: string; content?: Uint8Array }> | null;
    for (const [namn, bilaga] of Object.entries(bilagor ?? {})) {
      if (bilaga?.content instanceof Uint8Array) filer.push({ filename: bilaga.filename || namn, content: bilaga.content });
      else hinder.push(`den bifogade filen ${namn} gick inte att läsa`);
    }
    const delar = [...sidor, ...strangar];
    for (const fil of filer) {
      forbruka(budget, fil.content.byteLength);
      const lasning = await inbaddad(fil.filename, fil.content, djup, budget);
      delar.push(lasning.text);
      hinder.push(...lasning.hinder);
    }

    // An empty signature field (a template waiting for signatures) carries no one's certificate.
    if (signerad || (info as { IsSignaturesPresent?: boolean } | undefined)?.IsSignaturesPresent) {
      delar.push(signaturText(ra));
      hinder.push('PDF:en är signerad; signaturens certifikat kan bära undertecknarens personnummer');
    }
    if (/\/XFA\b/.test(ra) || (info as { IsXFAPresent?: boolean } | undefined)?.IsXFAPresent) {
      hinder.push('PDF:en har ett XFA-formulär, vars data inte kan granskas');
    }
    const tecken = sidor.map((s) => s.replace(/\s+/g, '').length);
    const tomma = tecken.map((n, i) => (n < MIN_TECKEN_PER_SIDA ? i + 1 : 0)).filter((n) => n > 0);
    if (tomma.length > 0 && (harBilder || tomma.length === tecken.length)) {
      const vilka = tomma.length === 1 ? `sidan ${tomma[0]}` : `${tomma.length} sidor (${tomma.slice(0, 5).join(', ')}${tomma.length > 5 ? ' …' : ''})`;
      hinder.push(`${vilka} har nästan ingen text, troligen inskannad eller en bild, och kan inte sökas igenom`);
    }
    return { text: delar.join('\n'), hinder };
  } finally {
    await pdf.destroy();
  }
}

// ---- every file --------------------------------------------------------------------------------

async function filLasning(filnamn: string, data: Uint8Array, djup: number, budget: Budget): Promise<Lasning | undefined> {
  if (/\.pdf$/i.test(filnamn)) return pdfLasning(data, djup, budget);
  if (/\.doc[xm]$/i.test(filnamn)) {
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    const office = await officeLasning(data, djup, budget);
    return { text: `${await lasaDocxText(buffer)}\n${office.text}`, hinder: office.hinder };
  }
  if (OOXML.test(filnamn)) return officeLasning(data, djup, budget);
  if (TEXTFILER.test(filnamn)) return { text: new TextDecoder('utf-8').decode(data), hinder: [] };
  return undefined;
}

/** Whether a file may go on the public site. Never throws: an unreadable file is simply not published. */
export async function granskaFil(filnamn: string, data: Uint8Array): Promise<Granskning> {
  if (harPersonnummer(filnamn)) return { ok: false, orsak: 'Personnummer', detalj: 'i filnamnet' };
  let lasning: Lasning | undefined;
  try {
    lasning = await filLasning(filnamn, data, 0, { kvar: MAX_UPPACKAT });
  } catch (fel) {
    return { ok: false, orsak: 'KanInteGranskas', detalj: `filen gick inte att läsa (${maskera(String((fel as Error).message ?? fel)).slice(0, 200)})` };
  }
  if (lasning === undefined) return { ok: false, orsak: 'KanInteGranskas', detalj: 'filtypen kan inte granskas' };
  const antal = hittaPersonnummer(lasning.text).length;
  if (antal > 0) return { ok: false, orsak: 'Personnummer', detalj: antal === 1 ? '1 personnummer i filen' : `${antal} personnummer i filen` };
  if (lasning.hinder.length > 0) {
    const fler = lasning.hinder.length > 1 ? ` (och ${lasning.hinder.length - 1} till)` : '';
    return { ok: false, orsak: 'KanInteGranskas', detalj: maskera(`${lasning.hinder[0]}${fler}`).slice(0, 300) };
  }
  return { ok: true };
}
