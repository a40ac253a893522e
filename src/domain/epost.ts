/**
 * A deliberately plain check of an e-mail address: one @, no spaces, a dot in the domain.
 * Exchange decides the rest; this only catches a mistyped registrator address early.
 */
export function arEpostadress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
