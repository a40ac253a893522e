/**
 * The site's open data: one JSON file with the meetings, agenda items with their decisions, the
 * public documents with their URLs, the justerade protokoll and the anslag of the day. Its shape
 * is OPPNA_DATA_SCHEMA (JSON Schema, draft-07), documented in docs/publik.md; `version` changes when
 * a field is removed or changes meaning, never when one is added.
 */
import { ANSLAGSTYP } from '../src/domain/anslag';
import { DOKUMENTTYP } from '../src/domain/publicering';
import { ISajt } from './sidor';
import { handlingsFil, motesSida, organKalender, organRss, organSida, protokollFil } from './sokvagar';

export const OPPNA_DATA_VERSION = 1;

export interface IOppnaData {
  version: number;
  /** ISO instant of the build. */
  byggd: string;
  /** Where the URLs below are relative to: the site's address, or "" when they are relative to the site's root. */
  bas: string;
  organ: Array<{ id: number; namn: string; forkortning: string; typ: string; sida: string; rss: string; kalender: string }>;
  sammantraden: Array<{ id: number; organId: number; organ: string; rubrik: string; datum: string; start: string; plats: string; status: string; sida: string }>;
  arendepunkter: Array<{ id: number; sammantradeId: number; punkt: number; rubrik: string; diarienummer: string | null; beslut: string | null; beslutsdatum: string | null }>;
  handlingar: Array<{ id: number; sammantradeId: number; punkt: number | null; rubrik: string; dokumenttyp: string; filnamn: string; url: string; storlek: number; publicerad: string | null }>;
  protokoll: Array<{ id: number; sammantradeId: number; rubrik: string; justeratDatum: string | null; tillkannagivet: string | null; forvaringsplats: string; url: string; storlek: number }>;
  anslag: Array<{ id: number; typ: string; rubrik: string; organ: string; sammantradeId: number | null; sammantradesdatum: string; justeringsdatum: string | null;
    forvaringsplats: string | null; uppsatt: string; sistaDagForOverklagande: string | null; nedtagning: string | null;
    /** Tillkännagivande: the justerade protokoll's id (in `protokoll` when it is on the site). */
    protokollId: number | null;
    /** Kungörelse: the meeting's start (ISO instant), place and ärenden as posted, one line per agenda item. */
    tid: string | null; plats: string | null; arenden: string[] | null }>;
}

export function oppnaData(sajt: ISajt, byggd: Date, basUrl?: string): IOppnaData {
  const url = (till: string): string => (basUrl ? new URL(till, basUrl.endsWith('/') ? basUrl : `${basUrl}/`).toString() : till);
  const organ = new Map(sajt.organ.map((o) => [o.id, o]));
  return {
    version: OPPNA_DATA_VERSION,
    byggd: byggd.toISOString(),
    bas: basUrl ?? '',
    organ: sajt.organ.map((o) => ({ id: o.id, namn: o.namn, forkortning: o.forkortning, typ: o.typ, sida: url(organSida(o)), rss: url(organRss(o)), kalender: url(organKalender(o)) })),
    sammantraden: sajt.sammantraden.map((m) => ({
      id: m.id, organId: m.organId, organ: m.organ, rubrik: m.rubrik, datum: m.datum, start: new Date(m.start).toISOString(), plats: m.plats, status: m.status,
      sida: url(motesSida(m, organ.get(m.organId)!))
    })),
    arendepunkter: sajt.dagordning.map((p) => ({
      id: p.id, sammantradeId: p.sammantradeId, punkt: p.punkt, rubrik: p.rubrik, diarienummer: p.diarienummer ?? null,
      beslut: p.beslut ?? null, beslutsdatum: p.beslutsdatum ?? null
    })),
    handlingar: sajt.handlingar.map((h) => ({
      id: h.id, sammantradeId: h.sammantradeId, punkt: h.punkt ?? null, rubrik: h.rubrik, dokumenttyp: h.dokumenttyp, filnamn: h.filnamn,
      url: url(handlingsFil(h)), storlek: sajt.filer.get(handlingsFil(h))?.storlek ?? 0, publicerad: h.publiceradDatum ? new Date(h.publiceradDatum).toISOString() : null
    })),
    protokoll: sajt.protokoll.map((p) => ({
      id: p.id, sammantradeId: p.sammantradeId, rubrik: p.rubrik, justeratDatum: p.justeratDatum ?? null, tillkannagivet: p.tillkannagivet ?? null,
      forvaringsplats: p.forvaringsplats, url: url(protokollFil(p)), storlek: sajt.filer.get(protokollFil(p))?.storlek ?? 0
    })),
    anslag: sajt.anslag.map((a) => ({
      id: a.id, typ: a.typ, rubrik: a.rubrik, organ: a.organ, sammantradeId: a.sammantradeId ?? null, sammantradesdatum: a.sammantradesdatum,
      justeringsdatum: a.justeringsdatum ?? null, forvaringsplats: a.forvaringsplats ?? null, uppsatt: a.uppsatt,
      sistaDagForOverklagande: a.sistaDagForOverklagande ?? null, nedtagning: a.nedtagning ?? null,
      protokollId: a.protokollId ?? null, tid: a.tid ? new Date(a.tid).toISOString() : null, plats: a.plats ?? null, arenden: a.arenden ?? null
    }))
  };
}

