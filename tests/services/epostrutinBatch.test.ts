/**
 * The shared $batch runner (src/data/graphBatch.ts) against the Graph emulator: groups kept whole,
 * what Graph did not run (429, 503 with Retry-After, for one request or the whole call) sent again
 * after Retry-After, what may have run (504, no answer) sent again only when that does no harm, a
 * request throttled to the end; and Graph's rule that a batch is fully parallel or fully sequential.
 */
import { GraphBrowser } from '@pnp/graph';
import { InjectHeaders } from '@pnp/queryable';
import { Emulator } from '../../emulator/core';
import { DEMO_ANVANDARE, REGISTRATOR } from '../../emulator/demo/anvandare';
import { IGraphLager, registreraGraph, seedaDemoPost } from '../../emulator/graph';
import { IStartadServer, startaServer } from '../../emulator/server';
import { BATCH_STORLEK, Fragegrupp, GraphBatch, IDelfraga, MAX_FORSOK, OVISS_FORSOK } from '../../src/data/graphBatch';
import { skapaGraph } from '../../src/data/pnp';

const SIV = DEMO_ANVANDARE[0];
const REFERENS = new Date('2025-03-14T10:00:00Z');

let emulator: Emulator;
let lager: IGraphLager;
let server: IStartadServer;
let vantan: number[];

function runner(url = server.url): GraphBatch {
  const bas = `${url}/v1.0`;
  return new GraphBatch(skapaGraph(bas, GraphBrowser({ baseUrl: bas }), InjectHeaders({ Authorization: Emulator.token(SIV.email) })),
    { vanta: async (ms) => { vantan.push(ms); } });
}

/** Inbox ids, oldest last, each used once across the file. */
let anvanda = 0;
function inkorg(n: number): string[] {
  const ids = Array.from(lager.brevlada(SIV.aadId).meddelanden.values()).filter((m) => m.mapp === 'inbox').map((m) => m.id);
  const ut = ids.slice(anvanda, anvanda + n);
  anvanda += n;
  return ut;
}

/** A forward to the registrator: a POST that must never run twice. */
function vidarebefordra(id: string, i: number): IDelfraga {
  return { id: `f${i}`, method: 'POST', url: `/me/messages/${encodeURIComponent(id)}/forward`, body: { comment: '', toRecipients: [{ emailAddress: { address: REGISTRATOR } }] } };
}

function avlyssnaBatchar(): number[] {
  const batchar: number[] = [];
  const riktig = globalThis.fetch;
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (indata: string | URL | Request, init?: RequestInit) => {
    if (/\/v1\.0\/\$batch$/.test(String(indata))) batchar.push((JSON.parse(String(init?.body)) as { requests: unknown[] }).requests.length);
    return riktig(indata, init);
  });
  return batchar;
}

const forwards = (id: string): number => lager.utgaende.filter((u) => u.ursprung === id).length;

beforeAll(async () => {
  emulator = new Emulator();
  emulator.anvandare.push(...DEMO_ANVANDARE);
  lager = registreraGraph(emulator);
  seedaDemoPost(lager, emulator, REFERENS);
  server = await startaServer(emulator);
});

afterAll(async () => {
  await server.stang();
});

beforeEach(() => {
  vantan = [];
});

afterEach(() => {
  jest.restoreAllMocks();
  emulator.satFel(undefined);
  emulator.forvantaIngaOkanda();
});

