/**
 * Settings for the whole tenant: SharePoint's tenant properties (storage entities), kept in the
 * tenant app catalog by a SharePoint administrator and readable from any site's web. A part that
 * runs where nobody can set web part properties (a personal app in Teams, Outlook or the Microsoft
 * 365 app) reads them here.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import type { IStorageEntity } from '@pnp/sp/webs';
import { IKlientinstallning } from '../../domain/registrator';
import { DataFel, tolkaDataFel } from '../fel';
import { REGISTRATOR_NYCKEL } from './nycklar';

export { REGISTRATOR_NYCKEL };

export interface IKlientinstallningTjanst {
  /**
   * The tenant property's value, trimmed; undefined when it is not set (or set empty). Rejects with
   * a DataFel when it cannot be read.
   */
  hamtaInstallning(nyckel: string): Promise<string | undefined>;
}

/** What a part gets from the read: the value, or the failure in place of it. */
export interface IKlientinstallningSvar extends IKlientinstallning {
  fel?: DataFel;
}

export class KlientinstallningTjanst implements IKlientinstallningTjanst {
  /** `sp` is any site's root: SharePoint resolves the key in the app catalogs, so the part's own site does. */
  public constructor(private readonly sp: SPFI) {}

  public async hamtaInstallning(nyckel: string): Promise<string | undefined> {
    let svar: Partial<IStorageEntity> & { 'odata.null'?: boolean };
    try {
      svar = await this.sp.web.getStorageEntity(nyckel);
    } catch (fel) {
      throw tolkaDataFel(fel);
    }
    // A key never set answers `{"odata.null": true}`; one cleared has an empty or null Value.
    if (!svar || svar['odata.null'] === true) return undefined;
    return typeof svar.Value === 'string' && svar.Value.trim() !== '' ? svar.Value.trim() : undefined;
  }
}

/** One tenant setting. Never rejects: a failed read comes back as `fel`, for the part to decide what it means. */
export async function lasKlientinstallning(tjanst: IKlientinstallningTjanst, nyckel: string): Promise<IKlientinstallningSvar> {
  try {
    return { varde: await tjanst.hamtaInstallning(nyckel) };
  } catch (fel) {
    return { fel: tolkaDataFel(fel) };
  }
}

/**
 * The registrator's address from the tenant setting. Never rejects: a failed read comes back as
 * `fel`, so the part still opens and only Diarieför waits, with the reason shown.
 */
export function lasRegistratorinstallning(tjanst: IKlientinstallningTjanst): Promise<IKlientinstallningSvar> {
  return lasKlientinstallning(tjanst, REGISTRATOR_NYCKEL);
}
