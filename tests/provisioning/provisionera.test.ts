import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import { provisionera } from '../../provisioning/provisionera';
import { PORTAL_NYCKEL, REGISTRATOR_NYCKEL } from '../../src/data/installningar/nycklar';
import { ROLLDEFINITIONER } from '../../emulator/sharepoint/lager';
import { ALLA_LISTOR, SKAPANDENYCKEL } from '../../src/schema';
import { GRUPPNAMN, ROLLTYP } from '../../src/schema/behorigheter';
import { ArendepunktFalt, DagordningLista, HandlingarBibliotek, JusteringarLista, JusteringFalt, ProtokollBibliotek, SekretessBibliotek } from '../../src/schema/moten';
import { ROLLER } from '../../src/domain/roller';
import { HandelseFalt, HandelserLista, KvittenserLista, KvittensFalt, LanFalt, LanLista, SurfplattorLista } from '../../src/schema/surfplattor';
import { UppdragFalt, UppdragLista } from '../../src/schema/uppdrag';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';

let miljo: IEmulatorMiljo;
// A whole site over loopback HTTP, some 400 requests: seconds when the machine is busy.
jest.setTimeout(30_000);

beforeAll(async () => {
  miljo = await startaEmulator();
});
afterAll(() => miljo.stang());
afterEach(() => miljo.emulator.forvantaIngaOkanda());

