import { IUppdrag, IUppdragHandelse } from '../../src/domain/uppdrag';
import {
  distinktaVarden, filtrera, gruppera, kandidaterSedan, klassificeraAndring, matcharSok, sortera, statusOversikt
} from '../../src/domain/uppdragUrval';
import { ettUppdrag } from '../support/testdata';

const IDAG = '2025-07-01';
const bedomning = { idag: IDAG, dagarTillInaktuell: 30 };

/** The shared test uppdrag with this file's values. */
const uppdrag = (del: Partial<IUppdrag>): IUppdrag => ettUppdrag({ rubrik: 'Utred ärendebalanslistor', diarienummer: 'KS 2020/801', planeratKlart: '2025-12-31', ...del });

const lista: IUppdrag[] = [
  uppdrag({ id: 1, rubrik: 'Åtgärda skolgården', forvaltning: 'Utbildningsförvaltningen', beslutsinstans: 'KF', paragraf: '§ 10' }),
  uppdrag({ id: 2, rubrik: 'Anlägg cykelväg', forvaltning: 'Samhällsbyggnad', planeratKlart: '2025-05-01', uppdragstext: 'Längs Storgatan' }),
  uppdrag({ id: 3, rubrik: 'Översyn av taxor', forvaltning: 'Samhällsbyggnad', status: 'Verkstallt', planeratKlart: '2025-01-01', paragraf: '§ 9' }),
  uppdrag({ id: 4, rubrik: 'Ärendebalanslista', senastAndrad: '2025-04-01', planeratKlart: undefined, diarienummer: 'KS 2024/17' }),
  uppdrag({ id: 5, rubrik: 'Zonindelning', forvaltning: '', beslutsinstans: 'KF', status: 'EjPaborjat', planeratKlart: '2025-06-30' })
];
const idn = (rader: IUppdrag[]): number[] => rader.map((u) => u.id);

describe('filtrering', () => {
  it('filtrerar på visad status, så att ett försenat Pågår räknas som Försenat', () => {
    expect(idn(filtrera(lista, { statusar: ['Forsenat'] }, bedomning))).toEqual([2, 5]);
    expect(idn(filtrera(lista, { statusar: ['Pagar'] }, bedomning))).toEqual([1, 4]);
    expect(idn(filtrera(lista, { statusar: ['Pagar', 'Verkstallt'] }, bedomning))).toEqual([1, 3, 4]);
    expect(idn(filtrera(lista, { statusar: [] }, bedomning))).toEqual([1, 2, 3, 4, 5]);
  });

  it('filtrerar på förvaltning, beslutsinstans, försenade och inaktuella', () => {
    expect(idn(filtrera(lista, { forvaltning: 'Samhällsbyggnad' }, bedomning))).toEqual([2, 3]);
    expect(idn(filtrera(lista, { beslutsinstans: 'KF' }, bedomning))).toEqual([1, 5]);
    expect(idn(filtrera(lista, { baraForsenade: true }, bedomning))).toEqual([2, 5]);
    expect(idn(filtrera(lista, { baraInaktuella: true }, bedomning))).toEqual([4]);
    expect(idn(filtrera(lista, { baraInaktuella: true }, { idag: IDAG, dagarTillInaktuell: 5 }))).toEqual([1, 2, 4, 5]);
    expect(idn(filtrera(lista, { forvaltning: 'Samhällsbyggnad', baraForsenade: true }, bedomning))).toEqual([2]);
  });

  it('söker i rubrik, uppdragstext, diarienummer och § utan hänsyn till skiftläge', () => {
    expect(matcharSok(lista[1], 'storgatan')).toBe(true);
    expect(matcharSok(lista[0], 'SKOLGÅRDEN')).toBe(true);
    expect(idn(filtrera(lista, { sok: '2024/17' }, bedomning))).toEqual([4]);
    expect(idn(filtrera(lista, { sok: '§10' }, bedomning))).toEqual([1]);
    expect(idn(filtrera(lista, { sok: '§ 10' }, bedomning))).toEqual([1]);
    expect(idn(filtrera(lista, { sok: 'cykelväg storgatan' }, bedomning))).toEqual([2]);
    expect(idn(filtrera(lista, { sok: 'cykelväg skola' }, bedomning))).toEqual([]);
    expect(idn(filtrera(lista, { sok: '   ' }, bedomning))).toEqual([1, 2, 3, 4, 5]);
  });

  it('ger förvaltningar och instanser i svensk ordning, utan tomma', () => {
    expect(distinktaVarden(lista, 'forvaltning')).toEqual(['Kommunledningskontoret', 'Samhällsbyggnad', 'Utbildningsförvaltningen']);
    expect(distinktaVarden(lista, 'beslutsinstans')).toEqual(['KF', 'KS']);
  });
});

