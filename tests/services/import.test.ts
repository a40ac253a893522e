/**
 * Reading uploaded files (Excel, .docx, PDF) with the real readers, and uppdrag from the demo's
 * justerade protokoll through the emulator: list, download, propose, create once.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { foreslaMappning, granskaRader } from '../../src/domain/importera';
import { foreslaUppdrag } from '../../src/domain/protokollUppdrag';
import { ProtokollTjanst } from '../../src/data/moten/ProtokollTjanst';
import { lasaDocxText, lasaExcel, lasaPdfText, lasaProtokollText } from '../../src/data/uppdrag/lasaFiler';
import { UppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { UPPDRAG_STATUS_VAL } from '../../src/schema/uppdrag';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';

const SITE = '/sites/arendeportalen';
const arrayBuffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

async function excelfil(): Promise<ArrayBuffer> {
  const bok = new ExcelJS.Workbook();
  const blad = bok.addWorksheet('Ärendebalans');
  blad.addRow(['Ärendebalanslista kommunstyrelsen 2020']);
  blad.addRow([]);
  blad.addRow(['Ärende', 'Beslut', 'Instans', 'Datum', '§', 'Dnr', 'Ansvarig', 'Status', 'Klart']);
  blad.addRow(['Utreda ärendebalanslistor', 'Uppdra åt KLK att utreda', 'KS', new Date(Date.UTC(2020, 9, 19)), 54, 'KS 2020/801', 'Kommunledningskontoret', 'Pågår', new Date(Date.UTC(2021, 2, 31))]);
  blad.addRow([{ richText: [{ text: 'Plan för ' }, { text: 'skolnärvaro', font: { bold: true } }] }, null, 'KF', '2021-02-22', '§ 12', null, 'Barn- och utbildningsförvaltningen', null, null]);
  blad.addRow(['Summa', null, null, null, { formula: '1+1', result: 2 }, null, null, null, null]);
  return arrayBuffer(new Uint8Array(await bok.xlsx.writeBuffer() as ArrayBuffer));
}

/** A one-page PDF with one line of text, its xref offsets counted so it is a valid file. */
function pdf(rad: string): ArrayBuffer {
  const strom = `BT /F1 12 Tf 72 720 Td (${rad}) Tj ET`;
  const objekt = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${strom.length} >>\nstream\n${strom}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ];
  let text = '%PDF-1.4\n';
  const platser: number[] = [];
  objekt.forEach((o, i) => {
    platser.push(text.length);
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objekt.length + 1}\n0000000000 65535 f \n${platser.map((p) => `${String(p).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objekt.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return arrayBuffer(new TextEncoder().encode(text));
}

describe('läsa filer', () => {
  it('läser en Excelfil: rubrikraden är första icke-tomma raden, datum som datum, rik text och formler som text', async () => {
    const tabell = await lasaExcel(await excelfil());
    // The title row above the header counts as the header: a sheet with a title needs its columns mapped by hand.
    expect(tabell.rubriker[0]).toBe('Ärendebalanslista kommunstyrelsen 2020');
    expect(tabell.rader.map((r) => r.radnummer)).toEqual([3, 4, 5, 6]);
    const [, forsta, andra, summa] = tabell.rader;
    expect(forsta.celler[3]).toEqual(new Date(Date.UTC(2020, 9, 19)));
    expect(forsta.celler[4]).toBe('54');
    expect(andra.celler[0]).toBe('Plan för skolnärvaro');
    expect(summa.celler[4]).toBe('2');
  });

  it('granskar en Excelfil med rubrikerna på första raden', async () => {
    const bok = new ExcelJS.Workbook();
    const blad = bok.addWorksheet('Blad1');
    blad.addRow(['Ärende', 'Instans', 'Datum', '§', 'Ansvarig', 'Status']);
    blad.addRow(['Utreda', 'KS', new Date(Date.UTC(2020, 9, 19)), 54, 'Kommunledningskontoret', 'Pågår']);
    blad.addRow(['Fel rad', 'KS', 'i höstas', 55, 'Kommunledningskontoret', 'Pågår']);
    const tabell = await lasaExcel(arrayBuffer(new Uint8Array(await bok.xlsx.writeBuffer() as ArrayBuffer)));
    const granskade = granskaRader(tabell.rader, foreslaMappning(tabell.rubriker), UPPDRAG_STATUS_VAL);
    expect(granskade[0].uppdrag).toMatchObject({ beslutsdatum: '2020-10-19', paragraf: '§ 54', status: 'Pagar' });
    expect(granskade[1]).toMatchObject({ radnummer: 3, problem: [{ kod: 'ogiltigtDatum', falt: 'beslutsdatum', varde: 'i höstas' }] });
  });

  it('läser texten i en .docx, stycke för stycke', async () => {
    const dok = new Document({ sections: [{ children: [
      new Paragraph('Kommunfullmäktige'), new Paragraph('Sammanträdesdatum 2021-02-22'), new Paragraph('§ 12 Dnr KS 2020/900'),
      new Paragraph('Kommunfullmäktige ger barn- och utbildningsnämnden i uppdrag att se över skolskjutsreglementet.')
    ] }] });
    const text = await lasaDocxText(arrayBuffer(await Packer.toBuffer(dok)));
    expect(text.split(/\n+/).filter(Boolean)).toEqual([
      'Kommunfullmäktige', 'Sammanträdesdatum 2021-02-22', '§ 12 Dnr KS 2020/900',
      'Kommunfullmäktige ger barn- och utbildningsnämnden i uppdrag att se över skolskjutsreglementet.'
    ]);
    expect(foreslaUppdrag(text, { kalla: 'kf.docx' })).toHaveLength(1);
  });

  it('läser texten i en PDF (i en egen Node-process: unpdf laddar pdf.js som ES-modul, vilket Jest inte kan)', () => {
    const mapp = mkdtempSync(join(tmpdir(), 'pdf-'));
    try {
      writeFileSync(join(mapp, 'prov.pdf'), Buffer.from(pdf('Kommunstyrelsen beslutar att uppdra at kommunledningskontoret att utreda.')));
      const skript = join(mapp, 'las.ts');
      writeFileSync(skript, [
        `import { readFileSync } from 'fs';`,
        `import { lasaPdfText } from ${JSON.stringify(join(__dirname, '../../src/data/uppdrag/lasaFiler'))};`,
        `const b = readFileSync(${JSON.stringify(join(mapp, 'prov.pdf'))});`,
        `lasaPdfText(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)).then((t) => process.stdout.write(JSON.stringify(t)));`
      ].join('\n'));
      const tsx = join(__dirname, '../../node_modules/.bin/tsx');
      const text = JSON.parse(execFileSync(tsx, [skript], { encoding: 'utf8', timeout: 60000 })) as string;
      expect(text).toContain('Kommunstyrelsen beslutar att uppdra at kommunledningskontoret att utreda.');
      expect(typeof lasaPdfText).toBe('function');
    } finally {
      rmSync(mapp, { recursive: true, force: true });
    }
  });

  it('vägrar en filtyp den inte kan läsa', async () => {
    await expect(lasaProtokollText('protokoll.odt', new ArrayBuffer(0))).rejects.toThrow('Okänd filtyp');
  });
});

describe('uppdrag från demons justerade protokoll', () => {
  let miljo: IEmulatorMiljo;
  beforeAll(async () => {
    miljo = await startaEmulator({}, true);
  });
  afterAll(() => miljo.stang());
  afterEach(() => miljo.emulator.forvantaIngaOkanda());

  it('listar justerade protokoll med fil, organ och mötesdag, senast justerat först', async () => {
    const protokoll = await new ProtokollTjanst(miljo.sp('handlaggare'), SITE).hamtaJusterade();
    expect(protokoll.length).toBeGreaterThan(20);
    const ks = protokoll.find((p) => p.organ === 'Kommunstyrelsen')!;
    expect(ks.filUrl).toMatch(/^\/sites\/arendeportalen\/Protokoll\/KS-\d{4}-\d{2}-\d{2}-protokoll\.docx$/);
    expect(ks.motesdatum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const justerade = protokoll.map((p) => p.justeratDatum ?? '');
    expect(justerade).toEqual([...justerade].sort().reverse());
  });

  it('läser ett protokoll, föreslår dess uppdrag och skapar varje § bara en gång', async () => {
    const sp = miljo.sp('handlaggare');
    const protokollTjanst = new ProtokollTjanst(sp, SITE);
    const uppdragTjanst = new UppdragTjanst(sp, SITE);
    const p = (await protokollTjanst.hamtaJusterade()).find((x) => x.organ === 'Kommunstyrelsen')!;
    const text = await lasaProtokollText(p.filnamn, await protokollTjanst.hamtaFil(p.filUrl));
    expect(text).toContain('Kommunstyrelsen');
    const forslag = foreslaUppdrag(text, { kalla: String(p.id), organ: p.organ, datum: p.motesdatum });
    expect(forslag).toHaveLength(2);
    expect(forslag[0]).toMatchObject({ beslutsinstans: 'KS', beslutsdatum: p.motesdatum, kallNyckel: expect.stringMatching(new RegExp(`^protokoll:${p.id}:§\\d+$`)) });
    expect(forslag.every((f) => f.forvaltning && f.diarienummer && f.rubrik)).toBe(true);

    const rader = forslag.map((f) => ({
      kallNyckel: f.kallNyckel,
      uppdrag: {
        rubrik: f.rubrik, uppdragstext: f.uppdragstext, beslutsinstans: f.beslutsinstans!, beslutsdatum: f.beslutsdatum, paragraf: f.paragraf,
        diarienummer: f.diarienummer, forvaltning: f.forvaltning, status: 'EjPaborjat' as const, aterrapporteraSenast: f.aterrapporteraSenast
      }
    }));
    const forsta = await uppdragTjanst.skapa(rader);
    expect(forsta.every((r) => r.nytt)).toBe(true);
    expect(await uppdragTjanst.befintligaKallNycklar(forslag.map((f) => f.kallNyckel))).toEqual(new Set(forslag.map((f) => f.kallNyckel)));
    const igen = await uppdragTjanst.skapa(rader);
    expect(igen).toEqual(forsta.map((r) => ({ id: r.id, nytt: false })));
    const skapat = (await uppdragTjanst.hamta(forsta[0].id)).uppdrag;
    expect(skapat).toMatchObject({ paragraf: forslag[0].paragraf, forvaltning: forslag[0].forvaltning, diarienummer: forslag[0].diarienummer });
  });

  it('ger protokollfilen samma innehåll varje gång demon skapas', async () => {
    const lista = miljo.lager.listaMedTitel('Protokoll')!;
    const filer = Array.from(lista.objekt.values()).filter((o) => o.fil).map((o) => o.fil!.innehall);
    const { skapaDemo } = await import('../../emulator/demo');
    const ny = await skapaDemo({}, '2026-11-27');
    const nyaFiler = Array.from(ny.lager.listaMedTitel('Protokoll')!.objekt.values()).filter((o) => o.fil).map((o) => o.fil!.innehall);
    expect(nyaFiler.map((f) => Buffer.from(f).toString('base64'))).toEqual(filer.map((f) => Buffer.from(f).toString('base64')));
  });
});
