/**
 * The e-mail service on PnPjs Graph against the emulator over loopback HTTP: the same requests
 * the web part sends in SharePoint, with the product's own retry behavior (src/data/pnp.ts).
 */
import { runInNewContext } from 'vm';
import { GraphBrowser } from '@pnp/graph';
import { InjectHeaders } from '@pnp/queryable';
import { Emulator } from '../../emulator/core';
import { DEMO_ANVANDARE } from '../../emulator/demo/anvandare';
import { DEMO_ANTAL_FORSTA, IGraphLager, registreraGraph, seedaDemoPost } from '../../emulator/graph';
import { IStartadServer, startaServer } from '../../emulator/server';
import { GraphEpostTjanst, IEpostTjanst } from '../../src/data/epost';
import { tolkaDataFel } from '../../src/data/fel';
import { skapaGraph } from '../../src/data/pnp';
import { GraphUtskick } from '../../src/data/epost/Utskick';
import { felText } from '../../src/ui/felText';
import { forvantaDataFel } from '../support/testdata';

const SIV = DEMO_ANVANDARE[0];
const REFERENS = new Date('2025-03-14T10:00:00Z');
// With this seed and half the requests throttled, the first request is throttled and the next passes.
const FRO = 8;

let emulator: Emulator;
let lager: IGraphLager;
let server: IStartadServer;

function tjanstFor(auth: string | undefined, url = server.url): IEpostTjanst {
  const bas = `${url}/v1.0`;
  const beteenden = [GraphBrowser({ baseUrl: bas }), ...(auth ? [InjectHeaders({ Authorization: auth })] : [])];
  return new GraphEpostTjanst(skapaGraph(bas, ...beteenden));
}

beforeAll(async () => {
  emulator = new Emulator({ fro: FRO });
  emulator.anvandare.push(...DEMO_ANVANDARE);
  lager = registreraGraph(emulator);
  seedaDemoPost(lager, emulator, REFERENS);
  server = await startaServer(emulator);
});

afterAll(async () => {
  await server.stang();
});

afterEach(() => {
  emulator.satStrypning(undefined);
  lager.utanEpostbehorighet.clear();
  emulator.forvantaIngaOkanda();
});

