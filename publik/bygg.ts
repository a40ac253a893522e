/**
 * Builds the public site: reads as the public account (lasare.ts), holds back whatever carries a
 * personnummer (granskning.ts), writes pages, files, feeds, calendars and open data into a fresh
 * directory next to the output, and only then swaps it in. A build that fails leaves the previous
 * site as it was; one document that cannot be published never fails the build.
 */
import { randomBytes } from 'crypto';
import { existsSync } from 'fs';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'fs/promises';
import { basename, dirname, join, resolve } from 'path';
import { SPFI } from '@pnp/sp';
import { tolkaDataFel } from '../src/data/fel';
import { swedishDate } from '../src/domain/dates';
import { organFlode, kalender } from './floden';
import { granskaFil, harPersonnummer, maskera } from './granskning';
import { PublikLasare } from './lasare';
import { IPubliceradFil, IPublikHandling, IPublikKorpus, IPublikProtokoll, IVagrad } from './modell';
import { oppnaData } from './oppnaData';
import { ISajt, renderaSidor } from './sidor';
import { handlingsFil, organKalender, organRss, protokollFil, SOKVAG } from './sokvagar';
import { STIL } from './stil';
import { dagOchTid, TEXTER } from './texter';

export interface IByggAlternativ {
  /** A PnPjs root signed in as the public reading account. */
  sp: SPFI;
  /** The SharePoint site's URL. */
  webbplats: string;
  /** The output directory; replaced as a whole when the build succeeds. */
  ut: string;
  /** The site's name in headers and titles. */
  namn?: string;
  /** The public site's own address, for absolute links in feeds, calendars and open data. */
  basUrl?: string;
  /** The moment of the build (tests pin it); Swedish "today" follows from it. */
  nu?: Date;
  /** Downloads at a time; SharePoint throttles per user, so a few are enough. */
  samtidiga?: number;
  varning?: (rad: string) => void;
}

export interface IByggResultat {
  ut: string;
  byggd: string;
  tidMs: number;
  antal: { organ: number; sammantraden: number; arendepunkter: number; handlingar: number; protokoll: number; anslag: number; sidor: number; filer: number };
  vagrade: IVagrad[];
}

/** Runs `f` over `poster` with at most `antal` at a time, keeping the order of the answers. */
async function iTur<T, R>(poster: readonly T[], antal: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const svar = new Array<R>(poster.length);
  let nasta = 0;
  const arbetare = async (): Promise<void> => {
    while (nasta < poster.length) {
      const i = nasta++;
      svar[i] = await f(poster[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(antal, poster.length)) }, arbetare));
  return svar;
}

/**
 * Free text that carries a personnummer is not shown: a document or protokoll whose title or file
 * name has one is held back whole, any other text is replaced by a notice. Each is reported.
 */
export function rensaTexter(k: IPublikKorpus, vagrade: IVagrad[]): IPublikKorpus {
  const rensa = <T extends { id: number }>(lista: string, rad: T, falt: ReadonlyArray<keyof T & string>): T => {
    const ny = { ...rad };
    for (const f of falt) {
      const v = rad[f];
      if (typeof v === 'string' && harPersonnummer(v)) {
        (ny as Record<string, unknown>)[f] = TEXTER.undanhallen;
        vagrade.push({ typ: 'text', id: rad.id, namn: `${lista}.${f}`, orsak: 'Personnummer', detalj: maskera(v).slice(0, 120) });
      }
    }
    return ny;
  };
  const dokumentOk = (typ: 'handling' | 'protokoll', d: IPublikHandling | IPublikProtokoll): boolean => {
    const traff = [d.rubrik, d.filnamn].some((t) => harPersonnummer(t));
    if (traff) vagrade.push({ typ, id: d.id, sammantradeId: d.sammantradeId, namn: maskera(d.filnamn), orsak: 'Personnummer', detalj: 'i rubriken eller filnamnet' });
    return !traff;
  };
  return {
    organ: k.organ.map((o) => rensa('organ', o, ['namn', 'forkortning'])),
    sammantraden: k.sammantraden.map((m) => rensa('sammantraden', m, ['rubrik', 'plats', 'organ'])),
    dagordning: k.dagordning.map((p) => rensa('dagordning', p, ['rubrik', 'diarienummer', 'beslut'])),
    handlingar: k.handlingar.filter((h) => dokumentOk('handling', h)),
    protokoll: k.protokoll.filter((p) => dokumentOk('protokoll', p)).map((p) => rensa('protokoll', p, ['forvaringsplats'])),
    anslag: k.anslag.map((a) => {
      const ny = rensa('anslag', a, ['rubrik', 'organ', 'forvaringsplats', 'plats']);
      // A kungörelse's ärenden, one line each: a line with a personnummer is replaced, the rest stay.
      return a.arenden ? { ...ny, arenden: a.arenden.map((rad) => rensa('anslag', { id: a.id, arenden: rad }, ['arenden']).arenden) } : ny;
    })
  };
}

