/**
 * What the e-mail routine (issue 7) needs of the Graph emulator: categories and PATCH of messages,
 * the lambda and conversationId filters with $count, injected faults (also inside $batch, with
 * dependsOn), and Microsoft To Do for the weekday reminder.
 */
import { Emulator, IFelFraga } from '../../emulator/core';
import { DEMO_ANVANDARE, REGISTRATOR } from '../../emulator/demo/anvandare';
import { DEMO_BEHALLNA_FORSTA, IGraphLager, KATEGORI_BEHALLEN, registreraGraph, seedaDemoPost } from '../../emulator/graph';

type Objekt = Record<string, unknown>;

const REFERENS = new Date('2025-03-14T10:00:00Z');
const NU = new Date('2025-03-14T11:00:00Z');
const BAS = 'https://graph.emulator.test';
const SIV = DEMO_ANVANDARE[0];
const ERIK = DEMO_ANVANDARE[1];

let emulator: Emulator;
let lager: IGraphLager;
let klocka: Date;

function skapa(): void {
  emulator = new Emulator();
  emulator.anvandare.push(...DEMO_ANVANDARE);
  klocka = NU;
  lager = registreraGraph(emulator, { nu: () => klocka });
  seedaDemoPost(lager, emulator, REFERENS);
}

interface ISvar {
  status: number;
  huvuden: Headers;
  kropp: Objekt;
}

async function graph(sokvag: string, init: RequestInit & { som?: string | null } = {}): Promise<ISvar> {
  const { som = SIV.email, ...rest } = init;
  const huvuden = new Headers(rest.headers);
  if (som) huvuden.set('Authorization', Emulator.token(som));
  if (rest.body) huvuden.set('Content-Type', 'application/json');
  const svar = await emulator.fetch(`${BAS}${sokvag}`, { ...rest, headers: huvuden });
  const text = await svar.text();
  return { status: svar.status, huvuden: svar.headers, kropp: text ? JSON.parse(text) : {} };
}

const skicka = (metod: string, sokvag: string, kropp: unknown, huvuden: Record<string, string> = {}): Promise<ISvar> =>
  graph(sokvag, { method: metod, body: JSON.stringify(kropp), headers: huvuden });

const varden = (s: ISvar): Objekt[] => s.kropp.value as Objekt[];
const filter = (text: string): string => encodeURIComponent(text);
const KEPT = `categories/any(c:c eq '${KATEGORI_BEHALLEN.replace(/'/g, "''")}')`;

async function inkorgen(top = 5): Promise<Objekt[]> {
  return varden(await graph(`/v1.0/me/mailFolders/inbox/messages?$top=${top}&$select=subject,categories,conversationId,isRead,flag`));
}

beforeEach(() => skapa());
afterEach(() => {
  emulator.satFel(undefined);
  emulator.forvantaIngaOkanda();
});

