/**
 * Small helpers the demo seeders (data.ts, moten.ts, surfplattor.ts) share: calendar arithmetic,
 * the provisioned list a schema definition names, a demo user by id, and files built when first read.
 */
import { addDays, format, parseISO } from 'date-fns';
import { IEmulatorAnvandare } from '../core';
import { IsoDate } from '../../src/domain/dates';
import { tillSpDatum } from '../../src/data/spDatum';
import { IListDef } from '../../src/schema';
import { ILista, SpLager } from '../sharepoint/lager';
import { DEMO_ANVANDARE } from './anvandare';

export const plus = (d: IsoDate, n: number): IsoDate => format(addDays(parseISO(d), n), 'yyyy-MM-dd');

/** An instant on a Swedish calendar day at a Swedish clock hour (and minute). */
export const tidpunkt = (d: IsoDate, timme = 9, minut = 0): string =>
  new Date(Date.parse(tillSpDatum(d)) + (timme * 60 + minut) * 60 * 1000).toISOString().replace(/\.000Z$/, 'Z');

/** The list provisioning created for `def`; demo data written before provisioning is a bug, so it throws. */
export function lista(lager: SpLager, def: IListDef): ILista {
  const l = lager.listaMedUrl(`${lager.sitePath}/${def.url}`);
  if (!l) throw new Error(`Demodata: listan ${def.title} är inte provisionerad.`);
  return l;
}

export function person(id: number): IEmulatorAnvandare {
  const a = DEMO_ANVANDARE.find((x) => x.id === id);
  if (!a) throw new Error(`Demodata: användare ${id} finns inte.`);
  return a;
}

/**
 * A file (or attachment) whose bytes are built when first read, once: building the .docx and .pdf
 * files takes most of the time a demo needs to seed, and most tests and workbench sessions never
 * open one. `innehall` stays an enumerable, writable property, as on a file uploaded later.
 */
export function lat<T extends { innehall: Uint8Array }>(bas: Omit<T, 'innehall'>, bygg: () => Uint8Array): T {
  let byggd: Uint8Array | undefined;
  const fil = { ...bas } as T;
  Object.defineProperty(fil, 'innehall', {
    enumerable: true,
    get: () => (byggd ??= bygg()),
    set: (varde: Uint8Array) => { byggd = varde; }
  });
  return fil;
}
