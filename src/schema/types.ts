import { Behorighet, Roll } from '../domain/roller';

/**
 * The shape of a list definition. Provisioning, the data layer and the emulator read the
 * definitions in this folder; nothing else spells a field's internal name.
 */

export type FieldKind = 'Text' | 'Note' | 'Choice' | 'DateOnly' | 'DateTime' | 'User' | 'UserMulti' | 'Lookup' | 'Boolean' | 'Number';

export interface IFieldDef {
  /** ASCII: SharePoint encodes å, ä and ö in internal names as _x00e5_ and the like. */
  readonly internalName: string;
  /** Swedish, shown in SharePoint's own forms and views. */
  readonly displayName: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly choices?: readonly string[];
  readonly defaultValue?: string;
  /** Indexed columns keep filters under the 5,000-item list view threshold. */
  readonly indexed?: boolean;
  readonly unique?: boolean;
  readonly description?: string;
  /** For Lookup: the key of the list looked up. */
  readonly lookupList?: string;
  /** An SPFx field customizer that renders this column in list views. */
  readonly clientSideComponentId?: string;
  /** Not shown in SharePoint's new, edit and display forms: set by the product, meaningless to a reader. */
  readonly hiddenInForms?: boolean;
}

export interface IViewDef {
  readonly title: string;
  readonly fields: readonly string[];
  readonly default?: boolean;
}

export interface IListDef {
  /** Stable key used in code. */
  readonly key: string;
  readonly title: string;
  /** Site-relative URL segment, ASCII. */
  readonly url: string;
  readonly template: 'GenericList' | 'DocumentLibrary';
  readonly description: string;
  readonly versioning: boolean;
  readonly fields: readonly IFieldDef[];
  readonly views: readonly IViewDef[];
  /** What each role may do; the list breaks inheritance and grants exactly this. */
  readonly behorigheter: Readonly<Record<Roll, Behorighet>>;
  /** A list view command set registered on this list. */
  readonly commandSetId?: string;
  /**
   * Item-level security of a list (SharePoint's ReadSecurity/WriteSecurity): 'egna' lets people
   * without Full Control read or change only the items they created; the server sets the author,
   * so an item's Author and Created are facts nobody without Full Control can forge.
   */
  readonly radsakerhet?: { readonly lasa: 'alla' | 'egna'; readonly skriva: 'alla' | 'egna' };
}

/** Picks a field by internal name at compile time, so a renamed field breaks the build. */
export function falt<T extends IListDef>(list: T, internalName: T['fields'][number]['internalName']): IFieldDef {
  const found = list.fields.find((f) => f.internalName === internalName);
  if (!found) {
    throw new Error(`Fältet ${internalName} finns inte i listan ${list.title}.`);
  }
  return found;
}
