import fc from 'fast-check';
import {
  aterstalldaSteg, arOhanterad, arVardag, Atgard, ATGARDER, behallKategorier, BEHALLEN_KATEGORI, BEHALLSKAL, Epoststeg,
  farUtforas, IAtgardsval, ILoggrad, Kopielage, loggrader, loggStart, LOGGDAGAR, MAX_KOMMENTAR, MAX_SKALTEXT, STEG, stegFor, stegKvar,
  tolkaSvar, valideraAtgard, vidarebefordranOviss, visaPaminnelse
} from '../../src/domain/epostrutin';

const V: Epoststeg = 'Vidarebefordra';
const O: Epoststeg = 'RaderaOriginal';
const K: Epoststeg = 'RaderaKopia';
const M: Epoststeg = 'Markera';

/** Every subset of the four steps, so invalid journals are tried too. */
const allaDelmangder: Epoststeg[][] = Array.from({ length: 16 }, (_, bitar) => STEG.filter((_s, i) => (bitar >> i) & 1));

describe('stegen per åtgärd', () => {
  it('diarieför vidarebefordrar först och tar sedan bort originalet och kopian', () => {
    expect(stegFor('Diarieför')).toEqual([V, O, K]);
  });

  it('gallrar genom att ta bort originalet och behåller genom att markera', () => {
    expect(stegFor('Gallra')).toEqual([O]);
    expect(stegFor('Behåll')).toEqual([M]);
  });

  it('ger en ny lista varje gång, så att ingen kan ändra en annan åtgärds steg', () => {
    const steg = stegFor('Diarieför');
    steg.pop();
    expect(stegFor('Diarieför')).toEqual([V, O, K]);
  });

  it('lämnar kvar de steg som inte är gjorda, i ordning', () => {
    expect(stegKvar('Diarieför', [])).toEqual([V, O, K]);
    expect(stegKvar('Diarieför', [V])).toEqual([O, K]);
    expect(stegKvar('Diarieför', [V, K])).toEqual([O]);
    expect(stegKvar('Diarieför', [K, O, V])).toEqual([]);
    expect(stegKvar('Gallra', [])).toEqual([O]);
    expect(stegKvar('Gallra', [O])).toEqual([]);
    expect(stegKvar('Behåll', [])).toEqual([M]);
    expect(stegKvar('Behåll', [M])).toEqual([]);
  });

  it('bryr sig inte om gjorda steg som inte hör till åtgärden', () => {
    expect(stegKvar('Gallra', [V, K, M])).toEqual([O]);
    expect(stegKvar('Behåll', [V, O, K])).toEqual([M]);
  });
});

describe('om ett steg får skickas', () => {
  it('tar aldrig bort något vid diarieföring innan vidarebefordringen är gjord', () => {
    expect(farUtforas('Diarieför', V, [])).toBe(true);
    expect(farUtforas('Diarieför', O, [])).toBe(false);
    expect(farUtforas('Diarieför', K, [])).toBe(false);
    expect(farUtforas('Diarieför', O, [K])).toBe(false);
    expect(farUtforas('Diarieför', O, [V])).toBe(true);
    expect(farUtforas('Diarieför', K, [V])).toBe(true);
    expect(farUtforas('Diarieför', K, [V, O])).toBe(true);
    expect(farUtforas('Diarieför', O, [V, K])).toBe(true);
  });

  it('skickar aldrig ett steg som redan är gjort, allra minst vidarebefordringen', () => {
    expect(farUtforas('Diarieför', V, [V])).toBe(false);
    expect(farUtforas('Diarieför', O, [V, O])).toBe(false);
    expect(farUtforas('Diarieför', K, [V, K])).toBe(false);
    expect(farUtforas('Gallra', O, [O])).toBe(false);
    expect(farUtforas('Behåll', M, [M])).toBe(false);
  });

  it('gallrar och markerar direkt, utan vidarebefordran', () => {
    expect(farUtforas('Gallra', O, [])).toBe(true);
    expect(farUtforas('Behåll', M, [])).toBe(true);
  });

  it('skickar inga steg som inte hör till åtgärden', () => {
    for (const steg of [V, K, M]) expect(farUtforas('Gallra', steg, [])).toBe(false);
    for (const steg of [V, O, K]) expect(farUtforas('Behåll', steg, [V])).toBe(false);
    expect(farUtforas('Diarieför', M, [V])).toBe(false);
  });

  it('låter alltid något kvarvarande steg skickas, så att en åtgärd inte fastnar', () => {
    for (const atgard of ATGARDER) {
      for (const gjorda of allaDelmangder) {
        const kvar = stegKvar(atgard, gjorda);
        const tillatna = STEG.filter((s) => farUtforas(atgard, s, gjorda));
        expect(tillatna.every((s) => kvar.includes(s))).toBe(true);
        // Only an invalid journal (a delete without its forward) can leave steps that may not be sent.
        if (kvar.length > 0 && tillatna.length === 0) throw new Error(`${atgard} fastnar med ${gjorda.join(',')}`);
      }
    }
  });
});

