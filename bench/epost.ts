/**
 * The e-mail routine's bench (issue 7): 1,000 mails handled against the emulator in-process, and
 * how many round trips that takes. Graph's floor is one $batch call per 20 requests, so 50 calls
 * for 1,000 single-request actions (Gallra, Behåll); Diarieför takes three requests per mail
 * (forward, delete, delete the copy) plus the reads of sent items that find the copies.
 *
 * Round trips are counted at the HTTP level: every fetch the PnPjs clients make, the retry
 * behavior's resends included, goes through a counter before it reaches the emulator.
 *
 * For `npm run bench` (issue 8) it also returns rows for the one table: per scenario the round
 * trips beside the floor of 50, and the time beside the time of that floor measured in the same
 * run (50 bare $batch calls of 20 `GET /me` each, sent straight to the emulator: golvtid).
 * An action that needs more than one Graph request per mail has a floor of its own, the requests
 * it made / 20; the note says it where that differs from 50.
 */
import { GraphBrowser } from '@pnp/graph';
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser } from '@pnp/sp';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { Emulator } from '../emulator/core';
import { DEMO_ANVANDARE, forstaMedRoll, REGISTRATOR } from '../emulator/demo/anvandare';
import { IGraphLager, registreraGraph, seedaDemoPost } from '../emulator/graph';
import { laggIMapp } from '../emulator/graph/lager';
import { EmulatorTransport } from '../emulator/pnp';
import { registreraSharePoint } from '../emulator/sharepoint/rutter';
import { provisionera } from '../provisioning/provisionera';
import { EpostrutinTjanst } from '../src/data/epost/EpostrutinTjanst';
import { IMeddelandeRad } from '../src/data/epost/typer';
import { skapaGraph, skapaSp } from '../src/data/pnp';
import { IAtgardsval } from '../src/domain/epostrutin';
import { EpostloggLista } from '../src/schema/epost';
import { IBenchRad } from './tabell';

const MEJL = 1000;
const SIV = DEMO_ANVANDARE[0];
/** Graph's limit of requests per $batch call. */
const PER_BATCH = 20;

export interface IBenchrad {
  atgard: string;
  mejl: number;
  graphRundturer: number;
  sharepointForfragningar: number;
  tidMs: number;
  rundturerPer20: number;
  /** One $batch call per 20 mails. */
  golv: number;
  /** Sub-requests answered 429 (the throttled variant). */
  strypta: number;
  /** Retry-After the service waited out, in seconds (the bench does not sleep). */
  vantatS: number;
  klara: number;
  /**
   * Graph requests the action made, $batch sub-requests each counted and the $batch calls not
   * (the emulator's Graph count less the $batch calls); a sub-request that was throttled counts
   * once, when it went through.
   */
  graphForfragningar: number;
}

interface IMiljo {
  emulator: Emulator;
  lager: IGraphLager;
  raknare: { graph: number; sharepoint: number; batch: number };
}

/** An emulator with the journal list and Siv's mailbox filled up to 1,000+ mails, reached through a counting fetch. */
async function miljo(): Promise<IMiljo> {
  const emulator = new Emulator();
  emulator.anvandare.push(...DEMO_ANVANDARE);
  registreraSharePoint(emulator);
  const lager = registreraGraph(emulator);
  seedaDemoPost(lager, emulator);
  const admin = forstaMedRoll('admin')!;
  await provisionera(skapaSp(emulator.konfig.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(admin.email) })).using(EmulatorTransport(emulator)),
    { listor: [EpostloggLista] });
  const brevlada = lager.brevlada(SIV.aadId);
  const nu = Date.now();
  for (let i = 0; i < MEJL; i++) {
    const tid = new Date(nu - (i + 1) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    laggIMapp(brevlada, 'inbox', {
      skapad: tid, andrad: tid, mottaget: tid, skickat: tid, amne: `Fråga ${i + 1} om bygglov`, text: 'Hej! Hur lång är handläggningstiden?',
      fran: { name: 'Lars Persson', address: `lars.persson${i}@epost.example` }, till: [{ name: SIV.title, address: SIV.email }], kopia: [],
      last: false, viktighet: 'normal', bilagor: false, konversation: `AAQkADbench${i}=`, internetId: `<bench${i}@epost.example>`, utkast: false
    });
  }
  const raknare = { graph: 0, sharepoint: 0, batch: 0 };
  // The retry behavior calls the global fetch: counted here, then answered in-process.
  globalThis.fetch = (async (indata: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(indata instanceof Request ? indata.url : String(indata));
    if (url.pathname.startsWith('/v1.0/')) {
      raknare.graph++;
      if (url.pathname === '/v1.0/$batch') raknare.batch++;
    } else if (url.pathname.includes('/_api/')) raknare.sharepoint++;
    return emulator.fetch(indata, init);
  }) as typeof fetch;
  return { emulator, lager, raknare };
}

