/**
 * 5,000 uppdrag for the rendering bench (issue 8), the same every run: the domain's own type and
 * statuses, the schema's decision bodies and reasons, dates around a fixed "today". Both lists of
 * the bench get these rows; the peer gets them in its own flat shape (tillListRad).
 */
import { IsoDate } from '../../src/domain/dates';
import { IUppdrag, UPPDRAG_STATUSAR, UppdragStatus } from '../../src/domain/uppdrag';
import { BESLUTSINSTANSER, ORSAK_TILL_DROJSMAL, UPPDRAG_STATUS_VAL } from '../../src/schema/uppdrag';
import { IListRad } from './listRad';

export const ANTAL_UPPDRAG = 5000;
/** "Today" of the bench, so late and stale rows are the same every run. */
export const BENCH_IDAG: IsoDate = '2025-03-14';
/** The search term: in the rubrik of every 625th row only (8 rows), in no other field. */
export const SOKORD = 'fjärrvärme';
export const SOKTRAFFAR = ANTAL_UPPDRAG / 625;
/** The choice filter: a status that bedomLage never turns into Försenat, so both lists show the same rows. */
export const VALD_STATUS: UppdragStatus = 'Verkstallt';

const FORVALTNINGAR = [
  'Kommunledningskontoret', 'Samhällsbyggnadsförvaltningen', 'Barn- och utbildningsförvaltningen',
  'Socialförvaltningen', 'Kultur- och fritidsförvaltningen', 'Miljö- och hälsoskyddsförvaltningen'
];
const GORA = ['Utred', 'Ta fram plan för', 'Se över', 'Inför', 'Utvärdera', 'Återrapportera om', 'Föreslå åtgärder för', 'Bygg ut'];
const AMNEN = [
  'förskoleplatser', 'cykelvägar', 'energianvändning i lokaler', 'e-tjänst för bygglov', 'riktlinjer för ekonomiskt bistånd',
  'trygghetsboende', 'digital möteshantering', 'gemensam växel', 'simhallen', 'laddplatser för elbilar', 'kompetensförsörjning',
  'skolskjutsar', 'översiktsplanen', 'fritidsgårdarnas öppettider', 'livsmedelsinköp', 'bostadsförsörjning', 'dagvatten',
  'elevhälsan', 'anhörigstöd', 'motionsspår', 'kulturmiljöprogrammet', 'vattenskyddsområde', 'hemtjänstens avgifter'
];
const ORTER = ['centralorten', 'Gistgården', 'Norrby', 'Söderhamn', 'Ängsvik', 'Bergsjö', 'Lillån', 'Stråtjära'];
const NAMN = ['Anna Berg', 'Erik Lind', 'Sara Holm', 'Johan Ek', 'Maria Sjö', 'Per Dahl', 'Karin Strand', 'Ali Hassan'];

/** mulberry32: small, fast and the same on every machine. */
function slump(fro: number): () => number {
  let a = fro >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function plusDagar(dag: IsoDate, dagar: number): IsoDate {
  const d = new Date(`${dag}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dagar);
  return d.toISOString().slice(0, 10);
}

export function skapaUppdrag(antal: number = ANTAL_UPPDRAG): IUppdrag[] {
  const s = slump(8);
  const val = <T>(lista: readonly T[]): T => lista[Math.floor(s() * lista.length)];
  const rader: IUppdrag[] = [];
  for (let i = 0; i < antal; i++) {
    const id = i + 1;
    const ort = val(ORTER);
    const rubrik = i % 625 === 0 ? `Utred ${SOKORD} i ${ort}` : `${val(GORA)} ${val(AMNEN)} i ${ort}`;
    const beslutsdatum = plusDagar(BENCH_IDAG, -Math.floor(s() * 1500) - 10);
    const status = UPPDRAG_STATUSAR[Math.floor(s() * UPPDRAG_STATUSAR.length)];
    const planerat = s() < 0.9 ? plusDagar(beslutsdatum, 60 + Math.floor(s() * 900)) : undefined;
    const andrad = s() < 0.95 ? plusDagar(BENCH_IDAG, -Math.floor(s() * 120)) : undefined;
    const handlaggare = val(NAMN);
    rader.push({
      id,
      rubrik,
      uppdragstext: `Kommunstyrelsen ger förvaltningen i uppdrag att ${rubrik.charAt(0).toLowerCase()}${rubrik.slice(1).replace(SOKORD, 'värmeförsörjningen')} och återrapportera.`,
      beslutsinstans: val(BESLUTSINSTANSER),
      beslutsdatum,
      paragraf: `§ ${1 + Math.floor(s() * 250)}`,
      diarienummer: `KS ${beslutsdatum.slice(0, 4)}/${String(1 + Math.floor(s() * 999)).padStart(3, '0')}`,
      forvaltning: val(FORVALTNINGAR),
      handlaggare,
      handlaggareEpost: `${handlaggare.toLowerCase().replace(/ /g, '.')}@kommun.example`,
      status,
      planeratKlart: planerat,
      forstPlaneratKlart: planerat,
      senastAndrad: andrad,
      ...(status === 'Forsenat' ? { orsakKod: val(ORSAK_TILL_DROJSMAL), orsakText: 'Se kommentar.' } : {})
    });
  }
  return rader;
}

/** The flat row the peers read from the list (choice fields as their stored text). */
export function tillListRad(u: IUppdrag): IListRad {
  return {
    id: u.id,
    rubrik: u.rubrik,
    diarienummer: u.diarienummer,
    beslut: [u.beslutsinstans, u.beslutsdatum, u.paragraf].filter(Boolean).join(' '),
    forvaltning: u.forvaltning,
    status: UPPDRAG_STATUS_VAL[u.status],
    planeratKlart: u.planeratKlart,
    senastAndrad: u.senastAndrad
  };
}
