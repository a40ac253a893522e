/**
 * Mandate end against the emulator: the loans whose mandate ends within N days, and the return
 * reminders as mail through Graph in $batch requests of 20 — throttled requests waited out by their
 * Retry-After and sent again alone, a failing request reported for its loan and sendable again.
 */
import { GraphBrowser } from '@pnp/graph';
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { Emulator } from '../../emulator/core';
import { DEMO_ANVANDARE, forstaMedRoll } from '../../emulator/demo/anvandare';
import { skapaGraph, skapaSp } from '../../src/data/pnp';
import { tillSpDatum } from '../../src/data/spDatum';
import { MandatTjanst } from '../../src/data/surfplattor/MandatTjanst';
import { LAN_URVAL, LAN_EXPAND, Rad, SURFPLATTA_URVAL, tillLan, tillSurfplatta } from '../../src/data/surfplattor/lasa';
import { ILan } from '../../src/data/surfplattor/typer';
import { LanFalt, LanLista, SurfplattorLista } from '../../src/schema/surfplattor';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';

jest.setTimeout(90_000);

const KOMMUNSERVICE = forstaMedRoll('kommunservice')!;
const IDAG = '2026-11-27';
const AMNE = 'Dags att lämna tillbaka surfplattan';
let miljo: IEmulatorMiljo;
let site: string;

const spFor = (epost: string): SPFI => skapaSp(miljo.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(epost) }));
const tjanst = (vantan: number[] = []): MandatTjanst => {
  const bas = `${miljo.url}/v1.0`;
  const graph = skapaGraph(bas, GraphBrowser({ baseUrl: bas }), InjectHeaders({ Authorization: Emulator.token(KOMMUNSERVICE.email) }));
  return new MandatTjanst(spFor(KOMMUNSERVICE.email), site, graph, { vanta: async (ms) => { vantan.push(ms); } });
};
const texter = { amne: AMNE, text: (l: ILan): string => `Ditt uppdrag slutar ${l.mandatSlut}. Lämna tillbaka ${l.stoldmarkning}.` };

