import { existsSync, readdirSync } from 'fs';
import { join } from 'path';
import { deklareradeNycklar, lasStrangar, locModuler, ROT } from '../support/locFiler';

const SPRAK = ['sv-se', 'en-us'];
const platshallare = (text: string): string[] => (text.match(/\{\d+\}/g) ?? []).sort();

describe.each(locModuler())('strängmodulen $modul', ({ mapp }) => {
  const strangar = Object.fromEntries(SPRAK.map((sprak) => [sprak, lasStrangar(join(mapp, `${sprak}.js`))]));
  const svenska = Object.keys(strangar['sv-se']).sort();

  it('har samma nycklar på svenska och engelska', () => {
    expect(Object.keys(strangar['en-us']).sort()).toEqual(svenska);
  });

  it('har samma nycklar som gränssnittet i mystrings.d.ts', () => {
    expect(deklareradeNycklar(mapp).sort()).toEqual(svenska);
  });

  it('har en icke-tom text för varje nyckel, med samma platshållare på båda språken', () => {
    for (const nyckel of svenska) {
      for (const sprak of SPRAK) {
        const text = strangar[sprak][nyckel];
        expect(typeof text).toBe('string');
        expect((text as string).trim()).not.toBe('');
      }
      expect(platshallare(strangar['en-us'][nyckel] as string)).toEqual(platshallare(strangar['sv-se'][nyckel] as string));
    }
  });
});

describe('varje komponent', () => {
  it('har en loc-mapp som är registrerad i config.json', () => {
    const registrerade = new Set(locModuler().map((m) => m.mapp));
    const komponenter = ['webparts', 'extensions'].flatMap((typ) =>
      readdirSync(join(ROT, 'src', typ), { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(ROT, 'src', typ, d.name, 'loc')))
        .map((d) => join(ROT, 'src', typ, d.name, 'loc')));
    expect(komponenter.length).toBe(7);
    for (const mapp of komponenter) {
      expect(registrerade).toContain(mapp);
    }
  });
});
