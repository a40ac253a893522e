/**
 * @jest-environment ./tests/fault/stod/jsdomMedFetch.js
 */
/**
 * Fault injection 3 (issue 8): SharePoint goes away. The parts are rendered in jsdom against the
 * emulator over loopback HTTP, each built as its web part builds it (the Mötesportal with the offline
 * cache, the others without), then the emulator's server is stopped: every request is refused at the
 * socket, as when the network or SharePoint is down. What a reader notices: the Mötesportal shows the
 * last view it read, saying when that was; no write goes anywhere, and every part says so in Swedish.
 */
import '../support/setupComponents';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import { Emulator } from '../../emulator/core';
import { forstaMedRoll } from '../../emulator/demo/anvandare';
import { skapaMinneslager } from '../../src/data/cache';
import { DataFel } from '../../src/data/fel';
import { AnslagTjanst } from '../../src/data/moten/AnslagTjanst';
import { JusteringTjanst } from '../../src/data/moten/JusteringTjanst';
import { MotesTjanst } from '../../src/data/moten/MotesTjanst';
import { skapaSp } from '../../src/data/pnp';
import { IIncidentTjanst, IKvittensTexter, IMandatTjanst } from '../../src/data/surfplattor/typer';
import { MinSurfplattaTjanst } from '../../src/data/surfplattor/MinSurfplattaTjanst';
import { RegisterTjanst } from '../../src/data/surfplattor/RegisterTjanst';
import { UppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { Roll } from '../../src/domain/roller';
import { felText } from '../../src/ui/felText';
import { PartRoot } from '../../src/ui/PartRoot';
import { IBesokslager } from '../../src/webparts/motesportal/components/besok';
import { MotesportalApp } from '../../src/webparts/motesportal/components/MotesportalApp';
import { SurfplattorApp } from '../../src/webparts/surfplattor/components/SurfplattorApp';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';
import { figurer } from './stod/siffror';

jest.setTimeout(90_000);

const SITE = '/sites/arendeportalen';
const IDAG = '2026-11-27';
/** When the Mötesportal last read SharePoint (the cache's clock): 08:45 in Sweden. */
const HAMTAD = new Date('2026-11-27T07:45:00.000Z');
const HAMTAD_TEXT = '2026-11-27 08:45';
const NATVERKSTEXT = 'Det gick inte att nå Microsoft 365. Kontrollera nätverksanslutningen och försök igen.';
const LANGE = { timeout: 15_000 };

const siffror = figurer('offline', 'SharePoint går inte att nå');

let miljo: IEmulatorMiljo;
let nere = false;
beforeAll(async () => {
  miljo = await startaEmulator({}, true);
});
afterAll(async () => {
  if (!nere) await miljo.stang();
});

const konto = (roll: Roll) => forstaMedRoll(roll)!;
const cookie = (roll: Roll) => InjectHeaders({ Cookie: Emulator.cookie(konto(roll).email) });
/** As each web part builds its root: the Mötesportal with the offline cache, the others without. */
const spUtanCache = (roll: Roll): SPFI => skapaSp(miljo.webbplats, SPBrowser(), cookie(roll));
const cachelager = skapaMinneslager();
const spMotesportal = (roll: Roll): SPFI => skapaSp(
  { webbUrl: miljo.webbplats, offlineCache: { inloggning: konto(roll).loginName, lager: cachelager, klocka: () => HAMTAD } }, SPBrowser(), cookie(roll));

const besok: IBesokslager = { hamta: () => undefined, spara: () => undefined };

function visaMotesportal(sp: SPFI): ReturnType<typeof render> {
  const tjanst = new MotesTjanst(sp, SITE);
  return render(
    <PartRoot>
      <MotesportalApp tjanst={tjanst} redigering={tjanst} justering={new JusteringTjanst(sp, SITE)} anslag={new AnslagTjanst(sp, SITE)}
        idag={IDAG} besok={besok} motespaket={jest.fn()} nu={() => new Date('2026-11-27T13:00:00Z')} />
    </PartRoot>
  );
}

/**
 * Elements by role and name through CSS selectors: Testing Library's role queries compute every
 * element's role and name, which on a year of meetings in jsdom takes seconds per query.
 */
function element(roll: string, namn: string | RegExp, alla = false): HTMLElement[] {
  const traffar = Array.from(document.querySelectorAll<HTMLElement>(`[role="${roll}"], ${roll === 'button' ? 'button' : roll}`))
    .filter((e) => {
      // Icon fonts render their glyphs as private-use characters, which are no part of a name.
      const text = (e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/[\uE000-\uF8FF]/g, '').trim();
      return typeof namn === 'string' ? text === namn : namn.test(text);
    });
  return alla ? traffar : traffar.slice(0, 1);
}

async function hitta(roll: string, namn: string | RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const [e] = element(roll, namn);
    if (!e) throw new Error(`Inget ${roll} "${String(namn)}"`);
    return e;
  }, LANGE);
}

