import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { IProtokollTjanst } from '../../src/data/moten/ProtokollTjanst';
import { DataFel } from '../../src/data/fel';
import { ITabell } from '../../src/data/uppdrag/lasaFiler';
import { IUppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { PartRoot } from '../../src/ui/PartRoot';
import { IFilLasare, ImportPanel, ProtokollPanel } from '../../src/webparts/arendebalans/components/import';

function tjanst(befintliga: string[] = []): jest.Mocked<IUppdragTjanst> {
  return {
    hamtaAlla: jest.fn(), hamta: jest.fn(), spara: jest.fn(), hamtaHistorik: jest.fn(), kanRedigera: jest.fn(async () => true),
    skapa: jest.fn(async (rader) => rader.map((_r, i) => ({ id: 100 + i, nytt: true }))),
    befintligaKallNycklar: jest.fn(async (nycklar: readonly string[]) => new Set(nycklar.filter((n) => befintliga.some((b) => n.startsWith(b)))))
  };
}

const TABELL: ITabell = {
  rubriker: ['Ärende', 'Instans', 'Datum', '§', 'Ansvarig', 'Status'],
  rader: [
    { radnummer: 2, celler: ['Utreda ärendebalanslistor', 'KS', new Date(Date.UTC(2020, 9, 19)), '54', 'Kommunledningskontoret', 'Pågår'] },
    { radnummer: 3, celler: ['Plan för skolnärvaro', 'KF', 'i höstas', '12', 'Barn- och utbildningsförvaltningen', 'Vilande'] }
  ]
};

/** Generous: other suites load the machine, and MessageBar renders its text after a delay. */
const VANTA = { timeout: 5000 };

const lasare = (tabell: ITabell = TABELL, text = ''): IFilLasare => ({
  lasaExcel: jest.fn(async () => tabell),
  lasaProtokollText: jest.fn(async () => text)
});

/** Chooses a file and lets the reading (and the look-up of existing keys) finish. */
async function valjFil(etikett: RegExp, namn: string): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByLabelText(etikett), { target: { files: [new File(['x'], namn)] } });
  });
}

