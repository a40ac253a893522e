/**
 * The local workbench in a real browser: every role × web part renders with its heading and its
 * data, empty state or no-access state; axe finds no serious or critical WCAG 2.1 A/AA violation
 * in the light, Teams dark and high-contrast themes; the language switches without a reload;
 * nothing is fetched from outside the page's origin. One browser, one page per role.
 */
import { join } from 'path';
import { BrowserContext, Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { Emulator } from '../../emulator/core';
import { forstaMedRoll } from '../../emulator/demo/anvandare';
import { ROLLER, Roll } from '../../src/domain/roller';
import { lasStrangar } from '../support/locFiler';
import { locModuler } from '../../workbench/bygg';
import { IStartadWorkbench, startaWorkbench } from '../../workbench/start';
import { DELAR, DelId, PERSONLIG_APP_SOKVAG, TemaId } from '../../workbench/typer';
import { PORTAL_NYCKEL } from '../../src/data/installningar/nycklar';
import { axeStatistik, axeUtanAllvarligaFel, forvantaRenLogg, ISidaIKontext, ISidlogg, nyKontext, SKARMBILDER, startaChromium } from './stod/webblasare';

const TEMAN_I_TEST: TemaId[] = ['sharepoint', 'teams-dark', 'teams-contrast'];

const DELENS_MODUL: Record<DelId, string> = {
  arendebalans: 'ArendebalansWebPartStrings',
  motesportal: 'MotesportalWebPartStrings',
  surfplattor: 'SurfplattorWebPartStrings',
  epostrutin: 'EpostrutinWebPartStrings'
};

type Strangar = Record<string, string>;

function strangar(modul: string, sprak: 'sv-se' | 'en-us'): Strangar {
  return lasStrangar(join(locModuler()[modul], `${sprak}.js`)) as Strangar;
}

/** Who manage the tablet register (Full Control on its loans); every other signed-in person gets "Min surfplatta". */
const HANTERAR_SURFPLATTOR: readonly Roll[] = ['kommunservice', 'admin'];

/** A part's heading for a role: Surfplattor shows a borrower their own view, under its own heading. */
function rubrik(del: DelId, sprak: 'sv-se' | 'en-us', roll: Roll): string {
  const texter = strangar(DELENS_MODUL[del], sprak);
  const lantagare = del === 'surfplattor' && roll !== 'allmanhet' && !HANTERAR_SURFPLATTOR.includes(roll);
  return lantagare ? texter.RubrikMin : texter.Rubrik;
}
const gemensamma = strangar('CommonStrings', 'sv-se');
const workbenchSv = strangar('WorkbenchStrings', 'sv-se');
const workbenchEn = strangar('WorkbenchStrings', 'en-us');

let wb: IStartadWorkbench;
let webblasare: Browser;
let origin: string;
const loggar: ISidlogg[] = [];

beforeAll(async () => {
  webblasare = await startaChromium();
  wb = await startaWorkbench({ port: 0, tyst: true });
  origin = new URL(wb.url).origin;
});

afterAll(async () => {
  await webblasare?.close();
  await wb?.stang();
  // A figure for the report: how many whole-page axe runs this file made.
  if (axeStatistik.korningar > 0) console.log(`axe-körningar: ${axeStatistik.korningar} (WCAG 2.1 A/AA, hela sidan)`);
});

/** A fresh context and page for one role; its log joins the file's (see 'efter alla sidor'). */
async function nySida(): Promise<ISidaIKontext> {
  const ny = await nyKontext(webblasare, origin);
  loggar.push(ny.logg);
  return ny;
}

const TEMANYCKEL: Record<TemaId, string> = {
  'sharepoint': 'TemaSharePoint',
  'teams': 'TemaTeams',
  'teams-dark': 'TemaTeamsMorkt',
  'teams-contrast': 'TemaTeamsKontrast'
};

/** Picks an option of one of the header's dropdowns, as a person would. */
async function valj(sida: Page, falt: string, alternativ: string | RegExp): Promise<void> {
  await sida.getByRole('combobox', { name: falt }).click();
  await sida.getByRole('option', { name: alternativ }).click();
}

function adress(fraga: Record<string, string>): string {
  return `${wb.url}?${new URLSearchParams(fraga).toString()}`;
}

/**
 * Waits until a part has rendered its heading and settled: no spinner or shimmer left, and some
 * content a reader can take in (a list, an empty or no-access state, or a message).
 */
async function vantaPaDel(sida: Page, del: DelId): Promise<void> {
  await sida.waitForFunction((id) => {
    const element = document.querySelector(`[data-del="${id}"]`);
    if (!element || !element.querySelector('h2')) return false;
    if (element.querySelector('.ms-Spinner, .ms-Shimmer')) return false;
    return element.querySelector('[role="grid"], [role="status"], [role="alert"], .ms-MessageBar, table, [role="list"]') !== null;
  }, del, { timeout: 15_000 }).catch(async (fel: Error) => {
    // Say what the part showed instead of only "timeout".
    const text = await sida.locator(`[data-del="${del}"]`).textContent({ timeout: 1000 }).catch(() => null);
    throw new Error(`Webbdelen ${del} blev inte klar (${fel.message.split('\n')[0]}). Den visade: ${text === null ? '(ingenting)' : JSON.stringify(text.slice(0, 400))}`);
  });
}



describe.each(ROLLER)('arbetsbänken som %s', (roll: Roll) => {
  let kontext: BrowserContext;
  let sida: Page;
  let logg: ISidlogg;
  const anvandare = roll === 'allmanhet' ? undefined : forstaMedRoll(roll);

  beforeAll(async () => {
    ({ kontext, sida, logg } = await nySida());
  });

  afterAll(async () => {
    await kontext?.close();
  });

  it.each(TEMAN_I_TEST)('i temat %s: varje webbdel renderar, axe utan allvarliga brister', async (tema) => {
    const nu = sida.url().startsWith(wb.url) ? new URL(sida.url()).searchParams : undefined;
    if (nu?.get('roll') === roll && nu.get('del') === 'alla') {
      // Already loaded for this role: switch the theme in the header, no reload (the parts keep their data).
      await valj(sida, workbenchSv.FaltTema, workbenchSv[TEMANYCKEL[tema]]);
      expect(new URL(sida.url()).searchParams.get('tema')).toBe(tema);
    } else {
      await sida.goto(adress({ roll, sprak: 'sv-SE', tema, del: 'alla' }));
    }
    for (const del of DELAR) {
      await vantaPaDel(sida, del);
      const delen = sida.locator(`[data-del="${del}"]`);
      await expect(delen.locator('h2').first().textContent()).resolves.toBe(rubrik(del, 'sv-se', roll));
      // The error boundary's message means the root threw: never acceptable, signed in or not.
      await expect(delen.textContent()).resolves.not.toContain(gemensamma.FelRubrik);
      await delen.screenshot({ path: join(SKARMBILDER, `${roll}-${del}-${tema}.png`) });
    }

    // Signed in as the role's first demo user, by the FedAuth session cookie (allmanhet: none).
    const inloggad = await sida.getByTestId('inloggad').textContent();
    const fedAuth = (await kontext.cookies(wb.url)).find((c) => c.name === 'FedAuth');
    if (anvandare) {
      expect(inloggad).toContain(anvandare.title);
      expect(`FedAuth=${fedAuth?.value}`).toBe(Emulator.cookie(anvandare.email));
    } else {
      expect(inloggad).toBe(workbenchSv.InteInloggad);
      expect(fedAuth).toBeUndefined();
    }

    await axeUtanAllvarligaFel(sida, `${roll}, ${tema}`);
    // Whole pages (<roll>-alla-<tema>.png) for two roles only: a full-page capture costs more than the four parts.
    if (roll === 'allmanhet' || roll === 'ledamot') {
      await sida.screenshot({ path: join(SKARMBILDER, `${roll}-alla-${tema}.png`), fullPage: true });
    }
    forvantaRenLogg(logg);
  });
});

describe('språk, roll och tema i sidhuvudet', () => {
  let kontext: BrowserContext;
  let sida: Page;
  let logg: ISidlogg;

  beforeAll(async () => {
    ({ kontext, sida, logg } = await nySida());
  });

  afterAll(async () => {
    await kontext?.close();
  });

  it('byter till engelska utan omladdning och behåller valet i URL:en och sessionStorage', async () => {
    await sida.goto(adress({ roll: 'ledamot', sprak: 'sv-SE', tema: 'sharepoint', del: 'alla' }));
    await vantaPaDel(sida, 'arendebalans');
    await expect(sida.getAttribute('html', 'lang')).resolves.toBe('sv-SE');
    await sida.evaluate(() => { (window as unknown as { ingenOmladdning: boolean }).ingenOmladdning = true; });

    await valj(sida, workbenchSv.FaltSprak, workbenchSv.SprakEngelska);

    for (const del of DELAR) {
      await vantaPaDel(sida, del);
      await expect(sida.locator(`[data-del="${del}"] h2`).first().textContent()).resolves.toBe(rubrik(del, 'en-us', 'ledamot'));
    }
    await expect(sida.getAttribute('html', 'lang')).resolves.toBe('en-US');
    await expect(sida.title()).resolves.toBe(workbenchEn.SidTitel);
    await expect(sida.getByRole('combobox', { name: workbenchEn.FaltRoll }).isVisible()).resolves.toBe(true);
    await expect(sida.locator('[data-tillagg]').textContent()).resolves.toContain(workbenchEn.TillaggRubrik);
    await expect(sida.evaluate(() => (window as unknown as { ingenOmladdning?: boolean }).ingenOmladdning)).resolves.toBe(true);
    expect(new URL(sida.url()).searchParams.get('sprak')).toBe('en-US');
    await axeUtanAllvarligaFel(sida, 'ledamot, engelska');
    await sida.screenshot({ path: join(SKARMBILDER, 'ledamot-alla-sharepoint-en-us.png'), fullPage: true });

    // A bare URL in the same tab keeps the choice (sessionStorage).
    await sida.goto(wb.url);
    await vantaPaDel(sida, 'arendebalans');
    await expect(sida.locator('[data-del="arendebalans"] h2').first().textContent()).resolves.toBe(rubrik('arendebalans', 'en-us', 'ledamot'));
    expect(new URL(sida.url()).searchParams.get('sprak')).toBe('en-US');
    forvantaRenLogg(logg);
  });

  it('rollväljaren loggar in som rollens första demoanvändare', async () => {
    await sida.goto(adress({ roll: 'allmanhet', sprak: 'sv-SE', tema: 'teams', del: 'arendebalans' }));
    await vantaPaDel(sida, 'arendebalans');
    await expect(sida.locator('[data-del]').count()).resolves.toBe(1);
    const handlaggare = forstaMedRoll('handlaggare');
    if (!handlaggare) throw new Error('Demodata saknar en handläggare.');

    await valj(sida, workbenchSv.FaltRoll, new RegExp(handlaggare.title));

    await expect(sida.getByTestId('inloggad').textContent()).resolves.toContain(handlaggare.title);
    const fedAuth = (await kontext.cookies(wb.url)).find((c) => c.name === 'FedAuth');
    expect(`FedAuth=${fedAuth?.value}`).toBe(Emulator.cookie(handlaggare.email));
    expect(new URL(sida.url()).searchParams.get('roll')).toBe('handlaggare');
    await vantaPaDel(sida, 'arendebalans');
    // The Teams default theme is not in the role matrix; check it here once.
    await axeUtanAllvarligaFel(sida, 'handläggare, Teams standard');
    forvantaRenLogg(logg);
  });

  it('tjänstestatusbannern visas på en sekretessida och när SharePoint inte går att nå', async () => {
    await sida.goto(adress({ roll: 'ledamot', sprak: 'sv-SE', tema: 'teams-contrast', del: 'arendebalans' }));
    await vantaPaDel(sida, 'arendebalans');
    const topp = sida.locator('[data-platshallare="Top"]');
    await expect(topp.textContent()).resolves.toBe('');

    // Fluent's checkbox hides the native input under its label, so click the label as a person would.
    await sida.getByText(workbenchSv.VisaSomSekretess).click();
    await expect(sida.getByRole('checkbox', { name: workbenchSv.VisaSomSekretess }).isChecked()).resolves.toBe(true);
    await expect(topp.getByRole('region').textContent()).resolves.toContain(gemensamma.SekretessNotis);

    await kontext.setOffline(true);
    try {
      await topp.getByText(gemensamma.OfflineBanner).waitFor();
      await axeUtanAllvarligaFel(sida, 'banderoller i hög kontrast');
      await topp.screenshot({ path: join(SKARMBILDER, 'ledamot-tjanstestatus-teams-contrast.png') });
    } finally {
      await kontext.setOffline(false);
    }
    await topp.getByText(gemensamma.OfflineBanner).waitFor({ state: 'detached' });
    forvantaRenLogg(logg);
  });
});

describe('som personlig app i Teams och Outlook, på rotwebbplatsen', () => {
  it('hittar portalen genom klientorganisationsinställningen och läser bara portalens listor', async () => {
    const { kontext, sida, logg } = await nySida();
    try {
      const sharepoint: string[] = [];
      sida.on('request', (f) => {
        const url = new URL(f.url());
        if (url.pathname.includes('/_api/')) sharepoint.push(decodeURIComponent(url.pathname));
      });
      // Where Teams opens a personal app's web part: pageContext.web is the tenant's root site.
      await sida.goto(`${origin}${PERSONLIG_APP_SOKVAG}?${new URLSearchParams({ roll: 'ledamot', sprak: 'sv-SE', tema: 'teams', del: 'alla' }).toString()}`);
      for (const del of DELAR) {
        await vantaPaDel(sida, del);
        const delen = sida.locator(`[data-del="${del}"]`);
        await expect(delen.locator('h2').first().textContent()).resolves.toBe(rubrik(del, 'sv-se', 'ledamot'));
        await expect(delen.textContent()).resolves.not.toContain(gemensamma.FelRubrik);
        await expect(delen.getAttribute('data-portal')).resolves.toBe('klientorganisation');
      }
      await expect(sida.locator('[data-del="arendebalans"] [role="grid"]').count()).resolves.toBeGreaterThan(0);
      // The root site was asked for the tenant property only; every list read went to the portal.
      const sitePath = wb.emulator.sitePath;
      expect([...new Set(sharepoint.filter((p) => !p.startsWith(`${sitePath}/`)))]).toEqual([`/_api/web/getStorageEntity('${PORTAL_NYCKEL}')`]);
      expect(sharepoint.filter((p) => p.startsWith(`${sitePath}/`)).length).toBeGreaterThan(4);
      expect(() => wb.emulator.forvantaIngaOkanda()).not.toThrow();
      forvantaRenLogg(logg);
    } finally {
      await kontext.close();
    }
  });
});

describe('efter alla sidor', () => {
  it('inget hämtades utanför sidans ursprung och emulatorn fick inga okända förfrågningar', () => {
    expect(loggar.flatMap((l) => l.externa)).toEqual([]);
    expect(() => wb.emulator.forvantaIngaOkanda()).not.toThrow();
  });
});