/** The rows of the grid named `namn`, as text. */
async function rader(namn: string): Promise<string[]> {
  const grid = await hitta('grid', namn);
  return Array.from(grid.querySelectorAll('[role="row"]')).slice(1).map((r) => r.textContent ?? '');
}

/** Opens a meeting of the past tab and returns what its agenda section shows. */
async function oppnaTidigare(knapp: string): Promise<string> {
  fireEvent.click(await hitta('tab', 'Tidigare sammanträden'));
  fireEvent.click(await hitta('button', knapp));
  const region = await waitFor(() => {
    const r = document.querySelector<HTMLElement>('[aria-label="Dagordning och handlingar"], [aria-labelledby]');
    const rubrik = Array.from(document.querySelectorAll<HTMLElement>('section, [role="region"]'))
      .find((e) => (e.getAttribute('aria-label') ?? document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.textContent) === 'Dagordning och handlingar');
    if (!rubrik) throw new Error(`Ingen dagordning ${r ? '' : 'alls'}`);
    return rubrik;
  }, LANGE);
  // The documents arrive after the meeting itself.
  await waitFor(() => expect(region.textContent).toMatch(/Kallelse/), LANGE);
  return region.textContent ?? '';
}

interface IOnline {
  kommande: string[];
  tidigare: string[];
  knapp: string;
  mote: string;
  anslag: string;
}
let online: IOnline;

