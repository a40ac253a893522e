/**
 * Issue 8, size: each component's initial JavaScript (gzip -9) beside two peers built in the same
 * run by the same bundler with the same settings.
 *
 * How: one SPFx ship build (`gulp bundle --ship`, SPFx's own webpack configuration: production
 * mode, React, ReactDOM and @microsoft/sp-* external, its terser settings) of a copy of the
 * project (src/, config/, tsconfig.json, gulpfile.js, package.json; node_modules linked) in a
 * temporary folder, with the two peer web parts of bench/peers/ added as two more bundles of the
 * same build. Lint is switched off there (it changes no output); everything else is the rig's.
 * The copy keeps the bench off the project's own lib/, dist/ and temp/.
 *
 * "Initial" is what the SharePoint page loads before the component runs: the bundle's entry file
 * and the Swedish strings files its define() asks for (SPFx hoists the strings of lazy chunks into
 * the entry's define, so they count). Chunks fetched by import() do not count. Each file is
 * gzipped on its own at level 9, as a CDN would serve it.
 *
 * Checks from the same build (a list of every chunk's modules, bench/peers/webpackTillagg.cjs):
 * heavy libraries only in chunks loaded on demand, one copy of Fluent UI in every bundle (and of
 * every other package: a second copy is named with where it comes from).
 *
 * BENCH_BEHALL=1 keeps the build folder (it is kept anyway when the bench fails);
 * BENCH_STORLEK_KATALOG=<folder> reads a kept folder again without building (debugging only).
 */
import { spawn } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { IBenchRad } from './tabell';

const ROT = path.join(__dirname, '..');
const PEERS = path.join(__dirname, 'peers');

const OMRADE = 'Initial JS per komponent (gzip -9)';
const OMRADE_KONTROLL = 'Paketets innehåll';
const FLUENT_PEER = 'Fluent DetailsList + SearchBox + Dropdown';
const PNP_PEER = 'PnP ListView (+ Fluent Dropdown)';

/** Libraries that must never be in a component's initial JS; papaparse and chart.js are looked for too. */
const TUNGA = ['exceljs', 'docx', 'pdf-lib', 'unpdf', 'pdfjs-dist', 'mammoth', 'jszip', 'signature_pad', 'papaparse', 'chart.js', 'chartjs', 'recharts', 'd3'];

/** Our bundles by name, as config.json lists them; unknown bundles are shown by their own name. */
const NAMN: Record<string, string> = {
  'arendebalans-web-part': 'Ärendebalanslista',
  'motesportal-web-part': 'Mötesportal',
  'surfplattor-web-part': 'Surfplattor',
  'epostrutin-web-part': 'E-postrutin',
  'uppdrag-status-field-customizer': 'Statusfältet (fältanpassning)',
  'uppdrag-commands-command-set': 'Uppdragskommandon (kommandorad)',
  'tjanstestatus-application-customizer': 'Tjänstestatus (programanpassning)'
};

const PEER_BUNDLAR = {
  fluent: { bundle: 'bench-fluent-lista-web-part', mapp: 'fluentLista', klass: 'FluentListaWebPart' },
  pnp: { bundle: 'bench-pnp-listview-web-part', mapp: 'pnpListView', klass: 'PnpListViewWebPart' }
} as const;

interface IConfigJson {
  bundles: Record<string, { components: Array<{ entrypoint: string; manifest: string }> }>;
  localizedResources: Record<string, string>;
}

interface IModul {
  resurs: string;
  storlek: number;
  fran: string[];
}

interface IModulLista {
  entries: Record<string, { initial: Array<string | number>; asynk: Array<string | number> }>;
  chunks: Array<{ id: string | number; namn?: string; filer: string[]; initial: boolean; grupper: string[]; moduler: IModul[] }>;
}

interface IManifest {
  loaderConfig: {
    entryModuleId: string;
    scriptResources: Record<string, { type: string; path?: string; paths?: Record<string, string>; defaultPath?: string }>;
  };
}

interface IStorlek {
  bundle: string;
  filer: string[];
  ratt: number;
  gzip: number;
}

