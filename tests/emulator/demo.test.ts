import { IDemo, skapaDemo } from '../../emulator/demo';
import { DEMO_ANVANDARE, DEMO_INNEHAV, forstaMedRoll, PUBLIK_LASARE } from '../../emulator/demo/anvandare';
import { DEMO_PLATTA } from '../../emulator/demo/surfplattor';
import { PDFDocument } from 'pdf-lib';
import { Incidenttyp, lasChecklista, stegKvar, valideraRapport } from '../../src/domain/incident';
import { ENHETSHANDELSER, Enhetsstatus, nastaStatus, paminnasVidMandatslut, skaAnonymiseras } from '../../src/domain/surfplatta';
import { HandelseFalt, HandelserLista, KvittenserLista, KvittensFalt, LanFalt, LanLista, RiktlinjeFalt, RiktlinjerBibliotek, SurfplattaFalt,
  SurfplattorLista } from '../../src/schema/surfplattor';
import { Emulator } from '../../emulator/core';
import { ILista, IObjekt } from '../../emulator/sharepoint/lager';
import { arAktuellt, KUNGORELSE, kungorelselage, tillkannagivande } from '../../src/domain/anslag';
import { arendeRad, lasArenden } from '../../src/data/moten/AnslagTjanst';
import { IsoDate } from '../../src/domain/dates';
import { bedomJustering, IJusteringsrad, lasJusteringslogg } from '../../src/domain/justering';
import { arPublik, Klassificering } from '../../src/domain/publicering';
import { franSpDatum } from '../../src/data/spDatum';
import { GRUPPNAMN } from '../../src/schema/behorigheter';
import { AnslagFalt, AnslagLista, ArendepunktFalt, DagordningLista, HandlingarBibliotek, HandlingFalt, JusteringarLista, JusteringFalt, OrganFalt,
  OrganLista, ProtokollBibliotek, ProtokollFalt, SammantradeFalt, SammantradenLista, SekretessBibliotek } from '../../src/schema/moten';
import { UPPDRAG_STATUS_VAL, UppdragFalt } from '../../src/schema/uppdrag';

const IDAG = '2026-11-27';
const LEDAMOT = forstaMedRoll('ledamot')!;
// Each demo is a provisioned site with a year of meetings and their .docx protokoll: seconds on a shared machine.
jest.setTimeout(60_000);

/** The demo of IDAG, built once for the tests that only read it. */
let demo: IDemo;
beforeAll(async () => {
  demo = await skapaDemo({}, IDAG);
});

describe('demodata', () => {
  it('fyller den provisionerade webbplatsen med det issue och seeds kräver, likadant varje gång', async () => {
    const a = demo;
    const b = await skapaDemo({}, IDAG);
    expect(a.data).toEqual(b.data);
    expect(a.data.uppdrag).toBeGreaterThanOrEqual(25);
    expect(a.data.surfplattor).toBeGreaterThanOrEqual(40);
    expect(a.data.sammantraden).toBeGreaterThanOrEqual(4 * 10);
    expect(a.data.arendepunkter).toBeGreaterThan(a.data.sammantraden);
    expect(a.data.protokoll).toBeGreaterThan(0);
    expect(a.data.anslag).toBeGreaterThan(0);
    const uppdrag = a.lager.listaMedTitel('Uppdrag')!;
    const statusar = new Set(Array.from(uppdrag.objekt.values()).map((o) => o.varden[UppdragFalt.Status]));
    expect([...statusar].sort()).toEqual(Object.values(UPPDRAG_STATUS_VAL).sort());
    // Slipped planned dates are in the history.
    expect(Array.from(uppdrag.objekt.values()).some((o) => o.versioner.some((v) => v.varden[UppdragFalt.PlaneratKlart] !== o.varden[UppdragFalt.PlaneratKlart]))).toBe(true);
    const klasser = new Set(Array.from(lista(a, HandlingarBibliotek).objekt.values()).map((o) => o.varden[HandlingFalt.Klassificering]));
    expect(klasser).toEqual(new Set(['Offentlig', 'Arbetsmaterial']));
    expect(lista(a, SekretessBibliotek).objekt.size).toBeGreaterThan(0);
    // Every list, item, file name and item permission is the same; only SharePoint's GUIDs differ (file contents: import.test.ts).
    const innehall = (d: IDemo): unknown[] => d.lager.listor.map((l) => [l.Title, Array.from(l.objekt.values()).map((o) => ({
      id: o.Id, varden: o.varden, versioner: o.versioner, skapad: o.skapad, andrad: o.andrad, av: o.andradAv,
      fil: o.fil?.namn, unika: o.unika && Array.from(o.unika)
    }))]);
    expect(innehall(a)).toEqual(innehall(b));
    // Nothing is saved in the future: "senast ändrad" and "ändrat sedan" rely on it.
    for (const l of a.lager.listor) {
      for (const o of l.objekt.values()) expect(o.andrad < '2026-11-28').toBe(true);
    }
  });
});

