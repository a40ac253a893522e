/**
 * The part of OData v3 that SharePoint's REST API accepts in $filter: comparisons, and/or/not,
 * parentheses, startswith() and substringof(), string, number, boolean, null and datetime'…'
 * literals, and paths such as `Handlaggare/EMail` or `Organ/Id`.
 */

export type Uttryck =
  | { typ: 'jamfor'; op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'; vanster: Uttryck; hoger: Uttryck }
  | { typ: 'och' | 'eller'; vanster: Uttryck; hoger: Uttryck }
  | { typ: 'inte'; uttryck: Uttryck }
  | { typ: 'funktion'; namn: 'startswith' | 'substringof'; argument: Uttryck[] }
  | { typ: 'falt'; sokvag: string }
  | { typ: 'varde'; varde: string | number | boolean | null };

export class OdataFel extends Error {}

const TECKEN = /\s*(?:(\()|(\))|(,)|('(?:[^']|'')*')|(datetime'[^']*')|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_/.]*))/y;

type Token = { typ: '(' | ')' | ',' | 'strang' | 'datum' | 'tal' | 'ord'; text: string };

function tokenisera(text: string): Token[] {
  const tokens: Token[] = [];
  TECKEN.lastIndex = 0;
  while (TECKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TECKEN.lastIndex))) break;
    const start = TECKEN.lastIndex;
    const m = TECKEN.exec(text);
    if (!m) {
      throw new OdataFel(`Syntax error at position ${start} in '${text}'.`);
    }
    if (m[1]) tokens.push({ typ: '(', text: m[1] });
    else if (m[2]) tokens.push({ typ: ')', text: m[2] });
    else if (m[3]) tokens.push({ typ: ',', text: m[3] });
    else if (m[4]) tokens.push({ typ: 'strang', text: m[4].slice(1, -1).replace(/''/g, "'") });
    else if (m[5]) tokens.push({ typ: 'datum', text: m[5].slice(9, -1) });
    else if (m[6]) tokens.push({ typ: 'tal', text: m[6] });
    else tokens.push({ typ: 'ord', text: m[7] });
  }
  return tokens;
}

/** Parses a $filter expression; throws OdataFel on anything SharePoint would reject. */
export function tolkaFilter(text: string): Uttryck {
  const tokens = tokenisera(text);
  let i = 0;
  const titta = (): Token | undefined => tokens[i];
  const ta = (): Token => {
    const t = tokens[i++];
    if (!t) throw new OdataFel(`Unexpected end of filter '${text}'.`);
    return t;
  };
  const ord = (w: string): boolean => titta()?.typ === 'ord' && titta()!.text.toLowerCase() === w;

  function eller(): Uttryck {
    let v = och();
    while (ord('or')) { i++; v = { typ: 'eller', vanster: v, hoger: och() }; }
    return v;
  }
  function och(): Uttryck {
    let v = inte();
    while (ord('and')) { i++; v = { typ: 'och', vanster: v, hoger: inte() }; }
    return v;
  }
  function inte(): Uttryck {
    if (ord('not')) { i++; return { typ: 'inte', uttryck: inte() }; }
    return jamforelse();
  }
  function jamforelse(): Uttryck {
    const v = primar();
    const t = titta();
    if (t?.typ === 'ord' && /^(eq|ne|lt|le|gt|ge)$/i.test(t.text)) {
      i++;
      return { typ: 'jamfor', op: t.text.toLowerCase() as 'eq', vanster: v, hoger: primar() };
    }
    return v;
  }
  function primar(): Uttryck {
    const t = ta();
    if (t.typ === '(') {
      const inre = eller();
      if (ta().typ !== ')') throw new OdataFel(`Missing ')' in '${text}'.`);
      return inre;
    }
    if (t.typ === 'strang') return { typ: 'varde', varde: t.text };
    if (t.typ === 'datum') {
      if (isNaN(Date.parse(t.text))) throw new OdataFel(`Invalid datetime '${t.text}'.`);
      return { typ: 'varde', varde: new Date(t.text).toISOString() };
    }
    if (t.typ === 'tal') return { typ: 'varde', varde: Number(t.text) };
    if (t.typ === 'ord') {
      const lagre = t.text.toLowerCase();
      if (lagre === 'true' || lagre === 'false') return { typ: 'varde', varde: lagre === 'true' };
      if (lagre === 'null') return { typ: 'varde', varde: null };
      if ((lagre === 'startswith' || lagre === 'substringof') && titta()?.typ === '(') {
        i++;
        const argument = [eller()];
        while (titta()?.typ === ',') { i++; argument.push(eller()); }
        if (ta().typ !== ')') throw new OdataFel(`Missing ')' after ${lagre}.`);
        if (argument.length !== 2) throw new OdataFel(`${lagre} takes two arguments.`);
        return { typ: 'funktion', namn: lagre, argument };
      }
      return { typ: 'falt', sokvag: t.text };
    }
    throw new OdataFel(`Unexpected '${t.text}' in '${text}'.`);
  }

  const resultat = eller();
  if (i < tokens.length) throw new OdataFel(`Unexpected '${tokens[i].text}' in '${text}'.`);
  return resultat;
}

