/**
 * Provisioning re-run (issue 8): provisioning/provisionera.ts on a fresh emulated site, then again
 * on the site it left. The second run must find the site as the schema says and write nothing
 * (the floor for writes is 0); its reads and its time are set beside the first run's. Then once
 * more on the demo site (emulator/demo: provisioned, then filled with items, files and
 * permissions on items, as a site in use), which must not get writes either.
 *
 * As the demo does (emulator/demo): the emulator in-process, signed in as the admin by the
 * session cookie (so writes fetch a form digest, as in a browser), with the registrator's address
 * for the tenant property. Every request PnPjs sends is counted here, before the emulator answers.
 * A write is POST, PATCH, PUT, MERGE or DELETE (X-HTTP-Method counts); asking for the form digest
 * (POST _api/contextinfo) reads and is counted as a read.
 */
import { TimelinePipe } from '@pnp/core';
import { InjectHeaders, Queryable } from '@pnp/queryable';
import { SPBrowser } from '@pnp/sp';
import { performance } from 'perf_hooks';
import { Emulator } from '../emulator/core';
import { skapaDemo } from '../emulator/demo';
import { DEMO_ANVANDARE, forstaMedRoll, REGISTRATOR } from '../emulator/demo/anvandare';
import { registreraSharePoint } from '../emulator/sharepoint/rutter';
import { provisionera } from '../provisioning/provisionera';
import { skapaSp } from '../src/data/pnp';
import { IBenchRad } from './tabell';

const OMRADE = 'Provisionering';
const VARV = 3;
const SKRIVANDE = new Set(['POST', 'PATCH', 'PUT', 'MERGE', 'DELETE']);

export interface IProvForfragan {
  metod: string;
  /** Path and query without the site, decoded. */
  url: string;
  status: number;
  skriver: boolean;
}

export interface IProvKorning {
  forfragningar: number;
  skrivningar: number;
  tidMs: number;
  /** Of the requests: POST _api/contextinfo, the form digest for writes. */
  digest: number;
  /** What provisionera said it changed. */
  andringar: string[];
  varningar: string[];
  /** Every request (the re-runs'; emptied for the first run, whose writes are in forstaSkrivningar). */
  logg: IProvForfragan[];
}

function median(tal: readonly number[]): number {
  const s = [...tal].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function huvud(init: RequestInit, namn: string): string | undefined {
  const h = init.headers;
  if (!h) return undefined;
  if (h instanceof Headers) return h.get(namn) ?? undefined;
  const par = Array.isArray(h) ? h : Object.entries(h);
  return par.find(([k]) => k.toLowerCase() === namn.toLowerCase())?.[1];
}

function avkoda(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Answers in-process (as EmulatorTransport) and records each request on the way. */
function RaknandeTransport(emulator: Emulator, logg: IProvForfragan[]): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      const metod = (huvud(init, 'X-HTTP-Method') ?? init.method ?? 'GET').toUpperCase();
      const sokvag = avkoda(url.pathname + url.search).replace(emulator.sitePath, '');
      const svar = await emulator.fetch(url.toString(), init);
      logg.push({ metod, url: sokvag, status: svar.status, skriver: SKRIVANDE.has(metod) && !/\/_api\/contextinfo$/i.test(url.pathname) });
      return svar;
    });
    return instance;
  };
}

async function kor(emulator: Emulator): Promise<IProvKorning> {
  const logg: IProvForfragan[] = [];
  const admin = forstaMedRoll('admin')!;
  // A new client per run, as a new `npm run provision`: no form digest or list ids kept from the first run.
  const sp = skapaSp(emulator.konfig.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(admin.email) }))
    .using(RaknandeTransport(emulator, logg));
  const start = performance.now();
  const { andringar, varningar } = await provisionera(sp, { registratorAdress: REGISTRATOR });
  const tidMs = performance.now() - start;
  const digest = logg.filter((f) => /\/_api\/contextinfo$/i.test(f.url.split('?')[0])).length;
  return { forfragningar: logg.length, skrivningar: logg.filter((f) => f.skriver).length, digest, tidMs, andringar, varningar, logg };
}

export interface IProvisioneringBench {
  rader: IBenchRad[];
  forsta: IProvKorning;
  omkorning: IProvKorning;
  /** The re-run on the demo site, with its data. */
  demo: IProvKorning;
  /** The first run's writes, grouped by method and path ("POST /_api/web/lists ×16"). */
  forstaSkrivningar: string[];
  /** Requests the emulator did not know (should be none). */
  okanda: string[];
}

/** Requests grouped by method and path, ids (and, with `listor`, which list) left out: "POST /_api/web/lists ×16". */
function gruppera(logg: readonly IProvForfragan[], listor = false): string[] {
  const antal = new Map<string, number>();
  for (const f of logg) {
    let sokvag = f.url.split('?')[0].replace(/\(\d+\)/g, '(n)').replace(/'[0-9a-f-]{36}'/gi, "'<id>'");
    if (listor) sokvag = sokvag.replace(/getList\('[^']*'\)/i, 'getList(…)');
    const nyckel = `${f.metod} ${sokvag}`;
    antal.set(nyckel, (antal.get(nyckel) ?? 0) + 1);
  }
  return [...antal].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k));
}

