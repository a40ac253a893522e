/**
 * People on the site, shared by every service that names someone: the signed-in person (their
 * Microsoft 365 name and address as SharePoint knows them) and a search among the site's users.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import { IPerson } from '../domain/personer';
import { tolkaDataFel } from './fel';

/** The fields to select for a person column (with `$expand` of the column). */
export const personUrval = (falt: string): string[] => [`${falt}/Id`, `${falt}/Title`, `${falt}/EMail`];

/** An expanded person column as SharePoint answers it; undefined when empty. */
export function tillPerson(v: unknown): IPerson | undefined {
  const p = v as { Id?: unknown; Title?: unknown; EMail?: unknown } | null | undefined;
  return p && typeof p.Id === 'number' ? { id: p.Id, namn: String(p.Title ?? ''), epost: String(p.EMail ?? '') } : undefined;
}

/** System accounts and apps that SharePoint lists among the site users but who are nobody to choose. */
function arSystemkonto(login: string, epost: string): boolean {
  return !epost || !/^i:0#\.f\|membership\|/i.test(login);
}

/** The signed-in person. */
export async function lasAktuellPerson(sp: SPFI): Promise<IPerson> {
  try {
    const u = await sp.web.currentUser.select('Id', 'Title', 'Email')<{ Id: number; Title: string; Email?: string }>();
    return { id: u.Id, namn: u.Title, epost: u.Email ?? '' };
  } catch (fel) {
    throw tolkaDataFel(fel);
  }
}

/**
 * Remembers the signed-in person per service instance; a failed read is forgotten so the next call
 * tries again.
 */
export class AktuellPerson {
  private jag: Promise<IPerson> | undefined;

  public constructor(private readonly sp: SPFI) {}

  public hamta(): Promise<IPerson> {
    const jag = this.jag ?? lasAktuellPerson(this.sp);
    this.jag = jag;
    return jag.catch((fel: unknown) => {
      this.jag = undefined;
      throw fel;
    });
  }
}

/** People (not groups or system accounts) whose name or address contains `sok`, by name. */
export async function sokPersoner(sp: SPFI, sok: string): Promise<IPerson[]> {
  const text = sok.trim().toLocaleLowerCase('sv');
  if (!text) return [];
  try {
    // Filtered here: siteusers' support for substringof varies between tenants, and a kommun's
    // site has hundreds of users, not the thousands where this would matter.
    const alla = await sp.web.siteUsers.select('Id', 'Title', 'Email', 'LoginName', 'PrincipalType')<Array<{
      Id: number; Title?: string; Email?: string; LoginName?: string; PrincipalType?: number;
    }>>();
    return alla
      .filter((u) => u.PrincipalType === 1 && !arSystemkonto(u.LoginName ?? '', u.Email ?? ''))
      .filter((u) => (u.Title ?? '').toLocaleLowerCase('sv').includes(text) || (u.Email ?? '').toLocaleLowerCase('sv').includes(text))
      .map((u) => ({ id: u.Id, namn: u.Title ?? '', epost: u.Email ?? '' }))
      .sort((a, b) => a.namn.localeCompare(b.namn, 'sv'));
  } catch (fel) {
    throw tolkaDataFel(fel);
  }
}
