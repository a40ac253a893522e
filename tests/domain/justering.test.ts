import fc from 'fast-check';
import {
  allaSomJusterar, bedomJustering, godkann, IGodkannande, IJustering, IJusteringsrad, justeringsfrist, justeringsroll,
  kanGodkanna, kanSkickasTillJustering, lasJusteringslogg, skrivJusteringslogg, vantarPa
} from '../../src/domain/justering';
import { IPerson } from '../../src/domain/personer';

const ordforande: IPerson = { id: 10, namn: 'Eva Ordförande', epost: 'eva@kommun.se' };
const anna: IPerson = { id: 21, namn: 'Anna Berg', epost: 'anna@kommun.se' };
const olle: IPerson = { id: 22, namn: 'Olle Ek', epost: 'olle@kommun.se' };

const underJustering = (over: Partial<IJustering> = {}): IJustering => ({
  status: 'Under justering', motesdag: '2026-03-16', ordforande, justerare: [anna, olle], godkannanden: [], ...over
});

const signatur = (p: IPerson, tid = '2026-03-18T10:15:00+01:00'): Omit<IGodkannande, 'roll'> => ({
  personId: p.id, namn: p.namn, epost: p.epost, tid, metod: 'Microsoft 365-inloggning'
});

/** Approves in order, failing the test if any approval is refused. */
function godkannAlla(j: IJustering, personer: IPerson[], dagar: string[]): IJustering {
  return personer.reduce((nu, p, i) => {
    const r = godkann(nu, signatur(p), dagar[i]);
    if (!r.ok) throw new Error(`${p.namn}: ${r.fel}`);
    return r.justering;
  }, j);
}

describe('vem som justerar', () => {
  it('ger ordföranden och de valda justerarna sina roller, ingen annan', () => {
    const j = underJustering();
    expect(justeringsroll(j, 10)).toBe('Ordförande');
    expect(justeringsroll(j, 21)).toBe('Justerare');
    expect(justeringsroll(j, 99)).toBeUndefined();
    expect(allaSomJusterar(j).map((p) => p.id)).toEqual([10, 21, 22]);
  });

  it('räknar en ordförande som också står som justerare en gång, som ordförande', () => {
    const j = underJustering({ justerare: [anna, ordforande] });
    expect(allaSomJusterar(j).map((p) => p.id)).toEqual([10, 21]);
    expect(justeringsroll(j, 10)).toBe('Ordförande');
    const efterOrdforande = godkann(j, signatur(ordforande), '2026-03-18');
    expect(efterOrdforande.ok && efterOrdforande.justering.godkannanden[0].roll).toBe('Ordförande');
    expect(efterOrdforande.ok && efterOrdforande.justerat).toBe(false);
    const klar = godkannAlla(j, [ordforande, anna], ['2026-03-18', '2026-03-19']);
    expect(klar.status).toBe('Justerat');
    expect(klar.godkannanden).toHaveLength(2);
  });

  it('kan inte skickas till justering utan ordförande eller justerare, eller när den redan är justerad', () => {
    expect(kanSkickasTillJustering(underJustering({ status: 'Utkast' }))).toBeUndefined();
    expect(kanSkickasTillJustering(underJustering({ status: 'Utkast', ordforande: undefined }))).toBe('OrdforandeSaknas');
    expect(kanSkickasTillJustering(underJustering({ status: 'Utkast', justerare: [] }))).toBe('JusterareSaknas');
    expect(kanSkickasTillJustering(underJustering({ status: 'Justerat' }))).toBe('RedanJusterat');
  });
});

