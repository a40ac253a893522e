/**
 * The personnummer guard (publik/granskning.ts) against the places a review found it blind to: PDF
 * form fields, comments, signatures, scanned pages and attachments; files embedded in Office files;
 * personnummer written with a space or a dash other than "-". PDF checks run in a Node process of
 * their own through tsx: unpdf loads pdf.js as an ES module, which Jest cannot.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { granskaFil, maskera, type Granskning } from '../../publik/granskning';

// ---- fixtures: minimal PDFs written by hand (test fixtures only) -----------------------------

/** A PDF of the given objects (1 is the catalog); `info` becomes the document information dictionary. */
function byggPdf(objekt: string[], info?: string): Uint8Array {
  const alla = info ? [...objekt, info] : objekt;
  let text = '%PDF-1.7\n';
  const platser: number[] = [];
  alla.forEach((o, i) => {
    platser.push(text.length);
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${alla.length + 1}\n0000000000 65535 f \n${platser.map((p) => `${String(p).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${alla.length + 1} /Root 1 0 R${info ? ` /Info ${alla.length} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

const strom = (innehall: string, dikt = ''): string => `<< /Length ${Buffer.byteLength(innehall, 'latin1')}${dikt} >>\nstream\n${innehall}\nendstream`;
const textrad = (rad: string): string => `BT /F1 12 Tf 72 720 Td (${rad}) Tj ET`;
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
const RADEN = 'Protokoll fran kommunstyrelsen 2026-11-20, Dnr KS 2026/123, paragraf 14.';
/** A grey 2 x 2 image drawn over the whole page: what a scanner produces, without the text. */
const BILD = '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream';

/**
 * One page of text in Helvetica. Objects: 1 catalog, 2 pages, 3 page, 4 contents, 5 font, then `extra`
 * from 6 on. `katalog` and `sida` add entries to the catalog and the page.
 */
function enSida(rad: string, { katalog = '', sida = '', extra = [] as string[], info }: { katalog?: string; sida?: string; extra?: string[]; info?: string } = {}): Uint8Array {
  return byggPdf([
    `<< /Type /Catalog /Pages 2 0 R ${katalog} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> ${sida} >>`,
    strom(textrad(rad)),
    FONT,
    ...extra
  ], info);
}

/** A CMS blob as a BankID signature carries it: the certificate's subject has serialNumber (2.5.4.5) = the personnummer. */
function cms(serienummer: string): string {
  const cn = Buffer.from('Anna Berg', 'latin1');
  const sn = Buffer.from(serienummer, 'latin1');
  const der = Buffer.concat([
    Buffer.from([0x30, 0x82, 0x01, 0x00, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]),
    Buffer.from([0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, cn.length]), cn,
    Buffer.from([0x06, 0x03, 0x55, 0x04, 0x05, 0x13, sn.length]), sn
  ]);
  return `${der.toString('hex')}${'0'.repeat(64)}`;
}

/** A PDF signed the way e-signature services sign: a /Sig field whose value is a signature dictionary with /ByteRange and /Contents. */
function signerad(serienummer: string): Uint8Array {
  return enSida(RADEN, {
    katalog: '/AcroForm << /Fields [6 0 R] /SigFlags 3 >>',
    sida: '/Annots [6 0 R]',
    extra: [
      '<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signatur1) /V 7 0 R /Rect [0 0 0 0] /P 3 0 R /F 132 >>',
      `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /Name (Anna Berg) /M (D:20261120101500+01'00') /ByteRange [0 811218 813000 9876] /Contents <${cms(serienummer)}> >>`
    ]
  });
}

/** Pages of text, or of a scanned image (`null`), in one PDF. */
function sidor(innehall: Array<string | null>): Uint8Array {
  const n = innehall.length;
  // Objects: 1 catalog, 2 pages, 3 font, 4 image, then page i at 5 + 2i and its contents at 6 + 2i.
  const objekt = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${innehall.map((_, i) => `${5 + 2 * i} 0 R`).join(' ')}] /Count ${n} >>`,
    FONT,
    BILD
  ];
  innehall.forEach((rad, i) => {
    objekt.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${6 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> >>`);
    objekt.push(strom(rad === null ? 'q 595 0 0 842 0 0 cm /Im1 Do Q' : textrad(rad)));
  });
  return byggPdf(objekt);
}

/** A PDF whose pages have no content at all, and no images anywhere, next to pages of text. */
function medTomSida(): Uint8Array {
  return byggPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    strom(textrad(RADEN)),
    FONT,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'
  ]);
}

