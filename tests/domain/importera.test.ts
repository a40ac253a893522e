import {
  foreslaMappning, granskaRader, IImportRad, importKallNyckel, kontrolleraUppdrag, tolkaDatum, tolkaParagraf, tolkaStatus
} from '../../src/domain/importera';
import { UPPDRAG_STATUS_VAL } from '../../src/schema/uppdrag';

const RUBRIKER = ['Ärende', 'Beslut', 'Instans', 'Datum', '§', 'Dnr', 'Ansvarig', 'Status', 'Klart', 'Kommentar'];

describe('kolumnförslag', () => {
  it('känner igen rubrikerna i en handförd ärendebalanslista', () => {
    expect(foreslaMappning(RUBRIKER)).toEqual({
      rubrik: 0, uppdragstext: 1, beslutsinstans: 2, beslutsdatum: 3, paragraf: 4, diarienummer: 5, forvaltning: 6, status: 7, planeratKlart: 8, kommentar: 9
    });
  });

  it('tar inte "Beslutsdatum" för beslutstexten och använder varje kolumn en gång', () => {
    const m = foreslaMappning(['Beslutsdatum', 'Uppdrag', 'Ansvarig förvaltning', 'Paragraf', 'Planerat klart', 'Återrapportering', 'Beslutsinstans', 'Okänd']);
    expect(m).toEqual({ beslutsdatum: 0, rubrik: 1, forvaltning: 2, paragraf: 3, planeratKlart: 4, aterrapporteraSenast: 5, beslutsinstans: 6 });
    expect(m.uppdragstext).toBeUndefined();
  });
});

describe('värden ur celler', () => {
  it('läser datumceller, ISO, svenska datum och dd.mm.åååå', () => {
    expect(tolkaDatum(new Date(Date.UTC(2020, 10, 30)))).toBe('2020-11-30');
    expect(tolkaDatum('2020-11-30')).toBe('2020-11-30');
    expect(tolkaDatum('2020-11-30 00:00:00')).toBe('2020-11-30');
    expect(tolkaDatum('30 november 2020')).toBe('2020-11-30');
    expect(tolkaDatum('30.11.2020')).toBe('2020-11-30');
    expect(tolkaDatum('snart')).toBeUndefined();
    expect(tolkaDatum('2020-13-01')).toBeUndefined();
  });

  it('läser status som listans val, koder och vanliga ord', () => {
    expect(tolkaStatus('Pågår', UPPDRAG_STATUS_VAL)).toBe('Pagar');
    expect(tolkaStatus('delvis verkställt', UPPDRAG_STATUS_VAL)).toBe('DelvisVerkstallt');
    expect(tolkaStatus('Klar', UPPDRAG_STATUS_VAL)).toBe('Verkstallt');
    expect(tolkaStatus('', UPPDRAG_STATUS_VAL)).toBeNull();
    expect(tolkaStatus('Vilande', UPPDRAG_STATUS_VAL)).toBeUndefined();
  });

  it('skriver paragrafen som "§ n"', () => {
    expect(tolkaParagraf('54')).toBe('§ 54');
    expect(tolkaParagraf('§54')).toBe('§ 54');
    expect(tolkaParagraf('§ 12 p. 3')).toBe('§ 12 p. 3');
  });
});

const rad = (radnummer: number, ...celler: Array<string | Date | null>): IImportRad => ({ radnummer, celler });
const MAPPNING = foreslaMappning(RUBRIKER);