const kB = (byte: number): number => Math.round(byte / 102.4) / 10;
const kBText = (byte: number): string => `${kB(byte).toLocaleString('sv-SE')} kB`;

function paketVersion(namn: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${namn}/package.json`, { paths: [ROT] }), 'utf8')) as { version: string }).version;
}

/** The temporary SPFx project: our sources and config plus the peers as two more bundles. */
function forberedBygge(): string {
  const katalog = mkdtempSync(path.join(tmpdir(), 'arendeportalen-storlek-'));
  for (const del of ['src', 'config', 'tsconfig.json', 'package.json', '.eslintrc.js']) {
    cpSync(path.join(ROT, del), path.join(katalog, del), { recursive: true });
  }
  symlinkSync(path.join(ROT, 'node_modules'), path.join(katalog, 'node_modules'), 'dir');

  const peerMal = path.join(katalog, 'src', 'benchPeers');
  for (const del of ['listRad.ts', 'hamtaRader.ts', ...Object.values(PEER_BUNDLAR).map((p) => p.mapp)]) {
    cpSync(path.join(PEERS, del), path.join(peerMal, del), { recursive: true });
  }
  cpSync(path.join(PEERS, 'webpackTillagg.cjs'), path.join(katalog, 'bench-webpack.cjs'));

  const configFil = path.join(katalog, 'config', 'config.json');
  const config = JSON.parse(readFileSync(configFil, 'utf8')) as IConfigJson;
  for (const p of Object.values(PEER_BUNDLAR)) {
    config.bundles[p.bundle] = {
      components: [{
        entrypoint: `./lib/benchPeers/${p.mapp}/${p.klass}.js`,
        manifest: `./src/benchPeers/${p.mapp}/${p.klass}.manifest.json`
      }]
    };
  }
  // The install step the controls' documentation asks for.
  config.localizedResources.ControlStrings = 'node_modules/@pnp/spfx-controls-react/lib/loc/{locale}.js';
  writeFileSync(configFil, JSON.stringify(config, null, 2));

  const gulpfil = readFileSync(path.join(ROT, 'gulpfile.js'), 'utf8');
  const init = "build.initialize(require('gulp'));";
  if (gulpfil.indexOf(init) < 0) throw new Error(`gulpfile.js saknar raden ${init} som bänken lägger till sina inställningar före.`);
  writeFileSync(path.join(katalog, 'gulpfile.js'), gulpfil.replace(init, [
    '// Added by bench/storlek.ts: lint off (no effect on output); the module list and one Fluent copy for the PnP peer.',
    'build.lintCmd.enabled = false;',
    "build.configureWebpack.mergeConfig({ additionalConfiguration: (config) => require('./bench-webpack.cjs')(config) });",
    init
  ].join('\n')));
  return katalog;
}

function kor(katalog: string): Promise<void> {
  const gulp = path.join(ROT, 'node_modules', 'gulp', 'bin', 'gulp.js');
  return new Promise((resolve, reject) => {
    const barn = spawn(process.execPath, [gulp, 'bundle', '--ship'], { cwd: katalog, stdio: ['ignore', 'pipe', 'pipe'] });
    let logg = '';
    barn.stdout.on('data', (d: Buffer) => { logg += d.toString(); });
    barn.stderr.on('data', (d: Buffer) => { logg += d.toString(); });
    barn.on('error', reject);
    barn.on('close', (kod) => {
      writeFileSync(path.join(katalog, 'gulp.log'), logg);
      if (kod === 0) return resolve();
      // eslint-disable-next-line no-control-regex
      const fel = logg.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((r) => /error|fel/i.test(r)).slice(0, 15).join('\n');
      reject(new Error(`gulp bundle --ship misslyckades (kod ${kod}), se gulp.log:\n${fel}`));
    });
  });
}

function lasManifest(dist: string): Map<string, IManifest> {
  const perBundle = new Map<string, IManifest>();
  for (const fil of readdirSync(dist).filter((f) => f.endsWith('.manifest.json'))) {
    const m = JSON.parse(readFileSync(path.join(dist, fil), 'utf8')) as IManifest;
    perBundle.set(m.loaderConfig.entryModuleId, m);
  }
  return perBundle;
}

/** The entry file and the Swedish strings files its define() names. */
function initialStorlek(dist: string, bundle: string, manifest: IManifest): IStorlek {
  const resurser = manifest.loaderConfig.scriptResources;
  const entry = resurser[bundle]?.path;
  if (!entry) throw new Error(`${bundle}: manifestet saknar sin bundle-fil`);
  const kallkod = readFileSync(path.join(dist, entry), 'utf8');
  const define = /define\((?:"[^"]*",\s*)?\[([^\]]*)\]/.exec(kallkod);
  const beroenden = define ? (JSON.parse(`[${define[1]}]`) as string[]) : [];
  const strangar = beroenden
    .map((b) => resurser[b])
    .filter((r) => r?.type === 'localizedPath')
    .map((r) => r.paths?.['sv-SE'] ?? r.defaultPath ?? '');
  const filer = [entry, ...strangar.filter(Boolean)];
  let ratt = 0;
  let gzip = 0;
  for (const f of filer) {
    const innehall = readFileSync(path.join(dist, f));
    ratt += innehall.length;
    gzip += gzipSync(innehall, { level: 9 }).length;
  }
  return { bundle, filer, ratt, gzip };
}

/** node_modules/<paket>/… → the package's name and its folder (the last node_modules wins). */
function paketAv(absolut: string): { namn: string; rot: string } | undefined {
  const nm = `${path.sep}node_modules${path.sep}`;
  const i = absolut.lastIndexOf(nm);
  if (i < 0) return undefined;
  const rest = absolut.slice(i + nm.length).split(path.sep);
  const namn = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  return { namn, rot: absolut.slice(0, i + nm.length + namn.length) };
}

function version(rot: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(rot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

/** A package copy as "2.8.1 under @pnp/sp" or "2.3.1" (the project's own, at the top of node_modules). */
function kopia(rot: string): string {
  const nm = `${path.sep}node_modules${path.sep}`;
  const inre = rot.slice(0, rot.lastIndexOf(nm));
  const agare = paketAv(inre);
  return `${version(rot)}${agare && inre.endsWith(agare.namn) ? ` under ${agare.namn}` : ''}`;
}

function beskrivOvriga(ovriga: IKontroll['ovriga']): string {
  return Array.from(ovriga).map(([namn, o]) =>
    `${namn} i ${o.kopior.size} kopior (${Array.from(o.kopior).map(kopia).join(', ')}) i ${Array.from(o.bundlar).map((b) => NAMN[b] ?? b).join(', ')}`
  ).join('; ');
}

/** A lib/….js module of ours as the src/ file it was compiled from. */
function kallfil(resurs: string): string {
  const ut = resurs.replace(/^lib\//, 'src/').replace(/\.js$/, '');
  return ['.tsx', '.ts'].map((e) => `${ut}${e}`).find((f) => existsSync(path.join(ROT, f))) ?? resurs;
}

interface IKontroll {
  /** Heavy libraries in an initial chunk: "exceljs (src/…/x.tsx)". */
  tungaInitialt: string[];
  /** Heavy libraries in chunks on demand: "exceljs → chunk.redovisning-export". */
  tungaPaBegaran: string[];
  /** @fluentui/* packages bundled more than once in one bundle: "surfplattor-web-part: @fluentui/react 8.106.4 + 8.125.7". */
  dubbletter: string[];
  /** Any other package bundled more than once in one bundle: package → its copies and the bundles that have them. */
  ovriga: Map<string, { kopior: Set<string>; bundlar: Set<string> }>;
  /** Versions of @fluentui/react across our bundles. */
  fluentVersioner: Set<string>;
}

function kontrollera(katalog: string, lista: IModulLista, bundlar: readonly string[]): IKontroll {
  const chunkAv = new Map(lista.chunks.map((c) => [String(c.id), c]));
  const utfall: IKontroll = { tungaInitialt: [], tungaPaBegaran: [], dubbletter: [], ovriga: new Map(), fluentVersioner: new Set() };
  const paBegaran = new Map<string, Set<string>>();
  for (const bundle of bundlar) {
    const entry = lista.entries[bundle];
    if (!entry) throw new Error(`${bundle}: saknas i modullistan`);
    const rotter = new Map<string, Set<string>>();
    const genomga = (ids: Array<string | number>, initial: boolean): void => {
      for (const id of ids) {
        const chunk = chunkAv.get(String(id));
        if (!chunk) continue;
        for (const m of chunk.moduler) {
          const paket = paketAv(path.resolve(katalog, m.resurs));
          if (!paket) continue;
          if (!rotter.has(paket.namn)) rotter.set(paket.namn, new Set());
          rotter.get(paket.namn)!.add(paket.rot);
          if (paket.namn === '@fluentui/react') utfall.fluentVersioner.add(version(paket.rot));
          if (TUNGA.indexOf(paket.namn) < 0) continue;
          if (initial) {
            // The import site: a module outside the library that imports this one.
            const stallen = m.fran.filter((f) => !f.includes(`node_modules/${paket.namn}/`)).map((f) => kallfil(f));
            if (stallen.length) utfall.tungaInitialt.push(`${paket.namn} i ${bundle} (importeras av ${stallen.join(', ')})`);
          } else {
            const fil = (chunk.filer.find((f) => f.endsWith('.js')) ?? String(chunk.id)).replace(/_[0-9a-f]{20}\.js$/, '');
            const grupper = chunk.grupper.filter((g) => `chunk.${g}` !== fil);
            if (!paBegaran.has(paket.namn)) paBegaran.set(paket.namn, new Set());
            paBegaran.get(paket.namn)!.add(grupper.length ? `${fil} (med ${grupper.join(', ')})` : fil);
          }
        }
      }
    };
    genomga(entry.initial, true);
    genomga(entry.asynk, false);
    for (const [namn, r] of rotter) {
      if (r.size < 2) continue;
      if (namn.startsWith('@fluentui/')) {
        utfall.dubbletter.push(`${bundle}: ${namn} ${Array.from(r).map(version).join(' + ')}`);
        continue;
      }
      if (!utfall.ovriga.has(namn)) utfall.ovriga.set(namn, { kopior: new Set(), bundlar: new Set() });
      const o = utfall.ovriga.get(namn)!;
      o.bundlar.add(bundle);
      for (const rot of r) o.kopior.add(rot);
    }
  }
  utfall.tungaInitialt = Array.from(new Set(utfall.tungaInitialt));
  utfall.tungaPaBegaran = Array.from(paBegaran).map(([namn, chunks]) => `${namn} → ${Array.from(chunks).join(', ')}`);
  return utfall;
}

export async function benchStorlek(): Promise<IBenchRad[]> {
  // Debugging only: read a kept build folder again instead of building.
  const given = process.env.BENCH_STORLEK_KATALOG;
  const katalog = given ?? forberedBygge();
  try {
    if (!given) await kor(katalog);
    const dist = path.join(katalog, 'dist');
    const manifest = lasManifest(dist);
    const lista = JSON.parse(readFileSync(path.join(katalog, 'temp', 'bench-moduler.json'), 'utf8')) as IModulLista;
    const vara = Object.keys((JSON.parse(readFileSync(path.join(ROT, 'config', 'config.json'), 'utf8')) as IConfigJson).bundles);
    const storlek = (bundle: string): IStorlek => {
      const m = manifest.get(bundle);
      if (!m) throw new Error(`${bundle}: inget manifest i dist/`);
      return initialStorlek(dist, bundle, m);
    };
    const fluent = storlek(PEER_BUNDLAR.fluent.bundle);
    const pnp = storlek(PEER_BUNDLAR.pnp.bundle);
    const kontroll = kontrollera(katalog, lista, vara);
    const peerKontroll = kontrollera(katalog, lista, [PEER_BUNDLAR.fluent.bundle, PEER_BUNDLAR.pnp.bundle]);

    const rader: IBenchRad[] = [];
    vara.forEach((bundle, i) => {
      const s = storlek(bundle);
      const namn = NAMN[bundle] ?? bundle;
      const filer = `${s.filer.length} filer, ${kBText(s.ratt)} okomprimerat`;
      rader.push({
        omrade: OMRADE, matt: namn, enhet: 'kB gzip', var: kB(s.gzip), peer: kB(fluent.gzip), peerNamn: FLUENT_PEER,
        not: i === 0
          ? `SPFx ${paketVersion('@microsoft/sp-build-web')} gulp bundle --ship av projektet och båda jämförelsedelarna i samma körning (SPFx:s webpack-konfiguration, React/ReactDOM/@microsoft/sp-* externa); entry-filen + svenska strängfiler ur dess define(), var fil gzip -9; import()-chunkar ej medräknade. Här: ${filer}. Golvet: ${kBText(fluent.ratt)} okomprimerat.`
          : filer
      });
      if (bundle === 'arendebalans-web-part') {
        rader.push({
          omrade: OMRADE, matt: `${namn} mot PnP ListView`, enhet: 'kB gzip', var: kB(s.gzip), peer: kB(pnp.gzip), peerNamn: PNP_PEER,
          not: `@pnp/spfx-controls-react ${paketVersion('@pnp/spfx-controls-react')}, ListView + ControlStrings (${kBText(pnp.ratt)} okomprimerat). Kontrollerna pinnar sin egen @fluentui/react (8.106.4 i 3.25); här byggd med projektets Fluent i en kopia (som npm overrides), annars två kopior.`
        });
      }
    });

    rader.push({
      omrade: OMRADE_KONTROLL, matt: 'Tunga bibliotek i initial JS', enhet: 'fynd', var: kontroll.tungaInitialt.length, peer: 0, peerNamn: 'golv',
      not: kontroll.tungaInitialt.length
        ? `I första laddningen: ${kontroll.tungaInitialt.join('; ')}. På begäran: ${kontroll.tungaPaBegaran.join('; ') || 'inga'}.`
        : `Sökt: ${TUNGA.join(', ')}. Bara i chunkar som laddas vid behov: ${kontroll.tungaPaBegaran.join('; ') || 'inga hittade'}.`
    });
    rader.push({
      omrade: OMRADE_KONTROLL, matt: 'Fluent UI-paket i mer än en kopia i en bundle', enhet: 'fynd', var: kontroll.dubbletter.length, peer: 0, peerNamn: 'golv',
      not: `${kontroll.dubbletter.length ? kontroll.dubbletter.join('; ') : 'Inga'} (alla @fluentui/*-paket, initialt och på begäran). @fluentui/react i paketet: ${Array.from(kontroll.fluentVersioner).join(', ')}.` +
        (peerKontroll.dubbletter.length ? ` Jämförelsedelarna: ${peerKontroll.dubbletter.join('; ')}.` : '')
    });
    rader.push({
      omrade: OMRADE_KONTROLL, matt: 'Versioner av @fluentui/react i paketet', enhet: 'versioner', var: kontroll.fluentVersioner.size, peer: 1, peerNamn: 'golv'
    });
    const ovrigaPar = Array.from(kontroll.ovriga.values()).reduce((n, o) => n + o.bundlar.size, 0);
    rader.push({
      omrade: OMRADE_KONTROLL, matt: 'Andra paket i mer än en kopia i en bundle', enhet: 'fynd', var: ovrigaPar, peer: 0, peerNamn: 'golv',
      not: `${ovrigaPar ? beskrivOvriga(kontroll.ovriga) : 'Inga'} (fynd = paket × bundle).` +
        (peerKontroll.ovriga.size ? ` Jämförelsedelarna: ${beskrivOvriga(peerKontroll.ovriga)}.` : '')
    });
    if (!given && !process.env.BENCH_BEHALL) rmSync(katalog, { recursive: true, force: true });
    return rader;
  } catch (fel) {
    // The build folder stays for a look (gulp.log, dist/, temp/bench-moduler.json).
    throw new Error(`${fel instanceof Error ? fel.message : String(fel)}\nByggkatalogen finns kvar: ${katalog}`);
  }
}
