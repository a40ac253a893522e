/**
 * Digital justering against the emulator: the nämndsekreterare uploads and sends the draft, the
 * ordförande and justerare approve with their own sign-in, the public account cannot read the draft,
 * and the justerat protokoll is tillkännagivet on the anslagstavla with the right dates.
 */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import { Emulator } from '../../emulator/core';
import { DEMO_ANVANDARE } from '../../emulator/demo/anvandare';
import { DataFel, tolkaDataFel } from '../../src/data/fel';
import { JusteringTjanst } from '../../src/data/moten/JusteringTjanst';
import { PublikBehorighet } from '../../src/data/moten/publikBehorighet';
import { MICROSOFT_365_INLOGGNING } from '../../src/data/moten/Signering';
import { IProtokollVy, ISammantrade, ISignering, justeringsfelkod } from '../../src/data/moten/typer';
import { IsoDate } from '../../src/domain/dates';
import { IJusteringsperson } from '../../src/domain/justering';
import { AnslagFalt, AnslagLista, OrganFalt, OrganLista, ProtokollBibliotek, ProtokollFalt, SammantradeFalt, SammantradenLista } from '../../src/schema/moten';
import { skapaSp } from '../../src/data/pnp';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';
import { forvantaDataFel } from '../support/testdata';

const SITE = '/sites/arendeportalen';
let miljo: IEmulatorMiljo;

const anvandare = (id: number): (typeof DEMO_ANVANDARE)[number] => DEMO_ANVANDARE.find((a) => a.id === id)!;
const som = (a: (typeof DEMO_ANVANDARE)[number]): IJusteringsperson => ({ id: a.id, namn: a.title, epost: a.email });
const SEKRETERARE = anvandare(30);
const ORDFORANDE = anvandare(8);
const SIV = anvandare(7);
const AMINA = anvandare(9);
const EJ_NAMND = anvandare(10);
const ADMIN = anvandare(50);

const spFor = (epost: string): SPFI => skapaSp(miljo.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(epost) }));
/** The service as one person, approving at noon Swedish time on `dag`. */
const tjanst = (a: { email: string }, dag: IsoDate = '2026-12-01', signering?: ISignering): JusteringTjanst =>
  new JusteringTjanst(spFor(a.email), SITE, { klocka: () => new Date(`${dag}T11:00:00Z`), ...(signering ? { signering } : {}) });

/**
 * Signs only when `antal` people are signing: each has read the protokoll by then, so their writes
 * carry the same ETag and one of them must meet a 412.
 */
function samtidigSignering(antal: number): ISignering {
  const vantar: Array<() => void> = [];
  return {
    signera: () => new Promise((klar) => {
      vantar.push(() => klar({ metod: MICROSOFT_365_INLOGGNING }));
      if (vantar.length === antal) vantar.forEach((f) => f());
    })
  };
}

/** Records the status and method of every request the services send; `svara` may answer in SharePoint's place. */
function avlyssna(svara?: (metod: string, url: string) => Response | undefined): Array<{ metod: string; url: string; status: number }> {
  const logg: Array<{ metod: string; url: string; status: number }> = [];
  const riktig = globalThis.fetch;
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (indata: string | URL | Request, init?: RequestInit) => {
    const url = String(indata instanceof Request ? indata.url : indata);
    const metod = new Headers(init?.headers).get('X-HTTP-Method') ?? init?.method ?? 'GET';
    const svar = svara?.(metod, url) ?? await riktig(indata, init);
    logg.push({ metod, url, status: svar.status });
    return svar;
  });
  return logg;
}

/** The account the public site is built with: the only member of the public reading group. */
function publikKonto(): { email: string } {
  const konto = DEMO_ANVANDARE.find((a) => a.roll === 'allmanhet');
  if (!konto) throw new Error('Demoanvändaren med rollen allmanhet saknas (emulator/demo/anvandare.ts).');
  return konto;
}

