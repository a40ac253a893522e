/**
 * The offline cache over the real PnPjs stack (SPBrowser + Arendeportal() + OfflineCache) against
 * the emulator over loopback HTTP: what a ledamot sees when SharePoint, or the login, goes away.
 */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import { Emulator } from '../../emulator/core';
import { DEMO_ANVANDARE } from '../../emulator/demo/anvandare';
import { CACHEPREFIX, ICacheHandelse, ICacheLager, lyssnaPaCache, skapaMinneslager } from '../../src/data/cache';
import { FORSOK, skapaSp } from '../../src/data/pnp';
import { UppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { HandlingarBibliotek, SekretessBibliotek } from '../../src/schema/moten';
import { UppdragLista } from '../../src/schema/uppdrag';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';
import { forvantaDataFel } from '../support/testdata';

const SITE = '/sites/arendeportalen';
const FORSTA_HAMTNING = new Date('2026-11-27T07:45:00.000Z');
const SENARE = new Date('2026-11-27T13:30:00.000Z');

let miljo: IEmulatorMiljo;
let mal: EventTarget;
let handelser: Array<ICacheHandelse | 'online'>;
let sluta: () => void;
let nu: Date;

const ledamot = DEMO_ANVANDARE.find((a) => a.email.startsWith('siv.'))!;
const annanLedamot = DEMO_ANVANDARE.find((a) => a.email.startsWith('amina.'))!;

/** A signed-in browser session of `vem`, with the offline cache on `lager`. */
function spFor(vem: typeof ledamot, lager: ICacheLager, granser?: { maxTecken?: number; maxAntal?: number }): SPFI {
  return skapaSp(
    { webbUrl: miljo.webbplats, offlineCache: { inloggning: vem.loginName, lager, mal, granser, klocka: () => nu } },
    SPBrowser(),
    InjectHeaders({ Cookie: Emulator.cookie(vem.email) })
  );
}

const uppdrag = (sp: SPFI): UppdragTjanst => new UppdragTjanst(sp, SITE);
const uppdragslista = (sp: SPFI) => sp.web.getList(`${SITE}/${UppdragLista.url}`);

/** SharePoint out of reach for the browser: every fetch rejects as it does offline. */
function natverketNere(): jest.SpyInstance {
  return jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
}

function sparadeVarden(lager: ICacheLager): string[] {
  const varden: string[] = [];
  for (let i = 0; i < lager.length; i++) {
    const nyckel = lager.key(i)!;
    if (nyckel.startsWith(CACHEPREFIX)) varden.push(`${nyckel}\n${lager.getItem(nyckel)}`);
  }
  return varden;
}

beforeAll(async () => {
  miljo = await startaEmulator({}, true);
});
afterAll(() => miljo.stang());
beforeEach(() => {
  nu = FORSTA_HAMTNING;
  mal = new EventTarget();
  handelser = [];
  sluta = lyssnaPaCache((h) => handelser.push(h), () => handelser.push('online'), mal);
});
afterEach(() => {
  sluta();
  jest.restoreAllMocks();
  miljo.emulator.satStrypning(undefined);
  miljo.emulator.forvantaIngaOkanda();
});

describe('när SharePoint inte går att nå', () => {
  it('visar den senast hämtade listan när nätverket är borta, med när den hämtades, och säger till när SharePoint är tillbaka', async () => {
    const lager = skapaMinneslager();
    const sp = spFor(ledamot, lager);
    const forst = await uppdrag(sp).hamtaAlla();
    expect(forst.rader).toHaveLength(36);
    expect(sparadeVarden(lager).length).toBeGreaterThan(0);
    expect(handelser).toEqual([]);

    nu = SENARE;
    const nere = natverketNere();
    const offline = await uppdrag(sp).hamtaAlla();
    expect(offline.rader).toEqual(forst.rader);
    expect(handelser.length).toBeGreaterThan(0);
    expect(handelser[0]).toEqual({ hamtad: FORSTA_HAMTNING.toISOString(), url: expect.stringContaining(`${SITE}/_api/web/getList`) });

    nere.mockRestore();
    handelser = [];
    await uppdrag(sp).hamtaAlla();
    expect(handelser[0]).toBe('online');
    expect(handelser.filter((h) => h === 'online')).toHaveLength(1);
  });

  it('visar samma uppgifter när SharePoint bara svarar 503, efter PnPjs försök', async () => {
    const lager = skapaMinneslager();
    const sp = spFor(ledamot, lager);
    const forst = await uppdrag(sp).hamta(4);
    const fore = miljo.emulator.statistik.strypta;
    miljo.emulator.satStrypning({ andel: 1, statusar: [503], retryAfter: 0 });
    nu = SENARE;
    const offline = await uppdrag(sp).hamta(4);
    expect(offline).toEqual(forst);
    // The send behavior asked FORSOK times (503 with Retry-After: not run, so sent again) before the cache answered.
    expect(FORSOK).toBe(10);
    expect(miljo.emulator.statistik.strypta - fore).toBe(FORSOK);
    expect(handelser).toEqual([{ hamtad: FORSTA_HAMTNING.toISOString(), url: expect.any(String) }]);
  });

  it('visar samma uppgifter när inloggningen slutar fungera (401, som i avbrottet i seed 002)', async () => {
    const lager = skapaMinneslager();
    const sp = spFor(ledamot, lager);
    const forst = await uppdrag(sp).hamta(5);
    // The session is no longer accepted: SharePoint answers as to an anonymous caller.
    const plats = miljo.emulator.anvandare.findIndex((a) => a.email === ledamot.email);
    const [utloggad] = miljo.emulator.anvandare.splice(plats, 1);
    try {
      const utanCache = await forvantaDataFel(uppdrag(spFor(ledamot, skapaMinneslager())).hamta(5));
      expect(utanCache.status).toBe(401);
      expect(await uppdrag(sp).hamta(5)).toEqual(forst);
      expect(handelser).toEqual([{ hamtad: FORSTA_HAMTNING.toISOString(), url: expect.any(String) }]);
    } finally {
      miljo.emulator.anvandare.splice(plats, 0, utloggad);
    }
  });

  it('visar inte gamla uppgifter när läsaren har förlorat behörigheten (403), och glömmer dem', async () => {
    const lager = skapaMinneslager();
    const sp = spFor(ledamot, lager);
    await uppdrag(sp).hamta(6);
    const nekad = jest.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify({
      'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied. You do not have permission to perform this action or access this resource.' } }
    }), { status: 403, headers: { 'Content-Type': 'application/json;odata=minimalmetadata' } }));
    expect((await forvantaDataFel(uppdrag(sp).hamta(6))).orsak).toBe('behorighet');
    nekad.mockRestore();
    natverketNere();
    expect((await forvantaDataFel(uppdrag(sp).hamta(6))).orsak).toBe('natverk');
    expect(handelser).toEqual([]);
  });

  it('svarar inte från cachen när listvyströskeln nekar frågan (500 om frågan, inte om SharePoint)', async () => {
    const lager = skapaMinneslager();
    const sp = spFor(ledamot, lager);
    await uppdragslista(sp).items.select('Id').top(3)();
    jest.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify({
      'odata.error': { code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', message: { lang: 'en-US', value: 'The attempted operation is prohibited because it exceeds the list view threshold enforced by the administrator.' } }
    }), { status: 500, headers: { 'Content-Type': 'application/json;odata=minimalmetadata' } }));
    await expect(uppdragslista(sp).items.select('Id').top(3)()).rejects.toMatchObject({ status: 500 });
    expect(handelser).toEqual([]);
  });
});

