import {
  aterrapporteringI, beslutsinstansForOrgan, delaIParagrafer, diarienummerI, forstaDatum, foreslaUppdrag, hittaUppdrag,
  lasProtokollHuvud, protokollKallNyckel, svensktDatum
} from '../../src/domain/protokollUppdrag';

const KS_PROTOKOLL = `PROTOKOLL
Kommunstyrelsen
Sammanträdesdatum 2020-10-19
Plats och tid: Kommunhuset, kl. 13.00–16.00

§ 53
Val av justerare
Kommunstyrelsen beslutar att utse Anna Berg att jämte ordföranden justera protokollet.

§ 54 Dnr KS 2020/801
Kontinuerligt uppdaterade ärendebalanslistor
Ärendebeskrivning
Kommunfullmäktige gav 2019 kommunstyrelsen i uppdrag att följa upp ej verkställda beslut två gånger per år.
Kommunstyrelsens arbetsutskotts förslag till beslut
Kommunstyrelsen beslutar att uppdra åt kommunledningskontoret att utreda hur listan kan hållas uppdaterad.
Beslut
Kommunstyrelsen beslutar att uppdra åt kommunledningskontoret att utreda hur ärendebalanslistan kan hållas uppdaterad löpande. Uppdraget ska återrapporteras till kommunstyrelsen senast den 30 november 2020.
Beslutet skickas till
Kommunledningskontoret

§ 55 Dnr KS 2020/455
Delårsrapport januari–augusti 2020
Beslut
Kommunstyrelsen beslutar att godkänna delårsrapporten.

§ 56 Dnr KS 2020/612
Motion om solceller
Beslut
Kommunstyrelsen beslutar
1. att motionen anses besvarad,
2. att samhällsbyggnadsförvaltningen får i uppdrag att inventera kommunens tak för solceller, samt
3. att kultur- och fritidsnämnden uppdras att utreda solceller på idrottshallarna. Återrapporteras senast 2021-03-31.
`;

describe('datum på svenska', () => {
  it('läser "30 november 2020", "den 1 mars 2021", "30 nov. 2020" och ISO', () => {
    expect(forstaDatum('senast den 30 november 2020')).toBe('2020-11-30');
    expect(forstaDatum('den 1 mars 2021 och sedan')).toBe('2021-03-01');
    expect(forstaDatum('30 nov. 2020')).toBe('2020-11-30');
    expect(forstaDatum('senast 2020-11-30.')).toBe('2020-11-30');
    expect(svensktDatum('den 5 januari 2021')).toBe('2021-01-05');
  });

  it('avvisar datum som inte finns och text som inte är ett datum', () => {
    expect(forstaDatum('31 november 2020')).toBeUndefined();
    expect(forstaDatum('2020-02-30')).toBeUndefined();
    expect(svensktDatum('i november')).toBeUndefined();
    expect(svensktDatum('30 november 2020 kl 10')).toBeUndefined();
  });
});

describe('protokollets delar', () => {
  it('delar i paragrafer vid "§ n" i radens början, inte vid hänvisningar i löptext', () => {
    const p = delaIParagrafer('Huvud\n§ 1\nText enligt KS § 12.\n§ 2 Dnr KS 2020/1\nMer');
    expect(p.map((x) => x.nummer)).toEqual(['1', '2']);
    expect(p[0].text).toContain('KS § 12');
  });

  it('läser organ och sammanträdesdatum ur huvudet', () => {
    expect(lasProtokollHuvud(KS_PROTOKOLL)).toEqual({ organ: 'Kommunstyrelsen', datum: '2020-10-19' });
    expect(lasProtokollHuvud('Barn- och utbildningsnämnden\nSammanträdesdatum: 3 februari 2021\n§ 1')).toEqual({ organ: 'Barn- och utbildningsnämnden', datum: '2021-02-03' });
  });

  it('hittar diarienummer med och utan "Dnr"', () => {
    expect(diarienummerI('§ 54 Dnr KS 2020/801')).toBe('KS 2020/801');
    expect(diarienummerI('Dnr: BUN 2021/34')).toBe('BUN 2021/34');
    expect(diarienummerI('Ärende KF 2019/12 om')).toBe('KF 2019/12');
  });

  it('ger beslutsinstans för organets namn', () => {
    expect(beslutsinstansForOrgan('Kommunfullmäktige')).toBe('KF');
    expect(beslutsinstansForOrgan('Kommunstyrelsen')).toBe('KS');
    expect(beslutsinstansForOrgan('Kommunstyrelsens arbetsutskott')).toBe('KSAU');
    expect(beslutsinstansForOrgan('Socialnämnden')).toBe('Nämnd');
    expect(beslutsinstansForOrgan('Revisionen')).toBeUndefined();
  });
});