const DAG = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const DAG_ELLER_NULL = { anyOf: [DAG, { type: 'null' }] } as const;
const TEXT_ELLER_NULL = { type: ['string', 'null'] } as const;
const ID = { type: 'integer', minimum: 1 } as const;
const INSTANT = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' } as const;

function objekt(egenskaper: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', additionalProperties: false, required: Object.keys(egenskaper), properties: egenskaper };
}

/** JSON Schema (draft-07) of data/oppna-data.json. */
export const OPPNA_DATA_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Öppna data från kommunens sammanträden',
  ...objekt({
    version: { const: OPPNA_DATA_VERSION },
    byggd: INSTANT,
    bas: { type: 'string' },
    organ: { type: 'array', items: objekt({ id: ID, namn: { type: 'string' }, forkortning: { type: 'string' }, typ: { type: 'string' },
      sida: { type: 'string' }, rss: { type: 'string' }, kalender: { type: 'string' } }) },
    sammantraden: { type: 'array', items: objekt({ id: ID, organId: ID, organ: { type: 'string' }, rubrik: { type: 'string' }, datum: DAG, start: INSTANT,
      plats: { type: 'string' }, status: { type: 'string' }, sida: { type: 'string' } }) },
    arendepunkter: { type: 'array', items: objekt({ id: ID, sammantradeId: ID, punkt: { type: 'number' }, rubrik: { type: 'string' },
      diarienummer: TEXT_ELLER_NULL, beslut: TEXT_ELLER_NULL, beslutsdatum: DAG_ELLER_NULL }) },
    handlingar: { type: 'array', items: objekt({ id: ID, sammantradeId: ID, punkt: { type: ['number', 'null'] }, rubrik: { type: 'string' },
      dokumenttyp: { enum: [...DOKUMENTTYP] }, filnamn: { type: 'string' }, url: { type: 'string' },
      storlek: { type: 'integer', minimum: 0 }, publicerad: { anyOf: [INSTANT, { type: 'null' }] } }) },
    protokoll: { type: 'array', items: objekt({ id: ID, sammantradeId: ID, rubrik: { type: 'string' }, justeratDatum: DAG_ELLER_NULL,
      tillkannagivet: DAG_ELLER_NULL, forvaringsplats: { type: 'string' }, url: { type: 'string' }, storlek: { type: 'integer', minimum: 0 } }) },
    anslag: { type: 'array', items: objekt({ id: ID, typ: { enum: [...ANSLAGSTYP] },
      rubrik: { type: 'string' }, organ: { type: 'string' }, sammantradeId: { anyOf: [ID, { type: 'null' }] }, sammantradesdatum: DAG,
      justeringsdatum: DAG_ELLER_NULL, forvaringsplats: TEXT_ELLER_NULL, uppsatt: DAG, sistaDagForOverklagande: DAG_ELLER_NULL, nedtagning: DAG_ELLER_NULL,
      protokollId: { anyOf: [ID, { type: 'null' }] }, tid: { anyOf: [INSTANT, { type: 'null' }] }, plats: TEXT_ELLER_NULL,
      arenden: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }] } }) }
  })
};