async function skapaSammantrade(organKort: string, motesdag: IsoDate): Promise<ISammantrade> {
  const sp = spFor(SEKRETERARE.email);
  const [organ] = await sp.web.getList(`${SITE}/${OrganLista.url}`).items
    .select('Id', OrganFalt.Namn).filter(`${OrganFalt.Forkortning} eq '${organKort}'`)<Array<{ Id: number; Title: string }>>();
  const rubrik = `${organ.Title} ${motesdag}`;
  const start = `${motesdag}T12:00:00Z`;
  const ny = await sp.web.getList(`${SITE}/${SammantradenLista.url}`).items.add({
    [SammantradeFalt.Rubrik]: rubrik, [`${SammantradeFalt.Organ}Id`]: organ.Id, [SammantradeFalt.Datum]: start,
    [SammantradeFalt.Status]: 'Genomfört'
  }) as { Id: number };
  return { id: ny.Id, rubrik, organ: organ.Title, organId: organ.Id, datum: motesdag, start, plats: '', status: 'Genomfört' };
}

const fil = (text: string): { namn: string; innehall: ArrayBuffer } => {
  const b = Buffer.from(text);
  return { namn: `protokoll-${Math.random().toString(36).slice(2)}.txt`, innehall: b.buffer.slice(b.byteOffset, b.byteOffset + b.length) };
};

/** What the public account gets when it asks for the protokoll's item and file: 'ok' or the DataFel cause. */
async function publikenSer(p: IProtokollVy): Promise<{ post: string; fil: string }> {
  const sp = spFor(publikKonto().email);
  const forsok = (lofte: Promise<unknown>): Promise<string> => lofte.then(() => 'ok', (e: unknown) => tolkaDataFel(e).orsak);
  return {
    post: await forsok(sp.web.getList(`${SITE}/${ProtokollBibliotek.url}`).items.getById(p.id)()),
    fil: await forsok(sp.web.getFileByServerRelativePath(p.filUrl).getBuffer())
  };
}

const protokollRad = (id: number): Record<string, unknown> => miljo.lager.listaMedTitel(ProtokollBibliotek.title)!.objekt.get(id)!.varden;

/** A draft for a new meeting, sent to justering. */
async function utskickat(organ: string, motesdag: IsoDate, justerare: IJusteringsperson[]): Promise<{ mote: ISammantrade; p: IProtokollVy }> {
  const mote = await skapaSammantrade(organ, motesdag);
  const sekr = tjanst(SEKRETERARE);
  const utkast = await sekr.laddaUppUtkast(mote.id, motesdag, fil('Protokoll'), som(ORDFORANDE), justerare, motesdag);
  return { mote, p: await sekr.skickaTillJustering(utkast, motesdag) };
}

beforeAll(async () => {
  miljo = await startaEmulator({}, true);
});
afterAll(() => miljo.stang());
afterEach(() => {
  jest.restoreAllMocks();
  miljo.emulator.forvantaIngaOkanda();
});

