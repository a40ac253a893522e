/** A request header from RequestInit, whichever of the three shapes fetch allows it was given in. */
export function lasHuvud(init: RequestInit, namn: string): string | undefined {
  const h = init.headers;
  if (!h) return undefined;
  if (typeof Headers !== 'undefined' && h instanceof Headers) return h.get(namn) ?? undefined;
  const lagre = namn.toLowerCase();
  const par = Array.isArray(h) ? h : Object.entries(h);
  return par.find(([k]) => k.toLowerCase() === lagre)?.[1];
}
