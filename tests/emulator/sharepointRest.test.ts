/**
 * The emulator's SharePoint REST answers on the wire, checked against what SharePoint Online
 * answers (../shared/notes/sharepoint-wire.md and Microsoft's REST documentation).
 */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser } from '@pnp/sp';
import '@pnp/sp/files';
import { Emulator, IEmulatorAnvandare } from '../../emulator/core';
import { DEMO_ANVANDARE } from '../../emulator/demo/anvandare';
import { ROLLDEFINITIONER } from '../../emulator/sharepoint/lager';
import { PublikBehorighet } from '../../src/data/moten/publikBehorighet';
import { skapaSp } from '../../src/data/pnp';
import { GRUPPNAMN } from '../../src/schema/behorigheter';
import { UppdragFalt } from '../../src/schema/uppdrag';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';

let miljo: IEmulatorMiljo;
const api = (del: string): string => `${miljo.webbplats}/_api/${del}`;
const som = (email: string | undefined, extra: Record<string, string> = {}): Record<string, string> => ({
  Accept: 'application/json', ...(email ? { Authorization: Emulator.token(email) } : {}), ...extra
});
const HANDLAGGARE = 'karin.lund@kommun.se';
const LEDAMOT = 'siv.sahlstrom@pol.kommun.se';
const ADMIN = 'admin.arendeportalen@kommun.se';

// The account the public site is built with: the only member of the public reading group.
const PUBLIK: IEmulatorAnvandare = DEMO_ANVANDARE.find((a) => a.roll === 'allmanhet') ?? {
  id: 90, loginName: 'i:0#.f|membership|publik.webb@kommun.se', title: 'Publik webbplats', email: 'publik.webb@kommun.se',
  roll: 'allmanhet', aadId: '00000000-0000-4000-8000-000000000090'
};

beforeAll(async () => {
  miljo = await startaEmulator({}, true);
  if (!miljo.emulator.anvandare.some((a) => a.id === PUBLIK.id)) miljo.emulator.anvandare.push(PUBLIK);
});
afterAll(() => miljo.stang());
afterEach(() => miljo.emulator.forvantaIngaOkanda());

const uppdrag = (q: string, email = LEDAMOT): Promise<Response> =>
  fetch(api(`web/lists/getbytitle('Uppdrag')/items${q}`), { headers: som(email) });

