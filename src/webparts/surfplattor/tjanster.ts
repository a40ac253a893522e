/**
 * The services of Surfplattor on the portal's web: built here once, for the web part and the
 * workbench alike, so both read the same lists from the same site.
 */
import { GraphFI } from '@pnp/graph';
import { SPFI } from '@pnp/sp';
import { IncidentTjanst } from '../../data/surfplattor/IncidentTjanst';
import { MandatTjanst } from '../../data/surfplattor/MandatTjanst';
import { MinSurfplattaTjanst } from '../../data/surfplattor/MinSurfplattaTjanst';
import { RegisterTjanst } from '../../data/surfplattor/RegisterTjanst';
import { ISurfplattorAppProps } from './components/SurfplattorApp';
import { kvittensTexter } from './components/texter';

export type ISurfplattorTjanster = Pick<ISurfplattorAppProps, 'register' | 'minSurfplatta' | 'incidenter' | 'mandat'>;

/**
 * `sp` on the portal's web and `webbSokvag` its server-relative path (src/data/installningar/portal.ts);
 * Graph for Intune's actions and the reminder mails, as the signed-in person.
 */
export function skapaSurfplattorTjanster(sp: SPFI, webbSokvag: string, graph: GraphFI): ISurfplattorTjanster {
  const texter = kvittensTexter();
  return {
    register: new RegisterTjanst(sp, webbSokvag, { kvittensTexter: texter }),
    minSurfplatta: new MinSurfplattaTjanst(sp, webbSokvag, { kvittensTexter: texter }),
    incidenter: new IncidentTjanst(sp, webbSokvag, graph),
    mandat: new MandatTjanst(sp, webbSokvag, graph)
  };
}
