import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ArendebalansApp } from '../../src/webparts/arendebalans/components/ArendebalansApp';
import { IUppdrag } from '../../src/domain/uppdrag';
import { PartRoot } from '../../src/ui/PartRoot';
import { IUppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { DataFel } from '../../src/data/fel';
import { IRedovisningTjanst } from '../../src/data/redovisning/RedovisningTjanst';
import { ettUppdrag, falskUppdragTjanst } from '../support/testdata';

/** Reports are not opened in these tests; any call fails them. */
const redovisning = new Proxy({}, { get: () => () => { throw new Error('Redovisningstjänsten ska inte anropas här'); } }) as IRedovisningTjanst;

const uppdrag = ettUppdrag;

const tjanst = (lista: IUppdrag[], felaktiga: Array<{ id: number; rubrik: string; problem: string }> = []): IUppdragTjanst =>
  falskUppdragTjanst(lista, { hamtaAlla: async () => ({ rader: lista.map((u) => ({ uppdrag: u, etag: '"1"' })), felaktiga }) });

describe('Ärendebalanslistan', () => {
  it('har en rubrik och säger rakt ut när det inte finns några uppdrag', async () => {
    render(<PartRoot><ArendebalansApp redovisningTjanst={redovisning} tjanst={tjanst([])} idag="2025-07-01" dagarTillInaktuell={30} /></PartRoot>);
    expect(screen.getByRole('heading', { level: 2, name: 'Ärendebalanslista' })).toBeInTheDocument();
    expect(await screen.findByText('Inga uppdrag att visa')).toBeInTheDocument();
  });

  it('markerar ett försenat uppdrag med ord, inte bara färg, och lämnar ett verkställt ifred', async () => {
    render(
      <PartRoot>
        <ArendebalansApp redovisningTjanst={redovisning}
          idag="2025-07-05"
          dagarTillInaktuell={30}
          tjanst={tjanst([
            uppdrag({ id: 1, rubrik: 'Ta fram handlingsplan för verkställighet' }),
            uppdrag({ id: 2, rubrik: 'Inför digital justering', status: 'Verkstallt' })
          ])}
        />
      </PartRoot>
    );
    const grid = await screen.findByRole('grid', { name: 'Uppdrag i ärendebalanslistan' });
    const rader = within(grid).getAllByRole('row');
    const sen = rader.find((r) => r.textContent?.includes('handlingsplan'))!;
    expect(sen).toHaveTextContent('Försenat');
    expect(sen).toHaveTextContent('Försenat 5 dagar');
    const klar = rader.find((r) => r.textContent?.includes('digital justering'))!;
    expect(klar).toHaveTextContent('Verkställt');
    expect(klar).not.toHaveTextContent('Försenat');
  });

  it('pekar ut uppdrag som ingen uppdaterat på länge', async () => {
    render(
      <PartRoot>
        <ArendebalansApp redovisningTjanst={redovisning} idag="2025-07-05" dagarTillInaktuell={14} tjanst={tjanst([uppdrag({ planeratKlart: '2026-01-01', senastAndrad: '2025-06-01' })])} />
      </PartRoot>
    );
    expect(await screen.findByText(/Ej uppdaterat på 14 dagar/)).toBeInTheDocument();
  });

  it('säger vilka rader som inte kan visas, och visar resten', async () => {
    render(
      <PartRoot>
        <ArendebalansApp redovisningTjanst={redovisning} idag="2025-07-05" dagarTillInaktuell={30}
          tjanst={tjanst([uppdrag({})], [{ id: 9, rubrik: '<script>alert(1)</script>', problem: 'Klar' }])} />
      </PartRoot>
    );
    expect(await screen.findByText(/1 rader i listan har en status som inte är ett av listans val/)).toHaveTextContent('<script>alert(1)</script> (Klar)');
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText('Utred kontinuerligt uppdaterade ärendebalanslistor')).toBeInTheDocument();
  });

  it('förklarar ett fel på svenska och låter läsaren försöka igen', async () => {
    let forsok = 0;
    const trasig = falskUppdragTjanst([], {
      hamtaAlla: async () => { forsok++; if (forsok === 1) throw new DataFel('natverk'); return { rader: [], felaktiga: [] }; }
    });
    render(<PartRoot><ArendebalansApp redovisningTjanst={redovisning} idag="2025-07-05" dagarTillInaktuell={30} tjanst={trasig} /></PartRoot>);
    expect(await screen.findByText(/Det gick inte att nå Microsoft 365/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByText('Inga uppdrag att visa')).toBeInTheDocument();
  });
});

describe('att öppna ett uppdrag', () => {
  it('öppnar detaljerna från listan och direkt från en länk', async () => {
    const u = uppdrag({ id: 12, rubrik: 'Laddinfrastruktur för elbilar', diarienummer: 'KS 2025/77' });
    const medDetalj: IUppdragTjanst = { ...tjanst([u]), hamta: async () => ({ uppdrag: u, etag: '"1"' }) };
    const { unmount } = render(<PartRoot><ArendebalansApp redovisningTjanst={redovisning} tjanst={medDetalj} idag="2026-11-27" dagarTillInaktuell={30} lankTill={(id) => `https://exempel/?uppdrag=${id}`} /></PartRoot>);
    fireEvent.click(await screen.findByRole('button', { name: 'Laddinfrastruktur för elbilar' }));
    expect(await screen.findByText('KS 2025/77')).toBeInTheDocument();
    expect(screen.getByLabelText('Länk till uppdraget')).toHaveValue('https://exempel/?uppdrag=12');
    unmount();
    render(<PartRoot><ArendebalansApp redovisningTjanst={redovisning} tjanst={medDetalj} idag="2026-11-27" dagarTillInaktuell={30} oppnaId={12} /></PartRoot>);
    expect(await screen.findByText('KS 2025/77')).toBeInTheDocument();
  });
});

describe('handläggarens verktyg', () => {
  it('visar Redovisning till KF bara för den som får redigera', async () => {
    const las = tjanst([uppdrag({})]);
    const { unmount } = render(<PartRoot><ArendebalansApp redovisningTjanst={redovisning} tjanst={las} idag="2026-11-27" dagarTillInaktuell={30} /></PartRoot>);
    await screen.findByText('Utred kontinuerligt uppdaterade ärendebalanslistor');
    expect(screen.queryByRole('menuitem', { name: 'Redovisning till KF' })).toBeNull();
    unmount();
    render(<PartRoot><ArendebalansApp redovisningTjanst={redovisning} tjanst={{ ...las, kanRedigera: async () => true }} idag="2026-11-27" dagarTillInaktuell={30} /></PartRoot>);
    await screen.findByText('Utred kontinuerligt uppdaterade ärendebalanslistor');
    // A role query walks the whole Fluent tree: on a loaded CI machine one pass can take longer than the default second.
    expect(await screen.findByRole('menuitem', { name: 'Redovisning till KF' }, { timeout: 10_000 })).toBeInTheDocument();
  });
});

describe('ändrat sedan', () => {
  it('läser sammanträdena först när fliken öppnas, och börjar från kommunstyrelsens senaste', async () => {
    const hamtaSammantraden = jest.fn(async () => ({
      kommande: [],
      tidigare: [{ id: 3, rubrik: 'KS', organ: 'Kommunstyrelsen', datum: '2026-11-02', start: '2026-11-02T12:00:00Z', plats: '', status: 'Genomfört' }]
    }));
    render(<PartRoot><ArendebalansApp redovisningTjanst={redovisning} tjanst={tjanst([uppdrag({})])} motesTjanst={{ hamtaSammantraden }} idag="2026-11-27" dagarTillInaktuell={30} /></PartRoot>);
    await screen.findByText('Utred kontinuerligt uppdaterade ärendebalanslistor');
    expect(hamtaSammantraden).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('tab', { name: 'Ändrat sedan' }));
    await waitFor(() => expect(hamtaSammantraden).toHaveBeenCalledTimes(1));
  });
});