describe('godkännande', () => {
  it('vägrar den som inte är utsedd att justera', () => {
    const r = godkann(underJustering(), { ...signatur(anna), personId: 99, namn: 'Lisa Åskådare' }, '2026-03-18');
    expect(r).toEqual({ ok: false, fel: 'EjJusterare' });
  });

  it('vägrar ett godkännande innan protokollet skickats till justering', () => {
    expect(godkann(underJustering({ status: 'Utkast' }), signatur(ordforande), '2026-03-18')).toEqual({ ok: false, fel: 'EjUtskickat' });
  });

  it('vägrar att samma person godkänner två gånger', () => {
    const forsta = godkann(underJustering(), signatur(anna), '2026-03-18');
    expect(forsta.ok).toBe(true);
    if (!forsta.ok) return;
    expect(godkann(forsta.justering, signatur(anna, '2026-03-19T08:00:00+01:00'), '2026-03-19')).toEqual({ ok: false, fel: 'RedanGodkant' });
    expect(forsta.justering.godkannanden).toHaveLength(1);
  });

  it('registrerar vem, när och hur, och lämnar protokollet under justering tills alla godkänt', () => {
    const r = godkann(underJustering(), { ...signatur(anna), metod: 'E-signering', referens: 'sig-123' }, '2026-03-18');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.justerat).toBe(false);
    expect(r.justering.status).toBe('Under justering');
    expect(r.justering.justeratDatum).toBeUndefined();
    expect(r.justering.godkannanden).toEqual([{
      personId: 21, namn: 'Anna Berg', epost: 'anna@kommun.se', roll: 'Justerare', tid: '2026-03-18T10:15:00+01:00',
      metod: 'E-signering', referens: 'sig-123'
    }]);
    expect(vantarPa(r.justering).map((p) => p.namn)).toEqual(['Eva Ordförande', 'Olle Ek']);
  });

  it('justerar protokollet den dag det sista godkännandet kommer, i vilken ordning de än godkänner', () => {
    const j = godkannAlla(underJustering(), [olle, anna, ordforande], ['2026-03-17', '2026-03-20', '2026-03-23']);
    expect(j.status).toBe('Justerat');
    expect(j.justeratDatum).toBe('2026-03-23');
    expect(vantarPa(j)).toEqual([]);
  });

  it('vägrar fler godkännanden när protokollet är justerat', () => {
    const j = godkannAlla(underJustering({ justerare: [anna] }), [ordforande, anna], ['2026-03-18', '2026-03-18']);
    expect(godkann(j, signatur(olle), '2026-03-19')).toEqual({ ok: false, fel: 'RedanJusterat' });
  });

  it('ändrar inte den justering som skickades in', () => {
    const j = underJustering();
    godkann(j, signatur(anna), '2026-03-18');
    expect(j.godkannanden).toEqual([]);
  });
});

