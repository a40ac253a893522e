/**
 * Reading a log kept as a JSON list in a text column (the justering log, an incident's checklist).
 * A hand-edited or truncated column must never stop the work: readable entries are kept, unreadable
 * ones dropped and counted, also when the JSON as a whole does not parse (a log cut off in the
 * middle keeps the entries before the cut). A log that does not parse reports at least one
 * unreadable entry, so the damage is seen.
 */

/** The index of the `}` that closes the object opened at `start`, or -1 when the text ends first. */
function slutPaObjekt(text: string, start: number): number {
  let djup = 0;
  let iStrang = false;
  let escape = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (iStrang) {
      if (escape) escape = false;
      else if (c === '\\') escape = true;
      else if (c === '"') iStrang = false;
    } else if (c === '"') iStrang = true;
    else if (c === '{') djup++;
    else if (c === '}' && --djup === 0) return i;
  }
  return -1;
}

/**
 * What can be saved of a log that does not parse as JSON (cut off, or edited by hand): every
 * `{…}` that parses on its own, in order, and how many stretches of other text lay between them
 * (brackets, commas and white space aside). A log is small, so trying each `{` is cheap.
 */
export function raddaPoster(text: string): { rader: unknown[]; skrap: number } {
  const rader: unknown[] = [];
  let skrap = 0;
  let luckaFran = 0;
  const lucka = (till: number): void => {
    if (text.slice(luckaFran, till).replace(/[[\],\s]/g, '')) skrap++;
  };
  for (let i = text.indexOf('{'); i >= 0 && i < text.length; i = text.indexOf('{', i + 1)) {
    const slut = slutPaObjekt(text, i);
    if (slut < 0) continue;
    let rad: unknown;
    try {
      rad = JSON.parse(text.slice(i, slut + 1));
    } catch {
      continue;
    }
    lucka(i);
    rader.push(rad);
    luckaFran = slut + 1;
    i = slut;
  }
  lucka(text.length);
  return { rader, skrap };
}

/**
 * The entries of a JSON list column that `las` accepts (it returns undefined for an unreadable
 * entry), and how many could not be read. An empty column (or not text at all) is an empty log;
 * JSON that is not a list is one unreadable entry.
 */
export function lasPoster<T>(text: unknown, las: (rad: unknown) => T | undefined): { poster: T[]; olasbara: number } {
  if (typeof text !== 'string' || !text.trim()) return { poster: [], olasbara: 0 };
  let rader: unknown[];
  let skrap = 0;
  let trasig = false;
  try {
    const data: unknown = JSON.parse(text);
    if (!Array.isArray(data)) return { poster: [], olasbara: 1 };
    rader = data;
  } catch {
    ({ rader, skrap } = raddaPoster(text));
    trasig = true;
  }
  const poster: T[] = [];
  for (const r of rader) {
    const p = las(r);
    if (p !== undefined) poster.push(p);
  }
  const olasbara = rader.length - poster.length + skrap;
  return { poster, olasbara: trasig ? Math.max(1, olasbara) : olasbara };
}