describe('kategorier och PATCH av meddelanden', () => {
  it('demoposten: Sivs inkorg har fyra behållna mejl, allt annat saknar kategori', async () => {
    const alla = varden(await graph('/v1.0/me/messages?$top=1000&$select=categories'));
    const behallna = alla.filter((m) => (m.categories as string[]).length > 0);
    expect(behallna).toHaveLength(DEMO_BEHALLNA_FORSTA);
    expect(behallna.every((m) => (m.categories as string[])[0] === KATEGORI_BEHALLEN)).toBe(true);
    const erik = varden(await graph('/v1.0/me/messages?$top=1000&$select=categories', { som: ERIK.email }));
    expect(erik.every((m) => Array.isArray(m.categories) && (m.categories as string[]).length === 0)).toBe(true);
  });

  it('PATCH av categories, isRead och flag svarar 200 med hela meddelandet och ny changeKey', async () => {
    const [forsta] = await inkorgen(1);
    const id = encodeURIComponent(String(forsta.id));
    const fore = await graph(`/v1.0/me/messages/${id}`);
    klocka = new Date('2025-03-14T12:30:00Z');
    const svar = await skicka('PATCH', `/v1.0/me/messages/${id}`, {
      categories: [KATEGORI_BEHALLEN], isRead: true, flag: { flagStatus: 'flagged' }
    });
    expect(svar.status).toBe(200);
    expect(svar.kropp['@odata.context']).toBe(`${BAS}/v1.0/$metadata#users('${SIV.aadId}')/messages/$entity`);
    expect(Object.keys(svar.kropp).sort()).toEqual(Object.keys(fore.kropp).sort());
    expect(svar.kropp).toMatchObject({ id: forsta.id, categories: [KATEGORI_BEHALLEN], isRead: true, flag: { flagStatus: 'flagged' }, lastModifiedDateTime: '2025-03-14T12:30:00Z' });
    expect(svar.kropp.changeKey).not.toBe(fore.kropp.changeKey);
    expect(svar.kropp['@odata.etag']).toBe(`W/"${String(svar.kropp.changeKey)}"`);
    expect(svar.huvuden.get('ETag')).toBe(svar.kropp['@odata.etag']);
    // The change is stored: a GET sees it, and the store can be inspected.
    expect((await graph(`/v1.0/me/messages/${id}?$select=categories`)).kropp.categories).toEqual([KATEGORI_BEHALLEN]);
    expect(lager.brevlada(SIV.aadId).meddelanden.get(String(forsta.id))?.kategorier).toEqual([KATEGORI_BEHALLEN]);
    // An empty list takes the category away again.
    expect((await skicka('PATCH', `/v1.0/me/messages/${id}`, { categories: [] })).kropp.categories).toEqual([]);
  });

  it('PATCH vägrar okända egenskaper med RequestBodyRead och felaktiga värden med 400, utan att ändra något', async () => {
    const [forsta] = await inkorgen(1);
    const id = encodeURIComponent(String(forsta.id));
    const okand = await skicka('PATCH', `/v1.0/me/messages/${id}`, { categories: ['X'], kategori: 'X' });
    expect(okand.status).toBe(400);
    expect(okand.kropp.error).toMatchObject({ code: 'RequestBodyRead', message: expect.stringContaining("The property 'kategori' does not exist on type 'Microsoft.OutlookServices.Message'") });
    expect((await skicka('PATCH', `/v1.0/me/messages/${id}`, { categories: 'X' })).status).toBe(400);
    expect((await skicka('PATCH', `/v1.0/me/messages/${id}`, { isRead: 'ja' })).status).toBe(400);
    expect((await skicka('PATCH', `/v1.0/me/messages/${id}`, { flag: { flagStatus: 'rod' } })).status).toBe(400);
    expect((await graph(`/v1.0/me/messages/${id}?$select=categories`)).kropp.categories).toEqual([]);
  });

  it('PATCH av en egenskap emulatorn inte ändrar (subject) räknas som okänd; okänt id ger 404; gammal If-Match 412', async () => {
    const [forsta] = await inkorgen(1);
    const id = encodeURIComponent(String(forsta.id));
    expect((await skicka('PATCH', `/v1.0/me/messages/${id}`, { subject: 'Nytt' })).status).toBe(501);
    expect(() => emulator.forvantaIngaOkanda()).toThrow(/PATCH av subject/);
    const saknas = await skicka('PATCH', '/v1.0/me/messages/AAMkADfinnsinte=', { isRead: true });
    expect(saknas.status).toBe(404);
    expect(saknas.kropp.error).toMatchObject({ code: 'ErrorItemNotFound' });
    const fore = await graph(`/v1.0/me/messages/${id}`);
    await skicka('PATCH', `/v1.0/me/messages/${id}`, { isRead: false });
    const gammal = await skicka('PATCH', `/v1.0/me/messages/${id}`, { isRead: true }, { 'If-Match': String(fore.kropp['@odata.etag']) });
    expect(gammal.status).toBe(412);
    expect(gammal.kropp.error).toMatchObject({ code: 'ErrorIrresolvableConflict' });
  });

  it('en flyttad eller vidarebefordrad kopia: kategorierna följer med vid move, inte till kopian i Skickat', async () => {
    const behallen = varden(await graph(`/v1.0/me/messages?$filter=${filter(KEPT)}&$top=1`))[0];
    const flyttad = await skicka('POST', `/v1.0/me/messages/${encodeURIComponent(String(behallen.id))}/move`, { destinationId: 'archive' });
    expect(flyttad.kropp.categories).toEqual([KATEGORI_BEHALLEN]);
    const [ny] = await inkorgen(1);
    await skicka('POST', `/v1.0/me/messages/${encodeURIComponent(String(ny.id))}/forward`, { toRecipients: [{ emailAddress: { address: REGISTRATOR } }] });
    const skickat = varden(await graph('/v1.0/me/mailFolders/sentitems/messages?$top=1&$select=categories,subject'));
    expect(skickat[0]).toMatchObject({ subject: `VB: ${String(ny.subject)}`, categories: [] });
  });
});

