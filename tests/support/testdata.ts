/** Shared test data and fakes for the component and service tests. */
import { DataFel } from '../../src/data/fel';
import { IUppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { IUppdrag } from '../../src/domain/uppdrag';

/** An uppdrag as seed 001 describes one; override what the test is about. */
export function ettUppdrag(del: Partial<IUppdrag> = {}): IUppdrag {
  return {
    id: 1,
    rubrik: 'Utred kontinuerligt uppdaterade ärendebalanslistor',
    beslutsinstans: 'KS',
    beslutsdatum: '2020-04-20',
    paragraf: '§ 54',
    forvaltning: 'Kommunledningskontoret',
    status: 'Pagar',
    planeratKlart: '2025-06-30',
    senastAndrad: '2025-06-20',
    ...del
  };
}

/** A read-only Uppdrag service over fixed rows; any other method may be overridden per test. */
export function falskUppdragTjanst(rader: IUppdrag[], andra: Partial<IUppdragTjanst> = {}): IUppdragTjanst {
  return {
    hamtaAlla: async () => ({ rader: rader.map((u) => ({ uppdrag: u, etag: '"1"' })), felaktiga: [] }),
    hamta: async (id: number) => {
      const u = rader.find((r) => r.id === id);
      if (!u) throw new DataFel('saknas', 404);
      return { uppdrag: u, etag: '"1"' };
    },
    spara: async () => '"2"',
    hamtaHistorik: async () => [],
    skapa: async () => [],
    befintligaKallNycklar: async () => new Set<string>(),
    kanRedigera: async () => false,
    ...andra
  };
}

/** Awaits a promise that must fail with a DataFel, and returns it. */
export async function forvantaDataFel(lofte: Promise<unknown>): Promise<DataFel> {
  try {
    await lofte;
  } catch (e) {
    if (e instanceof DataFel) return e;
    throw e;
  }
  throw new Error('Väntade ett DataFel men inget fel kastades');
}