describe('läsning av listobjekt', () => {
  it('svarar i minimal metadata med odata.etag, editLink och personfält som Id', async () => {
    const svar = await uppdrag('?$top=1');
    expect(svar.headers.get('content-type')).toMatch(/application\/json;odata=minimalmetadata/);
    const kropp = await svar.json();
    const rad = kropp.value[0];
    expect(rad['odata.type']).toBe('SP.Data.UppdragListItem');
    expect(rad['odata.etag']).toMatch(/^"\d+"$/);
    expect(rad['odata.editLink']).toMatch(/^Web\/Lists\(guid'[0-9a-f-]{36}'\)\/Items\(1\)$/);
    expect(rad).toMatchObject({ Id: 1, ID: 1 });
    expect(typeof rad.HandlaggareId).toBe('number');
    expect(rad.Handlaggare).toBeUndefined();
  });

  it('expanderar personfält med de egenskaper som valts', async () => {
    const kropp = await (await uppdrag(`?$top=1&$select=Title,Handlaggare/Title,Handlaggare/EMail&$expand=Handlaggare`)).json();
    expect(kropp.value[0].Handlaggare).toMatchObject({ 'odata.type': 'SP.Data.UserInfoItem', Title: 'Karin Lund', EMail: HANDLAGGARE });
    expect(Object.keys(kropp.value[0]).filter((k) => !k.startsWith('odata.'))).toEqual(['Title', 'Handlaggare']);
  });

  it('vägrar $select på ett personfält utan $expand, som SharePoint', async () => {
    const svar = await uppdrag('?$select=Handlaggare/Title');
    expect(svar.status).toBe(400);
  });

  it('filtrerar, sorterar och begränsar', async () => {
    const kropp = await (await uppdrag(`?$filter=UppdragStatus eq 'Verkställt' and Beslutsinstans ne 'KF'&$orderby=PlaneratKlart desc&$select=Id,PlaneratKlart,UppdragStatus&$top=3`)).json();
    expect(kropp.value.length).toBeLessThanOrEqual(3);
    for (const r of kropp.value) expect(r.UppdragStatus).toBe('Verkställt');
    const datum = kropp.value.map((r: { PlaneratKlart: string }) => r.PlaneratKlart);
    expect(datum).toEqual([...datum].sort().reverse());
    const fran = await (await uppdrag(`?$filter=startswith(Title,'Utred') and Modified ge datetime'2020-01-01T00:00:00Z'&$select=Title`)).json();
    expect(fran.value.length).toBeGreaterThan(0);
    for (const r of fran.value) expect(r.Title.startsWith('Utred')).toBe(true);
  });

  it('bläddrar med odata.nextLink och $skiptoken; $skip gör ingenting', async () => {
    const forsta = await (await uppdrag('?$top=10&$select=Id')).json();
    // SharePoint percent-encodes the $ of the query options in its next links too.
    expect(forsta['odata.nextLink']).toMatch(/%24skiptoken=Paged%3DTRUE%26p_ID%3D10/i);
    const andra = await (await fetch(forsta['odata.nextLink'], { headers: som(LEDAMOT) })).json();
    expect(andra.value[0].Id).toBe(11);
    const skip = await (await uppdrag('?$top=2&$skip=20&$select=Id')).json();
    expect(skip.value.map((r: { Id: number }) => r.Id)).toEqual([1, 2]);
  });

  it('svarar 400 på ett trasigt filter', async () => {
    expect((await uppdrag(`?$filter=Title eq 'utan slut`)).status).toBe(400);
  });
});

describe('listvytröskeln (5 000)', () => {
  beforeAll(() => {
    const lista = miljo.lager.listaMedTitel('Uppdrag')!;
    for (let i = 0; i < 5200; i++) {
      miljo.lager.skapaObjekt(lista, { Title: `Massuppdrag ${i}`, [UppdragFalt.Status]: i < 100 ? 'Verkställt' : 'Pågår', [UppdragFalt.Kommentar]: `k${i}` }, 50);
    }
  });

  it('stoppar ett filter på en kolumn utan index, med SharePoints felmeddelande', async () => {
    const svar = await uppdrag(`?$filter=Kommentar eq 'k7'`);
    expect(svar.status).toBe(500);
    const kropp = await svar.json();
    expect(kropp['odata.error'].code).toBe('-2147024860, Microsoft.SharePoint.SPQueryThrottledException');
    expect(kropp['odata.error'].message.value).toMatch(/exceeds the list view threshold/);
  });

  it('släpper igenom när ett indexerat villkor först smalnar av under tröskeln', async () => {
    const svar = await uppdrag(`?$filter=UppdragStatus eq 'Verkställt' and Kommentar eq 'k7'&$select=Id`);
    expect(svar.status).toBe(200);
    expect((await svar.json()).value).toHaveLength(1);
  });

  it('stoppar ett indexerat villkor som inte smalnar av, sortering på kolumn utan index och $top över 5 000', async () => {
    expect((await uppdrag(`?$filter=UppdragStatus eq 'Pågår'`)).status).toBe(500);
    expect((await uppdrag(`?$orderby=Kommentar`)).status).toBe(500);
    expect((await uppdrag(`?$top=5001`)).status).toBe(500);
    expect((await uppdrag(`?$top=5000&$select=Id`)).status).toBe(200);
  });

  afterAll(() => {
    const lista = miljo.lager.listaMedTitel('Uppdrag')!;
    for (const [id, o] of lista.objekt) if (String(o.varden.Title).startsWith('Massuppdrag')) lista.objekt.delete(id);
  });
});

