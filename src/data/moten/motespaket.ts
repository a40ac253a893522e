/**
 * The meeting package: every document the reader may see, as one zip for reading on a tablet
 * without a connection (issue 5, item 2). Kallelse and föredragningslista at the root, one folder
 * per agenda item in punkt order, sekretess marked in the file name, and an index that says what
 * the package holds and what could not be fetched. Loaded on demand (jszip is not small).
 */
import JSZip from 'jszip';
import { DOKUMENTTYP, Klassificering } from '../../domain/publicering';
import { IHandling, IMotesVy } from './typer';

/** The words inside the package, from the caller's loc (CommonStrings has them: pass `common` as is). */
export interface IMotespaketTexter {
  /** The index file's name, e.g. "innehall.txt". */
  MotespaketIndexfil: string;
  /** "Mötespaket: {0}" – the meeting's title. */
  MotespaketRubrik: string;
  /** "Organ: {0}". */
  MotespaketOrgan: string;
  /** "Datum: {0} kl. {1}" – the day and the start time. */
  MotespaketDatum: string;
  /** "Plats: {0}". */
  MotespaketPlats: string;
  /** Heading for the documents at the root. */
  MotespaketKallelse: string;
  MotespaketProtokoll: string;
  /** Folder for documents that belong to no agenda item. */
  MotespaketOvriga: string;
  /** "Punkt {0}" – an agenda item that has documents but is missing from the dagordning. */
  MotespaketPunkt: string;
  MotespaketIngaHandlingar: string;
  MotespaketSekretessVarning: string;
  /** "SAKNAS – kunde inte hämtas: {0}". */
  MotespaketSaknas: string;
  /** "{0} av {1} handlingar kunde inte hämtas och saknas i paketet." */
  MotespaketSaknasSammanfattning: string;
  MotespaketKlassOffentlig: string;
  MotespaketKlassArbetsmaterial: string;
  MotespaketKlassSekretess: string;
}

export interface IMotespaketAlternativ {
  /** Files fetched at the same time; four keeps a tablet on mobile data and SharePoint's throttling calm. */
  samtidigt?: number;
}

export interface IMotespaketMiss {
  /** The document's title, as the reader knows it. */
  rubrik: string;
  /** Where in the zip it would have been. */
  sokvag: string;
  /** The handling that is missing; undefined for the protokoll. */
  handling?: IHandling;
  orsak: unknown;
}

export interface IMotespaketResultat {
  data: Uint8Array;
  /** A name for the zip itself, safe to save on Windows and iPadOS. */
  filnamn: string;
  /** Files in the zip, the index not counted. */
  antal: number;
  saknade: IMotespaketMiss[];
}

/** The legal marking on a sekretess document's file name; the same in every UI language. */
export const SEKRETESS_PREFIX = 'SEKRETESS – ';

const MAX_MAPPNAMN = 60;
const MAX_FILNAMN = 100;
const RESERVERADE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

function fyll(mall: string, ...varden: Array<string | number>): string {
  return mall.replace(/\{(\d+)\}/g, (hel, i: string) => (varden[Number(i)] === undefined ? hel : String(varden[Number(i)])));
}

/** Cuts by code points, so a name never ends in half an emoji or a broken å. */
function kapa(text: string, max: number): string {
  const tecken = Array.from(text);
  return tecken.length <= max ? text : tecken.slice(0, max).join('');
}

/**
 * One path segment that Windows Explorer, iPadOS Files and macOS all accept: NFC (iPadOS keeps
 * NFD otherwise and the names look alike but differ), no reserved or control characters, no
 * trailing dot or space, no leading dot (hidden), not a DOS device name, within `max` characters
 * with the extension kept.
 */