describe('vad ett svar från Graph betyder', () => {
  it('räknar alla 2xx-svar som gjorda', () => {
    for (const steg of STEG) {
      for (const status of [200, 201, 202, 204, 299]) expect(tolkaSvar(steg, status)).toBe('Gjort');
    }
  });

  it('räknar 404 på en borttagning som gjord: posten är redan borta', () => {
    expect(tolkaSvar(O, 404)).toBe('Gjort');
    expect(tolkaSvar(K, 404)).toBe('Gjort');
  });

  it('låter brevlådan avgöra varje sändning som inte fick 2xx: en omskickad sändning vägras fast den första gick iväg', () => {
    for (const status of [0, 400, 404, 409, 429, 500, 503, 504]) expect(tolkaSvar(V, status)).toBe('Oviss');
  });

  it('räknar 404 på en markering som misslyckad: brevet finns inte att märka', () => {
    expect(tolkaSvar(M, 404)).toBe('Misslyckat');
  });

  it('väntar och skickar om borttagningar och markeringar efter 429, 503 och 504', () => {
    for (const steg of [O, K, M]) {
      for (const status of [429, 503, 504]) expect(tolkaSvar(steg, status)).toBe('Strypt');
    }
  });

  it('räknar andra fel på borttagningar och markeringar som misslyckade', () => {
    for (const steg of [O, K, M]) {
      for (const status of [0, 199, 300, 304, 400, 401, 403, 409, 412, 424, 500, 502]) expect(tolkaSvar(steg, status)).toBe('Misslyckat');
    }
  });
});

