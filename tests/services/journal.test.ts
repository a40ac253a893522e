/** How a run is split into journal rows: within the column, at most a hundred mails, full $batch calls. */
import { delaIRader, MAX_RADTEXT, POSTER_PER_RAD } from '../../src/data/epost/journal';

describe('delaIRader', () => {
  it('delar i rader om hundra när posterna är små', () => {
    const rader = delaIRader(Array.from({ length: 250 }, (_, i) => i), () => 100, 20);
    expect(rader.map((r) => r.length)).toEqual([100, 100, 50]);
  });

  it('avslutar en rad som kolumnen kortar vid en hel $batch om 20, och tappar eller kastar om ingen post', () => {
    const poster = Array.from({ length: 250 }, (_, i) => i);
    const rader = delaIRader(poster, () => 700, 20);
    expect(rader.flat()).toEqual(poster);
    for (const rad of rader.slice(0, -1)) {
      expect(rad.length % 20).toBe(0);
      expect(rad.length).toBeLessThanOrEqual(POSTER_PER_RAD);
      // What the column must hold once every entry has grown by its steps.
      expect(2 + rad.length * (700 + 160 + 1)).toBeLessThanOrEqual(MAX_RADTEXT);
    }
  });

  it('lägger en enda stor post i en egen rad', () => {
    expect(delaIRader([1, 2, 3], (p) => (p === 2 ? MAX_RADTEXT : 10), 20)).toEqual([[1], [2], [3]]);
  });
});
