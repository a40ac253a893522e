/**
 * The Graph part of the emulator, in-process: answers compared with Microsoft's documented
 * samples (tests/fixtures/graph-dokumentationsprov.json, a verbatim subset of the Graph v1.0 reference
 * samples), paging, $batch, permissions, and the mail routine's effects (forward, delete).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Emulator } from '../../emulator/core';
import { DEMO_ANVANDARE, REGISTRATOR } from '../../emulator/demo/anvandare';
import { DEMO_ANTAL_FORSTA, DEMO_ENHETER, IGraphLager, registreraGraph, seedaDemoPost } from '../../emulator/graph';

interface IProv {
  request: { url: string; method: string };
  response: { statusCode: number; body?: unknown };
}

const PROV: IProv[] = JSON.parse(readFileSync(join(__dirname, '../../tests/fixtures/graph-dokumentationsprov.json'), 'utf8')).mocks;

/** The documented sample for a method and the URL as the source writes it (with `*`). */
function prov(metod: string, url: string): IProv {
  const hittat = PROV.find((p) => p.request.method === metod && p.request.url === `https://graph.microsoft.com/v1.0${url}`);
  if (!hittat) throw new Error(`Inget dokumentationsprov för ${metod} ${url}`);
  return hittat;
}

type Objekt = Record<string, unknown>;
const nycklar = (o: unknown, utom: string[] = []): string[] => Object.keys(o as Objekt).filter((k) => !utom.includes(k)).sort();

const REFERENS = new Date('2025-03-14T10:00:00Z');
const NU = new Date('2025-03-14T11:00:00Z');
const BAS = 'https://graph.emulator.test';
const SIV = DEMO_ANVANDARE[0];
const ERIK = DEMO_ANVANDARE[1];
const TOVE = DEMO_ANVANDARE.find((a) => a.roll === 'kommunservice')!;

let emulator: Emulator;
let lager: IGraphLager;

function skapa(fro?: number): void {
  emulator = new Emulator(fro === undefined ? {} : { fro });
  emulator.anvandare.push(...DEMO_ANVANDARE);
  lager = registreraGraph(emulator, { nu: () => NU });
  seedaDemoPost(lager, emulator, REFERENS);
}

interface ISvar {
  status: number;
  huvuden: Headers;
  kropp: Objekt;
  text: string;
}

async function graph(sokvag: string, init: RequestInit & { som?: string | null } = {}): Promise<ISvar> {
  const { som = SIV.email, ...rest } = init;
  const huvuden = new Headers(rest.headers);
  if (som) huvuden.set('Authorization', Emulator.token(som));
  if (rest.body) huvuden.set('Content-Type', 'application/json');
  const svar = await emulator.fetch(sokvag.startsWith('http') ? sokvag : `${BAS}${sokvag}`, { ...rest, headers: huvuden });
  const text = await svar.text();
  return { status: svar.status, huvuden: svar.headers, kropp: text ? JSON.parse(text) : {}, text };
}

const post = (sokvag: string, kropp: unknown, som: string = SIV.email): Promise<ISvar> =>
  graph(sokvag, { method: 'POST', body: JSON.stringify(kropp), som });

const varden = (s: ISvar): Objekt[] => s.kropp.value as Objekt[];

beforeEach(() => skapa());
afterEach(() => emulator.forvantaIngaOkanda());

