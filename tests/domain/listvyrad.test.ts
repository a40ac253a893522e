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
