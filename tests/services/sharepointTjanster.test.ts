/** The data layer's SharePoint services against the emulator over loopback HTTP, as the browser would call SharePoint. */
import { SPBrowser } from '@pnp/sp';
import { MotesTjanst } from '../../src/data/moten/MotesTjanst';
import { skapaSp } from '../../src/data/pnp';
import { UppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { Roll } from '../../src/domain/roller';
import { UppdragFalt } from '../../src/schema/uppdrag';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';
import { forvantaDataFel } from '../support/testdata';

let miljo: IEmulatorMiljo;
const SITE = '/sites/arendeportalen';
const uppdragSom = (roll: Roll): UppdragTjanst => new UppdragTjanst(miljo.sp(roll), SITE);

beforeAll(async () => {
  miljo = await startaEmulator({}, true);
});
afterAll(() => miljo.stang());
afterEach(() => {
  miljo.emulator.satStrypning(undefined);
  miljo.emulator.forvantaIngaOkanda();
});

const fel = forvantaDataFel;

describe('Uppdrag', () => {
  it('läser hela ärendebalanslistan med handläggarens namn för en ledamot', async () => {
    const { rader, felaktiga } = await uppdragSom('ledamot').hamtaAlla();
    expect(rader).toHaveLength(36);
    expect(felaktiga).toEqual([]);
    const forsta = rader.find((r) => r.uppdrag.rubrik === 'Utred kontinuerligt uppdaterade ärendebalanslistor')!;
    expect(forsta.uppdrag).toMatchObject({ forvaltning: 'Kommunledningskontoret', handlaggare: 'Karin Lund' });
    expect(forsta.uppdrag.planeratKlart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(forsta.etag).toMatch(/^"\d+"$/);
  });

  it('pekar ut en rad med en status som inte är ett val, och läser resten', async () => {
    const lista = miljo.lager.listaMedTitel('Uppdrag')!;
    const rad = lista.objekt.get(3)!;
    const fore = rad.varden[UppdragFalt.Status];
    rad.varden[UppdragFalt.Status] = 'Klar';
    try {
      const { rader, felaktiga } = await uppdragSom('ledamot').hamtaAlla();
      expect(rader).toHaveLength(35);
      expect(felaktiga).toEqual([{ id: 3, rubrik: String(rad.varden.Title), problem: 'Klar' }]);
    } finally {
      rad.varden[UppdragFalt.Status] = fore;
    }
  });

  it('sparar med radens ETag och nekar den som sparar på en gammal version (412)', async () => {
    const handlaggare = uppdragSom('handlaggare');
    const { etag } = await handlaggare.hamta(4);
    const ny = await handlaggare.spara(4, { planeratKlart: '2027-03-31', varIHanteringen: 'Remiss ute.' }, etag);
    expect(ny).not.toBe(etag);
    expect((await handlaggare.hamta(4)).uppdrag.planeratKlart).toBe('2027-03-31');
    const konflikt = await fel(handlaggare.spara(4, { status: 'Verkstallt' }, etag));
    expect(konflikt.orsak).toBe('konflikt');
    expect(konflikt.status).toBe(412);
    expect((await handlaggare.hamta(4)).uppdrag.status).not.toBe('Verkstallt');
  });

  it('vet vem som får redigera listan', async () => {
    expect(await uppdragSom('handlaggare').kanRedigera()).toBe(true);
    expect(await uppdragSom('admin').kanRedigera()).toBe(true);
    expect(await uppdragSom('ledamot').kanRedigera()).toBe(false);
  });

  it('låter inte en ledamot ändra (403) och inte den som inte är inloggad läsa (401)', async () => {
    const { etag } = await uppdragSom('ledamot').hamta(5);
    expect((await fel(uppdragSom('ledamot').spara(5, { status: 'Verkstallt' }, etag))).orsak).toBe('behorighet');
    expect((await fel(uppdragSom('allmanhet').hamtaAlla())).orsak).toBe('inloggning');
  });

  it('väntar ut strypning (429 med Retry-After) och får ändå allt', async () => {
    miljo.emulator.satStrypning({ andel: 0.3, statusar: [429, 503], retryAfter: 0 });
    const fore = miljo.emulator.statistik.strypta;
    const { rader } = await uppdragSom('ledamot').hamtaAlla();
    const motes = await new MotesTjanst(miljo.sp('ledamot'), SITE).hamtaSammantraden('2026-11-27');
    expect(rader).toHaveLength(36);
    expect(motes.kommande.length + motes.tidigare.length).toBeGreaterThan(40);
    expect(miljo.emulator.statistik.strypta).toBeGreaterThan(fore);
  });

  it('ger upp med ett begripligt fel när strypningen aldrig släpper', async () => {
    miljo.emulator.satStrypning({ andel: 1, statusar: [429], retryAfter: 0 });
    expect((await fel(uppdragSom('ledamot').hamtaAlla())).orsak).toBe('strypt');
  });

  it('säger att SharePoint inte går att nå när nätet är borta', async () => {
    const dod = new UppdragTjanst(skapaSp('http://127.0.0.1:9/sites/arendeportalen', SPBrowser()), SITE);
    expect((await fel(dod.hamtaAlla())).orsak).toBe('natverk');
  });

  it('läser en lista på 1 200 rader i tre sidor', async () => {
    const lista = miljo.lager.listaMedTitel('Uppdrag')!;
    const forsta = lista.nastaId;
    for (let i = 0; i < 1200; i++) {
      miljo.lager.skapaObjekt(lista, { Title: `Uppdrag ${i}`, [UppdragFalt.Status]: 'Pågår', [UppdragFalt.Forvaltning]: 'Kommunledningskontoret' }, 50);
    }
    try {
      const fore = miljo.emulator.statistik.sharepoint;
      const { rader } = await uppdragSom('ledamot').hamtaAlla();
      expect(rader).toHaveLength(1236);
      expect(miljo.emulator.statistik.sharepoint - fore).toBe(3);
    } finally {
      for (let id = forsta; id < forsta + 1200; id++) lista.objekt.delete(id);
    }
  });
});

describe('Uppdragens historik och nya uppdrag', () => {
  it('visar vem som ändrade status och planerat datum, och när, med varje flytt av datumet', async () => {
    const handlaggare = uppdragSom('handlaggare');
    const { etag, uppdrag } = await handlaggare.hamta(12);
    const orsak = uppdrag.orsakKod === 'Extern part' ? 'Resursbrist' : 'Extern part';
    await handlaggare.spara(12, { planeratKlart: '2027-09-30', orsakKod: orsak, orsakText: 'Två utredare har slutat.' }, etag);
    const historik = await uppdragSom('ledamot').hamtaHistorik(12);
    expect(historik[0].vem).toBe('Karin Lund');
    expect(historik[0].andringar.planeratKlart).toEqual([uppdrag.planeratKlart, '2027-09-30']);
    expect(historik[0].andringar.orsakKod).toEqual([uppdrag.orsakKod, orsak]);
    expect(historik[0].andringar.status).toBeUndefined();
    expect(historik.length).toBeGreaterThan(2);
    expect(historik.some((h) => h.andringar.status !== undefined)).toBe(true);
  });

  const nytt = (rubrik: string) => ({
    rubrik, beslutsinstans: 'KS', beslutsdatum: '2026-11-16', paragraf: '§ 201', forvaltning: 'Kommunledningskontoret',
    status: 'EjPaborjat' as const, planeratKlart: '2027-06-30'
  });

  it('skapar nya uppdrag en gång per källa, även när samma källa kommer igen', async () => {
    const tjanst = uppdragSom('handlaggare');
    const forsta = await tjanst.skapa([{ uppdrag: nytt('Utred ny simhall'), kallNyckel: 'protokoll:KS-2026-11-16:§201' }]);
    expect(forsta[0].nytt).toBe(true);
    const igen = await tjanst.skapa([{ uppdrag: nytt('Utred ny simhall'), kallNyckel: 'protokoll:KS-2026-11-16:§201' }]);
    expect(igen).toEqual([{ id: forsta[0].id, nytt: false }]);
    expect(await tjanst.befintligaKallNycklar(['protokoll:KS-2026-11-16:§201', 'protokoll:KS-2026-11-16:§202']))
      .toEqual(new Set(['protokoll:KS-2026-11-16:§201']));
    const rad = (await tjanst.hamta(forsta[0].id)).uppdrag;
    expect(rad).toMatchObject({ rubrik: 'Utred ny simhall', planeratKlart: '2027-06-30', forstPlaneratKlart: '2027-06-30', status: 'EjPaborjat' });
  });

  it('skapar inget alls när en rad i mitten inte går att spara', async () => {
    const tjanst = uppdragSom('handlaggare');
    const fore = miljo.lager.listaMedTitel('Uppdrag')!.objekt.size;
    const trasig = { ...nytt('För lång'), rubrik: 'x'.repeat(300) };
    const f = await fel(tjanst.skapa([
      { uppdrag: nytt('Första'), kallNyckel: 'import:a.xlsx:2' },
      { uppdrag: trasig, kallNyckel: 'import:a.xlsx:3' },
      { uppdrag: nytt('Tredje'), kallNyckel: 'import:a.xlsx:4' }
    ]));
    expect(f.orsak).toBe('ogiltig');
    expect(miljo.lager.listaMedTitel('Uppdrag')!.objekt.size).toBe(fore);
  });
});

describe('Sammanträden', () => {
  it('ger kommande sammanträden i datumordning och tidigare med det senaste först', async () => {
    const { kommande, tidigare } = await new MotesTjanst(miljo.sp('ledamot'), SITE).hamtaSammantraden('2026-11-27');
    expect(kommande.length).toBeGreaterThan(0);
    expect(kommande.map((m) => m.datum)).toEqual([...kommande.map((m) => m.datum)].sort());
    expect(tidigare[0].datum > tidigare[tidigare.length - 1].datum).toBe(true);
    expect(new Set(kommande.map((m) => m.organ))).toContain('Kommunfullmäktige');
  });
});
