/**
 * The demo's signed receipts as real PDF files, written synchronously so the demo seeds in one
 * synchronous pass (pdf-lib only writes asynchronously). Standard Helvetica with WinAnsi encoding
 * covers Swedish letters; the same input gives the same bytes.
 */

export interface IDemoKvittens {
  rubrik: string;
  /** The guideline's full text, wrapped over as many pages as it needs. */
  riktlinjeText: string;
  riktlinjeVersion: string;
  enhet: { stoldmarkning: string; serienummer: string; modell: string };
  namn: string;
  epost: string;
  /** ISO instant of signing. */
  tid: string;
  signering: 'Ritad signatur' | 'Skrivet namn';
  /** Who signed, when it is not the borrower (kommunservice at return). */
  signerare?: string;
  skick?: string;
}

const BREDD = 595;
const HOJD = 842;
const MARGINAL = 56;
const RADHOJD = 14;
const TECKEN_PER_RAD = 92;

/** Breaks a paragraph at spaces so no line is wider than the page. */
function radbryt(stycke: string): string[] {
  const rader: string[] = [];
  let rad = '';
  for (const ord of stycke.split(/\s+/).filter(Boolean)) {
    if (rad && rad.length + 1 + ord.length > TECKEN_PER_RAD) {
      rader.push(rad);
      rad = ord;
    } else rad = rad ? `${rad} ${ord}` : ord;
  }
  rader.push(rad);
  return rader;
}

/** A PDF string literal in WinAnsi: Latin-1 for å, ä, ö and the like; anything else becomes '?'. */
function pdfText(s: string): string {
  return Array.from(s).map((c) => {
    const k = c.charCodeAt(0);
    if (c === '(' || c === ')' || c === '\\') return `\\${c}`;
    if (c === '–' || c === '—') return '\\226';
    if (k >= 32 && k < 127) return c;
    if (k >= 160 && k <= 255) return `\\${k.toString(8).padStart(3, '0')}`;
    return '?';
  }).join('');
}

export function kvittensPdf(k: IDemoKvittens): Uint8Array {
  const rader: Array<{ text: string; fet?: boolean }> = [
    { text: k.rubrik, fet: true },
    { text: '' },
    { text: `Surfplatta: ${k.enhet.stoldmarkning}, serienummer ${k.enhet.serienummer}, ${k.enhet.modell}` },
    { text: `Låntagare: ${k.namn} <${k.epost}>` },
    { text: `Riktlinje, version ${k.riktlinjeVersion}` },
    { text: `Tid: ${k.tid}` },
    ...(k.skick ? radbryt(`Skick vid återlämning: ${k.skick}`).map((text) => ({ text })) : []),
    { text: '' },
    ...k.riktlinjeText.split('\n').flatMap((stycke) => (stycke.trim() ? radbryt(stycke) : [''])).map((text) => ({ text })),
    { text: '' },
    { text: k.signering === 'Skrivet namn' ? `Signerat med skrivet namn: ${k.signerare ?? k.namn}` : `Signerat med ritad signatur av ${k.signerare ?? k.namn}:`, fet: true }
  ];
  const perSida = Math.floor((HOJD - 2 * MARGINAL) / RADHOJD);
  const sidor: Array<typeof rader> = [];
  for (let i = 0; i < rader.length; i += perSida) sidor.push(rader.slice(i, i + perSida));
  const innehall = sidor.map((sida, n) => {
    let ut = 'BT\n';
    sida.forEach((r, i) => {
      ut += `/${r.fet ? 'F2' : 'F1'} 10 Tf 1 0 0 1 ${MARGINAL} ${HOJD - MARGINAL - i * RADHOJD} Tm (${pdfText(r.text)}) Tj\n`;
    });
    ut += 'ET\n';
    if (n === sidor.length - 1 && k.signering === 'Ritad signatur') {
      // A drawn signature: a stroke under the last line, as signature_pad's curves would be.
      const y = HOJD - MARGINAL - sida.length * RADHOJD - 20;
      ut += `1 w ${MARGINAL} ${y} m ${MARGINAL + 30} ${y + 25} ${MARGINAL + 50} ${y - 15} ${MARGINAL + 80} ${y + 5} c ${MARGINAL + 110} ${y + 20} ${MARGINAL + 130} ${y - 10} ${MARGINAL + 160} ${y + 8} c S\n`;
    }
    return ut;
  });

  // Objects: 1 catalog, 2 pages, 3–4 fonts, then a page and its content per page.
  const objekt: string[] = [];
  const sidId = (n: number): number => 5 + n * 2;
  objekt[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objekt[2] = `<< /Type /Pages /Kids [${sidor.map((_, n) => `${sidId(n)} 0 R`).join(' ')}] /Count ${sidor.length} >>`;
  objekt[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objekt[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  innehall.forEach((strom, n) => {
    objekt[sidId(n)] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${BREDD} ${HOJD}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${sidId(n) + 1} 0 R >>`;
    objekt[sidId(n) + 1] = `<< /Length ${strom.length} >>\nstream\n${strom}endstream`;
  });
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const platser: number[] = [];
  for (let id = 1; id < objekt.length; id++) {
    platser[id] = pdf.length;
    pdf += `${id} 0 obj\n${objekt[id]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objekt.length}\n0000000000 65535 f \n${platser.slice(1).map((p) => `${String(p).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objekt.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character above is one byte (the text was escaped to octal), so lengths are byte offsets.
  return Uint8Array.from(pdf, (c) => c.charCodeAt(0));
}
