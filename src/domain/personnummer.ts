/**
 * Swedish personnummer and samordningsnummer in free text. Signed PDFs from some e-signature services
 * carry the signer's personnummer in their metadata (domain notes): the public site refuses any file
 * or text in which one is found. The Luhn check keeps diarienummer and dates from matching.
 */

// YYMMDD or YYYYMMDD, an optional - or +, four digits; not inside a longer run of digits.
const KANDIDAT = /(?<!\d)(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?!\d)/g;

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