export function sakertNamn(namn: string, max = MAX_FILNAMN, medTillagg = true): string {
  const reserv = 'dokument';
  // Readable stand-ins where one exists ("Svar: "Solceller"" → "Svar - 'Solceller'"), else gone.
  let rent = namn.normalize('NFC')
    .replace(/"/g, "'")
    .replace(/[:|]/g, ' - ')
    .replace(/[/\\]/g, '-')
    .replace(/[<>?*]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/(?: - )+/g, ' - ')
    .trim();
  rent = rent.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (!rent) rent = reserv;
  const punkt = medTillagg ? rent.lastIndexOf('.') : -1;
  let bas = punkt > 0 && rent.length - punkt <= 10 ? rent.slice(0, punkt) : rent;
  const ext = bas === rent ? '' : rent.slice(punkt);
  if (RESERVERADE.test(bas)) bas = `${bas}_`;
  bas = kapa(bas, Math.max(1, max - Array.from(ext).length)).replace(/[.\s]+$/, '') || reserv;
  return `${bas}${ext}`;
}

/** "Namn (2).pdf" for the second of the same name; case-blind, as Windows and iPadOS compare names. */
function unikt(namn: string, upptagna: Set<string>, max: number): string {
  let kandidat = namn;
  for (let n = 2; upptagna.has(kandidat.toLocaleLowerCase('sv')); n++) {
    const punkt = namn.lastIndexOf('.');
    const ext = punkt > 0 ? namn.slice(punkt) : '';
    const bas = punkt > 0 ? namn.slice(0, punkt) : namn;
    const tillagg = ` (${n})`;
    kandidat = `${kapa(bas, max - Array.from(tillagg + ext).length)}${tillagg}${ext}`;
  }
  upptagna.add(kandidat.toLocaleLowerCase('sv'));
  return kandidat;
}

function filtillagg(filnamn: string): string {
  const m = /\.[A-Za-z0-9]{1,8}$/.exec(filnamn);
  return m ? m[0].toLowerCase() : '';
}

/** A file to put in the package: a handling, or the protokoll (which has no classification). */
interface IDokument {
  rubrik: string;
  filnamn: string;
  filUrl: string;
  klassificering?: Klassificering;
  oslHanvisning?: string;
  handling?: IHandling;
}

/** The document's title as its name (what the agenda calls it), with the file's extension; the file name when untitled. */
function dokumentnamn(h: IDokument): string {
  const ext = filtillagg(h.filnamn);
  const rubrik = h.rubrik.trim();
  if (!rubrik) return h.filnamn;
  return rubrik.toLowerCase().endsWith(ext) ? rubrik : `${rubrik}${ext}`;
}

function klasstext(k: Klassificering, t: IMotespaketTexter): string {
  return k === 'Sekretess' ? t.MotespaketKlassSekretess : k === 'Arbetsmaterial' ? t.MotespaketKlassArbetsmaterial : t.MotespaketKlassOffentlig;
}

/** Runs `uppgifter` with at most `samtidigt` in flight; each result in its own slot, failures as such. */
async function medBegransning<T>(uppgifter: Array<() => Promise<T>>, samtidigt: number): Promise<Array<PromiseSettledResult<T>>> {
  const resultat: Array<PromiseSettledResult<T>> = new Array(uppgifter.length);
  let nasta = 0;
  const arbetare = async (): Promise<void> => {
    while (nasta < uppgifter.length) {
      const i = nasta++;
      try {
        resultat[i] = { status: 'fulfilled', value: await uppgifter[i]() };
      } catch (orsak) {
        resultat[i] = { status: 'rejected', reason: orsak };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, samtidigt), uppgifter.length) }, arbetare));
  return resultat;
}

interface IPlacering {
  dokument: IDokument;
  mapp: string;
  namn: string;
}

interface IMapp {
  /** Empty for the root. */
  namn: string;
  placeringar: IPlacering[];
}

const TYPORDNING = (h: IHandling): number => DOKUMENTTYP.indexOf(h.dokumenttyp);