const medBilaga = (filnamn: string, innehall: string): Uint8Array => enSida(RADEN, {
  katalog: `/Names << /EmbeddedFiles << /Names [(${filnamn}) 6 0 R] >> >>`,
  extra: [`<< /Type /Filespec /F (${filnamn}) /UF (${filnamn}) /EF << /F 7 0 R >> >>`, strom(innehall, ' /Type /EmbeddedFile')]
});

const PDFER: Record<string, Uint8Array> = {
  ren: enSida(RADEN, { info: "<< /Producer (Signeringstjanst) /Author (Kommunkansliet) /CreationDate (D:20261120101500+01'00') /ModDate (D:202611201015) >>" }),
  formularfalt: enSida(RADEN, {
    katalog: '/AcroForm << /Fields [6 0 R] >>',
    sida: '/Annots [6 0 R]',
    extra: ['<< /Type /Annot /Subtype /Widget /FT /Tx /T (Sokande) /V (19811218-9876) /Rect [72 600 300 620] /P 3 0 R >>']
  }),
  kommentar: enSida(RADEN, {
    sida: '/Annots [6 0 R]',
    extra: ["<< /Type /Annot /Subtype /Text /Rect [72 500 92 520] /Contents (Kontrollera 811218-9876 mot registret) /T (Handl\\344ggare) /M (D:202611201015) >>"]
  }),
  kommentarRen: enSida(RADEN, {
    sida: '/Annots [6 0 R]',
    // A modification date without seconds: twelve digits that would pass for a personnummer with century.
    extra: ["<< /Type /Annot /Subtype /Text /Rect [72 500 92 520] /Contents (Se KS 2026/123 och 070-123 45 67) /T (Handl\\344ggare) /M (D:202611271400) >>"]
  }),
  signeradBankId: signerad('198112189876'),
  signeradUtanPnr: signerad('ORG5566778899'),
  osigneratSignaturfalt: enSida(RADEN, {
    katalog: '/AcroForm << /Fields [6 0 R] >>',
    sida: '/Annots [6 0 R]',
    extra: ['<< /Type /Annot /Subtype /Widget /FT /Sig /T (Ordforande) /Rect [72 100 300 140] /P 3 0 R >>']
  }),
  inskannad: sidor([null]),
  enInskannadSida: sidor([RADEN, RADEN, null]),
  tomSidaUtanBilder: medTomSida(),
  bilagaMedPnr: medBilaga('intyg.txt', 'Intyg for 811218-9876.'),
  bilagaRen: medBilaga('lista.csv', 'namn;dnr\nAnna;KS 2026/123\n'),
  bilagaBild: medBilaga('karta.png', '\x89PNG'),
  bokmarke: enSida(RADEN, {
    katalog: '/Outlines 6 0 R',
    extra: ['<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>', '<< /Title (Yttrande 19811218 9876) /Parent 6 0 R /Dest [3 0 R /Fit] >>']
  }),
  textMedTankstreck: enSida('Undertecknat av Anna Berg 811218\x969876.'),
  textMedHardMellanslag: enSida('Sokande 19811218\xa09876, Storgatan 1.'),
  textMedMellanslag: enSida('Sokande 811218 9876, Storgatan 1.'),
  xfa: enSida(RADEN, { katalog: '/AcroForm << /Fields [] /XFA 6 0 R >>', extra: [strom('<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><xfa:datasets/></xdp:xdp>')] })
};

let pdfSvar: Record<string, Granskning>;

