/**
 * The web parts as personal apps in Teams, Outlook and the Microsoft 365 app: those open the part
 * on the tenant's ROOT site (`/_layouts/15/teamstaskhostedapp.aspx`), so pageContext.web is the
 * root, where none of the portal's lists are. What the base class does in onInit (portalplats)
 * and each part's service factory, against the demo site over loopback HTTP: with the tenant
 * property Arendeportalen.PortalUrl the services read the portal's lists, and the root site is
 * asked for nothing but that property.
 */
import { GraphBrowser } from '@pnp/graph';
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import { Emulator } from '../../emulator/core';
import { DEMO_ANVANDARE } from '../../emulator/demo/anvandare';
import { ICacheLager, skapaMinneslager } from '../../src/data/cache';
import { EpostrutinTjanst } from '../../src/data/epost/EpostrutinTjanst';
import { PORTAL_NYCKEL, portalplats, Portalminne } from '../../src/data/installningar';
import { skapaGraph, skapaSp } from '../../src/data/pnp';
import { IWebbadress } from '../../src/domain/portalwebb';
import { skapaArendebalansTjanster } from '../../src/webparts/arendebalans/tjanster';
import { skapaMotesportalTjanster } from '../../src/webparts/motesportal/tjanster';
import { skapaSurfplattorTjanster } from '../../src/webparts/surfplattor/tjanster';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';
import { forvantaDataFel } from '../support/testdata';

const SITE = '/sites/arendeportalen';
const IDAG = '2026-11-27';
const SIV = DEMO_ANVANDARE.find((a) => a.email.startsWith('siv.'))!;

let miljo: IEmulatorMiljo;
// The demo site (provisioned, then filled) over loopback HTTP: seconds when the machine is busy.
jest.setTimeout(30_000);
/** Every SharePoint request's decoded path (and query), in order. */
let forfragningar: string[];
let riktigFetch: typeof fetch;

/** pageContext.web in a personal app: the tenant's root site. */
const rot = (): IWebbadress => ({ url: miljo.url, sokvag: '/' });
/** pageContext.web on a page of the portal site. */
const portalsida = (): IWebbadress => ({ url: miljo.webbplats, sokvag: SITE });

/** What the base class passes to portalplats: a root per web URL with the host's sign-in (here Siv's session cookie). */
const skapa = (offline?: { lager: ICacheLager }) => (webbUrl: string): SPFI => skapaSp(
  { webbUrl, offlineCache: offline ? { inloggning: SIV.loginName, lager: offline.lager, mal: new EventTarget() } : undefined },
  SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(SIV.email) }));

const satPortal = (varde: string): void => {
  miljo.lager.klientegenskaper.set(PORTAL_NYCKEL, { Value: varde, Description: 'Ärendeportalens webbplats', Comment: '' });
};

const avkodad = (url: URL): string => {
  try {
    return decodeURIComponent(url.pathname) + url.search;
  } catch {
    return url.pathname + url.search;
  }
};

/** The requests that did not go to the portal site. */
const utanforPortalen = (): string[] => forfragningar.filter((f) => !f.startsWith(`${SITE}/`));