describe('hur långt ett brev kom när sidan stängdes', () => {
  const fall = (gjorda: Epoststeg[], originalFinns: boolean, kopia: Kopielage | undefined): Epoststeg[] =>
    aterstalldaSteg('Diarieför', { gjorda, originalFinns, kopia });
  const KOPIOR: Array<Kopielage | undefined> = ['utkast', 'skickad', 'saknas', undefined];

  // [journal, original finns, vidarebefordrans meddelande, väntat]
  const diarieforing: Array<[Epoststeg[], boolean, Kopielage | undefined, Epoststeg[]]> = [
    [[], true, undefined, []],
    [[], true, 'utkast', []],
    [[], true, 'skickad', [V]],
    [[], true, 'saknas', []],
    [[], false, undefined, []],
    [[], false, 'utkast', []],
    [[], false, 'skickad', [V, O]],
    [[], false, 'saknas', []],
    [[V], true, 'skickad', [V]],
    [[V], true, 'saknas', [V, K]],
    [[V], true, undefined, [V]],
    [[V], false, 'skickad', [V, O]],
    [[V], false, 'saknas', [V, O, K]],
    [[V], false, undefined, [V, O]],
    [[V, O], true, 'skickad', [V, O]],
    [[V, O], false, 'saknas', [V, O, K]],
    [[V, K], false, 'saknas', [V, O, K]],
    [[V, K], true, undefined, [V, K]],
    [[V, O, K], true, 'skickad', [V, O, K]]
  ];

  it.each(diarieforing)('diarieför med journalen %j, original %s, vidarebefordran %s ger %j', (gjorda, originalFinns, kopia, vantat) => {
    expect(fall(gjorda, originalFinns, kopia)).toEqual(vantat);
  });

  it('räknar inte ett original som någon tog bort i Outlook före vidarebefordran som diariefört', () => {
    // No forward in the journal and none sent: the registrator never got it.
    for (const kopia of ['utkast', 'saknas', undefined] as const) {
      const gjorda = fall([], false, kopia);
      expect(gjorda).not.toContain(V);
      expect(stegKvar('Diarieför', gjorda)[0]).toBe(V);
    }
  });

  it('tar aldrig med en borttagning utan vidarebefordran vid diarieföring, hur journalen och brevlådan än ser ut', () => {
    for (const gjorda of allaDelmangder.filter((g) => g.includes(V) || (!g.includes(O) && !g.includes(K)))) {
      for (const originalFinns of [true, false]) {
        for (const kopia of KOPIOR) {
          const ut = fall(gjorda, originalFinns, kopia);
          if (ut.includes(O) || ut.includes(K)) expect(ut).toContain(V);
        }
      }
    }
  });

  it('glömmer aldrig ett steg som journalen redan har, och håller stegens ordning', () => {
    for (const atgard of ATGARDER) {
      for (const gjorda of allaDelmangder) {
        for (const originalFinns of [true, false]) {
          for (const kopia of KOPIOR) {
            for (const markerad of [true, false, undefined]) {
              const ut = aterstalldaSteg(atgard, { gjorda, originalFinns, kopia, markerad });
              for (const s of gjorda) if (stegFor(atgard).includes(s)) expect(ut).toContain(s);
              expect(ut).toEqual(stegFor(atgard).filter((s) => ut.includes(s)));
            }
          }
        }
      }
    }
  });

  it('gallrar klart när originalet är borta, vem som än tog bort det', () => {
    for (const kopia of KOPIOR) {
      expect(aterstalldaSteg('Gallra', { gjorda: [], originalFinns: false, kopia })).toEqual([O]);
      expect(aterstalldaSteg('Gallra', { gjorda: [], originalFinns: true, kopia })).toEqual([]);
      expect(aterstalldaSteg('Gallra', { gjorda: [O], originalFinns: true, kopia })).toEqual([O]);
      expect(aterstalldaSteg('Gallra', { gjorda: [O], originalFinns: false, kopia })).toEqual([O]);
    }
  });

  it('räknar ett behållet brev som markerat när markeringen syns i brevlådan eller i journalen', () => {
    for (const originalFinns of [true, false]) {
      expect(aterstalldaSteg('Behåll', { gjorda: [], originalFinns, markerad: true })).toEqual([M]);
      expect(aterstalldaSteg('Behåll', { gjorda: [], originalFinns, markerad: false })).toEqual([]);
      expect(aterstalldaSteg('Behåll', { gjorda: [], originalFinns })).toEqual([]);
      expect(aterstalldaSteg('Behåll', { gjorda: [M], originalFinns, markerad: false })).toEqual([M]);
    }
  });

  it('tar bara med steg som hör till åtgärden', () => {
    expect(aterstalldaSteg('Gallra', { gjorda: [V, K, M], originalFinns: true })).toEqual([]);
    expect(aterstalldaSteg('Behåll', { gjorda: [V, O, K], originalFinns: false, kopia: 'saknas' })).toEqual([]);
    expect(aterstalldaSteg('Diarieför', { gjorda: [M], originalFinns: true, markerad: true })).toEqual([]);
  });

  it('kallar en vidarebefordran oviss bara när journalens utkast är borta utan att någon sett det skickat', () => {
    expect(vidarebefordranOviss({ gjorda: [], harUtkast: true, kopia: 'saknas' })).toBe(true);
    expect(vidarebefordranOviss({ gjorda: [], harUtkast: false, kopia: 'saknas' })).toBe(false);
    expect(vidarebefordranOviss({ gjorda: [V], harUtkast: true, kopia: 'saknas' })).toBe(false);
    for (const kopia of ['utkast', 'skickad', undefined] as const) expect(vidarebefordranOviss({ gjorda: [], harUtkast: true, kopia })).toBe(false);
  });
});

