/**
 * SharePoint (and Graph) requests for the first view of each web part (issue 8): the workbench in
 * Debian's Chromium, one fresh browser context per page load (no cookies, no storage: the offline
 * cache is empty, as on a person's first visit), the part alone on the page (`del=<part>`), signed
 * in as a role. Every request the page sends is recorded; the figure is the requests to SharePoint
 * (the emulated site's paths, `_api` and files) and to Graph (`/v1.0/`) from navigation until the
 * first view is shown: the part shows its data (a list, a grid, a table or a message), no spinner is
 * left in it, and the network has been quiet for a while with nothing in flight. A part cannot show
 * data with fewer than one request, so the peer is that floor.
 *
 * The React production build is served (what a SharePoint page gets). Per role, the view the role
 * lands on. In Teams the same roots render with the same services (the web part classes differ
 * only in theme and deep link), so Ärendebalanslista, Min surfplatta and E-postrutin in the Teams
 * personal app and the Mötesportal in its Teams tab make the same requests. Counted are the part's
 * own requests, not what SharePoint's or Teams' page itself loads. The extensions load nothing on
 * their own (the status column renders the row it is given, the banner listens to the browser and
 * the offline cache), so they get no row.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { performance } from 'perf_hooks';
import { nyKontext, startaChromium } from '../tests/browser/stod/webblasare';
import { IStartadWorkbench, startaWorkbench } from '../workbench/start';
import { DelId, Roll } from '../workbench/typer';
import { IBenchRad } from './tabell';

const OMRADE = 'SharePoint-förfrågningar för första vyn';
/** Quiet this long with nothing in flight, after the view is there, ends the first view. */
const TYST_MS = 1500;
/** A page that has not settled by then is reported as it stands. */
const MAX_MS = 30_000;

/** One view: a part as a role first sees it. */
interface IVyFall {
  del: DelId;
  roll: Roll;
  /** The row's name in the table. */
  namn: string;
}

/**
 * The views with data of their own. Left out, to keep the bench short: the handläggare's
 * Ärendebalanslista (the ledamot's requests; measured alike when this was written) and allmänhet
 * (not signed in: the same requests, answered 401).
 */
export const VYER: readonly IVyFall[] = [
  { del: 'arendebalans', roll: 'ledamot', namn: 'Ärendebalanslista (ledamot; även Teams-appen)' },
  { del: 'motesportal', roll: 'ledamot', namn: 'Mötesportal (ledamot; även Teams-fliken)' },
  { del: 'motesportal', roll: 'namndsekreterare', namn: 'Mötesportal (nämndsekreterare)' },
  { del: 'surfplattor', roll: 'kommunservice', namn: 'Surfplattor, registret (kommunservice)' },
  { del: 'surfplattor', roll: 'ledamot', namn: 'Min surfplatta (ledamot; även Teams-appen)' },
  { del: 'epostrutin', roll: 'ledamot', namn: 'E-postrutin (ledamot; även Teams-appen)' }
];

type Slag = 'sharepoint' | 'graph';

export interface IForfraganLogg {
  slag: Slag;
  metod: string;
  /** Path and query, decoded, without the origin. */
  url: string;
  status?: number;
  /** Since navigation started. */
  startMs: number;
  /** The requests inside a $batch call, as "METHOD path". */
  delar?: string[];
  /** Sent after the part already showed its data (a follow-up of the first view, not a precondition of it). */
  efterVyn: boolean;
}

export interface IForstaVyResultat {
  del: DelId;
  roll: Roll;
  namn: string;
  /** The part's heading, to see which view the role got. */
  rubrik: string;
  sharepoint: number;
  graph: number;
  /** Navigation to the data in the part. */
  vyMs: number;
  /** Navigation to quiet. */
  klartMs: number;
  /** Still busy after MAX_MS: the counts are as they stood then. */
  avbruten: boolean;
  /** Script or console errors on the page. */
  sidfel: string[];
  forfragningar: IForfraganLogg[];
}