beforeAll(async () => {
  miljo = await startaEmulator({}, true);
  riktigFetch = globalThis.fetch;
});
afterAll(() => miljo.stang());
beforeEach(() => {
  forfragningar = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation((indata: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(indata instanceof Request ? indata.url : String(indata));
    if (url.pathname.includes('/_api/')) forfragningar.push(avkodad(url));
    return riktigFetch(indata, init);
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  miljo.emulator.satFel(undefined);
  miljo.emulator.forvantaIngaOkanda();
});

describe('webbdelarna som personlig app, på rotwebbplatsen', () => {
  it('läser portalens listor, och frågar rotwebbplatsen bara om klientorganisationsinställningen', async () => {
    satPortal(miljo.webbplats);
    const { webb, sp } = await portalplats(rot(), skapa());
    expect(webb).toEqual({ url: miljo.webbplats, sokvag: SITE, kalla: 'klientorganisation' });

    const arendebalans = skapaArendebalansTjanster(sp, webb.sokvag);
    expect((await arendebalans.tjanst.hamtaAlla()).rader.length).toBeGreaterThan(0);
    const moten = skapaMotesportalTjanster(sp, webb.sokvag);
    expect((await moten.tjanst.hamtaOrgan()).length).toBeGreaterThan(0);
    const graphUrl = `${miljo.url}/v1.0`;
    const graph = skapaGraph(graphUrl, GraphBrowser({ baseUrl: graphUrl }), InjectHeaders({ Authorization: Emulator.token(SIV.email) }));
    const surfplattor = skapaSurfplattorTjanster(sp, webb.sokvag, graph);
    await expect(surfplattor.minSurfplatta.hamtaMinaLan()).resolves.toEqual(expect.any(Array));
    // E-postrutin's journal, as its web part builds the service on the portal.
    await expect(new EpostrutinTjanst(sp, webb.sokvag, graph, { registratorAdress: 'registrator@kommun.se' }).hamtaLogg(IDAG))
      .resolves.toEqual(expect.any(Array));

    expect(utanforPortalen()).toEqual([`/_api/web/getStorageEntity('${PORTAL_NYCKEL}')`]);
    expect(forfragningar.length).toBeGreaterThan(4);
  });

  it('utan inställningen stannar delen på sidans egen webb, och på rotwebbplatsen finns inga listor', async () => {
    miljo.lager.klientegenskaper.delete(PORTAL_NYCKEL);
    const { webb, sp } = await portalplats(rot(), skapa());
    expect(webb).toEqual({ url: miljo.url, sokvag: '/', kalla: 'sidan' });
    // What every personal app did before the tenant property: asked the root site for Uppdrag.
    await forvantaDataFel(skapaArendebalansTjanster(sp, webb.sokvag).tjanst.hamtaAlla());
    expect(miljo.emulator.okanda.splice(0).some((f) => f.startsWith('GET /_api/web/getList'))).toBe(true);
  });

  it('följer inte en adress på en annan värd eller med fel protokoll', async () => {
    for (const varde of ['https://annan.sharepoint.com/sites/arendeportalen', miljo.webbplats.replace(/^http:/, 'https:'), `${miljo.webbplats}/SitePages/Hem.aspx`]) {
      satPortal(varde);
      expect((await portalplats(rot(), skapa())).webb).toEqual({ url: miljo.url, sokvag: '/', kalla: 'sidan' });
    }
  });

  it('läser inställningen en gång per sidladdning, hur många delar sidan än har', async () => {
    satPortal(`${miljo.webbplats}/`);
    const minne: Portalminne = new Map();
    const platser = await Promise.all([1, 2, 3].map(() => portalplats(rot(), skapa(), minne)));
    expect(platser.map((p) => p.webb.url)).toEqual([miljo.webbplats, miljo.webbplats, miljo.webbplats]);
    expect(forfragningar.filter((f) => /GetStorageEntity/i.test(f))).toHaveLength(1);
  });

  it('med offlinecachen hittar delen portalen och dess sparade läsningar när SharePoint inte går att nå', async () => {
    satPortal(miljo.webbplats);
    const offline = { lager: skapaMinneslager() };
    const online = await portalplats(rot(), skapa(offline));
    const organ = await skapaMotesportalTjanster(online.sp, online.webb.sokvag).tjanst.hamtaOrgan();

    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
    const utan = await portalplats(rot(), skapa(offline));
    expect(utan.webb).toEqual({ url: miljo.webbplats, sokvag: SITE, kalla: 'klientorganisation' });
    await expect(skapaMotesportalTjanster(utan.sp, utan.webb.sokvag).tjanst.hamtaOrgan()).resolves.toEqual(organ);
  });
});

describe('webbdelarna på portalens egen sida', () => {
  it('fungerar när inställningen inte går att läsa: sidans egen webb är portalen', async () => {
    satPortal(miljo.webbplats);
    miljo.emulator.satFel((f) => (/GetStorageEntity/i.test(f.sokvag) ? 500 : undefined));
    const { webb, sp } = await portalplats(portalsida(), skapa());
    expect(webb).toEqual({ url: miljo.webbplats, sokvag: SITE, kalla: 'sidan' });
    expect((await skapaArendebalansTjanster(sp, webb.sokvag).tjanst.hamtaAlla()).rader.length).toBeGreaterThan(0);
  });

  it('med inställningen satt till portalen läser den samma listor som förut', async () => {
    satPortal(miljo.webbplats);
    const { webb } = await portalplats(portalsida(), skapa());
    expect(webb).toEqual({ url: miljo.webbplats, sokvag: SITE, kalla: 'klientorganisation' });
  });
});
