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
