/** The CAML field definition SharePoint's createFieldAsXml takes, built from one schema field. */
import { IFieldDef } from '../src/schema';

const attr = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = attr;
const sant = (v: boolean | undefined): string => (v ? 'TRUE' : 'FALSE');

/**
 * `lookupListId` resolves a Lookup field's list key to the list's id on the site. In a document
 * library a Note column holds 255 characters unless it says otherwise, so there it says otherwise.
 */
export function faltXml(f: IFieldDef, lookupListId?: string, iBibliotek = false): string {
  const gemensamt = `Name="${attr(f.internalName)}" StaticName="${attr(f.internalName)}" DisplayName="${attr(f.displayName)}"`
    + ` Required="${sant(f.required)}" Indexed="${sant(f.indexed || f.unique)}" EnforceUniqueValues="${sant(f.unique)}"`
    + (f.description ? ` Description="${attr(f.description)}"` : '')
    + (f.hiddenInForms ? ' ShowInNewForm="FALSE" ShowInEditForm="FALSE" ShowInDisplayForm="FALSE"' : '');
  const standard = f.defaultValue !== undefined ? `<Default>${text(f.defaultValue)}</Default>` : '';
  switch (f.kind) {
    case 'Choice':
      return `<Field Type="Choice" ${gemensamt} Format="Dropdown">${standard}<CHOICES>${(f.choices ?? []).map((c) => `<CHOICE>${text(c)}</CHOICE>`).join('')}</CHOICES></Field>`;
    case 'DateOnly':
      return `<Field Type="DateTime" ${gemensamt} Format="DateOnly" />`;
    case 'DateTime':
      return `<Field Type="DateTime" ${gemensamt} Format="DateTime" />`;
    case 'User':
      return `<Field Type="User" ${gemensamt} UserSelectionMode="PeopleOnly" />`;
    case 'UserMulti':
      return `<Field Type="UserMulti" ${gemensamt} Mult="TRUE" UserSelectionMode="PeopleOnly" />`;
    case 'Lookup':
      if (!lookupListId) throw new Error(`Uppslagsfältet ${f.internalName} behöver listan ${f.lookupList}.`);
      return `<Field Type="Lookup" ${gemensamt} List="{${lookupListId}}" ShowField="Title" />`;
    case 'Note':
      // Plain text: no HTML is stored, so none can be injected into what the parts render.
      return `<Field Type="Note" ${gemensamt} NumLines="6" RichText="FALSE"${iBibliotek ? ' UnlimitedLengthInDocumentLibrary="TRUE"' : ''} />`;
    case 'Boolean':
      return `<Field Type="Boolean" ${gemensamt}>${standard}</Field>`;
    case 'Number':
      return `<Field Type="Number" ${gemensamt} />`;
    default:
      return `<Field Type="Text" ${gemensamt} MaxLength="255">${standard}</Field>`;
  }
}

/** The SharePoint type name a schema kind becomes (TypeAsString). */
export function spTyp(f: IFieldDef): string {
  return f.kind === 'DateOnly' ? 'DateTime' : f.kind;
}
