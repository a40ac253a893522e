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

/** The rows as one fixed-width table, grouped by area, in the order given. */
export function skrivTabell(rader: readonly IBenchRad[]): string {
  const celler = rader.map(medKvot).map((r) => [
    r.omrade, r.matt, `${tal(r.var)} ${r.enhet}`, `${tal(r.peer)} ${r.enhet}`, r.peerNamn,
    r.kvot === undefined ? (r.var === 0 ? '–' : '∞') : `${tal(Math.round(r.kvot * 100) / 100)}×`
  ]);
  const rubrik = ['Område', 'Mått', 'Vårt', 'Jämförelse', 'Jämförs med', 'Kvot'];
  const bredd = rubrik.map((h, i) => Math.max(h.length, ...celler.map((c) => c[i].length)));
  const rad = (c: readonly string[]): string => c.map((v, i) => v.padEnd(bredd[i])).join('  ').trimEnd();
  const noter = rader.filter((r) => r.not).map((r) => `- ${r.matt}: ${r.not}`);
  return [rad(rubrik), bredd.map((b) => '-'.repeat(b)).join('  '), ...celler.map(rad), ...(noter.length ? ['', ...noter] : [])].join('\n');
}