function tjanst(m: IMiljo, vantat: { ms: number }): EpostrutinTjanst {
  const bas = 'https://graph.microsoft.com/v1.0';
  const graph = skapaGraph(bas, GraphBrowser({ baseUrl: bas }), InjectHeaders({ Authorization: Emulator.token(SIV.email) }));
  const sp = skapaSp(m.emulator.konfig.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(SIV.email) }));
  return new EpostrutinTjanst(sp, m.emulator.sitePath, graph, { registratorAdress: REGISTRATOR, vanta: async (ms) => { vantat.ms += ms; } });
}

async function inkorgen(t: EpostrutinTjanst): Promise<IMeddelandeRad[]> {
  const ut: IMeddelandeRad[] = [];
  for (let sida = 0; ; sida++) {
    const s = await t.hamtaMeddelanden('inkorg', sida, 1000);
    ut.push(...s.meddelanden);
    if (!s.harFler) return ut.filter((m) => /^Fråga \d+ om bygglov$/.test(m.amne)).slice(0, MEJL);
  }
}

/** One scenario: its choices each for a share of the 1,000 mails, in the order the part would send them. */
async function kor(namn: string, val: readonly IAtgardsval[], strypning?: number): Promise<IBenchrad> {
  const m = await miljo();
  const vantat = { ms: 0 };
  const t = tjanst(m, vantat);
  const mejl = await inkorgen(t);
  if (mejl.length < MEJL) throw new Error(`Brevlådan har bara ${mejl.length} mejl`);
  m.raknare.graph = 0;
  m.raknare.sharepoint = 0;
  m.raknare.batch = 0;
  const graphFore = m.emulator.statistik.graph;
  if (strypning) m.emulator.satStrypning({ andel: strypning, statusar: [429], retryAfter: 0 });
  const strypta = m.emulator.statistik.strypta;
  const start = performance.now();
  let klara = 0;
  const del = Math.ceil(mejl.length / val.length);
  for (let i = 0; i < val.length; i++) {
    const resultat = await t.hantera(mejl.slice(i * del, (i + 1) * del), val[i]);
    klara += resultat.filter((r) => r.klar).length;
  }
  const tidMs = Math.round(performance.now() - start);
  m.emulator.satStrypning(undefined);
  return {
    atgard: namn,
    mejl: mejl.length,
    graphRundturer: m.raknare.graph,
    sharepointForfragningar: m.raknare.sharepoint,
    tidMs,
    rundturerPer20: Math.round((m.raknare.graph / (mejl.length / PER_BATCH)) * 100) / 100,
    golv: Math.ceil(mejl.length / PER_BATCH),
    strypta: m.emulator.statistik.strypta - strypta,
    vantatS: vantat.ms / 1000,
    klara,
    graphForfragningar: m.emulator.statistik.graph - graphFore - m.raknare.batch
  };
}

/**
 * The floor's time: 50 $batch calls of 20 of the cheapest Graph request there is (`GET /me?$select=id`),
 * sent straight to the emulator through the same counting fetch, without PnPjs or the service: what
 * 50 round trips and 1,000 sub-requests cost on this machine before any mail is touched. The best of
 * three, so a busy moment of the machine does not raise the floor.
 */
async function golvtid(): Promise<{ tidMs: number; rundturer: number }> {
  const m = await miljo();
  let basta = Infinity;
  let rundturer = 0;
  for (let varv = 0; varv < 3; varv++) {
    m.raknare.graph = 0;
    const start = performance.now();
    await lasIBatchar(MEJL);
    basta = Math.min(basta, performance.now() - start);
    rundturer = m.raknare.graph;
  }
  return { tidMs: Math.round(basta), rundturer };
}

async function lasIBatchar(antal: number): Promise<void> {
  for (let i = 0; i < antal; i += PER_BATCH) {
    const requests = Array.from({ length: Math.min(PER_BATCH, antal - i) }, (_, j) => ({ id: String(j + 1), method: 'GET', url: '/me?$select=id' }));
    const svar = await fetch('https://graph.microsoft.com/v1.0/$batch', {
      method: 'POST', headers: { Authorization: Emulator.token(SIV.email), 'Content-Type': 'application/json' }, body: JSON.stringify({ requests })
    });
    const kropp = await svar.json() as { responses?: Array<{ status: number }> };
    if (!svar.ok || kropp.responses?.length !== requests.length || kropp.responses.some((r) => r.status !== 200)) {
      throw new Error(`Golvets $batch-anrop svarade ${svar.status}: ${JSON.stringify(kropp).slice(0, 300)}`);
    }
  }
}

const tal = (v: number): string => v.toLocaleString('sv-SE');

