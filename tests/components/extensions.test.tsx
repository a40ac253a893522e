import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { StatusCell } from '../../src/extensions/uppdragStatus/components/StatusCell';
import { KommandoDialog } from '../../src/extensions/uppdragCommands/components/KommandoDialog';
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
  it('visar högst tio markerade uppdrag och säger hur många till som ingår', () => {
    const onStang = jest.fn();
    const rubriker = Array.from({ length: 12 }, (_, i) => `Uppdrag ${i + 1}`);
    render(<PartRoot><KommandoDialog kommando="BEGAR_STATUSUPPDATERING" rubriker={rubriker} onStang={onStang} /></PartRoot>);
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Begär statusuppdatering');
    expect(dialog).toHaveTextContent('de 12 markerade uppdragen');
    expect(screen.getByText('Uppdrag 10')).toBeInTheDocument();
    expect(screen.queryByText('Uppdrag 11')).toBeNull();
    expect(screen.getByText('och 2 till')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Stäng' }));
    expect(onStang).toHaveBeenCalledTimes(1);
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