describe('GraphBatch mot emulatorn', () => {
  it('delar aldrig en grupp mellan två $batch-anrop och svarar för varje förfrågan', async () => {
    const ids = inkorg(7);
    const grupper = ids.map((id, i): IDelfraga[] => [
      { id: `a${i}`, method: 'GET', url: `/me/messages/${encodeURIComponent(id)}?$select=id` },
      { id: `b${i}`, method: 'GET', url: `/me/messages/${encodeURIComponent(id)}?$select=subject` },
      { id: `c${i}`, method: 'GET', url: `/me/messages/${encodeURIComponent(id)}?$select=isRead` }
    ]);
    const batchar = avlyssnaBatchar();
    const r = runner();
    const svar = await r.kor(grupper);
    expect(batchar).toEqual([18, 3]);
    expect(r.rundturer).toBe(2);
    expect(svar.size).toBe(21);
    expect(Array.from(svar.values()).every((s) => s.ok && s.status === 200 && s.forsok === 1)).toBe(true);
    expect(svar.get('a0')?.body).toMatchObject({ id: ids[0] });
  });

  it('skickar en strypt vidarebefordran (429: Graph körde den inte) igen efter Retry-After, och bara den', async () => {
    const ids = inkorg(3);
    let strypt = false;
    emulator.satFel((f) => {
      if (strypt || f.sokvag !== `/v1.0/me/messages/${ids[1]}/forward`) return undefined;
      strypt = true;
      return { status: 429, retryAfter: 7 };
    });
    const batchar = avlyssnaBatchar();
    const r = runner();
    const svar = await r.kor(ids.map((id, i) => [vidarebefordra(id, i)]));
    expect(batchar).toEqual([3, 1]);
    expect(vantan).toEqual([7000]);
    expect(r.strypta).toBe(1);
    expect(Array.from(svar.values()).every((s) => s.ok)).toBe(true);
    expect(svar.get('f1')?.forsok).toBe(2);
    expect(svar.get('f0')?.forsok).toBe(1);
    expect(ids.map(forwards)).toEqual([1, 1, 1]);
  });

  it('skickar inte om en vidarebefordran som fick 504 (den kan ha gått iväg) men väl en läsning', async () => {
    const [id] = inkorg(1);
    emulator.satFel((f) => (f.sokvag.endsWith('/forward') || f.sokvag === `/v1.0/me/messages/${id}` && f.url.search.includes('subject') ? 504 : undefined));
    const r = runner();
    const svar = await r.kor([[vidarebefordra(id, 0), { id: 'l', method: 'GET', url: `/me/messages/${encodeURIComponent(id)}?$select=subject` }]]);
    expect(svar.get('f0')).toMatchObject({ ok: false, status: 504, obesvarad: true, forsok: 1 });
    // A lost answer is tried a few times only: a dead gateway is said within seconds.
    expect(svar.get('l')).toMatchObject({ ok: false, status: 504, obesvarad: true, forsok: OVISS_FORSOK });
  });

  it('skickar om en 503 bara när Graph anger när (Retry-After); utan Retry-After är den slutlig för en skrivning', async () => {
    const [a, b] = inkorg(2);
    emulator.satFel((f) => {
      if (f.sokvag === `/v1.0/me/messages/${a}/forward`) return new Response(JSON.stringify({ error: { code: 'ServiceUnavailable', message: 'x' } }), { status: 503 });
      return undefined;
    });
    const svar = await runner().kor([[vidarebefordra(a, 0)], [vidarebefordra(b, 1)]]);
    expect(svar.get('f0')).toMatchObject({ ok: false, status: 503, forsok: 1 });
    expect(svar.get('f1')).toMatchObject({ ok: true, forsok: 1 });
    expect(forwards(a)).toBe(0);
  });

  it(`ger upp efter ${MAX_FORSOK} försök och redovisar förfrågan som strypt`, async () => {
    const [id] = inkorg(1);
    emulator.satFel((f) => (f.sokvag === `/v1.0/me/messages/${id}` ? { status: 503, retryAfter: 2 } : undefined));
    const svar = await runner().kor([[{ id: 'x', method: 'GET', url: `/me/messages/${encodeURIComponent(id)}` }]]);
    expect(svar.get('x')).toMatchObject({ ok: false, status: 503, fel: { orsak: 'strypt' }, forsok: MAX_FORSOK });
    expect(vantan).toEqual(Array.from({ length: MAX_FORSOK - 1 }, () => 2000));
  });

  it('skickar om hela anropet när Graph stryper själva $batch-anropet: inget av det kördes', async () => {
    const [id] = inkorg(1);
    let gang = 0;
    emulator.satFel((f) => (f.sokvag === '/v1.0/$batch' && gang++ === 0 ? { status: 429, retryAfter: 4 } : undefined));
    const batchar = avlyssnaBatchar();
    const svar = await runner().kor([[vidarebefordra(id, 0)]]);
    expect(batchar).toEqual([1, 1]);
    expect(vantan).toEqual([4000]);
    // The refused call reached no request, so it counts against none.
    expect(svar.get('f0')).toMatchObject({ ok: true, forsok: 1 });
    expect(forwards(id)).toBe(1);
  });

  it('skickar ett $batch-anrop som fick 504 en gång själv (inte PnPjs omförsök) och skickar bara om det som tål det', async () => {
    const [id, annat] = inkorg(2);
    let gang = 0;
    emulator.satFel((f) => (f.sokvag === '/v1.0/$batch' && gang++ === 0 ? 504 : undefined));
    const batchar = avlyssnaBatchar();
    const svar = await runner().kor([[vidarebefordra(id, 0)], [{ id: 'r', method: 'POST', url: `/me/messages/${encodeURIComponent(annat)}/permanentDelete`, upprepbar: true }]]);
    // The first call reached the emulator once; only the delete, which does no harm twice, went again.
    expect(batchar).toEqual([2, 1]);
    expect(svar.get('f0')).toMatchObject({ ok: false, status: 504, obesvarad: true, forsok: 1 });
    expect(svar.get('r')).toMatchObject({ ok: true, forsok: 2 });
  });

  it('ett $batch-anrop som inte når fram ger varje förfrågan orsaken natverk, utan svar', async () => {
    const stangd = await startaServer(new Emulator());
    await stangd.stang();
    const svar = await runner(stangd.url).kor([[{ id: 'x', method: 'GET', url: '/me' }], [{ id: 'y', method: 'POST', url: '/me/sendMail', body: {} }]]);
    expect(Array.from(svar.values())).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'x', ok: false, status: 0, obesvarad: true, forsok: OVISS_FORSOK, fel: expect.objectContaining({ orsak: 'natverk' }) }),
      expect.objectContaining({ id: 'y', ok: false, status: 0, obesvarad: true, forsok: 1, fel: expect.objectContaining({ orsak: 'natverk' }) })
    ]));
  });

  it('vägrar en grupp som inte ryms i ett $batch-anrop', async () => {
    const grupp = Array.from({ length: BATCH_STORLEK + 1 }, (_, i): IDelfraga => ({ id: `g${i}`, method: 'GET', url: '/me' }));
    await expect(runner().kor([grupp])).rejects.toThrow(/rymmer 20/);
  });
});