describe('en körning som bara skickar tillåtna steg', () => {
  const status = fc.constantFrom(0, 200, 201, 202, 204, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504);

  it('tar aldrig bort något vid diarieföring utan vidarebefordran och räknar aldrig en vidarebefordran som inte bekräftats, vilka svar som än kommer', () => {
    fc.assert(fc.property(fc.constantFrom(...ATGARDER), fc.array(fc.record({ val: fc.nat(), status }), { maxLength: 40 }), (atgard, svar) => {
      let gjorda: Epoststeg[] = [];
      for (const { val, status: s } of svar) {
        const tillatna = STEG.filter((steg) => farUtforas(atgard, steg, gjorda));
        if (tillatna.length === 0) {
          expect(stegKvar(atgard, gjorda)).toEqual([]);
          break;
        }
        const steg = tillatna[val % tillatna.length];
        expect(gjorda).not.toContain(steg);
        expect(stegKvar(atgard, gjorda)).toContain(steg);
        if (tolkaSvar(steg, s) === 'Gjort') gjorda = [...gjorda, steg];
        if (atgard === 'Diarieför' && (gjorda.includes(O) || gjorda.includes(K))) {
          expect(gjorda.indexOf(V)).toBeGreaterThanOrEqual(0);
          expect(gjorda.indexOf(V)).toBeLessThan(Math.min(...[O, K].map((x) => gjorda.indexOf(x)).filter((i) => i >= 0)));
        }
      }
    }), { numRuns: 500 });
  });

  /**
   * The same runner against a model mailbox that answers truthfully (a missing item gives 404, a
   * 2xx has its effect), where a send's answer can be lost after it went out or the same draft be
   * sent again (refused: not a draft), the page can close mid-way (the journal losing its last
   * step; the copy is deleted only once the journal has the forward), and the person can delete the
   * original or the sent copy in Outlook. An unsettled answer and a resumed run both start from
   * aterstalldaSteg over what the mailbox shows.
   */
  it('vidarebefordrar aldrig två gånger och påstår aldrig en vidarebefordran som inte skedde, ens när sidan stängs mitt i', () => {
    type Handelse = { typ: 'svar'; val: number; status: number; tappat: boolean } | { typ: 'stang' } | { typ: 'outlook'; vad: 'original' | 'kopia' };
    const handelse: fc.Arbitrary<Handelse> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ typ: fc.constant('svar' as const), val: fc.nat(), status, tappat: fc.boolean() }) },
      { weight: 2, arbitrary: fc.record({ typ: fc.constant('stang' as const) }) },
      { weight: 1, arbitrary: fc.record({ typ: fc.constant('outlook' as const), vad: fc.constantFrom('original' as const, 'kopia' as const) }) }
    );

    fc.assert(fc.property(fc.constantFrom(...ATGARDER), fc.array(handelse, { maxLength: 40 }), (atgard, handelser) => {
      const brevlada = {
        original: true, markerad: false, vidarebefordringar: 0, raderadForeVidarebefordran: false,
        forward: 'ingen' as 'ingen' | 'utkast' | 'skickad' | 'raderad'
      };
      let gjorda: Epoststeg[] = [];
      let oviss = false;
      const kopialage = (): Kopielage | undefined =>
        brevlada.forward === 'ingen' ? undefined : brevlada.forward === 'raderad' ? 'saknas' : brevlada.forward;
      const avlas = (journal: Epoststeg[]): Epoststeg[] =>
        aterstalldaSteg(atgard, { gjorda: journal, originalFinns: brevlada.original, kopia: kopialage(), markerad: brevlada.markerad });

      for (const h of handelser) {
        if (h.typ === 'outlook') {
          if (h.vad === 'original') brevlada.original = false;
          else if (brevlada.forward === 'skickad' || brevlada.forward === 'utkast') brevlada.forward = 'raderad';
        } else if (h.typ === 'stang') {
          // The journal lacks the last step, unless it is the forward a copy delete was already sent after.
          const sista = gjorda[gjorda.length - 1];
          const journal = sista === V && gjorda.includes(K) ? gjorda : gjorda.slice(0, -1);
          gjorda = avlas(journal);
          oviss = vidarebefordranOviss({ gjorda, harUtkast: brevlada.forward !== 'ingen', kopia: kopialage() });
        } else {
          const tillatna: Epoststeg[] = STEG.filter((x) => farUtforas(atgard, x, gjorda) && !(x === V && oviss));
          if (tillatna.length === 0) continue;
          const steg: Epoststeg = tillatna[h.val % tillatna.length];
          let svar: number;
          if (steg === V) {
            // A draft is made unless one is waiting; it is sent; a draft already sent is refused.
            if (brevlada.forward === 'ingen') brevlada.forward = 'utkast';
            if (brevlada.forward !== 'utkast') {
              svar = brevlada.forward === 'skickad' ? 400 : 404;
            } else {
              const gick = h.status >= 200 && h.status < 300 || h.tappat;
              if (gick) { brevlada.vidarebefordringar++; brevlada.forward = 'skickad'; }
              svar = h.tappat ? 0 : h.status;
            }
          } else {
            const finns = steg === K ? brevlada.forward === 'skickad' : brevlada.original;
            svar = !finns ? 404 : h.status === 404 ? 500 : h.status;
            const lyckat = svar >= 200 && svar < 300;
            if (steg === O && lyckat) {
              if (atgard === 'Diarieför' && brevlada.vidarebefordringar === 0) brevlada.raderadForeVidarebefordran = true;
              brevlada.original = false;
            } else if (steg === K && lyckat) {
              brevlada.forward = 'raderad';
            } else if (steg === M && lyckat) {
              brevlada.markerad = true;
            }
          }
          const utfall = tolkaSvar(steg, svar);
          if (utfall === 'Gjort') gjorda = [...gjorda, steg];
          if (utfall === 'Oviss') gjorda = avlas(gjorda);
        }

        expect(brevlada.vidarebefordringar).toBeLessThanOrEqual(1);
        expect(brevlada.raderadForeVidarebefordran).toBe(false);
        if (gjorda.includes(V)) expect(brevlada.vidarebefordringar).toBe(1);
        if (gjorda.includes(O)) expect(brevlada.original).toBe(false);
        if (gjorda.includes(K)) expect(brevlada.forward).not.toBe('skickad');
        if (gjorda.includes(M)) expect(brevlada.markerad).toBe(true);
        if (atgard === 'Diarieför' && (gjorda.includes(O) || gjorda.includes(K))) expect(gjorda).toContain(V);
      }
    }), { numRuns: 1000 });
  });
});