describe('granskning rad för rad', () => {
  const granskade = granskaRader([
    rad(2, 'Utreda ärendebalanslistor', 'Kommunstyrelsen uppdrar åt kommunledningskontoret att utreda …', 'KS', new Date(Date.UTC(2020, 9, 19)), '54', 'KS 2020/801', 'Kommunledningskontoret', 'Pågår', '2021-03-31', null),
    rad(3, 'Plan för skolnärvaro', null, 'Kommunfullmäktige', '2021-02-22', '§ 12', null, 'Barn- och utbildningsförvaltningen', '', null, 'Ny'),
    rad(4, '', null, 'KS', 'i höstas', '7', null, '', 'Vilande', 'snart', null),
    rad(5, 'Okänt organ', null, 'Revisionen', '2021-01-01', '3', null, 'Kommunledningskontoret', null, null, null),
    rad(6, 'utreda ärendebalanslistor ', null, 'KS', '2020-10-19', '§ 54', null, 'Kommunledningskontoret', null, null, null)
  ], MAPPNING, UPPDRAG_STATUS_VAL);

  it('gör en giltig rad till ett nytt uppdrag med källnyckel', () => {
    expect(granskade[0].problem).toEqual([]);
    expect(granskade[0].uppdrag).toEqual({
      rubrik: 'Utreda ärendebalanslistor',
      uppdragstext: 'Kommunstyrelsen uppdrar åt kommunledningskontoret att utreda …',
      beslutsinstans: 'KS', beslutsdatum: '2020-10-19', paragraf: '§ 54', diarienummer: 'KS 2020/801',
      forvaltning: 'Kommunledningskontoret', status: 'Pagar', planeratKlart: '2021-03-31', aterrapporteraSenast: undefined,
      varIHanteringen: undefined, kommentar: undefined
    });
    expect(granskade[0].kallNyckel).toMatch(/^import:KS:2020-10-19:§54:[0-9a-f]{8}$/);
  });

  it('låter rubriken bli uppdragstext och tom status bli Ej påbörjat', () => {
    expect(granskade[1].uppdrag).toMatchObject({ uppdragstext: 'Plan för skolnärvaro', beslutsinstans: 'KF', status: 'EjPaborjat', kommentar: 'Ny' });
  });

  it('räknar upp saknade värden, fel datum och okänd status', () => {
    expect(granskade[2].uppdrag).toBeUndefined();
    expect(granskade[2].problem).toEqual([
      { kod: 'saknas', falt: 'rubrik' },
      { kod: 'saknas', falt: 'forvaltning' },
      { kod: 'ogiltigtDatum', falt: 'beslutsdatum', varde: 'i höstas' },
      { kod: 'ogiltigtDatum', falt: 'planeratKlart', varde: 'snart' },
      { kod: 'okandStatus', falt: 'status', varde: 'Vilande' }
    ]);
  });

  it('pekar ut en okänd beslutsinstans', () => {
    expect(granskade[3].problem).toEqual([{ kod: 'okandBeslutsinstans', falt: 'beslutsinstans', varde: 'Revisionen' }]);
  });

  it('pekar ut samma uppdrag två gånger i filen, oavsett skiftläge och mellanslag', () => {
    expect(granskade[4].problem).toEqual([{ kod: 'dubblett', falt: 'rubrik', varde: '2' }]);
    expect(granskade[4].uppdrag).toBeUndefined();
  });

  it('ger samma källnyckel för samma uppdrag oavsett plats i filen', () => {
    const a = importKallNyckel({ beslutsinstans: 'KS', beslutsdatum: '2020-10-19', paragraf: '§ 54', rubrik: 'Utreda  ärendebalanslistor' });
    expect(a).toBe(granskade[0].kallNyckel);
  });

  it('kontrollerar ett redigerat förslag på samma sätt', () => {
    expect(kontrolleraUppdrag({ rubrik: 'X', beslutsinstans: 'KS', beslutsdatum: '2020-02-30', paragraf: '§ 1', forvaltning: 'KLK' }))
      .toEqual([{ kod: 'ogiltigtDatum', falt: 'beslutsdatum', varde: '2020-02-30' }]);
    expect(kontrolleraUppdrag({ rubrik: 'X', beslutsinstans: 'Rev', beslutsdatum: '2020-02-03', paragraf: '', forvaltning: 'KLK' }))
      .toEqual([{ kod: 'saknas', falt: 'paragraf' }, { kod: 'okandBeslutsinstans', falt: 'beslutsinstans', varde: 'Rev' }]);
  });
});