/** "POST /_api/web/lists ×3; MERGE …": the writes, grouped by method and path without ids. */
export function sammanfattaSkrivningar(logg: readonly IProvForfragan[]): string {
  return gruppera(logg.filter((x) => x.skriver)).join('; ');
}

export async function benchProvisionering(): Promise<IProvisioneringBench> {
  // Three fresh sites: the times are the median of three (the counts are the same every time).
  const forstaKorningar: IProvKorning[] = [];
  const omkorningar: IProvKorning[] = [];
  const okanda: string[] = [];
  for (let i = 0; i < VARV; i++) {
    // A host of its own per site: PnPjs keeps form digests per web URL for the whole process (the
    // workbench's demo provisioning, earlier rounds), and each run is to start cold, as `npm run provision` does.
    const emulator = new Emulator({ webbplats: `https://bench${i + 1}-${process.pid}.sharepoint.com/sites/arendeportalen` });
    emulator.anvandare.push(...DEMO_ANVANDARE);
    registreraSharePoint(emulator);
    forstaKorningar.push(await kor(emulator));
    omkorningar.push(await kor(emulator));
    okanda.push(...emulator.okanda.splice(0));
  }
  const forsta = { ...forstaKorningar[0], tidMs: median(forstaKorningar.map((k) => k.tidMs)) };
  const omkorning = { ...omkorningar[0], tidMs: median(omkorningar.map((k) => k.tidMs)) };
  const antal = (k: IProvKorning): string => `${k.forfragningar}/${k.skrivningar}`;
  const varvAntal = [forstaKorningar, omkorningar].map((k) => k.map(antal).join(' ')).join(', ');
  const olika = [forstaKorningar, omkorningar].some((k) => new Set(k.map(antal)).size > 1);
  const { emulator: demoEmulator } = await skapaDemo();
  const demo = await kor(demoEmulator);
  okanda.push(...demoEmulator.okanda.splice(0));
  // The first run's log is long and all of it is expected: its writes, grouped, instead.
  const forstaSkrivningar = sammanfattaSkrivningar(forsta.logg).split('; ');
  forsta.logg = [];
  const rund = (ms: number): number => Math.round(ms);
  const skrevNot = omkorning.skrivningar > 0
    ? `omkörningen skrev: ${sammanfattaSkrivningar(omkorning.logg)}; provisionera rapporterade: ${omkorning.andringar.join(' | ') || '(inget)'}`
    : 'golvet: en omkörning på en webbplats som redan följer schemat ska inte skriva något';
  const rader: IBenchRad[] = [
    { omrade: OMRADE, matt: 'Omkörning (inget att ändra): skrivningar', enhet: 'skrivningar', var: omkorning.skrivningar, peer: 0, peerNamn: 'golv: inga skrivningar', not: skrevNot },
    {
      omrade: OMRADE, matt: 'Omkörning på demowebbplatsen (med data): skrivningar', enhet: 'skrivningar', var: demo.skrivningar, peer: 0,
      peerNamn: 'golv: inga skrivningar',
      ...(demo.skrivningar > 0 ? { not: `omkörningen skrev: ${sammanfattaSkrivningar(demo.logg)}; provisionera rapporterade: ${demo.andringar.join(' | ') || '(inget)'}` } : {})
    },
    {
      omrade: OMRADE, matt: 'Omkörning: förfrågningar totalt', enhet: 'förfrågningar', var: omkorning.forfragningar, peer: forsta.forfragningar,
      peerNamn: 'första körningen (tom webbplats)',
      not: `första körningen: ${forsta.forfragningar} förfrågningar, varav ${forsta.skrivningar} skrivningar och ${forsta.digest} formulärsammandrag (contextinfo), `
        + `för ${forsta.andringar.length} ändringar; omkörningen: ${gruppera(omkorning.logg, true).map((g) => g.replace(/^GET \/_api\//, '')).join(', ')}`
    },
    {
      omrade: OMRADE, matt: 'Omkörning: tid', enhet: 'ms', var: rund(omkorning.tidMs), peer: rund(forsta.tidMs), peerNamn: 'första körningen (tom webbplats)',
      not: `median av ${VARV} nya webbplatser; emulatorn i processen (ingen nätverksfördröjning): tiden är PnPjs och emulatorn, mot SharePoint Online styrs den av antalet rundturer`
    }
  ];
  const totalRad = rader.find((r) => r.matt === 'Omkörning: förfrågningar totalt')!;
  if (olika) totalRad.not = `${totalRad.not ?? ''}; OBS: antalet förfrågningar skilde sig mellan varven (${varvAntal})`;
  if (okanda.length > 0) rader[0].not = `${rader[0].not ?? ''}; emulatorn kände inte till: ${okanda.join(', ')}`;
  return { rader, forsta, omkorning, demo, forstaSkrivningar, okanda };
}