describe('vad som aldrig sparas', () => {
  it('sparar inget från sekretessbiblioteket, hur det än adresseras, och inga filers innehåll', async () => {
    const lager = skapaMinneslager();
    const sp = spFor(ledamot, lager);
    const sekretess = sp.web.getList(`${SITE}/${SekretessBibliotek.url}`);
    const rader = await sekretess.items.select('Id', 'FileRef')<Array<{ Id: number; FileRef: string }>>();
    expect(rader.length).toBeGreaterThan(0);
    const { Id: listId } = await sekretess.select('Id')<{ Id: string }>();
    expect(await sp.web.lists.getById(listId).items.select('Id', 'FileRef')()).toHaveLength(rader.length);
    expect(await sp.web.lists.getByTitle(SekretessBibliotek.title).items.top(1)()).toHaveLength(1);
    expect(await sp.web.getFileByServerRelativePath(rader[0].FileRef).getText()).toContain('Sekretessbelagd');
    expect(await sp.web.getFileByServerRelativePath(rader[0].FileRef).select('Name', 'ServerRelativeUrl')()).toBeTruthy();
    const handlingar = await sp.web.getList(`${SITE}/${HandlingarBibliotek.url}`).items.select('FileRef').top(1)<Array<{ FileRef: string }>>();
    const offentlig = await sp.web.getFileByServerRelativePath(handlingar[0].FileRef).getText();
    expect(offentlig.length).toBeGreaterThan(0);

    const sparat = sparadeVarden(lager).join('\n');
    // Only the Handlingar item query was kept: not the secret rows, the library's id lookup, the files' contents.
    expect(sparat).toContain(`/${HandlingarBibliotek.url}`);
    expect(sparat).not.toMatch(/sekretess/i);
    expect(sparat).not.toContain(offentlig);

    natverketNere();
    await expect(sekretess.items.select('Id', 'FileRef')()).rejects.toThrow();
    await expect(sp.web.lists.getById(listId).items.select('Id', 'FileRef')()).rejects.toThrow();
    expect(handelser).toEqual([]);
  });
});

