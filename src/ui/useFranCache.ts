import * as React from 'react';
import { ICacheHandelse, lyssnaPaCache } from '../data/cache/handelser';

/**
 * The oldest cached answer shown since SharePoint was last reachable, or undefined while it is.
 * The oldest counts: the view is only as fresh as its stalest part.
 */
export function useFranCache(): ICacheHandelse | undefined {
  const [senaste, satSenaste] = React.useState<ICacheHandelse | undefined>();
  React.useEffect(() => lyssnaPaCache(
    (h) => satSenaste((nu) => (nu && Date.parse(nu.hamtad) <= Date.parse(h.hamtad) ? nu : h)),
    () => satSenaste(undefined)
  ), []);
  return senaste;
}