export async function skapaMotespaket(
  vy: IMotesVy,
  hamtaFil: (filUrl: string) => Promise<ArrayBuffer>,
  texter: IMotespaketTexter,
  alt: IMotespaketAlternativ = {}
): Promise<IMotespaketResultat> {
  const t = texter;
  const arRot = (h: IHandling): boolean => h.dokumenttyp === 'Kallelse' || h.dokumenttyp === 'Föredragningslista';
  const ordning = (a: IHandling, b: IHandling): number =>
    TYPORDNING(a) - TYPORDNING(b) || a.rubrik.localeCompare(b.rubrik, 'sv') || a.id - b.id;

  // Folders: every agenda item in punkt order (the package mirrors the föredragningslista), with
  // items only the documents know of in their place, then the rest.
  const punkter = [...vy.dagordning].sort((a, b) => a.punkt - b.punkt);
  const handlingar = [...vy.handlingar].sort(ordning);
  const kandaPunkter = new Set(punkter.map((p) => p.punkt));
  const extraPunkter = Array.from(new Set(handlingar.filter((h) => !arRot(h) && h.punkt !== undefined && !kandaPunkter.has(h.punkt)).map((h) => h.punkt as number))).sort((a, b) => a - b);
  const bredd = Math.max(2, String(Math.max(0, ...punkter.map((p) => p.punkt), ...extraPunkter)).length);
  const mappar = new Map<string, IMapp>();
  const mappnamn = new Set<string>();
  const nyMapp = (nyckel: string, namn: string): void => {
    mappar.set(nyckel, { namn: unikt(sakertNamn(namn, MAX_MAPPNAMN, false), mappnamn, MAX_MAPPNAMN), placeringar: [] });
  };
  const rot: IMapp = { namn: '', placeringar: [] };
  const allaPunkter = [...punkter.map((p) => ({ punkt: p.punkt, rubrik: p.rubrik })), ...extraPunkter.map((punkt) => ({ punkt, rubrik: fyll(t.MotespaketPunkt, punkt) }))]
    .sort((a, b) => a.punkt - b.punkt);
  for (const { punkt, rubrik } of allaPunkter) {
    nyMapp(`p${punkt}`, `${String(punkt).padStart(bredd, '0')} ${rubrik}`);
  }
  if (handlingar.some((h) => !arRot(h) && h.punkt === undefined)) {
    nyMapp('ovriga', t.MotespaketOvriga);
  }

  const upptagnaPerMapp = new Map<string, Set<string>>([['', new Set([t.MotespaketIndexfil.toLocaleLowerCase('sv')])]]);
  const placera = (mapp: IMapp, d: IDokument): IPlacering => {
    const upptagna = upptagnaPerMapp.get(mapp.namn) ?? new Set<string>();
    upptagnaPerMapp.set(mapp.namn, upptagna);
    const prefix = d.klassificering === 'Sekretess' ? SEKRETESS_PREFIX : '';
    const placering = { dokument: d, mapp: mapp.namn, namn: unikt(sakertNamn(`${prefix}${dokumentnamn(d)}`), upptagna, MAX_FILNAMN) };
    mapp.placeringar.push(placering);
    return placering;
  };
  const alla: IPlacering[] = [];
  for (const h of handlingar) {
    const mapp = arRot(h) ? rot : mappar.get(h.punkt === undefined ? 'ovriga' : `p${h.punkt}`) as IMapp;
    alla.push(placera(mapp, { ...h, handling: h }));
  }
  let protokoll: IPlacering | undefined;
  if (vy.protokoll) {
    const { rubrik, filnamn, filUrl } = vy.protokoll;
    protokoll = placera({ namn: '', placeringar: [] }, { rubrik, filnamn, filUrl });
    alla.push(protokoll);
  }

  const sokvag = (p: IPlacering): string => (p.mapp ? `${p.mapp}/${p.namn}` : p.namn);
  const svar = await medBegransning(alla.map((p) => () => hamtaFil(p.dokument.filUrl)), alt.samtidigt ?? 4);

  const zip = new JSZip();
  const saknade: IMotespaketMiss[] = [];
  alla.forEach((p, i) => {
    const s = svar[i];
    if (s.status === 'fulfilled') {
      zip.file(sokvag(p), s.value, { binary: true });
    } else {
      saknade.push({ rubrik: p.dokument.rubrik || p.dokument.filnamn, sokvag: sokvag(p), handling: p.dokument.handling, orsak: s.reason });
    }
  });
  const saknas = new Set(alla.filter((_, i) => svar[i].status === 'rejected'));

  // The index: CRLF and a BOM so that Notepad on an old Windows shows å, ä and ö too.
  const rader: string[] = [fyll(t.MotespaketRubrik, vy.sammantrade.rubrik)];
  if (vy.sammantrade.organ) rader.push(fyll(t.MotespaketOrgan, vy.sammantrade.organ));
  rader.push(fyll(t.MotespaketDatum, vy.sammantrade.datum, klockslag(vy.sammantrade.start)));
  if (vy.sammantrade.plats) rader.push(fyll(t.MotespaketPlats, vy.sammantrade.plats));
  if (saknade.length > 0) rader.push('', fyll(t.MotespaketSaknasSammanfattning, saknade.length, alla.length));
  if (alla.some((p) => p.dokument.klassificering === 'Sekretess')) rader.push('', t.MotespaketSekretessVarning);
  const rad = (p: IPlacering, indrag: string): string => {
    const d = p.dokument;
    const klass = d.klassificering ? ` – ${klasstext(d.klassificering, t)}${d.oslHanvisning ? ` (${d.oslHanvisning})` : ''}` : '';
    const text = `${sokvag(p)}${klass}`;
    return `${indrag}${saknas.has(p) ? fyll(t.MotespaketSaknas, text) : text}`;
  };
  const avsnitt = (rubrik: string, placeringar: IPlacering[], indrag: string, tomText?: string): void => {
    rader.push('', rubrik);
    if (placeringar.length === 0 && tomText) rader.push(`${indrag}${tomText}`);
    for (const p of placeringar) rader.push(rad(p, indrag));
  };
  if (rot.placeringar.length > 0) avsnitt(t.MotespaketKallelse, rot.placeringar, '  ');
  for (const mapp of mappar.values()) {
    zip.folder(mapp.namn);
    avsnitt(`${mapp.namn}/`, mapp.placeringar, '  ', t.MotespaketIngaHandlingar);
  }
  if (protokoll) avsnitt(t.MotespaketProtokoll, [protokoll], '  ');
  zip.file(t.MotespaketIndexfil, `\ufeff${rader.join('\r\n')}\r\n`);

  const data = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return {
    data,
    filnamn: `${sakertNamn(vy.sammantrade.rubrik || vy.sammantrade.datum, MAX_MAPPNAMN, false)}.zip`,
    antal: alla.length - saknade.length,
    saknade
  };
}

const KLOCKSLAG = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });

function klockslag(iso: string): string {
  const tid = Date.parse(iso);
  return Number.isNaN(tid) ? '' : KLOCKSLAG.format(new Date(tid));
}