describe('sortering', () => {
  it('sorterar rubriker med svensk kollation (Å, Ä, Ö sist)', () => {
    expect(sortera(lista, 'rubrik', 'stigande', bedomning).map((u) => u.rubrik))
      .toEqual(['Anlägg cykelväg', 'Zonindelning', 'Åtgärda skolgården', 'Ärendebalanslista', 'Översyn av taxor']);
    expect(idn(sortera(lista, 'rubrik', 'fallande', bedomning))).toEqual([3, 4, 1, 5, 2]);
  });

  it('lägger uppdrag utan planerat datum sist åt båda hållen', () => {
    expect(idn(sortera(lista, 'planeratKlart', 'stigande', bedomning))).toEqual([3, 2, 5, 1, 4]);
    expect(idn(sortera(lista, 'planeratKlart', 'fallande', bedomning))).toEqual([1, 5, 2, 3, 4]);
  });

  it('sorterar status i listans ordning efter visad status, och beslut efter instans, datum och §-nummer', () => {
    expect(idn(sortera(lista, 'status', 'stigande', bedomning))).toEqual([1, 4, 2, 5, 3]);
    // § 9 before § 54: numbers, not text.
    expect(idn(sortera(lista, 'beslut', 'stigande', bedomning))).toEqual([1, 5, 3, 2, 4]);
  });
});

describe('gruppering', () => {
  it('ger grupper i svensk ordning med start och antal, rader utan värde sist', () => {
    const g = gruppera(sortera(lista, 'rubrik', 'stigande', bedomning), 'forvaltning');
    expect(g.grupper).toEqual([
      { nyckel: 'Kommunledningskontoret', startIndex: 0, antal: 1 },
      { nyckel: 'Samhällsbyggnad', startIndex: 1, antal: 2 },
      { nyckel: 'Utbildningsförvaltningen', startIndex: 3, antal: 1 },
      { nyckel: '', startIndex: 4, antal: 1 }
    ]);
    expect(idn(g.uppdrag)).toEqual([4, 2, 3, 1, 5]);
  });

  it('lämnar ordningen orörd utan gruppering', () => {
    expect(gruppera(lista, 'ingen')).toEqual({ uppdrag: lista, grupper: [] });
    expect(gruppera(lista, 'beslutsinstans').grupper.map((g) => [g.nyckel, g.antal])).toEqual([['KF', 2], ['KS', 3]]);
  });
});

describe('statusöversikt', () => {
  it('räknar visad status per förvaltning och totalt', () => {
    const o = statusOversikt(lista, IDAG);
    expect(o.totalt).toBe(5);
    expect(o.perStatus).toEqual({ EjPaborjat: 0, Pagar: 2, Forsenat: 2, DelvisVerkstallt: 0, Verkstallt: 1, ForeslasAvskrivas: 0 });
    expect(o.perForvaltning.map((f) => [f.forvaltning, f.totalt, f.perStatus.Forsenat])).toEqual([
      ['Kommunledningskontoret', 1, 0], ['Samhällsbyggnad', 2, 1], ['Utbildningsförvaltningen', 1, 0], ['', 1, 1]
    ]);
    const summa = o.perForvaltning.reduce((s, f) => s + f.totalt, 0);
    expect(summa).toBe(o.totalt);
  });
});

