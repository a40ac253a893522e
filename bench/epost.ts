/**
 * The e-mail routine's bench (issue 7): 1,000 mails handled against the emulator in-process, and
 * how many round trips that takes. Graph's floor is one $batch call per 20 requests, so 50 calls
 * for 1,000 single-request actions (Gallra, Behåll); Diarieför takes three requests per mail
 * (forward, delete, delete the copy) plus the reads of sent items that find the copies.
 *
 * Round trips are counted at the HTTP level: every fetch the PnPjs clients make, the retry
 * behavior's resends included, goes through a counter before it reaches the emulator.
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
}

interface IMiljo {
  emulator: Emulator;
  lager: IGraphLager;
  raknare: { graph: number; sharepoint: number };
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
  const raknare = { graph: 0, sharepoint: 0 };
  // The retry behavior calls the global fetch: counted here, then answered in-process.
  globalThis.fetch = (async (indata: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(indata instanceof Request ? indata.url : String(indata));
    if (url.pathname.startsWith('/v1.0/')) raknare.graph++;
    else if (url.pathname.includes('/_api/')) raknare.sharepoint++;
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
    klara
  };
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

export async function benchEpost(): Promise<IBenchrad[]> {
  const riktig = globalThis.fetch;
  const rader: IBenchrad[] = [];
  try {
    for (const s of SCENARIER) {
      rader.push(await kor(s.namn, s.val, s.strypning));
    }
  } finally {
    globalThis.fetch = riktig;
  }
  console.log(`E-postrutinen: ${MEJL} mejl per rad, emulatorn i processen (golvet: ett $batch-anrop per ${PER_BATCH} förfrågningar)\n`);
  console.log(tabell(rader));
  const katalog = join(__dirname, 'resultat');
  mkdirSync(katalog, { recursive: true });
  writeFileSync(join(katalog, 'epost.json'), `${JSON.stringify({ tid: new Date().toISOString(), node: process.version, rader }, undefined, 2)}\n`);
  console.log(`\nSparat i ${join('bench', 'resultat', 'epost.json')}`);
  return rader;
}
