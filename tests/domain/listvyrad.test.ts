import { uppdragLageFranListvy } from '../../src/data/listvyrad';

/** A row as SharePoint's list view hands it to an extension: formatted and ISO dates side by side. */
function rad(varden: Record<string, unknown>): (namn: string) => unknown {
  return (namn) => varden[namn];
}

describe('Uppdrag-rader från listvyn', () => {
  it('läser status och tar datumen från ISO-fälten, omräknade till svensk kalenderdag', () => {
    expect(uppdragLageFranListvy(rad({
      UppdragStatus: 'Pågår',
      PlaneratKlart: '6/15/2025',
      'PlaneratKlart.': '2025-06-14T22:00:00Z',
      'Modified.': '2025-05-02T08:15:00Z'
    }))).toEqual({ status: 'Pagar', planeratKlart: '2025-06-15', senastAndrad: '2025-05-02' });
  });

  it('tål tomma och trasiga datum', () => {
    expect(uppdragLageFranListvy(rad({ UppdragStatus: 'Verkställt', 'PlaneratKlart.': '', 'Modified.': 'igår' })))
      .toEqual({ status: 'Verkstallt', planeratKlart: undefined, senastAndrad: undefined });
  });

  it('ger inget läge för en status som inte är ett av listans val', () => {
    expect(uppdragLageFranListvy(rad({ UppdragStatus: '<img src=x onerror=alert(1)>' }))).toBeUndefined();
  });
});

describe('datum som SharePoint lagrar dem', () => {
  const { franSpDatum, tillSpDatum } = jest.requireActual('../../src/data/spDatum');
  it('lagrar en kalenderdag som svensk midnatt i UTC, sommar som vinter, och läser tillbaka samma dag', () => {
    expect(tillSpDatum('2025-06-15')).toBe('2025-06-14T22:00:00Z');
    expect(tillSpDatum('2025-01-15')).toBe('2025-01-14T23:00:00Z');
    expect(tillSpDatum('2025-03-30')).toBe('2025-03-29T23:00:00Z');
    for (const dag of ['2025-06-15', '2025-01-15', '2025-03-30', '2025-10-26', '2024-02-29']) {
      expect(franSpDatum(tillSpDatum(dag))).toBe(dag);
    }
  });

  it('vägrar ett datum som inte finns', () => {
    expect(() => tillSpDatum('2025-02-30')).toThrow('Ogiltigt datum: 2025-02-30');
  });
});

describe('datum som SharePoint kan ha lagrat', () => {
  const { arSpDatum } = jest.requireActual('../../src/data/spDatum');
  it('godtar SharePoints egen form, även med bråkdelar av sekunder', () => {
    for (const v of ['2025-03-16T23:00:00Z', '2026-11-20T08:00:00.123Z', '1899-12-31T23:00:00Z', '8900-12-30T23:00:00Z']) expect([v, arSpDatum(v)]).toEqual([v, true]);
  });

  it('vägrar text, tal, dagar som inte finns och år utanför 1900–8900', () => {
    for (const v of ['igår', '', null, undefined, 20250101, { datum: '2025-01-01' }, '2025-02-30T00:00:00Z', '2025-13-01T00:00:00Z',
      '0000-00-00T00:00:00Z', '0001-01-01T00:00:00Z', '1899-12-30T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z',
      'Mon, 01 Jan 2024 00:00:00 GMT', '2025-03-16']) {
      expect([v, arSpDatum(v)]).toEqual([v, false]);
    }
  });
});
