import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DataFel } from '../../src/data/fel';
import { IRedovisningTjanst, ISparadRedovisning } from '../../src/data/redovisning/RedovisningTjanst';
import { IUppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { IRedovisningsunderlag, skapaUnderlag } from '../../src/domain/redovisning';
import { IUppdrag } from '../../src/domain/uppdrag';
import { PartRoot } from '../../src/ui/PartRoot';
import { RedovisningPanel } from '../../src/webparts/arendebalans/components/redovisning';
import { ettUppdrag } from '../support/testdata';

// The real exporters are tested in tests/services/redovisning.test.ts; here only what the UI does with them.
jest.mock('../../src/webparts/arendebalans/export', () => ({
  DOCX_TYP: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  XLSX_TYP: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  byggDocx: jest.fn(async () => new Uint8Array([1])),
  byggXlsx: jest.fn(async () => new Uint8Array([2]))
}));

/** The shared test uppdrag with this file's values. */
const uppdrag = (del: Partial<IUppdrag>): IUppdrag => ettUppdrag({ rubrik: 'Uppdrag', beslutsdatum: '2025-04-20', planeratKlart: '2027-06-30', senastAndrad: undefined, ...del });

const LISTA = [
  uppdrag({ id: 1, rubrik: 'Ta fram handlingsplan' }),
  uppdrag({ id: 2, rubrik: 'Inför digital justering', status: 'Verkstallt' }),
  uppdrag({ id: 3, rubrik: 'Se över taxan', planeratKlart: '2027-09-30' })
];

// Only hamtaAlla is used by the panel; the rest of the interface belongs to other parts.
function uppdragTjanst(lista: IUppdrag[], hamtaAlla?: () => Promise<never>): IUppdragTjanst {
  return {
    hamtaAlla: hamtaAlla ?? (async () => ({ rader: lista.map((u) => ({ uppdrag: u, etag: '"1"' })), felaktiga: [] }))
  } as unknown as IUppdragTjanst;
}

function redovisningTjanst(sparade: ISparadRedovisning[], forra?: IRedovisningsunderlag): IRedovisningTjanst & { spara: jest.Mock } {
  return {
    lista: jest.fn(async () => sparade),
    hamtaUnderlag: jest.fn(async () => undefined),
    hamtaForraUnderlag: jest.fn(async () => forra),
    spara: jest.fn(async () => sparade[0])
  };
}

const JUNI: ISparadRedovisning = {
  period: { ar: 2026, manad: 6 }, etikett: 'juni 2026', rubrik: 'Redovisning av ej verkställda beslut, juni 2026',
  periodslut: '2026-06-30', antalUppdrag: 3, sparad: '2026-06-15T10:00:00Z',
  filer: [
    { namn: 'Redovisning-ej-verkstallda-beslut-2026-06.docx', url: '/sites/a/Redovisningar/Redovisning-ej-verkstallda-beslut-2026-06.docx', itemId: 1 },
    { namn: 'Redovisning-ej-verkstallda-beslut-2026-06.xlsx', url: '/sites/a/Redovisningar/Redovisning-ej-verkstallda-beslut-2026-06.xlsx', itemId: 2 }
  ]
};

beforeAll(() => {
  // jsdom has no object URLs.
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:redovisning'), revokeObjectURL: jest.fn() });
});

describe('Redovisningen till kommunfullmäktige', () => {
  it('föreslår nästa period och listar tidigare redovisningar med deras filer', async () => {
    render(<PartRoot><RedovisningPanel uppdragTjanst={uppdragTjanst(LISTA)} redovisningTjanst={redovisningTjanst([JUNI])} idag="2026-11-27" /></PartRoot>);
    expect(screen.getByRole('heading', { name: 'Redovisning av ej verkställda beslut' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Månad/ })).toHaveTextContent('December');
    expect(screen.getByRole('combobox', { name: /^År/ })).toHaveTextContent('2026');
    const filer = await screen.findByRole('list', { name: 'Filer för juni 2026' });
    expect(within(filer).getByRole('link', { name: 'Redovisning-ej-verkstallda-beslut-2026-06.docx' }))
      .toHaveAttribute('href', JUNI.filer[0].url);
    expect(screen.getByText('juni 2026: 3 ej verkställda beslut')).toBeInTheDocument();
  });

  it('skapar redovisningen, ger nedladdningslänkar och visar förändringarna som listor', async () => {
    const forra = skapaUnderlag([
      uppdrag({ id: 1, rubrik: 'Ta fram handlingsplan' }),
      uppdrag({ id: 2, rubrik: 'Inför digital justering' }),
      uppdrag({ id: 3, rubrik: 'Se över taxan', planeratKlart: '2027-03-31' })
    ], { ar: 2026, manad: 6 }, '2026-06-15');
    const tjanst = redovisningTjanst([JUNI], forra);
    render(<PartRoot><RedovisningPanel uppdragTjanst={uppdragTjanst(LISTA)} redovisningTjanst={tjanst} idag="2026-11-27" /></PartRoot>);
    fireEvent.click(screen.getByRole('button', { name: 'Skapa redovisning' }));
    expect(await screen.findByText('Redovisningen för december 2026 är sparad med 2 ej verkställda beslut.')).toBeInTheDocument();

    expect(tjanst.hamtaForraUnderlag).toHaveBeenCalledWith({ ar: 2026, manad: 12 });
    const [rapport, filer] = tjanst.spara.mock.calls[0];
    expect(rapport.underlag.uppdrag.map((u: IUppdrag) => u.id)).toEqual([1, 3]);
    expect(filer).toEqual({ docx: new Uint8Array([1]), xlsx: new Uint8Array([2]) });

    const docx = screen.getByRole('link', { name: 'Ladda ned Word-filen (.docx)' });
    expect(docx).toHaveAttribute('href', 'blob:redovisning');
    expect(docx).toHaveAttribute('download', 'Redovisning-ej-verkstallda-beslut-2026-12.docx');
    expect(screen.getByRole('link', { name: 'Ladda ned Excelfilen (.xlsx)' })).toBeInTheDocument();

    expect(screen.getByRole('heading', { name: 'Förändringar sedan förra redovisningen (juni 2026)' })).toBeInTheDocument();
    const verkstallda = screen.getByRole('list', { name: 'Verkställda sedan förra redovisningen (1)' });
    expect(within(verkstallda).getByRole('listitem')).toHaveTextContent('Inför digital justering (KS 2025-04-20 § 54, Kommunledningskontoret)');
    const flyttade = screen.getByRole('list', { name: 'Planerat klart har flyttats fram (1)' });
    expect(within(flyttade).getByRole('listitem')).toHaveTextContent('från 2027-03-31 till 2027-09-30');
    expect(screen.getByRole('heading', { name: 'Nya sedan förra redovisningen (0)' })).toBeInTheDocument();
  });

  it('säger att det inte finns något att jämföra med och varnar när perioden redan har en redovisning', async () => {
    const tjanst = redovisningTjanst([{ ...JUNI, period: { ar: 2026, manad: 12 }, etikett: 'december 2026' }]);
    render(<PartRoot><RedovisningPanel uppdragTjanst={uppdragTjanst(LISTA)} redovisningTjanst={tjanst} idag="2026-11-27" /></PartRoot>);
    expect(await screen.findByText(/Det finns redan en redovisning för december 2026/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Skapa redovisning' }));
    expect(await screen.findByText('Det finns ingen tidigare redovisning att jämföra med.')).toBeInTheDocument();
  });

  it('skapar för den period man väljer', async () => {
    const tjanst = redovisningTjanst([]);
    render(<PartRoot><RedovisningPanel uppdragTjanst={uppdragTjanst(LISTA)} redovisningTjanst={tjanst} idag="2026-11-27" /></PartRoot>);
    expect(await screen.findByText('Inga redovisningar har sparats ännu')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('combobox', { name: /^Månad/ }));
    fireEvent.click(screen.getByRole('option', { name: 'Juni' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skapa redovisning' }));
    expect(await screen.findByText(/Redovisningen för juni 2026 är sparad/)).toBeInTheDocument();
    expect(tjanst.spara.mock.calls[0][0].period).toEqual({ ar: 2026, manad: 6 });
  });

  it('förklarar ett fel på svenska och sparar ingenting', async () => {
    const tjanst = redovisningTjanst([]);
    const trasig = uppdragTjanst([], async () => { throw new DataFel('behorighet', 403); });
    render(<PartRoot><RedovisningPanel uppdragTjanst={trasig} redovisningTjanst={tjanst} idag="2026-11-27" /></PartRoot>);
    fireEvent.click(screen.getByRole('button', { name: 'Skapa redovisning' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Skapa redovisning' })).toBeEnabled());
    expect(await screen.findByText(/behörighet/i)).toBeInTheDocument();
    expect(tjanst.spara).not.toHaveBeenCalled();
    expect(screen.queryByRole('link', { name: /Ladda ned/ })).not.toBeInTheDocument();
  });

  it('har en stängknapp bara när den som visar panelen vill ha en', async () => {
    const onStang = jest.fn();
    render(<PartRoot><RedovisningPanel uppdragTjanst={uppdragTjanst(LISTA)} redovisningTjanst={redovisningTjanst([])} idag="2026-05-01" onStang={onStang} /></PartRoot>);
    expect(screen.getByRole('combobox', { name: /^Månad/ })).toHaveTextContent('Juni');
    fireEvent.click(screen.getByRole('button', { name: 'Stäng' }));
    expect(onStang).toHaveBeenCalled();
    await screen.findByText('Inga redovisningar har sparats ännu');
  });
});
