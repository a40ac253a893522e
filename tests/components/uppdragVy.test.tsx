import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { IUppdrag, IUppdragHandelse } from '../../src/domain/uppdrag';
import { IUppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { PartRoot } from '../../src/ui/PartRoot';
import { AndratSedan, StatusOversikt, UppdragVy } from '../../src/webparts/arendebalans/components/lista';
import { ettUppdrag } from '../support/testdata';

const IDAG = '2025-07-01';

/** The shared test uppdrag with this file's values. */
const uppdrag = (del: Partial<IUppdrag>): IUppdrag => ettUppdrag({ rubrik: 'Utred ärendebalanslistor', planeratKlart: '2025-12-31', ...del });

const lista: IUppdrag[] = [
  uppdrag({ id: 1, rubrik: 'Åtgärda skolgården', forvaltning: 'Utbildningsförvaltningen', beslutsinstans: 'KF', diarienummer: 'KF 2024/3' }),
  uppdrag({ id: 2, rubrik: 'Anlägg cykelväg', forvaltning: 'Samhällsbyggnad', planeratKlart: '2025-05-01' }),
  uppdrag({ id: 3, rubrik: 'Översyn av taxor', forvaltning: 'Samhällsbyggnad', status: 'Verkstallt', planeratKlart: '2025-01-01' }),
  uppdrag({ id: 4, rubrik: 'Ärendebalanslista', senastAndrad: '2025-04-01', planeratKlart: undefined })
];

const ENTER = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 };

function visaVy(onOppna = jest.fn()): jest.Mock {
  render(<PartRoot><UppdragVy uppdrag={lista} idag={IDAG} dagarTillInaktuell={30} onOppna={onOppna} /></PartRoot>);
  return onOppna;
}

/** The grid's row holding a rubrik (by DOM, which is far faster than accessible names in a DetailsList). */
function rad(rubrik: string): HTMLElement {
  return Array.from(document.querySelectorAll<HTMLElement>('[role="row"]')).find((r) => r.textContent?.includes(rubrik))!;
}

/** Queries inside the filter bar, so a label does not also match a column header. */
const filter = (): ReturnType<typeof within> => within(document.querySelector<HTMLElement>('[role="group"][aria-label="Filtrera uppdragen"]')!);

/** The rubrik of each data row, top to bottom. */
function rubriker(): string[] {
  const grid = document.querySelector('[role="grid"][aria-label="Uppdrag i ärendebalanslistan"]')!;
  return Array.from(grid.querySelectorAll('[role="row"]'))
    .map((r) => lista.find((u) => r.textContent?.includes(u.rubrik))?.rubrik)
    .filter((r): r is string => r !== undefined);
}