beforeAll(() => {
  const mapp = mkdtempSync(join(tmpdir(), 'publik-granskning-'));
  try {
    for (const [namn, data] of Object.entries(PDFER)) writeFileSync(join(mapp, `${namn}.pdf`), data);
    const skript = join(mapp, 'granska.ts');
    writeFileSync(skript, [
      `import { readFileSync } from 'fs';`,
      `import { granskaFil } from ${JSON.stringify(join(__dirname, '../../publik/granskning'))};`,
      `const namn = ${JSON.stringify(Object.keys(PDFER))};`,
      `(async () => {`,
      `  const svar: Record<string, unknown> = {};`,
      `  for (const n of namn) svar[n] = await granskaFil(n + '.pdf', new Uint8Array(readFileSync(${JSON.stringify(mapp)} + '/' + n + '.pdf')));`,
      `  process.stdout.write(JSON.stringify(svar));`,
      `})();`
    ].join('\n'));
    const ut = execFileSync(join(__dirname, '../../node_modules/.bin/tsx'), [skript], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'ignore'] });
    pdfSvar = JSON.parse(ut) as Record<string, Granskning>;
  } finally {
    rmSync(mapp, { recursive: true, force: true });
  }
}, 150_000);

describe('personnummerspärren för PDF (i en egen Node-process)', () => {
  it.each([
    ['formularfalt', 'ett formulärfälts värde (/V)'],
    ['kommentar', 'en kommentar'],
    ['signeradBankId', 'signaturens certifikat (serialNumber, som BankID)'],
    ['bilagaMedPnr', 'en bifogad fil'],
    ['bokmarke', 'ett bokmärke, skrivet med mellanslag'],
    ['textMedTankstreck', 'texten, skrivet med tankstreck'],
    ['textMedHardMellanslag', 'texten, skrivet med hårt mellanslag'],
    ['textMedMellanslag', 'texten, skrivet med mellanslag']
  ])('hittar personnumret i %s (%s)', (namn) => {
    expect(pdfSvar[namn]).toMatchObject({ ok: false, orsak: 'Personnummer' });
  });

  it.each([
    ['signeradUtanPnr', /signerad/],
    ['inskannad', /sidan 1 har nästan ingen text/],
    ['enInskannadSida', /sidan 3 har nästan ingen text/],
    ['bilagaBild', /karta\.png kan inte granskas/],
    ['xfa', /XFA/]
  ])('publicerar inte %s, som inte går att granska', (namn, detalj) => {
    expect(pdfSvar[namn]).toMatchObject({ ok: false, orsak: 'KanInteGranskas', detalj: expect.stringMatching(detalj) });
  });

  it.each([
    ['ren', 'text, metadata och datum'],
    ['kommentarRen', 'en kommentar med diarienummer, telefonnummer och ett datum utan sekunder'],
    ['osigneratSignaturfalt', 'ett tomt signaturfält i en mall'],
    ['tomSidaUtanBilder', 'en tom sida i en fil utan bilder'],
    ['bilagaRen', 'en bifogad CSV utan personnummer']
  ])('släpper igenom %s (%s)', (namn) => {
    expect(pdfSvar[namn]).toEqual({ ok: true });
  });
});

// ---- Office files with files inside ----------------------------------------------------------

async function docx(stycken: string[]): Promise<Uint8Array> {
  const dok = new Document({ creator: 'Kommunkansliet', sections: [{ children: stycken.map((s) => new Paragraph(s)) }] });
  return new Uint8Array(await Packer.toBuffer(dok));
}

/** An .xlsx reduced to the part the guard reads: the shared strings. */
async function xlsx(celler: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('xl/sharedStrings.xml', `<sst>${celler.map((c) => `<si><t>${c}</t></si>`).join('')}</sst>`);
  zip.file('xl/printerSettings/printerSettings1.bin', new Uint8Array([0, 1, 2, 3]));
  return zip.generateAsync({ type: 'uint8array' });
}

