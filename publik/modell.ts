/**
 * What the public site is built from: the meeting portal's records as the public account reads
 * them, after the publication rules have been applied a second time (publik/lasare.ts).
 */
import { IAnslag, IArendepunkt, IOrgan, ISammantrade } from '../src/data/moten/typer';
import { Dokumenttyp } from '../src/domain/publicering';
import { IsoDate } from '../src/domain/dates';

export interface IPublikOrgan extends IOrgan {
  /** File-name-safe short name: the organ's page, feed and calendar are named after it. */
  slug: string;
}

export interface IPublikSammantrade extends ISammantrade {
  organId: number;
}

/** A document the rules allow on the public site (arPublik), not yet checked for personnummer. */
export interface IPublikHandling {
  id: number;
  sammantradeId: number;
  punkt?: number;
  rubrik: string;
  filnamn: string;
  /** Server-relative URL in SharePoint, for the download. */
  filUrl: string;
  dokumenttyp: Dokumenttyp;
  /** ISO instant. */
  publiceradDatum?: string;
  andrad: string;
}

export interface IPublikProtokoll {
  id: number;
  sammantradeId: number;
  rubrik: string;
  filnamn: string;
  filUrl: string;
  justeratDatum?: IsoDate;
  tillkannagivet?: IsoDate;
  forvaringsplats: string;
  andrad: string;
}

export interface IPublikKorpus {
  organ: IPublikOrgan[];
  sammantraden: IPublikSammantrade[];
  dagordning: IArendepunkt[];
  handlingar: IPublikHandling[];
  protokoll: IPublikProtokoll[];
  /** Only what is on the anslagstavla today (arAktuellt). */
  anslag: IAnslag[];
}

/** A file as it is written to the site: its path under the output directory and its bytes. */
export interface IPubliceradFil {
  sokvag: string;
  storlek: number;
}

/** Why something was held back from the site; the build goes on without it. */
export type Vagransorsak = 'Personnummer' | 'KanInteGranskas' | 'KundeInteHamtas';

export interface IVagrad {
  typ: 'handling' | 'protokoll' | 'text';
  id: number;
  sammantradeId?: number;
  /** The file name or the field, with any personnummer masked. */
  namn: string;
  orsak: Vagransorsak;
  /** A short explanation without the personnummer itself. */
  detalj?: string;
}

/** The corpus after the guard: every document has its file on the site. */
export interface IPublikInnehall extends IPublikKorpus {
  filer: Map<string, IPubliceradFil>;
}
