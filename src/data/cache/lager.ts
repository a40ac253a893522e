/**
 * Where the offline cache keeps SharePoint's answers: a Web Storage (localStorage in the browser),
 * injected so the tests can use a small one that fills up or holds garbage. Bounded by size with
 * least-recently-used eviction, because SharePoint's own pages share the origin's quota with us.
 */

/** The part of the Web Storage API the cache uses; `window.localStorage` fits as is. */
export interface ICacheLager {
  readonly length: number;
  key(index: number): string | null;
  getItem(nyckel: string): string | null;
  setItem(nyckel: string, varde: string): void;
  removeItem(nyckel: string): void;
}

/** A Map-backed storage; `maxTecken` makes `setItem` throw like a full localStorage does. */
export function skapaMinneslager(maxTecken = Number.POSITIVE_INFINITY): ICacheLager {
  const data = new Map<string, string>();
  const anvant = (): number => Array.from(data, ([k, v]) => k.length + v.length).reduce((a, b) => a + b, 0);
  return {
    get length() {
      return data.size;
    },
    key: (index) => Array.from(data.keys())[index] ?? null,
    getItem: (nyckel) => data.get(nyckel) ?? null,
    setItem: (nyckel, varde) => {
      const fore = data.get(nyckel);
      const efter = anvant() - (fore === undefined ? 0 : nyckel.length + fore.length) + nyckel.length + varde.length;
      if (efter > maxTecken) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      data.set(nyckel, varde);
    },
    removeItem: (nyckel) => {
      data.delete(nyckel);
    }
  };
}

/**
 * localStorage when the browser has one and lets us use it (private modes and policies may throw
 * on access), else a storage for this page's lifetime: SharePoint can still go away mid-session.
 */
export function standardLager(): ICacheLager {
  try {
    if (typeof window !== 'undefined' && window.localStorage) {
      const prov = '__arendeportalen_prov__';
      window.localStorage.setItem(prov, '1');
      window.localStorage.removeItem(prov);
      return window.localStorage;
    }
  } catch {
    // fall through to memory
  }
  return skapaMinneslager();
}

export interface ISparatSvar {
  kropp: string;
  /** ISO instant the answer was fetched from SharePoint. */
  hamtad: string;
}

export interface ISvarscacheGranser {
  /** Characters (keys + values) all cached answers may take together. */
  maxTecken: number;
  /** Answers kept at most. */
  maxAntal: number;
}

export const STANDARDGRANSER: ISvarscacheGranser = { maxTecken: 1_500_000, maxAntal: 400 };

/** One row of the index: storage key, last use (ms) and size in characters. */
type Indexrad = [nyckel: string, anvand: number, storlek: number];

const ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

/**
 * Answers under `prefix` + a caller's key, with one index (under `prefix` + '#index') for the
 * size bound and eviction. Every storage call is guarded: a full, disabled or tampered storage
 * costs the cache, never the request.
 */
export class Svarscache {
  private readonly indexnyckel: string;

  public constructor(
    private readonly lager: ICacheLager,
    private readonly prefix: string,
    private readonly granser: ISvarscacheGranser = STANDARDGRANSER,
    private readonly klocka: () => number = Date.now
  ) {
    this.indexnyckel = `${prefix}#index`;
  }

  public hamta(nyckel: string): ISparatSvar | undefined {
    const lagrad = this.prefix + nyckel;
    let varde: string | null;
    try {
      varde = this.lager.getItem(lagrad);
    } catch {
      return undefined;
    }
    if (varde === null) {
      return undefined;
    }
    // Stored as "<instant>\n<body>": the body is JSON already, so it is not escaped a second time.
    const radbryt = varde.indexOf('\n');
    const hamtad = radbryt > 0 ? varde.slice(0, radbryt) : '';
    if (!ISO.test(hamtad) || isNaN(Date.parse(hamtad))) {
      this.taBort(nyckel);
      return undefined;
    }
    this.andraIndex((index) => {
      const rad = index.find((r) => r[0] === lagrad);
      if (rad) rad[1] = this.klocka();
    });
    return { hamtad, kropp: varde.slice(radbryt + 1) };
  }