describe('när SharePoint inte går att nå', () => {
  it('har Mötesportalen läst allt medan SharePoint svarade', async () => {
    const { unmount } = visaMotesportal(spMotesportal('namndsekreterare'));
    const kommande = await rader('Kommande sammanträden');
    expect(await hitta('menuitem', 'Nytt sammanträde')).not.toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(await hitta('tab', 'Tidigare sammanträden'));
    const tidigare = await rader('Tidigare sammanträden');
    const knapp = (await hitta('button', /^Kommunstyrelsen \d{4}-\d{2}-\d{2}$/)).getAttribute('aria-label')!;
    const mote = await oppnaTidigare(knapp);
    fireEvent.click(await hitta('button', 'Stäng'));
    fireEvent.click(await hitta('tab', 'Anslagstavla'));
    const panel = await hitta('tabpanel', /./);
    await waitFor(() => expect(panel.textContent).toMatch(/anslag|Anslag/), LANGE);
    online = { kommande, tidigare, knapp, mote, anslag: panel.textContent ?? '' };
    expect(kommande.length).toBeGreaterThan(0);
    expect(screen.queryByText(/Visar sparad vy/)).toBeNull();
    unmount();
  });

  it('visar Mötesportalen den senaste vyn, med när den hämtades, och stänger av ändringar', async () => {
    await miljo.stang();
    nere = true;
    visaMotesportal(spMotesportal('namndsekreterare'));
    expect(await screen.findByText(`Visar sparad vy från ${HAMTAD_TEXT}. SharePoint kan inte nås just nu.`, {}, LANGE)).toBeInTheDocument();
    expect(await rader('Kommande sammanträden')).toEqual(online.kommande);
    expect(await hitta('menuitem', 'Nytt sammanträde')).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(await hitta('tab', 'Tidigare sammanträden'));
    expect(await rader('Tidigare sammanträden')).toEqual(online.tidigare);
    const mote = await oppnaTidigare(online.knapp);
    const skal = `Ändringar kan inte göras nu: vyn är sparad från ${HAMTAD_TEXT} och SharePoint kan inte nås.`;
    // The same meeting, documents and decisions; where a write would be offered, the reason it is not.
    expect(mote.split(skal).join('')).toBe(online.mote);
    expect((await screen.findAllByText(skal, {}, LANGE)).length).toBeGreaterThan(0);
    const skrivknappar = element('button', /^(Publicera|Avpublicera|Ladda upp|Registrera beslut|Lägg till)/, true);
    expect(skrivknappar.filter((k) => !(k as HTMLButtonElement).disabled && k.getAttribute('aria-disabled') !== 'true').map((k) => k.textContent)).toEqual([]);
    fireEvent.click(await hitta('button', 'Stäng'));
    fireEvent.click(await hitta('tab', 'Anslagstavla'));
    const panel = await hitta('tabpanel', /./);
    await waitFor(() => expect(panel.textContent).toBe(online.anslag), LANGE);
    siffror.satt('Mötesportalens vyer visade från cachen (kommande, tidigare, möte, anslagstavla)', 4, { krav: '= 4' });
    siffror.satt('Skrivknappar avstängda i den sparade vyn', skrivknappar.length);
    siffror.satt('Tid som visas för den sparade vyn', HAMTAD_TEXT, { krav: 'när den hämtades' });
  });

  // The Ärendebalanslista shows its last view from the cache too: tests/components/arendebalansOfflineCache.test.tsx.
  it('säger Surfplattor, som inte sparar lånen på enheten, på svenska att SharePoint inte går att nå, med en knapp för att försöka igen', async () => {
    const sp = spUtanCache('kommunservice');
    const ingenting = new Proxy({}, { get: () => async () => [] });
    render(
      <PartRoot>
        <SurfplattorApp register={new RegisterTjanst(sp, SITE, { kvittensTexter: {} as IKvittensTexter })}
          minSurfplatta={new MinSurfplattaTjanst(sp, SITE, { kvittensTexter: {} as IKvittensTexter })}
          incidenter={ingenting as IIncidentTjanst} mandat={ingenting as IMandatTjanst} idag={IDAG} paminnelseDagar={60} />
      </PartRoot>);
    expect(await screen.findByText(NATVERKSTEXT, {}, LANGE)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Försök igen' })).toBeInTheDocument();
    siffror.satt('Delar som visar senaste vyn offline', '2 av 3', { krav: 'Mötesportalen, Ärendebalanslistan' });
    siffror.satt('Delar som i stället säger att SharePoint inte nås (Surfplattor: personuppgifter sparas inte på enheten)', 1);
  });

  it('går ingen skrivning iväg, och var och en nekas med den svenska texten om nätverket', async () => {
    const sekreterare = new MotesTjanst(spMotesportal('namndsekreterare'), SITE);
    const uppdrag = new UppdragTjanst(spMotesportal('handlaggare'), SITE);
    const register = new RegisterTjanst(spUtanCache('kommunservice'), SITE, { kvittensTexter: {} as IKvittensTexter });
    const fore = miljo.emulator.statistik.forfragningar;
    const skrivningar: Array<[string, () => Promise<unknown>]> = [
      ['Nytt sammanträde', () => sekreterare.skapaSammantrade({ organId: 1, datum: '2027-01-20', tid: '09:00', plats: 'Rum 1' })],
      ['Ny ärendepunkt', () => sekreterare.laggTillPunkt(1, { punkt: 9, rubrik: 'Offline' })],
      ['Uppladdad handling', () => sekreterare.laddaUpp({
        sammantradeId: 1, rubrik: 'Kallelse', dokumenttyp: 'Kallelse', klassificering: 'Offentlig',
        fil: { namn: 'offline.pdf', innehall: new TextEncoder().encode('%PDF-1.4').buffer as ArrayBuffer }
      })],
      ['Sparad ändring av uppdrag', () => uppdrag.spara(4, { kommentar: 'Skrivet offline' }, '"1"')],
      ['Nya uppdrag', () => uppdrag.skapa([{ kallNyckel: 'offline:1', uppdrag: { rubrik: 'Offline', beslutsinstans: 'KS', beslutsdatum: '2026-11-16', paragraf: '§ 1', forvaltning: 'Kommunledningskontoret', status: 'EjPaborjat' } }])],
      ['Ny surfplatta', () => register.laggTillEnhet({ stoldmarkning: 'OFFLINE-1', serienummer: 'SN-OFFLINE-1', modell: 'iPad', simAbonnemang: '', intuneId: '' })]
    ];
    const utfall: string[] = [];
    for (const [namn, gor] of skrivningar) {
      try {
        await gor();
        utfall.push(`${namn}: sparades`);
      } catch (fel) {
        const orsak = fel instanceof DataFel ? fel.orsak : 'okänt';
        utfall.push(`${namn}: ${orsak === 'natverk' ? felText(orsak) : `${orsak} (${String(fel)})`}`);
      }
    }
    siffror.satt('Skrivningar försökta offline', skrivningar.length);
    siffror.satt('… nekade med texten om nätverket', utfall.filter((u) => u.endsWith(NATVERKSTEXT)).length, { krav: `= ${skrivningar.length}` });
    siffror.satt('… som nådde SharePoint', miljo.emulator.statistik.forfragningar - fore, { krav: '= 0' });
    expect(utfall).toEqual(skrivningar.map(([namn]) => `${namn}: ${NATVERKSTEXT}`));
    expect(miljo.emulator.statistik.forfragningar).toBe(fore);
  });
});
