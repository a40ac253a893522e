/**
 * UppdragTjanst's reading of rows that did not come through SharePoint's forms, and its look-up of
 * source keys on small and large lists, against the emulator over loopback HTTP.
 */
import { UppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { Roll } from '../../src/domain/roller';
import { UppdragFalt as F, UppdragLista } from '../../src/schema/uppdrag';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';
import { forvantaDataFel } from '../support/testdata';

const SITE = '/sites/arendeportalen';

/** A row right in every field but the ones a test breaks. */
const bas = (n: number): Record<string, unknown> => ({
  [F.Rubrik]: `Rad ${n}`, [F.Uppdragstext]: 'Utred.', [F.Beslutsinstans]: 'KS', [F.Beslutsdatum]: '2025-03-16T23:00:00Z',
  [F.Paragraf]: `§ ${n}`, [F.Forvaltning]: 'Kommunledningskontoret', [F.Status]: 'Pågår', [F.PlaneratKlart]: '2027-06-29T22:00:00Z'
});

describe('rader med fält som saknas eller inte kan läsas', () => {
  let miljo: IEmulatorMiljo;
  const uppdragSom = (roll: Roll): UppdragTjanst => new UppdragTjanst(miljo.sp(roll), SITE);
  const skapa = (varden: Record<string, unknown>): number =>
    miljo.lager.skapaObjekt(miljo.lager.listaMedTitel(UppdragLista.title)!, varden, 20, '2026-11-20T08:00:00Z').Id;

  beforeAll(async () => {
    miljo = await startaEmulator({}, true);
  });
  afterAll(() => miljo.stang());
  afterEach(() => miljo.emulator.forvantaIngaOkanda());

  it('pekar inte ut någon av demodatans rader', async () => {
    const { rader } = await uppdragSom('ledamot').hamtaAlla();
    expect(rader.filter((r) => r.brister).map((r) => [r.uppdrag.rubrik, r.brister])).toEqual([]);
  });

  it('visar raden med det som går att läsa och säger vad som är fel, fält för fält', async () => {
    const id = skapa({
      ...bas(1), [F.Rubrik]: { text: 'objekt' }, [F.Paragraf]: null, [F.Beslutsinstans]: 'KF2', [F.OrsakKod]: 7,
      [F.PlaneratKlart]: '2025-02-30T00:00:00Z', [F.AterrapporteraSenast]: '9999-12-31T23:59:59Z', [F.Kommentar]: ['en', 'lista']
    });
    const { uppdrag, brister } = await uppdragSom('ledamot').hamta(id);
    expect(brister).toEqual([
      { falt: 'rubrik', orsak: 'felTyp' },
      { falt: 'beslutsinstans', orsak: 'okantVal' },
      { falt: 'paragraf', orsak: 'saknas' },
      { falt: 'orsakKod', orsak: 'felTyp' },
      { falt: 'planeratKlart', orsak: 'ogiltigtDatum' },
      { falt: 'aterrapporteraSenast', orsak: 'ogiltigtDatum' },
      { falt: 'kommentar', orsak: 'felTyp' }
    ]);
    // What cannot be trusted is left out, not guessed: 30 February is not 2 March; the stored choice text is kept.
    expect(uppdrag).toMatchObject({ rubrik: '', paragraf: '', beslutsinstans: 'KF2', status: 'Pagar', beslutsdatum: '2025-03-17' });
    expect(uppdrag.planeratKlart).toBeUndefined();
    expect(uppdrag.aterrapporteraSenast).toBeUndefined();
    expect(uppdrag.kommentar).toBeUndefined();
    expect(uppdrag.orsakKod).toBeUndefined();
  });

  it('säger att en rad med okänd status inte kan läsas, inte att den inte kunde sparas', async () => {
    const id = skapa({ ...bas(2), [F.Status]: { Value: 'Pågår' } });
    const fel = await forvantaDataFel(uppdragSom('ledamot').hamta(id));
    expect(fel.orsak).toBe('olasbar');
    const { felaktiga } = await uppdragSom('ledamot').hamtaAlla();
    // Only text is repeated to the reader; an object is no status at all.
    expect(felaktiga).toContainEqual({ id, rubrik: 'Rad 2', problem: '' });
  });

  it('läser historik med värden som inte är text som tomma, aldrig som [object Object]', async () => {
    const lista = miljo.lager.listaMedTitel(UppdragLista.title)!;
    const id = skapa(bas(3));
    const o = lista.objekt.get(id)!;
    miljo.lager.sparaVersion(lista, o, { [F.OrsakText]: { text: 'objekt' }, [F.PlaneratKlart]: 'nästa vecka' }, 20, '2026-11-21T08:00:00Z');
    miljo.lager.sparaVersion(lista, o, { [F.OrsakText]: 'Budgeten dröjer.', [F.PlaneratKlart]: '2027-09-29T22:00:00Z' }, 20, '2026-11-22T08:00:00Z');
    const historik = await uppdragSom('ledamot').hamtaHistorik(id);
    expect(JSON.stringify(historik)).not.toMatch(/object Object|nästa vecka/);
    expect(historik[0].andringar).toEqual({ orsakText: [undefined, 'Budgeten dröjer.'], planeratKlart: [undefined, '2027-09-30'] });
    expect(historik[1].andringar).toEqual({ planeratKlart: ['2027-06-30', undefined] });
  });
});

describe('finns källorna redan?', () => {
  let miljo: IEmulatorMiljo;
  const handlaggare = (): UppdragTjanst => new UppdragTjanst(miljo.sp('handlaggare'), SITE);
  /** What one call costs in requests to SharePoint. */
  async function fragor<T>(gor: () => Promise<T>): Promise<[T, number]> {
    const fore = miljo.emulator.statistik.sharepoint;
    const svar = await gor();
    return [svar, miljo.emulator.statistik.sharepoint - fore];
  }

  beforeAll(async () => {
    miljo = await startaEmulator({}, true);
    const lista = miljo.lager.listaMedTitel(UppdragLista.title)!;
    for (let i = 0; i < 30; i++) miljo.lager.skapaObjekt(lista, { ...bas(100 + i), [F.KallNyckel]: `import:a.xlsx:${i}` }, 20);
  });
  afterAll(() => miljo.stang());
  afterEach(() => miljo.emulator.forvantaIngaOkanda());

  const nycklar = Array.from({ length: 40 }, (_, i) => `import:a.xlsx:${i}`);

  it('frågar en gång för en enda källa', async () => {
    expect(await fragor(() => handlaggare().befintligaKallNycklar(['import:a.xlsx:3']))).toEqual([new Set(['import:a.xlsx:3']), 1]);
  });

  it('frågar om tjugo källor åt gången på en lista under listvyströskeln', async () => {
    const [finns, antal] = await fragor(() => handlaggare().befintligaKallNycklar(nycklar));
    expect(finns).toEqual(new Set(nycklar.slice(0, 30)));
    // The list's size, then two `or` queries of twenty.
    expect(antal).toBe(3);
  });

  it('frågar en källa i taget när listan är större än listvyströskeln, och stannar under den', async () => {
    const lista = miljo.lager.listaMedTitel(UppdragLista.title)!;
    for (let i = 0; i < 5_000; i++) miljo.lager.skapaObjekt(lista, { ...bas(1000 + i), [F.KallNyckel]: `stor:${i}` }, 20);
    const [finns, antal] = await fragor(() => handlaggare().befintligaKallNycklar([...nycklar, 'stor:4999', 'stor:4999']));
    expect(finns).toEqual(new Set([...nycklar.slice(0, 30), 'stor:4999']));
    expect(antal).toBe(1 + 41);
  });
});
