import fc from 'fast-check';
import {
  arNyttSedan, arPublik, DOKUMENTTYP, IPubliceringsUnderlag, IUppladdning, kanPubliceras, KLASSER, MAX_FILSTORLEK,
  publiceringslage, valideraBeslut, valideraUppladdning
} from '../../src/domain/publicering';

const dok = (over: Partial<IPubliceringsUnderlag>): IPubliceringsUnderlag => ({
  klassificering: 'Offentlig', beslutFattat: false, publicerad: false, ...over
});

describe('vad som får publiceras', () => {
  it('låter en offentlig handling publiceras före beslutet, som kallelsen och handlingarna ska', () => {
    expect(publiceringslage(dok({}))).toBe('KanPubliceras');
    expect(kanPubliceras(dok({}))).toBe(true);
    expect(arPublik(dok({}))).toBe(false);
    expect(publiceringslage(dok({ publicerad: true }))).toBe('Publicerad');
    expect(arPublik(dok({ publicerad: true }))).toBe(true);
  });

  it('håller arbetsmaterial tillbaka tills beslutet i ärendet är fattat', () => {
    const fore = dok({ klassificering: 'Arbetsmaterial' });
    expect(publiceringslage(fore)).toBe('VantarPaBeslut');
    expect(kanPubliceras(fore)).toBe(false);
    const efter = dok({ klassificering: 'Arbetsmaterial', beslutFattat: true });
    expect(publiceringslage(efter)).toBe('KanPubliceras');
    expect(kanPubliceras(efter)).toBe(true);
    expect(arPublik({ ...efter, publicerad: true })).toBe(true);
  });

  it('visar inte arbetsmaterial publikt även om raden är markerad publicerad före beslut', () => {
    const handpublicerad = dok({ klassificering: 'Arbetsmaterial', publicerad: true });
    expect(publiceringslage(handpublicerad)).toBe('VantarPaBeslut');
    expect(arPublik(handpublicerad)).toBe(false);
  });

  it('publicerar aldrig en sekretesshandling, inte ens när flaggan är satt och beslutet fattat', () => {
    const sekretess = dok({ klassificering: 'Sekretess', publicerad: true, beslutFattat: true });
    expect(publiceringslage(sekretess)).toBe('Aldrig');
    expect(kanPubliceras(sekretess)).toBe(false);
    expect(arPublik(sekretess)).toBe(false);
  });

  it('egenskap: en sekretesshandling är aldrig publik, vad som än står i övriga fält', () => {
    fc.assert(fc.property(fc.boolean(), fc.boolean(), (beslutFattat, publicerad) => {
      const h = dok({ klassificering: 'Sekretess', beslutFattat, publicerad });
      return !arPublik(h) && !kanPubliceras(h) && publiceringslage(h) === 'Aldrig';
    }));
  });

  it('egenskap: publik betyder publicerad och antingen offentlig eller beslutat arbetsmaterial', () => {
    fc.assert(fc.property(fc.constantFrom(...KLASSER), fc.boolean(), fc.boolean(), (klassificering, beslutFattat, publicerad) => {
      const h = { klassificering, beslutFattat, publicerad };
      const vantat = publicerad && (klassificering === 'Offentlig' || (klassificering === 'Arbetsmaterial' && beslutFattat));
      expect(arPublik(h)).toBe(vantat);
    }));
  });
});

