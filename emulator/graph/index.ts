/** Microsoft Graph routes of the emulator (me, users, mail, $batch, Intune). */
import { Emulator } from '../core';

export interface IGraphLager {
  /** Filled in by the Graph emulator. */
  readonly _platshallare?: never;
}

export function registreraGraph(_emulator: Emulator): IGraphLager {
  return {};
}

/** Fills the demo mailboxes (≥ 200 messages across inbox, sent items and deleted items). */
export function seedaDemoPost(_lager: IGraphLager, _emulator: Emulator): void {
  // Filled in by the Graph emulator.
}
