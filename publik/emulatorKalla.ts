/**
 * The public account against the emulator: the demo user in the public reading group, signed in
 * with the emulator's session cookie and sent in-process. Used by `npm run public-site -- --emulator`,
 * the workbench and the tests, so every local build reads exactly as the real builder would.
 */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import { Emulator, IEmulatorAnvandare } from '../emulator/core';
import { PUBLIK_LASARE } from '../emulator/demo/anvandare';
import { EmulatorTransport } from '../emulator/pnp';
import { skapaSp } from '../src/data/pnp';

/** The emulator's public reading account; the demo's is added to an emulator whose users lack one. */
export function publikLasare(emulator: Emulator): IEmulatorAnvandare {
  let lasare = emulator.anvandare.find((a) => a.roll === 'allmanhet');
  if (!lasare) {
    lasare = PUBLIK_LASARE;
    emulator.anvandare.push(lasare);
  }
  return lasare;
}

/** A PnPjs root for the emulator's site, signed in as the public reading account. */
export function publikSp(emulator: Emulator): SPFI {
  const lasare = publikLasare(emulator);
  return skapaSp(emulator.konfig.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(lasare.email) })).using(EmulatorTransport(emulator));
}