describe('provisionering av webbplatsen', () => {
  it('visar vad som skulle ändras vid en torrkörning, utan att ändra något', async () => {
    const { andringar, varningar } = await provisionera(miljo.sp('admin'), { torrkorning: true });
    expect(varningar).toEqual([`! Lägg bara till kontot som bygger den publika webbplatsen (npm run public-site) i gruppen ${GRUPPNAMN.allmanhet}.`]);
    expect(andringar).toContain('+ lista Uppdrag (Lists/Uppdrag)');
    expect(andringar).toContain('+ lista Dagordning (Lists/Dagordning)');
    expect(andringar).toContain('+ bibliotek Handlingar (Handlingar)');
    // One group per role, the public reading group among them.
    expect(andringar.filter((a) => a.startsWith('+ grupp '))).toEqual(ROLLER.map((r) => `+ grupp ${GRUPPNAMN[r]}`));
    // Every list breaks inheritance and grants each role that has access exactly one level.
    const tilldelningar = ALLA_LISTOR.flatMap((l) => Object.values(l.behorigheter).filter((n) => n !== 'Ingen'));
    expect(andringar.filter((a) => / får /.test(a))).toHaveLength(tilldelningar.length);
    expect(andringar).toContain(`+ Organ: ${GRUPPNAMN.allmanhet} får Läsa`);
    // Meeting documents fail closed: the public group gets nothing on them at library level.
    for (const lista of ['Handlingar', 'Protokoll', 'Sekretess', 'Justeringar']) expect(andringar).not.toContain(`+ ${lista}: ${GRUPPNAMN.allmanhet} får Läsa`);
    // Approvals: everyone reads, people without Full Control change only their own.
    expect(andringar).toContain('~ Justeringar: läsa alla objekt, ändra egna objekt');
    // The personal apps' way to the portal, by default: printed, not written.
    expect(andringar[andringar.length - 1]).toBe(`+ klientorganisationsinställning ${PORTAL_NYCKEL} = ${miljo.emulator.konfig.webbplats}`);
    expect(miljo.lager.listor).toHaveLength(0);
    expect(miljo.lager.grupper).toHaveLength(0);
    expect(miljo.lager.klientegenskaper.size).toBe(0);
  });

  it('skapar varje lista, fält, vy och behörighet ur schemat', async () => {
    await provisionera(miljo.sp('admin'));
    expect(miljo.lager.listor.map((l) => l.Title).sort()).toEqual(ALLA_LISTOR.map((l) => l.title).sort());
    const uppdrag = miljo.lager.listaMedTitel('Uppdrag')!;
    expect(uppdrag.url).toBe('/sites/arendeportalen/Lists/Uppdrag');
    const status = miljo.lager.falt(uppdrag, UppdragFalt.Status)!;
    expect(status).toMatchObject({ Title: 'Status', TypeAsString: 'Choice', Indexed: true, Required: true, DefaultValue: 'Ej påbörjat' });
    expect(status.Choices).toHaveLength(6);
    expect(status.ClientSideComponentId).toBe('2d1e4241-29ff-443b-bd44-349023085db9');
    expect(miljo.lager.falt(uppdrag, UppdragFalt.PlaneratKlart)).toMatchObject({ TypeAsString: 'DateTime', DisplayFormat: 'DateOnly' });
    expect(uppdrag.atgarder.map((a) => a.ClientSideComponentId)).toEqual(['595012dd-4f26-49ad-bea1-85cccab8f4dc']);
    expect(uppdrag.vyer.find((v) => v.DefaultView)).toMatchObject({ Title: 'Alla uppdrag', falt: UppdragLista.views[0].fields });
    // The Swedish title, the ASCII URL.
    expect(miljo.lager.listaMedTitel('Sammanträden')!.url).toBe('/sites/arendeportalen/Lists/Sammantraden');
    const organ = miljo.lager.listaMedTitel('Organ')!;
    const sammantraden = miljo.lager.listaMedTitel('Sammanträden')!;
    expect(miljo.lager.falt(sammantraden, 'Organ')!.LookupList).toBe(organ.Id);
    expect(miljo.lager.falt(organ, 'Title')).toMatchObject({ Title: 'Namn', Indexed: true, EnforceUniqueValues: true });
    expect(uppdrag.unika).toBeDefined();
    const dagordning = miljo.lager.listaMedTitel(DagordningLista.title)!;
    expect(miljo.lager.falt(dagordning, ArendepunktFalt.Sammantrade)!.LookupList).toBe(sammantraden.Id);
    expect(miljo.lager.falt(dagordning, ArendepunktFalt.Beslutsdatum)).toMatchObject({ TypeAsString: 'DateTime', DisplayFormat: 'DateOnly' });
    const justeringar = miljo.lager.listaMedTitel(JusteringarLista.title)!;
    expect([justeringar.url, justeringar.ReadSecurity, justeringar.WriteSecurity]).toEqual(['/sites/arendeportalen/Lists/Justeringar', 1, 2]);
    expect(miljo.lager.falt(justeringar, JusteringFalt.Protokoll)).toMatchObject({ TypeAsString: 'Lookup', Indexed: true, Required: true,
      LookupList: miljo.lager.listaMedTitel(ProtokollBibliotek.title)!.Id });
    // Lists without item-level security keep SharePoint's default.
    expect([uppdrag.ReadSecurity, uppdrag.WriteSecurity]).toEqual([1, 1]);
    // The tablet register: receipts and incidents are the borrower's own rows (read and change own only).
    const kvittenser = miljo.lager.listaMedTitel(KvittenserLista.title)!;
    expect([kvittenser.url, kvittenser.ReadSecurity, kvittenser.WriteSecurity, kvittenser.EnableVersioning])
      .toEqual(['/sites/arendeportalen/Lists/Kvittenser', 2, 2, true]);
    const lan = miljo.lager.listaMedTitel(LanLista.title)!;
    expect(miljo.lager.falt(kvittenser, KvittensFalt.Lan)).toMatchObject({ TypeAsString: 'Lookup', Indexed: true, Required: true, LookupList: lan.Id });
    expect(miljo.lager.falt(kvittenser, KvittensFalt.Typ)!.Choices).toEqual(['Utlämning', 'Återlämning']);
    expect(miljo.lager.falt(kvittenser, KvittensFalt.Signeringssatt)!.Choices).toEqual(['Ritad signatur', 'Skrivet namn']);
    const handelser = miljo.lager.listaMedTitel(HandelserLista.title)!;
    expect([handelser.ReadSecurity, handelser.WriteSecurity]).toEqual([2, 2]);
    expect(miljo.lager.falt(handelser, HandelseFalt.Lan)).toMatchObject({ TypeAsString: 'Lookup', Indexed: true, LookupList: lan.Id });
    expect(miljo.lager.falt(lan, LanFalt.Status)).toMatchObject({ TypeAsString: 'Choice', Indexed: true, Required: true, DefaultValue: 'Väntar på kvittens' });
    expect(miljo.lager.falt(lan, LanFalt.MandatSlut)).toMatchObject({ Indexed: true, DisplayFormat: 'DateOnly' });
    expect(miljo.lager.falt(lan, LanFalt.AterKvittensUrl)).toMatchObject({ TypeAsString: 'Text' });
    expect([lan.ReadSecurity, lan.WriteSecurity]).toEqual([1, 1]);
    // The creation key (src/schema/skapande.ts) in each list the parts create rows in: indexed for its look-up, out of the forms.
    const medNyckel = ALLA_LISTOR.filter((l) => l.fields.some((f) => f.internalName === SKAPANDENYCKEL));
    expect(medNyckel.map((l) => l.key).sort()).toEqual(['Anslag', 'Dagordning', 'Epostlogg', 'Handelser', 'Handlingar', 'Justeringar', 'Kvittenser', 'Lan',
      'Protokoll', 'Sammantraden', 'Sekretess', 'Surfplattor']);
    for (const def of medNyckel) {
      expect([def.title, miljo.lager.falt(miljo.lager.listaMedTitel(def.title)!, SKAPANDENYCKEL)]).toEqual([def.title, expect.objectContaining({
        TypeAsString: 'Text', Indexed: true, EnforceUniqueValues: false, iFormular: { ny: false, redigera: false, visa: false }
      })]);
    }
    // The site's URL as SharePoint spells it, for the personal apps in Teams and Outlook (they run on the root site).
    expect(miljo.lager.klientegenskaper.get(PORTAL_NYCKEL)).toMatchObject({ Value: miljo.emulator.konfig.webbplats, Comment: 'Satt av Ärendeportalens provisionering.' });
  });

  it('ger varje rolls grupp exakt den nivå behörighetsmatrisen säger, den publika gruppen bara läsning av mötets listor', () => {
    const rolldef = (niva: keyof typeof ROLLTYP): number => ROLLDEFINITIONER.find((r) => r.RoleTypeKind === ROLLTYP[niva])!.Id;
    for (const def of ALLA_LISTOR) {
      const lista = miljo.lager.listaMedTitel(def.title)!;
      for (const roll of ROLLER) {
        const grupp = miljo.lager.grupper.find((g) => g.Title === GRUPPNAMN[roll])!;
        const niva = def.behorigheter[roll];
        expect([def.title, roll, lista.unika!.get(grupp.Id) ?? []]).toEqual([def.title, roll, niva === 'Ingen' ? [] : [rolldef(niva)]]);
      }
    }
    const publik = miljo.lager.grupper.find((g) => g.Title === GRUPPNAMN.allmanhet)!;
    const lasbara = miljo.lager.listor.filter((l) => l.unika!.has(publik.Id)).map((l) => l.Title).sort();
    expect(lasbara).toEqual(['Anslagstavla', 'Dagordning', 'Organ', 'Sammanträden']);
    expect(lasbara).not.toContain(SekretessBibliotek.title);
    // Ledamöter add their approvals; the nämndsekreterare completes them.
    const justeringar = miljo.lager.listaMedTitel(JusteringarLista.title)!;
    const grupp = (roll: keyof typeof GRUPPNAMN): number => miljo.lager.grupper.find((g) => g.Title === GRUPPNAMN[roll])!.Id;
    expect([justeringar.unika!.get(grupp('ledamot')), justeringar.unika!.get(grupp('namndsekreterare'))]).toEqual([[rolldef('Bidra')], [rolldef('Fullständig behörighet')]]);
    // Publishing changes item permissions: the nämndsekreterare has Full Control on Handlingar.
    const sekreterare = miljo.lager.grupper.find((g) => g.Title === GRUPPNAMN.namndsekreterare)!;
    expect(miljo.lager.listaMedTitel(HandlingarBibliotek.title)!.unika!.get(sekreterare.Id)).toEqual([rolldef('Fullständig behörighet')]);
    // Kommunservice shares a loan and its device with the borrower, which needs Full Control on the register;
    // ledamöter add receipts and incidents but have nothing on the register itself.
    for (const def of [SurfplattorLista, LanLista, KvittenserLista, HandelserLista] as const) {
      const l = miljo.lager.listaMedTitel(def.title)!;
      expect([def.title, l.unika!.get(grupp('kommunservice')), l.unika!.get(grupp('ledamot')) ?? []])
        .toEqual([def.title, [rolldef('Fullständig behörighet')], def === SurfplattorLista || def === LanLista ? [] : [rolldef('Bidra')]]);
    }
  });

  it('ändrar ingenting vid en andra körning', async () => {
    const fore = miljo.emulator.statistik.forfragningar;
    const { andringar, varningar } = await provisionera(miljo.sp('admin'));
    expect(andringar).toEqual([]);
    expect(varningar).toEqual([]);
    expect(miljo.emulator.statistik.forfragningar - fore).toBeLessThan(80);
  });

  it('återställer radsäkerheten på Justeringar om någon ändrat den för hand', async () => {
    const justeringar = miljo.lager.listaMedTitel(JusteringarLista.title)!;
    justeringar.WriteSecurity = 1;
    const { andringar } = await provisionera(miljo.sp('admin'));
    expect(andringar).toEqual(['~ Justeringar: läsa alla objekt, ändra egna objekt']);
    expect([justeringar.ReadSecurity, justeringar.WriteSecurity]).toEqual([1, 2]);
  });

  it('rättar en kolumn som någon ändrat för hand, och bara den', async () => {
    const uppdrag = miljo.lager.listaMedTitel('Uppdrag')!;
    miljo.lager.falt(uppdrag, UppdragFalt.PlaneratKlart)!.Indexed = false;
    const { andringar } = await provisionera(miljo.sp('admin'));
    expect(andringar).toEqual(['~ fält Uppdrag.PlaneratKlart: Indexed false → true']);
    expect(miljo.lager.falt(uppdrag, UppdragFalt.PlaneratKlart)!.Indexed).toBe(true);
  });

  it('nekas för den som inte äger webbplatsen', async () => {
    await expect(provisionera(miljo.sp('handlaggare'))).rejects.toThrow(/403|Access denied/);
  });
});