/** Refuses to replace a directory that is not a site built here: `--out ~` must never empty a home directory. */
async function kontrolleraUt(ut: string): Promise<void> {
  if (!existsSync(ut)) return;
  const innehall = await readdir(ut).catch(() => undefined);
  if (innehall === undefined) throw new Error(`${ut} är inte en katalog.`);
  if (innehall.length > 0 && !innehall.includes(SOKVAG.markor)) {
    throw new Error(`${ut} finns och innehåller annat än en publik webbplats byggd härifrån. Ange en tom eller ny katalog.`);
  }
}

async function skriv(rot: string, sokvag: string, data: string | Uint8Array): Promise<void> {
  const fil = join(rot, ...sokvag.split('/'));
  await mkdir(dirname(fil), { recursive: true });
  await writeFile(fil, data);
}

export async function byggPublikWebbplats(alt: IByggAlternativ): Promise<IByggResultat> {
  const start = Date.now();
  const nu = alt.nu ?? new Date();
  const idag = swedishDate(nu);
  const ut = resolve(alt.ut);
  const varning = alt.varning ?? ((rad: string) => process.stderr.write(`${rad}\n`));
  await kontrolleraUt(ut);

  const lasare = new PublikLasare(alt.sp, alt.webbplats);
  const vagrade: IVagrad[] = [];
  const korpus = rensaTexter(await lasare.lasAllt(idag), vagrade);

  await mkdir(dirname(ut), { recursive: true });
  const tmp = await mkdtemp(join(dirname(ut), `.${basename(ut)}.bygg-`));
  try {
    const filer = new Map<string, IPubliceradFil>();
    /** Downloads, searches and writes one document; false when it is held back. */
    const publicera = async (typ: 'handling' | 'protokoll', d: IPublikHandling | IPublikProtokoll, sokvag: string): Promise<boolean> => {
      let data: Uint8Array;
      try {
        data = new Uint8Array(await lasare.hamtaFil(d.filUrl));
      } catch (fel) {
        // Gone or closed since it was listed: leave it out. Anything else (network, throttling) fails the build.
        const orsak = tolkaDataFel(fel).orsak;
        if (orsak !== 'saknas' && orsak !== 'behorighet') throw fel;
        vagrade.push({ typ, id: d.id, sammantradeId: d.sammantradeId, namn: maskera(d.filnamn), orsak: 'KundeInteHamtas', detalj: orsak });
        return false;
      }
      const granskning = await granskaFil(d.filnamn, data);
      if (!granskning.ok) {
        vagrade.push({ typ, id: d.id, sammantradeId: d.sammantradeId, namn: maskera(d.filnamn), orsak: granskning.orsak, detalj: granskning.detalj });
        return false;
      }
      await skriv(tmp, sokvag, data);
      filer.set(sokvag, { sokvag, storlek: data.byteLength });
      return true;
    };
    const samtidiga = alt.samtidiga ?? 4;
    const handlingOk = await iTur(korpus.handlingar, samtidiga, (h) => publicera('handling', h, handlingsFil(h)));
    const protokollOk = await iTur(korpus.protokoll, samtidiga, (p) => publicera('protokoll', p, protokollFil(p)));

    const sajt: ISajt = {
      ...korpus,
      handlingar: korpus.handlingar.filter((_, i) => handlingOk[i]),
      protokoll: korpus.protokoll.filter((_, i) => protokollOk[i]),
      namn: alt.namn ?? TEXTER.standardtitel,
      byggd: dagOchTid(nu.toISOString()),
      idag,
      filer
    };
    const sidor = renderaSidor(sajt);
    for (const s of sidor) await skriv(tmp, s.sokvag, s.html);
    await skriv(tmp, SOKVAG.stil, STIL);
    for (const o of sajt.organ) {
      await skriv(tmp, organRss(o), organFlode(sajt, o, nu, alt.basUrl));
      await skriv(tmp, organKalender(o), kalender(sajt, o, alt.webbplats, organKalender(o), alt.basUrl));
    }
    await skriv(tmp, SOKVAG.kalenderAlla, kalender(sajt, undefined, alt.webbplats, SOKVAG.kalenderAlla, alt.basUrl));
    await skriv(tmp, SOKVAG.oppnaData, `${JSON.stringify(oppnaData(sajt, nu, alt.basUrl), null, 2)}\n`);

    const resultat: IByggResultat = {
      ut,
      byggd: nu.toISOString(),
      tidMs: Date.now() - start,
      antal: {
        organ: sajt.organ.length, sammantraden: sajt.sammantraden.length, arendepunkter: sajt.dagordning.length,
        handlingar: sajt.handlingar.length, protokoll: sajt.protokoll.length, anslag: sajt.anslag.length, sidor: sidor.length, filer: filer.size
      },
      vagrade
    };
    // The report names held-back documents by id and masked file name only: it is published with the site.
    await skriv(tmp, SOKVAG.rapport, `${JSON.stringify({ byggd: resultat.byggd, antal: resultat.antal, vagrade }, null, 2)}\n`);
    await skriv(tmp, SOKVAG.markor, `${resultat.byggd}\n`);
    for (const v of vagrade) {
      varning(`Publiceras inte: ${v.typ} ${v.id}${v.sammantradeId ? ` (sammanträde ${v.sammantradeId})` : ''} "${v.namn}": ${v.orsak}${v.detalj ? ` – ${v.detalj}` : ''}`);
    }

    // The swap: two renames in one directory, so a reader sees the old site or the new, never half of one.
    await kontrolleraUt(ut);
    if (existsSync(ut)) {
      const gammal = join(dirname(ut), `.${basename(ut)}.gammal-${randomBytes(4).toString('hex')}`);
      await rename(ut, gammal);
      await rename(tmp, ut);
      await rm(gammal, { recursive: true, force: true });
    } else {
      await rename(tmp, ut);
    }
    resultat.tidMs = Date.now() - start;
    return resultat;
  } catch (fel) {
    await rm(tmp, { recursive: true, force: true });
    throw fel;
  }
}

/** One line for the terminal: what was built and how long it took. */
export function sammanfattning(r: IByggResultat): string {
  const a = r.antal;
  return `Publik webbplats byggd i ${r.ut} på ${(r.tidMs / 1000).toFixed(1).replace('.', ',')} s: ${a.organ} organ, ${a.sammantraden} sammanträden, `
    + `${a.arendepunkter} ärendepunkter, ${a.handlingar} handlingar, ${a.protokoll} protokoll, ${a.anslag} anslag, ${a.sidor} sidor`
    + (r.vagrade.length > 0 ? `; ${r.vagrade.length} publicerades inte (se ${SOKVAG.rapport}).` : '.');
}
