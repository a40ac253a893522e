/**
 * Bundles the workbench page with esbuild: workbench/app.tsx with React 17, Fluent UI, PnPjs and
 * the real web part roots. Two virtual kinds of module stand in for what SPFx's loader does:
 * each `*Strings` module (config.json's localizedResources, plus the workbench's own) becomes
 * getters over both languages, and `workbench-ikoner` exports the SVG icons to register.
 *
 * `npm run workbench:build` runs this file and writes temp/workbench/ (ignored by git);
 * the server (start.ts) builds in memory.
 */
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { EXTRA_IKONER, ikonnamnIKallkod } from './ikonnamn';

export const ROT = path.join(__dirname, '..');
export const UT_KATALOG = path.join(ROT, 'temp', 'workbench');
/** Public paths of the bundle, as the page requests them. */
export const BUNDLE_SOKVAG = '/__workbench/app.js';

const LOC_SPRAK = ['sv-se', 'en-us'];
const IKON_MODUL = 'workbench-ikoner';
const IKON_PAKET = path.join(ROT, 'node_modules', '@fluentui', 'react-icons-mdl2');

/** Every strings module and the folder of its sv-se.js / en-us.js. */
export function locModuler(): Record<string, string> {
  const config = JSON.parse(readFileSync(path.join(ROT, 'config', 'config.json'), 'utf8')) as { localizedResources: Record<string, string> };
  const moduler: Record<string, string> = {};
  for (const [modul, fil] of Object.entries(config.localizedResources)) {
    // config.json points at lib/ (gulp's output); the same files live under src/.
    moduler[modul] = path.join(ROT, path.dirname(fil.replace(/^lib\//, 'src/')));
  }
  moduler.WorkbenchStrings = path.join(ROT, 'workbench', 'loc');
  return moduler;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** CommonJS source: both AMD loc files evaluated once, exported as getters read at call time. */
function locModulKalla(mapp: string): string {
  const sprakModul = JSON.stringify(path.join(ROT, 'workbench', 'sprak.ts'));
  const tabell = LOC_SPRAK.map((sprak) => {
    const fil = path.join(mapp, `${sprak}.js`);
    // The AMD file runs with a local `define` that hands back its strings object.
    return `  ${JSON.stringify(sprak)}: amd(function (define) {\n${readFileSync(fil, 'utf8')}\n})`;
  }).join(',\n');
  return `var sprak = require(${sprakModul});
function amd(kor) { var strangar; kor(function (_beroenden, fabrik) { strangar = fabrik(); }); return strangar; }
var tabell = {
${tabell}
};
Object.keys(tabell['sv-se']).forEach(function (nyckel) {
  Object.defineProperty(exports, nyckel, {
    enumerable: true,
    get: function () {
      var valda = tabell[sprak.aktuellLocFil()];
      return valda && nyckel in valda ? valda[nyckel] : tabell['sv-se'][nyckel];
    }
  });
});
`;
}

function kallfiler(mapp: string): string[] {
  return readdirSync(mapp).flatMap((namn) => {
    const full = path.join(mapp, namn);
    if (statSync(full).isDirectory()) return kallfiler(full);
    return /\.tsx?$/.test(namn) ? [full] : [];
  });
}

/** The icons to register: literal names found in src/ plus EXTRA_IKONER, kept to those the SVG package has. */
export function ikonerAttRegistrera(): { namn: string[]; saknas: string[] } {
  const alla = new Set<string>(EXTRA_IKONER);
  for (const fil of kallfiler(path.join(ROT, 'src'))) {
    for (const namn of ikonnamnIKallkod(readFileSync(fil, 'utf8'))) alla.add(namn);
  }
  const namn: string[] = [];
  const saknas: string[] = [];
  for (const n of Array.from(alla).sort()) {
    (existsSync(path.join(IKON_PAKET, 'lib', 'components', `${n}Icon.js`)) ? namn : saknas).push(n);
  }
  return { namn, saknas };
}

function ikonModulKalla(namn: readonly string[]): string {
  return `import { ${namn.map((n) => `${n}Icon`).join(', ')} } from '@fluentui/react-icons-mdl2';
export const IKONER = { ${namn.map((n) => `${JSON.stringify(n)}: ${n}Icon`).join(', ')} };
`;
}

export function workbenchPlugin(): esbuild.Plugin {
  const moduler = locModuler();
  return {
    name: 'arendeportalen-workbench',
    setup(bygge) {
      const filter = new RegExp(`^(${[...Object.keys(moduler), IKON_MODUL].map(escapeRegExp).join('|')})$`);
      bygge.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'workbench-virtuell' }));
      bygge.onLoad({ filter: /.*/, namespace: 'workbench-virtuell' }, (args) => {
        if (args.path === IKON_MODUL) {
          const { namn, saknas } = ikonerAttRegistrera();
          return {
            contents: ikonModulKalla(namn),
            loader: 'js',
            resolveDir: ROT,
            warnings: saknas.map((n) => ({ text: `Ikonen "${n}" används i src/ men finns inte i @fluentui/react-icons-mdl2; den visas tom.` }))
          };
        }
        const mapp = moduler[args.path];
        return {
          contents: locModulKalla(mapp),
          loader: 'js',
          resolveDir: ROT,
          // A rebuild in watch mode picks up edits to the loc files too.
          watchFiles: LOC_SPRAK.map((s) => path.join(mapp, `${s}.js`))
        };
      });
    }
  };
}

export interface IByggAlternativ {
  /** Write to temp/workbench/ (true) or keep the output in memory (false). */
  skriv?: boolean;
  /** React's production build and minified output; the default is React's development build and its warnings. */
  produktion?: boolean;
  plugins?: esbuild.Plugin[];
}

export function byggAlternativ(alt: IByggAlternativ = {}): esbuild.BuildOptions {
  return {
    absWorkingDir: ROT,
    entryPoints: { app: path.join(ROT, 'workbench', 'app.tsx') },
    outdir: UT_KATALOG,
    bundle: true,
    write: alt.skriv ?? false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    sourcemap: 'linked',
    minify: alt.produktion ?? false,
    jsx: 'transform',
    logLevel: 'silent',
    define: {
      'process.env.NODE_ENV': JSON.stringify(alt.produktion ? 'production' : 'development')
    },
    plugins: [workbenchPlugin(), ...(alt.plugins ?? [])]
  };
}

/** Output files by public path (`/__workbench/app.js`, `/__workbench/app.js.map`). */
export type Bundle = Map<string, Uint8Array>;

export function tillBundle(resultat: esbuild.BuildResult): Bundle {
  const bundle: Bundle = new Map();
  for (const fil of resultat.outputFiles ?? []) {
    bundle.set(`/__workbench/${path.relative(UT_KATALOG, fil.path).split(path.sep).join('/')}`, fil.contents);
  }
  return bundle;
}

export function formateraFel(fel: unknown): string {
  const meddelanden = (fel as { errors?: esbuild.Message[] }).errors;
  if (!meddelanden || meddelanden.length === 0) return String(fel);
  return meddelanden.map((m) => `${m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : ''}${m.text}`).join('\n');
}

export async function byggWorkbench(alt: IByggAlternativ = {}): Promise<{ bundle: Bundle; varningar: string[] }> {
  const resultat = await esbuild.build(byggAlternativ(alt));
  return { bundle: tillBundle(resultat), varningar: resultat.warnings.map((v) => v.text) };
}

if (require.main === module) {
  const start = Date.now();
  byggWorkbench({ skriv: true, produktion: process.argv.includes('--produktion') }).then(({ varningar }) => {
    for (const v of varningar) console.warn(`varning: ${v}`);
    const storlek = statSync(path.join(UT_KATALOG, 'app.js')).size;
    console.log(`Arbetsbänken byggd på ${Date.now() - start} ms: ${path.relative(ROT, UT_KATALOG)}/app.js (${(storlek / 1024).toFixed(0)} KB)`);
  }).catch((fel: unknown) => {
    console.error(`Bygget misslyckades:\n${formateraFel(fel)}`);
    process.exitCode = 1;
  });
}