describe('Justering från utkast till tillkännagivande', () => {
  let mote: ISammantrade;
  let utkast: IProtokollVy;

  it('laddar upp utkastet med ordförande, justerare och frist, stängt för allmänheten', async () => {
    mote = await skapaSammantrade('KS', '2026-12-01');
    utkast = await tjanst(SEKRETERARE).laddaUppUtkast(mote.id, '2026-12-01', fil('Protokoll KS 2026-12-01'), som(ORDFORANDE), [som(SIV), som(AMINA)], '2026-12-02');
    expect(utkast.justering).toMatchObject({
      status: 'Utkast', motesdag: '2026-12-01', godkannanden: [],
      ordforande: { id: 8, namn: 'Erik Nordin', epost: 'erik.nordin@pol.kommun.se' }
    });
    expect(utkast.justering.justerare.map((p) => p.namn)).toEqual(['Siv Sahlström', 'Amina Haddad']);
    expect(utkast.justerasSenast).toBe('2026-12-15');
    expect(utkast.fristlage).toBe('GodTid');
    expect(utkast.forvaringsplats).toBe('Kommunkansliet');
    expect(utkast.rubrik).toBe('Protokoll Kommunstyrelsen 2026-12-01');
    expect(await publikenSer(utkast)).toEqual({ post: 'saknas', fil: 'saknas' });
    expect(await new JusteringTjanst(spFor(publikKonto().email), SITE).hamtaProtokoll(mote.id, '2026-12-01', '2026-12-02')).toBeUndefined();
  });

  it('låter ingen godkänna ett utkast som inte skickats till justering', async () => {
    const fel = await forvantaDataFel(tjanst(ORDFORANDE).godkann(utkast, mote, '2026-12-02'));
    expect(justeringsfelkod(fel)).toBe('EjUtskickat');
    expect(fel.orsak).toBe('ogiltig');
  });

  it('skickar till justering, och den som inte är justerare nekas', async () => {
    const skickat = await tjanst(SEKRETERARE).skickaTillJustering(utkast, '2026-12-02');
    expect(skickat.justering.status).toBe('Under justering');
    const fel = await forvantaDataFel(tjanst(EJ_NAMND).godkann(skickat, mote, '2026-12-03'));
    expect(justeringsfelkod(fel)).toBe('EjJusterare');
    expect((await tjanst(SEKRETERARE).hamtaProtokoll(mote.id, '2026-12-01', '2026-12-03'))!.justering.godkannanden).toEqual([]);
  });

  it('ordföranden godkänner med sin Microsoft 365-identitet, en gång', async () => {
    const ordf = tjanst(ORDFORANDE, '2026-12-08');
    expect(await ordf.aktuellPerson()).toEqual({ id: 8, namn: 'Erik Nordin', epost: 'erik.nordin@pol.kommun.se' });
    const vy = (await ordf.hamtaProtokoll(mote.id, '2026-12-01', '2026-12-08'))!;
    const { protokoll, anslag } = await ordf.godkann(vy, mote, '2026-12-08');
    expect(anslag).toBeUndefined();
    expect(protokoll.justering.status).toBe('Under justering');
    expect(protokoll.justering.godkannanden).toEqual([{
      personId: 8, namn: 'Erik Nordin', epost: 'erik.nordin@pol.kommun.se', roll: 'Ordförande',
      tid: '2026-12-08T11:00:00.000Z', metod: MICROSOFT_365_INLOGGNING
    }]);
    expect(protokoll.fristlage).toBe('GodTid');
    expect(justeringsfelkod(await forvantaDataFel(ordf.godkann(protokoll, mote, '2026-12-08')))).toBe('RedanGodkant');
  });

  it('två justerare som godkänner samtidigt kommer båda med, och protokollet blir justerat', async () => {
    const vy = (await tjanst(SIV).hamtaProtokoll(mote.id, '2026-12-01', '2026-12-09'))!;
    const samtidigt = samtidigSignering(2);
    const svar = avlyssna();
    const [siv, amina] = await Promise.all([
      tjanst(SIV, '2026-12-09', samtidigt).godkann(vy, mote, '2026-12-09'),
      tjanst(AMINA, '2026-12-09', samtidigt).godkann(vy, mote, '2026-12-09')
    ]);
    expect(svar.filter((x) => x.metod === 'MERGE').map((x) => x.status).sort()).toEqual([204, 204, 412]);
    // Ledamöter may not post on the anslagstavla: no anslag, and no error either.
    expect(siv.anslag).toBeUndefined();
    expect(amina.anslag).toBeUndefined();
    const nu = (await tjanst(SEKRETERARE).hamtaProtokoll(mote.id, '2026-12-01', '2026-12-09'))!;
    expect(nu.justering.godkannanden.map((g) => g.namn).sort()).toEqual(['Amina Haddad', 'Erik Nordin', 'Siv Sahlström']);
    expect(nu.justering.status).toBe('Justerat');
    expect(nu.justering.justeratDatum).toBe('2026-12-09');
    expect(nu.fristlage).toBe('Justerat');
    expect(protokollRad(nu.id)[ProtokollFalt.Tillkannagivet] ?? null).toBeNull();
    // Justerat but not yet tillkännagivet: still closed to the public.
    expect(await publikenSer(nu)).toEqual({ post: 'saknas', fil: 'saknas' });
  });

  it('nämndsekreteraren tillkännager det justerade protokollet en gång, med sista dag flyttad förbi nyårshelgen', async () => {
    const sekr = tjanst(SEKRETERARE);
    const uppsatta = await sekr.tillkannageJusterade('2026-12-10');
    const mina = uppsatta.filter((a) => a.sammantradeId === mote.id);
    expect(mina).toEqual([expect.objectContaining({
      typ: 'Tillkännagivande av justerat protokoll',
      organ: 'Kommunstyrelsen',
      sammantradesdatum: '2026-12-01',
      justeringsdatum: '2026-12-09',
      forvaringsplats: 'Kommunkansliet',
      uppsatt: '2026-12-10',
      // 2026-12-31 is nyårsafton, then nyårsdagen and a weekend: the last day is Monday 4 January.
      sistaDagForOverklagande: '2027-01-04',
      nedtagning: '2027-01-05'
    })]);
    expect(await sekr.tillkannageJusterade('2026-12-11')).toEqual([]);
    const rader = await spFor(publikKonto().email).web.getList(`${SITE}/${AnslagLista.url}`).items
      .filter(`${AnslagFalt.Sammantrade}Id eq ${mote.id}`)<Array<Record<string, unknown>>>();
    expect(rader).toHaveLength(1);
    expect(rader[0][AnslagFalt.Rubrik]).toBe('Justerat protokoll: Kommunstyrelsen 2026-12-01');
    const p = (await sekr.hamtaProtokoll(mote.id, '2026-12-01', '2026-12-11'))!;
    expect(protokollRad(p.id)[ProtokollFalt.Tillkannagivet]).toBe('2026-12-09T23:00:00Z');
  });

  it('allmänhetens konto läser protokollet först när det är tillkännagivet', async () => {
    const p = (await tjanst(SEKRETERARE).hamtaProtokoll(mote.id, '2026-12-01', '2026-12-11'))!;
    expect(await publikenSer(p)).toEqual({ post: 'ok', fil: 'ok' });
    const publikt = await new JusteringTjanst(spFor(publikKonto().email), SITE).hamtaProtokoll(mote.id, '2026-12-01', '2026-12-11');
    expect(publikt?.justering.status).toBe('Justerat');
  });
});

