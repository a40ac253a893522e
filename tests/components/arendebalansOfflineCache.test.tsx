/**
 * @jest-environment ./tests/fault/stod/jsdomMedFetch.js
 */
/**
 * The Ärendebalanslista as its web part builds it (skapaArendebalansTjanster on PnPjs with the offline
 * cache) against the emulator over loopback HTTP; then the emulator stops, as when SharePoint is
 * unreachable. The last view opens with its time, and nothing that writes is offered.
 */
import * as React from 'react';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import { Emulator } from '../../emulator/core';
import { forstaMedRoll } from '../../emulator/demo/anvandare';
import { skapaMinneslager } from '../../src/data/cache';
import { skapaSp } from '../../src/data/pnp';
import { PartRoot } from '../../src/ui/PartRoot';
import { ArendebalansApp } from '../../src/webparts/arendebalans/components/ArendebalansApp';
import { skapaArendebalansTjanster } from '../../src/webparts/arendebalans/tjanster';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';

jest.setTimeout(60_000);
const LANGE = { timeout: 15_000 };

let miljo: IEmulatorMiljo;
let nere = false;
beforeAll(async () => {
  miljo = await startaEmulator({}, true);
});
afterAll(async () => {
  if (!nere) await miljo.stang();
});

const konto = forstaMedRoll('handlaggare')!;
const lager = skapaMinneslager();
const sp = (): SPFI => skapaSp(
  { webbUrl: miljo.webbplats, offlineCache: { inloggning: konto.loginName, lager, klocka: () => new Date('2026-11-27T07:45:00.000Z') } },
  SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(konto.email) }));
const visa = (): ReturnType<typeof render> => render(
  <PartRoot><ArendebalansApp {...skapaArendebalansTjanster(sp(), '/sites/arendeportalen')} idag="2026-11-27" dagarTillInaktuell={30} /></PartRoot>);

it('visar den senast hämtade listan med när den hämtades, och erbjuder inga ändringar', async () => {
  visa();
  await screen.findByText('36 av 36 uppdrag', {}, LANGE);
  await screen.findByRole('menuitem', { name: 'Importera från Excel' }, LANGE);
  cleanup();

  await miljo.stang();
  nere = true;
  visa();
  expect(await screen.findByText('Visar sparad vy från 2026-11-27 08:45. SharePoint kan inte nås just nu.', {}, LANGE)).toBeInTheDocument();
  expect(await screen.findByText('36 av 36 uppdrag', {}, LANGE)).toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Importera från Excel' })).toHaveAttribute('aria-disabled', 'true'), LANGE);
  expect(screen.getByText('Ändringar kan inte göras nu: vyn är sparad från 2026-11-27 08:45 och SharePoint kan inte nås.')).toBeInTheDocument();
});