describe('flera personer på samma surfplatta', () => {
  it('visar aldrig en annan persons sparade uppgifter', async () => {
    const lager = skapaMinneslager();
    await uppdrag(spFor(ledamot, lager)).hamta(7);
    natverketNere();
    expect((await forvantaDataFel(uppdrag(spFor(annanLedamot, lager)).hamta(7))).orsak).toBe('natverk');
    expect(handelser).toEqual([]);
    expect((await uppdrag(spFor(ledamot, lager)).hamta(7)).uppdrag.id).toBe(7);
  });
});

describe('lagringens gränser', () => {
  /** The size one cached single-item answer takes, measured rather than guessed. */
  async function storlekPerSvar(): Promise<number> {
    const lager = skapaMinneslager();
    await uppdrag(spFor(ledamot, lager)).hamta(1);
    const [rad] = sparadeVarden(lager).filter((v) => !v.includes('#index'));
    return rad.length + 100;
  }

  it('tar bort det som använts längst tillbaka när gränsen nås', async () => {
    const storlek = await storlekPerSvar();
    const lager = skapaMinneslager();
    // Room for two answers; one answer may take at most a quarter.
    const sp = spFor(ledamot, lager, { maxTecken: storlek * 4, maxAntal: 2 });
    await uppdrag(sp).hamta(1);
    await uppdrag(sp).hamta(2);
    // Read 1 from the cache once, so 2 is now the one used longest ago.
    const nere = natverketNere();
    await uppdrag(sp).hamta(1);
    nere.mockRestore();
    await uppdrag(sp).hamta(3);

    natverketNere();
    expect((await uppdrag(sp).hamta(1)).uppdrag.id).toBe(1);
    expect((await uppdrag(sp).hamta(3)).uppdrag.id).toBe(3);
    expect((await forvantaDataFel(uppdrag(sp).hamta(2))).orsak).toBe('natverk');
  });

  it('fungerar med full lagring och med förstörda poster', async () => {
    const storlek = await storlekPerSvar();
    // SharePoint's own pages fill the origin's storage almost to the quota.
    const lager = skapaMinneslager(storlek * 3);
    lager.setItem('sp-annat', 'x'.repeat(storlek * 2));
    const sp = spFor(ledamot, lager, { maxTecken: storlek * 8 });
    for (const id of [1, 2, 3, 4]) {
      expect((await uppdrag(sp).hamta(id)).uppdrag.id).toBe(id);
    }
    expect(lager.getItem('sp-annat')).not.toBeNull();
    const nere = natverketNere();
    expect((await uppdrag(sp).hamta(4)).uppdrag.id).toBe(4);
    nere.mockRestore();

    // Tampered storage: a broken index and a broken entry.
    const full = skapaMinneslager();
    const sp2 = spFor(ledamot, full);
    await uppdrag(sp2).hamta(1);
    await uppdrag(sp2).hamta(2);
    full.setItem(`${CACHEPREFIX}#index`, '{inte json');
    const forstord = sparadeVarden(full).map((v) => v.split('\n')[0]).find((k) => !k.endsWith('#index') && k.includes('(1)'))!;
    full.setItem(forstord, 'skräp utan tidpunkt');
    expect((await uppdrag(sp2).hamta(3)).uppdrag.id).toBe(3);
    natverketNere();
    expect((await uppdrag(sp2).hamta(2)).uppdrag.id).toBe(2);
    expect((await forvantaDataFel(uppdrag(sp2).hamta(1))).orsak).toBe('natverk');
  });
});