describe('Justering i övrigt', () => {
  it('tillkännager genast när den sista som godkänner har rätt att publicera', async () => {
    const { mote, p } = await utskickat('BUN', '2027-03-01', [som(ADMIN)]);
    await tjanst(ORDFORANDE).godkann(p, mote, '2027-03-08');
    const { protokoll, anslag } = await tjanst(ADMIN, '2027-03-10').godkann(p, mote, '2027-03-10');
    expect(protokoll.justering.status).toBe('Justerat');
    expect(anslag).toMatchObject({ organ: 'Barn- och utbildningsnämnden', uppsatt: '2027-03-10', justeringsdatum: '2027-03-10', sistaDagForOverklagande: '2027-03-31', nedtagning: '2027-04-01' });
    expect(protokollRad(p.id)[ProtokollFalt.Tillkannagivet]).toBe('2027-03-09T23:00:00Z');
    expect(await publikenSer(p)).toEqual({ post: 'ok', fil: 'ok' });
    expect((await tjanst(SEKRETERARE).tillkannageJusterade('2027-03-11')).filter((a) => a.sammantradeId === mote.id)).toEqual([]);
  });

  it('klarar en handredigerad justeringslogg: läsbara godkännanden står kvar, resten räknas', async () => {
    const { mote, p } = await utskickat('SN', '2027-02-01', [som(SIV)]);
    await tjanst(ORDFORANDE, '2027-02-05').godkann(p, mote, '2027-02-05');
    const rad = protokollRad(p.id);
    const loggen = JSON.parse(String(rad[ProtokollFalt.Justeringslogg])) as unknown[];
    rad[ProtokollFalt.Justeringslogg] = JSON.stringify([...loggen, { vem: 'Siv', nar: 'i tisdags' }]);
    const last = (await tjanst(SIV).hamtaProtokoll(mote.id, '2027-02-01', '2027-02-06'))!;
    expect(last.olasbaraLoggrader).toBe(1);
    expect(last.justering.godkannanden.map((g) => g.roll)).toEqual(['Ordförande']);
    const { protokoll } = await tjanst(SIV, '2027-02-06').godkann(last, mote, '2027-02-06');
    expect(protokoll.justering.status).toBe('Justerat');
    expect(protokoll.justering.godkannanden.map((g) => g.namn)).toEqual(['Erik Nordin', 'Siv Sahlström']);

    // Saving keeps the old values as a version and gives the item new ones: fetch them again.
    protokollRad(p.id)[ProtokollFalt.Justeringslogg] = 'Justerat av Erik och Siv';
    const trasig = (await tjanst(SIV).hamtaProtokoll(mote.id, '2027-02-01', '2027-02-06'))!;
    expect(trasig).toMatchObject({ olasbaraLoggrader: 1, justering: { status: 'Justerat', godkannanden: [] } });
  });

  it('ger upp med en konflikt efter tre försök när någon annan hela tiden hinner före', async () => {
    const { mote, p } = await utskickat('KF', '2027-04-12', [som(SIV)]);
    const svar = avlyssna((metod, url) => (metod === 'MERGE' && /Items?\(/i.test(url)
      ? new Response(JSON.stringify({ 'odata.error': { code: '-1, Microsoft.SharePoint.Client.ClientServiceException', message: { lang: 'en-US', value: 'The request ETag value does not match the object\'s ETag value.' } } }), { status: 412, headers: { 'Content-Type': 'application/json' } })
      : undefined));
    const fel = await forvantaDataFel(tjanst(ORDFORANDE).godkann(p, mote, '2027-04-13'));
    expect(fel.orsak).toBe('konflikt');
    expect(svar.filter((x) => x.metod === 'MERGE')).toHaveLength(3);
    jest.restoreAllMocks();
    expect((await tjanst(SEKRETERARE).hamtaProtokoll(mote.id, '2027-04-12', '2027-04-13'))!.justering.godkannanden).toEqual([]);
  });

  it('kräver ordförande och justerare, och tar tillbaka filen om ett steg efter uppladdningen misslyckas', async () => {
    const mote = await skapaSammantrade('SBN', '2027-01-18');
    const sekr = tjanst(SEKRETERARE);
    const bibliotek = miljo.lager.listaMedTitel(ProtokollBibliotek.title)!;
    const fore = bibliotek.objekt.size;
    expect(justeringsfelkod(await forvantaDataFel(sekr.laddaUppUtkast(mote.id, '2027-01-18', fil('x'), som(ORDFORANDE), [], '2027-01-19')))).toBe('JusterareSaknas');
    expect(bibliotek.objekt.size).toBe(fore);

    jest.spyOn(PublikBehorighet.prototype, 'stangForPublik').mockRejectedValueOnce(new DataFel('natverk'));
    const fel = await forvantaDataFel(sekr.laddaUppUtkast(mote.id, '2027-01-18', fil('x'), som(ORDFORANDE), [som(SIV)], '2027-01-19'));
    expect(fel.orsak).toBe('natverk');
    const nya = Array.from(bibliotek.objekt.values()).slice(fore);
    expect(nya).toHaveLength(1);
    expect(nya[0].iPapperskorg).toBe(true);
    expect(await sekr.hamtaProtokoll(mote.id, '2027-01-18', '2027-01-19')).toBeUndefined();
  });

  it('en ledamot får inte ladda upp eller skicka protokoll', async () => {
    const mote = await skapaSammantrade('KSAU', '2027-01-25');
    const fel = await forvantaDataFel(tjanst(SIV).laddaUppUtkast(mote.id, '2027-01-25', fil('x'), som(ORDFORANDE), [som(SIV)], '2027-01-26'));
    expect(fel.orsak).toBe('behorighet');
  });

  it('söker personer på namn och e-post bland webbplatsens användare', async () => {
    const sok = tjanst(SEKRETERARE);
    expect(await sok.sokPersoner('nordin')).toEqual([{ id: 8, namn: 'Erik Nordin', epost: 'erik.nordin@pol.kommun.se' }]);
    expect((await sok.sokPersoner('SIV.SAHL')).map((p) => p.id)).toEqual([7]);
    expect(await sok.sokPersoner('  ')).toEqual([]);
  });
});