function avkoda(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The lines "GET https://…/_api/… HTTP/1.1" of a SharePoint multipart batch, or Graph's JSON batch's requests. */
function batchDelar(req: Request, sitePath: string): string[] | undefined {
  if (!/\/\$batch$/.test(new URL(req.url()).pathname)) return undefined;
  const kropp = req.postData() ?? '';
  try {
    const json = JSON.parse(kropp) as { requests?: Array<{ method: string; url: string }> };
    if (Array.isArray(json.requests)) return json.requests.map((r) => `${r.method} ${avkoda(r.url)}`);
  } catch {
    // Not JSON: SharePoint's multipart batch.
  }
  const rader = [...kropp.matchAll(/^(GET|POST|PATCH|PUT|MERGE|DELETE) (\S+) HTTP\/1\.1$/gm)];
  return rader.map((m) => {
    let sokvag = m[2];
    try {
      const u = new URL(m[2]);
      sokvag = u.pathname + u.search;
    } catch {
      // Already relative.
    }
    return `${m[1]} ${avkoda(sokvag).replace(sitePath, '')}`;
  });
}

function slagFor(sokvag: string, sitePath: string): Slag | undefined {
  if (sokvag.startsWith('/v1.0/') || sokvag === '/v1.0') return 'graph';
  if (sokvag.toLowerCase().startsWith(sitePath.toLowerCase()) || sokvag.includes('/_api/')) return 'sharepoint';
  return undefined;
}

/**
 * Waits until the part shows data and no spinner, then until the network is quiet. Returns when the
 * data showed, and whether the page was still busy at MAX_MS (then the count is as it stood).
 */
async function vantaPaVyn(sida: Page, del: DelId, pagaende: () => number, senaste: () => number, start: number): Promise<{ vyMs: number; avbruten: boolean }> {
  const delen = sida.locator(`[data-del="${del}"]`);
  // Data, or the part's message instead of data (nothing to show, no access).
  await delen.locator('[role="grid"], [role="list"], table, [role="tablist"], .ms-MessageBar').first().waitFor({ timeout: MAX_MS });
  await sida.waitForFunction((d) => {
    const el = document.querySelector(`[data-del="${d}"]`);
    return el !== null && el.querySelector('.ms-Spinner, .ms-Shimmer-container') === null;
  }, del, { timeout: MAX_MS, polling: 50 });
  const vyMs = performance.now() - start;
  for (;;) {
    const nu = performance.now();
    if (nu - start > MAX_MS) return { vyMs, avbruten: true };
    const tystSedan = nu - Math.max(senaste(), start);
    if (pagaende() === 0 && tystSedan >= TYST_MS) {
      // The page may have started a spinner again (a follow-up load); wait that out too.
      const spinner = await delen.locator('.ms-Spinner').count();
      if (spinner === 0) break;
    }
    await sida.waitForTimeout(50);
  }
  return { vyMs, avbruten: false };
}

async function mat(webblasare: Browser, wb: IStartadWorkbench, fall: IVyFall): Promise<IForstaVyResultat> {
  const origin = new URL(wb.url).origin;
  const sitePath = wb.emulator.sitePath;
  const { kontext, sida, logg } = await nyKontext(webblasare, origin);
  try {
    const loggade: IForfraganLogg[] = [];
    const index = new Map<Request, IForfraganLogg>();
    let pagaende = 0;
    let senaste = 0;
    const start = performance.now();
    sida.on('request', (req) => {
      const url = new URL(req.url());
      const slag = slagFor(avkoda(url.pathname), sitePath);
      if (!slag) return;
      pagaende++;
      senaste = performance.now();
      const delar = batchDelar(req, sitePath);
      const post: IForfraganLogg = {
        slag, metod: req.method(), url: avkoda(url.pathname + url.search).replace(sitePath, ''),
        startMs: Math.round(senaste - start), ...(delar ? { delar } : {}), efterVyn: false
      };
      loggade.push(post);
      index.set(req, post);
    });
    const klar = (req: Request): void => {
      const post = index.get(req);
      if (!post) return;
      index.delete(req);
      pagaende--;
      senaste = performance.now();
    };
    sida.on('requestfinished', (req) => {
      const post = index.get(req);
      void req.response().then((svar) => { if (post && svar) post.status = svar.status(); }).catch(() => undefined);
      klar(req);
    });
    sida.on('requestfailed', klar);
    const adress = `${wb.url}?${new URLSearchParams({ roll: fall.roll, sprak: 'sv-SE', tema: 'sharepoint', del: fall.del }).toString()}`;
    await sida.goto(adress);
    const { vyMs, avbruten } = await vantaPaVyn(sida, fall.del, () => pagaende, () => senaste, start);
    // Requests sent after the data showed: follow-ups, not preconditions of the view.
    for (const post of loggade) post.efterVyn = post.startMs > vyMs;
    const klartMs = Math.round(Math.max(vyMs, senaste - start));
    const rubrik = ((await sida.locator(`[data-del="${fall.del}"] h2`).first().textContent().catch(() => '')) ?? '').trim();
    // Let late status callbacks land.
    await sida.waitForTimeout(20);
    return {
      del: fall.del, roll: fall.roll, namn: fall.namn, rubrik,
      sharepoint: loggade.filter((f) => f.slag === 'sharepoint').length,
      graph: loggade.filter((f) => f.slag === 'graph').length,
      vyMs: Math.round(vyMs), klartMs, avbruten, sidfel: [...logg.fel, ...logg.externa.map((u) => `extern förfrågan: ${u}`)],
      forfragningar: loggade
    };
  } finally {
    await kontext.close();
  }
}

/** One line per request: "GET /_api/web/lists/getByTitle('Uppdrag')/items?…". */
export function beskrivForfragningar(r: IForstaVyResultat): string[] {
  return r.forfragningar.map((f) => {
    const kort = f.url.length > 160 ? `${f.url.slice(0, 157)}…` : f.url;
    const delar = f.delar ? ` [${f.delar.length} i batchen: ${f.delar.join('; ')}]` : '';
    return `${f.metod} ${kort}${f.status !== undefined ? ` → ${f.status}` : ''}${f.efterVyn ? ' (efter att data visats)' : ''}${delar}`;
  });
}

/** A request in a few words: "Uppdrag/items", "Lan/EffectiveBasePermissions", "me/todo/lists", "$batch (6)". */
function kortNamn(f: IForfraganLogg): string {
  const sokvag = f.url.split('?')[0]
    .replace(/^\/_api\//, '').replace(/^\/v1\.0\//, '')
    .replace(/^web\/getList\('[^']*\/([^'/]+)'\)\//, '$1/')
    .replace(/^web\/getFileByServerRelativePath\(decodedUrl='[^']*\/([^'/]+)\/[^'/]+'\)\/\$value$/, 'fil i $1')
    .replace(/\(\d+\)/g, '(id)')
    .replace(/\/lists\/[^/]+\//, '/lists/{id}/');
  return `${f.metod === 'GET' ? '' : `${f.metod} `}${sokvag}${f.delar ? ` (${f.delar.length} i batchen)` : ''}`;
}

/** What the requests were, when more than the floor's one: in order, repeats folded ("Justeringar/items ×3"), follow-ups marked. */
function not(r: IForstaVyResultat, slag: Slag): string | undefined {
  const egna = r.forfragningar.filter((f) => f.slag === slag);
  const fel = [
    ...(r.sidfel.length ? [`${r.sidfel.length} fel på sidan (se bench.json)`] : []),
    ...(r.avbruten ? [`sidan blev inte tyst på ${MAX_MS / 1000} s: antalet är som det stod då`] : [])
  ];
  if (egna.length <= 1 && fel.length === 0) return undefined;
  const grupper: Array<{ namn: string; antal: number; efter: number }> = [];
  for (const f of egna) {
    const namn = kortNamn(f);
    const g = grupper.find((x) => x.namn === namn);
    if (g) {
      g.antal++;
      if (f.efterVyn) g.efter++;
    } else {
      grupper.push({ namn, antal: 1, efter: f.efterVyn ? 1 : 0 });
    }
  }
  const sammaUrl = egna.length - new Set(egna.map((f) => `${f.metod} ${f.url}`)).size;
  const efter = egna.filter((f) => f.efterVyn).length;
  return [
    grupper.map((g) => `${g.namn}${g.antal > 1 ? ` ×${g.antal}` : ''}`).join(', '),
    ...(efter > 0 ? [`${efter} av dem skickade efter att data visats`] : []),
    ...(sammaUrl > 0 ? [`${sammaUrl} med exakt samma URL som en tidigare`] : []),
    ...fel
  ].join('; ');
}

export interface IForstaVyBench {
  rader: IBenchRad[];
  detaljer: IForstaVyResultat[];
  /** Chromium's version, for the record. */
  chromium: string;
}

export async function benchForstaVy(): Promise<IForstaVyBench> {
  const [webblasare, wb] = await Promise.all([startaChromium(), startaWorkbench({ port: 0, tyst: true, produktion: true })]);
  const detaljer: IForstaVyResultat[] = [];
  const chromium = webblasare.version();
  try {
    // Counts, not times, are the figure: no warm-up load (the first view's vyMs includes the browser's first bundle parse).
    for (const fall of VYER) detaljer.push(await mat(webblasare, wb, fall));
  } finally {
    await webblasare.close();
    await wb.stang();
  }
  const rader: IBenchRad[] = [];
  for (const r of detaljer) {
    const spNot = not(r, 'sharepoint');
    rader.push({ omrade: OMRADE, matt: r.namn, enhet: 'förfrågningar', var: r.sharepoint, peer: 1, peerNamn: 'golv: en förfrågan', ...(spNot ? { not: spNot } : {}) });
    if (r.graph > 0) {
      const gNot = not(r, 'graph');
      rader.push({ omrade: OMRADE, matt: `${r.namn}, Graph`, enhet: 'förfrågningar', var: r.graph, peer: 1, peerNamn: 'golv: en förfrågan', ...(gNot ? { not: gNot } : {}) });
    }
  }
  return { rader, detaljer, chromium };
}
