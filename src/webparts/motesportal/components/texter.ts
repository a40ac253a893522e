/**
 * The reader's words for the domain's codes, and the shared formatting of dates and times. Read at
 * render time so they follow the language.
 */
import * as strings from 'MotesportalWebPartStrings';
import { Kungorelselage } from '../../../domain/anslag';
import { Fristlage, Justeringsfel, Justeringsroll, Justeringsstatus } from '../../../domain/justering';
import { Beslutsfel, Dokumenttyp, Klassificering, Publiceringslage, Uppladdningsfel } from '../../../domain/publicering';
import { DataFel } from '../../../data/fel';
import { felText } from '../../../ui/felText';
import { Flaggniva } from '../../../ui/Flagga';

const text = (nyckel: string): string | undefined => (strings as unknown as Record<string, string | undefined>)[nyckel];

const TID = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });
const DAG_OCH_TID = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

/** "13:15" in Swedish time; empty when the instant cannot be read. */
export function klockslag(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : TID.format(new Date(t));
}

/** "2026-11-27 13:15" in Swedish time; the text as is when it cannot be read. */
export function tidpunkt(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : DAG_OCH_TID.format(new Date(t));
}

export function fristText(lage: Fristlage): string {
  return text(`Frist_${lage}`) ?? lage;
}

export function fristNiva(lage: Fristlage): Flaggniva {
  switch (lage) {
    case 'Forsenad': return 'fel';
    case 'SistaDagen': return 'varning';
    case 'Snart': return 'varning';
    case 'Justerat': return 'ok';
    default: return 'info';
  }
}

export function kungorelseText(lage: Kungorelselage): string {
  return text(`Kungorelse_${lage}`) ?? lage;
}

export function kungorelseNiva(lage: Kungorelselage): Flaggniva {
  switch (lage) {
    case 'IRattTid': return 'ok';
    case 'EjAnslagen': return 'info';
    default: return 'fel';
  }
}

export function klassText(k: Klassificering): string {
  return text(`Klass_${k}`) ?? k;
}

export function dokumenttypText(d: Dokumenttyp): string {
  return text(`Typ_${d === 'Föredragningslista' ? 'Foredragningslista' : d}`) ?? d;
}

export function publiceringText(lage: Publiceringslage): string {
  return text(`Publicering_${lage}`) ?? lage;
}

export function uppladdningsfelText(fel: Uppladdningsfel): string {
  return text(`Uppladdning_${fel}`) ?? fel;
}

export function beslutsfelText(fel: Beslutsfel): string {
  return text(`Beslut_${fel}`) ?? fel;
}

export function justeringsfelText(fel: Justeringsfel): string {
  return text(`Justering_${fel}`) ?? fel;
}

export function justeringsstatusText(s: Justeringsstatus): string {
  return text(`Status_${s === 'Under justering' ? 'UnderJustering' : s}`) ?? s;
}

export function rollText(r: Justeringsroll): string {
  return r === 'Ordförande' ? strings.RollOrdforande : strings.RollJusterare;
}

/**
 * A failed write in the reader's words: when the service says which rule refused it (EjJusterare,
 * RedanGodkant, OslSaknas …) that rule, which says more than the cause; otherwise the cause (felText).
 */
export function skrivfelText(fel: DataFel): string {
  const f = fel as DataFel & { kod?: unknown; skal?: unknown; regel?: unknown };
  const koder = [f.kod, f.skal, f.regel].filter((k): k is string => typeof k === 'string');
  for (const kod of koder) {
    const regel = text(`Justering_${kod}`) ?? text(`Uppladdning_${kod}`) ?? text(`Beslut_${kod}`) ?? text(`Publicering_${kod}`);
    if (regel) return regel;
  }
  return felText(fel.orsak);
}
