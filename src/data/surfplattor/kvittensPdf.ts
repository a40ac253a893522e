/**
 * The PDF receipt of a check-out or return (seed 004 §3.1: the borrower signs that they have read
 * the guideline): the full guideline text wrapped over A4 pages, its version, the device, the
 * borrower, the instant in Swedish time and the drawn signature or typed name. Built with pdf-lib,
 * which is loaded only when a receipt is made.
 *
 * pdf-lib's standard fonts are WinAnsi: å ä ö é and the usual punctuation are there, anything else
 * (≥, arrows, emoji) is replaced by a readable equivalent rather than failing the signature.
 */
import type { PDFFont, PDFPage } from 'pdf-lib';
import { Signeringssatt } from '../../domain/surfplatta';
import { IKvittensTexter } from './typer';

export interface IKvittensUnderlag {
  typ: 'Utlämning' | 'Återlämning';
  riktlinje: { rubrik: string; version: string; beslut?: string; /** Empty leaves the text out (a return receipt). */ text: string };
  enhet: { stoldmarkning: string; serienummer: string; modell: string };
  lantagare: { namn: string; epost: string };
  /** Who signs: the borrower at check-out, the signed-in kommunservice person at return. */
  undertecknare: { namn: string; epost: string };
  /** The instant of signing. */
  tid: Date;
  satt: Signeringssatt;
  /** PNG bytes of a drawn signature. */
  signatur?: Uint8Array;
  skrivetNamn?: string;
  /** Condition notes at return. */
  skick?: string;
  texter: IKvittensTexter;
}

const A4 = { bredd: 595.28, hojd: 841.89 };
const MARGINAL = 56;
const STORLEK = { rubrik: 16, text: 10.5, liten: 8.5 };
const RADAVSTAND = 1.4;

const SVENSK_TID = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'
});

/** "2026-11-27 14:03:05" on a Swedish clock, with the zone so a reader abroad is not misled. */
export function svenskTidpunkt(tid: Date): string {
  return `${SVENSK_TID.format(tid)} (Europe/Stockholm)`;
}

const ERSATTNINGAR: ReadonlyArray<[RegExp, string]> = [
  [/≥/g, '>='], [/≤/g, '<='], [/≠/g, '!='], [/→/g, '->'], [/←/g, '<-'], [/⇒/g, '=>'], [/−/g, '-'], [/[‐‑‒]/g, '-'],
  [/[\u00A0\u2007\u202F]/g, ' '], [/\t/g, '    '], [/[\u200B-\u200D\uFEFF\u00AD]/g, ''], [/✓|✔/g, 'x'], [/☐/g, '[ ]'], [/☑|☒/g, '[x]']
];

/**
 * Text the font can draw: known symbols get an ASCII equivalent, accented letters outside WinAnsi
 * lose their accent (ł is not, ő becomes o), anything else becomes '?'.
 */
export function sakerText(text: string, tecken: ReadonlySet<number>): string {
  let t = text;
  for (const [monster, ers] of ERSATTNINGAR) t = t.replace(monster, ers);
  let ut = '';
  for (const c of t) {
    const kod = c.codePointAt(0) ?? 0;
    if (c === '\n' || tecken.has(kod)) {
      ut += c;
      continue;
    }
    const utanAccent = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    ut += utanAccent && Array.from(utanAccent).every((b) => tecken.has(b.codePointAt(0) ?? 0)) ? utanAccent : '?';
  }
  return ut;
}

