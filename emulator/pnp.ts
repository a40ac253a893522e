/** Sends a PnPjs client's requests straight into an emulator, without a socket (demo seeding). */
import { TimelinePipe } from '@pnp/core';
import { Queryable } from '@pnp/queryable';
import { Emulator } from './core';

export function EmulatorTransport(emulator: Emulator): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => emulator.fetch(url.toString(), init));
    return instance;
  };
}
