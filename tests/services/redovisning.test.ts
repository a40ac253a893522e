/**
 * The KF report end to end: the exporters (the .xlsx read back with exceljs, the .docx opened by
 * LibreOffice headless) and the Redovisningar service against the emulator over loopback.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Workbook } from 'exceljs';
import * as mammoth from 'mammoth';
import { RedovisningTjanst } from '../../src/data/redovisning/RedovisningTjanst';
import { UppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { IRedovisning, skapaRedovisning } from '../../src/domain/redovisning';
import { IUppdrag } from '../../src/domain/uppdrag';
import { Roll } from '../../src/domain/roller';
import { RedovisningFalt, UppdragFalt } from '../../src/schema/uppdrag';
import { byggDocx, byggXlsx } from '../../src/webparts/arendebalans/export';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';
import { forvantaDataFel } from '../support/testdata';

const SITE = '/sites/arendeportalen';
const IDAG = '2026-11-27';
let miljo: IEmulatorMiljo;
let alla: IUppdrag[];
const redovisningSom = (roll: Roll): RedovisningTjanst => new RedovisningTjanst(miljo.sp(roll), SITE);

beforeAll(async () => {
  miljo = await startaEmulator({}, true);
  alla = (await new UppdragTjanst(miljo.sp('ledamot'), SITE).hamtaAlla()).rader.map((r) => r.uppdrag);
});
afterAll(() => miljo.stang());
afterEach(() => miljo.emulator.forvantaIngaOkanda());

const fel = forvantaDataFel;

function soffice(): string {
  for (const namn of ['soffice', 'libreoffice']) {
    if (spawnSync('sh', ['-c', `command -v ${namn}`]).status === 0) return namn;
  }
  throw new Error('LibreOffice (soffice) saknas: kör `npm run testmiljo` före testerna.');
}

describe('exporten av redovisningen', () => {
  let rapport: IRedovisning;
  beforeAll(() => {
    const juni = skapaRedovisning(alla, { ar: 2026, manad: 6 }, '2026-06-15');
    rapport = skapaRedovisning(alla, { ar: 2026, manad: 12 }, IDAG, juni.underlag);
  });

  it('ger en arbetsbok med sammanfattning, förändringar och ett blad per beslutsinstans', async () => {
    const bok = new Workbook();
    await bok.xlsx.load(Buffer.from(await byggXlsx(rapport)) as unknown as ArrayBuffer);
    const blad = bok.worksheets.map((b) => b.name);
    expect(blad.slice(0, 2)).toEqual(['Sammanfattning', 'Förändringar']);
    expect(blad.slice(2)).toEqual(rapport.grupper.map((g) => g.beslutsinstans));
    expect(rapport.grupper.length).toBeGreaterThan(1);

    const sammanfattning = bok.getWorksheet('Sammanfattning')!;
    expect(String(sammanfattning.getCell('A1').value)).toBe('Redovisning av ej verkställda beslut, december 2026');
    const antal = sammanfattning.getColumn(1).values.indexOf('Antal ej verkställda beslut');
    expect(sammanfattning.getRow(antal).getCell(2).value).toBe(rapport.sammanfattning.totalt);

    for (const g of rapport.grupper) {
      const b = bok.getWorksheet(g.beslutsinstans)!;
      expect((b.getRow(1).values as unknown[]).slice(1)).toEqual([
        'Förvaltning', 'Beslutsdatum', 'Paragraf', 'Diarienummer', 'Uppdrag', 'Status', 'Var i hanteringen',
        'Orsak till dröjsmål', 'Planerat klart', 'Först planerat klart', 'Handläggare'
      ]);
      expect(b.rowCount).toBe(g.antal + 1);
      const forvaltningar = g.forvaltningar.flatMap((f) => f.rader.map(() => f.forvaltning));
      expect(b.getColumn(1).values.slice(2)).toEqual(forvaltningar);
    }
    const forandringar = bok.getWorksheet('Förändringar')!;
    expect(String(forandringar.getCell('A1').value)).toBe('Förändringar sedan förra redovisningen (juni 2026)');
  });

  it('ger ett Word-dokument med rubriker per beslutsinstans och förvaltning som LibreOffice kan öppna', async () => {
    const docx = await byggDocx(rapport);
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    expect(text).toContain('Redovisning av ej verkställda beslut, december 2026');
    expect(text).toContain('Sammanfattning');
    expect(text).toContain('Förändringar sedan förra redovisningen (juni 2026)');
    expect(text).toContain('Kommunstyrelsen (KS)');
    for (const f of rapport.grupper[0].forvaltningar) expect(text).toContain(f.forvaltning);

    const program = soffice();
    const mapp = mkdtempSync(join(tmpdir(), 'redovisning-'));
    try {
      const fil = join(mapp, 'redovisning.docx');
      writeFileSync(fil, docx);
      // An own profile: a parallel or earlier LibreOffice must not lock this run out.
      execFileSync(program, [`-env:UserInstallation=file://${join(mapp, 'profil')}`, '--headless', '--convert-to', 'pdf', '--outdir', mapp, fil],
        { timeout: 120_000, stdio: 'pipe' });
      const pdf = join(mapp, 'redovisning.pdf');
      expect(existsSync(pdf)).toBe(true);
      expect(statSync(pdf).size).toBeGreaterThan(1000);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      rmSync(mapp, { recursive: true, force: true });
    }
  }, 150_000);
});

describe('Redovisningar', () => {
  it('sparar båda filerna med period, underlag och antal, och läser tillbaka dem', async () => {
    const tjanst = redovisningSom('handlaggare');
    const rapport = skapaRedovisning(alla, { ar: 2026, manad: 6 }, '2026-06-15');
    const docx = new Uint8Array([1, 2, 3, 4]);
    const sparad = await tjanst.spara(rapport, { docx, xlsx: new Uint8Array([5, 6]) });
    expect(sparad).toMatchObject({ etikett: 'juni 2026', periodslut: '2026-06-30', antalUppdrag: rapport.sammanfattning.totalt });
    expect(sparad.filer.map((f) => f.namn)).toEqual([
      'Redovisning-ej-verkstallda-beslut-2026-06.docx', 'Redovisning-ej-verkstallda-beslut-2026-06.xlsx'
    ]);
    expect(sparad.filer[0].url).toBe(`${SITE}/Redovisningar/Redovisning-ej-verkstallda-beslut-2026-06.docx`);

    const bibliotek = miljo.lager.listaMedTitel('Redovisningar')!;
    const objekt = bibliotek.objekt.get(sparad.filer[0].itemId)!;
    expect(objekt.varden[RedovisningFalt.Period]).toBe('2026-06');
    expect(objekt.varden[RedovisningFalt.Rubrik]).toBe('Redovisning av ej verkställda beslut, juni 2026');
    expect(Array.from(objekt.fil!.innehall)).toEqual([1, 2, 3, 4]);

    expect(await redovisningSom('ledamot').hamtaUnderlag({ ar: 2026, manad: 6 })).toEqual(rapport.underlag);
    expect(await tjanst.hamtaUnderlag({ ar: 2025, manad: 12 })).toBeUndefined();
  });

  it('visar en gammal redovisning som den var, även när uppdragen ändrats sedan', async () => {
    const lista = miljo.lager.listaMedTitel('Uppdrag')!;
    const id = alla.find((u) => u.status !== 'Verkstallt')!.id;
    const rad = lista.objekt.get(id)!;
    const fore = rad.varden[UppdragFalt.Status];
    rad.varden[UppdragFalt.Status] = 'Verkställt';
    try {
      const underlag = await redovisningSom('ledamot').hamtaUnderlag({ ar: 2026, manad: 6 });
      expect(underlag!.uppdrag.find((u) => u.id === id)!.status).not.toBe('Verkstallt');
    } finally {
      rad.varden[UppdragFalt.Status] = fore;
    }
  });

  it('listar redovisningarna med den senaste först och hittar förra redovisningens underlag', async () => {
    const tjanst = redovisningSom('handlaggare');
    const juni = (await tjanst.hamtaUnderlag({ ar: 2026, manad: 6 }))!;
    const december = skapaRedovisning(alla, { ar: 2026, manad: 12 }, IDAG, juni);
    await tjanst.spara(december, { docx: await byggDocx(december), xlsx: await byggXlsx(december) });
    const sparade = await tjanst.lista();
    expect(sparade.map((s) => s.etikett)).toEqual(['december 2026', 'juni 2026']);
    expect(sparade[0].filer).toHaveLength(2);
    expect(await tjanst.hamtaForraUnderlag({ ar: 2026, manad: 12 })).toEqual(juni);
    expect(await tjanst.hamtaForraUnderlag({ ar: 2027, manad: 6 })).toEqual(december.underlag);
    expect(await tjanst.hamtaForraUnderlag({ ar: 2026, manad: 6 })).toBeUndefined();
  });

  it('ersätter en periods redovisning när den skapas igen, utan att lägga till filer', async () => {
    const tjanst = redovisningSom('handlaggare');
    const rapport = skapaRedovisning(alla.slice(0, 3), { ar: 2026, manad: 6 }, '2026-06-20');
    const sparad = await tjanst.spara(rapport, { docx: new Uint8Array([9]), xlsx: new Uint8Array([9]) });
    expect(sparad.filer).toHaveLength(2);
    expect((await tjanst.hamtaUnderlag({ ar: 2026, manad: 6 }))!.lagesdatum).toBe('2026-06-20');
    expect((await tjanst.lista()).length).toBe(2);
  });

  it('låter inte en ledamot spara (403) och inte den som inte är inloggad läsa (401)', async () => {
    const rapport = skapaRedovisning(alla, { ar: 2027, manad: 6 }, IDAG);
    expect((await fel(redovisningSom('ledamot').spara(rapport, { docx: new Uint8Array([1]), xlsx: new Uint8Array([1]) }))).orsak).toBe('behorighet');
    expect((await fel(redovisningSom('allmanhet').lista())).orsak).toBe('inloggning');
  });
});
