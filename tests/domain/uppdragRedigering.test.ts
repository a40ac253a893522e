import { losKonflikter, skillnad, slaSamman, validera } from '../../src/domain/uppdragRedigering';
import { IUppdrag } from '../../src/domain/uppdrag';

const bas: IUppdrag = {
  id: 4, rubrik: 'Utred ny förskola', beslutsinstans: 'KS', beslutsdatum: '2025-03-10', paragraf: '§ 40', forvaltning: 'Barn- och utbildningsförvaltningen',
  status: 'Pagar', planeratKlart: '2026-12-31', varIHanteringen: 'Utredning pågår.', kommentar: 'Första kommentaren'
};

describe('validering av ett ändrat uppdrag', () => {
  it('godtar en rimlig ändring', () => {
    expect(validera(bas, { planeratKlart: '2027-03-31', varIHanteringen: 'Remiss.' }, '2026-11-27')).toEqual({});
  });

  it('vägrar datum som inte finns och datum före beslutet', () => {
    expect(validera(bas, { planeratKlart: '2027-02-30' }, '2026-11-27')).toEqual({ planeratKlart: 'ogiltigtDatum' });
    expect(validera(bas, { aterrapporteraSenast: '2025-01-01' }, '2026-11-27')).toEqual({ aterrapporteraSenast: 'foreBeslut' });
  });

  it('kräver en orsak när uppdraget är försenat, och ord när orsaken är "Annan orsak"', () => {
    expect(validera(bas, { planeratKlart: '2026-10-01' }, '2026-11-27')).toEqual({ orsakKod: 'orsakKravs' });
    expect(validera(bas, { status: 'Forsenat' }, '2026-11-27')).toEqual({ orsakKod: 'orsakKravs' });
    expect(validera(bas, { status: 'Forsenat', orsakKod: 'Annan orsak' }, '2026-11-27')).toEqual({ orsakText: 'orsakTextKravs' });
    expect(validera(bas, { planeratKlart: '2026-10-01', status: 'Verkstallt' }, '2026-11-27')).toEqual({});
  });

  it('sätter en gräns för långa texter', () => {
    expect(validera(bas, { textForPolitiker: 'x'.repeat(2001) }, '2026-11-27')).toEqual({ textForPolitiker: 'forLang' });
  });
});

describe('när någon annan sparade först (412)', () => {
  it('låter fält som bara en av oss ändrade gå igenom och visar fält vi båda ändrade', () => {
    const mitt = skillnad(bas, { ...bas, planeratKlart: '2027-03-31', kommentar: 'Min kommentar' });
    expect(mitt).toEqual({ planeratKlart: '2027-03-31', kommentar: 'Min kommentar' });
    const deras: IUppdrag = { ...bas, status: 'DelvisVerkstallt', kommentar: 'Deras kommentar' };
    const s = slaSamman(bas, mitt, deras);
    expect(s.utanKonflikt).toEqual({ planeratKlart: '2027-03-31' });
    expect(s.konflikter).toEqual([{ falt: 'kommentar', bas: 'Första kommentaren', mitt: 'Min kommentar', deras: 'Deras kommentar' }]);
    expect(losKonflikter(s, { kommentar: 'mitt' })).toEqual({ planeratKlart: '2027-03-31', kommentar: 'Min kommentar' });
    // Their status change is untouched: it is not part of what is saved.
    expect(losKonflikter(s, { kommentar: 'deras' })).toEqual({ planeratKlart: '2027-03-31' });
  });

  it('ser ingen konflikt när vi ändrade till samma värde', () => {
    const s = slaSamman(bas, { planeratKlart: '2027-03-31' }, { ...bas, planeratKlart: '2027-03-31' });
    expect(s.konflikter).toEqual([]);
  });
});

describe('begäran om statusuppdatering', () => {
  const { byggStatusbegaran, vadSaknas } = jest.requireActual('../../src/domain/statusbegaran');
  const u = (del: Partial<IUppdrag>): IUppdrag => ({ ...bas, handlaggare: 'Karin Lund', handlaggareEpost: 'karin.lund@kommun.se', senastAndrad: '2026-11-20', ...del });

  it('säger vad som saknas: datum, orsak till förseningen, var i hanteringen, en färsk uppdatering', () => {
    expect(vadSaknas(u({}), '2026-11-27', 30)).toEqual([]);
    expect(vadSaknas(u({ planeratKlart: undefined, varIHanteringen: '' }), '2026-11-27', 30)).toEqual(['planeratKlart', 'varIHanteringen']);
    expect(vadSaknas(u({ planeratKlart: '2026-10-01' }), '2026-11-27', 30)).toEqual(['orsak']);
    expect(vadSaknas(u({ senastAndrad: '2026-09-01' }), '2026-11-27', 30)).toEqual(['inaktuell']);
    expect(vadSaknas(u({ status: 'Verkstallt', planeratKlart: undefined }), '2026-11-27', 30)).toEqual([]);
  });

  it('samlar raderna till ett mejl per handläggare och pekar ut rader utan handläggare', () => {
    const { begaran, utanHandlaggare } = byggStatusbegaran([
      u({ id: 1 }), u({ id: 2, handlaggareEpost: 'KARIN.LUND@kommun.se' }), u({ id: 3, handlaggare: 'Mats Ek', handlaggareEpost: 'mats.ek@kommun.se' }),
      u({ id: 4, handlaggare: undefined, handlaggareEpost: undefined })
    ], '2026-11-27', 30);
    expect(begaran.map((b: { till: string; rader: unknown[] }) => [b.till, b.rader.length])).toEqual([['karin.lund@kommun.se', 2], ['mats.ek@kommun.se', 1]]);
    expect(utanHandlaggare.map((x: IUppdrag) => x.id)).toEqual([4]);
  });
});
