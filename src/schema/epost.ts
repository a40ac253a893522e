/**
 * The e-mail routine's journal and log (issue 7): one row per run of up to a hundred mails, holding
 * what was done to each (JSON, like the incident checklist). The row is written before Graph is
 * asked and updated after, so a run cut short (the page closed, the tablet slept) is found again
 * on any device and finished, and the 30-day log covers mail that is gone from the mailbox.
 * Each politician sees and changes only their own rows (radsakerhet); the admin sees all.
 */
import { EPOSTLOGG_BEHORIGHETER } from './behorigheter';
import { SkapandeNyckelFalt } from './skapande';
import { IListDef } from './types';

export const EPOSTLOGGSTATUS = ['Pågår', 'Klar'] as const;
export type Epostloggstatus = (typeof EPOSTLOGGSTATUS)[number];

export const EpostloggFalt = {
  Rubrik: 'Title',
  /** JSON array of the run's entries (src/data/epost: ILoggpost). */
  Poster: 'EpostPoster',
  Status: 'EpostStatus',
  /** How many mails the run covers, for the list's own view. */
  Antal: 'EpostAntal',
  /** When the run started (the service's clock): indexed, so the 30-day log stays under the list view threshold. */
  Startad: 'EpostStartad'
} as const;

export const EpostloggLista = {
  key: 'Epostlogg',
  title: 'E-postlogg',
  url: 'Lists/Epostlogg',
  template: 'GenericList',
  description: 'Vad som gjorts med varje mejl i @pol-brevlådorna: diarieförts, gallrats eller behållits. Var och en ser bara sina egna rader.',
  versioning: false,
  fields: [
    { internalName: EpostloggFalt.Rubrik, displayName: 'Rubrik', kind: 'Text', required: true },
    { internalName: EpostloggFalt.Poster, displayName: 'Poster', kind: 'Note', required: true },
    { internalName: EpostloggFalt.Status, displayName: 'Status', kind: 'Choice', required: true, choices: EPOSTLOGGSTATUS, defaultValue: 'Pågår', indexed: true },
    { internalName: EpostloggFalt.Antal, displayName: 'Antal mejl', kind: 'Number' },
    { internalName: EpostloggFalt.Startad, displayName: 'Startad', kind: 'DateTime', required: true, indexed: true },
    SkapandeNyckelFalt
  ],
  behorigheter: EPOSTLOGG_BEHORIGHETER,
  radsakerhet: { lasa: 'egna', skriva: 'egna' },
  views: [{ title: 'Alla körningar', default: true, fields: [EpostloggFalt.Rubrik, EpostloggFalt.Status, EpostloggFalt.Antal, EpostloggFalt.Startad, 'Author'] }]
} as const satisfies IListDef;