describe('ändrat sedan', () => {
  const FRAN = '2025-06-10';
  const handelse = (nar: string, andringar: IUppdragHandelse['andringar'], vem = 'Handläggare A'): IUppdragHandelse => ({ version: '', nar, vem, andringar });
  const skapad = handelse('2025-01-15T09:00:00Z', { status: [undefined, 'EjPaborjat'], planeratKlart: [undefined, '2025-06-30'] });

  it('frågar bara efter historik för rader sparade samma dag eller senare', () => {
    expect(idn(kandidaterSedan(lista, '2025-06-20'))).toEqual([1, 2, 3, 5]);
    expect(idn(kandidaterSedan(lista, '2025-06-21'))).toEqual([]);
  });

  it('ser ett uppdrag vars första version kom efter datumet som nytt', () => {
    const a = klassificeraAndring(uppdrag({}), [handelse('2025-06-12T08:00:00Z', { status: [undefined, 'EjPaborjat'] })], FRAN)!;
    expect(a.typ).toBe('nytt');
    expect(a.andringar.status).toEqual([undefined, 'EjPaborjat']);
    expect(a.senast).toBe('2025-06-12');
  });

  it('ser ett senare planerat datum som förskjutet, med datum före och efter', () => {
    const historik = [
      handelse('2025-06-20T10:00:00Z', { planeratKlart: ['2025-09-30', '2025-12-31'], orsakKod: [undefined, 'Budget'] }, 'B'),
      handelse('2025-06-11T10:00:00Z', { planeratKlart: ['2025-06-30', '2025-09-30'] }, 'A'),
      skapad
    ];
    const a = klassificeraAndring(uppdrag({}), historik, FRAN)!;
    expect(a.typ).toBe('forskjutet');
    expect(a.andringar.planeratKlart).toEqual(['2025-06-30', '2025-12-31']);
    expect(a.andringar.orsakKod).toEqual([undefined, 'Budget']);
    expect(a.vem).toEqual(['B', 'A']);
    expect(a.senast).toBe('2025-06-20');
  });

  it('ser ett tidigarelagt datum som ändrat, inte förskjutet', () => {
    const a = klassificeraAndring(uppdrag({}), [handelse('2025-06-11T10:00:00Z', { planeratKlart: ['2025-06-30', '2025-06-15'] }), skapad], FRAN)!;
    expect(a.typ).toBe('andrat');
  });

  it('ser ett uppdrag som blivit verkställt som avslutat, även om datumet också flyttats', () => {
    const a = klassificeraAndring(uppdrag({ status: 'Verkstallt' }), [
      handelse('2025-06-11T10:00:00Z', { status: ['Pagar', 'Verkstallt'], planeratKlart: ['2025-06-30', '2025-07-30'] }), skapad
    ], FRAN)!;
    expect(a.typ).toBe('avslutat');
  });

  it('räknar dagen som en svensk dag: 23.30 UTC den 9 juni är den 10 juni i Sverige', () => {
    const a = klassificeraAndring(uppdrag({}), [handelse('2025-06-09T22:30:00Z', { kommentar: [undefined, 'Klart snart'] }), skapad], FRAN)!;
    expect(a.typ).toBe('andrat');
    expect(a.senast).toBe(FRAN);
    expect(klassificeraAndring(uppdrag({}), [handelse('2025-06-09T21:30:00Z', { kommentar: [undefined, 'x'] }), skapad], FRAN)).toBeUndefined();
  });

  it('hoppar över ändringar som tagits tillbaka, och tål oläsbara tider', () => {
    const a = klassificeraAndring(uppdrag({}), [
      handelse('2025-06-12T10:00:00Z', { status: ['Pagar', 'EjPaborjat'] }),
      handelse('2025-06-11T10:00:00Z', { status: ['EjPaborjat', 'Pagar'] }),
      handelse('inte en tid', { kommentar: [undefined, 'x'] }),
      skapad
    ], FRAN)!;
    expect(a.typ).toBe('andrat');
    expect(a.andringar).toEqual({});
  });

  it('utan historik: ändrat enligt radens datum, men utan detaljer', () => {
    expect(klassificeraAndring(uppdrag({ senastAndrad: '2025-06-12' }), [], FRAN)).toEqual({
      typ: 'andrat', andringar: {}, senast: '2025-06-12', vem: [], utanHistorik: true
    });
    expect(klassificeraAndring(uppdrag({ senastAndrad: '2025-06-01' }), [], FRAN)).toBeUndefined();
  });
});