/** The table's rows: round trips beside the floor, time beside the floor's time. */
function benchRader(rader: readonly IBenchrad[], golv: { tidMs: number; rundturer: number }): IBenchRad[] {
  const omrade = `E-postrutin, ${tal(MEJL)} mejl (Graph)`;
  return rader.flatMap((r, i): IBenchRad[] => {
    const egetGolv = Math.ceil(r.graphForfragningar / PER_BATCH);
    const perMejl = Math.round((r.graphForfragningar / r.mejl) * 100) / 100;
    const noter = [
      ...(egetGolv !== r.golv ? [`${tal(perMejl)} Graph-förfrågningar per mejl (${tal(r.graphForfragningar)} i allt): åtgärdens eget golv är ${tal(egetGolv)} rundturer`] : []),
      ...(r.strypta > 0 ? [`${tal(r.strypta)} förfrågningar fick 429 och gjordes om${r.vantatS > 0 ? ` (${tal(r.vantatS)} s Retry-After, som benchen inte sover)` : ''}`] : []),
      ...(r.klara !== r.mejl ? [`OBS: bara ${tal(r.klara)} av ${tal(r.mejl)} mejl klara`] : []),
      ...(r.sharepointForfragningar > 0 ? [`därtill ${tal(r.sharepointForfragningar)} SharePoint-förfrågningar (e-postloggen)`] : [])
    ];
    return [
      {
        omrade, matt: `${r.atgard}: rundturer`, enhet: 'rundturer', var: r.graphRundturer, peer: r.golv,
        peerNamn: `golv: ett $batch-anrop per ${PER_BATCH}`, ...(noter.length ? { not: noter.join('; ') } : {})
      },
      {
        omrade, matt: `${r.atgard}: tid`, enhet: 'ms', var: r.tidMs, peer: golv.tidMs,
        peerNamn: `golv: ${golv.rundturer} $batch-anrop à ${PER_BATCH} GET /me (bästa av 3)`,
        ...(i === 0 ? {
          not: 'emulatorn i processen: tiden är mest emulatorns arbete med brevlådan och PnPjs; golvet är bara rundturerna och batchhanteringen, '
            + 'utan mejl. Mot Graph styrs tiden av rundturerna (raden ovan)'
        } : {})
      }
    ];
  });
}

export const SCENARIER: ReadonlyArray<{ namn: string; val: readonly IAtgardsval[]; strypning?: number }> = [
  { namn: 'Gallra', val: [{ atgard: 'Gallra' }] },
  { namn: 'Diarieför', val: [{ atgard: 'Diarieför', kommentar: 'Inkommen handling' }] },
  { namn: 'Behåll', val: [{ atgard: 'Behåll', skal: 'Fortfarande aktuell' }] },
  {
    namn: 'Blandat (⅓ var)',
    val: [{ atgard: 'Diarieför' }, { atgard: 'Gallra' }, { atgard: 'Behåll', skal: 'Privat' }]
  },
  {
    namn: 'Blandat, 10 % 429',
    val: [{ atgard: 'Diarieför' }, { atgard: 'Gallra' }, { atgard: 'Behåll', skal: 'Privat' }],
    strypning: 0.1
  }
];

function tabell(rader: readonly IBenchrad[]): string {
  const huvud = ['Åtgärd', 'Mejl', 'Graph-rundturer', 'SharePoint-förfrågningar', 'Tid ms', 'Rundturer per 20 mejl', 'Golv', 'Strypta', 'Klara'];
  const celler = rader.map((r) => [r.atgard, r.mejl, r.graphRundturer, r.sharepointForfragningar, r.tidMs, r.rundturerPer20.toFixed(2), r.golv, r.strypta, r.klara].map(String));
  const bredd = huvud.map((h, i) => Math.max(h.length, ...celler.map((c) => c[i].length)));
  const rad = (c: string[]): string => c.map((v, i) => (i === 0 ? v.padEnd(bredd[i]) : v.padStart(bredd[i]))).join('  ');
  return [rad(huvud), bredd.map((b) => '-'.repeat(b)).join('  '), ...celler.map(rad)].join('\n');
}

export interface IEpostBench {
  /** This bench's own rows (also in bench/resultat/epost.json). */
  detaljer: IBenchrad[];
  /** The rows for `npm run bench`'s one table. */
  rader: IBenchRad[];
  golv: { tidMs: number; rundturer: number };
}

/** `tyst`: no table of its own (npm run bench prints the one table); epost.json is written either way. */
export async function benchEpost(alt: { tyst?: boolean } = {}): Promise<IEpostBench> {
  const riktig = globalThis.fetch;
  const rader: IBenchrad[] = [];
  let golv: { tidMs: number; rundturer: number };
  try {
    for (const s of SCENARIER) {
      rader.push(await kor(s.namn, s.val, s.strypning));
    }
    golv = await golvtid();
  } finally {
    globalThis.fetch = riktig;
  }
  const katalog = join(__dirname, 'resultat');
  mkdirSync(katalog, { recursive: true });
  writeFileSync(join(katalog, 'epost.json'), `${JSON.stringify({ tid: new Date().toISOString(), node: process.version, rader, golv }, undefined, 2)}\n`);
  if (!alt.tyst) {
    console.log(`E-postrutinen: ${MEJL} mejl per rad, emulatorn i processen (golvet: ett $batch-anrop per ${PER_BATCH} förfrågningar)\n`);
    console.log(tabell(rader));
    console.log(`\nGolvets tid: ${golv.rundturer} $batch-anrop à ${PER_BATCH} GET /me på ${golv.tidMs} ms (bästa av 3)`);
    console.log(`\nSparat i ${join('bench', 'resultat', 'epost.json')}`);
  }
  return { detaljer: rader, rader: benchRader(rader, golv), golv };
}
