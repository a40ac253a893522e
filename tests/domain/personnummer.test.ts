import fc from 'fast-check';
import { hittaPersonnummer } from '../../src/domain/personnummer';

/** The Luhn check digit of nine digits, written out here so the tests do not borrow the code under test. */
function kontrollsiffra(nio: string): string {
  let summa = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(nio[i]) * (i % 2 === 0 ? 2 : 1);
    summa += d > 9 ? d - 9 : d;
  }
  return String((10 - (summa % 10)) % 10);
}

describe('hittaPersonnummer', () => {
  it.each([
    ['811218-9876', 'tio siffror med bindestreck'],
    ['8112189876', 'tio siffror i följd'],
    ['19811218-9876', 'med sekel och bindestreck'],
    ['198112189876', 'tolv siffror i följd, som i en signerad PDF'],
    ['121212+1212', 'plustecken för den som fyllt hundra'],
    ['19121212-1212', 'Skatteverkets testperson Tolvan'],
    ['701063-2391', 'samordningsnummer (födelsedag + 60)'],
    ['19701063-2391', 'samordningsnummer med sekel'],
    ['20000101-1238', 'född på 2000-talet'],
    ['19811218 9876', 'med sekel och mellanslag'],
    ['811218 9876', 'mellanslag'],
    ['811218\u00a09876', 'hårt mellanslag, som Word sätter för att hålla ihop numret'],
    ['811218\u202f9876', 'smalt hårt mellanslag'],
    ['811218–9876', 'tankstreck, som ordbehandlare byter bindestrecket mot'],
    ['19811218—9876', 'långt tankstreck'],
    ['811218\u20119876', 'hårt bindestreck'],
    ['811218−9876', 'minustecken'],
    ['811218 - 9876', 'bindestreck med mellanslag omkring'],
    ['811218 –9876', 'tankstreck med mellanslag före'],
    ['121212 +1212', 'plustecken med mellanslag']
  ])('hittar %s (%s)', (nummer) => {
    expect(hittaPersonnummer(`Signerat av Anna Berg, ${nummer}. Tid: 2026-03-18 10:15`)).toEqual([nummer]);
  });

  it('hittar ett nummer mitt i PDF-metadata utan mellanrum', () => {
    expect(hittaPersonnummer('/Signer(CN=Anna Berg/SERIALNUMBER=198112189876)/Reason(Justering)')).toEqual(['198112189876']);
    expect(hittaPersonnummer('pnr:811218-9876;namn:Anna')).toEqual(['811218-9876']);
  });

  it('hittar alla nummer i en text, i ordning', () => {
    expect(hittaPersonnummer('Ordförande 19811218-9876 och justerare 701063-2391 har signerat.')).toEqual(['19811218-9876', '701063-2391']);
  });

  it.each([
    ['811218-9875', 'fel kontrollsiffra'],
    ['701063-2390', 'samordningsnummer med fel kontrollsiffra'],
    ['811318-9875', 'månad 13, fast kontrollsiffran stämmer'],
    ['811232-9878', 'dag 32, fast kontrollsiffran stämmer'],
    ['811200-9876', 'dag 00, fast kontrollsiffran stämmer'],
    ['701092-2396', 'samordningsdag 92 (32), fast kontrollsiffran stämmer'],
    ['551212121212', 'tolv siffror med ett sekel ingen har (55), fast de tio sista stämmer'],
    ['1981121898765', 'tretton siffror i följd'],
    ['98112189876', 'elva siffror i följd'],
    ['81121898760', 'ett personnummer med en siffra för mycket'],
    ['811218 9875', 'mellanslag men fel kontrollsiffra'],
    ['811218–98765', 'tankstreck och fem siffror efter'],
    ['1811218 9876', 'sju siffror före mellanslaget'],
    ['811218  9876', 'två mellanslag'],
    ['811218\n9876', 'radbrytning: två celler i en tabell, inte ett nummer'],
    ['811218\t9876', 'tabb: två kolumner'],
    ['811218 -- 9876', 'två bindestreck']
  ])('hittar inte %s (%s)', (text) => {
    expect(hittaPersonnummer(`Referens ${text} enligt bilaga`)).toEqual([]);
  });

  it.each([
    'Dnr KS 2026/1234',
    'KS 2026/1234 och KF 2025/88',
    'Sammanträdesdatum 2026-11-27',
    'Justerat 2026-11-27, anslaget 2026-11-28 – 2026-12-21',
    '20261127 kl 1400',
    'Ring 070-123 45 67 eller 08-123 456 78',
    'Telefon +46 70 123 45 67, +46701234567 eller 0046701234567',
    'Växel 0771-12 34 56',
    'OCR 123456789012345 och bankgiro 5050-1055',
    'Ärende 123456789012',
    'Kontonummer 8327-9, 123 456 789-0',
    'Ring 070–123 45 67 eller 0701 23 45 67',
    'Telefon 070-1234567 och 08-1234 5678',
    'Tel. 031-123 45 67, fax 031-123 45 68',
    'Sammanträdesdatum 2026-11-27 – 2026-12-21',
    'Mandatperiod 2022–2026, budget 2026 2027',
    'Dnr KS 2026/1234 2026-11-27, KS 2025/881 1234',
    'Postnummer 123 45 och 543 21',
    'Belopp 150 000 kr, 1 250 000 kr och 12 345 678 kr',
    'Bankgiro 5050-1055 och plusgiro 12 34 56-7',
    'IBAN SE45 5000 0000 0583 9825 7466',
    'Organisationsnummer 212000-1234 och 556677-8899',
    'Kl. 09.00–12.00 och 13.00 – 16.00',
    '2026-11-20 1400 och 20261120 kl 1400',
    'Fastighet Storstaden 12:34 och Åsen 1:23'
  ])('hittar inga personnummer i "%s"', (text) => {
    expect(hittaPersonnummer(text)).toEqual([]);
  });

  it('egenskap: ett giltigt personnummer hittas var det än står i löptext', () => {
    const ingaSiffror = fc.string({ maxLength: 40 }).map((s) => s.replace(/\d/g, ''));
    const nummer = fc.record({
      sekel: fc.constantFrom('19', '20'),
      ar: fc.integer({ min: 0, max: 99 }),
      manad: fc.integer({ min: 1, max: 12 }),
      dag: fc.integer({ min: 1, max: 28 }),
      samordning: fc.boolean(),
      lopnummer: fc.integer({ min: 0, max: 999 }),
      form: fc.constantFrom('ÅÅMMDD-NNNN', 'ÅÅMMDD+NNNN', 'ÅÅMMDDNNNN', 'SSÅÅMMDD-NNNN', 'SSÅÅMMDDNNNN', 'ÅÅMMDD NNNN', 'SSÅÅMMDD NNNN', 'ÅÅMMDD–NNNN', 'ÅÅMMDD\u00a0NNNN')
    }).map((n) => {
      const tva = (x: number): string => String(x).padStart(2, '0');
      const nio = `${tva(n.ar)}${tva(n.manad)}${tva(n.samordning ? n.dag + 60 : n.dag)}${String(n.lopnummer).padStart(3, '0')}`;
      const datum = nio.slice(0, 6);
      const sista = nio.slice(6) + kontrollsiffra(nio);
      switch (n.form) {
        case 'ÅÅMMDD-NNNN': return `${datum}-${sista}`;
        case 'ÅÅMMDD+NNNN': return `${datum}+${sista}`;
        case 'ÅÅMMDDNNNN': return `${datum}${sista}`;
        case 'SSÅÅMMDD-NNNN': return `${n.sekel}${datum}-${sista}`;
        case 'ÅÅMMDD NNNN': return `${datum} ${sista}`;
        case 'SSÅÅMMDD NNNN': return `${n.sekel}${datum} ${sista}`;
        case 'ÅÅMMDD–NNNN': return `${datum}–${sista}`;
        case 'ÅÅMMDD\u00a0NNNN': return `${datum}\u00a0${sista}`;
        default: return `${n.sekel}${datum}${sista}`;
      }
    });
    fc.assert(fc.property(ingaSiffror, nummer, ingaSiffror, (fore, pnr, efter) => {
      expect(hittaPersonnummer(`${fore}${pnr}${efter}`)).toEqual([pnr]);
    }), { numRuns: 500 });
  });

  it('egenskap: en felskriven kontrollsiffra gör att numret inte längre räknas som personnummer', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 1, max: 9 }),
      (ar, manad, dag, lopnummer, fel) => {
        const nio = `${String(ar).padStart(2, '0')}${String(manad).padStart(2, '0')}${String(dag).padStart(2, '0')}${String(lopnummer).padStart(3, '0')}`;
        const felSiffra = (Number(kontrollsiffra(nio)) + fel) % 10;
        expect(hittaPersonnummer(`Pnr ${nio.slice(0, 6)}-${nio.slice(6)}${felSiffra} slut`)).toEqual([]);
      }
    ));
  });
});
