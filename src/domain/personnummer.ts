/**
 * Swedish personnummer and samordningsnummer in free text. Signed PDFs from some e-signature services
 * carry the signer's personnummer in their metadata (domain notes): the public site refuses any file
 * or text in which one is found. The Luhn check keeps diarienummer and dates from matching.
 */

/** A space inside a number, as people and word processors write it: space, no-break, figure, thin and narrow no-break space. */
const MELLANRUM = '[ \\u00a0\\u2007\\u2009\\u202f]';
/** The separator before the last four digits as written: -, + (100 years or older), and the dashes and minus sign that word processors substitute. */
const STRECK = '[-+\\u2010-\\u2015\\u2212]';

// YYMMDD or YYYYMMDD, then a separator (a dash or plus, perhaps with a space either side, or a single
// space), then four digits; not inside a longer run of digits. A line break is not a separator: columns
// of numbers in a table would then be read across.
const KANDIDAT = new RegExp(`(?<!\\d)(\\d{2})?(\\d{2})(\\d{2})(\\d{2})((?:${MELLANRUM}?${STRECK}${MELLANRUM}?|${MELLANRUM})?)(\\d{4})(?!\\d)`, 'g');

function luhn(tio: string): boolean {
  let summa = 0;
  for (let i = 0; i < tio.length; i++) {
    let d = Number(tio[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    summa += d;
  }
  return summa % 10 === 0;
}

/** Every personnummer or samordningsnummer (day + 60) in the text, as written. */
export function hittaPersonnummer(text: string): string[] {
  const hittade: string[] = [];
  for (const m of text.matchAll(KANDIDAT)) {
    const [hela, sekel, yy, mm, dd, , sista] = m;
    // Twelve digits are a personnummer only with a century a living person can have: 18, 19 or 20.
    // Without this, any twelve-digit reference number whose last ten pass Luhn would be taken for one.
    if (sekel !== undefined && !['18', '19', '20'].includes(sekel)) continue;
    const manad = Number(mm);
    const dag = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
    if (manad < 1 || manad > 12 || dag < 1 || dag > 31) continue;
    if (luhn(`${yy}${mm}${dd}${sista}`)) hittade.push(hela);
  }
  return hittade;
}
