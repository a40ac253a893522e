import { ejSistaDag, flyttaTillVardag, helgdagar, justerasSenast, paskdagen, sistaDagForOverklagande } from '../../src/domain/frister';

describe('helgdagar', () => {
  it('räknar ut påskdagen', () => {
    expect(paskdagen(2024)).toBe('2024-03-31');
    expect(paskdagen(2025)).toBe('2025-04-20');
    expect(paskdagen(2026)).toBe('2026-04-05');
    expect(paskdagen(2038)).toBe('2038-04-25');
  });

  it('har de rörliga helgdagarna 2025 på rätt dagar', () => {
    const h = helgdagar(2025);
    expect(h['2025-04-18']).toBe('Långfredagen');
    expect(h['2025-04-21']).toBe('Annandag påsk');
    expect(h['2025-05-29']).toBe('Kristi himmelsfärdsdag');
    expect(h['2025-06-08']).toBe('Pingstdagen');
    expect(h['2025-06-21']).toBe('Midsommardagen');
    expect(h['2025-11-01']).toBe('Alla helgons dag');
  });

  it('godtar inte aftnar, lördagar eller söndagar som sista dag', () => {
    expect(ejSistaDag('2025-06-20')).toBe('Midsommarafton');
    expect(ejSistaDag('2025-12-24')).toBe('Julafton');
    expect(ejSistaDag('2025-12-31')).toBe('Nyårsafton');
    expect(ejSistaDag('2025-06-14')).toBe('Lördag');
    expect(ejSistaDag('2025-06-15')).toBe('Söndag');
    expect(ejSistaDag('2025-06-16')).toBeUndefined();
  });
});

describe('sista dag för laglighetsprövning', () => {
  it('är tre veckor efter att anslaget sattes upp', () => {
    expect(sistaDagForOverklagande('2025-03-03')).toBe('2025-03-24');
  });

  it('flyttas till nästa vardag när den infaller en helg', () => {
    // 2025-03-29 is a Saturday.
    expect(sistaDagForOverklagande('2025-03-08')).toBe('2025-03-31');
  });

  it('hoppar över midsommar och hela julen', () => {
    expect(sistaDagForOverklagande('2025-05-30')).toBe('2025-06-23');
    expect(flyttaTillVardag('2025-12-24')).toBe('2025-12-29');
    // Nyårsafton, then nyårsdagen: the period ends on Friday 2 January.
    expect(sistaDagForOverklagande('2025-12-10')).toBe('2026-01-02');
  });

  it('tar långfredagen och annandag påsk i beräkningen', () => {
    expect(sistaDagForOverklagande('2025-03-28')).toBe('2025-04-22');
  });
});

describe('justering', () => {
  it('ska ske senast fjorton dagar efter sammanträdet', () => {
    expect(justerasSenast('2025-06-02')).toBe('2025-06-16');
  });
});