describe('valet av åtgärd', () => {
  const registrator = 'registrator@kramfors.se';

  it('godtar diarieföring till en registratorsadress, med eller utan kommentar', () => {
    expect(valideraAtgard({ atgard: 'Diarieför' }, registrator)).toBeUndefined();
    expect(valideraAtgard({ atgard: 'Diarieför', kommentar: 'Gäller KS 2026/12' }, `  ${registrator} `)).toBeUndefined();
    expect(valideraAtgard({ atgard: 'Diarieför', kommentar: 'x'.repeat(MAX_KOMMENTAR) }, registrator)).toBeUndefined();
  });

  it('vägrar diarieföring utan en riktig registratorsadress', () => {
    for (const adress of ['', '   ', 'registrator', 'registrator@kramfors', '@kramfors.se', 'regi strator@kramfors.se', 'a@b.se;c@d.se']) {
      expect(valideraAtgard({ atgard: 'Diarieför' }, adress)).toBe('RegistratorSaknas');
    }
  });

  it('vägrar en för lång kommentar till registratorn', () => {
    expect(valideraAtgard({ atgard: 'Diarieför', kommentar: 'x'.repeat(MAX_KOMMENTAR + 1) }, registrator)).toBe('KommentarForLang');
  });

  it('gallrar utan registrator, skäl eller kommentar', () => {
    expect(valideraAtgard({ atgard: 'Gallra' }, '')).toBeUndefined();
  });

  it('behåller bara med ett skäl, och med egna ord när skälet är Annat', () => {
    for (const skal of BEHALLSKAL.filter((s) => s !== 'Annat')) expect(valideraAtgard({ atgard: 'Behåll', skal }, '')).toBeUndefined();
    expect(valideraAtgard({ atgard: 'Behåll' }, '')).toBe('SkalSaknas');
    expect(valideraAtgard({ atgard: 'Behåll', skal: 'Hemligt' } as unknown as IAtgardsval, '')).toBe('SkalSaknas');
    expect(valideraAtgard({ atgard: 'Behåll', skal: 'Annat' }, '')).toBe('SkalTextSaknas');
    expect(valideraAtgard({ atgard: 'Behåll', skal: 'Annat', skalText: '   ' }, '')).toBe('SkalTextSaknas');
    expect(valideraAtgard({ atgard: 'Behåll', skal: 'Annat', skalText: 'Väntar på svar från förvaltningen' }, '')).toBeUndefined();
  });

  it('vägrar en för lång skälstext', () => {
    expect(valideraAtgard({ atgard: 'Behåll', skal: 'Annat', skalText: 'x'.repeat(MAX_SKALTEXT) }, '')).toBeUndefined();
    expect(valideraAtgard({ atgard: 'Behåll', skal: 'Annat', skalText: 'x'.repeat(MAX_SKALTEXT + 1) }, '')).toBe('SkalTextForLang');
    expect(valideraAtgard({ atgard: 'Behåll', skal: 'Privat', skalText: 'x'.repeat(MAX_SKALTEXT + 1) }, '')).toBe('SkalTextForLang');
  });
});

