import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { ArendebalansApp } from '../../src/webparts/arendebalans/components/ArendebalansApp';
import { IUppdrag } from '../../src/domain/uppdrag';
import { PartRoot } from '../../src/ui/PartRoot';

const uppdrag = (del: Partial<IUppdrag>): IUppdrag => ({
  id: 1,
  rubrik: 'Utred kontinuerligt uppdaterade ärendebalanslistor',
  beslutsinstans: 'KS',
  beslutsdatum: '2020-04-20',
  paragraf: '§ 54',
  forvaltning: 'Kommunledningskontoret',
  status: 'Pagar',
  planeratKlart: '2025-06-30',
  senastAndrad: '2025-06-20',
  ...del
});

describe('Ärendebalanslistan', () => {
  it('har en rubrik och säger rakt ut när det inte finns några uppdrag', () => {
    render(<PartRoot><ArendebalansApp uppdrag={[]} idag="2025-07-01" dagarTillInaktuell={30} /></PartRoot>);
    expect(screen.getByRole('heading', { level: 2, name: 'Ärendebalanslista' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Inga uppdrag att visa');
  });

  it('markerar ett försenat uppdrag med ord, inte bara färg, och lämnar ett verkställt ifred', () => {
    render(
      <PartRoot>
        <ArendebalansApp
          idag="2025-07-05"
          dagarTillInaktuell={30}
          uppdrag={[
            uppdrag({ id: 1, rubrik: 'Ta fram handlingsplan för verkställighet' }),
            uppdrag({ id: 2, rubrik: 'Inför digital justering', status: 'Verkstallt' })
          ]}
        />
      </PartRoot>
    );
    const grid = screen.getByRole('grid', { name: 'Uppdrag i ärendebalanslistan' });
    const rader = within(grid).getAllByRole('row');
    const sen = rader.find((r) => r.textContent?.includes('handlingsplan'))!;
    expect(sen).toHaveTextContent('Försenat');
    expect(sen).toHaveTextContent('Försenat 5 dagar');
    const klar = rader.find((r) => r.textContent?.includes('digital justering'))!;
    expect(klar).toHaveTextContent('Verkställt');
    expect(klar).not.toHaveTextContent('Försenat');
  });

  it('pekar ut uppdrag som ingen uppdaterat på länge', () => {
    render(
      <PartRoot>
        <ArendebalansApp idag="2025-07-05" dagarTillInaktuell={14} uppdrag={[uppdrag({ planeratKlart: '2026-01-01', senastAndrad: '2025-06-01' })]} />
      </PartRoot>
    );
    expect(screen.getByText(/Ej uppdaterat på 14 dagar/)).toBeInTheDocument();
  });
});
