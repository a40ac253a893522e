/**
 * The e-mail routine against the emulator over loopback HTTP (Graph and the Epostlogg journal in
 * SharePoint, provisioned by the product's own code): Diarieför, Gallra and Behåll, bulk in $batch
 * of 20, a 429 storm, a batch that fails in part, a page closed mid-way, the 30-day log, the
 * weekday reminder in To Do, a journal row changed meanwhile (412) and a mailbox without consent.
 */
import { GraphBrowser } from '@pnp/graph';
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { Emulator } from '../../emulator/core';
import { DEMO_ANVANDARE, forstaMedRoll, REGISTRATOR } from '../../emulator/demo/anvandare';
import { DEMO_ANTAL_FORSTA, DEMO_BEHALLNA_FORSTA, IGraphLager, ILagratMeddelande, registreraGraph, seedaDemoPost } from '../../emulator/graph';
import { laggIMapp } from '../../emulator/graph/lager';
import { EmulatorTransport } from '../../emulator/pnp';
import { IStartadServer, startaServer } from '../../emulator/server';
import { SpLager } from '../../emulator/sharepoint/lager';
import { registreraSharePoint } from '../../emulator/sharepoint/rutter';
import { provisionera } from '../../provisioning/provisionera';
import { EpostrutinTjanst, IEpostrutinAlternativ, PAMINNELSE_TITEL } from '../../src/data/epost/EpostrutinTjanst';
import { lasLoggposter } from '../../src/data/epost/journal';
import { epostrutinfelkod, IFramsteg, IMeddelandeRad } from '../../src/data/epost/typer';
import { skapaGraph, skapaSp } from '../../src/data/pnp';
import { BEHALLEN_KATEGORI } from '../../src/domain/epostrutin';
import { EpostloggFalt, EpostloggLista } from '../../src/schema/epost';
import { forvantaDataFel } from '../support/testdata';

jest.setTimeout(120_000);

const SIV = DEMO_ANVANDARE[0];
const REFERENS = new Date('2025-03-14T10:00:00Z');
/** A Friday, 12:00 in Sweden. */
const NU = new Date('2025-03-14T11:00:00Z');
const IDAG = '2025-03-14';

let emulator: Emulator;
let lager: IGraphLager;
let spLager: SpLager;
let server: IStartadServer;
let webbplats: string;
let klocka = NU;
let vantan: number[] = [];

const spFor = (epost: string): SPFI => skapaSp(webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(epost) }));

function tjanst(alternativ: Partial<IEpostrutinAlternativ> = {}): EpostrutinTjanst {
  const bas = `${server.url}/v1.0`;
  const graph = skapaGraph(bas, GraphBrowser({ baseUrl: bas }), InjectHeaders({ Authorization: Emulator.token(SIV.email) }));
  return new EpostrutinTjanst(spFor(SIV.email), emulator.sitePath, graph, {
    registratorAdress: REGISTRATOR, klocka: () => klocka, vanta: async (ms) => { vantan.push(ms); }, ...alternativ
  });
}

let lopnummer = 0;

/** New mail in Siv's inbox, so each test has its own (the demo mail stays for the counts). */
function nyaMejl(antal: number, mottaget = '2025-03-10T08:00:00Z'): ILagratMeddelande[] {
  const brevlada = lager.brevlada(SIV.aadId);
  return Array.from({ length: antal }, () => {
    const n = ++lopnummer;
    return laggIMapp(brevlada, 'inbox', {
      skapad: mottaget, andrad: mottaget, mottaget, skickat: mottaget,
      amne: `Medborgarförslag nr ${n} om belysning`, text: `Förslag ${n}.`,
      fran: { name: 'Anna Lindqvist', address: 'anna.lindqvist@epost.example' },
      till: [{ name: SIV.title, address: SIV.email }], kopia: [], last: false, viktighet: 'normal', bilagor: false,
      konversation: `AAQkADtest${n}=`, internetId: `<test${n}@epost.example>`, utkast: false
    });
  });
}

/** The mails as the part lists them. */
async function rader(mejl: readonly ILagratMeddelande[]): Promise<IMeddelandeRad[]> {
  const sida = await tjanst().hamtaMeddelanden('inkorg', 0, 1000);
  return mejl.map((m) => {
    // The part reads immutable ids (Prefer: IdType="ImmutableId").
    const rad = sida.meddelanden.find((r) => r.id === m.fastId);
    if (!rad) throw new Error(`${m.amne} finns inte i inkorgen`);
    return rad;
  });
}

