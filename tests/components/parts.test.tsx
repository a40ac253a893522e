import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { MotesportalApp } from '../../src/webparts/motesportal/components/MotesportalApp';
import { SurfplattorApp } from '../../src/webparts/surfplattor/components/SurfplattorApp';
import { EpostrutinApp } from '../../src/webparts/epostrutin/components/EpostrutinApp';
import { PartRoot } from '../../src/ui/PartRoot';

describe('webbdelarnas startvyer', () => {
  it('Mötesportalen har flikar för kommande, tidigare och anslagstavlan, nåbara med tangentbordet', () => {
    render(<PartRoot><MotesportalApp /></PartRoot>);
    expect(screen.getByRole('heading', { level: 2, name: 'Mötesportal' })).toBeInTheDocument();
    expect(screen.getAllByRole('tab')).toHaveLength(3);
    for (const namn of ['Kommande sammanträden', 'Tidigare sammanträden', 'Anslagstavla']) {
      expect(screen.getByRole('tab', { name: namn })).toBeInTheDocument();
    }
    fireEvent.click(screen.getByRole('tab', { name: 'Anslagstavla' }));
    expect(screen.getByRole('status')).toHaveTextContent('Inga anslag just nu');
  });

  it('Surfplattor säger att registret är tomt', () => {
    render(<PartRoot><SurfplattorApp /></PartRoot>);
    expect(screen.getByRole('status')).toHaveTextContent('Inga surfplattor registrerade');
  });

  it('E-postrutinen varnar när ingen registratorsadress är inställd och visar den annars', async () => {
    const { rerender } = render(<PartRoot><EpostrutinApp registratorAdress="" /></PartRoot>);
    expect(await screen.findByText(/Ingen registratorsadress är inställd/)).toBeInTheDocument();
    rerender(<PartRoot><EpostrutinApp registratorAdress="registrator@kramfors.se" /></PartRoot>);
    expect(screen.getByText('Allmänna handlingar skickas till registrator: registrator@kramfors.se')).toBeInTheDocument();
  });
});

describe('felgränsen', () => {
  it('visar ett svenskt felmeddelande i stället för en tom sida när en del kraschar', async () => {
    const Trasig = (): JSX.Element => { throw new Error('boom'); };
    const spion = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<PartRoot><Trasig /></PartRoot>);
    expect(await screen.findByText(/Ett oväntat fel inträffade/)).toBeInTheDocument();
    spion.mockRestore();
  });
});