describe('sammanträdena i demon', () => {
  // A Friday in late autumn, Christmas week and midsummer week: the shape holds whatever today is.
  it.each([IDAG, '2026-12-22', '2027-06-21'])('har dagordning, beslut, protokoll och anslag som hänger ihop (idag %s)', async (idag) => {
    const demo = idag === IDAG ? demoIdag() : await skapaDemo({}, idag);
    const moten = Array.from(lista(demo, SammantradenLista).objekt.values());
    const motesdag = (id: unknown): IsoDate => franSpDatum(moten.find((m) => m.Id === id)!.varden[SammantradeFalt.Datum])!;
    const punkter = Array.from(lista(demo, DagordningLista).objekt.values());
    const protokoll = Array.from(lista(demo, ProtokollBibliotek).objekt.values());
    const anslag = Array.from(lista(demo, AnslagLista).objekt.values());

    // Decisions only on held meetings, and there except while the protokoll is a draft.
    for (const p of punkter) {
      const m = p.varden[ArendepunktFalt.Sammantrade];
      const utkast = protokoll.some((x) => x.varden[ProtokollFalt.Sammantrade] === m && x.varden[ProtokollFalt.Status] === 'Utkast');
      const beslutsdatum = franSpDatum(p.varden[ArendepunktFalt.Beslutsdatum]);
      if (motesdag(m) >= idag || utkast) expect(beslutsdatum).toBeUndefined();
      else expect([beslutsdatum, Boolean(p.varden[ArendepunktFalt.Beslut])]).toEqual([motesdag(m), true]);
      expect(p.varden[ArendepunktFalt.Diarienummer]).toMatch(/^(KS|BUN|SN|SBN) \d{4}\/\d{3}$/);
    }
    // Each Handling and Bilaga sits under an agenda item of its own meeting.
    for (const def of [HandlingarBibliotek, SekretessBibliotek]) {
      for (const h of lista(demo, def).objekt.values()) {
        const punkt = h.varden[HandlingFalt.Arendepunkt];
        const harPunkt = punkter.some((p) => p.varden[ArendepunktFalt.Sammantrade] === h.varden[HandlingFalt.Sammantrade] && p.varden[ArendepunktFalt.Punkt] === punkt);
        expect([h.fil!.namn, harPunkt || ['Kallelse', 'Föredragningslista'].includes(String(h.varden[HandlingFalt.Dokumenttyp]))]).toEqual([h.fil!.namn, true]);
      }
    }

    // Per organ: the newest held meeting is being justerat (one still a draft), the older ones are justerade.
    const status = (s: string): IObjekt[] => protokoll.filter((p) => p.varden[ProtokollFalt.Status] === s);
    expect(status('Under justering').length).toBeGreaterThanOrEqual(3);
    expect(status('Utkast').length).toBeGreaterThanOrEqual(1);
    for (const p of status('Utkast')) expect(lasJusteringslogg(p.varden[ProtokollFalt.Justeringslogg]).godkannanden).toEqual([]);
    // Under justering: the approvals are rows in Justeringar, authored by the approvers themselves.
    const rader = Array.from(lista(demo, JusteringarLista).objekt.values());
    const raderFor = (p: IObjekt): IJusteringsrad[] => rader.filter((r) => r.varden[JusteringFalt.Protokoll] === p.Id).map((r) => ({
      id: r.Id, forfattare: { id: r.skapadAv, namn: '', epost: '' }, skapad: r.skapad, metod: String(r.varden[JusteringFalt.Metod])
    }));
    const namngivna = (p: IObjekt): { ordforande: { id: number; namn: string; epost: string }; justerare: Array<{ id: number; namn: string; epost: string }> } => ({
      ordforande: { id: p.varden[ProtokollFalt.Ordforande] as number, namn: '', epost: '' },
      justerare: (p.varden[ProtokollFalt.Justerare] as number[]).map((id) => ({ id, namn: '', epost: '' }))
    });
    const sivVantar = status('Under justering').filter((p) => {
      expect(lasJusteringslogg(p.varden[ProtokollFalt.Justeringslogg]).godkannanden).toEqual([]);
      const utfall = bedomJustering(namngivna(p), raderFor(p));
      expect([utfall.obehoriga, utfall.dubbletter, utfall.komplett]).toEqual([[], [], false]);
      expect(utfall.godkannanden.map((g) => g.roll)).toContain('Ordförande');
      return utfall.vantarPa.map((x) => x.id).includes(LEDAMOT.id) && utfall.vantarPa.length === 1;
    });
    // Kommunstyrelsen's protokoll waits only for the workbench's ledamot.
    expect(sivVantar.length).toBeGreaterThanOrEqual(1);
    for (const p of status('Utkast')) expect(raderFor(p)).toEqual([]);

    // Justerade: everyone approved, tillkännagivet the day their anslag went up, with the law's dates.
    for (const p of status('Justerat')) {
      const { godkannanden } = lasJusteringslogg(p.varden[ProtokollFalt.Justeringslogg]);
      const alla = [p.varden[ProtokollFalt.Ordforande], ...(p.varden[ProtokollFalt.Justerare] as number[])];
      expect(godkannanden.map((g) => g.personId).sort()).toEqual(alla.sort());
      const justerat = franSpDatum(p.varden[ProtokollFalt.JusteratDatum])!;
      // Justerat den is the day of the last approval row, as the completion computes it.
      expect(bedomJustering(namngivna(p), raderFor(p))).toMatchObject({ komplett: true, justeratDatum: justerat });
      expect(godkannanden.map((g) => g.tid.slice(0, 10)).sort().pop()! <= justerat).toBe(true);
      const a = anslag.find((x) => x.varden[AnslagFalt.Protokoll] === p.Id && x.varden[AnslagFalt.Typ] === 'Tillkännagivande av justerat protokoll')!;
      expect(a.varden[AnslagFalt.Sammantrade]).toBe(p.varden[ProtokollFalt.Sammantrade]);
      const uppsatt = franSpDatum(a.varden[AnslagFalt.Uppsatt])!;
      expect(franSpDatum(p.varden[ProtokollFalt.Tillkannagivet])).toBe(uppsatt);
      const t = tillkannagivande({ organ: '', sammantradesdatum: motesdag(p.varden[ProtokollFalt.Sammantrade]), justeringsdatum: justerat, forvaringsplats: '', uppsatt });
      expect([franSpDatum(a.varden[AnslagFalt.SistaDagOverklagande]), franSpDatum(a.varden[AnslagFalt.Nedtagning])]).toEqual([t.sistaDagForOverklagande, t.nedtagning]);
    }
    const aktuella = anslag.filter((a) => arAktuellt({ uppsatt: franSpDatum(a.varden[AnslagFalt.Uppsatt])!, nedtagning: franSpDatum(a.varden[AnslagFalt.Nedtagning]) }, idag));
    expect(aktuella.filter((a) => a.varden[AnslagFalt.Typ] === 'Tillkännagivande av justerat protokoll').length).toBeGreaterThanOrEqual(1);
    expect(anslag.length - aktuella.length).toBeGreaterThan(0);

    // Fullmäktige: one coming meeting kungjord in time, one whose kungörelse is missing in the last week.
    const kf = Array.from(lista(demo, OrganLista).objekt.values()).find((o) => o.varden[OrganFalt.Forkortning] === 'KF')!;
    const kommandeKf = moten.filter((m) => m.varden[SammantradeFalt.Organ] === kf.Id && motesdag(m.Id) >= idag)
      .map((m) => kungorelselage(motesdag(m.Id), franSpDatum(m.varden[SammantradeFalt.KallelseAnslagen]), idag));
    expect(kommandeKf).toContain('IRattTid');
    expect(kommandeKf.some((l) => l === 'EjAnslagenForSent' || l === 'Sent')).toBe(true);
  });
});

