import fc from 'fast-check';
import {
  anmalanFel, INCIDENTTYPER, Incidenttyp, IStegUtfort, kanStangas, KOSTNADSANSVAR, lasChecklista, skrivChecklista, Steg, STEG, stegFor, stegKvar,
  utforSteg, valideraRapport
} from '../../src/domain/incident';

const STOLD_STEG: Steg[] = ['Radera', 'LosenordEnhet', 'LosenordEpost', 'LosenordMotesapp', 'SparraSim', 'Kostnadsansvar'];
const SKADA_STEG: Steg[] = ['Bedomning', 'Service', 'Kostnadsansvar'];

/** A step done by kommunservice, with what each step needs. */
function gjort(steg: Steg, over: Partial<IStegUtfort> = {}): IStegUtfort {
  return {
    steg, av: 'Kim Kommunservice', epost: 'kim@kramfors.se', tid: '2026-04-02T09:30:00.000Z',
    utforande: steg === 'Radera' || steg === 'LosenordEnhet' ? 'Graph' : 'Manuellt',
    ...(steg === 'SparraSim' ? { referens: 'Telia ärende 4471-22' } : {}),
    ...(steg === 'Kostnadsansvar' ? { kostnadsansvar: 'Kommunen' as const } : {}),
    ...over
  };
}

/** Does the steps in order, failing the test if any is refused. */
function gorAlla(typ: Incidenttyp, steg: Steg[]): IStegUtfort[] {
  return steg.reduce<IStegUtfort[]>((nu, s) => {
    const r = utforSteg(typ, nu, gjort(s));
    if (!r.ok) throw new Error(`${s}: ${r.fel}`);
    return r.gjorda;
  }, []);
}

describe('checklistan per typ', () => {
  it('skada: bedömning, service och kostnadsansvar', () => {
    expect(stegFor('Skada')).toEqual(SKADA_STEG);
  });

  it('stöld och förlust: radera, nya lösenord för platta, e-post och mötesapp, spärra SIM, kostnadsansvar', () => {
    expect(stegFor('Stöld')).toEqual(STOLD_STEG);
    expect(stegFor('Förlust')).toEqual(STOLD_STEG);
  });

  it('varje steg i en checklista är ett känt steg, en gång', () => {
    for (const typ of INCIDENTTYPER) {
      const steg = stegFor(typ);
      expect(new Set(steg).size).toBe(steg.length);
      for (const s of steg) expect(STEG).toContain(s);
    }
  });
});

describe('rapporten', () => {
  it('godtar en skada och en förlust med beskrivning, utan polisanmälan', () => {
    expect(valideraRapport({ typ: 'Skada', beskrivning: 'Spräckt skärm efter fall i trappan' })).toEqual({});
    expect(valideraRapport({ typ: 'Förlust', beskrivning: 'Glömd på bussen till Härnösand' })).toEqual({});
  });

  it('kräver en beskrivning av varje typ', () => {
    for (const typ of INCIDENTTYPER) {
      for (const beskrivning of ['', '   ', '\n\t']) {
        expect(valideraRapport({ typ, beskrivning, polisanmalan: '5000-K123456-26' })).toEqual({ beskrivning: 'BeskrivningSaknas' });
      }
    }
  });

  it('kräver polisanmälans nummer vid stöld', () => {
    expect(valideraRapport({ typ: 'Stöld', beskrivning: 'Stulen ur bilen' })).toEqual({ polisanmalan: 'PolisanmalanSaknas' });
    expect(valideraRapport({ typ: 'Stöld', beskrivning: 'Stulen ur bilen', polisanmalan: '  ' })).toEqual({ polisanmalan: 'PolisanmalanSaknas' });
    expect(valideraRapport({ typ: 'Stöld', beskrivning: '', polisanmalan: '' })).toEqual({ beskrivning: 'BeskrivningSaknas', polisanmalan: 'PolisanmalanSaknas' });
  });

  it.each([['5000-K123456-26'], ['5000-k123456-26'], ['1400-K1-25'], ['0201-K1234567-24'], ['  5000-K123456-26 ']])(
    'godtar polisanmälan "%s"', (polisanmalan) => {
      expect(valideraRapport({ typ: 'Stöld', beskrivning: 'Stulen ur bilen', polisanmalan })).toEqual({});
    });

  it.each([
    ['K123456-26'], ['5000-123456-26'], ['5000-K123456-2026'], ['5000-K12345678-26'], ['500-K123456-26'], ['50000-K123456-26'],
    ['5000 K123456 26'], ['5000-KK123456-26'], ['5000-K-26'], ['polisen har fått veta'], ['5000-K123456-26 och 5000-K2-26']
  ])('vägrar polisanmälan "%s"', (polisanmalan) => {
    expect(valideraRapport({ typ: 'Stöld', beskrivning: 'Stulen ur bilen', polisanmalan })).toEqual({ polisanmalan: 'PolisanmalanOgiltig' });
  });
});

