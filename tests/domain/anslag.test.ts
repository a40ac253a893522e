import { arAktuellt, kungorasSenast, kungorelselage, kungorelseNedtagning, tillkannagesSenast, tillkannagivande } from '../../src/domain/anslag';

// Expected dates are counted by hand on a calendar (see frister.test.ts), never with the code under test.
describe('tillkännagivande av justerat protokoll', () => {
  const grund = {
    organ: 'Kommunstyrelsen', sammantradesdatum: '2026-11-23', justeringsdatum: '2026-12-02',
    forvaringsplats: 'Kommunledningskontoret, Storgatan 1', uppsatt: '2026-12-03'
  };

  it('anger allt en medborgare behöver för att överklaga, och sista dagen efter julhelgen', () => {
    // 3 December + 3 weeks = julafton (Thursday); juldagen, annandag jul (Saturday), Sunday: Monday 28 December.
    expect(tillkannagivande(grund)).toEqual({
      ...grund, sistaDagForOverklagande: '2026-12-28', nedtagning: '2026-12-29'
    });
  });

  it.each([
    ['2026-05-29', '2026-06-22', '2026-06-23'], // midsommarafton
    ['2026-12-10', '2027-01-04', '2027-01-05'], // nyårsafton, över årsskiftet
    ['2026-03-13', '2026-04-07', '2026-04-08'], // långfredagen till annandag påsk
    ['2026-04-23', '2026-05-15', '2026-05-16'], // Kristi himmelsfärdsdag; nedtagning en lördag
    ['2026-10-10', '2026-11-02', '2026-11-03'], // alla helgons dag
    ['2025-05-16', '2025-06-09', '2025-06-10'], // nationaldagen och pingst
    ['2026-03-01', '2026-03-23', '2026-03-24'], // anslag en söndag
    ['2026-03-02', '2026-03-23', '2026-03-24'], // ingen helg alls
    ['2026-01-31', '2026-02-23', '2026-02-24'] // över månadsskiftet: 21 februari är en lördag
  ])('uppsatt %s: sista dag %s, tas ned %s', (uppsatt, sista, ned) => {
    const t = tillkannagivande({ ...grund, uppsatt });
    expect(t.sistaDagForOverklagande).toBe(sista);
    expect(t.nedtagning).toBe(ned);
  });

  it('syns hela sista dagen och tas ned dagen efter', () => {
    const t = tillkannagivande(grund);
    expect(arAktuellt(t, '2026-12-02')).toBe(false);
    expect(arAktuellt(t, '2026-12-03')).toBe(true);
    expect(arAktuellt(t, '2026-12-24')).toBe(true);
    expect(arAktuellt(t, '2026-12-28')).toBe(true);
    expect(arAktuellt(t, '2026-12-29')).toBe(false);
    expect(arAktuellt(t, '2027-02-01')).toBe(false);
  });

  it('låter ett anslag utan nedtagningsdag stå kvar', () => {
    expect(arAktuellt({ uppsatt: '2026-12-03' }, '2030-01-01')).toBe(true);
    expect(arAktuellt({ uppsatt: '2026-12-03' }, '2026-12-02')).toBe(false);
  });

  it('ska sättas upp senast två dagar efter justeringen', () => {
    expect(tillkannagesSenast('2026-03-26')).toBe('2026-03-28');
    expect(tillkannagesSenast('2026-02-27')).toBe('2026-03-01');
    expect(tillkannagesSenast('2028-02-28')).toBe('2028-03-01');
    expect(tillkannagesSenast('2026-12-30')).toBe('2027-01-01');
  });
});

describe('kungörelse av fullmäktiges sammanträde', () => {
  // KF meets Monday 15 June 2026: the kungörelse must be up by Monday 8 June.
  const motesdag = '2026-06-15';

  it('ska sättas upp minst en vecka före sammanträdesdagen', () => {
    expect(kungorasSenast(motesdag)).toBe('2026-06-08');
    expect(kungorasSenast('2026-03-05')).toBe('2026-02-26');
    expect(kungorasSenast('2028-03-06')).toBe('2028-02-28');
    expect(kungorasSenast('2027-01-04')).toBe('2026-12-28');
  });

  it('är i rätt tid exakt sju dagar före, och sen sex dagar före', () => {
    expect(kungorelselage(motesdag, '2026-06-08', '2026-06-10')).toBe('IRattTid');
    expect(kungorelselage(motesdag, '2026-05-20', '2026-06-10')).toBe('IRattTid');
    expect(kungorelselage(motesdag, '2026-06-09', '2026-06-10')).toBe('Sent');
    expect(kungorelselage(motesdag, '2026-06-15', '2026-06-15')).toBe('Sent');
  });

  it('flaggar en kungörelse som inte satts upp när fristen har gått ut', () => {
    expect(kungorelselage(motesdag, undefined, '2026-06-01')).toBe('EjAnslagen');
    expect(kungorelselage(motesdag, undefined, '2026-06-08')).toBe('EjAnslagen');
    expect(kungorelselage(motesdag, undefined, '2026-06-09')).toBe('EjAnslagenForSent');
    expect(kungorelselage(motesdag, undefined, '2026-06-20')).toBe('EjAnslagenForSent');
  });

  it('bedömer ett uppsatt anslag efter när det sattes upp, inte efter i dag', () => {
    expect(kungorelselage(motesdag, '2026-06-01', '2026-07-01')).toBe('IRattTid');
  });

  it('står kvar till och med sammanträdesdagen', () => {
    expect(kungorelseNedtagning(motesdag)).toBe('2026-06-16');
    expect(arAktuellt({ uppsatt: '2026-06-01', nedtagning: kungorelseNedtagning(motesdag) }, '2026-06-15')).toBe(true);
    expect(arAktuellt({ uppsatt: '2026-06-01', nedtagning: kungorelseNedtagning(motesdag) }, '2026-06-16')).toBe(false);
    expect(kungorelseNedtagning('2026-12-31')).toBe('2027-01-01');
  });
});