describe('$filter för e-postrutinen', () => {
  it('categories/any räknar de behållna per mapp med $count=true&$top=1', async () => {
    const svar = await graph(`/v1.0/me/mailFolders/inbox/messages?$filter=${filter(KEPT)}&$count=true&$top=1&$select=id`);
    expect(svar.status).toBe(200);
    expect(svar.kropp['@odata.count']).toBe(DEMO_BEHALLNA_FORSTA);
    expect(varden(svar)).toHaveLength(1);
    expect(svar.kropp['@odata.nextLink']).toBeDefined();
    const skickat = await graph(`/v1.0/me/mailFolders/sentitems/messages?$filter=${filter(KEPT)}&$count=true&$top=1`);
    expect(skickat.kropp['@odata.count']).toBe(0);
    expect(varden(skickat)).toEqual([]);
  });

  it('not categories/any ger resten, och any jämför utan hänsyn till skiftläge', async () => {
    const totalt = (await graph('/v1.0/me/mailFolders/inbox')).kropp.totalItemCount as number;
    const ovriga = await graph(`/v1.0/me/mailFolders/inbox/messages?$filter=${filter(`not ${KEPT}`)}&$count=true&$top=1`);
    expect(ovriga.kropp['@odata.count']).toBe(totalt - DEMO_BEHALLNA_FORSTA);
    const medParentes = await graph(`/v1.0/me/mailFolders/inbox/messages?$filter=${filter(`not(${KEPT})`)}&$count=true&$top=1`);
    expect(medParentes.kropp['@odata.count']).toBe(totalt - DEMO_BEHALLNA_FORSTA);
    const versaler = await graph(`/v1.0/me/messages?$filter=${filter(`categories/any(c:c eq '${KATEGORI_BEHALLEN.toUpperCase()}')`)}&$count=true&$top=1`);
    expect(versaler.kropp['@odata.count']).toBe(DEMO_BEHALLNA_FORSTA);
  });

  it('ett lambda med annan variabel i kroppen är ett felaktigt filter (400)', async () => {
    const svar = await graph(`/v1.0/me/messages?$filter=${filter("categories/any(c:d eq 'X')")}`);
    expect(svar.status).toBe(400);
  });

  it('conversationId eq och sentDateTime ge, kombinerade med and, hittar den vidarebefordrade kopian', async () => {
    const [ny] = await inkorgen(1);
    klocka = new Date('2025-03-14T13:00:00Z');
    const fore = '2025-03-14T12:59:00Z';
    await skicka('POST', `/v1.0/me/messages/${encodeURIComponent(String(ny.id))}/forward`, { comment: 'För diarieföring', toRecipients: [{ emailAddress: { address: REGISTRATOR } }] });
    const f = filter(`conversationId eq '${String(ny.conversationId)}' and sentDateTime ge ${fore}`);
    const svar = await graph(`/v1.0/me/mailFolders/sentitems/messages?$filter=${f}&$select=subject,conversationId,sentDateTime&$count=true`);
    expect(svar.status).toBe(200);
    expect(svar.kropp['@odata.count']).toBe(1);
    expect(varden(svar)[0]).toMatchObject({ subject: `VB: ${String(ny.subject)}`, conversationId: ny.conversationId, sentDateTime: '2025-03-14T13:00:00Z' });
    // Only conversationId: the same conversation in the inbox too, nothing else.
    const allt = varden(await graph(`/v1.0/me/messages?$filter=${filter(`conversationId eq '${String(ny.conversationId)}'`)}&$top=1000&$select=conversationId`));
    expect(allt.length).toBeGreaterThanOrEqual(2);
    expect(allt.every((m) => m.conversationId === ny.conversationId)).toBe(true);
  });

  it('categories/any kombineras med and med receivedDateTime', async () => {
    const alla = varden(await graph(`/v1.0/me/messages?$filter=${filter(KEPT)}&$top=1000&$select=receivedDateTime`));
    const mitten = alla.map((m) => String(m.receivedDateTime)).sort()[1];
    const svar = await graph(`/v1.0/me/messages?$filter=${filter(`${KEPT} and receivedDateTime ge ${mitten}`)}&$count=true&$top=1000`);
    expect(svar.kropp['@odata.count']).toBe(DEMO_BEHALLNA_FORSTA - 1);
  });
});