describe('meningar som ger uppdrag', () => {
  it.each([
    ['Kommunstyrelsen beslutar att uppdra åt kommunledningskontoret att utreda frågan.', 'Kommunledningskontoret'],
    ['Kommunfullmäktige ger barn- och utbildningsnämnden i uppdrag att ta fram en plan.', 'Barn- och utbildningsnämnden'],
    ['att ge kommundirektören i uppdrag att återkomma med ett förslag,', 'Kommundirektören'],
    ['2. att samhällsbyggnadsförvaltningen får i uppdrag att inventera taken', 'Samhällsbyggnadsförvaltningen'],
    ['Socialnämnden uppdras att utreda hemtjänstens organisation.', 'Socialnämnden'],
    ['Kommunstyrelsen uppdrar åt tekniska förvaltningen att upphandla.', 'Tekniska förvaltningen']
  ])('%s', (mening, mottagare) => {
    expect(hittaUppdrag(mening)?.mottagare).toBe(mottagare);
  });

  it('tar inte bakgrund i förfluten tid eller beslut utan uppdrag', () => {
    expect(hittaUppdrag('Kommunfullmäktige gav 2019 kommunstyrelsen i uppdrag att följa upp.')).toBeUndefined();
    expect(hittaUppdrag('Kommunstyrelsen beslutar att godkänna delårsrapporten.')).toBeUndefined();
    expect(hittaUppdrag('Uppdraget ska återrapporteras senast den 30 november 2020.')).toBeUndefined();
  });

  it('läser återrapporteringens datum', () => {
    expect(aterrapporteringI('Uppdraget ska återrapporteras till kommunstyrelsen senast den 30 november 2020.')).toBe('2020-11-30');
    expect(aterrapporteringI('att återrapportera senast 2021-03-31')).toBe('2021-03-31');
    expect(aterrapporteringI('Beslutet gäller från den 1 januari 2021.')).toBeUndefined();
  });
});

describe('förslag ur ett helt protokoll', () => {
  const forslag = foreslaUppdrag(KS_PROTOKOLL, { kalla: '17' });

  it('föreslår ett uppdrag per uppdragssats, bara ur beslutet', () => {
    expect(forslag.map((f) => f.kallNyckel)).toEqual(['protokoll:17:§54', 'protokoll:17:§56', 'protokoll:17:§56.2']);
  });

  it('tar med organ, §, datum, diarienummer, förvaltning och återrapportering', () => {
    expect(forslag[0]).toEqual({
      kallNyckel: 'protokoll:17:§54',
      paragraf: '§ 54',
      organ: 'Kommunstyrelsen',
      beslutsinstans: 'KS',
      beslutsdatum: '2020-10-19',
      diarienummer: 'KS 2020/801',
      rubrik: 'Kontinuerligt uppdaterade ärendebalanslistor',
      uppdragstext: 'Kommunstyrelsen beslutar att uppdra åt kommunledningskontoret att utreda hur ärendebalanslistan kan hållas uppdaterad löpande.',
      forvaltning: 'Kommunledningskontoret',
      aterrapporteraSenast: '2020-11-30'
    });
    expect(forslag[1]).toMatchObject({ paragraf: '§ 56', diarienummer: 'KS 2020/612', forvaltning: 'Samhällsbyggnadsförvaltningen', rubrik: 'Motion om solceller' });
    expect(forslag[2]).toMatchObject({ forvaltning: 'Kultur- och fritidsförvaltningen', aterrapporteraSenast: '2021-03-31' });
  });

  it('låter protokollets metadata gå före texten', () => {
    const f = foreslaUppdrag(KS_PROTOKOLL, { kalla: 'x.docx', organ: 'Kommunfullmäktige', datum: '2020-10-26' });
    expect(f[0]).toMatchObject({ beslutsinstans: 'KF', beslutsdatum: '2020-10-26', kallNyckel: 'protokoll:x.docx:§54' });
  });

  it('ger samma nycklar varje gång, så en § aldrig skapas två gånger', () => {
    expect(foreslaUppdrag(KS_PROTOKOLL, { kalla: '17' }).map((f) => f.kallNyckel)).toEqual(forslag.map((f) => f.kallNyckel));
    expect(protokollKallNyckel('17', '54')).toBe('protokoll:17:§54');
  });

  it('läser ett KF-protokoll där allt står på paragrafens första rad', () => {
    const kf = 'Kommunfullmäktige\nSammanträdesdatum 2021-02-22\n§ 12 Dnr KS 2020/900 Kommunfullmäktige ger barn- och utbildningsnämnden i uppdrag att se över skolskjutsreglementet. Uppdraget ska återrapporteras senast den 30 september 2021.';
    expect(foreslaUppdrag(kf, { kalla: '3' })).toEqual([expect.objectContaining({
      paragraf: '§ 12', beslutsinstans: 'KF', beslutsdatum: '2021-02-22', diarienummer: 'KS 2020/900',
      forvaltning: 'Barn- och utbildningsförvaltningen', aterrapporteraSenast: '2021-09-30', rubrik: 'Se över skolskjutsreglementet'
    })]);
  });

  it('ger inga förslag för ett protokoll utan uppdrag', () => {
    expect(foreslaUppdrag('Kommunstyrelsen\n§ 1\nBeslut\nKommunstyrelsen beslutar att godkänna rapporten.', { kalla: '1' })).toEqual([]);
  });
});

describe('ansvarig förvaltning för ett uppdrag till en nämnd', () => {
  it('blir nämndens förvaltning, och kommunstyrelsens kommunledningskontoret', () => {
    const { ansvarigForvaltning } = jest.requireActual('../../src/domain/protokollUppdrag');
    expect(ansvarigForvaltning('socialnämnden')).toBe('Socialförvaltningen');
    expect(ansvarigForvaltning('barn- och utbildningsnämnden')).toBe('Barn- och utbildningsförvaltningen');
    expect(ansvarigForvaltning('kommunstyrelsen')).toBe('Kommunledningskontoret');
    expect(ansvarigForvaltning('kommunledningskontoret')).toBe('Kommunledningskontoret');
  });
});
