/**
 * The public site builder against the emulator, signed in as the public reading account. Corpora
 * are seeded straight into the emulator's store (fast). Handlingar and Protokoll give the public
 * group nothing (fail closed); a published document is opened to it item by item, in the property
 * test by the product's own PublikBehorighet over REST, as the services open them.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import Ajv from 'ajv';
import { Document, Packer, Paragraph } from 'docx';
import fc from 'fast-check';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import { InjectHeaders, Queryable } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import Parser from 'rss-parser';
import { Emulator } from '../../emulator/core';
import { DEMO_ANVANDARE, forstaMedRoll } from '../../emulator/demo/anvandare';
import { EmulatorTransport } from '../../emulator/pnp';
import { registreraSharePoint } from '../../emulator/sharepoint/rutter';
import { ILista, SpLager } from '../../emulator/sharepoint/lager';
import { provisionera } from '../../provisioning/provisionera';
import { byggPublikWebbplats, IByggResultat } from '../../publik/bygg';
import { publikSp } from '../../publik/emulatorKalla';
import { PrivilegieratKontoFel } from '../../publik/lasare';
import { OPPNA_DATA_SCHEMA } from '../../publik/oppnaData';
import { PublikBehorighet } from '../../src/data/moten/publikBehorighet';
import { skapaSp } from '../../src/data/pnp';
import { tillSpDatum } from '../../src/data/spDatum';
import { KUNGORELSE } from '../../src/domain/anslag';
import { arPublik, Dokumenttyp, DOKUMENTTYP, Klassificering, KLASSER } from '../../src/domain/publicering';
import { Justeringsstatus, JUSTERINGSSTATUS } from '../../src/domain/justering';
import { Roll } from '../../src/domain/roller';
import { GRUPPNAMN } from '../../src/schema/behorigheter';
import {
  AnslagFalt, AnslagLista, ArendepunktFalt, DagordningLista, HandlingarBibliotek, HandlingFalt, OrganFalt, OrganLista, ProtokollBibliotek,
  ProtokollFalt, SammantradeFalt, SammantradenLista, SekretessBibliotek
} from '../../src/schema/moten';
import { IListDef } from '../../src/schema/types';

jest.setTimeout(120_000);

const NU = new Date('2026-11-27T10:00:00Z');
const IDAG = '2026-11-27';

let emulator: Emulator;
let lager: SpLager;
let ut: string;
let rot: string;

function spSom(roll: Roll): SPFI {
  const a = forstaMedRoll(roll)!;
  return skapaSp(emulator.konfig.webbplats, SPBrowser(), InjectHeaders({ Authorization: Emulator.token(a.email) })).using(EmulatorTransport(emulator));
}

const lista = (def: IListDef): ILista => lager.listaMedTitel(def.title)!;
const MOTESLISTOR = [OrganLista, SammantradenLista, DagordningLista, HandlingarBibliotek, SekretessBibliotek, ProtokollBibliotek, AnslagLista];

beforeAll(async () => {
  emulator = new Emulator();
  emulator.anvandare.push(...DEMO_ANVANDARE);
  lager = registreraSharePoint(emulator);
  await provisionera(spSom('admin'));
  rot = mkdtempSync(join(tmpdir(), 'publik-test-'));
});
afterAll(() => rmSync(rot, { recursive: true, force: true }));
beforeEach(() => {
  for (const def of MOTESLISTOR) lista(def).objekt.clear();
  ut = join(rot, `webbplats-${Math.random().toString(36).slice(2)}`);
});
afterEach(() => emulator.forvantaIngaOkanda());

const SEKRETERARE = forstaMedRoll('namndsekreterare')!.id;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
/** Swedish local time → instant: November is UTC+1, June UTC+2. */
const motesstart = (dag: string, timme: number): string => {
  const sommar = dag.slice(5, 7) >= '04' && dag.slice(5, 7) <= '10';
  return new Date(Date.UTC(Number(dag.slice(0, 4)), Number(dag.slice(5, 7)) - 1, Number(dag.slice(8, 10)), timme - (sommar ? 2 : 1))).toISOString();
};
const plusDagar = (dag: string, n: number): string => new Date(Date.parse(`${dag}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function seedaOrgan(namn: string, kort: string, typ = 'Nämnd'): number {
  return lager.skapaObjekt(lista(OrganLista), { [OrganFalt.Namn]: namn, [OrganFalt.Forkortning]: kort, [OrganFalt.OrganTyp]: typ, [OrganFalt.Aktivt]: true }, SEKRETERARE).Id;
}

function seedaMote(organId: number, organnamn: string, dag: string, timme = 13, status = 'Kallat', plats = 'Sessionssalen'): number {
  return lager.skapaObjekt(lista(SammantradenLista), {
    [SammantradeFalt.Rubrik]: `${organnamn} ${dag}`, [SammantradeFalt.Organ]: organId, [SammantradeFalt.Datum]: motesstart(dag, timme),
    [SammantradeFalt.Plats]: plats, [SammantradeFalt.Status]: status
  }, SEKRETERARE).Id;
}

function seedaPunkt(moteId: number, punkt: number, rubrik: string, beslut?: { text: string; dag: string }): number {
  return lager.skapaObjekt(lista(DagordningLista), {
    [ArendepunktFalt.Rubrik]: rubrik, [ArendepunktFalt.Sammantrade]: moteId, [ArendepunktFalt.Punkt]: punkt, [ArendepunktFalt.Diarienummer]: `KS 2026/${100 + punkt}`,
    ...(beslut ? { [ArendepunktFalt.Beslut]: beslut.text, [ArendepunktFalt.Beslutsdatum]: tillSpDatum(beslut.dag) } : {})
  }, SEKRETERARE).Id;
}

interface IDokument {
  moteId: number;
  rubrik: string;
  filnamn: string;
  innehall: Uint8Array;
  typ: Dokumenttyp;
  klass: Klassificering;
  punkt?: number;
  publicerad: boolean;
  sekretessbibliotek?: boolean;
  /** Opened to the public group (item permissions); by default when flagged published, as publicera leaves it. */
  oppen?: boolean;
}

/** What PublikBehorighet.oppnaForPublik leaves, written straight into the store: own permissions plus Read for the public group. */
function oppnaIDirekt(def: IListDef, id: number): void {
  const l = lista(def);
  const grupp = lager.gruppMedNamn(GRUPPNAMN.allmanhet)!.Id;
  lager.andraTilldelning(lager.brytObjektetsArv(l, l.objekt.get(id)!), grupp, lager.rolldefinitionId('Läsa'), true);
}

function seedaDokument(d: IDokument): number {
  const bibliotek = lista(d.sekretessbibliotek ? SekretessBibliotek : HandlingarBibliotek);
  const o = lager.skapaObjekt(bibliotek, {
    [HandlingFalt.Rubrik]: d.rubrik, [HandlingFalt.Sammantrade]: d.moteId, [HandlingFalt.Dokumenttyp]: d.typ,
    ...(d.punkt !== undefined ? { [HandlingFalt.Arendepunkt]: d.punkt } : {}),
    ...(d.sekretessbibliotek ? { [HandlingFalt.OslHanvisning]: '26 kap. 1 § OSL' } : {
      [HandlingFalt.Klassificering]: d.klass, [HandlingFalt.Publicerad]: d.publicerad,
      ...(d.publicerad ? { [HandlingFalt.PubliceradDatum]: '2026-11-20T08:00:00Z' } : {})
    })
  }, SEKRETERARE);
  o.fil = { namn: d.filnamn, innehall: d.innehall, uniqueId: o.GUID };
  if (!d.sekretessbibliotek && (d.oppen ?? d.publicerad)) oppnaIDirekt(HandlingarBibliotek, o.Id);
  return o.Id;
}

/** A protokoll; a justerat one is opened to the public group (as the tillkännagivande leaves it) unless `oppen` says otherwise. */
function seedaProtokoll(moteId: number, status: Justeringsstatus, filnamn: string, innehall: Uint8Array, rubrik = 'Protokoll', oppen = status === 'Justerat'): number {
  const o = lager.skapaObjekt(lista(ProtokollBibliotek), {
    [ProtokollFalt.Rubrik]: rubrik, [ProtokollFalt.Sammantrade]: moteId, [ProtokollFalt.Ordforande]: 8, [ProtokollFalt.Justerare]: [7],
    [ProtokollFalt.Status]: status, [ProtokollFalt.Forvaringsplats]: 'Kommunkansliet',
    ...(status === 'Justerat' ? { [ProtokollFalt.JusteratDatum]: tillSpDatum('2026-11-24'), [ProtokollFalt.Tillkannagivet]: tillSpDatum('2026-11-25') } : {})
  }, SEKRETERARE);
  o.fil = { namn: filnamn, innehall, uniqueId: o.GUID };
  if (oppen) oppnaIDirekt(ProtokollBibliotek, o.Id);
  return o.Id;
}

/** What publishing does to a document or a justerat protokoll, over REST with the product's own code: open it to the public group. */
async function oppnaForPublik(def: IListDef, id: number): Promise<void> {
  const sp = spSom('namndsekreterare');
  await new PublikBehorighet(sp).oppnaForPublik(sp.web.lists.getByTitle(def.title).items.getById(id));
}

async function bygg(extra: Partial<Parameters<typeof byggPublikWebbplats>[0]> = {}): Promise<IByggResultat> {
  return byggPublikWebbplats({ sp: publikSp(emulator), webbplats: emulator.konfig.webbplats, ut, nu: NU, varning: () => undefined, ...extra });
}

/** Every file of the built site with its path, as one searchable text each. */
function allaFiler(katalog: string): Array<{ sokvag: string; text: string }> {
  const filer: Array<{ sokvag: string; text: string }> = [];
  const ga = (k: string): void => {
    for (const namn of readdirSync(k)) {
      const full = join(k, namn);
      if (statSync(full).isDirectory()) ga(full);
      else filer.push({ sokvag: relative(katalog, full).split('\\').join('/'), text: readFileSync(full, 'latin1') });
    }
  };
  ga(katalog);
  return filer;
}
const las = (sokvag: string): string => readFileSync(join(ut, sokvag), 'utf8');

// ---- the property: nothing non-public, ever; everything public -------------------------------

/**
 * How a document's item permissions came out: as the services leave them (open exactly when the
 * rules allow and it is flagged published), opened by mistake whatever it is (an undecided
 * Arbetsmaterial, a Sekretess-classified row, an unflagged draft), or closed although flagged (an
 * interrupted publication). The Publicerad flag itself is random, so it is often wrong too.
 */
type Atkomst = 'somTjansten' | 'oppnadAvMisstag' | 'stangd';
interface IDokSpec { typ: Dokumenttyp; klass: Klassificering; punkt: number | null; publicerad: boolean; atkomst: Atkomst; sekretessbibliotek: boolean }
interface IMoteSpec { dag: number; punkter: boolean[]; dokument: IDokSpec[]; protokoll: { status: Justeringsstatus; oppen: boolean } | null }

const dokSpec: fc.Arbitrary<IDokSpec> = fc.record({
  typ: fc.constantFrom(...DOKUMENTTYP),
  klass: fc.constantFrom(...KLASSER),
  // Item numbers 1–4 exist when the meeting has that many; 9 never does.
  punkt: fc.option(fc.constantFrom(1, 2, 3, 4, 9), { nil: null }),
  publicerad: fc.boolean(),
  atkomst: fc.constantFrom<Atkomst>('somTjansten', 'somTjansten', 'oppnadAvMisstag', 'stangd'),
  sekretessbibliotek: fc.constantFrom(false, false, false, true)
});
const moteSpec: fc.Arbitrary<IMoteSpec> = fc.record({
  dag: fc.integer({ min: -120, max: 60 }),
  punkter: fc.array(fc.boolean(), { minLength: 0, maxLength: 4 }),
  dokument: fc.array(dokSpec, { maxLength: 7 }),
  // Open: as the tillkännagivande leaves a justerat protokoll, or a draft opened by mistake.
  protokoll: fc.option(fc.record({ status: fc.constantFrom(...JUSTERINGSSTATUS), oppen: fc.boolean() }), { nil: null })
});
const korpusSpec = fc.array(fc.array(moteSpec, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 });

let lopnummer = 0;
const markor = (): string => `MRK${String(++lopnummer).padStart(6, '0')}Z`;

describe('över slumpade mängder av handlingar', () => {
  it('kommer ingen handling som inte är publik med någonstans, och varje publik handling finns överallt där den ska', async () => {
    await fc.assert(fc.asyncProperty(korpusSpec, async (spec) => {
      for (const def of MOTESLISTOR) lista(def).objekt.clear();
      rmSync(ut, { recursive: true, force: true });
      const forbjudna: string[] = [];
      const publika: Array<{ markor: string; moteId: number; organ: string }> = [];
      for (const [oi, moten] of spec.entries()) {
        const organ = ['Kommunstyrelsen', 'Socialnämnden'][oi];
        const organId = seedaOrgan(organ, ['KS', 'SN'][oi]);
        for (const m of moten) {
          const moteId = seedaMote(organId, organ, plusDagar(IDAG, m.dag));
          const beslutade = new Set<number>();
          m.punkter.forEach((beslut, i) => {
            seedaPunkt(moteId, i + 1, `Ärende ${i + 1}`, beslut ? { text: 'Bifall.', dag: plusDagar(IDAG, -1) } : undefined);
            if (beslut) beslutade.add(i + 1);
          });
          for (const d of m.dokument) {
            const mk = markor();
            const id = seedaDokument({
              moteId, rubrik: `Handling ${mk}`, filnamn: `${mk}.txt`, innehall: text(`Innehåll ${mk}`), typ: d.typ, klass: d.klass,
              punkt: d.punkt ?? undefined, publicerad: d.publicerad, sekretessbibliotek: d.sekretessbibliotek, oppen: false
            });
            const regler = arPublik({ klassificering: d.klass, beslutFattat: d.punkt !== null && beslutade.has(d.punkt), publicerad: d.publicerad });
            const oppen = !d.sekretessbibliotek && (d.atkomst === 'oppnadAvMisstag' || (d.atkomst === 'somTjansten' && regler));
            if (oppen) await oppnaForPublik(HandlingarBibliotek, id);
            if (oppen && regler) publika.push({ markor: mk, moteId, organ });
            else forbjudna.push(mk);
          }
          if (m.protokoll) {
            const mk = markor();
            const id = seedaProtokoll(moteId, m.protokoll.status, `${mk}.txt`, text(`Protokoll ${mk}`), `Protokoll ${mk}`, false);
            if (m.protokoll.oppen) await oppnaForPublik(ProtokollBibliotek, id);
            if (m.protokoll.status === 'Justerat' && m.protokoll.oppen) publika.push({ markor: mk, moteId, organ });
            else forbjudna.push(mk);
          }
        }
      }
      await bygg();
      const filer = allaFiler(ut);
      for (const mk of forbjudna) {
        const traffar = filer.filter((f) => f.sokvag.includes(mk) || f.text.includes(mk)).map((f) => f.sokvag);
        expect({ mk, traffar }).toEqual({ mk, traffar: [] });
      }
      const data = las('data/oppna-data.json');
      for (const p of publika) {
        const fil = filer.find((f) => f.sokvag.startsWith(`filer/${p.moteId}/`) && f.sokvag.includes(p.markor));
        expect(fil?.text).toContain(p.markor);
        const sida = filer.find((f) => f.sokvag.startsWith('moten/') && f.sokvag.endsWith(`-${p.moteId}.html`))!;
        expect(sida.text).toContain(p.markor);
        expect(data).toContain(p.markor);
        expect(las(`rss/${p.organ === 'Kommunstyrelsen' ? 'ks' : 'sn'}.xml`)).toContain(p.markor);
      }
    }), { numRuns: 20 });
  });
});

// ---- a fixed meeting for the formats ---------------------------------------------------------

async function seedaFastMote(): Promise<{ ks: number; vinter: number; sommar: number; installt: number }> {
  const ks = seedaOrgan('Kommunstyrelsen', 'KS', 'Styrelse');
  const sn = seedaOrgan('Socialnämnden', 'SN');
  const vinter = seedaMote(ks, 'Kommunstyrelsen', '2026-11-20', 13);
  const sommar = seedaMote(ks, 'Kommunstyrelsen', '2026-06-15', 9, 'Genomfört');
  const installt = seedaMote(sn, 'Socialnämnden', '2026-12-10', 18, 'Inställt');
  seedaPunkt(vinter, 1, 'Budget 2027', { text: 'Kommunstyrelsen föreslår fullmäktige att anta budgeten.', dag: '2026-11-20' });
  seedaPunkt(vinter, 2, 'Motion om solceller');
  seedaDokument({ moteId: vinter, rubrik: 'Kallelse', filnamn: 'kallelse.txt', innehall: text('Kallelse till KS.'), typ: 'Kallelse', klass: 'Offentlig', publicerad: true });
  seedaDokument({ moteId: vinter, rubrik: 'Budgetförslag', filnamn: 'budget.txt', innehall: text('Budget.'), typ: 'Handling', klass: 'Arbetsmaterial', punkt: 1, publicerad: true });
  seedaDokument({ moteId: vinter, rubrik: '<script>alert("x")</script> Tjänsteskrivelse', filnamn: 'solceller.txt', innehall: text('Solceller.'), typ: 'Handling', klass: 'Offentlig', punkt: 2, publicerad: true });
  seedaProtokoll(sommar, 'Justerat', 'KS-2026-06-15-protokoll.txt', text('Protokoll KS.'));
  const anslag = lista(AnslagLista);
  const nytt = (rubrik: string, uppsatt: string, sista: string, nedtagning: string): void => {
    lager.skapaObjekt(anslag, {
      [AnslagFalt.Rubrik]: rubrik, [AnslagFalt.Typ]: 'Tillkännagivande av justerat protokoll', [AnslagFalt.Organ]: ks, [AnslagFalt.Sammantrade]: sommar,
      [AnslagFalt.SammantradesDatum]: tillSpDatum('2026-06-15'), [AnslagFalt.JusteringsDatum]: tillSpDatum('2026-11-24'),
      [AnslagFalt.Forvaringsplats]: 'Kommunkansliet, Kommunhuset', [AnslagFalt.Uppsatt]: tillSpDatum(uppsatt),
      [AnslagFalt.SistaDagOverklagande]: tillSpDatum(sista), [AnslagFalt.Nedtagning]: tillSpDatum(nedtagning)
    }, SEKRETERARE);
  };
  nytt('Justerat protokoll: Kommunstyrelsen 15 juni', '2026-11-25', '2026-12-16', '2026-12-17');
  nytt('Gammalt anslag som tagits ned', '2026-10-01', '2026-10-22', '2026-10-23');
  return { ks, vinter, sommar, installt };
}

describe('format', () => {
  it('ger en kalender som ical.js läser: ett sammanträde per händelse, svensk tid, stabila UID', async () => {
    const { vinter, sommar, installt } = await seedaFastMote();
    await bygg();
    const forsta = las('kalender/alla.ics');
    const kal = new ICAL.Component(ICAL.parse(forsta));
    const handelser = kal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(handelser).toHaveLength(3);
    const stockholm = (d: Date): string => d.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' });
    const med = (id: number): InstanceType<typeof ICAL.Event> => handelser.find((h) => h.uid.startsWith(`sammantrade-${id}@`))!;
    expect(stockholm(med(vinter).startDate.toJSDate())).toBe('2026-11-20 13:00:00');
    expect(stockholm(med(sommar).startDate.toJSDate())).toBe('2026-06-15 09:00:00');
    expect(med(sommar).location).toBe('Sessionssalen');
    expect(med(installt).component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(new ICAL.Component(ICAL.parse(las('kalender/ks.ics'))).getAllSubcomponents('vevent')).toHaveLength(2);
    // A rebuild names the same events the same, so calendars update rather than double them.
    await bygg({ nu: new Date('2026-11-28T10:00:00Z') });
    const uider = (ics: string): string[] => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid'))).sort();
    expect(uider(las('kalender/alla.ics'))).toEqual(uider(forsta));
  });

  it('ger ett RSS-flöde per organ som rss-parser läser, med handlingar, protokoll och anslag', async () => {
    await seedaFastMote();
    await bygg({ basUrl: 'https://www.kommun.se/moten/' });
    const flode = await new Parser().parseString(las('rss/ks.xml'));
    expect(flode.title).toBe('Kommunstyrelsen');
    const titlar = flode.items.map((i) => i.title);
    expect(titlar).toEqual(expect.arrayContaining([
      expect.stringContaining('Kallelse'), expect.stringContaining('Budgetförslag'), 'Justerat protokoll: Kommunstyrelsen 15 juni 2026',
      'Justerat protokoll: Kommunstyrelsen 15 juni'
    ]));
    expect(flode.items.every((i) => i.link?.startsWith('https://www.kommun.se/moten/'))).toBe(true);
    expect((await new Parser().parseString(las('rss/sn.xml'))).items).toHaveLength(0);
  });

  it('ger öppna data med den dokumenterade formen, beslut och adresser som finns', async () => {
    const { vinter } = await seedaFastMote();
    await bygg();
    const data = JSON.parse(las('data/oppna-data.json')) as { handlingar: Array<{ url: string; rubrik: string }>; arendepunkter: Array<{ sammantradeId: number; punkt: number; beslut: string | null }>; anslag: unknown[] };
    const ajv = new Ajv({ allErrors: true, strict: false });
    const giltig = ajv.validate(OPPNA_DATA_SCHEMA, data);
    expect(ajv.errors ?? []).toEqual([]);
    expect(giltig).toBe(true);
    expect(data.arendepunkter.find((p) => p.sammantradeId === vinter && p.punkt === 1)?.beslut).toBe('Kommunstyrelsen föreslår fullmäktige att anta budgeten.');
    expect(data.handlingar).toHaveLength(3);
    for (const h of data.handlingar) expect(existsSync(join(ut, h.url))).toBe(true);
    expect(data.anslag).toHaveLength(1);
  });

  it('visar en titel med en script-tagg som text, aldrig som kod', async () => {
    const { vinter } = await seedaFastMote();
    await bygg();
    const sida = allaFiler(ut).find((f) => f.sokvag.endsWith(`-${vinter}.html`))!;
    const html = readFileSync(join(ut, sida.sokvag), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tjänsteskrivelse');
    expect(html).not.toMatch(/<script/i);
    // In the feed the title is character data (CDATA), which a feed reader shows as the text it is.
    const titlar = (await new Parser().parseString(las('rss/ks.xml'))).items.map((i) => i.title);
    expect(titlar).toContain('Kommunstyrelsen 20 november 2026: <script>alert("x")</script> Tjänsteskrivelse');
    expect(las('rss/ks.xml').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toMatch(/<script/i);
  });

  it('visar beslutet per ärende och anslagstavlan med allt lagen kräver, men inte ett nedtaget anslag', async () => {
    const { vinter } = await seedaFastMote();
    await bygg();
    const sida = readFileSync(join(ut, allaFiler(ut).find((f) => f.sokvag.endsWith(`-${vinter}.html`))!.sokvag), 'utf8');
    expect(sida).toContain('Kommunstyrelsen föreslår fullmäktige att anta budgeten.');
    expect(sida).toContain('Inget beslut är registrerat ännu.');
    const tavla = las('anslagstavla.html');
    for (const t of ['Kommunstyrelsen', '15 juni 2026', '24 november 2026', 'Kommunkansliet, Kommunhuset', '25 november 2026', '16 december 2026']) {
      expect(tavla).toContain(t);
    }
    expect(tavla).toContain('Sista dag för överklagande');
    expect(tavla).not.toContain('Gammalt anslag');
    expect(las('index.html')).toContain('Sidan skapades fredag 27 november 2026 kl. 11.00.');
  });
});

describe('kungörelse på anslagstavlan', () => {
  it('visar tid, plats och ärenden (KL 5 kap. 53 §) på anslagstavlan, i flödet och i öppna data', async () => {
    await seedaFastMote();
    const kf = seedaOrgan('Kommunfullmäktige', 'KF', 'Fullmäktige');
    const mote = seedaMote(kf, 'Kommunfullmäktige', '2026-12-14', 18, 'Kallat', 'Fullmäktigesalen');
    lager.skapaObjekt(lista(AnslagLista), {
      [AnslagFalt.Rubrik]: `${KUNGORELSE}: Kommunfullmäktige 2026-12-14`, [AnslagFalt.Typ]: KUNGORELSE, [AnslagFalt.Organ]: kf, [AnslagFalt.Sammantrade]: mote,
      [AnslagFalt.SammantradesDatum]: tillSpDatum('2026-12-14'), [AnslagFalt.Tid]: motesstart('2026-12-14', 18), [AnslagFalt.Plats]: 'Fullmäktigesalen',
      [AnslagFalt.Arenden]: '1 – Budget 2027 (KS 2026/100)\n2 – Motion om solceller', [AnslagFalt.Uppsatt]: tillSpDatum('2026-12-01'),
      [AnslagFalt.Nedtagning]: tillSpDatum('2026-12-15')
    }, SEKRETERARE);
    await bygg({ nu: new Date('2026-12-02T10:00:00Z') });
    const tavla = las('anslagstavla.html');
    for (const t of ['måndag 14 december 2026 kl. 18.00', 'Fullmäktigesalen', 'Ärenden som ska behandlas', '<li>1 – Budget 2027 (KS 2026/100)</li>', '<li>2 – Motion om solceller</li>']) {
      expect(tavla).toContain(t);
    }
    const data = JSON.parse(las('data/oppna-data.json')) as { anslag: Array<{ typ: string; tid: string | null; plats: string | null; arenden: string[] | null }> };
    const ajv = new Ajv({ allErrors: true, strict: false });
    expect(ajv.validate(OPPNA_DATA_SCHEMA, data) ? [] : ajv.errors).toEqual([]);
    expect(data.anslag.find((a) => a.typ === KUNGORELSE)).toMatchObject({
      tid: '2026-12-14T17:00:00.000Z', plats: 'Fullmäktigesalen', arenden: ['1 – Budget 2027 (KS 2026/100)', '2 – Motion om solceller']
    });
    const flode = await new Parser().parseString(las('rss/kf.xml'));
    expect(flode.items.map((i) => i.contentSnippet ?? i.content ?? '')).toContain('Sammanträde måndag 14 december 2026 kl. 18.00, Fullmäktigesalen. 2 ärenden.');
  });
});

// ---- the personnummer guard ------------------------------------------------------------------

async function docx(stycken: string[], skapare?: string): Promise<Uint8Array> {
  const dok = new Document({ creator: skapare ?? 'Kommunkansliet', sections: [{ children: stycken.map((s) => new Paragraph(s)) }] });
  return new Uint8Array(await Packer.toBuffer(dok));
}

describe('personnummerspärren', () => {
  it('publicerar inte en .docx med ett personnummer i texten eller i egenskaperna, listar dem och bygger resten', async () => {
    const ks = seedaOrgan('Kommunstyrelsen', 'KS');
    const mote = seedaMote(ks, 'Kommunstyrelsen', '2026-11-20');
    const varningar: string[] = [];
    const idText = seedaDokument({ moteId: mote, rubrik: 'Yttrande', filnamn: 'yttrande.docx', innehall: await docx(['Sökande: Anna Andersson, 19811218-9876.']), typ: 'Kallelse', klass: 'Offentlig', publicerad: true });
    const idEgenskap = seedaDokument({ moteId: mote, rubrik: 'Signerat beslut', filnamn: 'signerat.docx', innehall: await docx(['Beslutet är signerat.'], 'Signerad av 198112189876'), typ: 'Kallelse', klass: 'Offentlig', publicerad: true });
    seedaDokument({ moteId: mote, rubrik: 'Tjänsteskrivelse', filnamn: 'ok.docx', innehall: await docx(['Dnr KS 2026/123, beslut 2026-11-20.']), typ: 'Kallelse', klass: 'Offentlig', publicerad: true });
    const resultat = await bygg({ varning: (r) => varningar.push(r) });
    expect(resultat.antal.handlingar).toBe(1);
    expect(resultat.vagrade.map((v) => [v.id, v.orsak])).toEqual(expect.arrayContaining([[idText, 'Personnummer'], [idEgenskap, 'Personnummer']]));
    const filer = allaFiler(ut);
    expect(filer.some((f) => f.sokvag.includes('ok.docx'))).toBe(true);
    expect(filer.some((f) => f.sokvag.includes('yttrande') || f.sokvag.includes('signerat'))).toBe(false);
    expect(filer.every((f) => !f.text.includes('811218'))).toBe(true);
    const rapport = JSON.parse(las('report.json')) as { vagrade: Array<{ id: number; orsak: string }> };
    expect(rapport.vagrade.map((v) => v.id).sort()).toEqual([idText, idEgenskap].sort());
    expect(varningar.join('\n')).toContain('yttrande.docx');
    expect(varningar.join('\n')).not.toContain('9876');
  });

  it('håller inne en text med personnummer, och en fil som inte går att granska', async () => {
    const ks = seedaOrgan('Kommunstyrelsen', 'KS');
    const mote = seedaMote(ks, 'Kommunstyrelsen', '2026-11-20');
    seedaPunkt(mote, 1, 'Bidrag till 811218-9876', { text: 'Beviljas.', dag: '2026-11-20' });
    const bild = seedaDokument({ moteId: mote, rubrik: 'Karta', filnamn: 'karta.png', innehall: new Uint8Array([137, 80, 78, 71]), typ: 'Kallelse', klass: 'Offentlig', publicerad: true });
    const resultat = await bygg();
    expect(resultat.vagrade).toEqual(expect.arrayContaining([
      expect.objectContaining({ typ: 'text', orsak: 'Personnummer' }), expect.objectContaining({ id: bild, orsak: 'KanInteGranskas' })
    ]));
    expect(allaFiler(ut).every((f) => !f.text.includes('811218-9876'))).toBe(true);
  });

  it('hittar ett personnummer som Word delat på flera textstycken', async () => {
    const dok = await docx(['Ingen uppgift här.']);
    const zip = await JSZip.loadAsync(dok);
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('Ingen uppgift här.', 'Person 198112</w:t></w:r><w:r><w:t>18-9876'));
    const delad = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    const { granskaFil } = await import('../../publik/granskning');
    expect(await granskaFil('delad.docx', delad)).toMatchObject({ ok: false, orsak: 'Personnummer' });
    expect(await granskaFil('ren.docx', dok)).toEqual({ ok: true });
  });
});

/** A one-page PDF; `forfattare` goes into the document information dictionary, as e-signature services put the signer. */
function pdf(rad: string, forfattare?: string): Uint8Array {
  const strom = `BT /F1 12 Tf 72 720 Td (${rad}) Tj ET`;
  const objekt = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${strom.length} >>\nstream\n${strom}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Producer (Signeringstjanst) /Author (${forfattare ?? 'Kommunkansliet'}) >>`
  ];
  let text = '%PDF-1.4\n';
  const platser: number[] = [];
  objekt.forEach((o, i) => {
    platser.push(text.length);
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objekt.length + 1}\n0000000000 65535 f \n${platser.map((p) => `${String(p).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objekt.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(text);
}

describe('personnummerspärren för PDF', () => {
  it('hittar ett personnummer i en signerad PDF:s metadata och i texten (i en egen Node-process: unpdf laddar pdf.js som ES-modul, vilket Jest inte kan)', () => {
    const mapp = mkdtempSync(join(tmpdir(), 'publik-pdf-'));
    try {
      const filer = {
        ren: pdf('Protokoll fran kommunstyrelsen, Dnr KS 2026/123.'),
        metadata: pdf('Protokoll fran kommunstyrelsen.', 'Signerad av 19811218-9876'),
        text: pdf('Undertecknat av 811218-9876.')
      };
      for (const [namn, data] of Object.entries(filer)) writeFileSync(join(mapp, `${namn}.pdf`), data);
      const skript = join(mapp, 'granska.ts');
      writeFileSync(skript, [
        `import { readFileSync } from 'fs';`,
        `import { granskaFil } from ${JSON.stringify(join(__dirname, '../../publik/granskning'))};`,
        `const namn = ${JSON.stringify(Object.keys(filer))};`,
        `Promise.all(namn.map((n: string) => granskaFil(n + '.pdf', new Uint8Array(readFileSync(${JSON.stringify(mapp)} + '/' + n + '.pdf')))))`,
        `  .then((r) => process.stdout.write(JSON.stringify(r)));`
      ].join('\n'));
      const svar = JSON.parse(execFileSync(join(__dirname, '../../node_modules/.bin/tsx'), [skript], { encoding: 'utf8', timeout: 60_000 })) as Array<{ ok: boolean; orsak?: string }>;
      expect(svar).toEqual([{ ok: true }, expect.objectContaining({ ok: false, orsak: 'Personnummer' }), expect.objectContaining({ ok: false, orsak: 'Personnummer' })]);
    } finally {
      rmSync(mapp, { recursive: true, force: true });
    }
  });
});

// ---- the walls -------------------------------------------------------------------------------

describe('bara som det publika kontot, och aldrig en halv webbplats', () => {
  it('bygger när inget ännu är publicerat: biblioteken finns då inte för kontot', async () => {
    const ks = seedaOrgan('Kommunstyrelsen', 'KS');
    const mote = seedaMote(ks, 'Kommunstyrelsen', '2026-12-03');
    seedaDokument({ moteId: mote, rubrik: 'Kallelse', filnamn: 'ej-publicerad.txt', innehall: text('Inte publik.'), typ: 'Kallelse', klass: 'Offentlig', publicerad: false });
    seedaProtokoll(mote, 'Utkast', 'utkast.txt', text('Utkast.'));
    const resultat = await bygg();
    expect([resultat.antal.sammantraden, resultat.antal.handlingar, resultat.antal.protokoll]).toEqual([1, 0, 0]);
    expect(allaFiler(ut).some((f) => f.text.includes('Inte publik') || f.sokvag.includes('ej-publicerad'))).toBe(false);
  });

  it('tar 403 lika väl som 404 från sekretessbiblioteket som att kontot inte ser det', async () => {
    await seedaFastMote();
    // SharePoint Online may answer Access denied instead of "does not exist".
    const nekad = (instance: Queryable): Queryable => {
      instance.on.pre(async function (url, init, result) {
        if (/Sekretess/i.test(decodeURIComponent(url))) {
          throw Object.assign(new Error('Access denied. You do not have permission to perform this action or access this resource.'), { isHttpRequestError: true, status: 403 });
        }
        return [url, init, result];
      });
      return instance;
    };
    const resultat = await bygg({ sp: publikSp(emulator).using(nekad) });
    expect(resultat.antal.handlingar).toBe(3);
  });

  it('vägrar bygga som en nämndsekreterare, som kan se mer än allmänheten', async () => {
    await seedaFastMote();
    await expect(bygg({ sp: spSom('namndsekreterare') })).rejects.toBeInstanceOf(PrivilegieratKontoFel);
    await expect(bygg({ sp: spSom('ledamot') })).rejects.toBeInstanceOf(PrivilegieratKontoFel);
    expect(existsSync(ut)).toBe(false);
  });

  it('lämnar den förra webbplatsen orörd när ett bygge misslyckas, och byter den hel när det lyckas', async () => {
    await seedaFastMote();
    await bygg();
    const fore = las('index.html');
    emulator.satStrypning({ andel: 1, statusar: [503], retryAfter: 0 });
    try {
      await expect(bygg({ nu: new Date('2026-11-28T10:00:00Z') })).rejects.toMatchObject({ orsak: 'strypt' });
    } finally {
      emulator.satStrypning(undefined);
    }
    expect(las('index.html')).toBe(fore);
    expect(readdirSync(rot).filter((n) => n.includes('.bygg-') || n.includes('.gammal-'))).toEqual([]);
    await bygg({ nu: new Date('2026-11-28T10:00:00Z') });
    expect(las('index.html')).toContain('28 november 2026');
  });

  it('ersätter aldrig en katalog som inte är en publik webbplats', async () => {
    await seedaFastMote();
    writeFileSync(join(rot, 'viktig.txt'), 'behåll');
    await expect(bygg({ ut: rot })).rejects.toThrow(/innehåller annat/);
    expect(readFileSync(join(rot, 'viktig.txt'), 'utf8')).toBe('behåll');
    rmSync(join(rot, 'viktig.txt'));
  });
});