describe('uppladdning', () => {
  const giltig: IUppladdning = {
    filnamn: 'Tjänsteskrivelse budget 2027.pdf', storlek: 120_000, rubrik: 'Tjänsteskrivelse', dokumenttyp: 'Handling',
    klassificering: 'Offentlig', punkt: 4
  };

  it('godtar en vanlig handling till en punkt på föredragningslistan', () => {
    expect(valideraUppladdning(giltig)).toEqual({});
    expect(valideraUppladdning({ ...giltig, filnamn: 'Bilaga 1 – Årsredovisning (reviderad) å ä ö.docx' })).toEqual({});
  });

  describe('OSL-hänvisning för sekretess', () => {
    const sekretess = (osl?: string): IUppladdning => ({ ...giltig, klassificering: 'Sekretess', oslHanvisning: osl });

    it.each([
      '26 kap. 1 § OSL',
      '21 kap 7 § offentlighets- och sekretesslagen',
      '26 kap. 1§ OSL',
      '18 kap. 8 a § OSL',
      'Sekretess enligt 25 kap. 1 § offentlighets- och sekretesslagen (2009:400)'
    ])('godtar "%s"', (osl) => {
      expect(valideraUppladdning(sekretess(osl)).osl).toBeUndefined();
    });

    it('kräver en hänvisning', () => {
      expect(valideraUppladdning(sekretess(undefined)).osl).toBe('OslSaknas');
      expect(valideraUppladdning(sekretess('   ')).osl).toBe('OslSaknas');
    });

    it.each(['sekretess', 'OSL', 'Sekretessbelagd enligt OSL', '26 kap. OSL', '1 § OSL', 'se bilaga'])('vägrar "%s", som inte anger kapitel och paragraf', (osl) => {
      expect(valideraUppladdning(sekretess(osl)).osl).toBe('OslOgiltig');
    });

    it('vägrar en hänvisning längre än fältet rymmer', () => {
      expect(valideraUppladdning(sekretess(`26 kap. 1 § OSL ${'x'.repeat(250)}`)).osl).toBe('OslOgiltig');
    });

    it('frågar inte efter OSL för offentliga handlingar eller arbetsmaterial', () => {
      expect(valideraUppladdning({ ...giltig, oslHanvisning: undefined }).osl).toBeUndefined();
      expect(valideraUppladdning({ ...giltig, klassificering: 'Arbetsmaterial' }).osl).toBeUndefined();
    });
  });

  describe('filnamn som SharePoint vägrar', () => {
    it.each([
      'protokoll?.pdf', 'a:b.pdf', 'citat "x".pdf', 'stjärna*.pdf', 'a<b>.pdf', 'del/1.pdf', 'del\\1.pdf', 'rör|.pdf',
      'nr #3.pdf', '100%.pdf',
      ' mellanslag.pdf', 'mellanslag.pdf ', '.dold', 'slutpunkt.',
      '~$Kallelse.docx', 'rapport_vti_.pdf', 'CON', 'con.pdf', 'NUL.txt', 'COM1.pdf', 'lpt9', 'desktop.ini', '.lock',
      `${'a'.repeat(197)}.pdf`
    ])('vägrar "%s"', (filnamn) => {
      expect(valideraUppladdning({ ...giltig, filnamn }).fil).toBe('FilnamnOgiltigt');
    });

    it('godtar namn som bara liknar de förbjudna', () => {
      for (const filnamn of ['Contoso avtal.pdf', 'Konsult.pdf', 'COM-rapport.pdf', 'Auxiliär.pdf', 'vti.pdf', '~Kallelse.docx', `${'a'.repeat(196)}.pdf`]) {
        expect(valideraUppladdning({ ...giltig, filnamn }).fil).toBeUndefined();
      }
    });
  });

  it('kräver en fil med innehåll och under gränsen', () => {
    expect(valideraUppladdning({ ...giltig, filnamn: '  ' }).fil).toBe('FilSaknas');
    expect(valideraUppladdning({ ...giltig, storlek: 0 }).fil).toBe('FilTom');
    expect(valideraUppladdning({ ...giltig, storlek: Number.NaN }).fil).toBe('FilTom');
    expect(valideraUppladdning({ ...giltig, storlek: MAX_FILSTORLEK }).fil).toBeUndefined();
    expect(valideraUppladdning({ ...giltig, storlek: MAX_FILSTORLEK + 1 }).fil).toBe('FilForStor');
  });

  it('begränsar rubriken till 255 tecken', () => {
    expect(valideraUppladdning({ ...giltig, rubrik: 'r'.repeat(255) }).rubrik).toBeUndefined();
    expect(valideraUppladdning({ ...giltig, rubrik: 'r'.repeat(256) }).rubrik).toBe('RubrikForLang');
  });

  it('kräver ärendepunkt för handlingar och bilagor men inte för kallelse och föredragningslista', () => {
    for (const dokumenttyp of DOKUMENTTYP) {
      const utanPunkt = valideraUppladdning({ ...giltig, dokumenttyp, punkt: undefined });
      const kravs = dokumenttyp === 'Handling' || dokumenttyp === 'Bilaga';
      expect(utanPunkt.punkt).toBe(kravs ? 'PunktSaknas' : undefined);
    }
    expect(valideraUppladdning({ ...giltig, dokumenttyp: 'Bilaga', punkt: 0 }).punkt).toBe('PunktSaknas');
    expect(valideraUppladdning({ ...giltig, dokumenttyp: 'Bilaga', punkt: -2 }).punkt).toBe('PunktSaknas');
    expect(valideraUppladdning({ ...giltig, dokumenttyp: 'Bilaga', punkt: 2.5 }).punkt).toBe('PunktSaknas');
    expect(valideraUppladdning({ ...giltig, dokumenttyp: 'Bilaga', punkt: 12 }).punkt).toBeUndefined();
  });

  it('rapporterar alla fel på en gång', () => {
    expect(valideraUppladdning({
      filnamn: 'a?.pdf', storlek: 1, rubrik: 'x'.repeat(300), dokumenttyp: 'Handling', klassificering: 'Sekretess'
    })).toEqual({ fil: 'FilnamnOgiltigt', rubrik: 'RubrikForLang', osl: 'OslSaknas', punkt: 'PunktSaknas' });
  });
});

