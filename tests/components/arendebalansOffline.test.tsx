/**
 * The Ärendebalanslista when SharePoint cannot be reached (issue 8): the offline cache
 * (src/data/cache) answers with the last view and announces it; the part says so with the time
 * and offers nothing that writes until SharePoint answers again.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FRAN_CACHE, ICacheHandelse, ONLINE } from '../../src/data/cache';
import { IRedovisningTjanst } from '../../src/data/redovisning/RedovisningTjanst';
import { PartRoot } from '../../src/ui/PartRoot';
import { ArendebalansApp } from '../../src/webparts/arendebalans/components/ArendebalansApp';
import { ettUppdrag, falskUppdragTjanst } from '../support/testdata';

const redovisning = new Proxy({}, { get: () => () => { throw new Error('Redovisningstjänsten ska inte anropas här'); } }) as IRedovisningTjanst;
const BANNER = 'Visar sparad vy från 2026-11-27 08:45. SharePoint kan inte nås just nu.';
const SKRIVSKYDD = 'Ändringar kan inte göras nu: vyn är sparad från 2026-11-27 08:45 och SharePoint kan inte nås.';

const franCache = (): void => act(() => {
  window.dispatchEvent(new CustomEvent<ICacheHandelse>(FRAN_CACHE, { detail: { hamtad: '2026-11-27T07:45:00.000Z', url: 'https://exempel/_api/web/lists' } }));
});
const online = (): void => act(() => {
  window.dispatchEvent(new CustomEvent(ONLINE));
});

const u = ettUppdrag({ id: 12, rubrik: 'Laddinfrastruktur för elbilar', diarienummer: 'KS 2025/77' });
const handlaggarensTjanst = () => falskUppdragTjanst([u], { kanRedigera: async () => true });

const avstangd = (e: HTMLElement): boolean => (e as HTMLButtonElement).disabled || e.getAttribute('aria-disabled') === 'true';

describe('Ärendebalanslistan från den sparade vyn', () => {
  it('säger när vyn hämtades och stänger av handläggarens verktyg tills SharePoint svarar igen', async () => {
    render(<PartRoot><ArendebalansApp redovisningTjanst={redovisning} tjanst={handlaggarensTjanst()} idag="2026-11-27" dagarTillInaktuell={30} /></PartRoot>);
    const importera = await screen.findByRole('menuitem', { name: 'Importera från Excel' });
    expect(avstangd(importera)).toBe(false);
    expect(screen.queryByText(BANNER)).toBeNull();

    franCache();
    // A MessageBar writes its text a moment after it appears (so screen readers announce it).
    expect(await screen.findByText(BANNER)).toBeInTheDocument();
    // Fluent's CommandBar measures itself again after a change and redraws a moment later.
    await waitFor(() => {
      for (const namn of ['Redovisning till KF', 'Importera från Excel', 'Från protokoll']) {
        expect([namn, avstangd(screen.getByRole('menuitem', { name: namn }))]).toEqual([namn, true]);
      }
    });
    // Said in words too, not only by greyed-out buttons.
    expect(screen.getByText(SKRIVSKYDD)).toBeInTheDocument();
    // The list itself is still there to read.
    expect(screen.getByText('Laddinfrastruktur för elbilar')).toBeInTheDocument();

    online();
    expect(screen.queryByText(BANNER)).toBeNull();
    await waitFor(() => expect(avstangd(screen.getByRole('menuitem', { name: 'Importera från Excel' }))).toBe(false));
  });

  it('låter inte handläggaren börja redigera ett uppdrag i den sparade vyn, och säger varför', async () => {
    render(<PartRoot><ArendebalansApp redovisningTjanst={redovisning} tjanst={handlaggarensTjanst()} idag="2026-11-27" dagarTillInaktuell={30} oppnaId={12} /></PartRoot>);
    expect(await screen.findByText('KS 2025/77')).toBeInTheDocument();
    franCache();
    const redigera = screen.getByRole('button', { name: 'Redigera' });
    expect(redigera).toBeDisabled();
    fireEvent.click(redigera);
    expect(screen.queryByRole('button', { name: 'Spara' })).toBeNull();
    const panel = document.querySelector<HTMLElement>('.ms-Panel-main')!;
    expect(within(panel).getByText(SKRIVSKYDD)).toBeInTheDocument();
    online();
    expect(screen.getByRole('button', { name: 'Redigera' })).toBeEnabled();
    expect(screen.queryByText(SKRIVSKYDD)).toBeNull();
  });

  it('säger inget om skrivskydd för den som inte får redigera', async () => {
    render(<PartRoot><ArendebalansApp redovisningTjanst={redovisning} tjanst={falskUppdragTjanst([u])} idag="2026-11-27" dagarTillInaktuell={30} oppnaId={12} /></PartRoot>);
    expect(await screen.findByText('KS 2025/77')).toBeInTheDocument();
    franCache();
    expect(await screen.findByText(BANNER)).toBeInTheDocument();
    expect(screen.queryByText(SKRIVSKYDD)).toBeNull();
    online();
  });
});