describe('steg i checklistan', () => {
  it('tar en stöld hela vägen: varje steg loggas med vem och när, och först då kan ärendet stängas', () => {
    let gjorda: IStegUtfort[] = [];
    for (const s of STOLD_STEG) {
      expect(kanStangas('Stöld', gjorda, 'Öppen')).toBe('StegKvar');
      const r = utforSteg('Stöld', gjorda, gjort(s));
      if (!r.ok) throw new Error(r.fel);
      gjorda = r.gjorda;
    }
    expect(gjorda.map((g) => [g.steg, g.av, g.tid])).toEqual(STOLD_STEG.map((s) => [s, 'Kim Kommunservice', '2026-04-02T09:30:00.000Z']));
    expect(stegKvar('Stöld', gjorda)).toEqual([]);
    expect(kanStangas('Stöld', gjorda, 'Öppen')).toBeUndefined();
  });

  it('tar en skada hela vägen', () => {
    const gjorda = gorAlla('Skada', SKADA_STEG);
    expect(kanStangas('Skada', gjorda, 'Öppen')).toBeUndefined();
  });

  it('vägrar ett steg som inte hör till typen', () => {
    expect(utforSteg('Stöld', [], gjort('Bedomning'))).toEqual({ ok: false, fel: 'StegHorInteTillTypen' });
    expect(utforSteg('Förlust', [], gjort('Service'))).toEqual({ ok: false, fel: 'StegHorInteTillTypen' });
    for (const s of ['Radera', 'LosenordEnhet', 'LosenordEpost', 'LosenordMotesapp', 'SparraSim'] as Steg[]) {
      expect(utforSteg('Skada', [], gjort(s))).toEqual({ ok: false, fel: 'StegHorInteTillTypen' });
    }
    expect(utforSteg('Skada', [], gjort('Okänt' as Steg))).toEqual({ ok: false, fel: 'StegHorInteTillTypen' });
  });

  it('vägrar att göra samma steg två gånger', () => {
    const gjorda = gorAlla('Förlust', ['Radera']);
    expect(utforSteg('Förlust', gjorda, gjort('Radera', { av: 'Någon annan' }))).toEqual({ ok: false, fel: 'StegRedanUtfort' });
  });

  it('kräver operatörens referens för att SIM-kortet spärrats', () => {
    for (const referens of [undefined, '', '   ']) {
      expect(utforSteg('Stöld', [], gjort('SparraSim', { referens }))).toEqual({ ok: false, fel: 'ReferensSaknas' });
    }
    expect(utforSteg('Stöld', [], gjort('SparraSim', { referens: 'Tele2 #88123' })).ok).toBe(true);
  });

  it('kräver ett beslut om kostnadsansvar', () => {
    expect(utforSteg('Skada', [], gjort('Kostnadsansvar', { kostnadsansvar: undefined }))).toEqual({ ok: false, fel: 'KostnadsansvarSaknas' });
    expect(utforSteg('Skada', [], gjort('Kostnadsansvar', { kostnadsansvar: 'Ej bedömt' }))).toEqual({ ok: false, fel: 'KostnadsansvarSaknas' });
    const r = utforSteg('Skada', [], gjort('Kostnadsansvar', { kostnadsansvar: 'Låntagaren (självrisk)' }));
    expect(r.ok && r.gjorda[0].kostnadsansvar).toBe('Låntagaren (självrisk)');
  });

  it('ändrar inte listan över gjorda steg den får', () => {
    const gjorda = gorAlla('Stöld', ['Radera']);
    const fore = JSON.parse(JSON.stringify(gjorda));
    utforSteg('Stöld', gjorda, gjort('LosenordEnhet'));
    expect(gjorda).toEqual(fore);
  });

  it('visar stegen som är kvar i den ordning de ska göras, också när de gjorts i annan ordning', () => {
    const gjorda = gorAlla('Stöld', ['SparraSim', 'Radera', 'LosenordEpost']);
    expect(stegKvar('Stöld', gjorda)).toEqual(['LosenordEnhet', 'LosenordMotesapp', 'Kostnadsansvar']);
    expect(stegKvar('Skada', [])).toEqual(SKADA_STEG);
  });
});