describe('injicerade fel', () => {
  it('satFel svarar med Graphs felkropp: 500 generalException, 503 med Retry-After, och släpper igenom resten', async () => {
    const sedda: IFelFraga[] = [];
    emulator.satFel((f) => {
      sedda.push(f);
      if (f.sokvag.endsWith('/mailFolders/inbox')) return 500;
      if (f.sokvag.endsWith('/mailFolders/sentitems')) return { status: 503, retryAfter: 4 };
      return undefined;
    });
    const inkorg = await graph('/v1.0/me/mailFolders/inbox');
    expect(inkorg.status).toBe(500);
    expect(inkorg.kropp.error).toMatchObject({ code: 'generalException', innerError: { 'request-id': expect.any(String) } });
    const skickat = await graph('/v1.0/me/mailFolders/sentitems');
    expect(skickat.status).toBe(503);
    expect(skickat.huvuden.get('Retry-After')).toBe('4');
    expect(skickat.kropp.error).toMatchObject({ code: 'serviceNotAvailable' });
    expect((await graph('/v1.0/me')).status).toBe(200);
    expect(sedda[0]).toMatchObject({ metod: 'GET', sokvag: '/v1.0/me/mailFolders/inbox', anvandare: { aadId: SIV.aadId } });
    expect(emulator.statistik.felinjicerade).toBe(2);
    emulator.satFel(undefined);
    expect((await graph('/v1.0/me/mailFolders/inbox')).status).toBe(200);
  });

  it('i $batch: en radering som beror på en vidarebefordran som fallerar får 424, så originalet finns kvar', async () => {
    const [b] = (await inkorgen(1)).map((m) => String(m.id));
    emulator.satFel((f) => (f.metod === 'POST' && f.sokvag === `/v1.0/me/messages/${b}/forward` ? 500 : undefined));
    const till = { toRecipients: [{ emailAddress: { address: REGISTRATOR } }] };
    // Fully sequential: the only shape besides fully parallel that Graph takes with dependsOn.
    const requests = [
      { id: 'f', method: 'POST', url: `/me/messages/${encodeURIComponent(b)}/forward`, headers: { 'Content-Type': 'application/json' }, body: till },
      { id: 'd', method: 'POST', url: `/me/messages/${encodeURIComponent(b)}/permanentDelete`, dependsOn: ['f'] }
    ];
    const svar = await skicka('POST', '/v1.0/$batch', { requests });
    expect(svar.status).toBe(200);
    const delar = svar.kropp.responses as Array<{ id: string; status: number; body?: Objekt }>;
    expect(delar.map((d) => [d.id, d.status])).toEqual([['f', 500], ['d', 424]]);
    expect(delar[0].body?.error).toMatchObject({ code: 'generalException' });
    expect(delar[1].body?.error).toMatchObject({ code: 'FailedDependency' });
    expect((await graph(`/v1.0/me/messages/${encodeURIComponent(b)}`)).status).toBe(200);
    expect(lager.skickatTill(REGISTRATOR).filter((u) => u.ursprung === b)).toEqual([]);
  });

  it('createForward ger ett utkast med egenskapen, send skickar det, och det oföränderliga id:t följer kopian till Skickat', async () => {
    const [m] = await inkorgen(1);
    const id = String(m.id);
    const egenskap = 'String {3f6d2a8e-7c41-4b9a-9e35-8d7a1c2b5e60} Name ArendeportalenUrsprung';
    const fast = { Prefer: 'IdType="ImmutableId"' };
    // Graph takes the recipients once: as the parameter or in the message, not both and not neither.
    expect((await skicka('POST', `/v1.0/me/messages/${encodeURIComponent(id)}/createForward`, { comment: 'x' })).status).toBe(400);
    const utkast = await skicka('POST', `/v1.0/me/messages/${encodeURIComponent(id)}/createForward`, {
      comment: 'Till diariet', toRecipients: [{ emailAddress: { address: REGISTRATOR } }],
      message: { singleValueExtendedProperties: [{ id: egenskap, value: id }] }
    }, fast);
    expect(utkast.status).toBe(201);
    expect(utkast.huvuden.get('Preference-Applied')).toMatch(/ImmutableId/);
    const utkastId = String(utkast.kropp.id);
    expect(utkast.kropp).toMatchObject({ isDraft: true, subject: `VB: ${m.subject}` });
    expect(lager.skickatTill(REGISTRATOR).filter((u) => u.ursprung === id)).toEqual([]);
    const filter = `singleValueExtendedProperties/any(ep:ep/id eq '${egenskap}' and ep/value eq '${id}')`;
    const hittade = await graph(`/v1.0/me/messages?$filter=${encodeURIComponent(filter)}&$select=id,isDraft`, { headers: fast });
    expect(hittade.kropp.value).toEqual([expect.objectContaining({ id: utkastId, isDraft: true })]);

    expect((await skicka('POST', `/v1.0/me/messages/${encodeURIComponent(utkastId)}/send`, undefined, fast)).status).toBe(202);
    expect(lager.skickatTill(REGISTRATOR).filter((u) => u.ursprung === id)).toHaveLength(1);
    // The same draft sent again: refused, nothing more goes out.
    expect((await skicka('POST', `/v1.0/me/messages/${encodeURIComponent(utkastId)}/send`, undefined, fast)).status).toBe(400);
    expect(lager.skickatTill(REGISTRATOR).filter((u) => u.ursprung === id)).toHaveLength(1);
    const kopia = await graph(`/v1.0/me/messages/${encodeURIComponent(utkastId)}?$select=id,isDraft,parentFolderId`, { headers: fast });
    expect(kopia.kropp).toMatchObject({ id: utkastId, isDraft: false });
    const skickat = await graph('/v1.0/me/mailFolders/sentitems');
    expect(kopia.kropp.parentFolderId).toBe(skickat.kropp.id);
  });

  it('i $batch: ett 429 från regeln får egen Retry-After, och själva batchen kan också fallera', async () => {
    let gang = 0;
    emulator.satFel((f) => (f.sokvag === '/v1.0/me' && ++gang === 2 ? { status: 429, retryAfter: 9 } : undefined));
    const svar = await skicka('POST', '/v1.0/$batch', { requests: [1, 2, 3].map((i) => ({ id: String(i), method: 'GET', url: '/me' })) });
    const delar = svar.kropp.responses as Array<{ id: string; status: number; headers: Record<string, string>; body?: Objekt }>;
    expect(delar.map((d) => d.status)).toEqual([200, 429, 200]);
    expect(delar[1].headers['Retry-After']).toBe('9');
    expect(delar[1].body?.error).toMatchObject({ code: 'activityLimitReached' });
    emulator.satFel((f) => (f.sokvag === '/v1.0/$batch' ? 503 : undefined));
    const hela = await skicka('POST', '/v1.0/$batch', { requests: [{ id: '1', method: 'GET', url: '/me' }] });
    expect(hela.status).toBe(503);
    expect(hela.huvuden.get('Retry-After')).toBe('1');
  });

  it('regeln kan ge ett eget svar eller egen kod och text', async () => {
    emulator.satFel(() => ({ status: 400, kod: 'ErrorInvalidRecipients', meddelande: "At least one recipient isn't valid." }));
    expect((await graph('/v1.0/me')).kropp.error).toMatchObject({ code: 'ErrorInvalidRecipients', message: "At least one recipient isn't valid." });
    emulator.satFel(() => new Response(null, { status: 504 }));
    expect((await graph('/v1.0/me')).status).toBe(504);
  });
});

