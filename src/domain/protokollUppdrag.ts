/**
 * Uppdrag proposed from a justerat protokoll's text: split it into its paragraphs (§), find the
 * sentences that give an uppdrag and pick out organ, §, date, diarienummer, the förvaltning named
 * and any återrapportering date. A handläggare confirms each proposal before anything is created.
 * Pure: text in, plain data out.
 */
import { IsoDate, isIsoDate } from './dates';

export const MANADER = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'
] as const;

export type Beslutsinstans = 'KF' | 'KS' | 'KSAU' | 'Nämnd';

const tva = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Index 0–11 for a Swedish month name or its usual abbreviation ("nov", "nov.", "sept"). */
function manadsIndex(ord: string): number {
  const o = ord.toLowerCase().replace(/\.$/, '');
  if (o.length < 3) return -1;
  return MANADER.findIndex((m) => m === o || (o.length <= 5 && m.startsWith(o)));
}

const MANADSMONSTER = `(${MANADER.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|dec)\\.?`;
const DATUM_I_TEXT = new RegExp(`(\\d{4}-\\d{2}-\\d{2})|(\\d{1,2})\\s+${MANADSMONSTER}\\s+(\\d{4})`, 'i');

/** The first date in a text: "2020-11-30", "30 november 2020", "den 30 nov. 2020". */
export function forstaDatum(text: string): IsoDate | undefined {
  const m = DATUM_I_TEXT.exec(text);
  if (!m) return undefined;
  if (m[1]) return isIsoDate(m[1]) ? m[1] : undefined;
  const manad = manadsIndex(m[3]);
  if (manad < 0) return undefined;
  const iso = `${m[4]}-${tva(manad + 1)}-${tva(Number(m[2]))}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** A whole value that is a Swedish date ("30 november 2020", "2020-11-30"); undefined otherwise. */
export function svensktDatum(text: string): IsoDate | undefined {
  const t = text.trim().replace(/^den\s+/i, '');
  const m = DATUM_I_TEXT.exec(t);
  return m && m.index === 0 && m[0].length === t.length ? forstaDatum(t) : undefined;
}

/** Which choice of Beslutsinstans an organ's name or short form belongs to. */
export function beslutsinstansForOrgan(organ: string): Beslutsinstans | undefined {
  const o = organ.trim().toLowerCase().replace(/\s+/g, ' ');
  if (o === 'kf' || o.includes('fullmäktige')) return 'KF';
  if (o === 'ksau' || o === 'ks au' || o === 'ks-au' || (o.includes('kommunstyrelse') && o.includes('utskott'))) return 'KSAU';
  if (o === 'ks' || o.includes('kommunstyrelse')) return 'KS';
  if (o === 'nämnd' || o === 'namnd' || /nämnd(en)?\b/.test(o)) return 'Nämnd';
  return undefined;
}

export interface IProtokollParagraf {
  /** The number as written, e.g. "54". */
  nummer: string;
  text: string;
}

/** The paragraphs of a protokoll: each starts on a line of its own with "§ n". */
export function delaIParagrafer(text: string): IProtokollParagraf[] {
  const rader = text.replace(/\r\n?/g, '\n').split('\n');
  const paragrafer: IProtokollParagraf[] = [];
  let aktuell: { nummer: string; rader: string[] } | undefined;
  for (const rad of rader) {
    const m = /^\s*§\s*(\d+[a-z]?)\b(.*)$/i.exec(rad);
    if (m) {
      if (aktuell) paragrafer.push({ nummer: aktuell.nummer, text: aktuell.rader.join('\n').trim() });
      aktuell = { nummer: m[1], rader: [m[2]] };
    } else if (aktuell) {
      aktuell.rader.push(rad);
    }
  }
  if (aktuell) paragrafer.push({ nummer: aktuell.nummer, text: aktuell.rader.join('\n').trim() });
  return paragrafer;
}

const DNR = /\bDnr\.?:?\s*([A-ZÅÄÖ]{1,8}(?:[ -][A-ZÅÄÖ]{1,4})?\s?\d{4}[/.:-]\d+(?:[.:]\d+)*)/i;
const DNR_UTAN_ORD = /\b([A-ZÅÄÖ]{2,6}\s\d{4}\/\d{1,6})\b/;

export function diarienummerI(text: string): string | undefined {
  const m = DNR.exec(text) ?? DNR_UTAN_ORD.exec(text);
  return m ? m[1].replace(/\s+/g, ' ').trim() : undefined;
}

const ORGAN = /^\s*(kommunfullmäktige|kommunstyrelsens arbetsutskott|kommunstyrelsen|[a-zåäö-]+(?: och [a-zåäö-]+)?nämnden(?:s [a-zåäö]*utskott)?)\b/i;

export interface IProtokollHuvud {
  organ?: string;
  datum?: IsoDate;
}

/** Organ and sammanträdesdatum from the protokoll's head (the text before the first §). */
export function lasProtokollHuvud(text: string): IProtokollHuvud {
  const forsta = text.search(/^\s*§\s*\d+/m);
  const huvud = forsta >= 0 ? text.slice(0, forsta) : text.slice(0, 600);
  const huvud1: IProtokollHuvud = {};
  for (const rad of huvud.split(/\r?\n/)) {
    const m = ORGAN.exec(rad);
    if (m && !huvud1.organ) huvud1.organ = versal(m[1]);
    const datumRad = /sammanträdesdatum|sammanträde|datum/i.test(rad) ? forstaDatum(rad) : undefined;
    if (datumRad && !huvud1.datum) huvud1.datum = datumRad;
  }
  if (!huvud1.datum) huvud1.datum = forstaDatum(huvud);
  return huvud1;
}

function versal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Headings that end the decision part of a paragraph. */
const RUBRIKER = /^(ärendebeskrivning|ärendet|bakgrund|sammanfattning|beslutsunderlag|yrkande(n)?|propositionsordning|reservation(er)?|protokollsanteckning(ar)?|beslutet skickas till|beslutet expedieras till|expedieras till|skickas till|förslag till beslut|.*s förslag till beslut|jäv|omröstning)\b.*:?$/i;
const BESLUTSRUBRIK = /^(beslut|.*s beslut)\s*:?\s*$/i;

/** The decision part of a paragraph, so background and proposals are not read as decisions. */
function beslutsdel(rader: string[]): string[] {
  const start = rader.findIndex((r) => BESLUTSRUBRIK.test(r.trim()));
  if (start < 0) return rader;
  const del: string[] = [];
  for (const rad of rader.slice(start + 1)) {
    if (RUBRIKER.test(rad.trim()) || BESLUTSRUBRIK.test(rad.trim())) break;
    del.push(rad);
  }
  return del;
}

/** Sentences, one decision point (a line, or a sentence within a line) each. */
function meningar(rader: string[]): string[] {
  const ut: string[] = [];
  for (const rad of rader) {
    const r = rad.trim();
    if (!r) continue;
    // A full stop then a capital or a number starts a new sentence; "t.ex." and "2020/801." do not split wrongly.
    let start = 0;
    const re = /[.!?]\s+(?=[A-ZÅÄÖ0-9])/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(r)) !== null) {
      const fore = r.slice(start, m.index + 1);
      if (/\b(t\.ex|bl\.a|m\.m|s\.k|dvs|nr|kap)\.$/i.test(fore)) continue;
      ut.push(fore.trim());
      start = m.index + m[0].length;
    }
    ut.push(r.slice(start).trim());
  }
  return ut.filter(Boolean);
}

const GER = /\b(?:ger|ge)\s+(.+?)\s+i\s+uppdrag(?:et)?\s*,?\s*(att\s.+)$/i;
const UPPDRA_AT = /\buppdra(?:r|s)?\s+(?:åt|till)\s+(.+?)\s*,?\s+(att\s.+)$/i;
const FAR_I_UPPDRAG = /^(.+?)\s+får\s+(?:i\s+uppdrag|uppdraget)\s*,?\s*(att\s.+)$/i;
const UPPDRAS_ATT = /^(.+?)\s+uppdras\s*,?\s*(att\s.+)$/i;
const ATERRAPPORT = /återrapport(?:era|eras|ering)/i;

/** Strips "1.", "-", "att" and "X beslutar att" so only the subject of the clause is left. */
function subjekt(fore: string): string {
  let s = fore.trim().replace(/^(\d+[.)]|[-–•])\s*/, '');
  const beslutar = /\bbeslutar\s*(?:,\s*)?(?:att\s+)?(.*)$/i.exec(s);
  if (beslutar) s = beslutar[1];
  const att = s.toLowerCase().lastIndexOf('att ');
  if (att >= 0 && (att === 0 || /\s/.test(s[att - 1]))) s = s.slice(att + 4);
  return s.replace(/^(även|också)\s+/i, '').trim();
}

function rensaMottagare(s: string): string {
  return versal(s.replace(/^(åt|till)\s+/i, '').replace(/[,;:]+$/, '').trim());
}

export interface IUppdragsfynd {
  /** The clause as written, without list numbering. */
  mening: string;
  /** Who is given the uppdrag, e.g. "Kommunledningskontoret". */
  mottagare: string;
  /** What to do, from "att …". */
  vad: string;
}

/** The uppdrag a sentence gives, if it gives one in the present tense of a decision. */
export function hittaUppdrag(mening: string): IUppdragsfynd | undefined {
  const ren = mening.trim().replace(/^(\d+[.)]|[-–•])\s*/, '');
  const ger = GER.exec(ren);
  if (ger) return { mening: ren, mottagare: rensaMottagare(ger[1].replace(/^.*\b(?:ger|ge)\s+/i, '')), vad: ger[2] };
  const at = UPPDRA_AT.exec(ren);
  if (at) return { mening: ren, mottagare: rensaMottagare(at[1]), vad: at[2] };
  const far = FAR_I_UPPDRAG.exec(ren);
  if (far) return { mening: ren, mottagare: rensaMottagare(subjekt(far[1])), vad: far[2] };
  const uppdras = UPPDRAS_ATT.exec(ren);
  if (uppdras) return { mening: ren, mottagare: rensaMottagare(subjekt(uppdras[1])), vad: uppdras[2] };
  return undefined;
}

/** The date of an "återrapportera(s) … senast …" in a sentence. */
export function aterrapporteringI(mening: string): IsoDate | undefined {
  const i = mening.search(ATERRAPPORT);
  if (i < 0) return undefined;
  const efter = mening.slice(i);
  const senast = efter.search(/\bsenast\b/i);
  return forstaDatum(senast >= 0 ? efter.slice(senast) : efter);
}

/**
 * The administration that carries out an uppdrag given to a political body: a nämnd's förvaltning
 * ("socialnämnden" → "Socialförvaltningen"), kommunstyrelsen's kommunledningskontor. Anything else
 * (a förvaltning named directly) is kept; the handläggare can correct it before it is created.
 */
export function ansvarigForvaltning(mottagare: string): string {
  const namn = mottagare.trim();
  const stor = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
  if (/^kommunstyrelsen$/i.test(namn)) return 'Kommunledningskontoret';
  const namnd = /^(.*)nämnden$/i.exec(namn);
  return namnd ? stor(`${namnd[1].toLowerCase()}förvaltningen`) : stor(namn);
}

export interface IUppdragsforslag {
  kallNyckel: string;
  paragraf: string;
  organ?: string;
  beslutsinstans?: Beslutsinstans;
  beslutsdatum?: IsoDate;
  diarienummer?: string;
  rubrik: string;
  uppdragstext: string;
  forvaltning: string;
  aterrapporteraSenast?: IsoDate;
}

/** `protokoll:<källa>:§<n>`; a second uppdrag in the same § gets `.2`, so each has its own key. */
export function protokollKallNyckel(kalla: string, paragraf: string, ordning = 1): string {
  return `protokoll:${kalla}:§${paragraf}${ordning > 1 ? `.${ordning}` : ''}`;
}

/** The paragraph's title: the first line that is not Dnr, a heading or a decision. */
function paragrafRubrik(text: string): string | undefined {
  for (const rad of text.split('\n')) {
    const r = rad.replace(DNR, '').replace(/^[\s,:–-]+|[\s,:–-]+$/g, '');
    if (!r) continue;
    if (BESLUTSRUBRIK.test(r) || RUBRIKER.test(r) || /\bbeslutar\b/i.test(r) || hittaUppdrag(r)) return undefined;
    return r.length > 255 ? `${r.slice(0, 252)}...` : r;
  }
  return undefined;
}

function rubrikAvUppdrag(vad: string): string {
  const t = versal(vad.replace(/^att\s+/i, '').replace(/[.;,]+$/, ''));
  return t.length > 120 ? `${t.slice(0, 117).replace(/\s+\S*$/, '')}...` : t;
}

export interface IProtokollKalla {
  /** What identifies the protokoll in the key: its item id or its file name. */
  kalla: string;
  /** From the protokoll's metadata; wins over what the text's head says. */
  organ?: string;
  datum?: IsoDate;
}

/** Every uppdrag the protokoll gives, in order, one proposal per uppdrag clause. */
export function foreslaUppdrag(text: string, kalla: IProtokollKalla): IUppdragsforslag[] {
  const huvud = lasProtokollHuvud(text);
  const organ = kalla.organ ?? huvud.organ;
  const datum = kalla.datum ?? huvud.datum;
  const forslag: IUppdragsforslag[] = [];
  for (const p of delaIParagrafer(text)) {
    const alla = p.text.split('\n');
    const satser = meningar(beslutsdel(alla));
    const rapportdatum = satser.map((s) => aterrapporteringI(s));
    const sedda = new Set<string>();
    let ordning = 0;
    satser.forEach((mening, i) => {
      const fynd = hittaUppdrag(mening);
      if (!fynd || sedda.has(fynd.mening)) return;
      sedda.add(fynd.mening);
      ordning++;
      // The date in the clause itself, else the next återrapport sentence, else any in the §.
      const efter = rapportdatum.slice(i).find((d) => d !== undefined);
      const aterrapportera = rapportdatum[i] ?? efter ?? rapportdatum.find((d) => d !== undefined);
      const instans = organ ? beslutsinstansForOrgan(organ) : undefined;
      forslag.push({
        kallNyckel: protokollKallNyckel(kalla.kalla, p.nummer, ordning),
        paragraf: `§ ${p.nummer}`,
        organ,
        beslutsinstans: instans,
        beslutsdatum: datum,
        diarienummer: diarienummerI(p.text),
        rubrik: paragrafRubrik(p.text) ?? rubrikAvUppdrag(fynd.vad),
        uppdragstext: fynd.mening.replace(/[;,]$/, '.'),
        forvaltning: ansvarigForvaltning(fynd.mottagare),
        aterrapporteraSenast: aterrapportera
      });
    });
  }
  return forslag;
}
