/**
 * The emulator as the workbench and the browser tests use it: demo users, SharePoint and Graph
 * routes, the site provisioned by the product's own provisioning code, and deterministic demo data.
 */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser } from '@pnp/sp';
import '@pnp/sp/webs';
import { format } from 'date-fns';
import { Emulator, IEmulatorKonfig } from '../core';
import { registreraGraph, seedaDemoPost } from '../graph';
import { EmulatorTransport } from '../pnp';
import { registreraSharePoint } from '../sharepoint/rutter';
import { APPKATALOG_SOKVAG } from '../sharepoint/klientegenskaper';
import { SpLager } from '../sharepoint/lager';
import { provisionera } from '../../provisioning/provisionera';
import { PORTAL_NYCKEL } from '../../src/data/installningar/nycklar';
import { skapaSp } from '../../src/data/pnp';
import { IsoDate } from '../../src/domain/dates';
import { DEMO_ANVANDARE, forstaMedRoll, REGISTRATOR } from './anvandare';
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
  // The same provisioning code as for a real site, sent in-process. The registrator's address goes
  // in as the tenant property, as `--registrator` does: E-postrutin without its own property (the
  // personal app in Teams and Outlook; the workbench) reads it from there. The portal's address
  // (Arendeportalen.PortalUrl) goes in as provisioning always sets it: this site.
  const admin = forstaMedRoll('admin')!;
  const sp = skapaSp(emulator.konfig.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(admin.email) })).using(EmulatorTransport(emulator));
  await provisionera(sp, { registratorAdress: REGISTRATOR });
  const data = seedaDemoData(lager, idag);
  emulator.statistik.forfragningar = 0;
  return { emulator, lager, data };
}

/**
 * Points the tenant property PORTAL_NYCKEL at the demo site as it is served at `webbUrl`, through
 * the app catalog as its administrator would. The workbench calls it once it listens: provisioning
 * set the configured address (https://kommun.sharepoint.com/…), but the page runs on loopback, and a
 * part only follows an address on its own host.
 */
export async function pekaUtPortalen(emulator: Emulator, webbUrl: string): Promise<void> {
  const admin = forstaMedRoll('admin')!;
  const katalog = skapaSp(`${new URL(webbUrl).origin}${APPKATALOG_SOKVAG}`, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(admin.email) }))
    .using(EmulatorTransport(emulator));
  await katalog.web.setStorageEntity(PORTAL_NYCKEL, webbUrl, 'Ärendeportalens webbplats (demo)', 'Satt av arbetsbänken.');
}

export async function skapaDemoEmulator(konfig: Partial<IEmulatorKonfig> = {}): Promise<Emulator> {
  return (await skapaDemo(konfig)).emulator;
}
