/**
 * Item permissions that decide what the public group (GRUPPNAMN.allmanhet: the account that builds
 * the public site) can read. Handlingar and Protokoll grant the group Read at library level, so
 * an unpublished document carries its own permissions without the group, and publishing gives it
 * back the library's permissions. The rule is enforced by SharePoint, not only by our code.
 *
 * Only unpublished documents have unique permissions, so the number of unique scopes stays small
 * (SharePoint advises against many thousands per list).
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

  /** Takes the public group off the item, keeping everyone else's access as the library gives it. */
  public async stangForPublik(objekt: IItem): Promise<void> {
    await objekt.breakRoleInheritance(true, true);
    const grupp = await this.publikGrupp();
    const las = await this.rolldefinition(ROLLTYP['Läsa']);
    try {
      await objekt.roleAssignments.remove(grupp, las);
    } catch (fel) {
      // SharePoint answers 400 when the group had no assignment to remove: the item is closed already.
      if ((fel as { status?: number }).status !== 400) throw fel;
    }
  }

  /** Lets the item inherit the library's permissions again, which include Read for the public group. */
  public async oppnaForPublik(objekt: IItem): Promise<void> {
    await objekt.resetRoleInheritance();
  }

  /** Gives named people Contribute on one item (justerare writing their approval on a protokoll). */
  public async geBidra(objekt: IItem, anvandarIds: readonly number[]): Promise<void> {
    const bidra = await this.rolldefinition(ROLLTYP['Bidra']);
    for (const id of anvandarIds) {
      await objekt.roleAssignments.add(id, bidra);
    }
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
