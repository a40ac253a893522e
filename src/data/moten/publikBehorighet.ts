/**
 * Item permissions that decide what the public group (GRUPPNAMN.allmanhet: the account that builds
 * the public site) can read. Handlingar and Protokoll fail closed: the group has nothing at library
 * level, so a document added any way at all inherits and is not public. Publishing gives that one
 * document its own permissions (a copy of the library's) plus Read for the group; unpublishing lets
 * it inherit again. The rule is enforced by SharePoint, not only by our code.
 *
 * Only published documents have unique permissions. SharePoint advises against many thousands of
 * unique scopes per list (the hard limit is 50,000), which a kommun reaches only after decades of
 * published handlingar; docs/publik.md says what to do then.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import { IItem } from '@pnp/sp/items';
import { GRUPPNAMN, ROLLTYP } from '../../schema/behorigheter';

export class PublikBehorighet {
  private gruppId: Promise<number> | undefined;
  private readonly rolldef = new Map<number, Promise<number>>();

  public constructor(private readonly sp: SPFI) {}

  /**
   * Opens the item to the public group: its own permissions, copied from the library so everyone
   * else keeps theirs, plus Read for the group. Doing it twice changes nothing.
   */
  public async oppnaForPublik(objekt: IItem): Promise<void> {
    const [grupp, las] = await Promise.all([this.publikGrupp(), this.rolldefinition(ROLLTYP['Läsa'])]);
    await objekt.breakRoleInheritance(true, false);
    await objekt.roleAssignments.add(grupp, las);
  }

  /** Closes the item to the public group: it inherits the library's permissions again, which give the group nothing. */
  public async stangForPublik(objekt: IItem): Promise<void> {
    await objekt.resetRoleInheritance();
  }

  private publikGrupp(): Promise<number> {
    this.gruppId ??= this.sp.web.siteGroups.getByName(GRUPPNAMN.allmanhet).select('Id')<{ Id: number }>().then((g) => g.Id);
    this.gruppId.catch(() => { this.gruppId = undefined; });
    return this.gruppId;
  }

  private rolldefinition(typ: number): Promise<number> {
    let id = this.rolldef.get(typ);
    if (!id) {
      id = this.sp.web.roleDefinitions.getByType(typ as never).select('Id')<{ Id: number }>().then((r) => r.Id);
      id.catch(() => this.rolldef.delete(typ));
      this.rolldef.set(typ, id);
    }
    return id;
  }
}