describe('användare', () => {
  it('GET /me har samma egenskaper som dokumentationens exempel', async () => {
    const svar = await graph('/v1.0/me');
    expect(svar.status).toBe(200);
    expect(nycklar(svar.kropp, ['@odata.context'])).toEqual(nycklar(prov('GET', '/me').response.body));
    expect(svar.kropp).toMatchObject({ '@odata.context': `${BAS}/v1.0/$metadata#users/$entity`, id: SIV.aadId, mail: SIV.email, displayName: 'Siv Sahlström' });
  });

  it('GET /users/{upn} med $select svarar som exemplet, med urvalet i kontexten', async () => {
    const exempel = prov('GET', '/users/*?$select=displayName,givenName,postalCode,identities').response.body as Objekt;
    const svar = await graph(`/v1.0/users/${encodeURIComponent(ERIK.email)}?$select=displayName,givenName,postalCode,identities`);
    expect(svar.status).toBe(200);
    expect(nycklar(svar.kropp)).toEqual(nycklar(exempel));
    expect(String(svar.kropp['@odata.context'])).toMatch(/\$metadata#users\(displayName,givenName,postalCode,identities\)\/\$entity$/);
    expect((await graph(`/v1.0/users/${ERIK.aadId}`)).kropp.displayName).toBe('Erik Nordin');
  });

  it('okänd användare ger 404 och okänd egenskap i $select 400, med Graphs felkropp', async () => {
    const saknas = await graph('/v1.0/users/00000000-0000-4000-8000-999999999999');
    expect(saknas.status).toBe(404);
    expect((saknas.kropp.error as Objekt).code).toBe('Request_ResourceNotFound');
    const fel = await graph('/v1.0/me?$select=skonummer');
    expect(fel.status).toBe(400);
    expect((fel.kropp.error as Objekt).message).toMatch(/Could not find a property named 'skonummer'/);
  });

  it('GET /users filtrerar med startswith och eq och bläddrar med @odata.nextLink', async () => {
    const exempel = prov('GET', '/users?$filter=endswith(mail,*)&$orderby=userPrincipalName&$count=true').response.body as Objekt;
    const filtrerat = await graph(`/v1.0/users?$filter=${encodeURIComponent("startswith(displayName,'siv')")}`);
    expect(varden(filtrerat).map((u) => u.id)).toEqual([SIV.aadId]);
    for (const nyckel of nycklar((exempel.value as Objekt[])[0])) {
      expect(varden(filtrerat)[0]).toHaveProperty(nyckel);
    }
    const epost = await graph(`/v1.0/users?$filter=${encodeURIComponent(`mail eq '${ERIK.email.toUpperCase()}'`)}&$select=id,mail`);
    expect(varden(epost)).toEqual([{ id: ERIK.aadId, mail: ERIK.email }]);
    const pol = await graph(`/v1.0/users?$filter=${encodeURIComponent("startswith(userPrincipalName,'s')")}&$select=userPrincipalName`);
    expect(varden(pol).every((u) => String(u.userPrincipalName).startsWith('s'))).toBe(true);

    const sedda: string[] = [];
    let lank: string | undefined = '/v1.0/users?$top=7&$select=id,displayName';
    let sidor = 0;
    while (lank) {
      const sida = await graph(lank);
      expect(sida.status).toBe(200);
      expect(String(sida.kropp['@odata.context'])).toMatch(/#users\(id,displayName\)$/);
      sedda.push(...varden(sida).map((u) => String(u.id)));
      lank = sida.kropp['@odata.nextLink'] as string | undefined;
      if (lank) expect(lank).toMatch(/\$skiptoken=|%24skiptoken=/);
      sidor++;
    }
    expect(sidor).toBe(Math.ceil(DEMO_ANVANDARE.length / 7));
    expect(sedda).toEqual(DEMO_ANVANDARE.map((a) => a.aadId));
  });

  it('$top över 999 för användare ger Graphs 400', async () => {
    const svar = await graph('/v1.0/users?$top=1000');
    expect(svar.status).toBe(400);
    expect(svar.kropp.error).toMatchObject({ code: 'Request_UnsupportedQuery' });
  });

  it('ett filter som emulatorn inte kan räknas som okänd förfrågan i stället för att ignoreras', async () => {
    const svar = await graph(`/v1.0/users?$filter=${encodeURIComponent("department eq 'Kultur'")}`);
    expect(svar.status).toBe(501);
    expect(() => emulator.forvantaIngaOkanda()).toThrow(/\$filter på department/);
  });

  it('svarar 401 med InvalidAuthenticationToken utan token, med okänd token och med bara SharePoints cookie', async () => {
    const fall: Array<Record<string, string>> = [{}, { Authorization: 'Bearer emu-okand%40kommun.se' }, { Cookie: Emulator.cookie(SIV.email) }];
    for (const huvuden of fall) {
      const svar = await graph('/v1.0/me', { som: null, headers: huvuden });
      expect(svar.status).toBe(401);
      expect(svar.kropp.error).toMatchObject({ code: 'InvalidAuthenticationToken' });
      expect(svar.huvuden.get('WWW-Authenticate')).toMatch(/^Bearer /);
    }
  });
});

describe('e-postmappar', () => {
  it('listar mapparna med exemplets egenskaper, på svenska och med rätt antal', async () => {
    const exempel = prov('GET', '/me/mailFolders').response.body as Objekt;
    const svar = await graph('/v1.0/me/mailFolders');
    expect(svar.status).toBe(200);
    expect(String(svar.kropp['@odata.context'])).toBe(`${BAS}/v1.0/$metadata#users('${SIV.aadId}')/mailFolders`);
    const exempelNycklar = nycklar((exempel.value as Objekt[])[0]);
    for (const mapp of varden(svar)) {
      expect(nycklar(mapp)).toEqual(exempelNycklar);
    }
    const perNamn = Object.fromEntries(varden(svar).map((m) => [m.displayName, m]));
    expect(perNamn.Inkorgen).toMatchObject({ totalItemCount: DEMO_ANTAL_FORSTA.inbox, isHidden: false });
    expect(perNamn.Skickat).toMatchObject({ totalItemCount: DEMO_ANTAL_FORSTA.sentitems });
    expect(perNamn.Borttaget).toMatchObject({ totalItemCount: DEMO_ANTAL_FORSTA.deleteditems });
    expect(Number((perNamn.Inkorgen as Objekt).unreadItemCount)).toBeGreaterThan(0);
    expect(DEMO_ANTAL_FORSTA.inbox + DEMO_ANTAL_FORSTA.sentitems + DEMO_ANTAL_FORSTA.deleteditems).toBeGreaterThanOrEqual(200);
  });

  it('hämtar en mapp med välkänt namn eller id, med exemplets egenskaper', async () => {
    const exempel = prov('GET', '/me/mailFolders/*').response.body as Objekt;
    const inkorg = await graph('/v1.0/me/mailFolders/inbox');
    expect(nycklar(inkorg.kropp, ['@odata.context'])).toEqual(nycklar(exempel));
    expect(inkorg.kropp.displayName).toBe('Inkorgen');
    const medId = await graph(`/v1.0/me/mailFolders/${encodeURIComponent(String(inkorg.kropp.id))}`);
    expect(medId.kropp).toEqual(inkorg.kropp);
    expect((await graph('/v1.0/me/mailFolders/finnsinte')).status).toBe(404);
  });

  it('en ny brevlåda finns med tomma mappar', async () => {
    const svar = await graph('/v1.0/me/mailFolders/inbox', { som: TOVE.email });
    expect(svar.kropp).toMatchObject({ displayName: 'Inkorgen', totalItemCount: 0, unreadItemCount: 0 });
  });
});

describe('meddelanden', () => {
  it('listar inkorgen nyast först, tio åt gången utan $top, och bläddrar med $skip i @odata.nextLink', async () => {
    const forsta = await graph('/v1.0/me/mailFolders/inbox/messages');
    expect(varden(forsta)).toHaveLength(10);
    expect(String(forsta.kropp['@odata.nextLink'])).toContain('%24skip=10');

    const sedda: Objekt[] = [];
    let lank: string | undefined = '/v1.0/me/mailFolders/inbox/messages?$top=50&$count=true&$select=receivedDateTime,subject';
    while (lank) {
      const sida = await graph(lank);
      expect(sida.kropp['@odata.count']).toBe(DEMO_ANTAL_FORSTA.inbox);
      sedda.push(...varden(sida));
      lank = sida.kropp['@odata.nextLink'] as string | undefined;
    }
    expect(sedda).toHaveLength(DEMO_ANTAL_FORSTA.inbox);
    expect(new Set(sedda.map((m) => m.id)).size).toBe(DEMO_ANTAL_FORSTA.inbox);
    const tider = sedda.map((m) => String(m.receivedDateTime));
    expect(tider).toEqual([...tider].sort().reverse());
  });

  it('har exemplets egenskaper i listan och med $select bara de valda (plus id och etag)', async () => {
    const lista = await graph('/v1.0/me/mailFolders/inbox/messages?$top=3');
    const listExempel = (prov('GET', '/me/mailFolders/*/messages').response.body as Objekt).value as Objekt[];
    for (const nyckel of nycklar(listExempel[0])) {
      expect(varden(lista)[0]).toHaveProperty(nyckel);
    }
    const exempel = prov('GET', '/me/messages?$select=sender,subject').response.body as Objekt;
    const svar = await graph('/v1.0/me/messages?$select=sender,subject');
    expect(String(svar.kropp['@odata.context'])).toMatch(new RegExp(`users\\('${SIV.aadId}'\\)/messages\\(sender,subject\\)$`));
    expect(nycklar(varden(svar)[0])).toEqual(nycklar((exempel.value as Objekt[])[0]));
  });

  it('$top 1–1000 och $filter på receivedDateTime med ge/le', async () => {
    expect((await graph('/v1.0/me/messages?$top=1001')).status).toBe(400);
    expect(varden(await graph('/v1.0/me/messages?$top=1000'))).toHaveLength(
      DEMO_ANTAL_FORSTA.inbox + DEMO_ANTAL_FORSTA.sentitems + DEMO_ANTAL_FORSTA.deleteditems + DEMO_ANTAL_FORSTA.junkemail);
    const fran = '2025-03-01T00:00:00Z';
    const till = '2025-03-07T23:59:59Z';
    const filter = encodeURIComponent(`receivedDateTime ge ${fran} and receivedDateTime le ${till}`);
    const svar = await graph(`/v1.0/me/messages?$filter=${filter}&$orderby=receivedDateTime desc&$top=1000&$count=true`);
    expect(svar.status).toBe(200);
    const tider = varden(svar).map((m) => String(m.receivedDateTime));
    expect(tider.length).toBeGreaterThan(10);
    expect(tider.length).toBe(svar.kropp['@odata.count']);
    expect(tider.every((t) => t >= fran && t <= till)).toBe(true);
  });

  it('alla demomejl ligger inom 45 dagar före referensdatumet', async () => {
    const alla = varden(await graph('/v1.0/me/messages?$top=1000&$select=receivedDateTime'));
    const tidigast = REFERENS.getTime() - 45 * 86400000;
    expect(alla.every((m) => Date.parse(String(m.receivedDateTime)) >= tidigast && Date.parse(String(m.receivedDateTime)) <= REFERENS.getTime())).toBe(true);
  });

  it('$filter och $orderby på olika egenskaper ger InefficientFilter, som Outlook', async () => {
    const svar = await graph(`/v1.0/me/messages?$filter=${encodeURIComponent('isRead eq false')}&$orderby=receivedDateTime desc`);
    expect(svar.status).toBe(400);
    expect(svar.kropp.error).toMatchObject({ code: 'InefficientFilter' });
    expect(varden(await graph(`/v1.0/me/messages?$filter=${encodeURIComponent('isRead eq false')}&$top=1000`)).every((m) => m.isRead === false)).toBe(true);
  });

  it('GET av ett meddelande har exemplets egenskaper', async () => {
    const [forsta] = varden(await graph('/v1.0/me/mailFolders/inbox/messages?$top=1'));
    const svar = await graph(`/v1.0/me/messages/${encodeURIComponent(String(forsta.id))}`);
    expect(svar.status).toBe(200);
    const get = prov('GET', '/me/messages/*').response.body as Objekt;
    const move = prov('POST', '/me/messages/*/move').response.body as Objekt;
    const vantat = Array.from(new Set([...nycklar(get), ...nycklar(move)]))
      .filter((k) => !['@odata.context', '@odata.type', 'meetingMessageType'].includes(k)).sort();
    expect(nycklar(svar.kropp, ['@odata.context'])).toEqual(vantat);
    expect((svar.kropp.body as Objekt).contentType).toBe('html');
    const text = await graph(`/v1.0/me/messages/${encodeURIComponent(String(forsta.id))}`, { headers: { Prefer: 'outlook.body-content-type="text"' } });
    expect((text.kropp.body as Objekt).contentType).toBe('text');
  });

  it('DELETE flyttar till Återställningsbara objekt: 204, syns inte i någon mapp, kan tas bort permanent', async () => {
    expect(prov('DELETE', '/me/messages/*').response.statusCode).toBe(204);
    const [forsta] = varden(await graph('/v1.0/me/mailFolders/inbox/messages?$top=1&$select=subject'));
    const id = encodeURIComponent(String(forsta.id));
    const svar = await graph(`/v1.0/me/messages/${id}`, { method: 'DELETE' });
    expect(svar.status).toBe(204);
    expect(svar.text).toBe('');
    expect((await graph(`/v1.0/me/messages/${id}`)).kropp.error).toMatchObject({ code: 'ErrorItemNotFound' });
    const alla = varden(await graph('/v1.0/me/messages?$top=1000&$select=id'));
    expect(alla.map((m) => m.id)).not.toContain(forsta.id);
    expect((await graph('/v1.0/me/mailFolders/inbox')).kropp.totalItemCount).toBe(DEMO_ANTAL_FORSTA.inbox - 1);
    expect((await graph('/v1.0/me/mailFolders/deleteditems')).kropp.totalItemCount).toBe(DEMO_ANTAL_FORSTA.deleteditems);
    expect(varden(await graph('/v1.0/me/mailFolders')).map((m) => m.displayName)).not.toContain('Deletions');

    const aterstallbara = varden(await graph('/v1.0/me/mailFolders/recoverableitemsdeletions/messages?$select=subject'));
    expect(aterstallbara.map((m) => m.subject)).toEqual([forsta.subject]);
    const slutgiltigt = await graph(`/v1.0/me/messages/${encodeURIComponent(String(aterstallbara[0].id))}/permanentDelete`, { method: 'POST' });
    expect(slutgiltigt.status).toBe(204);
    expect(varden(await graph('/v1.0/me/mailFolders/recoverableitemsdeletions/messages'))).toHaveLength(0);
  });

  it('move svarar 201 med meddelandet under nytt id i målmappen', async () => {
    const exempel = prov('POST', '/me/messages/*/move').response;
    const [forsta] = varden(await graph('/v1.0/me/mailFolders/inbox/messages?$top=1'));
    const borttaget = await graph('/v1.0/me/mailFolders/deleteditems');
    const svar = await post(`/v1.0/me/messages/${encodeURIComponent(String(forsta.id))}/move`, { destinationId: 'deleteditems' });
    expect(svar.status).toBe(exempel.statusCode);
    expect(svar.kropp.id).not.toBe(forsta.id);
    expect(svar.kropp.parentFolderId).toBe(borttaget.kropp.id);
    expect(svar.kropp.subject).toBe(forsta.subject);
    const extra = nycklar(svar.kropp).filter((k) => !nycklar(exempel.body).includes(k));
    expect(extra).toEqual(['conversationIndex']);
    expect((await graph('/v1.0/me/mailFolders/deleteditems')).kropp.totalItemCount).toBe(DEMO_ANTAL_FORSTA.deleteditems + 1);
  });

  it('forward når registrator: 202, en kopia "VB: …" i Skickat och posten registrerad', async () => {
    expect(prov('POST', '/me/messages/*/forward').response.statusCode).toBe(202);
    const forslag = varden(await graph(`/v1.0/me/mailFolders/inbox/messages?$top=1000&$select=subject`))
      .find((m) => String(m.subject).startsWith('Medborgarförslag'))!;
    const svar = await post(`/v1.0/me/messages/${encodeURIComponent(String(forslag.id))}/forward`, {
      comment: 'För diarieföring.',
      toRecipients: [{ emailAddress: { name: 'Registrator', address: REGISTRATOR } }]
    });
    expect(svar.status).toBe(202);
    expect(svar.text).toBe('');
    const tillRegistrator = lager.skickatTill(REGISTRATOR);
    expect(tillRegistrator).toHaveLength(1);
    expect(tillRegistrator[0]).toMatchObject({ typ: 'forward', fran: SIV.email, amne: `VB: ${forslag.subject}`, ursprung: forslag.id });
    expect(tillRegistrator[0].text).toContain('För diarieföring.');
    const [senast] = varden(await graph('/v1.0/me/mailFolders/sentitems/messages?$top=1&$select=subject,toRecipients,sentDateTime'));
    expect(senast.subject).toBe(`VB: ${forslag.subject}`);
    expect(senast.sentDateTime).toBe('2025-03-14T11:00:00Z');
    expect(senast.toRecipients).toEqual([{ emailAddress: { name: 'Registrator', address: REGISTRATOR } }]);
  });

  it('forward till en kollega hamnar oläst i kollegans inkorg; utan mottagare ger 400', async () => {
    const [forsta] = varden(await graph('/v1.0/me/mailFolders/inbox/messages?$top=1&$select=subject'));
    const fore = (await graph('/v1.0/me/mailFolders/inbox', { som: ERIK.email })).kropp;
    await post(`/v1.0/me/messages/${encodeURIComponent(String(forsta.id))}/forward`, { toRecipients: [{ emailAddress: { address: ERIK.email } }] });
    const efter = (await graph('/v1.0/me/mailFolders/inbox', { som: ERIK.email })).kropp;
    expect(efter.totalItemCount).toBe(Number(fore.totalItemCount) + 1);
    expect(efter.unreadItemCount).toBe(Number(fore.unreadItemCount) + 1);
    const tom = await post(`/v1.0/me/messages/${encodeURIComponent(String(forsta.id))}/forward`, { comment: 'x' });
    expect(tom.status).toBe(400);
  });

  it('sendMail svarar 202 och sparar i Skickat', async () => {
    expect(prov('POST', '/me/sendMail').response.statusCode).toBe(202);
    const svar = await post('/v1.0/me/sendMail', {
      message: { subject: 'Förhinder KS 18 mars', body: { contentType: 'Text', content: 'Jag kan inte komma.' }, toRecipients: [{ emailAddress: { address: 'majvor.bystrom@kommun.se' } }] }
    });
    expect(svar.status).toBe(202);
    expect(lager.skickatTill('majvor.bystrom@kommun.se').map((u) => u.amne)).toEqual(['Förhinder KS 18 mars']);
    expect((await graph('/v1.0/me/mailFolders/sentitems')).kropp.totalItemCount).toBe(DEMO_ANTAL_FORSTA.sentitems + 1);
  });

  it('en användare utan samtycke till e-post får 403 ErrorAccessDenied', async () => {
    lager.utanEpostbehorighet.add(SIV.aadId);
    const svar = await graph('/v1.0/me/mailFolders/inbox');
    expect(svar.status).toBe(403);
    expect(svar.kropp.error).toMatchObject({ code: 'ErrorAccessDenied' });
  });
});

describe('$batch', () => {
  const hamta = (id: string, url: string, extra: Objekt = {}): Objekt => ({ id, method: 'GET', url, ...extra });

  it('kör 20 förfrågningar var för sig: en strypt med egen Retry-After, en 404, resten 200', async () => {
    // Seed 2017 with 5 % throttling: the batch itself passes and its first request is throttled.
    skapa(2017);
    emulator.satStrypning({ andel: 0.05, statusar: [429], retryAfter: 7 });
    const fragor = Array.from({ length: 20 }, (_, i) => hamta(String(i + 1), i % 2 === 0 ? '/me/mailFolders/inbox' : '/me/messages?$top=2&$select=subject'));
    fragor[7] = hamta('8', '/me/messages/AAMkADfinnsinte=');
    const svar = await post('/v1.0/$batch', { requests: fragor });
    emulator.satStrypning(undefined);
    expect(svar.status).toBe(200);
    const delsvar = svar.kropp.responses as Array<{ id: string; status: number; headers: Record<string, string>; body?: Objekt }>;
    expect(delsvar.map((d) => d.id)).toEqual(fragor.map((f) => f.id));
    const strypta = delsvar.filter((d) => d.status === 429);
    expect(strypta.map((d) => d.id)).toEqual(['1']);
    expect(strypta[0].headers['Retry-After']).toBe('7');
    expect(strypta[0].body?.error).toMatchObject({ code: 'activityLimitReached' });
    expect(delsvar.find((d) => d.id === '8')).toMatchObject({ status: 404, body: { error: { code: 'ErrorItemNotFound' } } });
    expect(delsvar.filter((d) => d.status === 200)).toHaveLength(18);
    expect(delsvar.find((d) => d.id === '3')?.body).toMatchObject({ displayName: 'Inkorgen' });
    expect(emulator.statistik.strypta).toBe(1);
  });

  it('fler än 20 förfrågningar ger 400 för hela batchen', async () => {
    const svar = await post('/v1.0/$batch', { requests: Array.from({ length: 21 }, (_, i) => hamta(String(i), '/me')) });
    expect(svar.status).toBe(400);
    expect(svar.kropp.error).toMatchObject({ code: 'BadRequest' });
  });

  it('dependsOn: den som beror på en misslyckad förfrågan får 424, en lyckad kedja körs', async () => {
    const svar = await post('/v1.0/$batch', {
      requests: [
        hamta('1', '/me/messages/AAMkADfinnsinte='),
        hamta('2', '/me', { dependsOn: ['1'] }),
        hamta('3', '/me/mailFolders/inbox', { dependsOn: ['2'] })
      ]
    });
    expect((svar.kropp.responses as Objekt[]).map((d) => d.status)).toEqual([404, 424, 424]);
    const lyckad = await post('/v1.0/$batch', { requests: [hamta('a', '/me'), hamta('b', '/me/mailFolders/inbox', { dependsOn: ['a'] })] });
    expect((lyckad.kropp.responses as Objekt[]).map((d) => d.status)).toEqual([200, 200]);
  });

  it('kräver token för batchen och kör varje del som anroparen', async () => {
    expect((await graph('/v1.0/$batch', { method: 'POST', body: JSON.stringify({ requests: [hamta('1', '/me')] }), som: null })).status).toBe(401);
    const svar = await post('/v1.0/$batch', { requests: [hamta('1', '/me')] }, ERIK.email);
    expect(((svar.kropp.responses as Objekt[])[0].body as Objekt).id).toBe(ERIK.aadId);
  });

  it('en del som emulatorn inte känner till räknas som okänd', async () => {
    const svar = await post('/v1.0/$batch', { requests: [hamta('1', '/me/calendar/events')] });
    expect((svar.kropp.responses as Objekt[])[0].status).toBe(501);
    expect(() => emulator.forvantaIngaOkanda()).toThrow(/GET \/v1\.0\/me\/calendar\/events/);
  });
});

describe('Intune', () => {
  it('demoflottan: minst 40 iPads med fasta, unika serienummer DMPX + 8 tecken', () => {
    expect(DEMO_ENHETER.length).toBeGreaterThanOrEqual(40);
    expect(DEMO_ENHETER.every((e) => /^DMPX[A-Z0-9]{8}$/.test(e.serialNumber))).toBe(true);
    expect(new Set(DEMO_ENHETER.map((e) => e.serialNumber)).size).toBe(DEMO_ENHETER.length);
    expect(new Set(DEMO_ENHETER.map((e) => e.id)).size).toBe(DEMO_ENHETER.length);
    expect(DEMO_ENHETER.every((e) => e.model.startsWith('iPad'))).toBe(true);
  });

  it('listar enheter med exemplets egenskaper och filtrerar på serienummer', async () => {
    const exempel = prov('POST', '/deviceManagement/managedDevices').response.body as Objekt;
    const svar = await graph('/v1.0/deviceManagement/managedDevices', { som: TOVE.email });
    expect(svar.status).toBe(200);
    expect(varden(svar)).toHaveLength(DEMO_ENHETER.length);
    expect(nycklar(varden(svar)[0])).toEqual(nycklar(exempel, ['@odata.type']));
    const enhet = DEMO_ENHETER[5];
    const filtrerat = await graph(`/v1.0/deviceManagement/managedDevices?$filter=${encodeURIComponent(`serialNumber eq '${enhet.serialNumber}'`)}`, { som: TOVE.email });
    expect(varden(filtrerat).map((e) => e.id)).toEqual([enhet.id]);
    const en = await graph(`/v1.0/deviceManagement/managedDevices/${enhet.id}`, { som: TOVE.email });
    expect(nycklar(en.kropp, ['@odata.context'])).toEqual(nycklar(exempel));
    expect(en.kropp).toMatchObject({ serialNumber: enhet.serialNumber, deviceName: enhet.deviceName, model: enhet.model, manufacturer: 'Apple' });
  });

  it('en ledamot får 403 Authorization_RequestDenied på wipe och på listan', async () => {
    const enhet = DEMO_ENHETER[0];
    const wipe = await post(`/v1.0/deviceManagement/managedDevices/${enhet.id}/wipe`, {}, SIV.email);
    expect(wipe.status).toBe(403);
    expect(wipe.kropp.error).toMatchObject({ code: 'Authorization_RequestDenied' });
    expect((await graph('/v1.0/deviceManagement/managedDevices')).status).toBe(403);
    expect(lager.intuneAtgarder).toHaveLength(0);
  });

  it('kommunservice kan radera, avregistrera och låsa: 204, åtgärden registreras och syns på enheten', async () => {
    const enhet = DEMO_ENHETER[3];
    for (const atgard of ['wipe', 'retire', 'remoteLock']) {
      expect(prov('POST', `/deviceManagement/managedDevices/*/${atgard}`).response.statusCode).toBe(204);
      const svar = await post(`/v1.0/deviceManagement/managedDevices/${enhet.id}/${atgard}`, atgard === 'wipe' ? { keepUserData: false } : {}, TOVE.email);
      expect(svar.status).toBe(204);
    }
    expect(lager.intuneAtgarder.map((a) => [a.serialNumber, a.atgard, a.av])).toEqual([
      [enhet.serialNumber, 'wipe', TOVE.email], [enhet.serialNumber, 'retire', TOVE.email], [enhet.serialNumber, 'remoteLock', TOVE.email]
    ]);
    const efter = await graph(`/v1.0/deviceManagement/managedDevices/${enhet.id}?$select=deviceActionResults`, { som: TOVE.email });
    expect((efter.kropp.deviceActionResults as Objekt[]).map((r) => [r.actionName, r.actionState])).toEqual([
      ['wipe', 'pending'], ['retire', 'pending'], ['remoteLock', 'pending']
    ]);
  });

  it('kommunservice kan återställa enhetens lösenkod (resetPasscode): 204 och registreras; en ledamot får 403', async () => {
    const enhet = DEMO_ENHETER[6];
    const nekad = await post(`/v1.0/deviceManagement/managedDevices/${enhet.id}/resetPasscode`, {}, SIV.email);
    expect(nekad.status).toBe(403);
    expect(lager.intuneAtgarder.filter((a) => a.enhetId === enhet.id)).toEqual([]);
    const svar = await post(`/v1.0/deviceManagement/managedDevices/${enhet.id}/resetPasscode`, {}, TOVE.email);
    expect(svar.status).toBe(204);
    expect(lager.intuneAtgarder.filter((a) => a.enhetId === enhet.id).map((a) => [a.atgard, a.av])).toEqual([['resetPasscode', TOVE.email]]);
    const efter = await graph(`/v1.0/deviceManagement/managedDevices/${enhet.id}?$select=deviceActionResults`, { som: TOVE.email });
    expect((efter.kropp.deviceActionResults as Objekt[]).map((r) => [r.actionName, r.actionState])).toEqual([['resetPasscode', 'pending']]);
    const okand = await post('/v1.0/deviceManagement/managedDevices/00000000-0000-4000-8000-000000000000/resetPasscode', {}, TOVE.email);
    expect(okand.status).toBe(404);
  });
});

describe('demoposten', () => {
  it('är densamma varje gång för samma referensdatum', async () => {
    const forsta = varden(await graph('/v1.0/me/messages?$top=1000&$select=subject,receivedDateTime,from'));
    skapa();
    const andra = varden(await graph('/v1.0/me/messages?$top=1000&$select=subject,receivedDateTime,from'));
    expect(andra).toEqual(forsta);
  });

  it('ger de andra ledamöterna mindre brevlådor', async () => {
    const ovriga = DEMO_ANVANDARE.filter((a) => a.roll === 'ledamot').slice(1);
    for (const a of ovriga.slice(0, 5)) {
      const antal = (await graph('/v1.0/me/mailFolders/inbox', { som: a.email })).kropp.totalItemCount as number;
      expect(antal).toBeGreaterThan(5);
      expect(antal).toBeLessThan(DEMO_ANTAL_FORSTA.inbox);
    }
  });
});