/** `bas` with extra parts added. */
async function medDelar(bas: Uint8Array, delar: Record<string, Uint8Array | string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bas);
  for (const [namn, data] of Object.entries(delar)) zip.file(namn, data);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('personnummerspärren för filer i Office-filer', () => {
  it('hittar ett personnummer i ett Excel-blad inbäddat i ett Word-dokument', async () => {
    const dok = await medDelar(await docx(['Se tabellen.']), { 'word/embeddings/Microsoft_Excel_Worksheet.xlsx': await xlsx(['Anna Berg', '19811218-9876']) });
    expect(await granskaFil('yttrande.docx', dok)).toMatchObject({ ok: false, orsak: 'Personnummer' });
  });

  it('hittar ett personnummer i ett Word-dokument i ett Excel-blad i en presentation', async () => {
    const inre = await medDelar(await xlsx(['Bilaga']), { 'xl/embeddings/Microsoft_Word_Document.docx': await docx(['Sökande 811218–9876']) });
    const yttre = await medDelar(await xlsx(['Presentation']), { 'ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx': inre });
    expect(await granskaFil('dragning.pptx', yttre)).toMatchObject({ ok: false, orsak: 'Personnummer' });
  });

  it('publicerar inte en fil med ett inbäddat objekt som inte går att öppna (OLE .bin)', async () => {
    const dok = await medDelar(await docx(['Se bilagan.']), { 'word/embeddings/oleObject1.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
    expect(await granskaFil('yttrande.docx', dok)).toEqual({ ok: false, orsak: 'KanInteGranskas', detalj: expect.stringContaining('word/embeddings/oleObject1.bin') });
  });

  it('publicerar inte filer i filer djupare än tre nivåer', async () => {
    let fil = await xlsx(['Ingen uppgift']);
    for (let i = 0; i < 4; i++) fil = await medDelar(await xlsx([`Nivå ${i}`]), { [`xl/embeddings/niva${i}.xlsx`]: fil });
    expect(await granskaFil('djup.xlsx', fil)).toMatchObject({ ok: false, orsak: 'KanInteGranskas', detalj: expect.stringContaining('för djupt') });
  });

  it('publicerar inte en trasig inbäddad fil', async () => {
    const dok = await medDelar(await docx(['Se tabellen.']), { 'word/embeddings/Microsoft_Excel_Worksheet.xlsx': new Uint8Array([1, 2, 3]) });
    expect(await granskaFil('yttrande.docx', dok)).toMatchObject({ ok: false, orsak: 'KanInteGranskas' });
  });

  it('släpper igenom ett Word-dokument med bilder, skrivarinställningar och ett inbäddat Excel-blad utan personnummer', async () => {
    const dok = await medDelar(await docx(['Dnr KS 2026/123, ring 070-123 45 67.']), {
      'word/media/image1.png': new Uint8Array([137, 80, 78, 71]),
      'word/media/image2.emf': new Uint8Array([1, 0, 0, 0]),
      'word/embeddings/Microsoft_Excel_Worksheet.xlsx': await xlsx(['Belopp', '150 000', 'KS 2026/123', '2026-11-20'])
    });
    expect(await granskaFil('yttrande.docx', dok)).toEqual({ ok: true });
    expect(await granskaFil('tabell.xlsx', await xlsx(['Kontonummer 8327-9, 123 456 789-0', 'Bankgiro 5050-1055']))).toEqual({ ok: true });
  });

  it('hittar ett personnummer i namnet på en inbäddad fil', async () => {
    const dok = await medDelar(await docx(['Se bilagan.']), { 'word/embeddings/19811218-9876.xlsx': await xlsx(['Ingen uppgift']) });
    expect(await granskaFil('yttrande.docx', dok)).toMatchObject({ ok: false, orsak: 'Personnummer' });
  });
});

describe('personnummerspärren för text och rapporter', () => {
  it.each([
    ['19811218 9876', 'mellanslag'],
    ['811218\u00a09876', 'hårt mellanslag'],
    ['811218–9876', 'tankstreck'],
    ['811218 - 9876', 'bindestreck med mellanslag']
  ])('hittar %s i en textfil (%s)', async (pnr) => {
    expect(await granskaFil('lista.txt', new TextEncoder().encode(`Sökande: Anna Berg ${pnr}\n`))).toMatchObject({ ok: false, orsak: 'Personnummer' });
  });

  it('maskerar personnummer skrivna med mellanslag eller tankstreck i rapporten', () => {
    expect(maskera('Anna 19811218 9876 och Per 811218–9876')).toBe('Anna XXXXXXXX XXXX och Per XXXXXX–XXXX');
  });

  it('släpper igenom en textfil med telefonnummer, datum och diarienummer', async () => {
    const text = 'Ring 070-123 45 67 eller 08-123 456 78. Sammanträde 2026-11-27 kl. 14.00. Dnr KS 2026/1234. Period 2026-01-01 – 2026-12-31.\n';
    expect(await granskaFil('kallelse.txt', new TextEncoder().encode(text))).toEqual({ ok: true });
  });
});