describe('godkännanden som rader i Justeringar', () => {
  const lisa: IPerson = { id: 99, namn: 'Lisa Åskådare', epost: 'lisa@kommun.se' };
  let nasta = 1;
  /** A row as SharePoint answers it: author and Created are the server's. */
  const rad = (av: IPerson, skapad: string, extra: Partial<IJusteringsrad> = {}): IJusteringsrad =>
    ({ id: nasta++, forfattare: av, skapad, metod: 'Microsoft 365-inloggning', ...extra });
  const namngivna = { ordforande, justerare: [anna, olle] };

  it('räknar bara de utsedda, en gång var, och säger vem som återstår', () => {
    const u = bedomJustering(namngivna, [rad(anna, '2026-03-18T09:00:00Z'), rad(lisa, '2026-03-18T09:30:00Z')]);
    expect(u.godkannanden).toEqual([{ personId: 21, namn: 'Anna Berg', epost: 'anna@kommun.se', roll: 'Justerare', tid: '2026-03-18T09:00:00.000Z', metod: 'Microsoft 365-inloggning' }]);
    expect(u.obehoriga.map((r) => r.forfattare.id)).toEqual([99]);
    expect(u.vantarPa.map((p) => p.id)).toEqual([10, 22]);
    expect(u.komplett).toBe(false);
    expect(u.justeratDatum).toBeUndefined();
  });

  it('låter den första raden gälla när någon godkänt två gånger (dubbelklick, två flikar)', () => {
    const u = bedomJustering(namngivna, [rad(anna, '2026-03-18T10:00:05Z', { referens: 'andra' }), rad(anna, '2026-03-18T10:00:00Z', { referens: 'forsta' })]);
    expect(u.godkannanden.map((g) => g.referens)).toEqual(['forsta']);
    expect(u.dubbletter.map((r) => r.referens)).toEqual(['andra']);
  });

  it('är komplett när alla utsedda godkänt, justerat den svenska dag det sista kom', () => {
    // 23:30 UTC on 22 March is 00:30 on the 23rd in Stockholm.
    const u = bedomJustering(namngivna, [rad(olle, '2026-03-17T08:00:00Z'), rad(ordforande, '2026-03-22T23:30:00Z'), rad(anna, '2026-03-20T12:00:00Z')]);
    expect(u).toMatchObject({ komplett: true, justeratDatum: '2026-03-23', vantarPa: [], obehoriga: [], dubbletter: [] });
    expect(u.godkannanden.map((g) => [g.personId, g.roll])).toEqual([[22, 'Justerare'], [21, 'Justerare'], [10, 'Ordförande']]);
  });

  it('räknar en rad som ändrats efter att den lades till från ändringen', () => {
    const u = bedomJustering({ ordforande, justerare: [anna] }, [rad(ordforande, '2026-03-18T08:00:00Z'), rad(anna, '2026-03-01T08:00:00Z', { andrad: '2026-03-19T08:00:00Z' })]);
    expect(u.godkannanden.map((g) => g.tid)).toEqual(['2026-03-18T08:00:00.000Z', '2026-03-19T08:00:00.000Z']);
    expect(u.justeratDatum).toBe('2026-03-19');
  });

  it('är aldrig komplett utan ordförande eller justerare, och struntar i rader utan läsbar tid', () => {
    expect(bedomJustering({ justerare: [anna] }, [rad(anna, '2026-03-18T08:00:00Z')]).komplett).toBe(false);
    expect(bedomJustering({ ordforande, justerare: [] }, [rad(ordforande, '2026-03-18T08:00:00Z')]).komplett).toBe(false);
    expect(bedomJustering(namngivna, [rad(anna, 'igår')]).godkannanden).toEqual([]);
  });

  it('säger om en person får godkänna nu', () => {
    expect(kanGodkanna(underJustering(), 21)).toBeUndefined();
    expect(kanGodkanna(underJustering(), 99)).toBe('EjJusterare');
    expect(kanGodkanna(underJustering({ status: 'Utkast' }), 21)).toBe('EjUtskickat');
    expect(kanGodkanna(underJustering({ status: 'Justerat' }), 21)).toBe('RedanJusterat');
    expect(kanGodkanna(underJustering({ godkannanden: [{ ...signatur(anna), roll: 'Justerare' }] }), 21)).toBe('RedanGodkant');
  });

  it('egenskap: ordningen raderna läses i ändrar inte utfallet', () => {
    const personer = [ordforande, anna, olle, lisa];
    const radGen = fc.record({
      vem: fc.constantFrom(...personer),
      tid: fc.integer({ min: Date.parse('2026-03-16T00:00:00Z'), max: Date.parse('2026-03-31T00:00:00Z') })
    });
    fc.assert(fc.property(fc.array(radGen, { maxLength: 8 }), (spec) => {
      const rader = spec.map((x, i) => ({ id: i + 1, forfattare: x.vem, skapad: new Date(x.tid).toISOString(), metod: 'm' }));
      const framat = bedomJustering(namngivna, rader);
      const bakat = bedomJustering(namngivna, [...rader].reverse());
      expect(bakat).toEqual(framat);
      expect(framat.godkannanden.length + framat.obehoriga.length + framat.dubbletter.length).toBe(rader.length);
      expect(framat.komplett).toBe(framat.vantarPa.length === 0);
    }), { numRuns: 200 });
  });
});

describe('fjortondagarsfristen', () => {
  // Meeting Monday 16 March 2026: the protokoll is to be justerat by Monday 30 March.
  const j = underJustering();

  it.each([
    ['2026-03-16', 14, 'GodTid'],
    ['2026-03-26', 4, 'GodTid'],
    ['2026-03-27', 3, 'Snart'],
    ['2026-03-29', 1, 'Snart'],
    ['2026-03-30', 0, 'SistaDagen'],
    ['2026-03-31', -1, 'Forsenad'],
    ['2026-04-15', -16, 'Forsenad']
  ])('den %s är det %i dagar kvar: %s', (idag, dagarKvar, lage) => {
    expect(justeringsfrist(j, idag)).toEqual({ senast: '2026-03-30', dagarKvar, lage, forsenadVidJustering: false });
  });

  it('visar Justerat och om justeringen kom för sent', () => {
    expect(justeringsfrist({ ...j, status: 'Justerat', justeratDatum: '2026-03-30' }, '2026-04-20'))
      .toMatchObject({ lage: 'Justerat', forsenadVidJustering: false });
    expect(justeringsfrist({ ...j, status: 'Justerat', justeratDatum: '2026-03-31' }, '2026-04-20'))
      .toMatchObject({ lage: 'Justerat', forsenadVidJustering: true });
  });

  it('räknar fristen för ett utkast som ännu inte skickats, så att sekreteraren ser den', () => {
    expect(justeringsfrist({ ...j, status: 'Utkast' }, '2026-03-31').lage).toBe('Forsenad');
  });
});

