import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import * as vm from 'vm';

export const ROT = join(__dirname, '..', '..');

/**
 * Every strings module of the product, from config/config.json, with its folder under src/. A
 * library's own module (ControlStrings, which @pnp/spfx-controls-react's install adds, pointing into
 * node_modules) is the library's to keep in step, not ours.
 */
export function locModuler(): Array<{ modul: string; mapp: string }> {
  const config = JSON.parse(readFileSync(join(ROT, 'config', 'config.json'), 'utf8')) as { localizedResources: Record<string, string> };
  return Object.entries(config.localizedResources).filter(([, fil]) => fil.startsWith('lib/')).map(([modul, fil]) => ({
    modul,
    mapp: join(ROT, fil.replace(/^lib\//, 'src/').replace(/\/\{locale\}\.js$/, ''))
  }));
}

/** Runs an AMD loc file the way SPFx's loader would and returns its strings. */
export function lasStrangar(fil: string): Record<string, unknown> {
  let strangar: Record<string, unknown> | undefined;
  const define = (_deps: unknown, fabrik: () => Record<string, unknown>): void => { strangar = fabrik(); };
  vm.runInNewContext(readFileSync(fil, 'utf8'), { define }, { filename: fil });
  if (!strangar) {
    throw new Error(`${fil} anropar inte define([], …).`);
  }
  return strangar;
}

/** The member names of the interface a mystrings.d.ts declares. */
export function deklareradeNycklar(mapp: string): string[] {
  const fil = join(mapp, 'mystrings.d.ts');
  if (!existsSync(fil)) {
    return [];
  }
  const kropp = /interface\s+\w+\s*\{([^}]*)\}/.exec(readFileSync(fil, 'utf8'))?.[1] ?? '';
  return Array.from(kropp.matchAll(/^\s*(\w+)\s*:\s*string;/gm), (m) => m[1]);
}
