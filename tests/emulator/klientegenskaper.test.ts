/**
 * Tenant properties (storage entities) on the wire, as SharePoint Online answers them (Microsoft
 * Learn: "SharePoint Online tenant properties"; 403 for anyone but the app catalog's administrators,
 * pnp/custom-learning-office-365#105, and on any other web, CLI for Microsoft 365 "spo storageentity
 * set"): read from any web, set only on the tenant app catalog.
 */
import { Emulator } from '../../emulator/core';
import { APPKATALOG_SOKVAG } from '../../emulator/sharepoint/klientegenskaper';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';

let miljo: IEmulatorMiljo;
const LEDAMOT = 'siv.sahlstrom@pol.kommun.se';
const ADMIN = 'admin.arendeportalen@kommun.se';
const NYCKEL = 'Arendeportalen.RegistratorAdress';
const katalog = (del: string): string => `${miljo.url}${APPKATALOG_SOKVAG}/_api/${del}`;
const webbplats = (del: string): string => `${miljo.webbplats}/_api/${del}`;
const som = (email: string | undefined, extra: Record<string, string> = {}): Record<string, string> => ({
  Accept: 'application/json', ...(email ? { Authorization: Emulator.token(email) } : {}), ...extra
});
const satt = (email: string | undefined, varde: string, url = katalog('web/SetStorageEntity')): Promise<Response> => fetch(url, {
  method: 'POST', headers: som(email, { 'Content-Type': 'application/json' }),
  body: JSON.stringify({ key: NYCKEL, value: varde, description: 'Registratorns adress', comments: 'Satt i testet' })
});

beforeAll(async () => {
  miljo = await startaEmulator();
});
afterAll(() => miljo.stang());
afterEach(() => {
  miljo.lager.klientegenskaper.clear();
  miljo.emulator.forvantaIngaOkanda();
});

describe('klientorganisationsinställningar (storage entities)', () => {
  it('SP_TenantSettings_Current pekar ut appkatalogen på samma värd', async () => {
    const kropp = await (await fetch(webbplats('SP_TenantSettings_Current'), { headers: som(LEDAMOT) })).json();
    expect(kropp.CorporateCatalogUrl).toBe(`${miljo.url}${APPKATALOG_SOKVAG}`);
  });

  it('en nyckel som aldrig satts svarar 200 med odata.null', async () => {
    const svar = await fetch(webbplats(`web/GetStorageEntity('${NYCKEL}')`), { headers: som(LEDAMOT) });
    expect(svar.status).toBe(200);
    expect(await svar.json()).toEqual({ 'odata.null': true });
  });

  it('administratören sätter värdet i appkatalogen, och alla läser det från vilken webb som helst', async () => {
    const svar = await satt(ADMIN, 'registrator@kommun.se');
    expect(svar.status).toBe(200);
    // The root site too: a personal app in Teams and Outlook runs there (/_layouts/15/teamstaskhostedapp.aspx).
    const rot = `${miljo.url}/_api/web/GetStorageEntity('${NYCKEL}')`;
    for (const url of [webbplats(`web/GetStorageEntity('${NYCKEL}')`), katalog(`web/GetStorageEntity('${NYCKEL}')`), rot]) {
      const kropp = await (await fetch(url, { headers: som(LEDAMOT) })).json();
      expect(kropp).toMatchObject({ Value: 'registrator@kommun.se', Description: 'Registratorns adress', Comment: 'Satt i testet' });
      expect(kropp['odata.metadata']).toMatch(/#SP\.StorageEntity$/);
    }
  });

  it('vägrar andra än appkatalogens administratörer att sätta det: 403, och 401 utan inloggning', async () => {
    const nekad = await satt(LEDAMOT, 'fel@kommun.se');
    expect(nekad.status).toBe(403);
    expect((await nekad.json())['odata.error'].code).toBe('-2147024891, System.UnauthorizedAccessException');
    expect((await satt(undefined, 'fel@kommun.se')).status).toBe(401);
    expect(miljo.lager.klientegenskaper.size).toBe(0);
  });

  it('tar bara emot SetStorageEntity på appkatalogens webb: på webbplatsen nekas också administratören', async () => {
    const svar = await satt(ADMIN, 'registrator@kommun.se', webbplats('web/SetStorageEntity'));
    expect(svar.status).toBe(403);
    expect((await svar.json())['odata.error'].message.value).toMatch(/^Access denied\./);
    expect(miljo.lager.klientegenskaper.size).toBe(0);
  });

  it('kräver formulärsammandrag från appkatalogen när skrivningen görs med sessionskaka', async () => {
    const kaka = { Accept: 'application/json', 'Content-Type': 'application/json', Cookie: Emulator.cookie(ADMIN) };
    const body = JSON.stringify({ key: NYCKEL, value: 'registrator@kommun.se', description: '', comments: '' });
    expect((await fetch(katalog('web/SetStorageEntity'), { method: 'POST', headers: kaka, body })).status).toBe(403);
    const digest = (await (await fetch(katalog('contextinfo'), { method: 'POST', headers: kaka })).json()).FormDigestValue as string;
    expect((await fetch(katalog('web/SetStorageEntity'), { method: 'POST', headers: { ...kaka, 'X-RequestDigest': digest }, body })).status).toBe(200);
    expect(miljo.lager.klientegenskaper.get(NYCKEL)?.Value).toBe('registrator@kommun.se');
  });
});
