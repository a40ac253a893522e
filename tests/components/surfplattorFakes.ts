/** Fakes of the tablet register's services for component tests: anything not given fails loudly. */
import { IIncident, IIncidentTjanst, ILan, IMandatTjanst, IMinSurfplattaTjanst, IRegisterTjanst, IRiktlinje, ISurfplatta } from '../../src/data/surfplattor/typer';
import { IPerson } from '../../src/domain/personer';
import { Enhetsstatus } from '../../src/domain/surfplatta';

const ovantat = (namn: string) => (): Promise<never> => Promise.reject(new Error(`oväntat anrop: ${namn}`));

export function registerFake(over: Partial<IRegisterTjanst> = {}): IRegisterTjanst {
  return {
    hamtaRegister: jest.fn(ovantat('hamtaRegister')), laggTillEnhet: jest.fn(ovantat('laggTillEnhet')), andraStatus: jest.fn(ovantat('andraStatus')),
    hamtaLan: jest.fn(ovantat('hamtaLan')), kanHantera: jest.fn(ovantat('kanHantera')), skapaLan: jest.fn(ovantat('skapaLan')), avbrytLan: jest.fn(ovantat('avbrytLan')), lamnaUt: jest.fn(ovantat('lamnaUt')), taEmot: jest.fn(ovantat('taEmot')),
    sokPersoner: jest.fn(ovantat('sokPersoner')), ...over
  };
}

export function minFake(over: Partial<IMinSurfplattaTjanst> = {}): IMinSurfplattaTjanst {
  return {
    aktuellPerson: jest.fn(async () => ASA), hamtaMinaLan: jest.fn(async () => []), hamtaRiktlinje: jest.fn(ovantat('hamtaRiktlinje')),
    kvittera: jest.fn(ovantat('kvittera')), rapportera: jest.fn(ovantat('rapportera')), hamtaMinaIncidenter: jest.fn(async () => []),
    hamtaFil: jest.fn(ovantat('hamtaFil')), ...over
  };
}

export function incidentFake(over: Partial<IIncidentTjanst> = {}): IIncidentTjanst {
  return { hamtaIncidenter: jest.fn(async () => []), utforSteg: jest.fn(ovantat('utforSteg')), stang: jest.fn(ovantat('stang')), ...over };
}

export function mandatFake(over: Partial<IMandatTjanst> = {}): IMandatTjanst {
  return { hamtaSlutande: jest.fn(async () => []), skickaPaminnelser: jest.fn(ovantat('skickaPaminnelser')), ...over };
}

export const ASA: IPerson = { id: 12, namn: 'Åsa Ledamot', epost: 'asa.ledamot@kramfors.se' };
export const KOMMUNSERVICE: IPerson = { id: 30, namn: 'Karin Service', epost: 'karin.service@kramfors.se' };

export const platta = (i: number, status: Enhetsstatus, over: Partial<ISurfplatta> = {}): ISurfplatta => ({
  id: i, stoldmarkning: `KS-${1000 + i}`, serienummer: `DMPX000${i}`, modell: i % 2 ? 'iPad Air' : 'iPad 10', simAbonnemang: 'Telia 0701', intuneId: '',
  status, ...over
});

export const lan = (i: number, over: Partial<ILan> = {}): ILan => ({
  id: 100 + i, enhetId: i, stoldmarkning: `KS-${1000 + i}`, lantagare: ASA, status: 'Utlånad', mandatSlut: '2026-12-31',
  riktlinjeVersion: '2017-05-29', anonymiserad: false, ...over
});

export const RIKTLINJE: IRiktlinje = {
  id: 1, rubrik: 'Riktlinje för digital möteshantering för politiker', version: '2017-05-29', gallerFran: '2017-06-01', beslut: 'KF 2017-05-29 § 58',
  filUrl: '/sites/arendeportalen/Riktlinjer/riktlinje.docx',
  text: '1 Omfattning\n\nSurfplattan är ett lån och ska återlämnas efter uppdragets slut.\n\n3.4 Stöld eller förlust\n\nStöld polisanmäls.'
};

export const incident = (over: Partial<IIncident> = {}): IIncident => ({
  id: 7, rubrik: 'Stöld KS-1003', enhetId: 3, stoldmarkning: 'KS-1003', typ: 'Stöld', beskrivning: 'Stulen på tåget.', polisanmalan: '5000-K123456-26',
  gjorda: [], olasbaraSteg: 0, kvar: ['Radera', 'LosenordEnhet', 'LosenordEpost', 'LosenordMotesapp', 'SparraSim', 'Kostnadsansvar'],
  kostnadsansvar: 'Ej bedömt', status: 'Öppen', rapporterad: '2026-11-20T08:00:00Z', rapportor: ASA, ...over
});
