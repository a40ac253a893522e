/**
 * `npm run bench` (issue 8): every bench of the product, one after another, their rows in ONE
 * table (bench/tabell.ts: ours beside a peer or floor of the same run, and the ratio), written with
 * the machine and each bench's details to bench/resultat/bench.json. The benches print nothing of
 * their own; a bench that fails is reported under the table, the others still run, and the exit
 * code is 1.
 *
 *   npm run bench                      all
 *   npm run bench -- forstaVy epost    only these (names as in BENCHAR)
 */
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { cpus, totalmem, platform, release } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { benchEpost } from './epost';
import { benchForstaVy } from './forstaVy';
import { benchProvisionering } from './provisionering';
import { IBenchRad, medKvot, skrivTabell } from './tabell';

interface IBenchUtfall {
  rader: IBenchRad[];
  /** Whatever the bench wants kept beside its rows in bench.json. */
  detaljer?: unknown;
}

interface IBench {
  namn: string;
  /** What it measures, for the progress line. */
  vad: string;
  kor: () => Promise<IBenchUtfall>;
}

/**
 * A bench in a file another person writes (bench/storlek.ts, bench/rendering.ts): run when the file
 * is there, exporting `async function <export>(): Promise<IBenchRad[]>`; skipped with a line when not.
 * Loaded by path so the type check does not need the file.
 */
function valfri(namn: string, vad: string, exportnamn: string): IBench {
  return {
    namn, vad,
    kor: async () => {
      const fil = join(__dirname, `${namn}.ts`);
      if (!existsSync(fil)) return { rader: [], detaljer: { saknas: `bench/${namn}.ts finns inte (än)` } };
      const modul = require(fil) as Record<string, unknown>;
      const funktion = modul[exportnamn];
      if (typeof funktion !== 'function') throw new Error(`bench/${namn}.ts exporterar ingen funktion ${exportnamn}`);
      return { rader: await (funktion as () => Promise<IBenchRad[]>)() };
    }
  };
}

const BENCHAR: readonly IBench[] = [
  {
    namn: 'forstaVy', vad: 'förfrågningar för första vyn (Chromium mot arbetsbänken)',
    kor: async () => {
      const { rader, detaljer, chromium } = await benchForstaVy();
      return { rader, detaljer: { chromium, vyer: detaljer } };
    }
  },
  {
    namn: 'provisionering', vad: 'provisionering och omkörning',
    kor: async () => {
      const { rader, ...detaljer } = await benchProvisionering();
      return { rader, detaljer };
    }
  },
  {
    namn: 'epost', vad: 'e-postrutinen, 1 000 mejl per åtgärd',
    kor: async () => {
      const { rader, detaljer, golv } = await benchEpost({ tyst: true });
      return { rader, detaljer: { scenarier: detaljer, golv } };
    }
  },
  // Bundle sizes and 5,000-row rendering beside peers (another helper's files).
  valfri('storlek', 'paketstorlekar', 'benchStorlek'),
  valfri('rendering', 'rendering av 5 000 rader i Chromium', 'benchRendering')
];

function maskin(): Record<string, unknown> {
  const k = cpus();
  return {
    cpuer: k.length,
    cpumodell: k[0]?.model.trim() ?? 'okänd',
    minneGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version
  };
}

async function main(): Promise<void> {
  const valda = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const okanda = valda.filter((v) => !BENCHAR.some((b) => b.namn === v));
  if (okanda.length > 0) throw new Error(`Okänd bench: ${okanda.join(', ')}. Finns: ${BENCHAR.map((b) => b.namn).join(', ')}`);
  const benchar = valda.length > 0 ? BENCHAR.filter((b) => valda.includes(b.namn)) : BENCHAR;

  const start = performance.now();
  const rader: IBenchRad[] = [];
  const perBench: Record<string, { sekunder: number; rader: number; detaljer?: unknown; fel?: string }> = {};
  const fel: string[] = [];
  for (const b of benchar) {
    process.stdout.write(`${b.namn}: ${b.vad} … `);
    const borjan = performance.now();
    try {
      const utfall = await b.kor();
      const sekunder = Math.round((performance.now() - borjan) / 100) / 10;
      rader.push(...utfall.rader);
      perBench[b.namn] = { sekunder, rader: utfall.rader.length, detaljer: utfall.detaljer };
      const saknas = (utfall.detaljer as { saknas?: string } | undefined)?.saknas;
      console.log(saknas ? `hoppas över: ${saknas}` : `${utfall.rader.length} rader, ${sekunder} s`);
    } catch (e) {
      const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
      const sekunder = Math.round((performance.now() - borjan) / 100) / 10;
      perBench[b.namn] = { sekunder, rader: 0, fel: text };
      fel.push(`${b.namn}: ${text}`);
      console.log(`FEL efter ${sekunder} s`);
    }
  }
  const totalt = Math.round((performance.now() - start) / 1000);

  console.log(`\n${skrivTabell(rader)}\n`);
  const dator = maskin();
  console.log(`${String(dator.cpuer)} × ${String(dator.cpumodell)}, Node ${process.version}; ${totalt} s.`);

  const katalog = join(__dirname, 'resultat');
  mkdirSync(katalog, { recursive: true });
  const fil = join(katalog, 'bench.json');
  writeFileSync(fil, `${JSON.stringify({
    datum: new Date().toISOString(),
    maskin: dator,
    sekunder: totalt,
    rader: rader.map(medKvot),
    benchar: perBench
  }, undefined, 2)}\n`);
  console.log(`Sparat i ${join('bench', 'resultat', 'bench.json')}.`);
  if (fel.length > 0) {
    console.error(`\n${fel.length} bench misslyckades:\n${fel.join('\n\n')}`);
    process.exitCode = 1;
  }
}

main().catch((fel: unknown) => {
  console.error(fel);
  process.exitCode = 1;
});