describe('kungörelserna i demon', () => {
  it('anger sammanträdets tid, plats och ärenden som de stod när kungörelsen sattes upp (KL 5 kap. 53 §)', () => {
    const moten = new Map(Array.from(lista(demo, SammantradenLista).objekt.values()).map((m) => [m.Id, m]));
    const punkter = Array.from(lista(demo, DagordningLista).objekt.values());
    const kungorelser = Array.from(lista(demo, AnslagLista).objekt.values()).filter((a) => a.varden[AnslagFalt.Typ] === KUNGORELSE);
    expect(kungorelser.length).toBeGreaterThan(0);
    let medArenden = 0;
    for (const a of kungorelser) {
      const m = moten.get(a.varden[AnslagFalt.Sammantrade] as number)!;
      expect([a.Id, a.varden[AnslagFalt.Tid], a.varden[AnslagFalt.Plats]]).toEqual([a.Id, m.varden[SammantradeFalt.Datum], m.varden[SammantradeFalt.Plats]]);
      const agenda = punkter.filter((p) => p.varden[ArendepunktFalt.Sammantrade] === m.Id)
        .sort((x, y) => Number(x.varden[ArendepunktFalt.Punkt]) - Number(y.varden[ArendepunktFalt.Punkt]))
        .map((p) => arendeRad({ punkt: Number(p.varden[ArendepunktFalt.Punkt]), rubrik: String(p.varden[ArendepunktFalt.Rubrik]),
          diarienummer: p.varden[ArendepunktFalt.Diarienummer] as string | undefined }));
      expect([a.Id, lasArenden(a.varden[AnslagFalt.Arenden]) ?? []]).toEqual([a.Id, agenda]);
      if (agenda.length > 0) medArenden++;
    }
    expect(medArenden).toBeGreaterThan(0);
  });
});