/** Every $batch the service sends, and what each sub-request was answered. */
function avlyssnaBatchar(andra?: (delsvar: { id: string; status: number }, omgang: number) => void): { batchar: number[] } {
  const logg = { batchar: [] as number[] };
  const riktig = globalThis.fetch;
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (indata: string | URL | Request, init?: RequestInit) => {
    const url = String(indata instanceof Request ? indata.url : indata);
    const svar = await riktig(indata, init);
    if (!/\/v1\.0\/\$batch$/.test(url) || svar.status !== 200) return svar;
    const fragor = (JSON.parse(String(init?.body)) as { requests: unknown[] }).requests;
    logg.batchar.push(fragor.length);
    if (!andra) return svar;
    const kropp = await svar.json() as { responses: Array<{ id: string; status: number }> };
    kropp.responses.forEach((d) => andra(d, logg.batchar.length));
    return new Response(JSON.stringify(kropp), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return logg;
}

async function inkorg(epost: string): Promise<number> {
  const svar = await fetch(`${miljo.url}/v1.0/me/messages?$filter=subject eq '${AMNE}'&$top=100`, { headers: { Authorization: Emulator.token(epost) } });
  return ((await svar.json()) as { value: unknown[] }).value.length;
}

/** A device reported stolen or lost in the demo, with a handed-out loan whose mandate has ended. */
let borta: number;

beforeAll(async () => {
  miljo = await startaEmulator({}, true);
  site = miljo.emulator.sitePath;
  // 45 handed-out loans whose mandate ends within 30 days; every other loan's mandate runs on.
  const lan = spFor(KOMMUNSERVICE.email).web.getList(`${site}/${LanLista.url}`);
  const alla = (await lan.items.select(...LAN_URVAL).expand(...LAN_EXPAND).top(500)<Rad[]>()).map(tillLan);
  for (const l of alla) {
    await lan.items.getById(l.id).update({ [LanFalt.MandatSlut]: tillSpDatum('2030-10-14') });
  }
  const ledamoter = DEMO_ANVANDARE.filter((a) => a.roll === 'ledamot');
  const plattor = (await spFor(KOMMUNSERVICE.email).web.getList(`${site}/${SurfplattorLista.url}`).items.select(...SURFPLATTA_URVAL).top(500)<Rad[]>())
    .map((r) => tillSurfplatta(r));
  const iHand = plattor.filter((p) => p.status !== 'Stulen' && p.status !== 'Förlorad').map((p) => p.id);
  borta = plattor.find((p) => p.status === 'Stulen' || p.status === 'Förlorad')!.id;
  // And one on a device reported stolen or lost: nobody is asked to return it.
  await lan.items.add({
    [LanFalt.Rubrik]: 'Lån på en stulen', [`${LanFalt.Surfplatta}Id`]: borta, [`${LanFalt.Lantagare}Id`]: ledamoter[0].id,
    [LanFalt.Status]: 'Utlånad', [LanFalt.MandatSlut]: tillSpDatum('2026-11-20'), [LanFalt.RiktlinjeVersion]: '2.0'
  });
  for (let i = 0; i < 45; i++) {
    await lan.items.add({
      [LanFalt.Rubrik]: `Lån ${i}`, [`${LanFalt.Surfplatta}Id`]: iHand[i % 40], [`${LanFalt.Lantagare}Id`]: ledamoter[i % ledamoter.length].id,
      [LanFalt.Status]: 'Utlånad', [LanFalt.MandatSlut]: tillSpDatum(i === 0 ? '2026-11-20' : '2026-12-20'), [LanFalt.RiktlinjeVersion]: '2.0'
    });
  }
});

afterAll(async () => {
  await miljo.stang();
});

afterEach(() => {
  jest.restoreAllMocks();
  miljo.emulator.satStrypning(undefined);
  miljo.emulator.forvantaIngaOkanda();
});

describe('MandatTjanst mot emulatorn', () => {
  it('hittar lånen vars uppdrag slutar inom N dagar, det som redan slutat först', async () => {
    const lan = await tjanst().hamtaSlutande(IDAG, 30);
    expect(lan).toHaveLength(45);
    expect(lan[0].mandatSlut).toBe('2026-11-20');
    expect(lan.every((l) => l.status === 'Utlånad' && l.lantagare?.epost)).toBe(true);
    expect(lan.map((l) => l.enhetId)).not.toContain(borta);
    expect(await tjanst().hamtaSlutande(IDAG, 10)).toHaveLength(1);
  });

  it('skickar en påminnelse per lån i tre $batch-anrop', async () => {
    const lan = await tjanst().hamtaSlutande(IDAG, 30);
    const fore = await inkorg(lan[1].lantagare!.epost);
    const logg = avlyssnaBatchar();
    const resultat = await tjanst().skickaPaminnelser(lan, texter);
    expect(logg.batchar).toEqual([20, 20, 5]);
    expect(resultat).toHaveLength(45);
    expect(resultat.every((r) => r.ok)).toBe(true);
    expect(resultat.map((r) => r.lan.id)).toEqual(lan.map((l) => l.id));
    const antal = lan.filter((l) => l.lantagare!.epost === lan[1].lantagare!.epost).length;
    expect(await inkorg(lan[1].lantagare!.epost)).toBe(fore + antal);
  });

  it('väntar ut en storm av 429 enligt Retry-After och skickar bara de strypta igen', async () => {
    const lan = (await tjanst().hamtaSlutande(IDAG, 30)).slice(0, 20);
    miljo.emulator.satStrypning({ andel: 0.5, statusar: [429], retryAfter: 1 });
    const vantan: number[] = [];
    const logg = avlyssnaBatchar();
    const resultat = await tjanst(vantan).skickaPaminnelser(lan, texter);
    miljo.emulator.satStrypning(undefined);
    expect(resultat.every((r) => r.ok)).toBe(true);
    expect(vantan.length).toBeGreaterThan(0);
    expect(vantan.every((ms) => ms === 1000)).toBe(true);
    // After the first, each batch holds only what was throttled.
    expect(logg.batchar[0]).toBe(20);
    expect(logg.batchar.slice(1).every((n) => n < 20)).toBe(true);
    expect(miljo.emulator.statistik.strypta).toBeGreaterThan(0);
  });

  it('redovisar ett misslyckat anrop per lån, och det kan skickas igen', async () => {
    const lan = (await tjanst().hamtaSlutande(IDAG, 30)).slice(0, 3);
    const mottagare = lan[1].lantagare!.epost;
    const fore = await inkorg(mottagare);
    // The second request of the first batch loses its recipients on the way, so Graph refuses it (400).
    const riktig = globalThis.fetch;
    let forst = true;
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (indata: string | URL | Request, init?: RequestInit) => {
      if (forst && /\/v1\.0\/\$batch$/.test(String(indata))) {
        forst = false;
        const kropp = JSON.parse(String(init?.body)) as { requests: Array<{ id: string; body: { message: { toRecipients: unknown[] } } }> };
        kropp.requests.find((r) => r.id === '1')!.body.message.toRecipients = [];
        return riktig(indata, { ...init, body: JSON.stringify(kropp) });
      }
      return riktig(indata, init);
    });
    const forsta = await tjanst().skickaPaminnelser(lan, texter);
    expect(forsta.map((r) => r.ok)).toEqual([true, false, true]);
    expect(forsta[1]).toMatchObject({ lan: { id: lan[1].id }, fel: 'ogiltig' });
    expect(await inkorg(mottagare)).toBe(fore);
    const igen = await tjanst().skickaPaminnelser(forsta.filter((r) => !r.ok).map((r) => r.lan), texter);
    expect(igen).toEqual([expect.objectContaining({ ok: true, lan: expect.objectContaining({ id: lan[1].id }) })]);
    expect(await inkorg(mottagare)).toBe(fore + 1);
  });
});