describe('stänga en incident', () => {
  it('kan inte stängas med steg kvar, inte heller utan kostnadsbeslutet', () => {
    expect(kanStangas('Stöld', [], 'Öppen')).toBe('StegKvar');
    expect(kanStangas('Stöld', gorAlla('Stöld', STOLD_STEG.slice(0, -1)), 'Öppen')).toBe('StegKvar');
    expect(kanStangas('Skada', gorAlla('Skada', ['Bedomning', 'Service']), 'Öppen')).toBe('StegKvar');
  });

  it('stängs inte två gånger', () => {
    expect(kanStangas('Skada', gorAlla('Skada', SKADA_STEG), 'Stängd')).toBe('RedanStangd');
  });

  it('egenskap: i vilken ordning stegen än görs kan ärendet stängas efter det sista, aldrig före', () => {
    const typOchOrdning = fc.constantFrom(...INCIDENTTYPER).chain((typ) => fc.tuple(fc.constant(typ), fc.shuffledSubarray(stegFor(typ), { minLength: stegFor(typ).length })));
    fc.assert(fc.property(typOchOrdning, ([typ, ordning]) => {
      let gjorda: IStegUtfort[] = [];
      ordning.forEach((s, i) => {
        expect(kanStangas(typ, gjorda, 'Öppen')).toBe('StegKvar');
        const r = utforSteg(typ, gjorda, gjort(s));
        expect(r.ok).toBe(true);
        if (r.ok) gjorda = r.gjorda;
        expect(stegKvar(typ, gjorda)).toHaveLength(ordning.length - i - 1);
      });
      expect(kanStangas(typ, gjorda, 'Öppen')).toBeUndefined();
    }), { numRuns: 200 });
  });
});

