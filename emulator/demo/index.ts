/**
 * The emulator as the workbench and the browser tests use it: demo users, SharePoint and Graph
 * routes, the site provisioned by the product's own provisioning code, and deterministic demo data.
 */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser } from '@pnp/sp';
import { format } from 'date-fns';
import { Emulator, IEmulatorKonfig } from '../core';
import { registreraGraph, seedaDemoPost } from '../graph';
import { EmulatorTransport } from '../pnp';
import { registreraSharePoint } from '../sharepoint/rutter';
import { SpLager } from '../sharepoint/lager';
import { provisionera } from '../../provisioning/provisionera';
import { skapaSp } from '../../src/data/pnp';
import { IsoDate } from '../../src/domain/dates';
import { DEMO_ANVANDARE, forstaMedRoll } from './anvandare';
import { IDemoResultat, seedaDemoData } from './data';

export interface IDemo {
  emulator: Emulator;
  lager: SpLager;
  data: IDemoResultat;
}

export async function skapaDemo(konfig: Partial<IEmulatorKonfig> = {}, idag: IsoDate = format(new Date(), 'yyyy-MM-dd')): Promise<IDemo> {
  const emulator = new Emulator(konfig);
  emulator.anvandare.push(...DEMO_ANVANDARE);
  const lager = registreraSharePoint(emulator);
  const graph = registreraGraph(emulator);
  seedaDemoPost(graph, emulator);
  // The same provisioning code as for a real site, sent in-process.
  const admin = forstaMedRoll('admin')!;
  const sp = skapaSp(emulator.konfig.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(admin.email) })).using(EmulatorTransport(emulator));
  await provisionera(sp);
  const data = seedaDemoData(lager, idag);
  emulator.statistik.forfragningar = 0;
  return { emulator, lager, data };
}

export async function skapaDemoEmulator(konfig: Partial<IEmulatorKonfig> = {}): Promise<Emulator> {
  return (await skapaDemo(konfig)).emulator;
}
