/**
 * The services of Ärendebalanslistan on the portal's web: built here once, for the web part and the
 * workbench alike, so both read the same lists from the same site.
 */
import { SPFI } from '@pnp/sp';
import { MotesTjanst } from '../../data/moten/MotesTjanst';
import { ProtokollTjanst } from '../../data/moten/ProtokollTjanst';
import { RedovisningTjanst } from '../../data/redovisning/RedovisningTjanst';
import { UppdragTjanst } from '../../data/uppdrag/UppdragTjanst';
import { IArendebalansAppProps } from './components/ArendebalansApp';

export type IArendebalansTjanster = Required<Pick<IArendebalansAppProps, 'tjanst' | 'redovisningTjanst' | 'motesTjanst' | 'protokollTjanst'>>;

/** `sp` on the portal's web and `webbSokvag` its server-relative path (src/data/installningar/portal.ts). */
export function skapaArendebalansTjanster(sp: SPFI, webbSokvag: string): IArendebalansTjanster {
  return {
    tjanst: new UppdragTjanst(sp, webbSokvag),
    redovisningTjanst: new RedovisningTjanst(sp, webbSokvag),
    motesTjanst: new MotesTjanst(sp, webbSokvag),
    protokollTjanst: new ProtokollTjanst(sp, webbSokvag)
  };
}