// Every expected date below is counted by hand on a calendar: the posting day plus 21 days (three
// weeks end on the same weekday), then forward past Saturdays, Sundays, helgdagar, midsommarafton,
// julafton and nyårsafton. They are written out, never recomputed with the code under test.
describe('sista dag för laglighetsprövning i verkliga kalenderfall', () => {
  it.each([
    // [uppsatt, nominell sista dag, faktisk sista dag, varför]
    ['2026-05-29', '2026-06-19', '2026-06-22', 'midsommarafton fre, midsommardagen lör, sön: måndag'],
    ['2027-06-04', '2027-06-25', '2027-06-28', 'midsommarafton sent i juni (25:e) när 19:e är en lördag'],
    ['2026-12-03', '2026-12-24', '2026-12-28', 'julafton tor, juldagen fre, annandag jul lör, sön'],
    ['2027-12-03', '2027-12-24', '2027-12-27', 'julafton fre; annandag jul på söndag ger ingen extra ledig måndag'],
    ['2029-12-03', '2029-12-24', '2029-12-27', 'julafton mån, juldagen tis, annandag jul ons'],
    ['2026-12-10', '2026-12-31', '2027-01-04', 'nyårsafton tor, nyårsdagen fre, helg: över årsskiftet'],
    ['2027-12-10', '2027-12-31', '2028-01-03', 'nyårsafton fre, nyårsdagen lör'],
    ['2026-03-01', '2026-03-22', '2026-03-23', 'anslag en söndag: sista dagen blir också söndag'],
    ['2026-02-28', '2026-03-21', '2026-03-23', 'anslag en lördag'],
    ['2026-03-13', '2026-04-03', '2026-04-07', 'långfredagen, påskafton, påskdagen, annandag påsk'],
    ['2026-03-16', '2026-04-06', '2026-04-07', 'annandag påsk'],
    ['2024-03-08', '2024-03-29', '2024-04-02', 'tidig påsk: långfredagen i mars'],
    ['2026-04-23', '2026-05-14', '2026-05-15', 'Kristi himmelsfärdsdag tor; klämdagen är en vardag'],
    ['2026-04-10', '2026-05-01', '2026-05-04', 'första maj fre'],
    ['2026-10-10', '2026-10-31', '2026-11-02', 'alla helgons dag lör (31 okt)'],
    ['2025-05-16', '2025-06-06', '2025-06-09', 'nationaldagen fre, pingstdagen sön; annandag pingst är vardag'],
    ['2028-05-16', '2028-06-06', '2028-06-07', 'nationaldagen tis'],
    ['2025-12-16', '2026-01-06', '2026-01-07', 'trettondedag jul tis']
  ])('anslag uppsatt %s: nominellt %s, sista dag %s (%s)', (uppsatt, _nominell, sista) => {
    expect(sistaDagForOverklagande(uppsatt)).toBe(sista);
  });

  it('låter en vanlig vardag stå kvar, också dagarna intill helger', () => {
    // Alla helgons afton, dagen före midsommarafton, skärtorsdagen, klämdagen och skottdagen är vardagar.
    expect(sistaDagForOverklagande('2026-10-09')).toBe('2026-10-30');
    expect(sistaDagForOverklagande('2026-05-28')).toBe('2026-06-18');
    expect(sistaDagForOverklagande('2026-03-12')).toBe('2026-04-02');
    expect(sistaDagForOverklagande('2026-04-24')).toBe('2026-05-15');
    expect(sistaDagForOverklagande('2028-02-08')).toBe('2028-02-29');
  });

  it('räknar över månadsskiften och skottår', () => {
    expect(sistaDagForOverklagande('2026-02-09')).toBe('2026-03-02');
    expect(sistaDagForOverklagande('2028-02-09')).toBe('2028-03-01');
    expect(sistaDagForOverklagande('2026-01-13')).toBe('2026-02-03');
  });
});

describe('helgdagar i fler år', () => {
  it('räknar ut påskdagen i gränsfallen', () => {
    expect(paskdagen(2027)).toBe('2027-03-28');
    expect(paskdagen(2008)).toBe('2008-03-23');
    expect(paskdagen(2019)).toBe('2019-04-21');
    // The earliest and latest possible Easter Sundays.
    expect(paskdagen(2285)).toBe('2285-03-22');
    expect(paskdagen(1943)).toBe('1943-04-25');
  });

  it('lägger midsommar och alla helgons dag på lördagen i sitt intervall', () => {
    const h2027 = helgdagar(2027);
    expect(h2027['2027-06-26']).toBe('Midsommardagen');
    expect(h2027['2027-06-19']).toBeUndefined();
    expect(h2027['2027-11-06']).toBe('Alla helgons dag');
    expect(h2027['2027-10-30']).toBeUndefined();
    expect(ejSistaDag('2027-06-25')).toBe('Midsommarafton');
    expect(ejSistaDag('2027-06-18')).toBeUndefined();
    expect(helgdagar(2026)['2026-10-31']).toBe('Alla helgons dag');
  });

  it('har tretton helgdagar varje år utan annandag pingst', () => {
    const h = helgdagar(2026);
    expect(Object.keys(h)).toHaveLength(13);
    expect(h['2026-05-25']).toBeUndefined();
    expect(ejSistaDag('2026-05-25')).toBeUndefined();
  });

  it('behandlar Kristi himmelsfärd på första maj som helgdag (2008)', () => {
    expect(ejSistaDag('2008-05-01')).toBeDefined();
    expect(flyttaTillVardag('2008-05-01')).toBe('2008-05-02');
  });

  it('flyttar inte en dag som redan är en vardag', () => {
    expect(flyttaTillVardag('2026-06-18')).toBe('2026-06-18');
    expect(flyttaTillVardag('2026-12-23')).toBe('2026-12-23');
  });
});

describe('justerasSenast', () => {
  it('är fjorton kalenderdagar efter sammanträdet, också över månadsskiften', () => {
    expect(justerasSenast('2026-03-30')).toBe('2026-04-13');
    expect(justerasSenast('2026-02-23')).toBe('2026-03-09');
    expect(justerasSenast('2028-02-22')).toBe('2028-03-07');
    expect(justerasSenast('2026-12-21')).toBe('2027-01-04');
  });
});