describe('behållna brev', () => {
  it('räknar ett brev som ohanterat tills det har markeringen för behållna', () => {
    expect(arOhanterad({ kategorier: [] })).toBe(true);
    expect(arOhanterad({ kategorier: ['Röd kategori'] })).toBe(true);
    expect(arOhanterad({ kategorier: ['Röd kategori', BEHALLEN_KATEGORI] })).toBe(false);
  });

  it('lägger till markeringen en gång och behåller brevets egna kategorier', () => {
    const egna = ['Röd kategori'];
    expect(behallKategorier(egna)).toEqual(['Röd kategori', BEHALLEN_KATEGORI]);
    expect(egna).toEqual(['Röd kategori']);
    expect(behallKategorier([BEHALLEN_KATEGORI, 'Röd kategori'])).toEqual([BEHALLEN_KATEGORI, 'Röd kategori']);
  });
});

describe('vardagar och påminnelsen', () => {
  it('räknar inte aftnar och helgdagar som vardagar', () => {
    expect(arVardag('2026-12-24')).toBe(false); // julafton, a Thursday
    expect(arVardag('2026-06-19')).toBe(false); // midsommarafton
    expect(arVardag('2026-12-31')).toBe(false); // nyårsafton, a Thursday
    expect(arVardag('2026-04-06')).toBe(false); // annandag påsk
    expect(arVardag('2025-06-06')).toBe(false); // nationaldagen on a Friday
    expect(arVardag('2024-06-06')).toBe(false); // nationaldagen on a Thursday
    expect(arVardag('2026-01-06')).toBe(false); // trettondedag jul
    expect(arVardag('2026-05-14')).toBe(false); // Kristi himmelsfärdsdag
  });

  it('räknar en vanlig fredag och dagar kring helger som vardagar, men inte en helg', () => {
    expect(arVardag('2026-11-27')).toBe(true); // a Friday
    expect(arVardag('2026-04-02')).toBe(true); // skärtorsdagen is a working day
    expect(arVardag('2026-12-23')).toBe(true);
    expect(arVardag('2026-11-28')).toBe(false);
    expect(arVardag('2026-11-29')).toBe(false);
  });

  it('räknar inte en ogiltig dag som vardag', () => {
    for (const dag of ['', '2026-02-30', '27/11/2026', '2026-11-27T10:00:00Z']) expect(arVardag(dag)).toBe(false);
  });

  it('visar påminnelsen en vardag med ohanterade brev som inte redan avfärdats i dag', () => {
    expect(visaPaminnelse(3, '2026-11-27')).toBe(true);
    expect(visaPaminnelse(3, '2026-11-27', '2026-11-26')).toBe(true);
    expect(visaPaminnelse(3, '2026-11-27', '2026-11-27')).toBe(false);
    expect(visaPaminnelse(0, '2026-11-27')).toBe(false);
    expect(visaPaminnelse(3, '2026-11-28')).toBe(false);
    expect(visaPaminnelse(3, '2026-12-24')).toBe(false);
  });
});

