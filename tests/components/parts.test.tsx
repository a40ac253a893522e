import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { MotesportalApp } from '../../src/webparts/motesportal/components/MotesportalApp';
import { SurfplattorApp } from '../../src/webparts/surfplattor/components/SurfplattorApp';
import { EpostrutinApp } from '../../src/webparts/epostrutin/components/EpostrutinApp';
import { PartRoot } from '../../src/ui/PartRoot';
import { IAnslagTjanst, IJusteringTjanst, IMotesTjanst } from '../../src/data/moten/typer';
import { IEpostrutinTjanst } from '../../src/data/epost/typer';
import { ISurfplatta } from '../../src/data/surfplattor/typer';
import { incidentFake, lan, mandatFake, minFake, platta as surfplatta, registerFake } from './surfplattorFakes';

const moten: IMotesTjanst = {
  hamtaSammantraden: async () => ({
    kommande: [{ id: 1, rubrik: 'KS', organ: 'Kommunstyrelsen', datum: '2026-12-07', start: '2026-12-07T12:00:00Z', plats: 'Sessionssalen', status: 'Kallat' }],
    tidigare: []
  }),
  hamtaOrgan: async () => [],
  hamtaMote: () => new Promise(() => undefined),
  hamtaFil: async () => new ArrayBuffer(0),
  behorighet: async () => ({ kanRedigera: false, kanLasaSekretess: false })
};
// The start view reads no protokoll and approves nothing: every call would be a mistake.
const justering: IJusteringTjanst = {
  aktuellPerson: () => Promise.reject(new Error('oväntat')),
  sokPersoner: () => Promise.reject(new Error('oväntat')),
  hamtaProtokoll: () => Promise.reject(new Error('oväntat')),
  laddaUppUtkast: () => Promise.reject(new Error('oväntat')),
  skickaTillJustering: () => Promise.reject(new Error('oväntat')),
  godkann: () => Promise.reject(new Error('oväntat')),
  tillkannageJusterade: () => Promise.reject(new Error('oväntat'))
};
const anslag: IAnslagTjanst = { hamtaAktuella: async () => [] };
// The mailbox never answers and nothing is handled here: these tests are about the registrar address only.
const aldrig = (): Promise<never> => new Promise(() => undefined);
const ovantat = (): Promise<never> => Promise.reject(new Error('oväntat'));
const brevlada: IEpostrutinTjanst = {
  hamtaMappar: aldrig, hamtaMeddelanden: aldrig, hamtaAvbrutna: aldrig, hamtaPaminnelse: aldrig,
  hantera: ovantat, slutforAvbrutna: ovantat, hamtaLogg: ovantat, stallInPaminnelse: ovantat
};
/** The tablet register as kommunservice (who may manage it) or a borrower sees it; its flows are in surfplattor.test.tsx. */
const surfplattor = (lista: ISurfplatta[], kommunservice = true): JSX.Element => (
  <SurfplattorApp register={registerFake({ hamtaRegister: async () => lista, kanHantera: async () => kommunservice })}
    minSurfplatta={minFake({ hamtaMinaLan: async () => [lan(1)] })} incidenter={incidentFake()} mandat={mandatFake()} idag="2026-11-27" paminnelseDagar={60} />
);

describe('webbdelarnas startvyer', () => {
  it('Mötesportalen visar kommande sammanträden och har flikar för tidigare och anslagstavlan', async () => {
    render(<PartRoot><MotesportalApp tjanst={moten} justering={justering} anslag={anslag} idag="2026-11-27" /></PartRoot>);
    expect(screen.getByRole('heading', { level: 2, name: 'Mötesportal' })).toBeInTheDocument();
    expect(await screen.findByText('Kommunstyrelsen')).toBeInTheDocument();
    expect(screen.getByText('2026-12-07 13:00')).toBeInTheDocument();
    expect(screen.getAllByRole('tab')).toHaveLength(3);
    for (const namn of ['Kommande sammanträden', 'Tidigare sammanträden', 'Anslagstavla']) {
      expect(screen.getByRole('tab', { name: namn })).toBeInTheDocument();
    }
    fireEvent.click(screen.getByRole('tab', { name: 'Anslagstavla' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Inga anslag just nu');
  });

  it('Surfplattor säger att registret är tomt och har flikar för kommunservice', async () => {
    render(<PartRoot>{surfplattor([])}</PartRoot>);
    expect(await screen.findByText('Inga surfplattor registrerade')).toBeInTheDocument();
    expect(screen.getAllByRole('tab')).toHaveLength(5);
    for (const namn of ['Register', 'Lån', 'Händelser', 'Mandatslut', 'Min surfplatta']) {
      expect(screen.getByRole('tab', { name: namn })).toBeInTheDocument();
    }
  });

  it('Surfplattor filtrerar registret på sökord', async () => {
    render(<PartRoot>{surfplattor([surfplatta(1, 'Utlånad'), surfplatta(2, 'I lager'), surfplatta(3, 'Stulen')])}</PartRoot>);
    expect(await screen.findByText('3 av 3 surfplattor')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'KS-1002' } });
    expect(screen.getByText('1 av 3 surfplattor')).toBeInTheDocument();
    expect(screen.getByText('KS-1002')).toBeInTheDocument();
    expect(screen.queryByText('KS-1001')).toBeNull();
  });

  it('Surfplattor visar Min surfplatta, utan registret, för den som inte hanterar det', async () => {
    render(<PartRoot>{surfplattor([surfplatta(1, 'Utlånad')], false)}</PartRoot>);
    expect(await screen.findByRole('heading', { level: 2, name: 'Min surfplatta' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Surfplatta KS-1001' })).toBeInTheDocument();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.queryByText('DMPX0001')).toBeNull();
  });

  it('E-postrutinen varnar när ingen registratorsadress är inställd och visar den annars', async () => {
    const { rerender } = render(<PartRoot><EpostrutinApp registratorAdress="" tjanst={brevlada} idag="2026-11-27" /></PartRoot>);
    expect(screen.getByRole('heading', { level: 2, name: 'E-postrutin' })).toBeInTheDocument();
    expect(await screen.findByText(/Ingen registratorsadress är inställd, så det går inte att diarieföra/)).toBeInTheDocument();
    rerender(<PartRoot><EpostrutinApp registratorAdress="registrator@kramfors.se" tjanst={brevlada} idag="2026-11-27" /></PartRoot>);
    expect(screen.getByText('Allmänna handlingar skickas till registrator: registrator@kramfors.se')).toBeInTheDocument();
    expect(screen.queryByText(/Ingen registratorsadress är inställd/)).toBeNull();
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
