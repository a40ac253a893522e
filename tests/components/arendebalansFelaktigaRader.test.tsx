/**
 * Malformed rows in the Ärendebalanslista (issue 8: "the bad rows are pointed out"): a row with
 * fields that are missing or cannot be read is shown like the others, flagged in the list and in its
 * detail with the reason in words; a row whose status cannot be read is explained as such, never as
 * something that "could not be saved".
 */
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { DataFel } from '../../src/data/fel';
import { IRadBrist, IUppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { IUppdrag } from '../../src/domain/uppdrag';
import { IRedovisningTjanst } from '../../src/data/redovisning/RedovisningTjanst';
import { PartRoot } from '../../src/ui/PartRoot';
import { ArendebalansApp } from '../../src/webparts/arendebalans/components/ArendebalansApp';
import { UppdragDetalj } from '../../src/webparts/arendebalans/components/detalj/UppdragDetalj';
import { UppdragVy } from '../../src/webparts/arendebalans/components/lista';
import { ettUppdrag, falskUppdragTjanst } from '../support/testdata';

const IDAG = '2026-11-27';
const redovisning = new Proxy({}, { get: () => () => { throw new Error('Redovisningstjänsten ska inte anropas här'); } }) as IRedovisningTjanst;

const hel = ettUppdrag({ id: 1, rubrik: 'Utred ny simhall' });
const trasig = ettUppdrag({ id: 2, rubrik: 'Bygg ut förskolan', beslutsinstans: 'KF2', planeratKlart: undefined });
const utanRubrik = ettUppdrag({ id: 3, rubrik: '' });
const BRISTER: Record<number, IRadBrist[]> = {
  2: [{ falt: 'beslutsinstans', orsak: 'okantVal' }, { falt: 'planeratKlart', orsak: 'ogiltigtDatum' }],
  3: [{ falt: 'rubrik', orsak: 'felTyp' }, { falt: 'forvaltning', orsak: 'saknas' }]
};

function tjanst(rader: IUppdrag[], andra: Partial<IUppdragTjanst> = {}): IUppdragTjanst {
  const rad = (u: IUppdrag) => ({ uppdrag: u, etag: '"1"', ...(BRISTER[u.id] ? { brister: BRISTER[u.id] } : {}) });
  return falskUppdragTjanst(rader, {
    hamtaAlla: async () => ({ rader: rader.map(rad), felaktiga: [] }),
    hamta: async (id) => rad(rader.find((u) => u.id === id)!),
    ...andra
  });
}

/** The grid row that holds a text. */
const radMed = (text: string): HTMLElement =>
  Array.from(document.querySelectorAll<HTMLElement>('[role="row"]')).find((r) => r.textContent?.includes(text))!;

describe('felaktiga rader i listan', () => {
  it('visar raden som de andra och pekar ut vad som är fel, med ord i radens egen cell', () => {
    const brister = new Map(Object.entries(BRISTER).map(([id, b]) => [Number(id), b]));
    render(<PartRoot><UppdragVy uppdrag={[hel, trasig, utanRubrik]} idag={IDAG} dagarTillInaktuell={30} onOppna={jest.fn()} brister={brister} /></PartRoot>);
    expect(screen.getByText('3 av 3 uppdrag')).toBeInTheDocument();
    const rad = radMed('Bygg ut förskolan');
    expect(rad).toHaveTextContent('Felaktig rad:Beslutsinstans är inte ett av listans val; Planerat klart är inte ett giltigt datum');
    // In the row header cell, so a screen reader reads the flag together with the row's title.
    expect(within(rad).getByRole('rowheader')).toHaveTextContent('Felaktig rad:');
    expect(radMed('Utred ny simhall')).not.toHaveTextContent('Felaktig rad');
  });

  it('ger en rad utan rubrik en länk som går att klicka på, och säger att rubriken inte kan läsas', () => {
    const brister = new Map([[3, BRISTER[3]]]);
    const onOppna = jest.fn();
    render(<PartRoot><UppdragVy uppdrag={[utanRubrik]} idag={IDAG} dagarTillInaktuell={30} onOppna={onOppna} brister={brister} /></PartRoot>);
    screen.getByRole('button', { name: '(uppdrag nr 3, utan rubrik)' }).click();
    expect(onOppna).toHaveBeenCalledWith(3);
    expect(radMed('(uppdrag nr 3')).toHaveTextContent('Rubrik har ett värde som inte kan läsas; Ansvarig förvaltning saknas');
  });

  it('säger överst hur många rader som är markerade, utan att dölja någon', async () => {
    render(<PartRoot><ArendebalansApp redovisningTjanst={redovisning} tjanst={tjanst([hel, trasig, utanRubrik])} idag={IDAG} dagarTillInaktuell={30} /></PartRoot>);
    expect(await screen.findByText(/^2 uppdrag i listan har uppgifter som saknas eller inte kan läsas/)).toBeInTheDocument();
    expect(screen.getByText('3 av 3 uppdrag')).toBeInTheDocument();
    expect(screen.getAllByText('Felaktig rad:')).toHaveLength(2);
  });

  it('säger "ingen status" för en rad vars status inte är text, aldrig [object Object]', async () => {
    const medFelaktig = falskUppdragTjanst([hel], {
      hamtaAlla: async () => ({ rader: [{ uppdrag: hel, etag: '"1"' }], felaktiga: [{ id: 7, rubrik: '', problem: '' }] })
    });
    render(<PartRoot><ArendebalansApp redovisningTjanst={redovisning} tjanst={medFelaktig} idag={IDAG} dagarTillInaktuell={30} /></PartRoot>);
    expect(await screen.findByText(/^1 rader i listan har en status som inte är ett av listans val/)).toHaveTextContent('#7 (ingen status)');
  });
});

describe('en felaktig rads detalj', () => {
  const visa = (t: IUppdragTjanst, id: number): void => {
    render(
      <PartRoot>
        <UppdragDetalj tjanst={t} id={id} idag={IDAG} dagarTillInaktuell={30} kanRedigera={false} onStang={jest.fn()} onSparat={jest.fn()} />
      </PartRoot>
    );
  };

  it('listar vad som är fel överst, och visar resten', async () => {
    visa(tjanst([trasig]), 2);
    const besked = await screen.findByText(/Uppdraget är felaktigt sparat i listan Uppdrag/);
    const punkter = within(besked.closest('.ms-MessageBar') as HTMLElement).getAllByRole('listitem').map((li) => li.textContent);
    expect(punkter).toEqual(['Beslutsinstans är inte ett av listans val', 'Planerat klart är inte ett giltigt datum']);
    expect(screen.getByText('§ 54')).toBeInTheDocument();
  });

  it('visar inget sådant besked för en hel rad', async () => {
    visa(tjanst([hel]), 1);
    expect(await screen.findByText('§ 54')).toBeInTheDocument();
    expect(screen.queryByText(/felaktigt sparat/)).toBeNull();
  });

  it('säger att en rad med okänd status inte kan visas, och inte att något "kunde inte sparas"', async () => {
    visa(tjanst([], { hamta: async () => { throw new DataFel('olasbar'); } }), 9);
    expect(await screen.findByText(/Uppdraget kan inte visas eftersom dess status i listan Uppdrag inte är ett av listans val/)).toBeInTheDocument();
    expect(screen.queryByText(/kunde inte sparas/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Försök igen' })).toBeInTheDocument();
  });
});