describe('import från Excel', () => {
  it('föreslår kolumner, granskar rad för rad och importerar först när raderna med fel är utelämnade', async () => {
    const uppdrag = tjanst();
    const onKlar = jest.fn();
    render(<PartRoot><ImportPanel uppdragTjanst={uppdrag} onKlar={onKlar} onStang={jest.fn()} filLasare={lasare()} /></PartRoot>);
    await valjFil(/Excelfil/, 'lista.xlsx');

    expect(await screen.findByText('2 rader: 1 utan fel, 1 med fel, 0 finns redan i listan.', {}, VANTA)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Ansvarig förvaltning/ })).toHaveTextContent('Ansvarig');
    const rad3 = screen.getByRole('row', { name: /Plan för skolnärvaro/ });
    expect(within(rad3).getByText('Beslutsdatum: ”i höstas” är inte ett datum.')).toBeInTheDocument();
    expect(within(rad3).getByText('Status ”Vilande” finns inte bland listans val.')).toBeInTheDocument();
    const importera = screen.getByRole('button', { name: 'Importera 1 uppdrag' });
    expect(importera).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Ta inte med rader med fel' }));
    expect(screen.getByRole('checkbox', { name: 'Ta med rad 3' })).not.toBeChecked();
    expect(importera).toBeEnabled();
    await act(async () => { fireEvent.click(importera); });

    expect(uppdrag.skapa).toHaveBeenCalledWith([{
      kallNyckel: expect.stringMatching(/^import:KS:2020-10-19:§54:/),
      uppdrag: expect.objectContaining({ rubrik: 'Utreda ärendebalanslistor', beslutsinstans: 'KS', paragraf: '§ 54', status: 'Pagar' })
    }]);
    expect(onKlar).toHaveBeenCalledWith(1);
  });

  it('skapar inte en rad som redan finns, och säger att inget skapades när sparandet misslyckas', async () => {
    const uppdrag = tjanst(['import:KS']);
    uppdrag.skapa.mockRejectedValueOnce(new DataFel('behorighet', 403));
    const onKlar = jest.fn();
    const tabell: ITabell = { ...TABELL, rader: [TABELL.rader[0], { radnummer: 3, celler: ['Plan', 'KF', '2021-02-22', '12', 'BUF', ''] }] };
    render(<PartRoot><ImportPanel uppdragTjanst={uppdrag} onKlar={onKlar} onStang={jest.fn()} filLasare={lasare(tabell)} /></PartRoot>);
    await valjFil(/Excelfil/, 'lista.xlsx');

    expect(await screen.findByText('2 rader: 1 utan fel, 0 med fel, 1 finns redan i listan.', {}, VANTA)).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Utreda/ })).getByText('Finns redan i listan och skapas inte igen.')).toBeInTheDocument();
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Importera 1 uppdrag' })); });
    expect(uppdrag.skapa).toHaveBeenCalledWith([expect.objectContaining({ kallNyckel: expect.stringMatching(/^import:KF:/) })]);
    expect(screen.getByText(/^Inget skapades\./)).toBeInTheDocument();
    expect(onKlar).not.toHaveBeenCalled();
  });

  it('säger till när filen inte går att läsa', async () => {
    const fel: IFilLasare = { lasaExcel: jest.fn(async () => { throw new Error('zip'); }), lasaProtokollText: jest.fn() };
    render(<PartRoot><ImportPanel uppdragTjanst={tjanst()} onKlar={jest.fn()} onStang={jest.fn()} filLasare={fel} /></PartRoot>);
    await valjFil(/Excelfil/, 'lista.xlsx');
    expect(await screen.findByText('Filen kunde inte läsas. Kontrollera att det är en Excelfil (.xlsx).', {}, VANTA)).toBeInTheDocument();
  });
});

const PROTOKOLL_TEXT = `Kommunstyrelsen
Sammanträdesdatum 2020-10-19
§ 54 Dnr KS 2020/801
Kontinuerligt uppdaterade ärendebalanslistor
Beslut
Kommunstyrelsen beslutar att uppdra åt kommunledningskontoret att utreda hur listan kan hållas uppdaterad. Uppdraget ska återrapporteras till kommunstyrelsen senast den 30 november 2020.
§ 55
Meddelanden
Beslut
Kommunstyrelsen beslutar att lägga meddelandena till handlingarna.
§ 56 Dnr KS 2020/612
Motion om solceller
Beslut
Kommunstyrelsen ger samhällsbyggnadsförvaltningen i uppdrag att inventera taken.`;

function protokollTjanst(): jest.Mocked<IProtokollTjanst> {
  return {
    hamtaJusterade: jest.fn(async () => [{
      id: 17, rubrik: 'Protokoll Kommunstyrelsen 2020-10-19', filnamn: 'KS-2020-10-19-protokoll.docx', filUrl: '/sites/a/Protokoll/KS-2020-10-19-protokoll.docx',
      sammantrade: 'Kommunstyrelsen 2020-10-19', organ: 'Kommunstyrelsen', motesdatum: '2020-10-19', justeratDatum: '2020-10-23'
    }]),
    hamtaFil: jest.fn(async (_url: string) => new ArrayBuffer(4))
  };
}

