/**
 * Issue 8, rendering: 5,000 uppdrag in headless Chromium, our list component (the
 * Ärendebalanslista's UppdragVy, the real one from src/) against the PnP reusable controls'
 * ListView showing the same rows and columns (bench/peers/pnpListView).
 *
 * How: esbuild bundles two pages (bench/peers/sida/var.tsx and pnp.tsx) with the same settings:
 * minified, React's production build, our strings modules as the workbench resolves them, the
 * controls' ControlStrings from their sv-se file, Fluent in one copy (the controls' pinned 8.106.4
 * resolves to the project's Fluent, as in the size bench). A loopback server hands them to
 * Debian's Chromium (playwright-core); nothing leaves the machine (any other request is aborted
 * and reported). The rows come from bench/peers/uppdragRader.ts (the domain's IUppdrag, the
 * schema's choices), the same every run.
 *
 * Per run a fresh page: mount and wait for the first screen of rows (bench/peers/sida/matning.ts
 * says exactly what is timed), type a search term in the list's search box (one input event,
 * Playwright's fill) and wait for the 8 matching rows, clear it, open the status dropdown and pick
 * "Verkställt" and wait for a screen of only Verkställt rows, take the status away again, then click
 * the Status column header and wait for a screen of the first status. A warm-up run of each, then
 * VARV runs, the two lists taking turns; the median is reported, min–max in the note.
 */
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { UPPDRAG_STATUS_VAL } from '../src/schema/uppdrag';
import { workbenchPlugin } from '../workbench/bygg';
import { ANTAL_UPPDRAG, skapaUppdrag, SOKORD, SOKTRAFFAR, VALD_STATUS } from './peers/uppdragRader';
import { IBenchRad } from './tabell';
import type { IVillkor } from './peers/sida/matning';

const ROT = path.join(__dirname, '..');
const SIDOR = path.join(__dirname, 'peers', 'sida');
const CHROMIUM = '/usr/bin/chromium';
const FLAGGOR = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
];
/** Measured runs per list (after one warm-up run each). */
const VARV = 5;
const OMRADE = `Rendering i Chromium, ${ANTAL_UPPDRAG.toLocaleString('sv-SE')} uppdrag`;
const PEER = 'PnP ListView (+ Fluent Dropdown)';

type Lista = 'var' | 'pnp';

/** How each page's search box and status dropdown are reached. */
const KONTROLLER: Record<Lista, { sok: string; status: string; flerval: boolean; alla: string; forstaStatus: string }> = {
  // UppdragVy: a TextField of type search; the multi-select status dropdown's name starts with its label "Status".
  // Sorted on Status it puts the statuses in their workflow order, Ej påbörjat first.
  var: { sok: 'input[type="search"]', status: 'Status', flerval: true, alla: '', forstaStatus: UPPDRAG_STATUS_VAL.EjPaborjat },
  // ListView's own SearchBox; the peer's Dropdown is named "Status". ListView sorts the status text alphabetically.
  pnp: { sok: '.ms-SearchBox-field', status: 'Status', flerval: false, alla: 'Alla', forstaStatus: UPPDRAG_STATUS_VAL.DelvisVerkstallt }
};