describe('skrivning', () => {
  const skriv = (id: number, kropp: unknown, ifMatch: string, email = HANDLAGGARE): Promise<Response> =>
    fetch(api(`web/lists/getbytitle('Uppdrag')/items(${id})`), {
      method: 'POST', headers: som(email, { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'If-Match': ifMatch }), body: JSON.stringify(kropp)
    });

  it('svarar 204 med ny ETag i huvudet, och 412 med SharePoints text på en gammal ETag', async () => {
    const rad = await (await fetch(api(`web/lists/getbytitle('Uppdrag')/items(7)`), { headers: som(HANDLAGGARE) })).json();
    const svar = await skriv(7, { Kommentar: 'Uppdaterad' }, rad['odata.etag']);
    expect(svar.status).toBe(204);
    expect(await svar.text()).toBe('');
    expect(svar.headers.get('etag')).not.toBe(rad['odata.etag']);
    const gammal = await skriv(7, { Kommentar: 'Skriver över' }, rad['odata.etag']);
    expect(gammal.status).toBe(412);
    const kropp = await gammal.json();
    expect(kropp['odata.error'].code).toBe('-1, Microsoft.SharePoint.Client.ClientServiceException');
    expect(kropp['odata.error'].message.value).toMatch(/^The request ETag value '"\d+"' does not match the object's ETag value '"[0-9a-f-]{36},\d+"'\.$/);
    expect((await skriv(7, { Kommentar: 'Med stjärna' }, '*')).status).toBe(204);
  });

  it('vägrar okända fält och fel typer med 400, men godtar HTML som text', async () => {
    expect((await skriv(8, { Finns: 'x' }, '*')).status).toBe(400);
    expect((await skriv(8, { PlaneratKlart: 'i morgon' }, '*')).status).toBe(400);
    expect((await skriv(8, { HandlaggareId: 'Karin' }, '*')).status).toBe(400);
    expect((await skriv(8, { Kommentar: '<script>alert(1)</script>' }, '*')).status).toBe(204);
  });

  it('för en versionshistorik med vem som ändrade vad', async () => {
    await skriv(9, { [UppdragFalt.PlaneratKlart]: '2027-01-31T23:00:00Z' }, '*');
    const versioner = (await (await fetch(api(`web/lists/getbytitle('Uppdrag')/items(9)/versions`), { headers: som(LEDAMOT) })).json()).value;
    expect(versioner[0]).toMatchObject({ IsCurrentVersion: true, Editor: { LookupValue: 'Karin Lund', Email: HANDLAGGARE } });
    expect(versioner[0].VersionLabel).toMatch(/^\d+\.0$/);
    expect(versioner[0].PlaneratKlart).toBe('2027-01-31T23:00:00Z');
    expect(versioner[1].PlaneratKlart).not.toBe('2027-01-31T23:00:00Z');
    expect(versioner[1].IsCurrentVersion).toBe(false);
  });
});

describe('behörigheter', () => {
  it('svarar 401 utan inloggning, 403 vid skrivning utan rätt och 404 för en lista man inte får se', async () => {
    expect((await fetch(api(`web/lists/getbytitle('Uppdrag')/items`), { headers: som(undefined) })).status).toBe(401);
    const nekad = await fetch(api(`web/lists/getbytitle('Uppdrag')/items`), {
      method: 'POST', headers: som(LEDAMOT, { 'Content-Type': 'application/json' }), body: JSON.stringify({ Title: 'x' })
    });
    expect(nekad.status).toBe(403);
    expect((await nekad.json())['odata.error'].message.value).toMatch(/^Access denied\./);
    // The register is kommunservice's: a handläggare has nothing in it (a borrower reaches it only through the items shared with them).
    const dold = await fetch(api(`web/lists/getbytitle('Surfplattor')/items`), { headers: som(HANDLAGGARE) });
    expect(dold.status).toBe(404);
    expect((await dold.json())['odata.error'].message.value).toMatch(/^List 'Surfplattor' does not exist at site with URL/);
    const listor = (await (await fetch(api('web/lists?$select=Title'), { headers: som(LEDAMOT) })).json()).value.map((l: { Title: string }) => l.Title);
    expect(listor).toContain('Uppdrag');
    // Ledamöter read Sekretess to prepare; handläggare do not even see the library.
    expect(listor).toContain('Sekretess');
    const handlaggarensListor = (await (await fetch(api('web/lists?$select=Title'), { headers: som(HANDLAGGARE) })).json()).value.map((l: { Title: string }) => l.Title);
    expect(handlaggarensListor).not.toContain('Sekretess');
    expect(handlaggarensListor).not.toContain('Surfplattor');
  });

  it('kräver formulärsammandrag för skrivning med sessionskaka, som SharePoint', async () => {
    const kaka = Emulator.cookie(HANDLAGGARE);
    const utan = await fetch(api(`web/lists/getbytitle('Uppdrag')/items(10)`), {
      method: 'POST', headers: { Cookie: kaka, 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'If-Match': '*' }, body: '{"Kommentar":"x"}'
    });
    expect(utan.status).toBe(403);
    const info = await (await fetch(api('contextinfo'), { method: 'POST', headers: { Cookie: kaka, Accept: 'application/json' } })).json();
    expect(info.FormDigestTimeoutSeconds).toBe(1800);
    const med = await fetch(api(`web/lists/getbytitle('Uppdrag')/items(10)`), {
      method: 'POST', headers: { Cookie: kaka, 'X-RequestDigest': info.FormDigestValue, 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'If-Match': '*' }, body: '{"Kommentar":"x"}'
    });
    expect(med.status).toBe(204);
  });
});

describe('filer i bibliotek', () => {
  it('laddar upp, läser metadata och hämtar innehållet', async () => {
    const bibliotek = `${miljo.emulator.sitePath}/Handlingar`;
    const upp = await fetch(api(`web/getFolderByServerRelativePath(decodedUrl='${bibliotek}')/files/addUsingPath(DecodedUrl='test-å.txt',Overwrite=true)`), {
      method: 'POST', headers: som('majvor.bystrom@kommun.se'), body: 'Hej kommun'
    });
    expect(upp.status).toBe(200);
    expect(await upp.json()).toMatchObject({ Name: 'test-å.txt', ServerRelativeUrl: `${bibliotek}/test-å.txt`, Length: '10' });
    const fil = `web/getFileByServerRelativePath(decodedUrl='${bibliotek}/test-å.txt')`;
    expect(await (await fetch(api(`${fil}/$value`), { headers: som(LEDAMOT) })).text()).toBe('Hej kommun');
    const objekt = await (await fetch(api(`${fil}/ListItemAllFields`), { headers: som(LEDAMOT) })).json();
    expect(objekt.FileLeafRef).toBe('test-å.txt');
    expect(objekt.Klassificering).toBe('Offentlig');
    const igen = await fetch(api(`web/getFolderByServerRelativePath(decodedUrl='${bibliotek}')/files/addUsingPath(DecodedUrl='test-å.txt',Overwrite=false)`), {
      method: 'POST', headers: som('majvor.bystrom@kommun.se'), body: 'igen'
    });
    expect(igen.status).toBe(400);
  });

  it('visar aldrig en sekretesshandling för det publika kontot eller en handläggare, men för en ledamot', async () => {
    const sekretess = miljo.lager.listaMedTitel('Sekretess')!;
    const namn = Array.from(sekretess.objekt.values())[0].fil!.namn;
    const hamta = (email: string): Promise<Response> =>
      fetch(api(`web/getFileByServerRelativePath(decodedUrl='${sekretess.url}/${namn}')/$value`), { headers: som(email) });
    expect((await hamta(PUBLIK.email)).status).toBe(404);
    expect((await hamta(HANDLAGGARE)).status).toBe(404);
    expect((await hamta(LEDAMOT)).status).toBe(200);
    const sekreterare = await fetch(api(`web/getFileByServerRelativePath(decodedUrl='${sekretess.url}/${namn}')/$value`), { headers: som('majvor.bystrom@kommun.se') });
    expect(sekreterare.status).toBe(200);
  });
});

describe('behörigheter på enskilda objekt', () => {
  const SEKRETERARE = 'majvor.bystrom@kommun.se';
  const LAS = ROLLDEFINITIONER.find((r) => r.Name === 'Läsa')!.Id;
  const publikGrupp = (): number => miljo.lager.grupper.find((g) => g.Title === GRUPPNAMN.allmanhet)!.Id;
  const bibliotek = (): string => `${miljo.emulator.sitePath}/Handlingar`;
  const post = (del: string, email: string): Promise<Response> => fetch(api(del), { method: 'POST', headers: som(email) });
  const laddaUpp = async (namn: string): Promise<number> => {
    const upp = await fetch(api(`web/getFolderByServerRelativePath(decodedUrl='${bibliotek()}')/files/addUsingPath(DecodedUrl='${namn}',Overwrite=false)`), {
      method: 'POST', headers: som(SEKRETERARE), body: 'Förslag till beslut'
    });
    expect(upp.status).toBe(200);
    const objekt = await (await fetch(api(`web/getFileByServerRelativePath(decodedUrl='${bibliotek()}/${namn}')/ListItemAllFields`), { headers: som(SEKRETERARE) })).json();
    return objekt.Id as number;
  };
  const objekt = (id: number, rest = ''): string => `web/lists/getbytitle('Handlingar')/items(${id})${rest}`;
  const fil = (namn: string, rest = ''): string => `web/getFileByServerRelativePath(decodedUrl='${bibliotek()}/${namn}')${rest}`;

  it('öppnar ett objekt för den publika gruppen med egna behörigheter, och stänger det igen genom att återställa arvet', async () => {
    const id = await laddaUpp('arbetsmaterial-1.txt');
    // The library gives the public group nothing: a new document is closed from the start.
    expect((await fetch(api(objekt(id)), { headers: som(PUBLIK.email) })).status).toBe(404);
    expect((await fetch(api(fil('arbetsmaterial-1.txt', '/$value')), { headers: som(PUBLIK.email) })).status).toBe(404);

    expect((await post(objekt(id, '/breakroleinheritance(copyroleassignments=true, clearsubscopes=true)'), SEKRETERARE)).status).toBe(200);
    const unik = await (await fetch(api(objekt(id, '?$select=Id,HasUniqueRoleAssignments')), { headers: som(SEKRETERARE) })).json();
    expect(unik.HasUniqueRoleAssignments).toBe(true);
    // The copy is the library's assignments, without the public group.
    const fore = (await (await fetch(api(objekt(id, '/roleassignments')), { headers: som(SEKRETERARE) })).json()).value as Array<{ PrincipalId: number }>;
    expect(fore.map((r) => r.PrincipalId)).not.toContain(publikGrupp());
    expect((await post(objekt(id, `/roleassignments/addroleassignment(principalid=${publikGrupp()},roledefid=${LAS})`), SEKRETERARE)).status).toBe(200);

    // Limited access: the public account reaches the library for this one item, and nothing else in it.
    expect(await (await fetch(api(fil('arbetsmaterial-1.txt', '/$value')), { headers: som(PUBLIK.email) })).text()).toBe('Förslag till beslut');
    expect((await fetch(api(fil('arbetsmaterial-1.txt', '/ListItemAllFields')), { headers: som(PUBLIK.email) })).status).toBe(200);
    const synliga = (await (await fetch(api(`web/lists/getbytitle('Handlingar')/items?$select=Id&$top=5000`), { headers: som(PUBLIK.email) })).json()).value as Array<{ Id: number }>;
    expect(synliga.map((r) => r.Id)).toContain(id);
    // Everyone else keeps what the library gives them.
    expect(await (await fetch(api(fil('arbetsmaterial-1.txt', '/$value')), { headers: som(LEDAMOT) })).text()).toBe('Förslag till beslut');

    expect((await post(objekt(id, '/resetroleinheritance'), SEKRETERARE)).status).toBe(200);
    expect((await fetch(api(objekt(id)), { headers: som(PUBLIK.email) })).status).toBe(404);
    expect((await fetch(api(fil('arbetsmaterial-1.txt', '/$value')), { headers: som(PUBLIK.email) })).status).toBe(404);
    const arvt = await (await fetch(api(objekt(id, '?$select=HasUniqueRoleAssignments')), { headers: som(SEKRETERARE) })).json();
    expect(arvt.HasUniqueRoleAssignments).toBe(false);
  });

  it('kräver Fullständig behörighet på objektet för att ändra dess behörigheter, och svarar som SharePoint annars', async () => {
    const id = await laddaUpp('arbetsmaterial-2.txt');
    const nekad = await post(objekt(id, '/breakroleinheritance(copyroleassignments=true,clearsubscopes=true)'), LEDAMOT);
    expect(nekad.status).toBe(403);
    expect((await nekad.json())['odata.error']).toMatchObject({
      code: '-2147024891, System.UnauthorizedAccessException',
      message: { value: 'Access denied. You do not have permission to perform this action or access this resource.' }
    });
    expect((await post(objekt(id, '/resetroleinheritance'), LEDAMOT)).status).toBe(403);
    expect((await fetch(api(objekt(id, '/roleassignments')), { headers: som(LEDAMOT) })).status).toBe(403);
    // Removing from an item that still inherits is SharePoint's 400.
    expect((await post(objekt(id, `/roleassignments/removeroleassignment(principalid=${publikGrupp()},roledefid=${LAS})`), SEKRETERARE)).status).toBe(400);

    const rattighet = async (email: string): Promise<{ High: string; Low: string }> =>
      (await fetch(api(objekt(id, '/effectivebasepermissions')), { headers: som(email) })).json();
    expect(await rattighet(SEKRETERARE)).toMatchObject({ High: '2147483647', Low: '4294967295' });
    expect(await rattighet(LEDAMOT)).toMatchObject({ High: '176', Low: '138612833' });

    // Given Contribute on the item only, a person writes it but still cannot change its permissions.
    await post(objekt(id, '/breakroleinheritance(copyroleassignments=true,clearsubscopes=true)'), SEKRETERARE);
    const bidra = ROLLDEFINITIONER.find((r) => r.Name === 'Bidra')!.Id;
    const siv = DEMO_ANVANDARE.find((a) => a.email === LEDAMOT)!.id;
    expect((await post(objekt(id, `/roleassignments/addroleassignment(principalid=${siv},roledefid=${bidra})`), SEKRETERARE)).status).toBe(200);
    expect(await rattighet(LEDAMOT)).toMatchObject({ High: '432', Low: '1011030767' });
    const andra = await fetch(api(objekt(id)), {
      method: 'POST', headers: som(LEDAMOT, { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'If-Match': '*' }), body: '{"Title":"Godkänd"}'
    });
    expect(andra.status).toBe(204);
    expect((await post(objekt(id, '/resetroleinheritance'), LEDAMOT)).status).toBe(403);
  });

  it('fungerar när PnPjs når objektet genom filen (getItem)', async () => {
    await laddaUpp('arbetsmaterial-3.txt');
    const sekreterare = miljo.sp('namndsekreterare');
    const publik = skapaSp(miljo.webbplats, SPBrowser(), InjectHeaders({ Authorization: Emulator.token(PUBLIK.email) }));
    const url = `${bibliotek()}/arbetsmaterial-3.txt`;
    const behorighet = new PublikBehorighet(sekreterare);

    await behorighet.stangForPublik(await sekreterare.web.getFileByServerRelativePath(url).getItem());
    await expect(publik.web.getFileByServerRelativePath(url).getBuffer()).rejects.toMatchObject({ status: 404 });
    // Closed from the start (the library gives the group nothing); closing again is harmless.
    await behorighet.stangForPublik(await sekreterare.web.getFileByServerRelativePath(url).getItem());

    await behorighet.oppnaForPublik(await sekreterare.web.getFileByServerRelativePath(url).getItem());
    expect(new TextDecoder().decode(await publik.web.getFileByServerRelativePath(url).getBuffer())).toBe('Förslag till beslut');
  });
});

describe('radsäkerhet på listor (ReadSecurity och WriteSecurity)', () => {
  const SEKRETERARE = 'majvor.bystrom@kommun.se';
  const AMINA = DEMO_ANVANDARE.find((a) => a.id === 9)!.email;
  const id = (email: string): number => DEMO_ANVANDARE.find((a) => a.email === email)!.id;
  const skicka = (metod: string, del: string, email: string, kropp?: unknown, extra: Record<string, string> = {}): Promise<Response> =>
    fetch(api(del), {
      method: 'POST', headers: som(email, { 'Content-Type': 'application/json', ...(metod === 'POST' ? {} : { 'X-HTTP-Method': metod, 'If-Match': '*' }), ...extra }),
      ...(kropp === undefined ? {} : { body: JSON.stringify(kropp) })
    });
  const lista = (rest = ''): string => `web/lists/getbytitle('Radtest')${rest}`;
  const installning = async (): Promise<[number, number]> => {
    const l = await (await fetch(api(lista()), { headers: som(ADMIN) })).json();
    return [l.ReadSecurity, l.WriteSecurity];
  };
  const lagg = async (email: string, kropp: Record<string, unknown> = {}): Promise<{ Id: number; AuthorId: number; Created: string }> => {
    const svar = await skicka('POST', lista('/items'), email, { Title: `Rad av ${email}`, ...kropp });
    expect(svar.status).toBe(201);
    return svar.json();
  };

  beforeAll(async () => {
    expect((await skicka('POST', 'web/lists', ADMIN, { Title: 'Radtest', BaseTemplate: 100 })).status).toBe(201);
    await skicka('POST', lista('/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)'), ADMIN);
    const bidra = ROLLDEFINITIONER.find((r) => r.Name === 'Bidra')!.Id;
    const full = ROLLDEFINITIONER.find((r) => r.Name === 'Fullständig behörighet')!.Id;
    for (const [vem, rd] of [[LEDAMOT, bidra], [AMINA, bidra], [SEKRETERARE, full]] as const) {
      expect((await skicka('POST', lista(`/roleassignments/addroleassignment(principalid=${id(vem)},roledefid=${rd})`), ADMIN)).status).toBe(200);
    }
  });
  afterEach(() => {
    miljo.lager.klocka = () => new Date();
  });

  it('är 1 och 1 från början, sätts med MERGE på listan och vägrar andra värden', async () => {
    expect(await installning()).toEqual([1, 1]);
    expect((await skicka('MERGE', lista(), ADMIN, { ReadSecurity: 2, WriteSecurity: 2 })).status).toBe(204);
    expect(await installning()).toEqual([2, 2]);
    expect((await skicka('MERGE', lista(), ADMIN, { WriteSecurity: 3 })).status).toBe(400);
    expect((await skicka('MERGE', lista(), LEDAMOT, { ReadSecurity: 1 })).status).toBe(403);
    expect(await installning()).toEqual([2, 2]);
  });

  it('ReadSecurity 2: andras objekt syns inte, utom för den med full behörighet', async () => {
    const sivs = await lagg(LEDAMOT);
    const aminas = await lagg(AMINA);
    const synliga = async (email: string): Promise<number[]> =>
      ((await (await fetch(api(lista('/items?$select=Id')), { headers: som(email) })).json()).value as Array<{ Id: number }>).map((r) => r.Id);
    expect(await synliga(LEDAMOT)).toEqual([sivs.Id]);
    expect(await synliga(AMINA)).toEqual([aminas.Id]);
    expect(await synliga(SEKRETERARE)).toEqual([sivs.Id, aminas.Id]);
    expect((await fetch(api(lista(`/items(${aminas.Id})`)), { headers: som(LEDAMOT) })).status).toBe(404);
    expect((await skicka('MERGE', lista(`/items(${aminas.Id})`), LEDAMOT, { Title: 'Ändrad' })).status).toBe(404);
  });

  it('WriteSecurity 2: andras objekt går inte att ändra, ta bort eller slänga (403), egna går', async () => {
    expect((await skicka('MERGE', lista(), ADMIN, { ReadSecurity: 1 })).status).toBe(204);
    const aminas = await lagg(AMINA);
    const sivs = await lagg(LEDAMOT);
    const andra = await skicka('MERGE', lista(`/items(${aminas.Id})`), LEDAMOT, { Title: 'Ändrad av Siv' });
    expect(andra.status).toBe(403);
    expect((await andra.json())['odata.error']).toMatchObject({
      code: '-2147024891, System.UnauthorizedAccessException',
      message: { value: 'Access denied. You do not have permission to perform this action or access this resource.' }
    });
    expect((await skicka('DELETE', lista(`/items(${aminas.Id})`), LEDAMOT)).status).toBe(403);
    expect((await skicka('POST', lista(`/items(${aminas.Id})/recycle()`), LEDAMOT)).status).toBe(403);
    expect((await fetch(api(lista(`/items(${aminas.Id})`)), { headers: som(LEDAMOT) })).status).toBe(200);
    expect((await skicka('MERGE', lista(`/items(${sivs.Id})`), LEDAMOT, { Title: 'Min egen' })).status).toBe(204);
    expect((await skicka('MERGE', lista(`/items(${aminas.Id})`), SEKRETERARE, { Title: 'Rättad av sekreteraren' })).status).toBe(204);
    // 4: nobody below Full Control writes at all.
    expect((await skicka('MERGE', lista(), ADMIN, { WriteSecurity: 4 })).status).toBe(204);
    expect((await skicka('POST', lista('/items'), LEDAMOT, { Title: 'x' })).status).toBe(403);
    expect((await skicka('MERGE', lista(), ADMIN, { WriteSecurity: 2 })).status).toBe(204);
  });

  it('sätter Author och Created själv: en klient utan full behörighet kan inte ange dem', async () => {
    miljo.lager.klocka = () => new Date('2027-02-03T09:00:00Z');
    const rad = await lagg(LEDAMOT, { AuthorId: id(AMINA), EditorId: id(AMINA), Created: '2027-01-01T08:00:00Z', Modified: '2027-01-01T08:00:00Z' });
    expect([rad.AuthorId, rad.Created]).toEqual([id(LEDAMOT), '2027-02-03T09:00:00.000Z']);
    expect((await skicka('MERGE', lista(`/items(${rad.Id})`), LEDAMOT, { AuthorId: id(AMINA), Created: '2027-01-01T08:00:00Z' })).status).toBe(204);
    const last = await (await fetch(api(lista(`/items(${rad.Id})?$select=Id,Created,Author/Id&$expand=Author`)), { headers: som(LEDAMOT) })).json();
    expect([last.Author.Id, last.Created]).toEqual([id(LEDAMOT), '2027-02-03T09:00:00.000Z']);
    // An owner may (a migration keeps the original author and time).
    const flyttad = await lagg(ADMIN, { AuthorId: id(AMINA), Created: '2020-05-01T08:00:00Z' });
    expect([flyttad.AuthorId, flyttad.Created]).toEqual([id(AMINA), '2020-05-01T08:00:00Z']);
  });
});

describe('strypning och okända förfrågningar', () => {
  it('svarar 429 eller 503 med Retry-After i den andel som är inställd', async () => {
    miljo.emulator.satStrypning({ andel: 0.5, statusar: [429, 503], retryAfter: 7 });
    const svar = await Promise.all(Array.from({ length: 40 }, () => uppdrag('?$top=1&$select=Id')));
    miljo.emulator.satStrypning(undefined);
    const strypta = svar.filter((s) => s.status === 429 || s.status === 503);
    expect(strypta.length).toBeGreaterThan(8);
    expect(strypta.length).toBeLessThan(32);
    expect(new Set(strypta.map((s) => s.status))).toEqual(new Set([429, 503]));
    for (const s of strypta) expect(s.headers.get('retry-after')).toBe('7');
  });

  it('svarar 501 på något den inte känner till, och testet får veta det', async () => {
    const svar = await fetch(api('web/lists/getbytitle(\'Uppdrag\')/getchanges'), { method: 'POST', headers: som(ADMIN) });
    expect(svar.status).toBe(501);
    expect(() => miljo.emulator.forvantaIngaOkanda()).toThrow(/getchanges/);
  });
});