describe('Microsoft To Do', () => {
  const VARDAGAR = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
  const PAMINNELSE = {
    title: 'Gå igenom e-posten (Ärendeportalen)',
    body: { content: 'Diarieför, gallra eller behåll dagens mejl.', contentType: 'text' },
    importance: 'normal',
    isReminderOn: true,
    reminderDateTime: { dateTime: '2025-03-17T08:00:00', timeZone: 'W. Europe Standard Time' },
    dueDateTime: { dateTime: '2025-03-17T08:00:00', timeZone: 'W. Europe Standard Time' },
    recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: VARDAGAR }, range: { type: 'noEnd', startDate: '2025-03-17' } }
  };

  async function standardlista(som: string = SIV.email): Promise<string> {
    const listor = varden(await graph('/v1.0/me/todo/lists', { som }));
    return String(listor.find((l) => l.wellknownListName === 'defaultList')?.id);
  }

  const uppgifter = (lista: string, fraga = ''): string => `/v1.0/me/todo/lists/${encodeURIComponent(lista)}/tasks${fraga}`;

  it('listar de inbyggda listorna: Uppgifter (defaultList) och Flaggad e-post, med exemplets egenskaper', async () => {
    const svar = await graph('/v1.0/me/todo/lists');
    expect(svar.status).toBe(200);
    expect(svar.kropp['@odata.context']).toBe(`${BAS}/v1.0/$metadata#users('${SIV.aadId}')/todo/lists`);
    // The keys of the "List lists" sample.
    expect(varden(svar).map((l) => Object.keys(l).sort())).toEqual(Array(2).fill(['@odata.type', 'displayName', 'id', 'isOwner', 'isShared', 'wellknownListName']));
    expect(varden(svar)).toEqual([
      expect.objectContaining({ '@odata.type': '#microsoft.graph.todoTaskList', displayName: 'Uppgifter', wellknownListName: 'defaultList', isOwner: true, isShared: false }),
      expect.objectContaining({ displayName: 'Flaggad e-post', wellknownListName: 'flaggedEmails' })
    ]);
    const id = await standardlista();
    expect((await graph(`/v1.0/me/todo/lists/${encodeURIComponent(id)}`)).kropp).toMatchObject({ id, displayName: 'Uppgifter' });
    expect(await standardlista(ERIK.email)).not.toBe(id);
    expect((await graph('/v1.0/me/todo/lists/AAMkADfinnsinte=')).status).toBe(404);
  });

  it('POST skapar en återkommande vardagspåminnelse: 201, tider i UTC med sju decimaler, upprepningen ifylld', async () => {
    const lista = await standardlista();
    klocka = new Date('2025-03-14T11:15:30.250Z');
    const svar = await skicka('POST', uppgifter(lista), PAMINNELSE);
    expect(svar.status).toBe(201);
    expect(svar.kropp['@odata.context']).toBe(`${BAS}/v1.0/$metadata#users('${SIV.aadId}')/todo/lists('${lista}')/tasks/$entity`);
    expect(svar.kropp).toMatchObject({
      '@odata.etag': expect.stringMatching(/^W\/".+"$/),
      title: PAMINNELSE.title,
      status: 'notStarted',
      importance: 'normal',
      isReminderOn: true,
      categories: [],
      hasAttachments: false,
      body: PAMINNELSE.body,
      createdDateTime: '2025-03-14T11:15:30.2500000Z',
      lastModifiedDateTime: '2025-03-14T11:15:30.2500000Z',
      // 08:00 CET is 07:00 UTC; the due date keeps only the day (midnight CET).
      reminderDateTime: { dateTime: '2025-03-17T07:00:00.0000000', timeZone: 'UTC' },
      dueDateTime: { dateTime: '2025-03-16T23:00:00.0000000', timeZone: 'UTC' },
      recurrence: {
        pattern: { type: 'weekly', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: VARDAGAR, firstDayOfWeek: 'sunday', index: 'first' },
        range: { type: 'noEnd', startDate: '2025-03-17', endDate: '0001-01-01', recurrenceTimeZone: '', numberOfOccurrences: 0 }
      }
    });
    // The keys of the create sample are all there (linkedResources aside, which the emulator does not keep).
    expect(Object.keys(svar.kropp)).toEqual(expect.arrayContaining(['@odata.etag', 'importance', 'isReminderOn', 'status', 'title', 'createdDateTime', 'lastModifiedDateTime', 'id', 'body']));
    expect(lager.uppgifter(SIV.aadId)).toEqual([expect.objectContaining({ id: svar.kropp.id, title: PAMINNELSE.title, isReminderOn: true })]);
    expect(lager.uppgifter(ERIK.aadId)).toEqual([]);
  });

  it("GET med $filter=title eq '…' hittar påminnelsen; GET av en uppgift; Prefer: outlook.timezone ger lokal tid", async () => {
    const lista = await standardlista();
    const skapad = await skicka('POST', uppgifter(lista), PAMINNELSE);
    await skicka('POST', uppgifter(lista), { title: 'Köp kaffe' });
    const titel = filter(`title eq '${PAMINNELSE.title}'`);
    const svar = await graph(uppgifter(lista, `?$filter=${titel}`));
    expect(svar.status).toBe(200);
    expect(svar.kropp['@odata.context']).toBe(`${BAS}/v1.0/$metadata#users('${SIV.aadId}')/todo/lists('${lista}')/tasks`);
    expect(varden(svar).map((u) => u.id)).toEqual([skapad.kropp.id]);
    expect(varden(await graph(uppgifter(lista, `?$filter=${filter("title eq 'Finns inte'")}`)))).toEqual([]);
    const en = await graph(uppgifter(lista, `/${encodeURIComponent(String(skapad.kropp.id))}`));
    expect(en.kropp).toMatchObject({ id: skapad.kropp.id, title: PAMINNELSE.title });
    const lokal = await graph(uppgifter(lista, `/${encodeURIComponent(String(skapad.kropp.id))}`), { headers: { Prefer: 'outlook.timezone="W. Europe Standard Time"' } });
    expect(lokal.kropp.reminderDateTime).toEqual({ dateTime: '2025-03-17T08:00:00.0000000', timeZone: 'W. Europe Standard Time' });
    expect(lokal.huvuden.get('Preference-Applied')).toBe('outlook.timezone="W. Europe Standard Time"');
  });

  it('PATCH ändrar tid och påminnelse: 200, ny etag och lastModifiedDateTime; null tar bort påminnelsetiden', async () => {
    const lista = await standardlista();
    const skapad = await skicka('POST', uppgifter(lista), PAMINNELSE);
    const vag = uppgifter(lista, `/${encodeURIComponent(String(skapad.kropp.id))}`);
    klocka = new Date('2025-03-14T12:00:00Z');
    const svar = await skicka('PATCH', vag, { reminderDateTime: { dateTime: '2025-03-17T07:30:00', timeZone: 'Europe/Stockholm' } });
    expect(svar.status).toBe(200);
    expect(svar.kropp).toMatchObject({ reminderDateTime: { dateTime: '2025-03-17T06:30:00.0000000', timeZone: 'UTC' }, lastModifiedDateTime: '2025-03-14T12:00:00.0000000Z', createdDateTime: skapad.kropp.createdDateTime });
    expect(svar.kropp['@odata.etag']).not.toBe(skapad.kropp['@odata.etag']);
    const av = await skicka('PATCH', vag, { isReminderOn: false, reminderDateTime: null });
    expect(av.kropp.isReminderOn).toBe(false);
    expect(av.kropp).not.toHaveProperty('reminderDateTime');
    expect(av.kropp.recurrence).toBeDefined();
  });

  it('att slutföra en återkommande uppgift ger nästa förekomst som ny uppgift (fredag → måndag)', async () => {
    const lista = await standardlista();
    const fredag = { ...PAMINNELSE, dueDateTime: { dateTime: '2025-03-14T00:00:00', timeZone: 'W. Europe Standard Time' }, reminderDateTime: { dateTime: '2025-03-14T08:00:00', timeZone: 'W. Europe Standard Time' } };
    const skapad = await skicka('POST', uppgifter(lista), fredag);
    const klar = await skicka('PATCH', uppgifter(lista, `/${encodeURIComponent(String(skapad.kropp.id))}`), { status: 'completed' });
    expect(klar.kropp).toMatchObject({ status: 'completed', completedDateTime: { dateTime: '2025-03-14T00:00:00.0000000', timeZone: 'UTC' } });
    expect(klar.kropp).not.toHaveProperty('recurrence');
    const alla = varden(await graph(uppgifter(lista, `?$filter=${filter(`title eq '${PAMINNELSE.title}'`)}`)));
    expect(alla).toHaveLength(2);
    const nasta = alla.find((u) => u.id !== skapad.kropp.id) as Objekt;
    expect(nasta).toMatchObject({
      status: 'notStarted',
      dueDateTime: { dateTime: '2025-03-16T23:00:00.0000000', timeZone: 'UTC' },
      reminderDateTime: { dateTime: '2025-03-17T07:00:00.0000000', timeZone: 'UTC' },
      recurrence: { pattern: { daysOfWeek: VARDAGAR } }
    });
    expect(varden(await graph(uppgifter(lista, `?$filter=${filter("status ne 'completed'")}`))).map((u) => u.id)).toEqual([nasta.id]);
  });

  it('DELETE svarar 204 och uppgiften är borta (404)', async () => {
    const lista = await standardlista();
    const skapad = await skicka('POST', uppgifter(lista), { title: 'Tillfällig' });
    const vag = uppgifter(lista, `/${encodeURIComponent(String(skapad.kropp.id))}`);
    const svar = await graph(vag, { method: 'DELETE' });
    expect(svar.status).toBe(204);
    const borta = await graph(vag);
    expect(borta.status).toBe(404);
    expect(borta.kropp.error).toMatchObject({ code: 'ErrorItemNotFound' });
    expect((await graph(vag, { method: 'DELETE' })).status).toBe(404);
    expect(lager.uppgifter(SIV.aadId)).toEqual([]);
  });

  it('vägrar: upprepning utan förfallodag, okänd egenskap, ogiltig status eller tidszon; linkedResources räknas som okänd', async () => {
    const lista = await standardlista();
    const { dueDateTime: _utan, ...utanForfall } = PAMINNELSE;
    expect((await skicka('POST', uppgifter(lista), utanForfall)).kropp.error).toMatchObject({ code: 'invalidRequest' });
    const okand = await skicka('POST', uppgifter(lista), { title: 'X', paminn: true });
    expect(okand.status).toBe(400);
    expect(okand.kropp.error).toMatchObject({ code: 'RequestBodyRead', message: expect.stringContaining("'paminn' does not exist on type 'microsoft.graph.todoTask'") });
    expect((await skicka('POST', uppgifter(lista), { title: 'X', status: 'klar' })).status).toBe(400);
    expect((await skicka('POST', uppgifter(lista), { title: 'X', reminderDateTime: { dateTime: '2025-03-17T08:00:00', timeZone: 'Mars/Olympus' } })).status).toBe(400);
    const vecka = { ...PAMINNELSE, recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: [] }, range: { type: 'noEnd', startDate: '2025-03-17' } } };
    expect((await skicka('POST', uppgifter(lista), vecka)).status).toBe(400);
    expect(lager.uppgifter(SIV.aadId)).toEqual([]);
    expect((await skicka('POST', uppgifter(lista), { title: 'X', linkedResources: [{ webUrl: 'https://example.org' }] })).status).toBe(501);
    expect(() => emulator.forvantaIngaOkanda()).toThrow(/linkedResources på To Do-uppgifter/);
  });

  it('bläddrar tio uppgifter åt gången med @odata.nextLink; utan samtycke till Tasks.ReadWrite 403', async () => {
    const lista = await standardlista();
    for (let i = 0; i < 12; i++) await skicka('POST', uppgifter(lista), { title: `Uppgift ${i}` });
    const forsta = await graph(uppgifter(lista));
    expect(varden(forsta)).toHaveLength(10);
    const nasta = new URL(String(forsta.kropp['@odata.nextLink']));
    expect(varden(await graph(`${nasta.pathname}${nasta.search}`))).toHaveLength(2);
    lager.utanUppgiftsbehorighet.add(SIV.aadId);
    const nekad = await graph('/v1.0/me/todo/lists');
    expect(nekad.status).toBe(403);
    expect(nekad.kropp.error).toMatchObject({ code: 'ErrorAccessDenied' });
  });

  it('injicerade fel gäller även To Do, också i $batch', async () => {
    const lista = await standardlista();
    emulator.satFel((f) => (f.metod === 'POST' && f.sokvag.endsWith('/tasks') ? 503 : undefined));
    const svar = await skicka('POST', '/v1.0/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/me/todo/lists' },
        { id: '2', method: 'POST', url: `/me/todo/lists/${encodeURIComponent(lista)}/tasks`, headers: { 'Content-Type': 'application/json' }, body: { title: 'X' } }
      ]
    });
    const delar = svar.kropp.responses as Array<{ status: number; headers: Record<string, string> }>;
    expect(delar.map((d) => d.status)).toEqual([200, 503]);
    expect(delar[1].headers['Retry-After']).toBe('1');
    expect(lager.uppgifter(SIV.aadId)).toEqual([]);
  });
});