interface IMatning {
  rendera: number;
  text: number;
  val: number;
  sortera: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the pages need besides the workbench's strings modules. */
function benchPlugin(): esbuild.Plugin {
  const kontroller = `${path.sep}node_modules${path.sep}@pnp${path.sep}spfx-controls-react${path.sep}`;
  return {
    name: 'arendeportalen-bench-rendering',
    setup(bygge) {
      // The controls' strings: their AMD sv-se file as a CommonJS module.
      bygge.onResolve({ filter: /^ControlStrings$/ }, () => ({ path: 'ControlStrings', namespace: 'bench' }));
      // The page provides @microsoft/sp-core-library on SharePoint (an external in SPFx builds); the
      // controls use its Guid and Environment, taken here from the package's own files.
      bygge.onResolve({ filter: /^@microsoft\/sp-core-library$/ }, () => ({ path: 'sp-core-library', namespace: 'bench' }));
      bygge.onLoad({ filter: /.*/, namespace: 'bench' }, (args) => {
        if (args.path === 'ControlStrings') {
          const fil = require.resolve('@pnp/spfx-controls-react/lib/loc/sv-se.js', { paths: [ROT] });
          return {
            contents: `var s; (function (define) {\n${readFileSync(fil, 'utf8')}\n})(function (_d, f) { s = f(); }); module.exports = s;`,
            loader: 'js', resolveDir: ROT
          };
        }
        return {
          contents: [
            "export { default as Guid } from '@microsoft/sp-core-library/lib/Guid';",
            "export { default as Environment, EnvironmentType } from '@microsoft/sp-core-library/lib/Environment';"
          ].join('\n'),
          loader: 'js', resolveDir: ROT
        };
      });
      // Fluent in one copy: the controls' own imports of the two packages they pin resolve to the project's.
      bygge.onResolve({ filter: /^@fluentui\/(react|merge-styles)(\/.*)?$/ }, async (args) => {
        if (!args.importer.includes(kontroller)) return undefined;
        const svar = await bygge.resolve(args.path, { resolveDir: ROT, kind: args.kind });
        return svar.errors.length ? { errors: svar.errors } : { path: svar.path };
      });
    }
  };
}

async function byggSidor(): Promise<Map<string, { typ: string; innehall: Uint8Array }>> {
  const resultat = await esbuild.build({
    absWorkingDir: ROT,
    entryPoints: { var: path.join(SIDOR, 'var.tsx'), pnp: path.join(SIDOR, 'pnp.tsx') },
    outdir: path.join(ROT, 'temp', 'bench-rendering'),
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'transform',
    logLevel: 'silent',
    // The controls' CSS modules (DragDropFiles) come as *.module.scss.css.
    loader: { '.css': 'local-css' },
    define: { 'process.env.NODE_ENV': '"production"', DEBUG: 'false' },
    plugins: [workbenchPlugin(), benchPlugin()]
  });
  const filer = new Map<string, { typ: string; innehall: Uint8Array }>();
  for (const f of resultat.outputFiles) {
    const namn = path.basename(f.path);
    filer.set(`/${namn}`, { typ: namn.endsWith('.css') ? 'text/css' : 'text/javascript', innehall: f.contents });
  }
  for (const lista of ['var', 'pnp']) {
    const css = filer.has(`/${lista}.css`) ? `<link rel="stylesheet" href="/${lista}.css">` : '';
    const html = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${lista}</title>${css}</head>` +
      `<body><div id="rot"></div><script src="/${lista}.js"></script></body></html>`;
    filer.set(`/${lista}.html`, { typ: 'text/html; charset=utf-8', innehall: Buffer.from(html) });
  }
  return filer;
}

function serva(filer: Map<string, { typ: string; innehall: Uint8Array }>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const fil = filer.get((req.url ?? '/').split('?')[0]);
    if (!fil) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': fil.typ, 'Cache-Control': 'no-store' }).end(fil.innehall);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface ISidlogg {
  fel: string[];
  externa: string[];
}

/** A fresh context and page with the list's page loaded (not yet mounted); nothing leaves the loopback origin. */
async function oppna(webblasare: Browser, origin: string, lista: Lista, logg: ISidlogg): Promise<{ sida: Page; stang: () => Promise<void> }> {
  const kontext = await webblasare.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  const sida: Page = await kontext.newPage();
  sida.on('pageerror', (fel) => logg.fel.push(`${lista}: ${fel.message}`));
  await sida.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    logg.externa.push(url);
    return route.abort();
  });
  await sida.goto(`${origin}/${lista}.html`);
  await sida.waitForFunction(() => window.bench !== undefined);
  return { sida, stang: () => kontext.close() };
}

const armera = (sida: Page, handelse: 'input' | 'click', villkor: IVillkor): Promise<void> =>
  sida.evaluate(([h, v]) => window.bench!.armera(h, v), [handelse, villkor] as const);
const vila = (sida: Page): Promise<void> => sida.waitForTimeout(250);

/**
 * One page: mount; search and clear; pick a status and take it away again; sort on the Status
 * column (with no filter active by then).
 */
async function matLista(webblasare: Browser, origin: string, lista: Lista, logg: ISidlogg): Promise<IMatning> {
  const { sida, stang } = await oppna(webblasare, origin, lista, logg);
  const kontroller = KONTROLLER[lista];
  const fylldIgen = async (): Promise<void> => {
    await sida.evaluate(() => window.bench!.vanta({ fylld: true }));
    await vila(sida);
  };
  try {
    const rendera = await sida.evaluate(() => window.bench!.rendera());
    await vila(sida);

    const sok = sida.locator(kontroller.sok);
    await armera(sida, 'input', { antal: SOKTRAFFAR, text: SOKORD });
    await sok.fill(SOKORD);
    const text = await sida.evaluate(() => window.bench!.resultat());
    await sok.fill('');
    await fylldIgen();

    const statustext = UPPDRAG_STATUS_VAL[VALD_STATUS];
    const statuslista = sida.getByRole('combobox', { name: new RegExp(`^${escapeRegExp(kontroller.status)}\\b`) }).first();
    // An option's text, where a person clicks (a multi-select option's checkbox input is covered by its label).
    const alternativ = (namn: string): Locator => sida.locator('.ms-Dropdown-items').getByText(namn, { exact: true });
    await statuslista.click();
    await alternativ(statustext).waitFor();
    await armera(sida, 'click', { text: statustext, fylld: true });
    await alternativ(statustext).click();
    const val = await sida.evaluate(() => window.bench!.resultat());
    // All statuses again: our multi-select list stays open (untick, close); the peer's closed on the pick.
    if (kontroller.flerval) {
      await alternativ(statustext).click();
      await sida.keyboard.press('Escape');
    } else {
      await statuslista.click();
      await alternativ(kontroller.alla).click();
    }
    await fylldIgen();

    await armera(sida, 'click', { text: kontroller.forstaStatus, fylld: true });
    await sida.locator('.ms-DetailsHeader-cellName').getByText('Status', { exact: true }).click();
    const sortera = await sida.evaluate(() => window.bench!.resultat());
    return { rendera, text, val, sortera };
  } finally {
    await stang();
  }
}

function median(tal: number[]): number {
  const s = [...tal].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const heltal = (v: number): number => Math.round(v);
const spann = (tal: number[]): string => `${heltal(Math.min(...tal))}–${heltal(Math.max(...tal))}`;

export async function benchRendering(): Promise<IBenchRad[]> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium saknas (${CHROMIUM}): kör \`npm run testmiljo\` eller \`apt-get update && apt-get install -y chromium\`.`);
  }
  const filer = await byggSidor();
  const server = await serva(filer);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const webblasare = await chromium.launch({ executablePath: CHROMIUM, args: FLAGGOR, headless: true });
  const logg: ISidlogg = { fel: [], externa: [] };
  const matningar: Record<Lista, IMatning[]> = { var: [], pnp: [] };
  try {
    for (let varv = 0; varv <= VARV; varv++) {
      // Take turns, so a slow moment of the machine does not land on one list only.
      for (const lista of (varv % 2 === 0 ? ['var', 'pnp'] : ['pnp', 'var']) as Lista[]) {
        const m = await matLista(webblasare, origin, lista, logg);
        if (varv > 0) matningar[lista].push(m);
      }
    }
  } finally {
    await webblasare.close();
    await new Promise((resolve) => server.close(resolve));
  }
  if (logg.fel.length) throw new Error(`Fel på sidorna:\n${logg.fel.join('\n')}`);

