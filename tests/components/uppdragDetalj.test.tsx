import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { UppdragDetalj } from '../../src/webparts/arendebalans/components/detalj/UppdragDetalj';
import { IUppdrag, IUppdragHandelse, UppdragAndring } from '../../src/domain/uppdrag';
import { IUppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { DataFel } from '../../src/data/fel';
import { PartRoot } from '../../src/ui/PartRoot';

/** An in-memory Uppdrag list with ETags: a save with an old ETag is refused as SharePoint does (412). */
class MinnesTjanst implements IUppdragTjanst {
  public version = 3;
  public sparningar: UppdragAndring[] = [];
  public constructor(public rad: IUppdrag, private readonly historik: IUppdragHandelse[] = []) {}
  public async hamtaAlla() { return { rader: [{ uppdrag: this.rad, etag: `"${this.version}"` }], felaktiga: [] }; }
  public async hamta() { return { uppdrag: { ...this.rad }, etag: `"${this.version}"` }; }
  public async hamtaHistorik() { return this.historik; }
  public async spara(_id: number, andring: UppdragAndring, etag: string) {
    if (etag !== `"${this.version}"`) throw new DataFel('konflikt', 412);
    this.sparningar.push(andring);
    this.rad = { ...this.rad, ...andring };
    this.version++;
    return `"${this.version}"`;
  }
  /** Someone else saves in between. */
  public andraSparar(andring: UppdragAndring): void {
    this.rad = { ...this.rad, ...andring };
    this.version++;
  }
  public async skapa() { return []; }
  public async befintligaKallNycklar() { return new Set<string>(); }
  public async kanRedigera() { return true; }
}

const uppdrag: IUppdrag = {
  id: 4, rubrik: 'Utred ny förskola i Gistgården', uppdragstext: 'Utreda behov, placering och kostnad.', beslutsinstans: 'KS',
  beslutsdatum: '2025-03-10', paragraf: '§ 40', diarienummer: 'KS 2025/112', forvaltning: 'Barn- och utbildningsförvaltningen',
  handlaggare: 'Karin Lund', status: 'Pagar', planeratKlart: '2026-12-31', forstPlaneratKlart: '2026-06-30',
  varIHanteringen: 'Utredning pågår.', kommentar: 'Första kommentaren', senastAndrad: '2026-11-20'
};

const historik: IUppdragHandelse[] = [
  { version: '3.0', nar: '2026-09-01T08:00:00Z', vem: 'Karin Lund', andringar: { planeratKlart: ['2026-06-30', '2026-12-31'], orsakKod: [undefined, 'Resursbrist'] } },
  { version: '2.0', nar: '2025-04-01T08:00:00Z', vem: 'Karin Lund', andringar: { status: ['EjPaborjat', 'Pagar'] } },
  { version: '1.0', nar: '2025-03-13T08:00:00Z', vem: 'Admin', andringar: {} }
];

function visa(tjanst: IUppdragTjanst, kanRedigera = true) {
  const onSparat = jest.fn();
  render(
    <PartRoot>
      <UppdragDetalj tjanst={tjanst} id={4} idag="2026-11-27" dagarTillInaktuell={30} kanRedigera={kanRedigera} onStang={jest.fn()} onSparat={onSparat} />
    </PartRoot>
  );
  return onSparat;
}

describe('ett uppdrag i detalj', () => {
  it('visar allt om uppdraget och historiken, med varje flytt av datumet', async () => {
    visa(new MinnesTjanst(uppdrag, historik), false);
    expect(await screen.findByText('Utreda behov, placering och kostnad.')).toBeInTheDocument();
    expect(screen.getByText('KS 2025/112')).toBeInTheDocument();
    expect(screen.getByText('Datumet har flyttats en gång.')).toBeInTheDocument();
    expect(screen.getByText('Planerat klart: 2026-06-30 → 2026-12-31')).toBeInTheDocument();
    expect(screen.getByText('Status: Ej påbörjat → Pågår')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Redigera' })).toBeNull();
  });

  it('låter handläggaren spara en giltig ändring och bara det som ändrats', async () => {
    const tjanst = new MinnesTjanst(uppdrag, historik);
    const onSparat = visa(tjanst);
    fireEvent.click(await screen.findByRole('button', { name: 'Redigera' }));
    fireEvent.change(screen.getByLabelText('Var i hanteringen'), { target: { value: 'Remiss till nämnderna.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(onSparat).toHaveBeenCalled());
    expect(tjanst.sparningar).toEqual([{ varIHanteringen: 'Remiss till nämnderna.' }]);
    expect(await screen.findByText('Ändringarna är sparade.')).toBeInTheDocument();
  });

  it('säger på svenska vad som är fel och behåller det som skrivits', async () => {
    const tjanst = new MinnesTjanst(uppdrag, historik);
    visa(tjanst);
    fireEvent.click(await screen.findByRole('button', { name: 'Redigera' }));
    fireEvent.change(screen.getByLabelText('Planerat klart'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText('Var i hanteringen'), { target: { value: 'Mitt viktiga nya läge' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText('Uppdraget är försenat: ange orsaken till dröjsmålet.')).toBeInTheDocument();
    expect(screen.getByText('Rätta de markerade fälten innan du sparar.')).toBeInTheDocument();
    expect(tjanst.sparningar).toEqual([]);
    expect(screen.getByLabelText('Var i hanteringen')).toHaveValue('Mitt viktiga nya läge');
  });

  it('visar båda värdena när någon annan sparade först och sparar användarens val fält för fält', async () => {
    const tjanst = new MinnesTjanst(uppdrag, historik);
    const onSparat = visa(tjanst);
    fireEvent.click(await screen.findByRole('button', { name: 'Redigera' }));
    fireEvent.change(screen.getByLabelText('Kommentar'), { target: { value: 'Min kommentar' } });
    fireEvent.change(screen.getByLabelText('Planerat klart'), { target: { value: '2027-03-31' } });
    tjanst.andraSparar({ kommentar: 'Deras kommentar', status: 'DelvisVerkstallt' });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText(/Någon annan har sparat uppdraget sedan du öppnade det/)).toBeInTheDocument();
    expect(screen.getByLabelText('Mitt värde: Min kommentar')).toBeInTheDocument();
    const deras = screen.getByLabelText('Sparat av någon annan: Deras kommentar');
    expect(deras).toBeChecked();
    expect(tjanst.sparningar).toEqual([]);
    fireEvent.click(screen.getByLabelText('Mitt värde: Min kommentar'));
    fireEvent.click(screen.getByRole('button', { name: 'Spara mina val' }));
    await waitFor(() => expect(onSparat).toHaveBeenCalled());
    expect(tjanst.sparningar).toEqual([{ planeratKlart: '2027-03-31', kommentar: 'Min kommentar' }]);
    // Their status change survives: nothing of theirs was overwritten.
    expect(tjanst.rad.status).toBe('DelvisVerkstallt');
  });
});