/** Every item of the mailbox, Recoverable Items included. */
const allt = (): ILagratMeddelande[] => Array.from(lager.brevlada(SIV.aadId).meddelanden.values());
/** Whether anything of the mail is left anywhere: the original, or a copy in the same conversation. */
const sparAv = (m: ILagratMeddelande): ILagratMeddelande[] => allt().filter((x) => x.id === m.id || x.konversation === m.konversation);
const vidarebefordringar = (m: ILagratMeddelande): number => lager.utgaende.filter((u) => u.typ === 'forward' && u.ursprung === m.id).length;

function journal(): Array<{ id: number; status: string; poster: ReturnType<typeof lasLoggposter>['poster'] }> {
  const lista = spLager.listaMedTitel(EpostloggLista.title)!;
  return Array.from(lista.objekt.values()).map((o) => ({
    id: o.Id, status: String(o.varden[EpostloggFalt.Status]), poster: lasLoggposter(o.varden[EpostloggFalt.Poster]).poster
  }));
}

/** The rows a mail is in. */
const raderMed = (m: ILagratMeddelande): ReturnType<typeof journal> => journal().filter((r) => r.poster.some((p) => p.id === m.fastId));
/** Forward drafts left in Drafts. */
const utkast = (): ILagratMeddelande[] => allt().filter((x) => x.mapp === 'drafts');

/** Every $batch call the service makes and the size of each. */
function avlyssnaBatchar(): number[] {
  const batchar: number[] = [];
  const riktig = globalThis.fetch;
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (indata: string | URL | Request, init?: RequestInit) => {
    if (/\/v1\.0\/\$batch$/.test(String(indata instanceof Request ? indata.url : indata))) {
      batchar.push((JSON.parse(String(init?.body)) as { requests: unknown[] }).requests.length);
    }
    return riktig(indata, init);
  });
  return batchar;
}

beforeAll(async () => {
  emulator = new Emulator({ fro: 11 });
  emulator.anvandare.push(...DEMO_ANVANDARE);
  spLager = registreraSharePoint(emulator);
  spLager.klocka = () => klocka;
  lager = registreraGraph(emulator, { nu: () => klocka });
  seedaDemoPost(lager, emulator, REFERENS);
  // The journal list as the product's provisioning makes it: own rows only, indexed status.
  const admin = forstaMedRoll('admin')!;
  await provisionera(skapaSp(emulator.konfig.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(admin.email) })).using(EmulatorTransport(emulator)),
    { listor: [EpostloggLista] });
  server = await startaServer(emulator);
  webbplats = `${server.url}${emulator.sitePath}`;
});

afterAll(async () => {
  await server.stang();
});

beforeEach(() => {
  klocka = NU;
  vantan = [];
});

afterEach(() => {
  jest.restoreAllMocks();
  emulator.satStrypning(undefined);
  emulator.satFel(undefined);
  lager.utanEpostbehorighet.clear();
  emulator.forvantaIngaOkanda();
});

