/**
 * Microsoft Graph routes of the emulator (me, users, mail, $batch, Intune, To Do) under `/v1.0/` on the
 * emulator's origin. What is covered and which documented samples each answer was checked
 * against: docs/emulator-graph.md.
 */
import { Emulator } from '../core';
import { registreraAnvandare } from './anvandare';
import { registreraBatch } from './batch';
import { seedaDemoBrevlador } from './demoPost';
import { registreraIntune, seedaDemoEnheter } from './intune';
import { attGoraFor, brevladaFor, IBrevlada, IGraphLagerData, ITodoUppgift } from './lager';
import { registreraTodo } from './todo';
import { registreraPost } from './post';

export interface IGraphLager extends IGraphLagerData {
  /** The mailbox of a user (created empty on first use). */
  brevlada(aadId: string): IBrevlada;
  /** Every To Do task of a user, all lists, oldest first (for tests to inspect). */
  uppgifter(aadId: string): ITodoUppgift[];
  /** Mail that left any mailbox to the address (forwards and sendMail), oldest first. */
  skickatTill(adress: string): IGraphLagerData['utgaende'];
}

export interface IGraphKonfig {
  /** The clock for new mail and Intune actions; the real time unless a test fixes it. */
  nu?: () => Date;
}

export function registreraGraph(emulator: Emulator, konfig: IGraphKonfig = {}): IGraphLager {
  const nu = konfig.nu ?? ((): Date => new Date());
  const lager: IGraphLager = {
    brevlador: new Map(),
    utgaende: [],
    enheter: new Map(),
    intuneAtgarder: [],
    utanEpostbehorighet: new Set(),
    attGora: new Map(),
    utanUppgiftsbehorighet: new Set(),
    transitForfragningar: 0,
    brevlada: (aadId) => brevladaFor(lager, { aadId }),
    uppgifter: (aadId) => attGoraFor(lager, { aadId }).listor.flatMap((l) => Array.from(l.uppgifter.values())),
    skickatTill: (adress) => lager.utgaende.filter((u) => [...u.till, ...u.kopia].some((a) => a.toLowerCase() === adress.toLowerCase()))
  };
  registreraAnvandare(emulator);
  registreraPost(emulator, lager, nu);
  registreraIntune(emulator, lager, nu);
  registreraTodo(emulator, lager, nu);
  registreraBatch(emulator);
  return lager;
}

/**
 * Fills the demo mailboxes (≥ 200 messages for the first ledamot across inbox, sent items and
 * deleted items; smaller ones for the other ledamöter) and the Intune demo fleet. Dates lie in the
 * 45 days before `referens`, which is the time of seeding unless given.
 */
export function seedaDemoPost(lager: IGraphLager, emulator: Emulator, referens: Date = new Date()): void {
  seedaDemoBrevlador(lager, emulator, referens);
  seedaDemoEnheter(lager, emulator);
}

export { DEMO_ENHETER, farHanteraEnheter } from './intune';
export type { IDemoEnhet } from './intune';
export { DEMO_ANTAL_FORSTA, DEMO_BEHALLNA_FORSTA, KATEGORI_BEHALLEN } from './demoPost';
export { BATCH_GRANS } from './batch';
export type { IDelsvar } from './batch';
export type { IAttGora, ITodoLista, ITodoUppgift, IBrevlada, IDatumTidszon, IEpostadress, IFoljUppFlagga, IIntuneAtgard, ILagratMeddelande, IUtgaendePost, ValkandMapp, HanteradEnhet } from './lager';
