import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { StatusCell } from '../../src/extensions/uppdragStatus/components/StatusCell';
import { StatusbegaranDialog } from '../../src/extensions/uppdragCommands/components/StatusbegaranDialog';
import { IUppdrag } from '../../src/domain/uppdrag';
import { IUppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { falskUppdragTjanst } from '../support/testdata';
import { DataFel } from '../../src/data/fel';
import { Tjanstestatus } from '../../src/extensions/tjanstestatus/components/Tjanstestatus';
import { PartRoot } from '../../src/ui/PartRoot';

describe('statuskolumnen i listvyn', () => {
  it('visar status och förseningsmarkering', () => {
    render(<PartRoot><StatusCell lage={{ status: 'EjPaborjat', planeratKlart: '2025-06-01', senastAndrad: '2025-06-01' }} radText="Ej påbörjat" idag="2025-06-03" /></PartRoot>);
    expect(screen.getByText('Försenat')).toBeInTheDocument();
    expect(screen.getByText(/Försenat 2 dagar/)).toBeInTheDocument();
  });

  it('visar ett okänt värde som text och kör aldrig inskjuten kod', () => {
    const farlig = '<img src=x onerror="window.__hackad=true"><script>window.__hackad=true</script>';
    const { container } = render(<PartRoot><StatusCell lage={undefined} radText={farlig} idag="2025-06-03" /></PartRoot>);
    expect(screen.getByText(`Okänd status: ${farlig}`)).toBeInTheDocument();
    expect(container.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __hackad?: boolean }).__hackad).toBeUndefined();
  });
});

describe('kommandona på Uppdrag-listan', () => {
  const rad = (id: number, del: Partial<IUppdrag>): IUppdrag => ({
    id, rubrik: `Uppdrag ${id}`, beslutsinstans: 'KS', paragraf: `§ ${id}`, forvaltning: 'Kommunledningskontoret', status: 'Pagar',
    planeratKlart: '2027-01-31', varIHanteringen: 'Pågår.', senastAndrad: '2026-11-20', handlaggare: 'Karin Lund', handlaggareEpost: 'karin.lund@kommun.se', ...del
  });
  const tjanst = (rader: IUppdrag[]): IUppdragTjanst => falskUppdragTjanst(rader);

  it('skickar ett mejl per handläggare om vad som saknas, och säger vilka rader som saknar handläggare', async () => {
    const skickat: Array<{ till: string; amne: string; text: string }> = [];
    const utskick = { skicka: async (u: { till: string; amne: string; text: string }) => { skickat.push(u); } };
    const rader = [
      rad(1, { planeratKlart: '2026-10-01' }),
      rad(2, { varIHanteringen: '' }),
      rad(3, { handlaggare: 'Mats Ek', handlaggareEpost: 'mats.ek@kommun.se', senastAndrad: '2026-08-01' }),
      rad(4, { handlaggare: undefined, handlaggareEpost: undefined })
    ];
    render(<PartRoot><StatusbegaranDialog ids={[1, 2, 3, 4]} uppdragTjanst={tjanst(rader)} utskick={utskick} idag="2026-11-27" dagarTillInaktuell={30} onStang={jest.fn()} /></PartRoot>);
    expect(await screen.findByText('Till Karin Lund (karin.lund@kommun.se)')).toBeInTheDocument();
    expect(screen.getByText(/Uppdrag 1: uppdraget är försenat men orsaken saknas/)).toBeInTheDocument();
    expect(await screen.findByText(/Utan handläggare \(kan inte tillfrågas\): Uppdrag 4/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Skicka 2 mejl' }));
    expect(await screen.findByText('Skickat till mats.ek@kommun.se.')).toBeInTheDocument();
    expect(skickat.map((m) => m.till)).toEqual(['karin.lund@kommun.se', 'mats.ek@kommun.se']);
    expect(skickat[0].amne).toBe('Statusuppdatering önskas: 2 uppdrag i ärendebalanslistan');
    expect(skickat[0].text).toContain('– Uppdrag 2 (KS § 2): var i hanteringen saknas');
    expect(skickat[1].text).toContain('inte uppdaterat på länge');
  });

  it('visar vilket mejl som inte gick iväg och skickar bara det igen', async () => {
    let forsok = 0;
    const skickat: string[] = [];
    const utskick = { skicka: async (u: { till: string }) => { if (u.till.startsWith('mats') && forsok++ === 0) throw new DataFel('strypt', 429); skickat.push(u.till); } };
    const rader = [rad(1, {}), rad(3, { handlaggare: 'Mats Ek', handlaggareEpost: 'mats.ek@kommun.se' })];
    render(<PartRoot><StatusbegaranDialog ids={[1, 3]} uppdragTjanst={tjanst(rader)} utskick={utskick} idag="2026-11-27" dagarTillInaktuell={30} onStang={jest.fn()} /></PartRoot>);
    fireEvent.click(await screen.findByRole('button', { name: 'Skicka 2 mejl' }));
    expect(await screen.findByText(/Kunde inte skicka till mats.ek@kommun.se: Microsoft 365 tar emot för många förfrågningar/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByText('Skickat till mats.ek@kommun.se.')).toBeInTheDocument();
    expect(skickat).toEqual(['karin.lund@kommun.se', 'mats.ek@kommun.se']);
  });
});

describe('tjänstestatusbanderollen', () => {
  const satOnline = (online: boolean): void => {
    Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
  };
  afterEach(() => satOnline(true));

  it('syns inte alls när allt fungerar', () => {
    satOnline(true);
    render(<PartRoot><Tjanstestatus sekretess={false} /></PartRoot>);
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('säger till när anslutningen försvinner och försvinner när den är tillbaka', async () => {
    satOnline(true);
    render(<PartRoot><Tjanstestatus sekretess={false} /></PartRoot>);
    act(() => {
      satOnline(false);
      window.dispatchEvent(new Event('offline'));
    });
    expect(screen.getByRole('region', { name: 'Tjänstestatus för Ärendeportalen' })).toBeInTheDocument();
    // MessageBar renders its text a moment later, so screen readers announce it.
    expect(await screen.findByText(/SharePoint går inte att nå just nu/)).toBeInTheDocument();
    act(() => {
      satOnline(true);
      window.dispatchEvent(new Event('online'));
    });
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('visar sekretessnotisen på sidor i sekretessbiblioteket', async () => {
    render(<PartRoot><Tjanstestatus sekretess /></PartRoot>);
    expect(screen.getByRole('region')).toBeInTheDocument();
    expect(await screen.findByText(/Sekretess – får inte spridas/)).toBeInTheDocument();
  });
});
