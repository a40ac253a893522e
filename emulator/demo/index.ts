/**
 * The emulator as the workbench and the browser tests use it: demo users, SharePoint and Graph
 * routes, the site provisioned by the product's own provisioning code, and deterministic demo data.
 */
import { Emulator, IEmulatorKonfig } from '../core';
import { registreraGraph, seedaDemoPost } from '../graph';
import { DEMO_ANVANDARE } from './anvandare';

export async function skapaDemoEmulator(konfig: Partial<IEmulatorKonfig> = {}): Promise<Emulator> {
  const emulator = new Emulator(konfig);
  emulator.anvandare.push(...DEMO_ANVANDARE);
  const graph = registreraGraph(emulator);
  seedaDemoPost(graph, emulator);
  // SharePoint routes, provisioning and demo list data are added here by the SharePoint emulator.
  return emulator;
}