  public spara(nyckel: string, svar: ISparatSvar): void {
    const lagrad = this.prefix + nyckel;
    const varde = `${svar.hamtad}\n${svar.kropp}`;
    const storlek = lagrad.length + varde.length;
    // One answer may not push out most of the others.
    if (storlek > this.granser.maxTecken / 4) {
      this.taBort(nyckel);
      return;
    }
    let index = this.lasIndex().filter((r) => r[0] !== lagrad);
    index.push([lagrad, this.klocka(), storlek]);
    index = this.vraka(index, 0);
    for (;;) {
      try {
        this.lager.setItem(lagrad, varde);
        break;
      } catch {
        // Full: the origin's quota, shared with SharePoint's own pages. Give up our oldest first.
        const fore = index.length;
        index = this.vraka(index, 1, lagrad);
        if (index.length === fore) {
          index = index.filter((r) => r[0] !== lagrad);
          this.skrivIndex(index);
          return;
        }
      }
    }
    this.skrivIndex(index);
  }

  public taBort(nyckel: string): void {
    const lagrad = this.prefix + nyckel;
    try {
      this.lager.removeItem(lagrad);
    } catch {
      // nothing more to do
    }
    this.andraIndex((index) => {
      const i = index.findIndex((r) => r[0] === lagrad);
      if (i >= 0) index.splice(i, 1);
    });
  }

  /** Removes least recently used answers until within the bounds, or at least `minst` of them. */
  private vraka(index: Indexrad[], minst: number, skona?: string): Indexrad[] {
    const ordnad = [...index].sort((a, b) => a[1] - b[1]);
    let tecken = ordnad.reduce((s, r) => s + r[2], 0);
    let borttagna = 0;
    const kvar: Indexrad[] = [];
    for (const rad of ordnad) {
      const over = tecken > this.granser.maxTecken || ordnad.length - borttagna > this.granser.maxAntal || borttagna < minst;
      if (over && rad[0] !== skona) {
        try {
          this.lager.removeItem(rad[0]);
        } catch {
          // counted as gone: the index must not keep growing
        }
        tecken -= rad[2];
        borttagna++;
      } else {
        kvar.push(rad);
      }
    }
    return kvar;
  }

  private andraIndex(andring: (index: Indexrad[]) => void): void {
    const index = this.lasIndex();
    andring(index);
    this.skrivIndex(index);
  }

  private lasIndex(): Indexrad[] {
    try {
      const text = this.lager.getItem(this.indexnyckel);
      if (text !== null) {
        const tolkad: unknown = JSON.parse(text);
        if (Array.isArray(tolkad) && tolkad.every(arIndexrad)) {
          return tolkad;
        }
      }
    } catch {
      // unreadable: rebuilt below
    }
    return this.byggIndex();
  }

  /** After a lost or damaged index: what storage holds under our prefix, all as old as can be. */
  private byggIndex(): Indexrad[] {
    const index: Indexrad[] = [];
    try {
      for (let i = 0; i < this.lager.length; i++) {
        const nyckel = this.lager.key(i);
        if (nyckel && nyckel.startsWith(this.prefix) && nyckel !== this.indexnyckel) {
          index.push([nyckel, 0, nyckel.length + (this.lager.getItem(nyckel)?.length ?? 0)]);
        }
      }
    } catch {
      // a storage that cannot even be listed holds nothing we know of
    }
    return index;
  }

  private skrivIndex(index: Indexrad[]): void {
    try {
      this.lager.setItem(this.indexnyckel, JSON.stringify(index));
    } catch {
      // The index is rebuilt from the keys next time.
      try {
        this.lager.removeItem(this.indexnyckel);
      } catch {
        // nothing more to do
      }
    }
  }
}

function arIndexrad(rad: unknown): rad is Indexrad {
  return Array.isArray(rad) && rad.length === 3 && typeof rad[0] === 'string' && typeof rad[1] === 'number' && typeof rad[2] === 'number';
}