describe('loggens 30 dagar', () => {
  it('börjar 29 dagar före i dag, så att i dag räknas som den trettionde', () => {
    expect(LOGGDAGAR).toBe(30);
    expect(loggStart('2026-11-27')).toBe('2026-10-29');
    expect(loggStart('2026-11-27', 1)).toBe('2026-11-27');
    expect(loggStart('2026-01-15')).toBe('2025-12-17');
    expect(loggStart('2028-03-01')).toBe('2028-02-01');
  });

  it('räknar kalenderdagar över sommartidens slut och början', () => {
    expect(loggStart('2026-11-10')).toBe('2026-10-12');
    expect(loggStart('2026-04-05')).toBe('2026-03-07');
  });

  it('ger samma dagar vilken tidszon enheten än står i', () => {
    const forra = process.env.TZ;
    try {
      for (const zon of ['Europe/Stockholm', 'America/Sao_Paulo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        process.env.TZ = zon;
        expect(loggStart('2026-11-10')).toBe('2026-10-12');
        expect(loggStart('2026-04-05')).toBe('2026-03-07');
        expect(arVardag('2026-11-27')).toBe(true);
        expect(arVardag('2026-11-28')).toBe(false);
      }
    } finally {
      if (forra === undefined) delete process.env.TZ;
      else process.env.TZ = forra;
    }
  });
});

describe('loggens rader', () => {
  type Rad = ILoggrad & { id: string };
  const rad = (id: string, datum: string, over: Partial<Rad> = {}): Rad => ({
    id, datum, fran: 'anna@example.se', till: 'per.persson@pol.kramfors.se', amne: `Brev ${id}`, mapp: 'inkorg', atgard: 'Ej hanterad', klar: false, ...over
  });
  const datum = (rader: ILoggrad[]): string[] => rader.map((r) => r.datum);

  it('tar med 00:30 svensk tid på första dagen men inte 23:30 dagen före, vintertid', () => {
    // idag 2026-12-10: the window starts 2026-11-11 (CET, UTC+1).
    const rader = [rad('a', '2026-11-10T23:30:00Z'), rad('b', '2026-11-10T22:30:00Z'), rad('c', '2026-11-10T23:00:00Z')];
    expect(datum(loggrader([], rader, '2026-12-10'))).toEqual(['2026-11-10T23:30:00Z', '2026-11-10T23:00:00Z']);
  });

  it('räknar svensk sommartid när fönstret börjar före oktobers omställning', () => {
    // idag 2026-11-10 (CET), start 2026-10-12 (CEST, UTC+2); the clocks went back on 25 October.
    const rader = [
      rad('fore', '2026-10-11T21:59:59Z'),
      rad('forsta', '2026-10-11T22:00:00Z'),
      rad('dubbeltimmen', '2026-10-25T00:30:00Z'),
      rad('dubbeltimmen2', '2026-10-25T01:30:00Z'),
      rad('sista', '2026-11-10T22:59:59Z'),
      rad('imorgon', '2026-11-10T23:00:00Z')
    ];
    expect(loggrader([], rader, '2026-11-10').map((r) => r.amne)).toEqual(['Brev sista', 'Brev dubbeltimmen2', 'Brev dubbeltimmen', 'Brev forsta']);
  });

  it('räknar svensk sommartid när fönstret slutar efter marsomställningen', () => {
    // idag 2026-04-05 (CEST), start 2026-03-07 (CET); the clocks went forward on 29 March.
    const rader = [
      rad('fore', '2026-03-06T22:59:59Z'),
      rad('forsta', '2026-03-06T23:30:00Z'),
      rad('sista', '2026-04-05T21:59:59Z'),
      // 00:00 on 6 April in summer time, though it would be 23:00 on the 5th in winter time.
      rad('imorgon', '2026-04-05T22:00:00Z')
    ];
    expect(loggrader([], rader, '2026-04-05').map((r) => r.amne)).toEqual(['Brev sista', 'Brev forsta']);
  });

  it('läser tider med utskriven tidszon', () => {
    expect(loggrader([], [rad('a', '2026-11-11T00:15:00+01:00'), rad('b', '2026-11-10T23:59:00+01:00')], '2026-12-10').map((r) => r.amne)).toEqual(['Brev a']);
  });

  it('låter journalen gå före brevlådan för samma brev och tar med brev som redan är borta', () => {
    const poster = [
      rad('1', '2026-11-20T08:00:00Z', { atgard: 'Diarieför', klar: true, hanterad: '2026-11-20T09:00:00Z', notering: 'Gäller KS 2026/12' }),
      rad('borta', '2026-11-19T08:00:00Z', { atgard: 'Gallra', klar: true, hanterad: '2026-11-19T09:00:00Z', mapp: 'borttaget' })
    ];
    const brevlada = [rad('1', '2026-11-20T08:00:00Z'), rad('2', '2026-11-21T08:00:00Z', { mapp: 'skickat' })];
    expect(loggrader(poster, brevlada, '2026-11-27')).toEqual([
      { datum: '2026-11-21T08:00:00Z', fran: 'anna@example.se', till: 'per.persson@pol.kramfors.se', amne: 'Brev 2', mapp: 'skickat', atgard: 'Ej hanterad', klar: false },
      {
        datum: '2026-11-20T08:00:00Z', fran: 'anna@example.se', till: 'per.persson@pol.kramfors.se', amne: 'Brev 1', mapp: 'inkorg', atgard: 'Diarieför', klar: true,
        hanterad: '2026-11-20T09:00:00Z', notering: 'Gäller KS 2026/12'
      },
      { datum: '2026-11-19T08:00:00Z', fran: 'anna@example.se', till: 'per.persson@pol.kramfors.se', amne: 'Brev borta', mapp: 'borttaget', atgard: 'Gallra', klar: true, hanterad: '2026-11-19T09:00:00Z' }
    ]);
  });

  it('visar varje brev en gång: den senare journalposten gäller och dubbletter i brevlådan räknas en gång', () => {
    const poster = [
      rad('1', '2026-11-20T08:00:00Z', { atgard: 'Diarieför', klar: false }),
      rad('2', '2026-11-21T08:00:00Z', { atgard: 'Behåll', klar: true, notering: 'Privat' }),
      rad('1', '2026-11-20T08:00:00Z', { atgard: 'Diarieför', klar: true, hanterad: '2026-11-22T09:00:00Z' }),
      rad('2', '2026-11-21T08:00:00Z', { atgard: 'Gallra', klar: true, hanterad: '2026-11-25T09:00:00Z' })
    ];
    const brevlada = [rad('3', '2026-11-23T08:00:00Z'), rad('3', '2026-11-23T08:00:00Z')];
    expect(loggrader(poster, brevlada, '2026-11-27').map((r) => [r.amne, r.atgard, r.klar])).toEqual([
      ['Brev 3', 'Ej hanterad', false],
      ['Brev 2', 'Gallra', true],
      ['Brev 1', 'Diarieför', true]
    ]);
  });

  it('sorterar nyast först och utelämnar oläsliga datum', () => {
    const rader = [
      rad('a', '2026-11-02T10:00:00Z'), rad('b', ''), rad('c', 'igår'), rad('d', '2026-11-25T10:00:00Z'),
      rad('e', '2026-13-45T10:00:00Z'), rad('f', '2026-11-12T10:00:00Z')
    ];
    expect(loggrader(rader.slice(0, 3), rader.slice(3), '2026-11-27').map((r) => r.amne)).toEqual(['Brev d', 'Brev f', 'Brev a']);
  });

  it('ger rena rader utan id och andra fält', () => {
    const extra = { ...rad('1', '2026-11-20T08:00:00Z'), gjorda: [V], konversation: 'k1' };
    const [ut] = loggrader([extra], [], '2026-11-27');
    expect(Object.keys(ut).sort()).toEqual(['amne', 'atgard', 'datum', 'fran', 'klar', 'mapp', 'till']);
  });

  it('tar bara med dagar i fönstret, hur raderna än ser ut', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), t: fc.integer({ min: Date.UTC(2026, 8, 1), max: Date.UTC(2027, 0, 31) }) }), { maxLength: 12 }),
      fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'e', 'f'), t: fc.integer({ min: Date.UTC(2026, 8, 1), max: Date.UTC(2027, 0, 31) }) }), { maxLength: 12 }),
      (p, b) => {
        const poster = p.map((x) => rad(x.id, new Date(x.t).toISOString(), { atgard: 'Gallra' as Atgard, klar: true }));
        const brevlada = b.map((x) => rad(x.id, new Date(x.t).toISOString()));
        const ut = loggrader(poster, brevlada, '2026-11-27');
        const dag = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });
        for (const r of ut) {
          const d = dag.format(new Date(r.datum));
          expect(d >= '2026-10-29' && d <= '2026-11-27').toBe(true);
        }
        const tider = ut.map((r) => Date.parse(r.datum));
        expect(tider).toEqual([...tider].sort((x, y) => y - x));
        // At most one row per mail: ids in the journal, plus ids only in the mailbox.
        const ids = new Set([...p.map((x) => x.id), ...b.map((x) => x.id)]);
        expect(ut.length).toBeLessThanOrEqual(ids.size);
      }
    ));
  });
});