describe('emulatorns $batch följer Graphs regel om beroenden', () => {
  const skicka = async (requests: unknown[]): Promise<{ status: number; text: string }> => {
    const svar = await fetch(`${server.url}/v1.0/$batch`, {
      method: 'POST', headers: { Authorization: Emulator.token(SIV.email), 'Content-Type': 'application/json' }, body: JSON.stringify({ requests })
    });
    return { status: svar.status, text: await svar.text() };
  };
  const hamta = (id: string, dependsOn?: string[]): Record<string, unknown> => ({ id, method: 'GET', url: '/me', ...(dependsOn ? { dependsOn } : {}) });

  it('vägrar en $batch som blandar fristående förfrågningar med flera kedjor', async () => {
    const svar = await skicka([hamta('f0'), hamta('o0', ['f0']), hamta('f1'), hamta('o1', ['f1'])]);
    expect(svar.status).toBe(400);
    expect(svar.text).toMatch(/fully sequential or fully parallel/);
  });

  it('godtar helt parallella, helt sekventiella och de där alla beror på samma förfrågan', async () => {
    expect((await skicka([hamta('a'), hamta('b'), hamta('c')])).status).toBe(200);
    expect((await skicka([hamta('a'), hamta('b', ['a']), hamta('c', ['b'])])).status).toBe(200);
    expect((await skicka([hamta('a'), hamta('b', ['a']), hamta('c', ['a'])])).status).toBe(200);
  });
});
