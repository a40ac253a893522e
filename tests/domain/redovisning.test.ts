import {
  grupperaRader, ingarIRedovisning, jamforUnderlag, nastaPeriod, periodEtikett, periodFranNyckel, periodNyckel, periodslut,
  redovisningFilnamn, redovisningFranUnderlag, skapaRedovisning, skapaUnderlag, tolkaUnderlag
} from '../../src/domain/redovisning';
import { bedomLage, IUppdrag } from '../../src/domain/uppdrag';
import { ettUppdrag } from '../support/testdata';

/** The shared test uppdrag with this file's values. */
const uppdrag = (del: Partial<IUppdrag>): IUppdrag => ettUppdrag({ rubrik: 'Uppdrag', beslutsdatum: '2025-04-20', planeratKlart: '2027-06-30', senastAndrad: undefined, ...del });

describe('redovisningsperioden', () => {
  it('heter som månaden och året och slutar sista juni eller sista december', () => {
    expect(periodEtikett({ ar: 2026, manad: 6 })).toBe('juni 2026');
    expect(periodEtikett({ ar: 2026, manad: 12 })).toBe('december 2026');
    expect(periodslut({ ar: 2026, manad: 6 })).toBe('2026-06-30');
    expect(periodslut({ ar: 2026, manad: 12 })).toBe('2026-12-31');
  });

  it('föreslår nästa redovisning: juni till och med 30 juni, sedan december', () => {
    expect(nastaPeriod('2026-01-01')).toEqual({ ar: 2026, manad: 6 });
    expect(nastaPeriod('2026-06-30')).toEqual({ ar: 2026, manad: 6 });
    expect(nastaPeriod('2026-07-01')).toEqual({ ar: 2026, manad: 12 });
    expect(nastaPeriod('2026-12-31')).toEqual({ ar: 2026, manad: 12 });
  });

  it('har en nyckel och ett filnamn som går att läsa tillbaka', () => {
    expect(periodNyckel({ ar: 2026, manad: 6 })).toBe('2026-06');
    expect(periodFranNyckel('2026-12')).toEqual({ ar: 2026, manad: 12 });
    expect(periodFranNyckel('2026-07')).toBeUndefined();
    expect(periodFranNyckel(undefined)).toBeUndefined();
    expect(redovisningFilnamn({ ar: 2026, manad: 12 }, 'xlsx')).toBe('Redovisning-ej-verkstallda-beslut-2026-12.xlsx');
  });
});

describe('vilka uppdrag som redovisas', () => {
  it('tar med allt som beslutats senast vid periodens slut och inte är verkställt, även Föreslås avskrivas', () => {
    expect(ingarIRedovisning(uppdrag({ status: 'Pagar' }), '2026-06-30')).toBe(true);
    expect(ingarIRedovisning(uppdrag({ status: 'DelvisVerkstallt' }), '2026-06-30')).toBe(true);
    expect(ingarIRedovisning(uppdrag({ status: 'ForeslasAvskrivas' }), '2026-06-30')).toBe(true);
    expect(ingarIRedovisning(uppdrag({ status: 'Verkstallt' }), '2026-06-30')).toBe(false);
    expect(ingarIRedovisning(uppdrag({ beslutsdatum: '2026-06-30' }), '2026-06-30')).toBe(true);
    expect(ingarIRedovisning(uppdrag({ beslutsdatum: '2026-07-01' }), '2026-06-30')).toBe(false);
    expect(ingarIRedovisning(uppdrag({ beslutsdatum: undefined }), '2026-06-30')).toBe(true);
  });
});

