/**
 * Whether a page's path lies inside the sekretess library, e.g. `/sites/moten/Sekretess/Forms/AllItems.aspx`
 * for the library URL `Sekretess`. Case and URL encoding do not matter; a library whose name only
 * starts the same (`SekretessArkiv`) does not count.
 */
export function arSekretessSida(sokvag: string, bibliotekUrl: string | undefined): boolean {
  const bibliotek = (bibliotekUrl ?? '').replace(/^\/+|\/+$/g, '').toLowerCase();
  if (!bibliotek) {
    return false;
  }
  let avkodad: string;
  try {
    avkodad = decodeURIComponent(sokvag);
  } catch {
    avkodad = sokvag;
  }
  const segment = `/${bibliotek}`;
  const lagre = avkodad.toLowerCase();
  const index = lagre.indexOf(segment);
  if (index < 0) {
    return false;
  }
  const efter = lagre.charAt(index + segment.length);
  return efter === '' || efter === '/' || arSekretessSida(lagre.slice(index + segment.length), bibliotek);
}
