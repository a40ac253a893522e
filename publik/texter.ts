/**
 * The public site's texts. The site is for Swedish citizens and press and is not an SPFx part, so
 * its words live here rather than in the web parts' loc files: one place, plain Swedish.
 */
export const TEXTER = {
  standardtitel: 'Sammanträden och anslagstavla',
  hoppaTillInnehall: 'Hoppa till innehållet',
  huvudmeny: 'Huvudmeny',
  startsida: 'Start',
  anslagstavla: 'Anslagstavla',
  oppnaData: 'Öppna data',
  brodsmulor: 'Du är här',
  skapad: (tid: string) => `Sidan skapades ${tid}.`,
  kalla: 'Uppgifterna kommer från kommunens mötesportal. Sidorna är statiska och går att läsa även när kommunens inloggning inte fungerar.',

  kommandeSammantraden: 'Kommande sammanträden',
  tidigareSammantraden: 'Tidigare sammanträden',
  ingaKommande: 'Inga kommande sammanträden är inlagda.',
  ingaTidigare: 'Inga tidigare sammanträden.',
  organRubrik: 'Nämnder och styrelser',
  antalSammantraden: (n: number) => (n === 1 ? '1 sammanträde' : `${n} sammanträden`),
  anslagstavlanText: (n: number) => (n === 0
    ? 'Det finns inga anslag på anslagstavlan just nu.'
    : n === 1 ? 'Det finns 1 anslag på anslagstavlan.' : `Det finns ${n} anslag på anslagstavlan.`),
  tillAnslagstavlan: 'Gå till anslagstavlan',
  prenumerera: 'Prenumerera och öppna data',
  kalenderAlla: 'Kalender med alla sammanträden (iCalendar)',
  kalenderOrgan: (organ: string) => `Kalender med ${organ}s sammanträden (iCalendar)`,
  rssOrgan: (organ: string) => `Nyheter från ${organ} (RSS)`,
  oppnaDataLank: 'Alla uppgifter som öppna data (JSON)',

  datumOchTid: 'Datum och tid',
  plats: 'Plats',
  status: 'Status',
  organ: 'Organ',
  kallelse: 'Kallelse',
  foredragningslista: 'Föredragningslista',
  handlingarPerArende: 'Handlingar per ärende',
  ovrigaHandlingar: 'Övriga handlingar',
  ingenKallelse: 'Kallelsen är inte publicerad ännu.',
  ingenForedragningslista: 'Föredragningslistan är inte publicerad ännu.',
  ingaArenden: 'Inga ärenden är inlagda för sammanträdet.',
  ingaHandlingar: 'Inga publicerade handlingar.',
  punkt: (n: number) => `Punkt ${n}`,
  diarienummer: 'Diarienummer',
  beslut: 'Beslut',
  beslutDen: (datum: string) => `Beslut ${datum}`,
  ingetBeslut: 'Inget beslut är registrerat ännu.',
  protokoll: 'Protokoll',
  justeratProtokoll: (datum: string) => `Justerat protokoll (justerat ${datum})`,
  ejJusterat: 'Protokollet är inte justerat ännu.',
  tillOrganet: (organ: string) => `Alla sammanträden för ${organ}`,
  filtyp: (typ: string, storlek: string) => `${typ}, ${storlek}`,
  undanhallen: '(Uppgiften visas inte eftersom den innehåller ett personnummer.)',

  anslagIntro: 'Kommunens digitala anslagstavla enligt kommunallagen 8 kap. 9–12 §§. Här tillkännages justerade protokoll och kungörelser av kommunfullmäktiges sammanträden.',
  overklagandeInfo: 'Den som är medlem i kommunen kan överklaga ett beslut genom laglighetsprövning (kommunallagen 13 kap.). Överklagandet ska ha kommit in inom tre veckor från den dag då tillkännagivandet om att protokollet justerats sattes upp på anslagstavlan.',
  ingaAnslag: 'Det finns inga anslag just nu.',
  anslagTyp: 'Typ av anslag',
  sammantradesdatum: 'Sammanträdesdatum',
  justeringsdatum: 'Datum för justering',
  forvaringsplats: 'Protokollet förvaras',
  uppsatt: 'Anslaget den',
  sistaDag: 'Sista dag för överklagande',
  nedtagning: 'Tas ned den',
  tillSammantradet: 'Till sammanträdet',
  arendenAttBehandla: 'Ärenden som ska behandlas',
  arendenSaknas: 'Ärendena framgår av föredragningslistan på sammanträdets sida.',
  laesProtokollet: 'Läs protokollet',

  rssBeskrivning: (organ: string) => `Nya handlingar, justerade protokoll och anslag från ${organ}.`,
  rssHandling: (organ: string, datum: string, rubrik: string) => `${organ} ${datum}: ${rubrik}`,
  rssProtokoll: (organ: string, datum: string) => `Justerat protokoll: ${organ} ${datum}`,
  rssAnslagBeskrivning: (sista: string | undefined) => (sista ? `Sista dag för överklagande: ${sista}.` : ''),
  rssKungorelseBeskrivning: (tid: string, plats: string | undefined, arenden: number) =>
    `Sammanträde ${tid}${plats ? `, ${plats}` : ''}.${arenden > 0 ? ` ${arenden === 1 ? '1 ärende' : `${arenden} ärenden`}.` : ''}`,
  kalenderNamn: (namn: string) => `Sammanträden – ${namn}`,
  kalenderAllaNamn: 'Sammanträden – alla organ',
  kalenderBeskrivning: 'Handlingar och föredragningslista',
  installt: 'INSTÄLLT: '
} as const;

const DAG = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const KLOCKA = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const KORT_DAG = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** "torsdag 20 november 2026 kl. 13.00", Swedish time, as Swedish style writes times. */
export function dagOchTid(instant: string): string {
  const t = new Date(instant);
  if (Number.isNaN(t.getTime())) return '';
  return `${DAG.format(t)} kl. ${KLOCKA.format(t).replace(':', '.')}`;
}

/** "20 november 2026" for a calendar date (YYYY-MM-DD), independent of the machine's zone. */
export function datumText(dag: string | undefined): string {
  if (!dag) return '';
  const t = new Date(`${dag}T12:00:00Z`);
  return Number.isNaN(t.getTime()) ? dag : KORT_DAG.format(t);
}

/** "2,4 MB", "380 kB": file sizes as Swedish pages write them. */
export function storlekText(byte: number): string {
  if (byte < 1000) return `${byte} byte`;
  if (byte < 1_000_000) return `${Math.round(byte / 1000)} kB`;
  return `${(byte / 1_000_000).toFixed(1).replace('.', ',')} MB`;
}

/** The file type a reader recognises, from the name's extension. */
export function filtypText(filnamn: string): string {
  const ext = /\.([a-z0-9]{1,6})$/i.exec(filnamn)?.[1]?.toLowerCase();
  const kanda: Record<string, string> = { pdf: 'PDF', docx: 'Word', doc: 'Word', xlsx: 'Excel', pptx: 'PowerPoint', txt: 'Text', odt: 'OpenDocument' };
  return ext ? kanda[ext] ?? ext.toUpperCase() : 'Fil';
}