describe('EpostrutinTjanst mot emulatorn', () => {
  it('räknar inkorgen, skickat och borttaget med de behållna i ett enda $batch-anrop', async () => {
    const batchar = avlyssnaBatchar();
    const mappar = await tjanst().hamtaMappar();
    expect(batchar).toEqual([6]);
    expect(mappar.inkorg).toEqual({ mapp: 'inkorg', totalt: DEMO_ANTAL_FORSTA.inbox, olasta: expect.any(Number), behallna: DEMO_BEHALLNA_FORSTA });
    expect(mappar.skickat).toMatchObject({ totalt: DEMO_ANTAL_FORSTA.sentitems, behallna: 0 });
    expect(mappar.borttaget).toMatchObject({ totalt: DEMO_ANTAL_FORSTA.deleteditems, behallna: 0 });
  });

  it('listar mejlen med mapp, konversation och kategorier', async () => {
    const sida = await tjanst().hamtaMeddelanden('inkorg', 0, 200);
    expect(sida.meddelanden.every((m) => m.mapp === 'inkorg' && m.konversation !== '')).toBe(true);
    expect(sida.meddelanden.filter((m) => m.kategorier.includes(BEHALLEN_KATEGORI))).toHaveLength(DEMO_BEHALLNA_FORSTA);
  });

  it('diarieför ett mejl: registratorn får det med kommentaren, originalet och kopian finns inte kvar någonstans', async () => {
    const [mejl] = nyaMejl(1);
    const [rad] = await rader([mejl]);
    const resultat = await tjanst().hantera([rad], { atgard: 'Diarieför', kommentar: 'Gäller KS 2025/114' });
    expect(resultat).toEqual([expect.objectContaining({ atgard: 'Diarieför', gjorda: ['Vidarebefordra', 'RaderaOriginal', 'RaderaKopia'], klar: true })]);
    expect(resultat[0].fel).toBeUndefined();
    const till = lager.skickatTill(REGISTRATOR).filter((u) => u.ursprung === mejl.id);
    expect(till).toHaveLength(1);
    expect(till[0]).toMatchObject({ typ: 'forward', amne: `VB: ${mejl.amne}`, fran: SIV.email });
    expect(till[0].text).toContain('Gäller KS 2025/114');
    // Not in the inbox, sent items, deleted items, nor Recoverable Items: permanently deleted, copy too.
    expect(sparAv(mejl)).toEqual([]);
    const [journalrad] = raderMed(mejl);
    expect(journalrad.status).toBe('Klar');
    expect(journalrad.poster[0]).toMatchObject({ atgard: 'Diarieför', kommentar: 'Gäller KS 2025/114', gjorda: ['Vidarebefordra', 'RaderaOriginal', 'RaderaKopia'], klar: NU.toISOString() });
  });

  it('gallrar ett mejl för gott, förbi borttaget, utan att något skickas', async () => {
    const [mejl] = nyaMejl(1);
    const utgaende = lager.utgaende.length;
    const [resultat] = await tjanst().hantera(await rader([mejl]), { atgard: 'Gallra' });
    expect(resultat).toMatchObject({ gjorda: ['RaderaOriginal'], klar: true });
    expect(sparAv(mejl)).toEqual([]);
    expect(lager.utgaende).toHaveLength(utgaende);
  });

  it('behåller ett mejl med kategorin och skälet; det räknas inte längre som ohanterat', async () => {
    const [mejl] = nyaMejl(1);
    const fore = await tjanst().hamtaMappar();
    const [resultat] = await tjanst().hantera(await rader([mejl]), { atgard: 'Behåll', skal: 'Annat', skalText: 'Väntar på svar från förvaltningen' });
    expect(resultat).toMatchObject({ gjorda: ['Markera'], klar: true });
    expect(lager.brevlada(SIV.aadId).meddelanden.get(mejl.id)).toMatchObject({ mapp: 'inbox', kategorier: [BEHALLEN_KATEGORI] });
    expect((await tjanst().hamtaMappar()).inkorg).toMatchObject({ totalt: fore.inkorg.totalt, behallna: fore.inkorg.behallna + 1 });
    expect(raderMed(mejl)[0].poster[0]).toMatchObject({ atgard: 'Behåll', skal: 'Annat: Väntar på svar från förvaltningen' });
  });

  it('vägrar ett val som inte går att utföra, innan något skickas eller skrivs', async () => {
    const [mejl] = nyaMejl(1);
    const [rad] = await rader([mejl]);
    const rader0 = journal().length;
    const utan = await forvantaDataFel(tjanst().hantera([rad], { atgard: 'Behåll' }));
    expect(epostrutinfelkod(utan)).toBe('SkalSaknas');
    expect(utan.orsak).toBe('ogiltig');
    expect(epostrutinfelkod(await forvantaDataFel(tjanst({ registratorAdress: '' }).hantera([rad], { atgard: 'Diarieför' })))).toBe('RegistratorSaknas');
    expect(journal()).toHaveLength(rader0);
    expect(sparAv(mejl)).toHaveLength(1);
  });

  it('gallrar 45 mejl i tre $batch-anrop om 20, 20 och 5, med framsteg efter varje', async () => {
    const mejl = nyaMejl(45);
    const valda = await rader(mejl);
    const framsteg: IFramsteg[] = [];
    const batchar = avlyssnaBatchar();
    const resultat = await tjanst().hantera(valda, { atgard: 'Gallra' }, (f) => framsteg.push(f));
    expect(batchar).toEqual([20, 20, 5]);
    expect(resultat.every((r) => r.klar)).toBe(true);
    expect(resultat.map((r) => r.meddelande.id)).toEqual(valda.map((m) => m.id));
    expect(framsteg.map((f) => f.klara)).toEqual([20, 40, 45]);
    expect(framsteg.every((f) => f.totalt === 45)).toBe(true);
    expect(mejl.flatMap(sparAv)).toEqual([]);
    // One journal row for the run.
    expect(new Set(mejl.flatMap((m) => raderMed(m).map((r) => r.id))).size).toBe(1);
  });

  it('diarieför 25 mejl: utkasten, sändningarna, sedan originalen och kopiorna, varje $batch helt parallell', async () => {
    const mejl = nyaMejl(25);
    const batchar = avlyssnaBatchar();
    const framsteg: number[] = [];
    const resultat = await tjanst().hantera(await rader(mejl), { atgard: 'Diarieför' }, (f) => framsteg.push(f.klara));
    // 25 drafts, 25 sends, 25 reads of the sent drafts, then 25 originals and 25 copies (one mail's two deletes side by side).
    expect(batchar).toEqual([20, 5, 20, 5, 20, 5, 20, 20, 10]);
    // A mail counts once its forward is seen sent; the deletes are tidying up.
    expect(framsteg).toEqual([0, 0, 0, 0, 25, 25, 25, 25]);
    expect(utkast()).toEqual([]);
    expect(resultat.every((r) => r.klar)).toBe(true);
    expect(mejl.map(vidarebefordringar)).toEqual(mejl.map(() => 1));
    expect(mejl.flatMap(sparAv)).toEqual([]);
  });

  it('väntar ut en storm av 429 och 503 och hanterar varje mejl exakt en gång', async () => {
    const mejl = nyaMejl(30);
    const valda = await rader(mejl);
    emulator.satStrypning({ andel: 0.3, statusar: [429, 503], retryAfter: 1 });
    const fore = emulator.statistik.strypta;
    const resultat = await tjanst().hantera(valda, { atgard: 'Diarieför' });
    emulator.satStrypning(undefined);
    expect(emulator.statistik.strypta - fore).toBeGreaterThan(5);
    expect(resultat.every((r) => r.klar)).toBe(true);
    // Each forwarded once: a forward that went out is never resent, whatever was throttled around it.
    expect(mejl.map(vidarebefordringar)).toEqual(mejl.map(() => 1));
    expect(mejl.flatMap(sparAv)).toEqual([]);
    expect(vantan.length).toBeGreaterThan(0);
    expect(vantan.every((ms) => ms === 1000)).toBe(true);
  });

  it('en $batch där några vidarebefordringar misslyckas: originalen står kvar, felet per mejl, och ett nytt försök lyckas', async () => {
    const mejl = nyaMejl(6);
    const valda = await rader(mejl);
    const felar = new Set([mejl[1].fastId, mejl[4].fastId].map((id) => `/v1.0/me/messages/${id}/createForward`));
    emulator.satFel((f) => (felar.has(f.sokvag) ? 500 : undefined));
    const forsta = await tjanst().hantera(valda, { atgard: 'Diarieför' });
    emulator.satFel(undefined);
    expect(forsta.map((r) => r.klar)).toEqual([true, false, true, true, false, true]);
    expect(forsta[1]).toMatchObject({ gjorda: [], fel: 'okant' });
    expect(forsta[4]).toMatchObject({ gjorda: [], fel: 'okant' });
    for (const i of [1, 4]) {
      expect(lager.brevlada(SIV.aadId).meddelanden.get(mejl[i].id)).toMatchObject({ mapp: 'inbox' });
      expect(vidarebefordringar(mejl[i])).toBe(0);
    }
    expect(raderMed(mejl[0])[0].status).toBe('Pågår');

    const igen = await tjanst().hantera(forsta.filter((r) => !r.klar).map((r) => r.meddelande), { atgard: 'Diarieför' });
    expect(igen.every((r) => r.klar)).toBe(true);
    expect(mejl.map(vidarebefordringar)).toEqual(mejl.map(() => 1));
    expect(mejl.flatMap(sparAv)).toEqual([]);
    // The retry took the mails over from the first run, which is now done.
    expect(raderMed(mejl[0])[0].status).toBe('Klar');
    expect(await tjanst().hamtaAvbrutna()).toEqual([]);
  });

  it('när raderingen misslyckas efter vidarebefordran skickas den inte igen vid nästa försök', async () => {
    const [mejl] = nyaMejl(1);
    emulator.satFel((f) => (f.sokvag === `/v1.0/me/messages/${mejl.fastId}/permanentDelete` ? { status: 500 } : undefined));
    const [forsta] = await tjanst().hantera(await rader([mejl]), { atgard: 'Diarieför' });
    emulator.satFel(undefined);
    expect(forsta).toMatchObject({ klar: false, fel: 'okant' });
    expect(forsta.gjorda).toContain('Vidarebefordra');
    expect(forsta.gjorda).not.toContain('RaderaOriginal');
    const [igen] = await tjanst().hantera([forsta.meddelande], { atgard: 'Diarieför' });
    expect(igen).toMatchObject({ klar: true, gjorda: ['Vidarebefordra', 'RaderaOriginal', 'RaderaKopia'] });
    expect(vidarebefordringar(mejl)).toBe(1);
    expect(sparAv(mejl)).toEqual([]);
  });

  it('sidan stängs efter sändningarna: körningen visas som avbruten och slutförs utan en andra vidarebefordran', async () => {
    const mejl = nyaMejl(25);
    const valda = await rader(mejl);
    let anrop = 0;
    // Closed after the first send batch: 20 forwarded; the journal has their drafts (written before any send), not the sends.
    const stangd = tjanst().hantera(valda, { atgard: 'Diarieför' }, () => { if (++anrop === 3) throw new Error('Sidan stängdes'); });
    await expect(stangd).rejects.toThrow('Sidan stängdes');
    expect(mejl.map(vidarebefordringar).filter((n) => n === 1)).toHaveLength(20);
    expect(utkast()).toHaveLength(5);
    const [rad] = raderMed(mejl[0]);
    expect(rad.status).toBe('Pågår');
    expect(rad.poster.every((p) => p.gjorda.length === 0 && !!p.kopia)).toBe(true);

    const avbrutna = await tjanst().hamtaAvbrutna();
    expect(avbrutna).toHaveLength(1);
    expect(avbrutna[0]).toMatchObject({ id: rad.id, startad: NU.toISOString() });
    expect(avbrutna[0].poster).toHaveLength(25);
    // Read by their draft ids: the sent ones are forwarded, the drafts are not.
    expect(avbrutna[0].poster.filter((p) => p.gjorda.join() === 'Vidarebefordra')).toHaveLength(20);
    expect(avbrutna[0].poster.filter((p) => p.gjorda.length === 0)).toHaveLength(5);

    klocka = new Date(NU.getTime() + 60_000);
    const framsteg: IFramsteg[] = [];
    const slutford = await tjanst().slutforAvbrutna((f) => framsteg.push(f));
    expect(slutford).toHaveLength(25);
    expect(slutford.every((r) => r.klar)).toBe(true);
    expect(framsteg[framsteg.length - 1]).toEqual({ klara: 25, totalt: 25 });
    expect(mejl.map(vidarebefordringar)).toEqual(mejl.map(() => 1));
    expect(mejl.flatMap(sparAv)).toEqual([]);
    expect(utkast()).toEqual([]);
    expect(raderMed(mejl[0])[0].status).toBe('Klar');
    expect(await tjanst().hamtaAvbrutna()).toEqual([]);
  });

  it('två ofärdiga mejl i samma tråd med samma ämne tar aldrig varandras kopia', async () => {
    const [a, b] = nyaMejl(2);
    const brevlada = lager.brevlada(SIV.aadId);
    // A reply in the same thread under the same subject: what Outlook's conversation view shows as one.
    brevlada.meddelanden.get(b.id)!.konversation = a.konversation;
    brevlada.meddelanden.get(b.id)!.amne = a.amne;
    const [radA, radB] = await rader([a, b]);
    const stangEfter = (n: number): (() => void) => {
      let anrop = 0;
      return () => { if (++anrop === n) throw new Error('Sidan stängdes'); };
    };
    // a is sent and the page closes; b only gets its draft before the page closes.
    await expect(tjanst().hantera([radA], { atgard: 'Diarieför' }, stangEfter(2))).rejects.toThrow('Sidan stängdes');
    await expect(tjanst().hantera([radB], { atgard: 'Diarieför' }, stangEfter(1))).rejects.toThrow('Sidan stängdes');
    expect([vidarebefordringar(a), vidarebefordringar(b)]).toEqual([1, 0]);
    expect(utkast()).toHaveLength(1);

    const avbrutna = (await tjanst().hamtaAvbrutna()).flatMap((k) => k.poster);
    expect(avbrutna.find((p) => p.id === a.fastId)?.gjorda).toEqual(['Vidarebefordra']);
    // a's copy is in sent items under the same thread and subject, but it is not b's forward.
    expect(avbrutna.find((p) => p.id === b.fastId)?.gjorda).toEqual([]);
    const slutford = await tjanst().slutforAvbrutna();
    expect(slutford.every((r) => r.klar)).toBe(true);
    expect([vidarebefordringar(a), vidarebefordringar(b)]).toEqual([1, 1]);
    expect([a, b].flatMap(sparAv)).toEqual([]);
    expect(utkast()).toEqual([]);
  });

  it('ett svar på en sändning som gick förlorat: brevlådan avgör, och utkastet skickas inte en gång till', async () => {
    const [mejl] = nyaMejl(1);
    const riktig = globalThis.fetch;
    let tappat = false;
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (indata: string | URL | Request, init?: RequestInit) => {
      const svar = await riktig(indata, init);
      if (!tappat && /\/v1\.0\/\$batch$/.test(String(indata)) && String(init?.body).includes('/send')) {
        // Exchange sent it; the answer never came back.
        tappat = true;
        throw new TypeError('fetch failed');
      }
      return svar;
    });
    const [resultat] = await tjanst().hantera(await rader([mejl]), { atgard: 'Diarieför' });
    expect(tappat).toBe(true);
    expect(resultat).toMatchObject({ klar: true, gjorda: ['Vidarebefordra', 'RaderaOriginal', 'RaderaKopia'] });
    expect(vidarebefordringar(mejl)).toBe(1);
    expect(sparAv(mejl)).toEqual([]);
  });

  it('en kopia som Exchange inte lagt i Skickat än letas upp igen och tas bort', async () => {
    const [mejl] = nyaMejl(1);
    lager.transitForfragningar = 3;
    try {
      const [resultat] = await tjanst().hantera(await rader([mejl]), { atgard: 'Diarieför' });
      expect(resultat).toMatchObject({ klar: true });
    } finally {
      lager.transitForfragningar = 0;
    }
    expect(vantan).toContain(2000);
    expect(vidarebefordringar(mejl)).toBe(1);
    expect(sparAv(mejl)).toEqual([]);
  });

  it('en journal som inte går att skriva efter utkasten: inget skickas, och nästa försök skickar samma utkast', async () => {
    const [mejl] = nyaMejl(1);
    const riktig = globalThis.fetch;
    let merge = 0;
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (indata: string | URL | Request, init?: RequestInit) => {
      if (new Headers(init?.headers).get('X-HTTP-Method') === 'MERGE') {
        merge++;
        throw new TypeError('fetch failed');
      }
      return riktig(indata, init);
    });
    const [forsta] = await tjanst().hantera(await rader([mejl]), { atgard: 'Diarieför' });
    jest.restoreAllMocks();
    expect(merge).toBeGreaterThan(1);
    expect(forsta).toMatchObject({ klar: false, fel: 'natverk', gjorda: [], ejLoggad: true });
    // A forward whose draft is not on record is not sent: the draft waits, the original stays.
    expect(vidarebefordringar(mejl)).toBe(0);
    expect(utkast()).toHaveLength(1);
    expect(lager.brevlada(SIV.aadId).meddelanden.get(mejl.id)).toMatchObject({ mapp: 'inbox' });

    const [igen] = await tjanst().hantera([forsta.meddelande], { atgard: 'Diarieför' });
    expect(igen).toMatchObject({ klar: true });
    expect(igen.ejLoggad).toBeUndefined();
    expect(vidarebefordringar(mejl)).toBe(1);
    expect(sparAv(mejl)).toEqual([]);
    expect(utkast()).toEqual([]);
  });

  it('en sändning som tas emot (202) men aldrig syns som skickad: originalet står kvar och mejlet sägs oavgjort', async () => {
    const [mejl] = nyaMejl(1);
    lager.transitForfragningar = 1000;
    let resultat;
    try {
      [resultat] = await tjanst().hantera(await rader([mejl]), { atgard: 'Diarieför' });
    } finally {
      lager.transitForfragningar = 0;
    }
    expect(vantan).toEqual([2000, 5000]);
    expect(resultat).toMatchObject({ klar: false, fel: 'oviss', gjorda: [] });
    expect(lager.brevlada(SIV.aadId).meddelanden.get(mejl.id)).toMatchObject({ mapp: 'inbox' });
    // Filed at last: the run is finished from what the mailbox shows, without a second forward.
    lager.brevlada(SIV.aadId).meddelanden.forEach((m) => { if (m.iTransit) m.iTransit = 1; });
    const slutford = await tjanst().slutforAvbrutna();
    expect(slutford.find((r) => r.meddelande.id === mejl.fastId)).toMatchObject({ klar: true });
    expect(vidarebefordringar(mejl)).toBe(1);
    expect(sparAv(mejl)).toEqual([]);
  });

  it('säger när loggen inte kunde skrivas efter en körning, och slutför stänger raden', async () => {
    const [mejl] = nyaMejl(1);
    const riktig = globalThis.fetch;
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (indata: string | URL | Request, init?: RequestInit) => {
      if (new Headers(init?.headers).get('X-HTTP-Method') === 'MERGE') return new Response('{}', { status: 500 });
      return riktig(indata, init);
    });
    const [resultat] = await tjanst().hantera(await rader([mejl]), { atgard: 'Gallra' });
    jest.restoreAllMocks();
    expect(resultat).toMatchObject({ klar: true, ejLoggad: true });
    expect(raderMed(mejl)[0].status).toBe('Pågår');
    // The banner offers Slutför for it: the mailbox shows it done, the log does not yet.
    expect((await tjanst().hamtaAvbrutna()).flatMap((k) => k.poster)).toEqual([expect.objectContaining({ id: mejl.fastId, gjorda: ['RaderaOriginal'] })]);
    await tjanst().slutforAvbrutna();
    expect(await tjanst().hamtaAvbrutna()).toEqual([]);
    expect(raderMed(mejl)[0]).toMatchObject({ status: 'Klar', poster: [expect.objectContaining({ gjorda: ['RaderaOriginal'] })] });
  });

  it('ett $batch-anrop utan svar: utkastet letas upp, och ett mejl som raderats i Outlook räknas aldrig som diariefört', async () => {
    const [mejl] = nyaMejl(1);
    let forsta = true;
    // The batch call itself fails: whether the draft was made is not known.
    emulator.satFel((f) => {
      if (f.sokvag !== '/v1.0/$batch' || !forsta) return undefined;
      forsta = false;
      return 500;
    });
    const [resultat] = await tjanst().hantera(await rader([mejl]), { atgard: 'Diarieför' });
    emulator.satFel(undefined);
    expect(resultat).toMatchObject({ klar: false, gjorda: [], fel: 'okant' });
    expect(vidarebefordringar(mejl)).toBe(0);
    expect(utkast()).toEqual([]);

    // Then the person deletes it in Outlook, before the run is finished.
    lager.brevlada(SIV.aadId).meddelanden.delete(mejl.id);
    const [avbruten] = await tjanst().hamtaAvbrutna();
    expect(avbruten.poster).toEqual([expect.objectContaining({ id: mejl.fastId, gjorda: [] })]);
    const [slutford] = await tjanst().slutforAvbrutna();
    expect(slutford).toMatchObject({ klar: false, fel: 'saknas', gjorda: [] });
    expect(vidarebefordringar(mejl)).toBe(0);
    expect(raderMed(mejl)[0].status).toBe('Klar');
    expect(await tjanst().hamtaAvbrutna()).toEqual([]);
    expect((await tjanst().hamtaLogg(IDAG)).find((r) => r.amne === mejl.amne)).toMatchObject({ atgard: 'Diarieför', klar: false });
  });

  it('30-dagarsloggen: hanterade mejl finns med när de är borta, gränsen går vid svensk midnatt', async () => {
    // 2025-02-13 is the first day of the log on 14 March: 00:30 and 23:30 Swedish time either side of it.
    const [inom] = nyaMejl(1, '2025-02-12T23:30:00Z');
    const [utanfor] = nyaMejl(1, '2025-02-12T22:30:00Z');
    const [diarie] = nyaMejl(1, '2025-03-13T07:00:00Z');
    const [kvar] = nyaMejl(1, '2025-03-12T07:00:00Z');
    const [ioutlook] = nyaMejl(1, '2025-03-11T07:00:00Z');
    lager.brevlada(SIV.aadId).meddelanden.get(ioutlook.id)!.kategorier = [BEHALLEN_KATEGORI];
    await tjanst().hantera(await rader([inom, utanfor]), { atgard: 'Gallra' });
    await tjanst().hantera(await rader([diarie]), { atgard: 'Diarieför', kommentar: 'Till bygglovsärendet' });

    const logg = await tjanst().hamtaLogg(IDAG);
    const rad = (m: ILagratMeddelande): unknown => logg.find((r) => r.amne === m.amne);
    expect(rad(inom)).toMatchObject({ atgard: 'Gallra', klar: true, mapp: 'inkorg', datum: '2025-02-12T23:30:00Z', hanterad: NU.toISOString(), fran: 'Anna Lindqvist <anna.lindqvist@epost.example>' });
    expect(rad(utanfor)).toBeUndefined();
    expect(rad(diarie)).toMatchObject({ atgard: 'Diarieför', klar: true, notering: 'Till bygglovsärendet' });
    expect(rad(kvar)).toMatchObject({ atgard: 'Ej hanterad', klar: false });
    // Kept in Outlook by hand: no entry, the mark says it.
    expect(rad(ioutlook)).toMatchObject({ atgard: 'Behåll', klar: true });
    const tider = logg.map((r) => Date.parse(r.datum));
    expect(tider).toEqual([...tider].sort((a, b) => b - a));
    // The handled mails are gone from the mailbox; only the journal answers for them.
    expect([inom, diarie].flatMap(sparAv)).toEqual([]);
    // On the next day the 00:30 mail has fallen out.
    expect((await tjanst().hamtaLogg('2025-03-15')).find((r) => r.amne === inom.amne)).toBeUndefined();
  });

  it('påminnelsen: en uppgift i To Do varje vardag på vald tid, hittas igen, ändras och tas bort', async () => {
    const t = tjanst();
    expect(await t.hamtaPaminnelse()).toBeUndefined();
    await t.stallInPaminnelse({ tid: '08:30' });
    let uppgifter = lager.uppgifter(SIV.aadId).filter((u) => u.title === PAMINNELSE_TITEL);
    expect(uppgifter).toHaveLength(1);
    expect(uppgifter[0]).toMatchObject({ isReminderOn: true, status: 'notStarted' });
    expect(uppgifter[0].recurrence?.pattern).toMatchObject({ type: 'weekly', interval: 1, daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] });
    // Friday noon: the first reminder is on Monday at 08:30 Swedish time (07:30 UTC in winter).
    expect(Date.parse(`${uppgifter[0].reminderDateTime!.dateTime.replace(/(\.\d{3})\d*$/, '$1')}Z`)).toBe(Date.parse('2025-03-17T07:30:00Z'));
    expect(await tjanst().hamtaPaminnelse()).toEqual({ tid: '08:30' });

    await t.stallInPaminnelse({ tid: '07:45' });
    uppgifter = lager.uppgifter(SIV.aadId).filter((u) => u.title === PAMINNELSE_TITEL);
    expect(uppgifter).toHaveLength(1);
    expect(await t.hamtaPaminnelse()).toEqual({ tid: '07:45' });

    expect(epostrutinfelkod(await forvantaDataFel(t.stallInPaminnelse({ tid: '7.45' })))).toBe('OgiltigTid');
    await t.stallInPaminnelse(undefined);
    expect(lager.uppgifter(SIV.aadId).filter((u) => u.title === PAMINNELSE_TITEL)).toEqual([]);
    expect(await t.hamtaPaminnelse()).toBeUndefined();
  });

  it('en journalrad som ändrats under tiden (412) läses om och skrivs med det som gjorts', async () => {
    const mejl = nyaMejl(2);
    const valda = await rader(mejl);
    const lista = spLager.listaMedTitel(EpostloggLista.title)!;
    const statusar: number[] = [];
    const riktig = globalThis.fetch;
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (indata: string | URL | Request, init?: RequestInit) => {
      const svar = await riktig(indata, init);
      if (/Epostlogg|items\(\d+\)/.test(String(indata)) && new Headers(init?.headers).get('X-HTTP-Method') === 'MERGE') statusar.push(svar.status);
      return svar;
    });
    let andrad = false;
    const resultat = await tjanst().hantera(valda, { atgard: 'Gallra' }, () => {
      if (andrad) return;
      andrad = true;
      // Another tab writes the row meanwhile: its version says nothing was done.
      const o = Array.from(lista.objekt.values()).sort((a, b) => b.Id - a.Id)[0];
      spLager.sparaVersion(lista, o, { [EpostloggFalt.Antal]: 2 }, SIV.id);
    });
    expect(resultat.every((r) => r.klar)).toBe(true);
    expect(statusar).toEqual([412, 204]);
    const [rad] = raderMed(mejl[0]);
    expect(rad.status).toBe('Klar');
    expect(rad.poster.map((p) => p.gjorda)).toEqual([['RaderaOriginal'], ['RaderaOriginal']]);
  });

  it('utan behörighet till brevlådan (403) blir orsaken behorighet, och inget mejl rörs', async () => {
    const mejl = nyaMejl(2);
    const valda = await rader(mejl);
    lager.utanEpostbehorighet.add(SIV.aadId);
    const fel = await forvantaDataFel(tjanst().hamtaMappar());
    expect(fel).toMatchObject({ orsak: 'behorighet', status: 403 });
    const resultat = await tjanst().hantera(valda, { atgard: 'Gallra' });
    expect(resultat.map((r) => [r.klar, r.fel])).toEqual([[false, 'behorighet'], [false, 'behorighet']]);
    expect((await forvantaDataFel(tjanst().hamtaAvbrutna())).orsak).toBe('behorighet');
    expect(mejl.flatMap(sparAv)).toHaveLength(2);
    // With consent back, the run is finished from the journal.
    lager.utanEpostbehorighet.clear();
    const slutford = await tjanst().slutforAvbrutna();
    expect(slutford.map((r) => r.klar)).toEqual([true, true]);
    expect(mejl.flatMap(sparAv)).toEqual([]);
    expect(await tjanst().hamtaAvbrutna()).toEqual([]);
  });
});