  const antalVal = skapaUppdrag().filter((u) => u.status === VALD_STATUS).length;
  const rad = (nyckel: keyof IMatning, matt: string, forklaring?: string): IBenchRad => {
    const vara = matningar.var.map((m) => m[nyckel]);
    const deras = matningar.pnp.map((m) => m[nyckel]);
    const minMax = `min–max vårt ${spann(vara)} ms, PnP ${spann(deras)} ms`;
    return {
      omrade: OMRADE, matt, enhet: 'ms', var: heltal(median(vara)), peer: heltal(median(deras)), peerNamn: PEER,
      not: forklaring ? `${forklaring} ${minMax}.` : `${minMax}.`
    };
  };
  const kb = (namn: string): number => Math.round((filer.get(namn)?.innehall.length ?? 0) / 1024);
  const vardar = Array.from(new Set(logg.externa.map((u) => new URL(u).host)));
  return [
    rad('rendera', 'Första skärmen rader i DOM',
      `Median av ${VARV} körningar per lista (efter en uppvärmning), ny sida per körning, 1280×900, Chromium headless. Tiden: från ReactDOM.render ` +
      'till första animationsram där raderna fyller fönstret (båda virtualiserar: DetailsList). Vår UppdragVy ur src/ med sina filter, ' +
      `sortering och statusbedömning; PnP ListView 3.25 med samma kolumner. Sidorna: esbuild, minifierat, React production (vår ${kb('/var.js')} kB, PnP ${kb('/pnp.js')} kB).` +
      (vardar.length ? ` ${logg.externa.length} anrop utåt stoppades (${vardar.join(', ')}` +
        `${logg.externa.every((u) => /\.woff2?$/.test(u)) ? ': Fluents Segoe UI-typsnitt, som SharePoint-sidan har' : ''}).` : '')),
    rad('text', `Textfilter "${SOKORD}" → ${SOKTRAFFAR} rader`,
      'Från input-händelsen (ett fill i sökrutan) till första ram där exakt de raderna finns i DOM.'),
    rad('val', `Statusfilter ${UPPDRAG_STATUS_VAL[VALD_STATUS]} → ${antalVal} rader`,
      'Från klicket på alternativet i statuslistan till första ram där skärmen bara har de raderna.'),
    rad('sortera', 'Sortera på kolumnen Status',
      'Efter filtren, med alla filter borttagna: från klicket på kolumnrubriken till första ram där skärmen bara har den första statusen ' +
      `(vår: arbetsgången, ${KONTROLLER.var.forstaStatus} först; ListView: bokstavsordning, ${KONTROLLER.pnp.forstaStatus} först).`)
  ];
}