describe('checklistan i listkolumnen', () => {
  const radera = gjort('Radera', { referens: 'graph-action-7f3' });
  const sim = gjort('SparraSim');
  const kostnad = gjort('Kostnadsansvar', { kostnadsansvar: 'Låntagaren (självrisk)' });

  it('läser tillbaka det som skrivits', () => {
    const gjorda = [radera, sim, kostnad];
    expect(lasChecklista(skrivChecklista(gjorda))).toEqual({ gjorda, olasbara: 0 });
  });

  it('är tom utan att klaga när kolumnen är tom', () => {
    for (const tom of [undefined, null, '', '  ', 42, {}]) expect(lasChecklista(tom)).toEqual({ gjorda: [], olasbara: 0 });
    expect(lasChecklista('[]')).toEqual({ gjorda: [], olasbara: 0 });
  });

  it('räknar text som inte är en lista som en oläsbar post', () => {
    expect(lasChecklista('inte json')).toEqual({ gjorda: [], olasbara: 1 });
    expect(lasChecklista('null')).toEqual({ gjorda: [], olasbara: 1 });
    expect(lasChecklista('"Radera"')).toEqual({ gjorda: [], olasbara: 1 });
    expect(lasChecklista(JSON.stringify(radera))).toEqual({ gjorda: [], olasbara: 1 });
    expect(lasChecklista('[')).toEqual({ gjorda: [], olasbara: 1 });
  });

  it('behåller giltiga poster och räknar de ogiltiga', () => {
    const text = JSON.stringify([
      radera, null, 'Radera', 7, [radera],
      { ...sim, steg: 'Flyga' },
      { ...sim, tid: 'i förrgår' },
      { ...sim, av: 12 },
      { ...sim, utforande: 'Telefon' },
      sim
    ]);
    expect(lasChecklista(text)).toEqual({ gjorda: [radera, sim], olasbara: 8 });
  });

  it('godtar inte en handskriven post som bockar av ett steg som inte gjorts ordentligt', () => {
    const text = JSON.stringify([
      { ...kostnad, kostnadsansvar: undefined }, { ...kostnad, kostnadsansvar: 'Ej bedömt' }, { ...kostnad, kostnadsansvar: 'Grannen' },
      { ...sim, referens: undefined }, { ...sim, referens: ' ' }
    ]);
    const { gjorda, olasbara } = lasChecklista(text);
    expect(gjorda).toEqual([]);
    expect(olasbara).toBe(5);
    expect(stegKvar('Stöld', gjorda)).toEqual(STOLD_STEG);
  });

  it('läser ett steg två gånger en gång: det första gäller, det andra räknas som oläsbart', () => {
    const text = JSON.stringify([radera, sim, { ...radera, av: 'Någon annan' }]);
    expect(lasChecklista(text)).toEqual({ gjorda: [radera, sim], olasbara: 1 });
  });

  it('fyller i tom e-post och utelämnar referens och kostnadsansvar som inte går att läsa', () => {
    const text = JSON.stringify([{ ...radera, epost: undefined, referens: 7, kostnadsansvar: 'Grannen' }]);
    expect(lasChecklista(text)).toEqual({
      gjorda: [{ steg: 'Radera', av: 'Kim Kommunservice', epost: '', tid: radera.tid, utforande: 'Graph' }], olasbara: 0
    });
  });

  it('behåller stegen före avbrottet i en avkortad kolumn', () => {
    const hel = skrivChecklista([radera, sim, kostnad]);
    const avkortad = hel.slice(0, hel.lastIndexOf('"utforande"'));
    expect(lasChecklista(avkortad)).toEqual({ gjorda: [radera, sim], olasbara: 1 });
  });

  it('behåller giltiga poster runt skräp som en hand lagt in', () => {
    const text = `[${JSON.stringify(radera)}, glömde {"steg": , ${JSON.stringify(sim)}] klart`;
    expect(lasChecklista(text)).toEqual({ gjorda: [radera, sim], olasbara: 2 });
  });

  it('låter sig inte luras av klamrar och citattecken i en referens', () => {
    const konstig = gjort('SparraSim', { referens: 'Telia {ärende} [22], "brådskande"' });
    const text = `${skrivChecklista([konstig, radera]).slice(0, -1)},{"steg":`;
    expect(lasChecklista(text)).toEqual({ gjorda: [konstig, radera], olasbara: 1 });
  });

  it('egenskap: varje avkortning behåller exakt de steg som hann skrivas klart och säger att kolumnen är skadad', () => {
    const steg = fc.record({
      steg: fc.constantFrom(...STEG.filter((s) => s !== 'SparraSim' && s !== 'Kostnadsansvar')),
      av: fc.string({ maxLength: 30 }),
      epost: fc.string({ maxLength: 30 }),
      tid: fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      utforande: fc.constantFrom<IStegUtfort['utforande']>('Graph', 'Manuellt'),
      referens: fc.string({ minLength: 1, maxLength: 20 }),
      kostnadsansvar: fc.constantFrom(...KOSTNADSANSVAR.filter((k) => k !== 'Ej bedömt'))
    }, { requiredKeys: ['steg', 'av', 'epost', 'tid', 'utforande'] });
    // Distinct steps, as utforSteg records them.
    const lista = fc.uniqueArray(steg, { selector: (s) => s.steg, maxLength: 6 });
    fc.assert(fc.property(lista, fc.nat(), (poster, n) => {
      const text = skrivChecklista(poster);
      const klipp = n % (text.length + 1);
      const { gjorda, olasbara } = lasChecklista(text.slice(0, klipp));
      const kvar = poster.filter((_, i) => skrivChecklista(poster.slice(0, i + 1)).length - 1 <= klipp);
      expect(gjorda).toEqual(kvar);
      expect(olasbara > 0).toBe(klipp > 0 && klipp < text.length);
    }), { numRuns: 300 });
  });

  it('egenskap: kraschar aldrig på godtycklig text och hittar aldrig på ett steg', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
      const { gjorda, olasbara } = lasChecklista(text);
      expect(olasbara).toBeGreaterThanOrEqual(0);
      for (const g of gjorda) expect(STEG).toContain(g.steg);
      expect(new Set(gjorda.map((g) => g.steg)).size).toBe(gjorda.length);
    }), { numRuns: 300 });
  });
});

describe('anmälan och lån', () => {
  const lan = { lantagareId: 12, enhetId: 3 };

  it('godtar låntagarens egen anmälan om lånets surfplatta', () => {
    expect(anmalanFel({ rapportorId: 12, enhetId: 3 }, lan)).toBeUndefined();
  });

  it('vägrar en anmälan på någon annans lån, på en annan surfplatta än lånets eller utan lån', () => {
    expect(anmalanFel({ rapportorId: 13, enhetId: 3 }, lan)).toBe('AnmalanStammerInte');
    expect(anmalanFel({ rapportorId: 12, enhetId: 4 }, lan)).toBe('AnmalanStammerInte');
    expect(anmalanFel({ rapportorId: 12, enhetId: 3 }, undefined)).toBe('AnmalanStammerInte');
  });

  it('vägrar när låntagare eller anmälare saknas, också när båda saknas', () => {
    expect(anmalanFel({ enhetId: 3 }, lan)).toBe('AnmalanStammerInte');
    expect(anmalanFel({ rapportorId: 12, enhetId: 3 }, { enhetId: 3 })).toBe('AnmalanStammerInte');
    expect(anmalanFel({ enhetId: 3 }, { enhetId: 3 })).toBe('AnmalanStammerInte');
  });
});
