/**
 * The shared $batch runner (src/data/graphBatch.ts) against the Graph emulator: groups kept whole,
 * throttled requests and the 424s that waited on them sent again after Retry-After, a failed
 * dependency reported as the cause, a request throttled to the end, and a batch call that fails.
 */
import { GraphBrowser } from '@pnp/graph';
import { InjectHeaders } from '@pnp/queryable';
import { Emulator } from '../../emulator/core';
import { DEMO_ANVANDARE, REGISTRATOR } from '../../emulator/demo/anvandare';
import { IGraphLager, registreraGraph, seedaDemoPost } from '../../emulator/graph';
import { IStartadServer, startaServer } from '../../emulator/server';
import { BATCH_STORLEK, Fragegrupp, GraphBatch, IDelfraga, MAX_FORSOK } from '../../src/data/graphBatch';
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

/** Forward to the registrator, then delete the original only if the forward succeeded. */
function diarieGrupp(id: string, i: number): Fragegrupp {
  return [
    { id: `f${i}`, method: 'POST', url: `/me/messages/${encodeURIComponent(id)}/forward`, body: { comment: '', toRecipients: [{ emailAddress: { address: REGISTRATOR } }] } },
    { id: `o${i}`, method: 'POST', url: `/me/messages/${encodeURIComponent(id)}/permanentDelete`, dependsOn: [`f${i}`] }
  ];
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
      { id: `b${i}`, method: 'GET', url: `/me/messages/${encodeURIComponent(id)}?$select=subject`, dependsOn: [`a${i}`] },
      { id: `c${i}`, method: 'GET', url: `/me/messages/${encodeURIComponent(id)}?$select=isRead`, dependsOn: [`b${i}`] }
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

  it('skickar en strypt vidarebefordran och raderingen som väntade på den (424) igen efter Retry-After', async () => {
    const ids = inkorg(3);
    let strypt = false;
    emulator.satFel((f) => {
      if (strypt || f.sokvag !== `/v1.0/me/messages/${ids[1]}/forward`) return undefined;
      strypt = true;
      return { status: 429, retryAfter: 7 };
    });
    const batchar = avlyssnaBatchar();
    const r = runner();
    const svar = await r.kor(ids.map(diarieGrupp));
    expect(batchar).toEqual([6, 2]);
    expect(vantan).toEqual([7000]);
    expect(r.strypta).toBe(1);
    expect(Array.from(svar.values()).every((s) => s.ok)).toBe(true);
    expect(svar.get('f1')?.forsok).toBe(2);
    expect(svar.get('o1')?.forsok).toBe(2);
    expect(svar.get('f0')?.forsok).toBe(1);
    expect(ids.map(forwards)).toEqual([1, 1, 1]);
  });

  it('en radering vars vidarebefordran misslyckades får 424 med vidarebefordrans orsak och skickas inte igen', async () => {
    const [id] = inkorg(1);
    emulator.satFel((f) => (f.sokvag === `/v1.0/me/messages/${id}/forward` ? 403 : undefined));
    const svar = await runner().kor([diarieGrupp(id, 0)]);
    expect(svar.get('f0')).toMatchObject({ ok: false, status: 403, fel: { orsak: 'behorighet' }, forsok: 1 });
    expect(svar.get('o0')).toMatchObject({ ok: false, status: 424, fel: { orsak: 'behorighet' }, forsok: 1 });
    expect(vantan).toEqual([]);
    expect(lager.brevlada(SIV.aadId).meddelanden.has(id)).toBe(true);
  });

  it(`ger upp efter ${MAX_FORSOK} försök och redovisar förfrågan som strypt`, async () => {
    const [id] = inkorg(1);
    emulator.satFel((f) => (f.sokvag === `/v1.0/me/messages/${id}` ? { status: 503, retryAfter: 2 } : undefined));
    const svar = await runner().kor([[{ id: 'x', method: 'GET', url: `/me/messages/${encodeURIComponent(id)}` }]]);
    expect(svar.get('x')).toMatchObject({ ok: false, status: 503, fel: { orsak: 'strypt' }, forsok: MAX_FORSOK });
    expect(vantan).toEqual(Array.from({ length: MAX_FORSOK - 1 }, () => 2000));
  });

  it('ett $batch-anrop som inte når fram ger varje förfrågan orsaken natverk, utan svar', async () => {
    const stangd = await startaServer(new Emulator());
    await stangd.stang();
    const svar = await runner(stangd.url).kor([[{ id: 'x', method: 'GET', url: '/me' }], [{ id: 'y', method: 'GET', url: '/me' }]]);
    expect(Array.from(svar.values())).toEqual([
      expect.objectContaining({ id: 'x', ok: false, status: 0, obesvarad: true, fel: expect.objectContaining({ orsak: 'natverk' }) }),
      expect.objectContaining({ id: 'y', ok: false, status: 0, obesvarad: true, fel: expect.objectContaining({ orsak: 'natverk' }) })
    ]);
  });

  it('vägrar en grupp som inte ryms i ett $batch-anrop', async () => {
    const grupp = Array.from({ length: BATCH_STORLEK + 1 }, (_, i): IDelfraga => ({ id: `g${i}`, method: 'GET', url: '/me' }));
    await expect(runner().kor([grupp])).rejects.toThrow(/rymmer 20/);
  });
});