describe('registratorns adress som klientorganisationsinställning (--registrator)', () => {
  // After the site above is provisioned: `listor: []` runs only the groups (all there) and the tenant property.
  const som = (roll: 'admin' | 'handlaggare', registratorAdress: string, torrkorning = false) =>
    provisionera(miljo.sp(roll), { listor: [], registratorAdress, torrkorning });

  it('sätter den i appkatalogen, visar den vid torrkörning och ändrar inget en andra gång', async () => {
    expect((await som('admin', 'registrator@kommun.se', true)).andringar).toEqual([`+ klientorganisationsinställning ${REGISTRATOR_NYCKEL} = registrator@kommun.se`]);
    expect(miljo.lager.klientegenskaper.has(REGISTRATOR_NYCKEL)).toBe(false);
    await som('admin', ' registrator@kommun.se ');
    expect(miljo.lager.klientegenskaper.get(REGISTRATOR_NYCKEL)).toMatchObject({ Value: 'registrator@kommun.se', Comment: 'Satt av Ärendeportalens provisionering.' });
    expect((await som('admin', 'registrator@kommun.se')).andringar).toEqual([]);
    expect((await som('admin', 'diarium@kommun.se')).andringar).toEqual([`~ klientorganisationsinställning ${REGISTRATOR_NYCKEL}: "registrator@kommun.se" → "diarium@kommun.se"`]);
    expect(miljo.lager.klientegenskaper.get(REGISTRATOR_NYCKEL)?.Value).toBe('diarium@kommun.se');
  });

  it('vägrar en ogiltig adress innan något frågas, och säger att det krävs en administratör för appkatalogen', async () => {
    const fore = miljo.emulator.statistik.forfragningar;
    await expect(som('admin', 'registrator')).rejects.toThrow('Registratorns adress "registrator" är inte en e-postadress.');
    expect(miljo.emulator.statistik.forfragningar).toBe(fore);
    await expect(som('handlaggare', 'annan@kommun.se')).rejects.toThrow(`Klientorganisationsinställningen ${REGISTRATOR_NYCKEL} kunde inte sättas: kontot måste vara administratör för appkatalogen`);
    expect(miljo.lager.klientegenskaper.get(REGISTRATOR_NYCKEL)?.Value).toBe('diarium@kommun.se');
  });
});