describe('uppdragsvyn', () => {
  it('visar antalet, och filtren ändrar raderna och antalet', () => {
    visaVy();
    expect(screen.getByText(/av 4 uppdrag$/)).toHaveTextContent('4 av 4 uppdrag');

    fireEvent.click(filter().getByRole('checkbox', { name: 'Bara försenade' }));
    expect(rubriker()).toEqual(['Anlägg cykelväg']);
    expect(screen.getByText(/av 4 uppdrag$/)).toHaveTextContent('1 av 4 uppdrag');
    expect(rad('Anlägg cykelväg')).toHaveTextContent('Försenat 61 dagar');

    fireEvent.click(screen.getByText('Rensa filter'));
    fireEvent.click(filter().getByRole('checkbox', { name: 'Ej uppdaterade på 30 dagar' }));
    expect(rubriker()).toEqual(['Ärendebalanslista']);
    expect(rad('Ärendebalanslista')).toHaveTextContent('Ej uppdaterat på 30 dagar');

    fireEvent.click(screen.getByText('Rensa filter'));
    fireEvent.change(filter().getByLabelText('Sök'), { target: { value: 'kf 2024/3' } });
    expect(rubriker()).toEqual(['Åtgärda skolgården']);

    fireEvent.change(filter().getByLabelText('Sök'), { target: { value: 'finns inte' } });
    expect(screen.getByText('Inga uppdrag matchar urvalet')).toBeInTheDocument();
    expect(screen.getByText(/av 4 uppdrag$/)).toHaveTextContent('0 av 4 uppdrag');
  });

  it('filtrerar på förvaltning och på flera statusar', () => {
    visaVy();
    fireEvent.click(filter().getByLabelText('Förvaltning'));
    fireEvent.click(screen.getByRole('option', { name: 'Samhällsbyggnad' }));
    expect(rubriker()).toEqual(['Översyn av taxor', 'Anlägg cykelväg']);

    fireEvent.click(filter().getByLabelText('Förvaltning'));
    fireEvent.click(screen.getByRole('option', { name: 'Alla' }));
    fireEvent.click(filter().getByLabelText('Status'));
    const val = within(screen.getByRole('listbox'));
    fireEvent.click(val.getByRole('option', { name: 'Försenat' }));
    fireEvent.click(val.getByRole('option', { name: 'Verkställt' }));
    expect(rubriker()).toEqual(['Översyn av taxor', 'Anlägg cykelväg']);
  });

  it('grupperar efter förvaltning med en rubrik per grupp', () => {
    visaVy();
    fireEvent.click(filter().getByLabelText('Gruppera efter'));
    fireEvent.click(screen.getByRole('option', { name: /^Förvaltning/ }));
    const gruppRubriker = Array.from(document.querySelectorAll('[role="row"][aria-label]')).map((r) => r.getAttribute('aria-label'));
    expect(gruppRubriker).toEqual(['Kommunledningskontoret, 1 uppdrag', 'Samhällsbyggnad, 2 uppdrag', 'Utbildningsförvaltningen, 1 uppdrag']);
    expect(rubriker()).toEqual(['Ärendebalanslista', 'Översyn av taxor', 'Anlägg cykelväg', 'Åtgärda skolgården']);
  });

  it('sorterar via kolumnrubriken med tangentbordet och säger ordningen med aria-sort', () => {
    visaVy();
    const kolumn = (namn: string): HTMLElement =>
      Array.from(document.querySelectorAll<HTMLElement>('[role="columnheader"]')).find((k) => k.textContent?.startsWith(namn))!;
    const rubrik = (): HTMLElement => kolumn('Uppdrag');
    expect(rubrik()).toHaveAttribute('aria-sort', 'none');
    expect(kolumn('Planerat klart')).toHaveAttribute('aria-sort', 'ascending');

    const knapp = within(rubrik()).getByRole('button');
    knapp.focus();
    fireEvent.keyDown(knapp, ENTER);
    expect(rubrik()).toHaveAttribute('aria-sort', 'ascending');
    expect(rubriker()).toEqual(['Anlägg cykelväg', 'Åtgärda skolgården', 'Ärendebalanslista', 'Översyn av taxor']);

    fireEvent.keyDown(within(rubrik()).getByRole('button'), ENTER);
    expect(rubrik()).toHaveAttribute('aria-sort', 'descending');
    expect(rubriker()).toEqual(['Översyn av taxor', 'Ärendebalanslista', 'Åtgärda skolgården', 'Anlägg cykelväg']);
  });

  it('öppnar ett uppdrag med Enter på raden och med klick på rubriken', () => {
    const onOppna = visaVy();
    const taxor = rad('Översyn av taxor');
    taxor.focus();
    fireEvent.keyDown(taxor, ENTER);
    expect(onOppna).toHaveBeenLastCalledWith(3);
    fireEvent.click(within(rad('Anlägg cykelväg')).getByText('Anlägg cykelväg'));
    expect(onOppna).toHaveBeenLastCalledWith(2);
  });

  it('säger rakt ut när listan är tom', () => {
    render(<PartRoot><UppdragVy uppdrag={[]} idag={IDAG} dagarTillInaktuell={30} onOppna={jest.fn()} /></PartRoot>);
    expect(screen.getByText('Inga uppdrag att visa')).toBeInTheDocument();
  });
});