describe('gruppering och ordning', () => {
  it('ordnar KF, KS, KSAU, Nämnd och sedan andra, förvaltningar i bokstavsordning, äldsta beslut först', () => {
    const lista = [
      uppdrag({ id: 1, beslutsinstans: 'Nämnd', forvaltning: 'Socialförvaltningen' }),
      uppdrag({ id: 2, beslutsinstans: 'KSAU' }),
      uppdrag({ id: 3, beslutsinstans: 'KS', forvaltning: 'Överförmyndaren' }),
      uppdrag({ id: 4, beslutsinstans: 'KS', forvaltning: 'Barn- och utbildningsförvaltningen', beslutsdatum: '2024-05-01', paragraf: '§ 121' }),
      uppdrag({ id: 5, beslutsinstans: 'KS', forvaltning: 'Barn- och utbildningsförvaltningen', beslutsdatum: '2023-01-10' }),
      uppdrag({ id: 6, beslutsinstans: 'KS', forvaltning: 'Barn- och utbildningsförvaltningen', beslutsdatum: '2024-05-01', paragraf: '§ 9' }),
      uppdrag({ id: 7, beslutsinstans: 'KF' }),
      uppdrag({ id: 8, beslutsinstans: 'Valnämnden' }),
      uppdrag({ id: 9, beslutsinstans: 'KS', forvaltning: 'Zeta' })
    ];
    const grupper = grupperaRader(lista.map((u) => ({ uppdrag: u, lage: bedomLage(u, '2026-11-27') })));
    expect(grupper.map((g) => g.beslutsinstans)).toEqual(['KF', 'KS', 'KSAU', 'Nämnd', 'Valnämnden']);
    const ks = grupper[1];
    // Swedish order: Z before Ö.
    expect(ks.forvaltningar.map((f) => f.forvaltning)).toEqual(['Barn- och utbildningsförvaltningen', 'Zeta', 'Överförmyndaren']);
    expect(ks.forvaltningar[0].rader.map((r) => r.uppdrag.id)).toEqual([5, 6, 4]);
    expect(ks.antal).toBe(5);
  });

  it('sammanfattar per status som den visas, försenade och föreslås avskrivas', () => {
    const r = skapaRedovisning([
      uppdrag({ id: 1, status: 'Pagar', planeratKlart: '2026-01-31' }),
      uppdrag({ id: 2, status: 'ForeslasAvskrivas', planeratKlart: '2026-01-31' }),
      uppdrag({ id: 3, status: 'EjPaborjat' }),
      uppdrag({ id: 4, status: 'Verkstallt' }),
      uppdrag({ id: 5, beslutsinstans: 'KF', status: 'DelvisVerkstallt' })
    ], { ar: 2026, manad: 12 }, '2026-11-27');
    expect(r.etikett).toBe('december 2026');
    expect(r.sammanfattning.totalt).toBe(4);
    expect(r.sammanfattning.perStatus).toMatchObject({ Forsenat: 1, ForeslasAvskrivas: 1, EjPaborjat: 1, DelvisVerkstallt: 1, Pagar: 0, Verkstallt: 0 });
    expect(r.sammanfattning.forsenade).toBe(2);
    expect(r.sammanfattning.perInstans).toEqual([{ beslutsinstans: 'KF', antal: 1 }, { beslutsinstans: 'KS', antal: 3 }]);
    expect(r.underlag.verkstalldaId).toEqual([4]);
    expect(r.diff).toBeUndefined();
  });
});

describe('underlaget och jämförelsen med förra redovisningen', () => {
  const juni = skapaUnderlag([
    uppdrag({ id: 1, rubrik: 'Blir verkställt', status: 'Pagar' }),
    uppdrag({ id: 2, rubrik: 'Flyttas', planeratKlart: '2026-09-30', forstPlaneratKlart: '2026-09-30' }),
    uppdrag({ id: 3, rubrik: 'Oförändrat' }),
    uppdrag({ id: 4, rubrik: 'Tas bort' }),
    uppdrag({ id: 5, rubrik: 'Tidigareläggs', planeratKlart: '2027-01-31' })
  ], { ar: 2026, manad: 6 }, '2026-06-15');

  it('fryser raderna som de var: en senare ändring i listan ändrar inte underlaget', () => {
    const lista = [uppdrag({ id: 1, status: 'Pagar', varIHanteringen: 'Remiss' })];
    const underlag = skapaUnderlag(lista, { ar: 2026, manad: 6 }, '2026-06-15');
    lista[0].varIHanteringen = 'Ändrat efteråt';
    expect(underlag.uppdrag[0].varIHanteringen).toBe('Remiss');
    const igen = tolkaUnderlag(JSON.stringify(underlag))!;
    expect(redovisningFranUnderlag(igen)).toEqual(redovisningFranUnderlag(underlag));
  });

  it('pekar ut nya, verkställda, flyttade och borttagna', () => {
    const december = skapaUnderlag([
      uppdrag({ id: 1, rubrik: 'Blir verkställt', status: 'Verkstallt' }),
      uppdrag({ id: 2, rubrik: 'Flyttas', planeratKlart: '2027-03-31', forstPlaneratKlart: '2026-09-30' }),
      uppdrag({ id: 3, rubrik: 'Oförändrat' }),
      uppdrag({ id: 5, rubrik: 'Tidigareläggs', planeratKlart: '2026-12-31' }),
      uppdrag({ id: 6, rubrik: 'Nytt', beslutsdatum: '2026-09-01' })
    ], { ar: 2026, manad: 12 }, '2026-11-27');
    const diff = jamforUnderlag(juni, december);
    expect(diff.forraPeriod).toEqual({ ar: 2026, manad: 6 });
    expect(diff.nya.map((u) => u.id)).toEqual([6]);
    expect(diff.verkstallda.map((u) => u.id)).toEqual([1]);
    expect(diff.flyttade).toEqual([expect.objectContaining({ fran: '2026-09-30', till: '2027-03-31' })]);
    expect(diff.flyttade[0].uppdrag.id).toBe(2);
    expect(diff.borttagna.map((u) => u.id)).toEqual([4]);
    expect(redovisningFranUnderlag(december, juni).diff).toEqual(diff);
  });

  it('läser inte ett skadat eller okänt underlag', () => {
    expect(tolkaUnderlag('{inte json')).toBeUndefined();
    expect(tolkaUnderlag(JSON.stringify({ ...juni, version: 99 }))).toBeUndefined();
    expect(tolkaUnderlag(null)).toBeUndefined();
    expect(tolkaUnderlag(JSON.stringify(juni))).toEqual(juni);
  });
});
