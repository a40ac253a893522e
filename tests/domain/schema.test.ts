import { UPPDRAG_STATUSAR } from '../../src/domain/uppdrag';
import { statusFranVal, UPPDRAG_STATUS_VAL, UppdragFalt, UppdragLista } from '../../src/schema/uppdrag';
import { falt } from '../../src/schema/types';

describe('Uppdrag-listans schema', () => {
  it('har ASCII-interna namn, unika, och svenska visningsnamn', () => {
    const namn = UppdragLista.fields.map((f) => f.internalName);
    expect(new Set(namn).size).toBe(namn.length);
    for (const f of UppdragLista.fields) {
      expect(f.internalName).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(f.displayName.length).toBeGreaterThan(0);
    }
    expect(falt(UppdragLista, UppdragFalt.Forvaltning).displayName).toBe('Ansvarig förvaltning');
  });

  it('erbjuder statusvalen i domänens ordning och läser tillbaka varje val', () => {
    expect(falt(UppdragLista, UppdragFalt.Status).choices).toEqual(UPPDRAG_STATUSAR.map((s) => UPPDRAG_STATUS_VAL[s]));
    for (const status of UPPDRAG_STATUSAR) {
      expect(statusFranVal(UPPDRAG_STATUS_VAL[status])).toBe(status);
    }
  });

  it('känner inte igen okända eller felaktiga statusvärden', () => {
    expect(statusFranVal('Klar')).toBeUndefined();
    expect(statusFranVal('<b>Pågår</b>')).toBeUndefined();
    expect(statusFranVal(undefined)).toBeUndefined();
    expect(statusFranVal(3)).toBeUndefined();
  });

  it('indexerar kolumnerna som listan filtreras på, så att 5 000-gränsen inte slår till', () => {
    for (const namn of [UppdragFalt.Status, UppdragFalt.Beslutsinstans, UppdragFalt.Forvaltning, UppdragFalt.PlaneratKlart]) {
      expect(falt(UppdragLista, namn).indexed).toBe(true);
    }
  });

  it('säger tydligt till när ett fält inte finns', () => {
    expect(() => falt(UppdragLista, 'Finns inte' as never)).toThrow('Fältet Finns inte finns inte i listan Uppdrag.');
  });
});