describe('GraphEpostTjanst mot emulatorn', () => {
  it('räknar inkorgen, skickat och borttaget', async () => {
    const mappar = await tjanstFor(Emulator.token(SIV.email)).hamtaMappar();
    expect(mappar.inkorg).toMatchObject({ mapp: 'inkorg', totalt: DEMO_ANTAL_FORSTA.inbox });
    expect(mappar.skickat).toMatchObject({ mapp: 'skickat', totalt: DEMO_ANTAL_FORSTA.sentitems, olasta: 0 });
    expect(mappar.borttaget).toMatchObject({ mapp: 'borttaget', totalt: DEMO_ANTAL_FORSTA.deleteditems });
    expect(mappar.inkorg.olasta).toBeGreaterThan(0);
  });

  it('hämtar inkorgen sida för sida, nyast först, med metadata men utan innehåll', async () => {
    const tjanst = tjanstFor(Emulator.token(SIV.email));
    const forsta = await tjanst.hamtaMeddelanden('inkorg', 0, 50);
    expect(forsta).toMatchObject({ totalt: DEMO_ANTAL_FORSTA.inbox, sida: 0, storlek: 50, harFler: true });
    expect(forsta.meddelanden).toHaveLength(50);
    const rad = forsta.meddelanden[0];
    expect(Object.keys(rad).sort()).toEqual(['amne', 'forhandsvisning', 'fran', 'id', 'kategorier', 'konversation', 'last', 'mapp', 'mottaget', 'till']);
    expect(rad.till).toEqual([{ namn: SIV.title, adress: SIV.email }]);
    expect(rad.fran?.adress).toMatch(/@/);
    const sista = await tjanst.hamtaMeddelanden('inkorg', 2, 50);
    expect(sista.meddelanden).toHaveLength(DEMO_ANTAL_FORSTA.inbox - 100);
    expect(sista.harFler).toBe(false);
    const alla = [...forsta.meddelanden, ...(await tjanst.hamtaMeddelanden('inkorg', 1, 50)).meddelanden, ...sista.meddelanden];
    expect(new Set(alla.map((m) => m.id)).size).toBe(DEMO_ANTAL_FORSTA.inbox);
    const tider = alla.map((m) => m.mottaget);
    expect(tider).toEqual([...tider].sort().reverse());
    const skickat = await tjanst.hamtaMeddelanden('skickat');
    expect(skickat.storlek).toBe(25);
    expect(skickat.meddelanden.every((m) => m.fran?.adress === SIV.email)).toBe(true);
  });

  it('väntar ut en 429 med Retry-After och lyckas på nästa försök', async () => {
    emulator.satStrypning({ andel: 0.5, statusar: [429], retryAfter: 1 });
    const fore = emulator.statistik.strypta;
    const start = Date.now();
    const sida = await tjanstFor(Emulator.token(SIV.email)).hamtaMeddelanden('inkorg', 0, 5);
    expect(sida.meddelanden).toHaveLength(5);
    expect(emulator.statistik.strypta - fore).toBe(1);
    // The retry honoured Retry-After (1 s) rather than the behavior's own shorter interval.
    expect(Date.now() - start).toBeGreaterThanOrEqual(900);
  });

  // The service says why; the parts say it in Swedish (felText, and the e-post part's own text
  // for missing mail access: tests/components/epostrutin.test.tsx).
  it('ger orsaken strypt när strypningen inte ger med sig', async () => {
    emulator.satStrypning({ andel: 1, statusar: [429], retryAfter: 0 });
    const fel = await forvantaDataFel(tjanstFor(Emulator.token(SIV.email)).hamtaMappar());
    expect(fel).toMatchObject({ orsak: 'strypt', status: 429 });
    expect(felText(fel.orsak)).toBe('Microsoft 365 tar emot för många förfrågningar just nu. Vänta en stund och försök igen.');
  });

  it('401 utan inloggning ger orsaken inloggning', async () => {
    for (const auth of [undefined, 'Bearer emu-finns.inte%40kommun.se']) {
      const fel = await forvantaDataFel(tjanstFor(auth).hamtaMeddelanden('inkorg'));
      expect(fel).toMatchObject({ orsak: 'inloggning', status: 401 });
      expect(felText(fel.orsak)).toMatch(/^Du är inte inloggad/);
    }
  });

  it('403 när e-postbehörigheten saknas ger orsaken behorighet', async () => {
    lager.utanEpostbehorighet.add(SIV.aadId);
    const fel = await forvantaDataFel(tjanstFor(Emulator.token(SIV.email)).hamtaMappar());
    expect(fel).toMatchObject({ orsak: 'behorighet', status: 403 });
    expect(fel.ursprung).toMatchObject({ isHttpRequestError: true, status: 403 });
  });

  it('ett nätverksfel ger orsaken natverk', async () => {
    // A port nobody listens on: the connection is refused, so no HTTP answer at all.
    const stangd = await startaServer(new Emulator());
    await stangd.stang();
    const fel = await forvantaDataFel(tjanstFor(Emulator.token(SIV.email), stangd.url).hamtaMappar());
    expect(fel).toMatchObject({ orsak: 'natverk', status: undefined });
    expect(felText(fel.orsak)).toMatch(/^Det gick inte att nå/);
  });

  it('känner igen ett nätverksfel som är en TypeError från en annan realm', () => {
    // Node's own fetch under Jest's VM, or a fetch from another frame: instanceof TypeError fails.
    const frammande = runInNewContext('new TypeError("connect ECONNREFUSED 127.0.0.1:1")') as Error;
    expect(frammande).not.toBeInstanceOf(TypeError);
    expect(tolkaDataFel(frammande)).toMatchObject({ orsak: 'natverk', status: undefined, ursprung: frammande });
    expect(tolkaDataFel(new Error('connect ECONNREFUSED 127.0.0.1:1')).orsak).toBe('okant');
  });
});

describe('utskick som den inloggade', () => {
  it('skickar ett textmejl som når mottagaren och sparas i Skickat', async () => {
    const bas = `${server.url}/v1.0`;
    const utskick = new GraphUtskick(skapaGraph(bas, GraphBrowser({ baseUrl: bas }), InjectHeaders({ Authorization: Emulator.token(SIV.email) })));
    const skickatFore = Array.from(lager.brevlada(SIV.aadId).meddelanden.values()).filter((m) => m.mapp === 'sentitems').length;
    await utskick.skicka({ till: 'karin.lund@kommun.se', amne: 'Statusuppdatering önskas', text: 'Hej!\n<b>inte fetstil</b>' });
    const mottaget = lager.skickatTill('karin.lund@kommun.se');
    expect(mottaget[mottaget.length - 1]).toMatchObject({ amne: 'Statusuppdatering önskas' });
    expect(Array.from(lager.brevlada(SIV.aadId).meddelanden.values()).filter((m) => m.mapp === 'sentitems').length).toBe(skickatFore + 1);
  });

  it('ger ett begripligt fel utan behörighet att skicka', async () => {
    const bas = `${server.url}/v1.0`;
    const utskick = new GraphUtskick(skapaGraph(bas, GraphBrowser({ baseUrl: bas })));
    expect((await forvantaDataFel(utskick.skicka({ till: 'x@kommun.se', amne: 'a', text: 'b' }))).orsak).toBe('inloggning');
  });
});