describe('statusöversikten', () => {
  it('har en tabell med rubrik och rubrikceller, med samma siffror som diagrammen', () => {
    render(<PartRoot><StatusOversikt uppdrag={lista} idag={IDAG} /></PartRoot>);
    const tabell = screen.getByRole('table', { name: 'Antal uppdrag per förvaltning och status' });
    expect(within(tabell).getByRole('columnheader', { name: 'Försenat' })).toHaveAttribute('scope', 'col');
    expect(within(tabell).getByRole('rowheader', { name: 'Samhällsbyggnad' })).toHaveAttribute('scope', 'row');

    const staplar = new Map(Array.from(document.querySelectorAll('[data-stapel]'))
      .map((e) => [e.getAttribute('data-stapel'), Number(e.getAttribute('data-varde'))]));
    const rader = within(tabell).getAllByRole('row');
    const rubrikrad = Array.from(rader[0].querySelectorAll('th')).map((c) => c.textContent);
    const summor = Array.from(rader[rader.length - 1].querySelectorAll('td')).map((c) => Number(c.textContent));
    // Per status: the chart's bars equal the table's Totalt row.
    rubrikrad.slice(1, -1).forEach((status, i) => expect(staplar.get(status)).toBe(summor[i]));
    expect(summor).toEqual([0, 2, 1, 0, 1, 0, 4]);
    // Per förvaltning: the chart's bars equal the table's Totalt column.
    for (const rad of rader.slice(1, -1)) {
      const namn = rad.querySelector('th')!.textContent;
      const celler = rad.querySelectorAll('td');
      expect(staplar.get(namn)).toBe(Number(celler[celler.length - 1].textContent));
    }
    expect(staplar.get('Samhällsbyggnad')).toBe(2);
    expect(screen.getByText('2, varav 1 försenade')).toBeInTheDocument();
    expect(screen.getAllByRole('figure')).toHaveLength(2);
  });
});

