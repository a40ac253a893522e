/**
 * "Begär statusuppdatering": what is missing in each selected uppdrag, gathered per handläggare
 * so that each of them gets one mail about their own rows.
 */
import { IsoDate } from './dates';
import { arAvslutat, arForsenat, arInaktuell, IUppdrag } from './uppdrag';

export type Saknas = 'planeratKlart' | 'orsak' | 'varIHanteringen' | 'inaktuell';

/** What a reader misses in an uppdrag today; empty for a verkställt or complete one. */
export function vadSaknas(u: IUppdrag, idag: IsoDate, dagarTillInaktuell: number): Saknas[] {
  if (arAvslutat(u.status)) return [];
  const saknas: Saknas[] = [];
  if (!u.planeratKlart) saknas.push('planeratKlart');
  if ((u.status === 'Forsenat' || arForsenat(u, idag)) && !u.orsakKod) saknas.push('orsak');
  if (!u.varIHanteringen?.trim()) saknas.push('varIHanteringen');
  if (arInaktuell(u, idag, dagarTillInaktuell)) saknas.push('inaktuell');
  return saknas;
}

export interface IStatusbegaran {
  /** The handläggare's e-mail address. */
  till: string;
  namn: string;
  rader: Array<{ uppdrag: IUppdrag; saknas: Saknas[] }>;
}

/**
 * One request per handläggare; rows without a handläggare are returned apart so the user can be
 * told that nobody can be asked about them.
 */
export function byggStatusbegaran(uppdrag: readonly IUppdrag[], idag: IsoDate, dagarTillInaktuell: number): { begaran: IStatusbegaran[]; utanHandlaggare: IUppdrag[] } {
  const perAdress = new Map<string, IStatusbegaran>();
  const utanHandlaggare: IUppdrag[] = [];
  for (const u of uppdrag) {
    if (!u.handlaggareEpost) {
      utanHandlaggare.push(u);
      continue;
    }
    const nyckel = u.handlaggareEpost.toLowerCase();
    const b = perAdress.get(nyckel) ?? { till: u.handlaggareEpost, namn: u.handlaggare ?? u.handlaggareEpost, rader: [] };
    b.rader.push({ uppdrag: u, saknas: vadSaknas(u, idag, dagarTillInaktuell) });
    perAdress.set(nyckel, b);
  }
  return { begaran: Array.from(perAdress.values()), utanHandlaggare };
}
