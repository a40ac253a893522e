/** Starts the emulator on loopback for a test file and gives PnPjs clients signed in as demo users. */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser } from '@pnp/sp';
import { SPFI } from '@pnp/sp';
import { Emulator, IEmulatorKonfig } from '../../emulator/core';
import { skapaDemo } from '../../emulator/demo';
import { DEMO_ANVANDARE, forstaMedRoll } from '../../emulator/demo/anvandare';
import { startaServer } from '../../emulator/server';
import { registreraSharePoint } from '../../emulator/sharepoint/rutter';
import { SpLager } from '../../emulator/sharepoint/lager';
import { skapaSp } from '../../src/data/pnp';
import { Roll } from '../../src/domain/roller';

export interface IEmulatorMiljo {
  emulator: Emulator;
  lager: SpLager;
  url: string;
  webbplats: string;
  /** A SharePoint client signed in (session cookie and form digest, as in a browser) as the first user of a role. */
  sp: (roll: Roll) => SPFI;
  stang: () => Promise<void>;
}

export async function startaEmulator(konfig: Partial<IEmulatorKonfig> = {}, demo = false): Promise<IEmulatorMiljo> {
  let emulator: Emulator;
  let lager: SpLager;
  if (demo) {
    ({ emulator, lager } = await skapaDemo(konfig, '2026-11-27'));
  } else {
    emulator = new Emulator(konfig);
    emulator.anvandare.push(...DEMO_ANVANDARE);
    lager = registreraSharePoint(emulator);
  }
  const server = await startaServer(emulator);
  const webbplats = `${server.url}${emulator.sitePath}`;
  return {
    emulator,
    lager,
    url: server.url,
    webbplats,
    sp: (roll) => {
      const anvandare = forstaMedRoll(roll);
      return skapaSp(webbplats, SPBrowser(), ...(anvandare ? [InjectHeaders({ Cookie: Emulator.cookie(anvandare.email) })] : []));
    },
    stang: server.stang
  };
}
