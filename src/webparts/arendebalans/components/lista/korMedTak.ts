/**
 * Runs `arbete` for every post with at most `tak` at a time, so a long list does not fire
 * hundreds of requests at SharePoint at once (it throttles with 429). Each result or error is
 * reported as it arrives; `avbruten` stops starting new work (e.g. the reader picked another date).
 */
export async function korMedTak<T, R>(
  poster: readonly T[],
  tak: number,
  arbete: (post: T) => Promise<R>,
  klar: (post: T, utfall: { resultat: R } | { fel: unknown }) => void,
  avbruten: () => boolean = () => false
): Promise<void> {
  let nasta = 0;
  const arbetare = async (): Promise<void> => {
    while (nasta < poster.length && !avbruten()) {
      const post = poster[nasta++];
      try {
        const resultat = await arbete(post);
        if (!avbruten()) klar(post, { resultat });
      } catch (fel) {
        if (!avbruten()) klar(post, { fel });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(tak, poster.length)) }, arbetare));
}
