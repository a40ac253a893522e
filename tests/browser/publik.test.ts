/**
 * The public site in a real browser, served under a sub-path (/publik/) as the workbench serves it:
 * axe (WCAG 2.1 A/AA, whole page) finds no serious or critical violation on the start page, an
 * organ page, a meeting page and the anslagstavla, the skip link is the first Tab stop and takes
 * the keyboard to the main content, and nothing is fetched from anywhere but the site itself. The
 * same files also work opened straight from disk (file://), as a downloaded copy would be.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { skapaDemo } from '../../emulator/demo';
import { byggPublikWebbplats } from '../../publik/bygg';
import { publikSp } from '../../publik/emulatorKalla';
import { publikHanterare } from '../../publik/server';
import { axeAllvarliga, beskrivAxe, bevakaSida, ISidlogg, SKARMBILDER, startaChromium } from './stod/webblasare';

let webblasare: Browser;
let rot: string;
let ut: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  rot = mkdtempSync(join(tmpdir(), 'publik-webblasare-'));
  ut = join(rot, 'publik');
  const [b, demo] = await Promise.all([startaChromium(), skapaDemo({}, '2026-11-27')]);
  webblasare = b;
  await byggPublikWebbplats({ sp: publikSp(demo.emulator), webbplats: demo.emulator.konfig.webbplats, ut, nu: new Date('2026-11-27T10:00:00Z'), varning: () => undefined });
  demo.emulator.forvantaIngaOkanda();
  const hanterare = publikHanterare(ut, '/publik/');
  server = createServer((req, res) => {
    if (!hanterare(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((klar) => server.listen(0, '127.0.0.1', klar));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await webblasare?.close();
  await new Promise((klar) => server?.close(klar));
  rmSync(rot, { recursive: true, force: true });
});

/** Over HTTP under /publik/, or straight from disk. */
async function oppna(sokvag: string, franFil = false): Promise<{ sida: Page; logg: ISidlogg }> {
  const sida = await webblasare.newPage();
  const logg = await bevakaSida(sida, franFil ? 'file://' : origin);
  await sida.goto(franFil ? pathToFileURL(join(ut, sokvag)).toString() : `${origin}/publik/${sokvag}`);
  return { sida, logg };
}

/** A meeting with handlingar, a decision and a justerat protokoll: the richest page there is. */
function rikMotessida(): string {
  const sidor = readdirSync(join(ut, 'moten'));
  const poang = (namn: string): number => {
    const html = readFileSync(join(ut, 'moten', namn), 'utf8');
    return (html.includes('class="beslut"') ? 2 : 0) + (html.includes('Justerat protokoll') ? 2 : 0) + (html.match(/<h3/g)?.length ?? 0) / 10;
  };
  return `moten/${sidor.sort((a, b) => poang(b) - poang(a))[0]}`;
}

describe('den publika webbplatsen i Chromium', () => {
  it.each([
    ['startsidan', (): string => 'index.html'],
    ['en organsida', (): string => 'organ/ks.html'],
    ['en sammanträdessida', rikMotessida],
    ['anslagstavlan', (): string => 'anslagstavla.html']
  ])('%s har inga allvarliga tillgänglighetsfel och hämtar inget utifrån', async (namn, sokvag) => {
    const { sida, logg } = await oppna(sokvag());
    try {
      expect(await sida.locator('h1').count()).toBe(1);
      expect(await sida.getAttribute('html', 'lang')).toBe('sv');
      const fel = await axeAllvarliga(sida);
      if (fel.length > 0) await sida.screenshot({ path: join(SKARMBILDER, `publik-${namn.replace(/\s+/g, '-')}.png`), fullPage: true });
      expect(beskrivAxe(fel)).toBe('');
      // Headings never skip a level (h1 → h2 → h3).
      const nivaer = await sida.locator('h1, h2, h3, h4, h5, h6').evaluateAll((h) => h.map((e) => Number(e.tagName.slice(1))));
      expect(nivaer[0]).toBe(1);
      expect(nivaer.every((n, i) => i === 0 || n <= nivaer[i - 1] + 1)).toBe(true);
      expect(logg).toEqual({ fel: [], ikoner: [], externa: [] });
    } finally {
      await sida.close();
    }
  });

  it('hoppar med tangentbordet från hopplänken till huvudinnehållet, med synlig fokusmarkering', async () => {
    const { sida } = await oppna(rikMotessida());
    try {
      await sida.keyboard.press('Tab');
      const hopp = sida.locator('a.hoppa');
      expect(await hopp.evaluate((e) => e === document.activeElement)).toBe(true);
      expect(await hopp.textContent()).toBe('Hoppa till innehållet');
      expect(await hopp.isVisible()).toBe(true);
      const kant = await hopp.evaluate((e) => getComputedStyle(e).outlineWidth);
      expect(parseFloat(kant)).toBeGreaterThanOrEqual(2);
      await sida.keyboard.press('Enter');
      expect(await sida.evaluate(() => document.activeElement?.id)).toBe('innehall');
      // The next Tab stop is inside main, not back in the header.
      await sida.keyboard.press('Tab');
      expect(await sida.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    } finally {
      await sida.close();
    }
  });

  it('länkar relativt, så att webbplatsen fungerar från en fil och från vilken underkatalog som helst', async () => {
    const { sida, logg } = await oppna('index.html', true);
    try {
      const lankar = await sida.locator('a[href]').evaluateAll((a) => a.map((e) => e.getAttribute('href') ?? ''));
      expect(lankar.filter((h) => /^(\/|https?:)/.test(h))).toEqual([]);
      await Promise.all([sida.waitForURL('**/organ/ks.html'), sida.getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click()]);
      expect(await sida.locator('h1').textContent()).toBe('Kommunstyrelsen');
      await Promise.all([sida.waitForURL('**/anslagstavla.html'), sida.getByRole('link', { name: 'Anslagstavla', exact: true }).click()]);
      expect(await sida.locator('h1').textContent()).toBe('Anslagstavla');
      // The style sheet loads from disk too: the header has its dark background.
      expect(await sida.evaluate(() => getComputedStyle(document.querySelector('.sidhuvud')!).backgroundColor)).toBe('rgb(11, 53, 88)');
      expect(logg).toEqual({ fel: [], ikoner: [], externa: [] });
    } finally {
      await sida.close();
    }
  });
});