/** Every field path an expression reads. */
export function faltI(u: Uttryck): string[] {
  switch (u.typ) {
    case 'falt': return [u.sokvag];
    case 'varde': return [];
    case 'inte': return faltI(u.uttryck);
    case 'funktion': return u.argument.flatMap(faltI);
    default: return [...faltI(u.vanster), ...faltI(u.hoger)];
  }
}

/** The top-level and-clauses of an expression, in order. */
export function ochLed(u: Uttryck): Uttryck[] {
  return u.typ === 'och' ? [...ochLed(u.vanster), ...ochLed(u.hoger)] : [u];
}

type Normal = string | number | boolean | null;

const ISO_TID = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function normalisera(v: unknown): Normal {
  if (v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  return String(v);
}

function jamfor(op: string, a: Normal, b: Normal): boolean {
  // SharePoint filters booleans as 1/0 as well as true/false.
  if (typeof a === 'boolean' && typeof b === 'number') b = b !== 0;
  if (typeof b === 'boolean' && typeof a === 'number') a = a !== 0;
  if (op === 'eq') {
    return a === b || (typeof a === 'string' && typeof b === 'string' &&
      (a.toLowerCase() === b.toLowerCase() || (ISO_TID.test(a) && ISO_TID.test(b) && Date.parse(a) === Date.parse(b))));
  }
  if (op === 'ne') return !jamfor('eq', a, b);
  if (a === null || b === null) return false;
  // Instants compare as instants: stored "…:00Z" and a literal's "…:00.000Z" are the same moment.
  const tid = (v: Normal): number => (typeof v === 'string' && ISO_TID.test(v) ? Date.parse(v) : NaN);
  const [ta, tb] = [tid(a), tid(b)];
  const x = !isNaN(ta) && !isNaN(tb) ? ta - tb
    : typeof a === 'string' && typeof b === 'string' ? a.localeCompare(b, 'sv') : Number(a) - Number(b);
  switch (op) {
    case 'lt': return x < 0;
    case 'le': return x <= 0;
    case 'gt': return x > 0;
    default: return x >= 0;
  }
}

/** Evaluates an expression; `hamta` reads a field path of the row (returns arrays for multi-valued fields). */
export function utvardera(u: Uttryck, hamta: (sokvag: string) => unknown): boolean {
  const varde = (x: Uttryck): unknown => (x.typ === 'falt' ? hamta(x.sokvag) : x.typ === 'varde' ? x.varde : utvardera(x, hamta));
  switch (u.typ) {
    case 'och': return utvardera(u.vanster, hamta) && utvardera(u.hoger, hamta);
    case 'eller': return utvardera(u.vanster, hamta) || utvardera(u.hoger, hamta);
    case 'inte': return !utvardera(u.uttryck, hamta);
    case 'funktion': {
      const [a, b] = u.argument.map(varde).map((v) => String(v ?? '').toLowerCase());
      return u.namn === 'startswith' ? a.startsWith(b) : b.includes(a);
    }
    case 'jamfor': {
      const a = varde(u.vanster);
      const b = normalisera(varde(u.hoger));
      // A multi-valued field (UserMulti) matches when any of its values does.
      return Array.isArray(a) ? a.some((x) => jamfor(u.op, normalisera(x), b)) : jamfor(u.op, normalisera(a), b);
    }
    case 'falt': return Boolean(hamta(u.sokvag));
    default: return Boolean(u.varde);
  }
}

export interface ISortering {
  falt: string;
  fallande: boolean;
}

export function tolkaSortering(text: string | null): ISortering[] {
  if (!text) return [];
  return text.split(',').map((del) => {
    const [falt, riktning] = del.trim().split(/\s+/);
    if (!falt || (riktning && !/^(asc|desc)$/i.test(riktning))) throw new OdataFel(`Invalid $orderby '${text}'.`);
    return { falt, fallande: /^desc$/i.test(riktning ?? '') };
  });
}
