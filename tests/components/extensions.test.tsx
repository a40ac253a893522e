import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { StatusCell } from '../../src/extensions/uppdragStatus/components/StatusCell';
import { StatusbegaranDialog } from '../../src/extensions/uppdragCommands/components/StatusbegaranDialog';
import { IUppdrag } from '../../src/domain/uppdrag';
import { IUppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { falskUppdragTjanst } from '../support/testdata';
import { DataFel } from '../../src/data/fel';
import { Tjanstestatus } from '../../src/extensions/tjanstestatus/components/Tjanstestatus';
import { FRAN_CACHE, ICacheHandelse, ONLINE } from '../../src/data/cache';
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

  const franCache = (hamtad: string, url = 'https://kommun.sharepoint.com/sites/moten/_api/web/lists'): void => {
    act(() => {
      window.dispatchEvent(new CustomEvent<ICacheHandelse>(FRAN_CACHE, { detail: { hamtad, url } }));
    });
  };

  it('säger när de sparade uppgifterna hämtades så länge delar visas från cachen, och försvinner när SharePoint svarar', async () => {
    render(<PartRoot><Tjanstestatus sekretess={false} /></PartRoot>);
    expect(screen.queryByRole('region')).toBeNull();
    franCache('2026-11-27T07:45:00.000Z');
    const region = screen.getByRole('region', { name: 'Tjänstestatus för Ärendeportalen' });
    // 07:45 UTC is 08:45 in Stockholm in November.
    const text = 'Visar sparade uppgifter från 27 november 2026 kl. 08:45 – SharePoint kan inte nås just nu.';
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(text);
    expect(region).toContainElement(screen.getByRole('status'));
    // The browser's own online event says nothing about SharePoint: the banner stays.
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(screen.getByText(text)).toBeInTheDocument();
    act(() => {
      window.dispatchEvent(new CustomEvent(ONLINE));
    });
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('visar den äldsta tidpunkten när flera delar visas från cachen, i stället för den allmänna offlinetexten', async () => {
    satOnline(false);
    render(<PartRoot><Tjanstestatus sekretess /></PartRoot>);
    franCache('2026-11-27T12:10:00.000Z');
    franCache('2026-06-15T06:05:00.000Z');
    franCache('2026-11-27T13:00:00.000Z');
    // 06:05 UTC is 08:05 in Stockholm in summer.
    expect(await screen.findByText(/Visar sparade uppgifter från 15 juni 2026 kl. 08:05 –/)).toBeInTheDocument();
    expect(screen.queryByText(/Det du ser är senast hämtade uppgifter/)).toBeNull();
    expect(await screen.findByText(/Sekretess – får inte spridas/)).toBeInTheDocument();
  });

  it('bryr sig inte om en händelse med samma namn men utan tidpunkt', () => {
    render(<PartRoot><Tjanstestatus sekretess={false} /></PartRoot>);
    act(() => {
      window.dispatchEvent(new CustomEvent(FRAN_CACHE, { detail: { url: 'x' } }));
    });
    expect(screen.queryByRole('region')).toBeNull();
  });
});