describe('uppdrag från protokoll', () => {
  it('föreslår uppdragen ur ett justerat protokoll och skapar bara de bekräftade, med handläggarens rättelser', async () => {
    const uppdrag = tjanst(['protokoll:17:§56']);
    const protokoll = protokollTjanst();
    const filLasare = lasare(TABELL, PROTOKOLL_TEXT);
    const onKlar = jest.fn();
    render(<PartRoot><ProtokollPanel uppdragTjanst={uppdrag} protokollTjanst={protokoll} onKlar={onKlar} onStang={jest.fn()} filLasare={filLasare} /></PartRoot>);

    fireEvent.click(await screen.findByRole('combobox', { name: /^Justerat protokoll/ }, VANTA));
    await act(async () => { fireEvent.click(screen.getByRole('option', { name: 'Kommunstyrelsen 2020-10-19' })); });
    expect(await screen.findByText('2 förslag, 1 finns redan i listan.', {}, VANTA)).toBeInTheDocument();
    expect(protokoll.hamtaFil).toHaveBeenCalledWith('/sites/a/Protokoll/KS-2020-10-19-protokoll.docx');
    expect(filLasare.lasaProtokollText).toHaveBeenCalledWith('KS-2020-10-19-protokoll.docx', expect.any(ArrayBuffer));

    const forsta = screen.getByRole('region', { name: '§ 54 – Kontinuerligt uppdaterade ärendebalanslistor' });
    expect(within(forsta).getByRole('textbox', { name: 'Ansvarig förvaltning' })).toHaveValue('Kommunledningskontoret');
    expect(within(forsta).getByRole('textbox', { name: 'Återrapportera senast' })).toHaveValue('2020-11-30');
    expect(within(forsta).getByRole('textbox', { name: 'Diarienummer' })).toHaveValue('KS 2020/801');
    const andra = screen.getByRole('region', { name: '§ 56 – Motion om solceller' });
    expect(within(andra).getByText('Finns redan i listan och skapas inte igen.')).toBeInTheDocument();
    expect(within(andra).queryByRole('checkbox')).toBeNull();

    const skapa = screen.getByRole('button', { name: 'Skapa 0 bekräftade uppdrag' });
    expect(skapa).toBeDisabled();
    fireEvent.change(within(forsta).getByRole('textbox', { name: 'Ansvarig förvaltning' }), { target: { value: 'Ekonomiavdelningen' } });
    fireEvent.change(within(forsta).getByRole('textbox', { name: 'Beslutsdatum' }), { target: { value: '19 okt' } });
    fireEvent.click(within(forsta).getByRole('checkbox', { name: 'Bekräfta förslaget' }));
    expect(await within(forsta).findByText('Beslutsdatum: ”19 okt” är inte ett datum.', {}, VANTA)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Skapa 1 bekräftade uppdrag' })).toBeDisabled();

    fireEvent.change(within(forsta).getByRole('textbox', { name: 'Beslutsdatum' }), { target: { value: '2020-10-19' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Skapa 1 bekräftade uppdrag' })); });
    expect(uppdrag.skapa).toHaveBeenCalledWith([{
      kallNyckel: 'protokoll:17:§54',
      uppdrag: expect.objectContaining({
        rubrik: 'Kontinuerligt uppdaterade ärendebalanslistor', beslutsinstans: 'KS', beslutsdatum: '2020-10-19', paragraf: '§ 54',
        diarienummer: 'KS 2020/801', forvaltning: 'Ekonomiavdelningen', aterrapporteraSenast: '2020-11-30', status: 'EjPaborjat'
      })
    }]);
    expect(onKlar).toHaveBeenCalledWith(1);
  });

  it('läser en vald fil utan protokolltjänst, och säger till när protokollet saknar uppdrag', async () => {
    const filLasare = lasare(TABELL, 'Kommunstyrelsen\n§ 1\nBeslut\nKommunstyrelsen beslutar att godkänna rapporten.');
    render(<PartRoot><ProtokollPanel uppdragTjanst={tjanst()} onKlar={jest.fn()} onStang={jest.fn()} filLasare={filLasare} /></PartRoot>);
    expect(screen.queryByRole('combobox', { name: /Justerat protokoll/ })).toBeNull();
    await valjFil(/protokollfil/, 'ks.pdf');
    expect(await screen.findByText('Inga paragrafer i protokollet ger uppdrag.', {}, VANTA)).toBeInTheDocument();
    await waitFor(() => expect(filLasare.lasaProtokollText).toHaveBeenCalledWith('ks.pdf', expect.any(ArrayBuffer)));
  });
});
