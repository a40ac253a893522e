/**
 * Reading what a handläggare uploads: an Excel ärendebalanslista into header and rows, and a
 * protokoll (.docx or PDF) into plain text. The readers are large, so each is imported on first
 * use into the 'uppdrag-import' chunk and the web part's first load stays small.
 */
import { Cellvarde, IImportRad } from '../../domain/importera';

export interface ITabell {
  /** The header row's texts; a column without a header is ''. */
  rubriker: string[];
  rader: IImportRad[];
}

/** Hand-kept sheets differ in what the reader gives per cell: rich text, links, formulas. */
function cellvarde(v: unknown): Cellvarde {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown; hyperlink?: string };
  if (Array.isArray(o.richText)) return o.richText.map((d) => d.text).join('');
  if ('result' in o) return cellvarde(o.result);
  if (o.text !== undefined) return cellvarde(o.text);
  if (o.error !== undefined) return null;
  return String(v);
}

/** The first worksheet: the first non-empty row is the header, empty rows are skipped. */
export async function lasaExcel(data: ArrayBuffer): Promise<ITabell> {
  const ExcelJS = await import(/* webpackChunkName: 'uppdrag-import' */ 'exceljs');
  const bok = new ExcelJS.Workbook();
  // exceljs types say Buffer; it unzips any ArrayBuffer, in the browser too.
  await bok.xlsx.load(data as unknown as Parameters<typeof bok.xlsx.load>[0]);
  const blad = bok.worksheets[0];
  const tabell: ITabell = { rubriker: [], rader: [] };
  if (!blad) return tabell;
  let harRubrik = false;
  blad.eachRow({ includeEmpty: false }, (rad, radnummer) => {
    const celler: Cellvarde[] = [];
    rad.eachCell({ includeEmpty: true }, (cell, kolumn) => {
      celler[kolumn - 1] = cellvarde(cell.value);
    });
    for (let i = 0; i < celler.length; i++) if (celler[i] === undefined) celler[i] = null;
    if (celler.every((c) => c === null || (typeof c === 'string' && !c.trim()))) return;
    if (!harRubrik) {
      tabell.rubriker = celler.map((c) => (c instanceof Date ? '' : (c ?? '').trim()));
      harRubrik = true;
      return;
    }
    tabell.rader.push({ radnummer, celler });
  });
  return tabell;
}

export async function lasaDocxText(data: ArrayBuffer): Promise<string> {
  const mammoth = await import(/* webpackChunkName: 'uppdrag-import' */ 'mammoth');
  // The browser build reads `arrayBuffer`, the Node build (tests, tools) only `buffer`: give both where Buffer exists.
  const nodeBuffer = (globalThis as { Buffer?: { from(data: ArrayBuffer): unknown } }).Buffer;
  const indata = { arrayBuffer: data, ...(nodeBuffer ? { buffer: nodeBuffer.from(data) } : {}) } as Parameters<typeof mammoth.extractRawText>[0];
  const resultat = await (mammoth.default ?? mammoth).extractRawText(indata);
  return resultat.value;
}

/**
 * PDF text with the serverless pdf.js that unpdf bundles, line by line as unpdf's extractText does.
 * Imported as 'unpdf/pdfjs' rather than 'unpdf': the package's entry uses import.meta.resolve,
 * which webpack warns about, and a warning fails a --ship build.
 */
export async function lasaPdfText(data: ArrayBuffer): Promise<string> {
  const { getDocument } = await import(/* webpackChunkName: 'uppdrag-import' */ 'unpdf/pdfjs');
  // pdf.js takes ownership of the buffer it is given; a copy leaves the caller's intact.
  const pdf = await getDocument({ data: new Uint8Array(data.slice(0)), isEvalSupported: false, useSystemFonts: true }).promise;
  try {
    const sidor: string[] = [];
    for (let nr = 1; nr <= pdf.numPages; nr++) {
      const innehall = await (await pdf.getPage(nr)).getTextContent();
      sidor.push(innehall.items.map((del) => ('str' in del ? del.str + (del.hasEOL ? '\n' : '') : '')).join(''));
    }
    return sidor.join('\n');
  } finally {
    await pdf.destroy();
  }
}

/** A protokoll's text by its file type; plain text files (older demo data) are read as UTF-8. */
export async function lasaProtokollText(filnamn: string, data: ArrayBuffer): Promise<string> {
  const namn = filnamn.toLowerCase();
  if (namn.endsWith('.docx')) return lasaDocxText(data);
  if (namn.endsWith('.pdf')) return lasaPdfText(data);
  if (namn.endsWith('.txt')) return new TextDecoder('utf-8').decode(data);
  throw new Error(`Okänd filtyp: ${filnamn}`);
}