describe('portalens adress som klientorganisationsinställning (de personliga apparna)', () => {
  // After the site above is provisioned, which set the property to it: `listor: []` runs only the groups and the tenant properties.
  const webbplats = (): string => miljo.emulator.konfig.webbplats;
  const som = (roll: 'admin' | 'handlaggare', portal?: 'om-ledig' | 'flytta' | 'nej', torrkorning = false) =>
    provisionera(miljo.sp(roll), { listor: [], portal, torrkorning });
  const satt = (varde: string): void => {
    miljo.lager.klientegenskaper.set(PORTAL_NYCKEL, { Value: varde, Description: '', Comment: '' });
  };
  const ANNAN = 'https://kommun.sharepoint.com/sites/arendeportalen-test';

  it('skriver inget när den redan pekar på webbplatsen, oavsett skiftläge och avslutande snedstreck', async () => {
    satt(`${webbplats().toUpperCase()}/`);
    expect(await som('admin')).toEqual({ andringar: [], varningar: [] });
    expect(miljo.lager.klientegenskaper.get(PORTAL_NYCKEL)?.Value).toBe(`${webbplats().toUpperCase()}/`);
  });

  it('flyttar inte de personliga apparna från en annan portal utan --portal, men säger det', async () => {
    satt(ANNAN);
    const { andringar, varningar } = await som('admin');
    expect(andringar).toEqual([]);
    expect(varningar).toEqual([`! ${PORTAL_NYCKEL} pekar på ${ANNAN}: de personliga apparna i Teams och Outlook läser listorna där, inte här. `
      + 'Kör med --portal för att peka om dem till den här webbplatsen.']);
    expect(miljo.lager.klientegenskaper.get(PORTAL_NYCKEL)?.Value).toBe(ANNAN);

    expect((await som('admin', 'flytta', true)).andringar).toEqual([`~ klientorganisationsinställning ${PORTAL_NYCKEL}: "${ANNAN}" → "${webbplats()}"`]);
    expect(miljo.lager.klientegenskaper.get(PORTAL_NYCKEL)?.Value).toBe(ANNAN);
    await som('admin', 'flytta');
    expect(miljo.lager.klientegenskaper.get(PORTAL_NYCKEL)?.Value).toBe(webbplats());
    expect((await som('admin', 'flytta')).andringar).toEqual([]);
  });

  it('lämnar den helt med --utan-portal', async () => {
    miljo.lager.klientegenskaper.delete(PORTAL_NYCKEL);
    expect(await som('admin', 'nej')).toEqual({ andringar: [], varningar: [] });
    expect(miljo.lager.klientegenskaper.has(PORTAL_NYCKEL)).toBe(false);
  });

  it('utan rätt till appkatalogen blir den en varning som standard, men ett fel med --portal', async () => {
    miljo.lager.klientegenskaper.delete(PORTAL_NYCKEL);
    const { andringar, varningar } = await som('handlaggare');
    expect(andringar).toEqual([]);
    expect(varningar).toEqual([`! Klientorganisationsinställningen ${PORTAL_NYCKEL} kunde inte sättas: kontot måste vara administratör för appkatalogen `
      + '(SharePoint-administratör, eller ägare till appkatalogens webbplats). De personliga apparna i Teams och Outlook hittar inte listorna förrän '
      + `den är satt: kör provisioneringen igen som administratör, eller Set-PnPStorageEntity -Key ${PORTAL_NYCKEL} -Value ${webbplats()} -Scope Tenant.`]);
    await expect(som('handlaggare', 'flytta')).rejects.toThrow(`Klientorganisationsinställningen ${PORTAL_NYCKEL} kunde inte sättas`);
    expect(miljo.lager.klientegenskaper.has(PORTAL_NYCKEL)).toBe(false);
    // The administrator's run sets it, and the next run has nothing to do.
    expect((await som('admin')).andringar).toEqual([`+ klientorganisationsinställning ${PORTAL_NYCKEL} = ${webbplats()}`]);
    expect(await som('admin')).toEqual({ andringar: [], varningar: [] });
  });
});
