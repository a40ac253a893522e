/**
 * The figures a fault-injection file measures: printed as one compact table when the file ends
 * (console.log, so `npm test` shows them) and written to test-results/fault/<namn>.json, where the
 * README quotes them from. A figure with a `krav` is also asserted by its test; the table says so.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

export interface ISiffra {
  /** What was measured, in the reader's words, e.g. "Sparningar" or "Förlorade ändringar". */
  matt: string;
  varde: number | string;
  enhet?: string;
  /** What the suite requires of the figure, e.g. "= 0" or "> 0"; empty for a plain measurement. */
  krav?: string;
}

export interface IFigurer {
  /** Adds or replaces a figure (by `matt`), keeping the order figures were first added in. */
  satt(matt: string, varde: number | string, extra?: Omit<ISiffra, 'matt' | 'varde'>): void;
  /** Adds to a numeric figure. */
  oka(matt: string, med?: number, extra?: Omit<ISiffra, 'matt' | 'varde'>): void;
  hamta(matt: string): number | string | undefined;
}

const KATALOG = join(__dirname, '..', '..', '..', 'test-results', 'fault');

function tal(v: number | string): string {
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? v.toLocaleString('sv-SE') : v.toLocaleString('sv-SE', { maximumFractionDigits: 2 });
}

/** The figures as a fixed-width table under a heading. */
export function tabell(rubrik: string, siffror: readonly ISiffra[]): string {
  const celler = siffror.map((s) => [s.matt, `${tal(s.varde)}${s.enhet ? ` ${s.enhet}` : ''}`, s.krav ?? '']);
  const huvud = ['Mått', 'Värde', 'Krav'];
  const bredd = huvud.map((h, i) => Math.max(h.length, ...celler.map((c) => c[i].length)));
  const rad = (c: readonly string[]): string => c.map((v, i) => (i === 1 ? v.padStart(bredd[i]) : v.padEnd(bredd[i]))).join('  ').trimEnd();
  return [rubrik, rad(huvud), bredd.map((b) => '-'.repeat(b)).join('  '), ...celler.map(rad)].join('\n');
}

/**
 * Figures for one test file. Call in the file's top level: it registers the afterAll that prints
 * the table and writes `test-results/fault/<namn>.json` (also when a test failed, so the figures
 * that show the failure are kept).
 */
export function figurer(namn: string, rubrik: string): IFigurer {
  const siffror: ISiffra[] = [];
  const start = Date.now();
  const hitta = (matt: string): ISiffra | undefined => siffror.find((s) => s.matt === matt);
  const api: IFigurer = {
    satt(matt, varde, extra = {}) {
      const finns = hitta(matt);
      if (finns) Object.assign(finns, { varde, ...extra });
      else siffror.push({ matt, varde, ...extra });
    },
    oka(matt, med = 1, extra = {}) {
      const fore = hitta(matt)?.varde;
      api.satt(matt, (typeof fore === 'number' ? fore : 0) + med, extra);
    },
    hamta: (matt) => hitta(matt)?.varde
  };
  afterAll(() => {
    const tid = Math.round((Date.now() - start) / 100) / 10;
    const alla = [...siffror, { matt: 'Körtid för filen', varde: tid, enhet: 's' }];
    // eslint-disable-next-line no-console
    console.log(tabell(`Felinjicering – ${rubrik}`, alla));
    mkdirSync(KATALOG, { recursive: true });
    writeFileSync(join(KATALOG, `${namn}.json`), `${JSON.stringify({ namn, rubrik, uppmatt: new Date().toISOString(), siffror: alla }, null, 2)}\n`);
  });
  return api;
}