/** Breaks one paragraph into lines that fit `bredd`; a word longer than a line is cut. */
export function radbryt(stycke: string, font: { widthOfTextAtSize(t: string, s: number): number }, storlek: number, bredd: number): string[] {
  const rader: string[] = [];
  let rad = '';
  const ryms = (t: string): boolean => font.widthOfTextAtSize(t, storlek) <= bredd;
  for (const ord of stycke.split(/ +/)) {
    const forsok = rad ? `${rad} ${ord}` : ord;
    if (ryms(forsok)) {
      rad = forsok;
      continue;
    }
    if (rad) rader.push(rad);
    rad = '';
    let rest = ord;
    while (rest && !ryms(rest)) {
      let n = rest.length - 1;
      while (n > 1 && !ryms(rest.slice(0, n))) n--;
      rader.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    rad = rest;
  }
  rader.push(rad);
  return rader;
}

const fyll = (mall: string, ...varden: string[]): string => varden.reduce((t, v, i) => t.split(`{${i}}`).join(v), mall);

/** Builds the receipt; the bytes are what the Kvittenser row gets as its attachment. */
export async function byggKvittensPdf(u: IKvittensUnderlag): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import(/* webpackChunkName: 'surfplatta-kvittens' */ 'pdf-lib');
  const t = u.texter;
  const dok = await PDFDocument.create();
  const font = await dok.embedFont(StandardFonts.Helvetica);
  const fet = await dok.embedFont(StandardFonts.HelveticaBold);
  const tecken = new Set(font.getCharacterSet());
  const s = (text: string): string => sakerText(text, tecken);
  const rubrik = u.typ === 'Utlämning' ? t.rubrikUtlamning : t.rubrikAterlamning;
  const svart = rgb(0, 0, 0);
  const gra = rgb(0.35, 0.35, 0.35);
  const bredd = A4.bredd - 2 * MARGINAL;

  dok.setTitle(s(`${rubrik} ${u.enhet.stoldmarkning}`));
  dok.setSubject(s(`${t.riktlinje} ${u.riktlinje.rubrik}, ${t.version} ${u.riktlinje.version}`));
  dok.setCreator('Ärendeportalen');
  dok.setProducer('Ärendeportalen (pdf-lib)');
  dok.setCreationDate(u.tid);
  dok.setModificationDate(u.tid);

  let sida: PDFPage = dok.addPage([A4.bredd, A4.hojd]);
  let y = A4.hojd - MARGINAL;
  const nySida = (): void => {
    sida = dok.addPage([A4.bredd, A4.hojd]);
    y = A4.hojd - MARGINAL;
  };
  const plats = (hojd: number): void => {
    // Room for the footer below the bottom margin.
    if (y - hojd < MARGINAL + STORLEK.liten * 2) nySida();
  };
  const skriv = (text: string, alt: { f?: PDFFont; storlek?: number; farg?: ReturnType<typeof rgb>; fore?: number } = {}): void => {
    const f = alt.f ?? font;
    const storlek = alt.storlek ?? STORLEK.text;
    const radhojd = storlek * RADAVSTAND;
    y -= alt.fore ?? 0;
    for (const stycke of s(text).split('\n')) {
      for (const rad of radbryt(stycke, f, storlek, bredd)) {
        plats(radhojd);
        y -= radhojd;
        if (rad) sida.drawText(rad, { x: MARGINAL, y, size: storlek, font: f, color: alt.farg ?? svart });
      }
    }
  };
  const falt = (etikett: string, varde: string): void => skriv(`${etikett}: ${varde}`);

  skriv(rubrik, { f: fet, storlek: STORLEK.rubrik });
  skriv(u.typ === 'Utlämning' ? t.intygUtlamning : t.intygAterlamning, { fore: 6 });
  y -= 8;
  falt(t.lantagare, `${u.lantagare.namn} (${u.lantagare.epost})`);
  falt(t.surfplatta, `${t.stoldmarkning} ${u.enhet.stoldmarkning}, ${t.serienummer} ${u.enhet.serienummer}, ${t.modell} ${u.enhet.modell}`);
  falt(t.riktlinje, `${u.riktlinje.rubrik}, ${t.version} ${u.riktlinje.version}${u.riktlinje.beslut ? ` (${t.beslut} ${u.riktlinje.beslut})` : ''}`);
  falt(t.tidpunkt, svenskTidpunkt(u.tid));
  if (u.skick !== undefined) {
    skriv(t.skick, { f: fet, fore: 8 });
    skriv(u.skick.trim() || '-');
  }

  // The signature before the guideline text: the first page shows who signed what and when.
  skriv(t.signatur, { f: fet, fore: 10 });
  if (u.satt === 'Ritad signatur' && u.signatur && u.signatur.length > 0) {
    const bild = await dok.embedPng(u.signatur);
    const skala = Math.min(1, 220 / bild.width, 80 / bild.height);
    const h = bild.height * skala;
    plats(h + 4);
    y -= h + 4;
    sida.drawImage(bild, { x: MARGINAL, y, width: bild.width * skala, height: h });
  } else {
    skriv(`${(u.skrivetNamn ?? '').trim()} ${t.skrivetNamn}`, { f: fet, storlek: 13 });
  }
  skriv(fyll(t.undertecknatAv, u.undertecknare.namn, u.undertecknare.epost), { farg: gra, storlek: STORLEK.liten, fore: 2 });

  if (u.riktlinje.text.trim()) {
    skriv(`${t.riktlinjensText} (${t.version} ${u.riktlinje.version})`, { f: fet, fore: 14 });
    skriv(u.riktlinje.text, { fore: 4 });
  }

  const sidor = dok.getPages();
  sidor.forEach((p, i) => {
    const fot = s(`${rubrik} – ${u.enhet.stoldmarkning} – ${fyll(t.sida, String(i + 1), String(sidor.length))}`);
    p.drawText(fot, { x: MARGINAL, y: MARGINAL / 2, size: STORLEK.liten, font, color: gra });
  });
  return dok.save();
}