describe('ändrat sedan', () => {
  const handelse = (nar: string, andringar: IUppdragHandelse['andringar'], vem = 'Anna Handläggare'): IUppdragHandelse => ({ version: '2.0', nar, vem, andringar });
  const skapad = handelse('2025-01-10T09:00:00Z', { status: [undefined, 'EjPaborjat'] });
  const historik: Record<number, IUppdragHandelse[]> = {
    1: [handelse('2025-06-20T09:00:00Z', { planeratKlart: ['2025-09-30', '2025-12-31'] }), skapad],
    2: [handelse('2025-06-20T09:00:00Z', { status: [undefined, 'Pagar'] })],
    3: [handelse('2025-06-20T09:00:00Z', { status: ['Pagar', 'Verkstallt'] }, 'Bo'), skapad]
  };

  function tjanst(): { tjanst: IUppdragTjanst; fragade: number[]; maxSamtidigt: () => number } {
    const fragade: number[] = [];
    let samtidigt = 0;
    let max = 0;
    return {
      fragade,
      maxSamtidigt: () => max,
      tjanst: {
        hamtaAlla: async () => ({ rader: [], felaktiga: [] }),
        hamta: async () => { throw new Error('används inte'); },
        spara: async () => '"2"',
        hamtaHistorik: async (id: number) => {
          fragade.push(id);
          samtidigt++;
          max = Math.max(max, samtidigt);
          await new Promise((r) => setTimeout(r, 5));
          samtidigt--;
          return historik[id] ?? [];
        },
        skapa: async () => [],
        befintligaKallNycklar: async () => new Set<string>(),
        kanRedigera: async () => false
      }
    };
  }

  it('visar nya, förskjutna och verkställda uppdrag med vad som ändrats, och hämtar bara historik som behövs', async () => {
    const falsk = tjanst();
    const onOppna = jest.fn();
    render(<PartRoot><AndratSedan uppdrag={lista} tjanst={falsk.tjanst} standardFran="2025-06-10" idag={IDAG} onOppna={onOppna} /></PartRoot>);
    expect(screen.getByText('Hämtar ändringshistorik')).toBeInTheDocument();
    expect(await screen.findByText('3 uppdrag har lagts till eller ändrats sedan 2025-06-10.')).toBeInTheDocument();
    // Uppdrag 4 was last saved before the date: no request for its history.
    expect(falsk.fragade.sort()).toEqual([1, 2, 3]);

    const nya = screen.getByRole('region', { name: 'Nya uppdrag (1)' });
    expect(nya).toHaveTextContent('Anlägg cykelväg');
    expect(nya).toHaveTextContent('Status: (tomt) → Pågår');
    const forskjutna = screen.getByRole('region', { name: /Förskjutna.*\(1\)/ });
    expect(forskjutna).toHaveTextContent('Planerat klart: 2025-09-30 → 2025-12-31');
    expect(forskjutna).toHaveTextContent('Senast ändrat 2025-06-20 av Anna Handläggare');
    const verkstallda = screen.getByRole('region', { name: 'Verkställda (1)' });
    expect(verkstallda).toHaveTextContent('Status: Pågår → Verkställt');

    fireEvent.click(within(verkstallda).getByRole('button', { name: 'Översyn av taxor' }));
    expect(onOppna).toHaveBeenCalledWith(3);
  });

  it('hämtar högst fyra historiker åt gången', async () => {
    const falsk = tjanst();
    const manga = Array.from({ length: 12 }, (_v, i) => uppdrag({ id: 100 + i, rubrik: `Uppdrag ${i}` }));
    render(<PartRoot><AndratSedan uppdrag={manga} tjanst={falsk.tjanst} standardFran="2025-06-10" idag={IDAG} onOppna={jest.fn()} /></PartRoot>);
    expect(await screen.findByText(/12 uppdrag har lagts till eller ändrats/)).toBeInTheDocument();
    expect(falsk.fragade).toHaveLength(12);
    expect(falsk.maxSamtidigt()).toBe(4);
  });

  it('låter läsaren välja ett annat datum och säger när inget ändrats', async () => {
    const falsk = tjanst();
    render(<PartRoot><AndratSedan uppdrag={lista} tjanst={falsk.tjanst} standardFran="2025-06-10" idag={IDAG} onOppna={jest.fn()} /></PartRoot>);
    await screen.findByText(/3 uppdrag har lagts till/);
    const falt = screen.getByRole('combobox', { name: 'Ändrat sedan' });
    // Two steps, as a reader types and then leaves the field: the picker reads the text on blur.
    await act(async () => { fireEvent.change(falt, { target: { value: '2025-06-25' } }); });
    await act(async () => { fireEvent.blur(falt); });
    expect(await screen.findByText('Inget uppdrag har lagts till eller ändrats sedan 2025-06-25.')).toBeInTheDocument();
  });

  it('visar rader vars historik inte gick att hämta, och låter läsaren försöka igen', async () => {
    let forsok = 0;
    const falsk = tjanst();
    const trasig: IUppdragTjanst = {
      ...falsk.tjanst,
      hamtaHistorik: async (id: number) => {
        if (id === 3 && forsok++ === 0) throw new Error('429');
        return falsk.tjanst.hamtaHistorik(id);
      }
    };
    render(<PartRoot><AndratSedan uppdrag={lista} tjanst={trasig} standardFran="2025-06-10" idag={IDAG} onOppna={jest.fn()} /></PartRoot>);
    expect(await screen.findByText(/Ändringshistoriken för 1 uppdrag kunde inte hämtas/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Övriga ändringar (1)' })).toHaveTextContent('Översyn av taxor');
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Verkställda (1)' })).toHaveTextContent('Översyn av taxor'));
    expect(screen.queryByText(/kunde inte hämtas/)).toBeNull();
  });
});