describe('vad kontot för den publika webbplatsen kan läsa', () => {
  let hallna: Set<number>;
  let beslutade: Set<string>;
  beforeAll(() => {
    hallna = new Set(Array.from(lista(demo, SammantradenLista).objekt.values()).filter((m) => franSpDatum(m.varden[SammantradeFalt.Datum])! < IDAG).map((m) => m.Id));
    beslutade = new Set(Array.from(lista(demo, DagordningLista).objekt.values())
      .filter((p) => p.varden[ArendepunktFalt.Beslutsdatum]).map((p) => `${p.varden[ArendepunktFalt.Sammantrade]}:${p.varden[ArendepunktFalt.Punkt]}`));
  });
  afterEach(() => demo.emulator.forvantaIngaOkanda());

  const hamta = (sokvag: string, vem: { email: string }): Promise<Response> =>
    demo.emulator.fetch(`${demo.emulator.konfig.webbplats}/_api/${sokvag}`, { headers: { Accept: 'application/json', Authorization: Emulator.token(vem.email) } });
  /** The item and its file, as the public-site builder would fetch them. */
  const kanLasa = async (l: ILista, o: IObjekt, vem: { email: string }): Promise<[number, number]> => [
    (await hamta(`web/lists/getbytitle('${l.Title}')/items(${o.Id})`, vem)).status,
    (await hamta(`web/getFileByServerRelativePath(decodedUrl='${l.url}/${o.fil!.namn}')/$value`, vem)).status
  ];

  it('är ett eget konto i gruppen för publik läsning, och arbetsbänkens allmänhet är fortfarande utloggad', () => {
    expect(PUBLIK_LASARE).toMatchObject({ roll: 'allmanhet', email: 'publicering@kommun.se' });
    expect(DEMO_ANVANDARE.filter((a) => a.roll === 'allmanhet')).toEqual([PUBLIK_LASARE]);
    expect(forstaMedRoll('allmanhet')).toBeUndefined();
    expect(demo.lager.gruppMedNamn(GRUPPNAMN.allmanhet)).toBeDefined();
  });

  it('ser mötets listor men inga andra', async () => {
    const svar = await hamta('web/lists?$select=Title', PUBLIK_LASARE);
    const titlar = ((await svar.json()).value as Array<{ Title: string }>).map((l) => l.Title).sort();
    expect(titlar).toEqual([AnslagLista, DagordningLista, HandlingarBibliotek, OrganLista, ProtokollBibliotek, SammantradenLista].map((l) => l.title).sort());
    expect((await hamta(`web/lists/getbytitle('Uppdrag')/items`, PUBLIK_LASARE)).status).toBe(404);
  });

  it('läser publicerade handlingar men inga opublicerade, och ledamoten läser alla', async () => {
    const handlingar = lista(demo, HandlingarBibliotek);
    let publika = 0;
    let dolda = 0;
    for (const o of handlingar.objekt.values()) {
      const publik = arPublik({
        klassificering: o.varden[HandlingFalt.Klassificering] as Klassificering,
        beslutFattat: beslutade.has(`${o.varden[HandlingFalt.Sammantrade]}:${o.varden[HandlingFalt.Arendepunkt]}`),
        publicerad: o.varden[HandlingFalt.Publicerad] === true
      });
      const status = publik ? 200 : 404;
      expect([o.fil!.namn, await kanLasa(handlingar, o, PUBLIK_LASARE)]).toEqual([o.fil!.namn, [status, status]]);
      if (publik) publika++;
      else {
        dolda++;
        expect([o.fil!.namn, await kanLasa(handlingar, o, LEDAMOT)]).toEqual([o.fil!.namn, [200, 200]]);
      }
    }
    expect(publika).toBeGreaterThan(100);
    // Held back: upcoming meetings not yet published, Arbetsmaterial waiting for its decision, late complements.
    expect(dolda).toBeGreaterThan(10);
    const arbetsmaterialUtanBeslut = Array.from(handlingar.objekt.values()).filter((o) => o.varden[HandlingFalt.Klassificering] === 'Arbetsmaterial' &&
      !beslutade.has(`${o.varden[HandlingFalt.Sammantrade]}:${o.varden[HandlingFalt.Arendepunkt]}`));
    expect(arbetsmaterialUtanBeslut.length).toBeGreaterThan(0);
    expect(arbetsmaterialUtanBeslut.some((o) => hallna.has(o.varden[HandlingFalt.Sammantrade] as number))).toBe(true);
  });

  it('har handlingarna behörigheterna som publiceringen lämnar: publicerade egna med läsrätt för allmänheten, opublicerade ärvda', () => {
    const handlingar = lista(demo, HandlingarBibliotek);
    const publikGrupp = demo.lager.gruppMedNamn(GRUPPNAMN.allmanhet)!.Id;
    const las = demo.lager.rolldefinitionId('Läsa');
    // Fail closed: the library itself gives the public group nothing.
    expect(handlingar.unika?.get(publikGrupp)).toBeUndefined();
    for (const o of handlingar.objekt.values()) {
      if (o.varden[HandlingFalt.Publicerad] === true) {
        // A copy of the library's assignments plus Read for the public group (PublikBehorighet.oppnaForPublik).
        const forvantat = new Map(handlingar.unika!);
        forvantat.set(publikGrupp, [las]);
        expect([o.fil!.namn, o.unika && new Map(o.unika)]).toEqual([o.fil!.namn, forvantat]);
      } else {
        expect([o.fil!.namn, o.unika]).toEqual([o.fil!.namn, undefined]);
      }
    }
    // Sekretess: never opened, whatever happens in Handlingar.
    for (const o of lista(demo, SekretessBibliotek).objekt.values()) expect(o.unika).toBeUndefined();
  });

  it('läser justerade protokoll men inte utkast eller protokoll under justering', async () => {
    const protokoll = lista(demo, ProtokollBibliotek);
    const statusar = new Set<string>();
    for (const o of protokoll.objekt.values()) {
      const status = String(o.varden[ProtokollFalt.Status]);
      statusar.add(status);
      const svar = status === 'Justerat' ? 200 : 404;
      expect([o.fil!.namn, await kanLasa(protokoll, o, PUBLIK_LASARE)]).toEqual([o.fil!.namn, [svar, svar]]);
      if (status !== 'Justerat') expect([o.fil!.namn, await kanLasa(protokoll, o, LEDAMOT)]).toEqual([o.fil!.namn, [200, 200]]);
    }
    expect([...statusar].sort()).toEqual(['Justerat', 'Under justering', 'Utkast']);
  });

  it('ger ingen ledamot rätt att ändra ett protokoll under justering; godkännandena är deras egna rader i Justeringar', () => {
    const protokoll = lista(demo, ProtokollBibliotek);
    const justeringar = lista(demo, JusteringarLista);
    const under = Array.from(protokoll.objekt.values()).filter((o) => o.varden[ProtokollFalt.Status] === 'Under justering');
    expect(under.length).toBeGreaterThan(0);
    for (const o of under) {
      expect(o.unika).toBeUndefined();
      for (const a of DEMO_ANVANDARE.filter((x) => x.roll === 'ledamot')) {
        expect([a.id, demo.lager.objektNiva(protokoll, o, a)]).toEqual([a.id, 'Läsa']);
      }
      expect(demo.lager.objektNiva(protokoll, o, PUBLIK_LASARE)).toBe('Ingen');
      expect(demo.lager.objektNiva(protokoll, o, forstaMedRoll('namndsekreterare'))).toBe('Fullständig behörighet');
    }
    expect([justeringar.ReadSecurity, justeringar.WriteSecurity]).toEqual([1, 2]);
    expect(demo.lager.serLista(justeringar, PUBLIK_LASARE)).toBe(false);
    for (const r of justeringar.objekt.values()) {
      const ordforande = protokoll.objekt.get(r.varden[JusteringFalt.Protokoll] as number)!.varden[ProtokollFalt.Ordforande] as number;
      // A row is changed by its author alone; the ordförande of the same protokoll may not touch a justerare's.
      expect(demo.lager.farSkrivaObjekt(justeringar, r, demo.lager.anvandareMedId(r.skapadAv))).toBe(true);
      if (ordforande !== r.skapadAv) expect(demo.lager.farSkrivaObjekt(justeringar, r, demo.lager.anvandareMedId(ordforande))).toBe(false);
    }
  });

  it('läser aldrig en sekretesshandling', async () => {
    const sekretess = lista(demo, SekretessBibliotek);
    expect((await hamta(`web/lists/getbytitle('${sekretess.Title}')`, PUBLIK_LASARE)).status).toBe(404);
    for (const o of sekretess.objekt.values()) {
      expect([o.fil!.namn, (await hamta(`web/getFileByServerRelativePath(decodedUrl='${sekretess.url}/${o.fil!.namn}')/$value`, PUBLIK_LASARE)).status]).toEqual([o.fil!.namn, 404]);
      expect((await hamta(`web/getFileByServerRelativePath(decodedUrl='${sekretess.url}/${o.fil!.namn}')/$value`, LEDAMOT)).status).toBe(200);
    }
  });
});

