/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core (no
 * browser download), one browser for the whole file, axe-core injected into the page.
 */
import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SKARMBILDER = join(__dirname, '..', '..', '..', 'test-results', 'screenshots');

/** Flags that keep Chromium off the network and away from GPU and sandbox needs of a container. */
const FLAGGOR = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
];

/** `launch` (not a persistent context) gives every run a fresh, throwaway user-data-dir. */
export async function startaChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium saknas (${CHROMIUM}). Webbläsartesterna kör Debians chromium: kör \`npm run testmiljo\` ` +
      '(npm test och npm run test:browser gör det själva) eller `apt-get update && apt-get install -y chromium`.'
    );
  }
  mkdirSync(SKARMBILDER, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGGOR, headless: true });
}

export const WCAG_TAGGAR = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const ALLVARLIGA: ImpactValue[] = ['serious', 'critical'];

/** axe-core over the whole page with the WCAG 2.1 A/AA rules; returns the serious and critical violations. */
export async function axeAllvarliga(sida: Page): Promise<Result[]> {
  const harAxe = await sida.evaluate(() => 'axe' in window);
  if (!harAxe) {
    await sida.addScriptTag({ path: require.resolve('axe-core') });
  }
  const resultat = await sida.evaluate(async (taggar) => {
    const axe = (window as unknown as { axe: { run: (kontext: unknown, alt: unknown) => Promise<AxeResults> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: taggar }, resultTypes: ['violations'] });
  }, WCAG_TAGGAR);
  return resultat.violations.filter((v) => v.impact !== undefined && v.impact !== null && ALLVARLIGA.includes(v.impact));
}

/** One readable paragraph per violation: rule, impact, help and the elements it hit. */
export function beskrivAxe(fel: Result[]): string {
  return fel.map((v) => [
    `${v.id} (${v.impact}): ${v.help} – ${v.helpUrl}`,
    ...v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
  ].join('\n')).join('\n');
}

export interface ISidlogg {
  fel: string[];
  ikoner: string[];
  externa: string[];
}

/**
 * Collects what must not happen on the page: script errors, console errors (other than HTTP
 * statuses, which a part for allmanhet may legitimately get), unregistered Fluent icons and any
 * request that leaves the loopback origin (icon font or fonts from a CDN, telemetry).
 */
export async function bevakaSida(sida: Page, origin: string): Promise<ISidlogg> {
  const logg: ISidlogg = { fel: [], ikoner: [], externa: [] };
  sida.on('pageerror', (fel) => logg.fel.push(`pageerror: ${fel.message}`));
  sida.on('console', (meddelande) => {
    const text = meddelande.text();
    if (/was used but not registered/.test(text)) logg.ikoner.push(text);
    else if (meddelande.type() === 'error' && !/^Failed to load resource: the server responded with a status of/.test(text)) {
      logg.fel.push(`console.error: ${text}`);
    }
  });
  await sida.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) {
      await route.continue();
    } else {
      logg.externa.push(url);
      await route.abort();
    }
  });
  return logg;
}

export interface IKontextval {
  /** The window: 1280×900 (a laptop) unless a test needs another screen. */
  viewport?: { width: number; height: number };
  /** The browser's language: sv-SE unless a test reads the page in another. */
  locale?: string;
}

export interface IBevakadSida {
  sida: Page;
  logg: ISidlogg;
}

export interface ISidaIKontext extends IBevakadSida {
  kontext: BrowserContext;
}

/** Another page (tab) in a context, watched by bevakaSida like the first. */
export async function nySida(kontext: BrowserContext, origin: string): Promise<IBevakadSida> {
  const sida = await kontext.newPage();
  const logg = await bevakaSida(sida, origin);
  return { sida, logg };
}

/**
 * A fresh context (a person's own browser: no cookies, no storage) and its first page, watched.
 * Reduced motion and no CSS animations or transitions: Fluent fades rows, panels and messages in,
 * and axe measuring contrast mid-fade would report colours no one sees. Downloads are accepted, so a
 * test can read a file the page hands over.
 */
export async function nyKontext(webblasare: Browser, origin: string, val: IKontextval = {}): Promise<ISidaIKontext> {
  const kontext = await webblasare.newContext({
    viewport: val.viewport ?? { width: 1280, height: 900 }, locale: val.locale ?? 'sv-SE', reducedMotion: 'reduce', acceptDownloads: true
  });
  await kontext.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const stil = document.createElement('style');
      stil.textContent = '*, *::before, *::after { animation: none !important; transition: none !important; }';
      document.head.appendChild(stil);
    });
  });
  return { kontext, ...await nySida(kontext, origin) };
}

/** Whole-page axe runs of this test file (Jest gives each file its own module instance). */
export const axeStatistik = { korningar: 0 };

/** axe over the whole page: no serious or critical WCAG 2.1 A/AA violation, else a list of them. */
export async function axeUtanAllvarligaFel(sida: Page, vad: string): Promise<void> {
  const fel = await axeAllvarliga(sida);
  axeStatistik.korningar++;
  if (fel.length > 0) {
    throw new Error(`axe hittade ${fel.length} allvarliga/kritiska WCAG-brister (${vad}):\n${beskrivAxe(fel)}`);
  }
}

/** The page wrote no error, asked for no unregistered icon and fetched nothing from outside its origin. */
export function forvantaRenLogg(logg: ISidlogg): void {
  expect(logg.fel).toEqual([]);
  expect(logg.ikoner).toEqual([]);
  expect(logg.externa).toEqual([]);
}

/** Text as a literal inside a regular expression. */
export const escapa = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A loc template as a pattern source: its fixed text as is, {n} as the n-th fragment given (a pattern source), else `.+`. */
export const kalla = (mall: string, falt: string[]): string =>
  mall.split(/\{(\d+)\}/).map((del, i) => (i % 2 === 1 ? falt[Number(del)] ?? '.+' : escapa(del))).join('');
/** The whole text of a loc template. */
export const monster = (mall: string, ...falt: string[]): RegExp => new RegExp(`^${kalla(mall, falt)}$`);
