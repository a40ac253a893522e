/**
 * The one table `npm run bench` prints (issue 8): every figure of ours beside a peer measured in
 * the same run (another implementation, or the floor the figure cannot go below), and the ratio.
 * Every bench returns rows of this shape; index.ts prints them together and writes them as JSON.
 */

export interface IBenchRad {
  /** The group the figure belongs to, e.g. "SharePoint-förfrågningar för första vyn". */
  omrade: string;
  /** What was measured, e.g. "Ärendebalanslista" or "Diarieför 1 000 mejl". */
  matt: string;
  /** The unit of both figures, e.g. "förfrågningar", "ms", "kB gzip", "rundturer". */
  enhet: string;
  /** Ours. */
  var: number;
  /** The peer's figure, measured in the same run (or the floor, when the peer is a floor). */
  peer: number;
  /** Who or what the peer is, e.g. "golv", "PnP ListView", "Fluent DetailsList + SearchBox + Dropdown". */
  peerNamn: string;
  /** Anything a reader needs to read the figure right (what the floor is, what was left out). */
  not?: string;
}

export interface IBenchRadMedKvot extends IBenchRad {
  /** var / peer; undefined when the peer is 0 (then ours should be 0 too). */
  kvot?: number;
}

export function medKvot(rad: IBenchRad): IBenchRadMedKvot {
  return { ...rad, ...(rad.peer !== 0 ? { kvot: rad.var / rad.peer } : {}) };
}

function tal(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('sv-SE');
  return v.toLocaleString('sv-SE', { maximumFractionDigits: v < 10 ? 2 : 1 });
}

/**
 * The rows as one fixed-width table in the order given: each area as a heading line over its rows
 * (an area that comes back later gets its heading again), figures right-aligned with their unit,
 * then the notes, numbered and referred to from the row.
 */
export function skrivTabell(rader: readonly IBenchRad[]): string {
  let nr = 0;
  const medNot = rader.map((r) => ({ r: medKvot(r), not: r.not ? ++nr : undefined }));
  const celler = medNot.map(({ r, not }) => [
    `  ${r.matt}${not ? ` [${not}]` : ''}`, `${tal(r.var)} ${r.enhet}`, `${tal(r.peer)} ${r.enhet}`, r.peerNamn,
    r.kvot === undefined ? (r.var === 0 ? '–' : '∞') : `${tal(Math.round(r.kvot * 100) / 100)}×`
  ]);
  const rubrik = ['Mått', 'Vårt', 'Jämförelse', 'Jämförs med', 'Kvot'];
  const hoger = [false, true, true, false, true];
  const bredd = rubrik.map((h, i) => Math.max(h.length, ...celler.map((c) => c[i].length)));
  const rad = (c: readonly string[]): string => c.map((v, i) => (hoger[i] ? v.padStart(bredd[i]) : v.padEnd(bredd[i]))).join('  ').trimEnd();
  const ut = [rad(rubrik), bredd.map((b) => '-'.repeat(b)).join('  ')];
  celler.forEach((c, i) => {
    if (i === 0 || rader[i].omrade !== rader[i - 1].omrade) ut.push(rader[i].omrade);
    ut.push(rad(c));
  });
  const noter = medNot.filter((x) => x.not).map((x) => `[${x.not}] ${x.r.matt}: ${x.r.not}`);
  return [...ut, ...(noter.length ? ['', ...noter] : [])].join('\n');
}
