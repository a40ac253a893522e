/**
 * Demo protokoll written the way Swedish kommuner write them (head, § with Dnr, ärendebeskrivning,
 * beslut, expediering), some § giving uppdrag and some not, as real .docx files. Deterministic: the
 * text depends only on organ, day and number, and the file carries fixed timestamps.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { IsoDate } from '../../src/domain/dates';
import { MANADER } from '../../src/domain/protokollUppdrag';

export interface IDemoProtokoll {
  organ: string;
  kort: string;
  motesdag: IsoDate;
  justerad?: IsoDate;
  /** 0, 1, 2 … per meeting of the organ: picks the paragraphs and numbers them. */
  lopnummer: number;
}

/** "30 november 2020", as protokoll write dates in running text. */
export function skrivDatum(d: IsoDate): string {
  return `${Number(d.slice(8, 10))} ${MANADER[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

const plusManader = (d: IsoDate, n: number): IsoDate => {
  const ar = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const ny = new Date(Date.UTC(ar + Math.floor(m / 12), ((m % 12) + 12) % 12 + 1, 0));
  return ny.toISOString().slice(0, 10);
};

type Mall = (o: { organ: string; kort: string; ar: string; nr: number; dag: IsoDate }) => string[];

/** Paragraphs that give an uppdrag (with the recipient and, mostly, an återrapportering). */
const MED_UPPDRAG: Mall[] = [
  ({ organ, kort, ar, nr, dag }) => [
    `Dnr ${kort} ${ar}/${800 + nr}`,
    'Utredning av kontinuerligt uppdaterade ärendebalanslistor',
    'Ärendebeskrivning',
    'Revisorerna har i sin granskning av verkställighet av beslut pekat på att sammanställningen av ej verkställda beslut görs för hand två gånger per år.',
    'Beslut',
    `${organ} beslutar att uppdra åt kommunledningskontoret att utreda hur ärendebalanslistan kan hållas uppdaterad löpande.`,
    `Uppdraget ska återrapporteras till ${organ.toLowerCase()} senast den ${skrivDatum(plusManader(dag, 4))}.`,
    'Beslutet skickas till',
    'Kommunledningskontoret'
  ],
  ({ organ, kort, ar, nr, dag }) => [
    `Dnr ${kort} ${ar}/${300 + nr}`,
    'Handlingsplan för ökad skolnärvaro',
    'Ärendebeskrivning',
    'Andelen elever med hög frånvaro har ökat under de senaste två läsåren.',
    'Beslut',
    `${organ} ger barn- och utbildningsnämnden i uppdrag att ta fram en handlingsplan för ökad skolnärvaro.`,
    `Handlingsplanen ska återrapporteras senast ${plusManader(dag, 6)}.`
  ],
  ({ organ, kort, ar, nr }) => [
    `Dnr ${kort} ${ar}/${500 + nr}`,
    'Motion om solceller på kommunens fastigheter',
    'Ärendebeskrivning',
    'I en motion föreslås att solceller installeras på kommunens fastigheter där det är lönsamt.',
    'Beslut',
    `${organ} beslutar`,
    '1. att motionen anses besvarad,',
    '2. att samhällsbyggnadsförvaltningen får i uppdrag att inventera vilka fastigheter som lämpar sig för solceller.'
  ],
  ({ organ, kort, ar, nr, dag }) => [
    `Dnr ${kort} ${ar}/${600 + nr}`,
    'Samordnad plan för trygghetsskapande åtgärder',
    'Beslut',
    `Socialnämnden uppdras att tillsammans med polisen ta fram en samordnad plan för trygghetsskapande åtgärder.`,
    `Planen ska återrapporteras till ${organ.toLowerCase()} senast den ${skrivDatum(plusManader(dag, 3))}.`
  ]
];

/** Paragraphs without an uppdrag: formalities, reports, budget decisions. */
const UTAN_UPPDRAG: Mall[] = [
  ({ organ }) => ['Val av justerare', 'Beslut', `${organ} beslutar att utse Siv Sahlström att jämte ordföranden justera protokollet.`],
  ({ organ, kort, ar, nr }) => [
    `Dnr ${kort} ${ar}/${100 + nr}`,
    'Delårsrapport per den 31 augusti',
    'Ärendebeskrivning',
    'Kommunfullmäktige gav 2019 kommunstyrelsen i uppdrag att följa upp ekonomin varje tertial.',
    'Beslut',
    `${organ} beslutar att godkänna delårsrapporten och lägga den till handlingarna.`
  ],
  ({ organ, kort, ar, nr }) => [
    `Dnr ${kort} ${ar}/${200 + nr}`,
    'Taxor och avgifter',
    'Beslut',
    `${organ} beslutar att fastställa taxor och avgifter enligt bilaga 1.`
  ],
  ({ organ }) => ['Meddelanden', 'Beslut', `${organ} beslutar att lägga redovisningen av meddelanden till handlingarna.`]
];

/** The protokoll's text: head, then four or five §, two of them giving uppdrag. */
export function protokollText(p: IDemoProtokoll): string {
  const ar = p.motesdag.slice(0, 4);
  let nr = 10 + p.lopnummer * 6;
  const o = { organ: p.organ, kort: p.kort, ar, dag: p.motesdag };
  const valda: Mall[] = [
    UTAN_UPPDRAG[0],
    MED_UPPDRAG[p.lopnummer % MED_UPPDRAG.length],
    UTAN_UPPDRAG[1 + (p.lopnummer % 3)],
    MED_UPPDRAG[(p.lopnummer + 2) % MED_UPPDRAG.length],
    UTAN_UPPDRAG[3]
  ];
  const rader = [
    'PROTOKOLL',
    p.organ,
    `Sammanträdesdatum ${p.motesdag}`,
    'Plats och tid: Kommunhuset, sammanträdesrum Ådalen, kl. 13.00–15.30',
    `Justeringens plats och tid: Kommunkansliet${p.justerad ? ` ${p.justerad}` : ''}`,
    'Paragrafer ' + `${nr}–${nr + valda.length - 1}`,
    ''
  ];
  for (const mall of valda) {
    const [forsta, ...resten] = mall({ ...o, nr });
    // "§ n Dnr …" on one line when there is a Dnr, as most kommuner's templates do.
    rader.push(forsta.startsWith('Dnr ') ? `§ ${nr} ${forsta}` : `§ ${nr}`, ...(forsta.startsWith('Dnr ') ? [] : [forsta]), ...resten, '');
    nr++;
  }
  rader.push('Justerandes signatur', 'Utdragsbestyrkande');
  return rader.join('\n');
}

// ---- .docx, built synchronously (the demo seeds in one synchronous pass) ----

const CRC_TABELL = ((): Uint32Array => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABELL[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of stored (uncompressed) entries with a fixed time: same input, same bytes. */
function zip(filer: Array<[string, Uint8Array]>): Uint8Array {
  const delar: Uint8Array[] = [];
  const katalog: Uint8Array[] = [];
  let plats = 0;
  const DOS_TID = 0;
  const DOS_DAG = ((2020 - 1980) << 9) | (1 << 5) | 1;
  for (const [namn, data] of filer) {
    const namnBytes = new TextEncoder().encode(namn);
    const crc = crc32(data);
    const lokal = new DataView(new ArrayBuffer(30));
    lokal.setUint32(0, 0x04034b50, true);
    lokal.setUint16(4, 20, true);
    lokal.setUint16(6, 0x0800, true); // UTF-8 names
    lokal.setUint16(8, 0, true);
    lokal.setUint16(10, DOS_TID, true);
    lokal.setUint16(12, DOS_DAG, true);
    lokal.setUint32(14, crc, true);
    lokal.setUint32(18, data.length, true);
    lokal.setUint32(22, data.length, true);
    lokal.setUint16(26, namnBytes.length, true);
    lokal.setUint16(28, 0, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, 0x0800, true);
    central.setUint16(10, 0, true);
    central.setUint16(12, DOS_TID, true);
    central.setUint16(14, DOS_DAG, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, data.length, true);
    central.setUint32(24, data.length, true);
    central.setUint16(28, namnBytes.length, true);
    central.setUint32(42, plats, true);
    delar.push(new Uint8Array(lokal.buffer), namnBytes, data);
    katalog.push(new Uint8Array(central.buffer), namnBytes);
    plats += 30 + namnBytes.length + data.length;
  }
  const katalogStorlek = katalog.reduce((s, d) => s + d.length, 0);
  const slut = new DataView(new ArrayBuffer(22));
  slut.setUint32(0, 0x06054b50, true);
  slut.setUint16(8, filer.length, true);
  slut.setUint16(10, filer.length, true);
  slut.setUint32(12, katalogStorlek, true);
  slut.setUint32(16, plats, true);
  const alla = [...delar, ...katalog, new Uint8Array(slut.buffer)];
  const ut = new Uint8Array(alla.reduce((s, d) => s + d.length, 0));
  let i = 0;
  for (const d of alla) {
    ut.set(d, i);
    i += d.length;
  }
  return ut;
}

type Kompilator = { compile(fil: Document, prettify: undefined, overrides: Array<{ path: string; data: string }>): Map<string, string | Uint8Array> };

/** docProps/core.xml with fixed dates: docx stamps "now", which would make every demo differ. */
const KARNA = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Kommunkansliet</dc:creator><cp:lastModifiedBy>Kommunkansliet</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>';

/**
 * The text as a .docx built with the docx library, one Word paragraph per line. Packer's own
 * output is asynchronous, so its compiler (a static of Packer in docx 9) is used directly and the
 * parts are zipped here.
 */
export function protokollDocx(text: string): Uint8Array {
  let fil = BYGGDA.get(text);
  if (!fil) {
    fil = byggDocx(text);
    BYGGDA.set(text, fil);
  }
  // A copy: each demo site owns its files.
  return fil.slice();
}

/**
 * Built files by text. Building dominates the time a demo takes to seed, and tests and the
 * workbench seed the same protokoll again and again; the text is small and the set bounded.
 */
const BYGGDA = new Map<string, Uint8Array>();

function byggDocx(text: string): Uint8Array {
  const dokument = new Document({
    creator: 'Kommunkansliet',
    sections: [{
      children: text.split('\n').map((rad) => new Paragraph({
        children: [new TextRun({ text: rad, bold: /^§\s*\d+/.test(rad) || rad === 'Beslut' || rad === 'PROTOKOLL' })]
      }))
    }]
  });
  const kompilator = (Packer as unknown as { compiler?: Kompilator }).compiler;
  if (!kompilator) throw new Error('docx: Packer.compiler saknas; uppdatera protokollDocx för den nya versionen.');
  const delar = kompilator.compile(dokument, undefined, [{ path: 'docProps/core.xml', data: KARNA }]);
  const kodare = new TextEncoder();
  return zip([...delar].map(([namn, data]) => [namn, typeof data === 'string' ? kodare.encode(data) : new Uint8Array(data)]));
}
