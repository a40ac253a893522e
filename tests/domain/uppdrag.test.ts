import { daysBetween, isIsoDate, swedishDate } from '../../src/domain/dates';
import { arForsenat, arInaktuell, bedomLage, IUppdragLage, UPPDRAG_STATUSAR } from '../../src/domain/uppdrag';

describe('kalenderdagar', () => {
  it('godtar bara riktiga datum skrivna ÅÅÅÅ-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('30/6 2025')).toBe(false);
    expect(isIsoDate(20250630)).toBe(false);
  });

  it('ger dagen som den ser ut på en svensk klocka, sommar- som vintertid', () => {
    expect(swedishDate(new Date('2024-06-14T22:30:00Z'))).toBe('2024-06-15');
    expect(swedishDate(new Date('2024-06-14T21:30:00Z'))).toBe('2024-06-14');
    expect(swedishDate(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(swedishDate(new Date('2024-12-31T22:30:00Z'))).toBe('2024-12-31');
  });

  it('räknar kalenderdagar över månads- och årsskiften', () => {
    expect(daysBetween('2024-12-30', '2025-01-02')).toBe(3);
    expect(daysBetween('2025-01-02', '2024-12-30')).toBe(-3);
  });
});

describe('försenade uppdrag', () => {
  const pagar = (planeratKlart?: string): IUppdragLage => ({ status: 'Pagar', planeratKlart, senastAndrad: '2025-06-01' });

  it('är försenat först dagen efter planerat klart', () => {
    expect(arForsenat(pagar('2025-06-10'), '2025-06-10')).toBe(false);
    expect(arForsenat(pagar('2025-06-10'), '2025-06-11')).toBe(true);
  });

  it('är aldrig försenat när det är verkställt eller saknar planerat datum', () => {
    expect(arForsenat({ status: 'Verkstallt', planeratKlart: '2020-01-01' }, '2025-06-11')).toBe(false);
    expect(arForsenat(pagar(undefined), '2025-06-11')).toBe(false);
  });

  it('visar Ej påbörjat och Pågår som Försenat med antal dagar efter planerat datum', () => {
    for (const status of ['EjPaborjat', 'Pagar'] as const) {
      expect(bedomLage({ status, planeratKlart: '2025-05-31', senastAndrad: '2025-06-01' }, '2025-06-12'))
        .toEqual({ status: 'Forsenat', forsenad: true, dagarForsenad: 12, inaktuell: false });
    }
  });

  it('behåller Delvis verkställt och Föreslås avskrivas men markerar dem som sena', () => {
    for (const status of ['DelvisVerkstallt', 'ForeslasAvskrivas'] as const) {
      const lage = bedomLage({ status, planeratKlart: '2025-06-01', senastAndrad: '2025-06-01' }, '2025-06-02');
      expect(lage.status).toBe(status);
      expect(lage.forsenad).toBe(true);
    }
  });

  it('rör inte status för uppdrag i tid', () => {
    for (const status of UPPDRAG_STATUSAR) {
      expect(bedomLage({ status, planeratKlart: '2030-01-01', senastAndrad: '2025-06-01' }, '2025-06-02').status).toBe(status);
    }
  });
});

describe('inaktuella uppdrag', () => {
  it('blir inaktuella när ingen uppdaterat raden på det inställda antalet dagar', () => {
    const lage: IUppdragLage = { status: 'Pagar', senastAndrad: '2025-05-01' };
    expect(arInaktuell(lage, '2025-05-30')).toBe(false);
    expect(arInaktuell(lage, '2025-05-31')).toBe(true);
    expect(arInaktuell(lage, '2025-05-08', 7)).toBe(true);
  });

  it('räknar en rad som aldrig sparats som inaktuell, men aldrig ett verkställt uppdrag', () => {
    expect(arInaktuell({ status: 'EjPaborjat' }, '2025-05-31')).toBe(true);
    expect(arInaktuell({ status: 'Verkstallt', senastAndrad: '2019-01-01' }, '2025-05-31')).toBe(false);
  });
});