describe('Justeringsloggen', () => {
  const a: IGodkannande = { ...signatur(ordforande), roll: 'Ordförande' };
  const b: IGodkannande = { ...signatur(anna, '2026-03-19T14:02:00+01:00'), roll: 'Justerare', metod: 'E-signering', referens: 'ref-9' };

  it('läser tillbaka det den skrev', () => {
    expect(lasJusteringslogg(skrivJusteringslogg([a, b]))).toEqual({ godkannanden: [a, b], olasbara: 0 });
  });

  it('är tom utan att klaga när kolumnen är tom', () => {
    for (const tom of [undefined, null, '', '   ', 42]) expect(lasJusteringslogg(tom)).toEqual({ godkannanden: [], olasbara: 0 });
    expect(lasJusteringslogg('[]')).toEqual({ godkannanden: [], olasbara: 0 });
  });

  it('behåller giltiga poster och räknar de ogiltiga', () => {
    const text = JSON.stringify([a, null, { ...b, tid: 'i förrgår' }, { ...b, roll: 'Sekreterare' }, { ...b, personId: '21' }, 'x', b, [a]]);
    const { godkannanden, olasbara } = lasJusteringslogg(text);
    expect(godkannanden).toEqual([a, b]);
    expect(olasbara).toBe(6);
  });

  it('fyller i tom e-post och utelämnar en referens som inte är text', () => {
    const { godkannanden } = lasJusteringslogg(JSON.stringify([{ ...a, epost: undefined, referens: 7 }]));
    expect(godkannanden).toEqual([{ personId: 10, namn: 'Eva Ordförande', epost: '', roll: 'Ordförande', tid: a.tid, metod: a.metod }]);
  });

  it('räknar text som inte är en lista som en oläsbar post', () => {
    expect(lasJusteringslogg('inte json')).toEqual({ godkannanden: [], olasbara: 1 });
    expect(lasJusteringslogg(JSON.stringify(a))).toEqual({ godkannanden: [], olasbara: 1 });
    expect(lasJusteringslogg('null')).toEqual({ godkannanden: [], olasbara: 1 });
    expect(lasJusteringslogg('[')).toEqual({ godkannanden: [], olasbara: 1 });
  });

  it('behåller godkännandena före avbrottet i en avkortad logg', () => {
    const hel = skrivJusteringslogg([a, b, { ...a, personId: 22, namn: 'Olle Ek', roll: 'Justerare' }]);
    const avkortad = hel.slice(0, hel.lastIndexOf('"metod"'));
    expect(lasJusteringslogg(avkortad)).toEqual({ godkannanden: [a, b], olasbara: 1 });
  });

  it('behåller giltiga poster runt skräp som en hand lagt in', () => {
    const text = `[${JSON.stringify(a)}, skräp {"personId": , ${JSON.stringify(b)}] och mer`;
    const { godkannanden, olasbara } = lasJusteringslogg(text);
    expect(godkannanden).toEqual([a, b]);
    expect(olasbara).toBe(2);
  });

  it('låter sig inte luras av kommatecken och klamrar i namn', () => {
    const c: IGodkannande = { ...b, namn: 'Berg, Anna [M] {ers.} "Annie"' };
    const text = `${skrivJusteringslogg([c, a]).slice(0, -1)},{"personId":`;
    expect(lasJusteringslogg(text)).toEqual({ godkannanden: [c, a], olasbara: 1 });
  });

  it('egenskap: varje avkortning behåller exakt de poster som hann skrivas klart', () => {
    const godkannande = fc.record({
      personId: fc.integer({ min: 1, max: 10_000 }),
      namn: fc.string({ maxLength: 30 }),
      epost: fc.string({ maxLength: 30 }),
      roll: fc.constantFrom<IGodkannande['roll']>('Ordförande', 'Justerare'),
      tid: fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      metod: fc.constantFrom('Microsoft 365-inloggning', 'E-signering')
    });
    fc.assert(fc.property(fc.array(godkannande, { maxLength: 5 }), fc.nat(), (lista, n) => {
      const text = skrivJusteringslogg(lista);
      const klipp = n % (text.length + 1);
      const { godkannanden, olasbara } = lasJusteringslogg(text.slice(0, klipp));
      // An entry survives a cut when its closing brace is before the cut.
      const kvar = lista.filter((_, i) => skrivJusteringslogg(lista.slice(0, i + 1)).length - 1 <= klipp);
      expect(godkannanden).toEqual(kvar);
      // A cut log says it is damaged; an empty one and the whole one do not.
      expect(olasbara > 0).toBe(klipp > 0 && klipp < text.length);
    }), { numRuns: 300 });
  });
});