describe('surfplattorna i registret och i Intune', () => {
  const rader = (def: { title: string }): IObjekt[] => Array.from(lista(demo, def).objekt.values());
  const lanStatus = (l: IObjekt): string => String(l.varden[LanFalt.Status]);
  const som = (a: { email: string }) => (sokvag: string): Promise<Response> =>
    demo.emulator.fetch(`${demo.emulator.konfig.webbplats}/_api/${sokvag}`, { headers: { Accept: 'application/json', Authorization: Emulator.token(a.email) } });
  afterEach(() => demo.emulator.forvantaIngaOkanda());

  it('är samma enheter, och Intune har enheten registrerad på den som har den utlånad', async () => {
    const { emulator } = demo;
    const plattor = rader(SurfplattorLista);
    const lan = rader(LanLista);
    const svar = await emulator.fetch(`${new URL(emulator.konfig.webbplats).origin}/v1.0/deviceManagement/managedDevices?$top=100`, {
      headers: { Authorization: 'Bearer emu-tove.sjolund%40kommun.se' }
    });
    const enheter = (await svar.json()).value as Array<{ id: string; serialNumber: string; userId: string }>;
    expect(plattor).toHaveLength(44);
    for (const platta of plattor) {
      const enhet = enheter.find((e) => e.id === platta.varden[SurfplattaFalt.IntuneId]);
      expect(enhet?.serialNumber).toBe(platta.varden[SurfplattaFalt.Serienummer]);
      const aktivt = lan.find((l) => l.varden[LanFalt.Surfplatta] === platta.Id && lanStatus(l) === 'Utlånad');
      const lantagare = emulator.anvandare.find((a) => a.id === aktivt?.varden[LanFalt.Lantagare]);
      expect([platta.varden[SurfplattaFalt.Stoldmarkning], enhet?.userId ?? '']).toEqual([platta.varden[SurfplattaFalt.Stoldmarkning], lantagare?.aadId ?? '']);
    }
  });

  it('har enheter i statusar som tillståndsmaskinen når, i samklang med lånen och händelserna', () => {
    const lan = rader(LanLista);
    const plattor = rader(SurfplattorLista);
    for (const platta of plattor) {
      // Replaying the recorded statuses through the state machine: every step was allowed.
      const historia = [...platta.versioner.map((v) => v.varden), platta.varden].map((v) => v[SurfplattaFalt.Status] as Enhetsstatus);
      expect(historia[0]).toBe('I lager');
      for (let i = 1; i < historia.length; i++) {
        const mojliga = ENHETSHANDELSER.filter((h) => [true, false].some((aktivt) => {
          const n = nastaStatus(historia[i - 1], h, aktivt);
          return n.ok && n.status === historia[i];
        }));
        expect([platta.varden[SurfplattaFalt.Stoldmarkning], historia[i - 1], historia[i], mojliga.length > 0])
          .toEqual([platta.varden[SurfplattaFalt.Stoldmarkning], historia[i - 1], historia[i], true]);
      }
      const aktiva = lan.filter((l) => l.varden[LanFalt.Surfplatta] === platta.Id && lanStatus(l) === 'Utlånad');
      expect(aktiva.length).toBeLessThanOrEqual(1);
      const status = platta.varden[SurfplattaFalt.Status] as Enhetsstatus;
      // Utlånad exactly when a loan is handed out; a handed-out device may also be on service or stolen.
      if (status === 'Utlånad') expect(aktiva).toHaveLength(1);
      if (['I lager', 'Återlämnad', 'Kasserad'].includes(status)) expect(aktiva).toEqual([]);
    }
    const statusar = new Set(plattor.map((p) => p.varden[SurfplattaFalt.Status]));
    expect([...statusar].sort()).toEqual(['I lager', 'Kasserad', 'Förlorad', 'Stulen', 'Utlånad', 'Återlämnad', 'På service'].sort());
    const handelser = rader(HandelserLista);
    const oppna = (typ: string): IObjekt[] => handelser.filter((h) => h.varden[HandelseFalt.Typ] === typ && h.varden[HandelseFalt.Status] === 'Öppen');
    expect(oppna('Stöld').map((h) => plattor.find((p) => p.Id === h.varden[HandelseFalt.Surfplatta])!.varden[SurfplattaFalt.Status])).toEqual(['Stulen']);
    expect(oppna('Skada').map((h) => plattor.find((p) => p.Id === h.varden[HandelseFalt.Surfplatta])!.varden[SurfplattaFalt.Status])).toEqual(['På service']);
  });

  it('har händelser rapporterade av sina låntagare, med checklistan i domänens format', () => {
    const lan = rader(LanLista);
    const handelser = rader(HandelserLista);
    for (const h of handelser) {
      const lanet = lan.find((l) => l.Id === h.varden[HandelseFalt.Lan])!;
      expect([h.Id, h.skapadAv, h.varden[HandelseFalt.Surfplatta]]).toEqual([h.Id, lanet.varden[LanFalt.Lantagare], lanet.varden[LanFalt.Surfplatta]]);
      const typ = h.varden[HandelseFalt.Typ] as Incidenttyp;
      expect(valideraRapport({ typ, beskrivning: String(h.varden[HandelseFalt.Beskrivning]), polisanmalan: h.varden[HandelseFalt.Polisanmalan] as string | undefined })).toEqual({});
      const { gjorda, olasbara } = lasChecklista(h.varden[HandelseFalt.Checklista]);
      expect(olasbara).toBe(0);
      const stangd = h.varden[HandelseFalt.Status] === 'Stängd';
      expect([h.Id, stangd, stegKvar(typ, gjorda).length === 0]).toEqual([h.Id, stangd, stangd || stegKvar(typ, gjorda).length === 0]);
      if (stangd) expect(stegKvar(typ, gjorda)).toEqual([]);
    }
    const stold = handelser.find((h) => h.varden[HandelseFalt.Typ] === 'Stöld' && h.varden[HandelseFalt.Status] === 'Öppen')!;
    const { gjorda } = lasChecklista(stold.varden[HandelseFalt.Checklista]);
    expect(gjorda.length).toBeGreaterThan(0);
    expect(stegKvar('Stöld', gjorda).length).toBeGreaterThan(0);
    expect(gjorda.find((g) => g.steg === 'Radera')).toMatchObject({ utforande: 'Graph', epost: 'tove.sjolund@kommun.se' });
    expect(handelser.some((h) => h.varden[HandelseFalt.Typ] === 'Förlust' && h.varden[HandelseFalt.Status] === 'Stängd')).toBe(true);
    expect(handelser.some((h) => h.varden[HandelseFalt.Typ] === 'Skada' && h.varden[HandelseFalt.Status] === 'Öppen')).toBe(true);
  });

  it('har för varje utlånat lån låntagarens egen kvittens med PDF, och lånet pekar på den', async () => {
    const kvittenser = rader(KvittenserLista);
    const utlanade = rader(LanLista).filter((l) => lanStatus(l) === 'Utlånad');
    expect(utlanade.length).toBeGreaterThanOrEqual(30);
    for (const l of utlanade) {
      const egen = kvittenser.filter((k) => k.varden[KvittensFalt.Lan] === l.Id && k.varden[KvittensFalt.Typ] === 'Utlämning' && k.skapadAv === l.varden[LanFalt.Lantagare]);
      expect([l.Id, egen.length]).toEqual([l.Id, 1]);
      const [k] = egen;
      expect([l.Id, l.varden[LanFalt.KvitteradTid], l.varden[LanFalt.KvitteradAv], l.varden[LanFalt.RiktlinjeVersion]])
        .toEqual([l.Id, k.skapad, demo.lager.anvandareMedId(k.skapadAv)!.title, k.varden[KvittensFalt.RiktlinjeVersion]]);
      expect(l.varden[LanFalt.KvittensUrl]).toBe(`${lista(demo, KvittenserLista).url}/Attachments/${k.Id}/${k.bilagor![0].namn}`);
    }
    // The receipt is a PDF with the guideline's version, the device and the borrower.
    const l = utlanade[0];
    const pdf = await PDFDocument.load(lista(demo, KvittenserLista).objekt.get(kvittenser.find((k) => k.varden[KvittensFalt.Lan] === l.Id)!.Id)!.bilagor![0].innehall);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
    // A pending loan for the workbench ledamot: no receipt yet, the guideline in force.
    const vantar = rader(LanLista).filter((x) => lanStatus(x) === 'Väntar på kvittens');
    expect(vantar.map((x) => x.varden[LanFalt.Lantagare])).toEqual([LEDAMOT.id]);
    expect(vantar[0].varden[LanFalt.RiktlinjeVersion]).toBe('2.0');
    expect(kvittenser.filter((k) => k.varden[KvittensFalt.Lan] === vantar[0].Id)).toEqual([]);
  });

  it('har riktlinjen i kraft som .docx (2.0) och en äldre version', async () => {
    const filer = rader(RiktlinjerBibliotek);
    expect(filer.map((f) => [f.varden[RiktlinjeFalt.Version], franSpDatum(f.varden[RiktlinjeFalt.GallerFran])! < IDAG, f.fil!.namn.endsWith('.docx')]))
      .toEqual([['1.0', true, true], ['2.0', true, true]]);
    const svar = await som(LEDAMOT)(`web/getFileByServerRelativePath(decodedUrl='${lista(demo, RiktlinjerBibliotek).url}/${filer[1].fil!.namn}')/$value`);
    const bytes = new Uint8Array(await svar.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect(new TextDecoder().decode(bytes)).toContain('Stöld anmäls till polisen');
  });

  it('har återlämnade lån, några äldre än två år (att anonymisera), med kvittens vid återlämning', () => {
    const kvittenser = rader(KvittenserLista);
    const lan = rader(LanLista).map((l) => ({
      l, status: lanStatus(l) as 'Återlämnad', aterlamnad: franSpDatum(l.varden[LanFalt.Aterlamnad]), anonymiserad: l.varden[LanFalt.Anonymiserad] === true
    }));
    const aterlamnade = lan.filter((x) => x.status === 'Återlämnad');
    const gamla = skaAnonymiseras(lan, IDAG);
    expect(gamla.length).toBeGreaterThanOrEqual(3);
    expect(aterlamnade.length).toBeGreaterThan(gamla.length);
    for (const { l } of gamla) {
      const aterkvitto = kvittenser.find((k) => k.varden[KvittensFalt.Lan] === l.Id && k.varden[KvittensFalt.Typ] === 'Återlämning')!;
      // The borrower reads the loan, not kommunservice's Kvittenser row: the PDF is on the loan too.
      expect(aterkvitto.bilagor).toHaveLength(1);
      expect(l.varden[LanFalt.AterKvittensUrl]).toBe(`${lista(demo, LanLista).url}/Attachments/${l.Id}/kvittens-aterlamning-${l.Id}.pdf`);
      expect(l.varden[LanFalt.SkickVidRetur]).toBeTruthy();
      // Personal data sits in the version history too, which is why the job deletes and re-creates.
      expect(l.versioner.length).toBeGreaterThan(0);
    }
    expect(rader(HandelserLista).some((h) => gamla.some((g) => g.l.Id === h.varden[HandelseFalt.Lan]))).toBe(true);
  });

  it('har flera utlånade lån vars mandat slutar inom 60 dagar', () => {
    const lan = rader(LanLista).map((l) => ({ status: lanStatus(l) as 'Utlånad', mandatSlut: franSpDatum(l.varden[LanFalt.MandatSlut])! }));
    expect(paminnasVidMandatslut(lan, IDAG, 60).length).toBeGreaterThanOrEqual(4);
  });

  it('låter en låntagare läsa sina egna lån, sin enhet, sin kvittens och sina händelser – inget annat', async () => {
    const lan = rader(LanLista);
    const hamtaIdn = async (a: { email: string }, titel: string): Promise<number[]> =>
      ((await (await som(a)(`web/lists/getbytitle('${titel}')/items?$select=Id&$top=5000`)).json()).value as Array<{ Id: number }>).map((x) => x.Id).sort((x, y) => x - y);
    for (const a of [LEDAMOT, DEMO_ANVANDARE.find((x) => x.id === DEMO_INNEHAV[DEMO_PLATTA.oppenStold]!.id)!]) {
      const egna = lan.filter((l) => l.varden[LanFalt.Lantagare] === a.id);
      expect(await hamtaIdn(a, LanLista.title)).toEqual(egna.map((l) => l.Id).sort((x, y) => x - y));
      const enheter = egna.filter((l) => lanStatus(l) !== 'Återlämnad').map((l) => l.varden[LanFalt.Surfplatta] as number);
      expect(await hamtaIdn(a, SurfplattorLista.title)).toEqual(enheter.sort((x, y) => x - y));
      const egnaKvittenser = rader(KvittenserLista).filter((k) => k.skapadAv === a.id).map((k) => k.Id);
      expect(await hamtaIdn(a, KvittenserLista.title)).toEqual(egnaKvittenser);
      expect(await hamtaIdn(a, HandelserLista.title)).toEqual(rader(HandelserLista).filter((h) => h.skapadAv === a.id).map((h) => h.Id));
      // Her own receipt's PDF is readable by the URL on her loan.
      for (const l of egna.filter((x) => x.varden[LanFalt.KvittensUrl])) {
        expect((await som(a)(`web/getFileByServerRelativePath(decodedUrl='${l.varden[LanFalt.KvittensUrl]}')/$value`)).status).toBe(200);
      }
    }
    // The stolen device's borrower has an incident of their own; the workbench ledamot has a pending loan and a returned one.
    expect(await hamtaIdn(DEMO_INNEHAV[DEMO_PLATTA.oppenStold]!, HandelserLista.title)).toHaveLength(1);
    const sivs = lan.filter((l) => l.varden[LanFalt.Lantagare] === LEDAMOT.id).map(lanStatus).sort();
    expect(sivs).toEqual(['Väntar på kvittens', 'Återlämnad']);
    // Another borrower's receipt is not there for her.
    const annans = lan.find((l) => lanStatus(l) === 'Utlånad' && l.varden[LanFalt.Lantagare] !== LEDAMOT.id)!;
    expect((await som(LEDAMOT)(`web/getFileByServerRelativePath(decodedUrl='${annans.varden[LanFalt.KvittensUrl]}')/$value`)).status).toBe(404);
    expect((await som(LEDAMOT)(`web/lists/getbytitle('${LanLista.title}')/items(${annans.Id})`)).status).toBe(404);
    // Kommunservice reads all of it.
    expect((await som(forstaMedRoll('kommunservice')!)(`web/getFileByServerRelativePath(decodedUrl='${annans.varden[LanFalt.KvittensUrl]}')/$value`)).status).toBe(200);
  });
});

const demoIdag = (): IDemo => demo;

function lista(demo: IDemo, def: { title: string }): ILista {
  return demo.lager.listaMedTitel(def.title)!;
}
