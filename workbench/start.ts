/**
 * The local workbench server: one loopback port serving the page, its bundle and the emulator
 * of SharePoint REST and Microsoft Graph (demo data), so the page's PnPjs calls are same-origin
 * like on a SharePoint site. Every tab talks to the one emulator, so an edit in one tab shows in
 * another after reload.
 *
 *   npm start               (PORT=5000 npm start to change the port)
 *
 * Tests start it in-process with `startaWorkbench({ port: 0 })`.
 */
import { readFileSync } from 'fs';
import { rm } from 'fs/promises';
import { tmpdir } from 'os';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { Emulator } from '../emulator/core';
import { pekaUtPortalen, skapaDemoEmulator } from '../emulator/demo';
import { forstaMedRoll } from '../emulator/demo/anvandare';
import { startaServer } from '../emulator/server';
import { byggPublikWebbplats } from '../publik/bygg';
import { publikSp } from '../publik/emulatorKalla';
import { publikHanterare } from '../publik/server';
import { Roll } from '../src/domain/roller';
import { BUNDLE_SOKVAG, Bundle, byggAlternativ, formateraFel, locModuler, tillBundle } from './bygg';
import { IInloggning, IWorkbenchKonfig, PERSONLIG_APP_SOKVAG, ROLLER } from './typer';

export const STANDARDPORT = 4321;

export interface IWorkbenchAlternativ {
  /** 0 = any free port. Default: PORT from the environment, else 4321; a taken port falls back to a free one. */
  port?: number;
  /** Rebuild when a source file changes (npm start); off for tests. */
  bevaka?: boolean;
  /** Use this emulator instead of a fresh demo emulator. */
  emulator?: Emulator;
  /** No console output (tests). */
  tyst?: boolean;
  /** React's production build, minified: faster pages, but without React's development warnings. */
  produktion?: boolean;
}

export interface IStartadWorkbench {
  /** The page's URL, e.g. http://127.0.0.1:4321/ */
  url: string;
  port: number;
  emulator: Emulator;
  /** Stops the server and the bundler. */
  stang: () => Promise<void>;
}

/** The port asked for if it is free, else 0 (the system picks a free one). */
async function ledigPort(onskad: number): Promise<number> {
  if (onskad === 0) return 0;
  return new Promise((resolve) => {
    const prov = net.createServer();
    prov.once('error', () => resolve(0));
    prov.listen(onskad, '127.0.0.1', () => prov.close(() => resolve(onskad)));
  });
}

function portFranMiljo(): number {
  const varde = Number(process.env.PORT);
  return Number.isInteger(varde) && varde >= 0 && varde < 65536 && process.env.PORT ? varde : STANDARDPORT;
}

/**
 * The first demo user of each role, signed in the way the emulator accepts (allmanhet: nobody).
 * `sidansWebb` is pageContext.web's path: the portal site, or '' (the root site) for a personal app.
 */
export function workbenchKonfig(emulator: Emulator, sidansWebb: string = emulator.sitePath): IWorkbenchKonfig {
  const inloggningar: Partial<Record<Roll, IInloggning>> = {};
  for (const roll of ROLLER) {
    const anvandare = roll === 'allmanhet' ? undefined : forstaMedRoll(roll);
    if (anvandare) {
      inloggningar[roll] = {
        namn: anvandare.title,
        jobbtitel: anvandare.jobTitle,
        epost: anvandare.email,
        cookie: Emulator.cookie(anvandare.email),
        token: Emulator.token(anvandare.email)
      };
    }
  }
  // No web part property, as in the Teams and Outlook personal app: the address comes from the tenant property the demo's provisioning set.
  return { sitePath: emulator.sitePath, sidansWebb, graphSokvag: '/v1.0', inloggningar, registratorAdress: '' };
}