describe('nytt sedan senaste besök', () => {
  const besok = '2026-03-10T08:00:00Z';

  it('är aldrig nytt för den som inte har besökt portalen förut', () => {
    expect(arNyttSedan({ andrad: '2026-03-12T08:00:00Z' }, undefined)).toBe(false);
  });

  it('är nytt när handlingen ändrats efter besöket, inte när den ändrades före', () => {
    expect(arNyttSedan({ andrad: '2026-03-10T08:00:01Z' }, besok)).toBe(true);
    expect(arNyttSedan({ andrad: '2026-03-10T08:00:00Z' }, besok)).toBe(false);
    expect(arNyttSedan({ andrad: '2026-03-09T17:00:00Z' }, besok)).toBe(false);
  });

  it('räknar publiceringen som ny även när filen laddades upp före besöket', () => {
    expect(arNyttSedan({ andrad: '2026-03-01T09:00:00Z', publiceradDatum: '2026-03-11T09:00:00Z' }, besok)).toBe(true);
    expect(arNyttSedan({ andrad: '2026-03-01T09:00:00Z', publiceradDatum: '2026-03-05T09:00:00Z' }, besok)).toBe(false);
  });

  it('jämför tidpunkter, inte text, när tidszonerna skrivs olika', () => {
    // Changed 08:45 Swedish winter time = 07:45Z, before the visit; published 08:30Z, after it. As text
    // "…T08:45:00+01:00" sorts after "…T08:30:00Z", which would pick the change and miss the publishing.
    expect(arNyttSedan({ andrad: '2026-03-10T08:45:00+01:00', publiceradDatum: '2026-03-10T08:30:00Z' }, besok)).toBe(true);
    // Published 08:45 Swedish time = 07:45Z, before the visit; the text "…T08:45" sorts after "…T08:00" but is earlier.
    expect(arNyttSedan({ andrad: '2026-03-01T00:00:00Z', publiceradDatum: '2026-03-10T08:45:00+01:00' }, besok)).toBe(false);
    // The later of the two counts even when the publishing time is written so it sorts first as text.
    expect(arNyttSedan({ andrad: '2026-03-10T09:00:00Z', publiceradDatum: '2026-03-10T07:00:00-03:00' }, besok)).toBe(true);
  });

  it('ignorerar en oläsbar tidpunkt i stället för att gissa', () => {
    expect(arNyttSedan({ andrad: 'okänt', publiceradDatum: '2026-03-11T09:00:00Z' }, besok)).toBe(true);
    expect(arNyttSedan({ andrad: 'okänt' }, besok)).toBe(false);
    expect(arNyttSedan({ andrad: '2026-03-11T09:00:00Z' }, 'igår')).toBe(false);
  });
});

describe('beslut i ett ärende', () => {
  it('kräver beslutstext och ett riktigt datum från mötesdagen till i dag', () => {
    expect(valideraBeslut({ beslut: 'Kommunstyrelsen beslutar att godkänna.', datum: '2026-03-16' }, '2026-03-16', '2026-03-20')).toEqual({});
    expect(valideraBeslut({ beslut: '  ', datum: '2026-03-16' }, '2026-03-16', '2026-03-20').beslut).toBe('BeslutSaknas');
    expect(valideraBeslut({ beslut: 'Bifall', datum: '2026-02-30' }, '2026-02-16', '2026-03-20').datum).toBe('DatumOgiltigt');
    expect(valideraBeslut({ beslut: 'Bifall', datum: '16/3 2026' }, '2026-03-16', '2026-03-20').datum).toBe('DatumOgiltigt');
    expect(valideraBeslut({ beslut: 'Bifall', datum: '2026-03-21' }, '2026-03-16', '2026-03-20').datum).toBe('DatumIFramtiden');
    expect(valideraBeslut({ beslut: 'Bifall', datum: '2026-03-15' }, '2026-03-16', '2026-03-20').datum).toBe('DatumForeMotet');
    expect(valideraBeslut({ beslut: 'Bifall', datum: '2026-03-20' }, '2026-03-16', '2026-03-20')).toEqual({});
  });
});
