/**
 * The services of Mötesportalen on the portal's web: built here once, for the web part and the
 * workbench alike, so both read the same lists from the same site.
 */
import { SPFI } from '@pnp/sp';
import { AnslagTjanst } from '../../data/moten/AnslagTjanst';
import { IJusteringAlternativ, JusteringTjanst } from '../../data/moten/JusteringTjanst';
import { MotesTjanst } from '../../data/moten/MotesTjanst';
import { IMotesportalAppProps } from './components/MotesportalApp';

export type IMotesportalTjanster = Required<Pick<IMotesportalAppProps, 'tjanst' | 'redigering' | 'justering' | 'anslag'>>;

/** `sp` on the portal's web (with the offline cache) and `webbSokvag` its server-relative path (src/data/installningar/portal.ts). */
export function skapaMotesportalTjanster(sp: SPFI, webbSokvag: string, justering: IJusteringAlternativ = {}): IMotesportalTjanster {
  const moten = new MotesTjanst(sp, webbSokvag);
  return {
    tjanst: moten,
    redigering: moten,
    justering: new JusteringTjanst(sp, webbSokvag, justering),
    anslag: new AnslagTjanst(sp, webbSokvag)
  };
}