/** The Swedish page title from the workbench's loc file, so the tab reads right before the script runs. */
function svenskTitel(): string {
  const fil = path.join(locModuler().WorkbenchStrings, 'sv-se.js');
  let strangar: Record<string, string> = {};
  const kalla = readFileSync(fil, 'utf8');
  // The AMD file only calls define([], factory); run it with a define that keeps the result.
  new Function('define', kalla)((_d: unknown, fabrik: () => Record<string, string>) => { strangar = fabrik(); });
  return strangar.SidTitel ?? 'Ärendeportalen';
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function sidHtml(konfig: IWorkbenchKonfig, titel: string): string {
  // `<` escaped so no value can close the script element.
  const json = JSON.stringify(konfig).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="sv-SE">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(titel)}</title>
<link rel="icon" href="data:,">
<script>
  // An empty font base stops Fluent UI from declaring Segoe UI faces on a Microsoft CDN (no network here).
  window.FabricConfig = { fontBaseUrl: '' };
</script>
<style>html, body { margin: 0; min-height: 100%; }</style>
</head>
<body>
<div id="workbench"></div>
<script id="workbench-konfig" type="application/json">${json}</script>
<script src="${BUNDLE_SOKVAG}"></script>
</body>
</html>
`;
}

function typFor(sokvag: string): string {
  if (sokvag.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (sokvag.endsWith('.map')) return 'application/json; charset=utf-8';
  if (sokvag.endsWith('.css')) return 'text/css; charset=utf-8';
  return 'application/octet-stream';
}

export async function startaWorkbench(alt: IWorkbenchAlternativ = {}): Promise<IStartadWorkbench> {
  const logga = (text: string): void => { if (!alt.tyst) console.log(text); };
  let bundle: Bundle = new Map();
  let forstaBygget = true;
  const borjan = Date.now();
  let forstaKlart: (fel?: Error) => void = () => undefined;
  const forsta = new Promise<void>((resolve, reject) => {
    forstaKlart = (fel) => (fel ? reject(fel) : resolve());
  });

  const bas = byggAlternativ({ produktion: alt.produktion });
  const bygge = await esbuild.context({
    ...bas,
    plugins: [...(bas.plugins ?? []), {
      name: 'workbench-server',
      setup(b) {
        b.onEnd((resultat) => {
          const forstaGangen = forstaBygget;
          forstaBygget = false;
          if (resultat.errors.length > 0) {
            if (forstaGangen) forstaKlart(new Error(`Arbetsbänken gick inte att bygga:\n${formateraFel(resultat)}`));
            // After that the last good bundle keeps being served; the terminal says what broke.
            else console.error(`Bygget misslyckades:\n${formateraFel(resultat)}`);
            return;
          }
          bundle = tillBundle(resultat);
          for (const v of resultat.warnings) console.warn(`varning: ${v.text}`);
          if (forstaGangen) forstaKlart();
          else logga(`Arbetsbänken ombyggd ${new Date().toLocaleTimeString('sv-SE')}; ladda om sidan.`);
        });
      }
    }]
  });
  try {
    // watch() builds once at start and again on every change; rebuild() builds once.
    if (alt.bevaka) await bygge.watch();
    else await bygge.rebuild().catch(() => undefined);
    await forsta;
  } catch (fel) {
    await bygge.dispose();
    throw fel;
  }
  if (!alt.bevaka) await bygge.dispose();
  logga(`Byggd på ${Date.now() - borjan} ms.`);

  const emulator = alt.emulator ?? await skapaDemoEmulator();
  const html = sidHtml(workbenchKonfig(emulator), svenskTitel());
  // The parts as a personal app in Teams or Outlook opens them: on the root site, finding the portal by the tenant property.
  const appHtml = sidHtml(workbenchKonfig(emulator, ''), svenskTitel());

  // The public site at /publik/, as `npm run public-site -- --emulator` builds it. Rebuilt when its
  // start page is asked for and SharePoint has been called since the last build (a publish in the
  // workbench shows there after a reload); the build's own reads are not counted.
  const publikKatalog = path.join(tmpdir(), `arendeportalen-publik-${process.pid}-${Date.now()}`);
  const publik = publikHanterare(publikKatalog, '/publik/');
  let byggdVid = -1;
  let publikBygge: Promise<void> | undefined;
  const byggPublik = (): Promise<void> => {
    if (emulator.statistik.sharepoint === byggdVid) return Promise.resolve();
    publikBygge ??= byggPublikWebbplats({ sp: publikSp(emulator), webbplats: emulator.konfig.webbplats, ut: publikKatalog, varning: logga })
      .then(() => { byggdVid = emulator.statistik.sharepoint; })
      .catch((fel: Error) => logga(`Den publika webbplatsen kunde inte byggas: ${fel.message}`))
      .finally(() => { publikBygge = undefined; });
    return publikBygge;
  };
  const arPublikStart = (sokvag: string): boolean => sokvag === '/publik' || sokvag === '/publik/' || sokvag === '/publik/index.html';

  const extra = (req: http.IncomingMessage, res: http.ServerResponse): boolean | Promise<boolean> => {
    const metod = req.method ?? 'GET';
    const sokvag = new URL(req.url ?? '/', 'http://workbench').pathname;
    if (metod !== 'GET' && metod !== 'HEAD') return false;
    if (arPublikStart(sokvag)) return byggPublik().then(() => publik(req, res));
    if (publik(req, res)) return true;
    const sida = sokvag === '/' || sokvag === '/index.html' ? html : sokvag.toLowerCase() === PERSONLIG_APP_SOKVAG ? appHtml : undefined;
    if (sida !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(metod === 'HEAD' ? undefined : sida);
      return true;
    }
    if (sokvag.startsWith('/__workbench/')) {
      const fil = bundle.get(sokvag);
      if (!fil) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Finns inte: ${sokvag}`);
        return true;
      }
      res.writeHead(200, { 'Content-Type': typFor(sokvag), 'Cache-Control': 'no-store' });
      res.end(metod === 'HEAD' ? undefined : Buffer.from(fil));
      return true;
    }
    // Everything else is SharePoint or Graph: the emulator answers (or records it as unknown).
    return false;
  };

  const onskad = alt.port ?? portFranMiljo();
  const port = await ledigPort(onskad);
  if (port === 0 && onskad !== 0) logga(`Port ${onskad} är upptagen; väljer en ledig port.`);
  const server = await startaServer(emulator, port, extra);
  const url = `${server.url}/`;
  // Only now is the port known: the portal's address in the tenant property becomes the one served here.
  await pekaUtPortalen(emulator, `${server.url}${emulator.sitePath}`)
    // The page still works on the portal's own page; only the personal-app route then finds no lists.
    .catch((fel: Error) => console.warn(`Portalens adress kunde inte sättas i klientorganisationsinställningen: ${fel.message}`));

  let stangd: Promise<void> | undefined;
  const stang = (): Promise<void> => {
    stangd ??= (async () => {
      if (alt.bevaka) await bygge.dispose();
      await server.stang();
      await publikBygge;
      await rm(publikKatalog, { recursive: true, force: true });
    })();
    return stangd;
  };
  return { url, port: server.port, emulator, stang };
}

if (require.main === module) {
  startaWorkbench({ bevaka: true }).then((wb) => {
    console.log(`\nÄrendeportalen – lokal arbetsbänk: ${wb.url}`);
    console.log(`SharePoint-webbplatsen (emulerad): ${wb.url.replace(/\/$/, '')}${wb.emulator.sitePath}`);
    console.log('Ctrl-C stoppar.\n');
    const avsluta = (): void => {
      void wb.stang().then(() => {
        console.log('Arbetsbänken stoppad.');
        process.exit(0);
      });
    };
    // `on`, not `once`: Ctrl-C reaches this process both from the terminal and relayed by tsx,
    // and a second SIGINT without a handler would kill it before the server has closed.
    process.on('SIGINT', avsluta);
    process.on('SIGTERM', avsluta);
  }).catch((fel: unknown) => {
    console.error((fel as Error).message ?? fel);
    process.exit(1);
  });
}
