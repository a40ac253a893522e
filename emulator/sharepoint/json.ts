/** How SharePoint REST shapes lists, fields, items and users in minimal-metadata JSON. */
import { IEmulatorAnvandare } from '../core';
import { FALTTYPSKIND, IBilaga, IFalt, ILista, IObjekt, IVy, SpLager } from './lager';

const ODATA_TYP: Record<string, string> = {
  Text: 'SP.FieldText', Note: 'SP.FieldMultiLineText', DateTime: 'SP.FieldDateTime', Choice: 'SP.FieldChoice',
  Lookup: 'SP.FieldLookup', Boolean: 'SP.Field', Number: 'SP.FieldNumber', User: 'SP.FieldUser', UserMulti: 'SP.FieldUser',
  Counter: 'SP.Field', File: 'SP.Field', Computed: 'SP.FieldComputed'
};

export function entitetsnamn(lista: ILista): string {
  const bas = lista.url.split('/').pop() ?? lista.Title;
  return lista.BaseTemplate === 101 ? `SP.Data.${bas}Item` : `SP.Data.${bas}ListItem`;
}

export function listJson(lager: SpLager, lista: ILista): Record<string, unknown> {
  return {
    'odata.type': 'SP.List',
    'odata.id': `${lager.webbplats}/_api/Web/Lists(guid'${lista.Id}')`,
    'odata.editLink': `Web/Lists(guid'${lista.Id}')`,
    Id: lista.Id,
    Title: lista.Title,
    Description: lista.Description,
    BaseTemplate: lista.BaseTemplate,
    BaseType: lista.BaseTemplate === 101 ? 1 : 0,
    EnableVersioning: lista.EnableVersioning,
    MajorVersionLimit: lista.MajorVersionLimit,
    ItemCount: Array.from(lista.objekt.values()).filter((o) => !o.iPapperskorg).length,
    HasUniqueRoleAssignments: lista.unika !== undefined,
    ReadSecurity: lista.ReadSecurity,
    WriteSecurity: lista.WriteSecurity,
    ListItemEntityTypeFullName: entitetsnamn(lista),
    Created: lista.skapad,
    Hidden: false,
    RootFolder: { ServerRelativeUrl: lista.url, Name: lista.url.split('/').pop() },
    ParentWebUrl: lager.sitePath
  };
}

export function faltJson(lager: SpLager, lista: ILista, f: IFalt): Record<string, unknown> {
  return {
    'odata.type': ODATA_TYP[f.TypeAsString] ?? 'SP.Field',
    'odata.id': `${lager.webbplats}/_api/Web/Lists(guid'${lista.Id}')/Fields(guid'${f.Id}')`,
    Id: f.Id,
    InternalName: f.InternalName,
    StaticName: f.InternalName,
    EntityPropertyName: f.InternalName,
    Title: f.Title,
    TypeAsString: f.TypeAsString,
    FieldTypeKind: FALTTYPSKIND[f.TypeAsString],
    Required: f.Required,
    Indexed: f.Indexed,
    EnforceUniqueValues: f.EnforceUniqueValues,
    Hidden: f.Hidden,
    ReadOnlyField: f.ReadOnlyField,
    FromBaseType: f.FromBaseType,
    CanBeDeleted: !f.FromBaseType,
    DefaultValue: f.DefaultValue,
    Description: f.Description,
    ClientSideComponentId: f.ClientSideComponentId,
    ...(f.Choices ? { Choices: f.Choices } : {}),
    ...(f.TypeAsString === 'Lookup' ? { LookupList: `{${f.LookupList}}`, LookupField: 'Title', AllowMultipleValues: false } : {}),
    ...(f.TypeAsString === 'User' || f.TypeAsString === 'UserMulti' ? { AllowMultipleValues: f.TypeAsString === 'UserMulti', SelectionMode: 0 } : {}),
    ...(f.TypeAsString === 'DateTime' ? { DisplayFormat: f.DisplayFormat === 'DateOnly' ? 0 : 1 } : {})
  };
}

export function vyJson(lager: SpLager, lista: ILista, v: IVy): Record<string, unknown> {
  return {
    'odata.type': 'SP.View',
    'odata.id': `${lager.webbplats}/_api/Web/Lists(guid'${lista.Id}')/Views(guid'${v.Id}')`,
    Id: v.Id,
    Title: v.Title,
    DefaultView: v.DefaultView,
    ViewQuery: v.ViewQuery,
    RowLimit: v.RowLimit,
    PersonalView: false,
    ServerRelativeUrl: `${lista.url}/${lista.BaseTemplate === 101 ? 'Forms/' : ''}${v.Title.replace(/\s/g, '')}.aspx`
  };
}

export function anvandarJson(lager: SpLager, a: IEmulatorAnvandare): Record<string, unknown> {
  return {
    'odata.type': 'SP.User',
    'odata.id': `${lager.webbplats}/_api/Web/GetUserById(${a.id})`,
    Id: a.id,
    Title: a.title,
    Email: a.email,
    LoginName: a.loginName,
    UserPrincipalName: a.email,
    IsSiteAdmin: a.roll === 'admin',
    PrincipalType: 1
  };
}

/** An expanded person or lookup value, with the properties asked for in $select. */
function expanderat(lager: SpLager, f: IFalt, id: number, valda: string[] | undefined): Record<string, unknown> | null {
  if (f.TypeAsString === 'Lookup') {
    const mal = f.LookupList ? lager.listaMedId(f.LookupList) : undefined;
    const objekt = mal?.objekt.get(id);
    if (!objekt) return null;
    const alla: Record<string, unknown> = { Id: objekt.Id, ID: objekt.Id, Title: objekt.varden.Title ?? null };
    return { 'odata.type': mal ? entitetsnamn(mal) : 'SP.Data.ListItem', 'odata.id': objekt.GUID, ...urval(alla, valda) };
  }
  const a = lager.anvandareMedId(id);
  if (!a) return null;
  const alla: Record<string, unknown> = { Id: a.id, ID: a.id, Title: a.title, EMail: a.email, Name: a.loginName, JobTitle: a.jobTitle ?? null };
  return { 'odata.type': 'SP.Data.UserInfoItem', 'odata.id': `${lager.webbplats}/_api/Web/SiteUserInfoList/Items(${a.id})`, ...urval(alla, valda) };
}

function urval(alla: Record<string, unknown>, valda: string[] | undefined): Record<string, unknown> {
  if (!valda || valda.length === 0 || valda.includes('*')) return alla;
  return Object.fromEntries(valda.filter((v) => v in alla).map((v) => [v, alla[v]]));
}

export function etag(objekt: IObjekt): string {
  return `"${objekt.version}"`;
}

/** The JSON of one item; `select` and `expand` as parsed from the query. */
export function objektJson(lager: SpLager, lista: ILista, objekt: IObjekt, select: string[], expand: string[]): Record<string, unknown> {
  const rad: Record<string, unknown> = {
    'odata.type': entitetsnamn(lista),
    'odata.id': `${lager.webbplats}/_api/Web/Lists(guid'${lista.Id}')/Items(${objekt.Id})`,
    'odata.etag': etag(objekt),
    'odata.editLink': `Web/Lists(guid'${lista.Id}')/Items(${objekt.Id})`
  };
  const alla: Record<string, unknown> = {
    FileSystemObjectType: 0,
    Id: objekt.Id,
    ID: objekt.Id,
    GUID: objekt.GUID,
    Created: objekt.skapad,
    Modified: objekt.andrad,
    AuthorId: objekt.skapadAv,
    EditorId: objekt.andradAv,
    OData__UIVersionString: `${objekt.version}.0`,
    Attachments: (objekt.bilagor?.length ?? 0) > 0
  };
  // SharePoint returns this only when it is asked for by name.
  if (select.includes('HasUniqueRoleAssignments')) alla.HasUniqueRoleAssignments = objekt.unika !== undefined;
  if (objekt.fil) {
    alla.FileLeafRef = objekt.fil.namn;
    alla.FileRef = `${lista.url}/${objekt.fil.namn}`;
  }
  for (const f of lista.falt) {
    if (f.FromBaseType && f.InternalName !== 'Title') continue;
    const v = objekt.varden[f.InternalName];
    if (f.TypeAsString === 'User' || f.TypeAsString === 'Lookup') {
      alla[`${f.InternalName}Id`] = typeof v === 'number' ? v : null;
      if (f.TypeAsString === 'User') alla[`${f.InternalName}StringId`] = typeof v === 'number' ? String(v) : null;
    } else if (f.TypeAsString === 'UserMulti') {
      alla[`${f.InternalName}Id`] = Array.isArray(v) ? v : [];
      alla[`${f.InternalName}StringId`] = Array.isArray(v) ? v.map(String) : [];
    } else {
      alla[f.InternalName] = v ?? null;
    }
  }
  const expanderade = new Set(expand.map((e) => e.toLowerCase()));
  // AttachmentFiles is a navigation property: only with $expand, as an array of SP.Attachment.
  if (expanderade.has('attachmentfiles')) alla.AttachmentFiles = (objekt.bilagor ?? []).map((b) => bilagaJson(lager, lista, objekt, b));
  const valtFor = (namn: string): string[] =>
    select.filter((s) => s.toLowerCase().startsWith(`${namn.toLowerCase()}/`)).map((s) => s.slice(namn.length + 1));
  const lagg = (namn: string): void => {
    const f = lager.falt(lista, namn);
    if (!f) return;
    if (expanderade.has(f.InternalName.toLowerCase()) && ['User', 'UserMulti', 'Lookup'].includes(f.TypeAsString)) {
      const v = f.InternalName === 'Author' ? objekt.skapadAv : f.InternalName === 'Editor' ? objekt.andradAv : objekt.varden[f.InternalName];
      rad[f.InternalName] = f.TypeAsString === 'UserMulti'
        ? (Array.isArray(v) ? v : []).map((id: number) => expanderat(lager, f, id, valtFor(f.InternalName)))
        : typeof v === 'number' ? expanderat(lager, f, v, valtFor(f.InternalName)) : null;
    }
  };
  if (select.length === 0 || select.includes('*')) {
    Object.assign(rad, alla);
    for (const e of expand) lagg(e);
    return rad;
  }
  for (const s of select) {
    const [huvud] = s.split('/');
    if (s.includes('/')) {
      if (huvud === 'AttachmentFiles' && huvud in alla) rad[huvud] = alla[huvud];
      else lagg(huvud);
    } else if (huvud in alla) {
      rad[huvud] = alla[huvud];
    } else if (`${huvud}Id` in alla && !expanderade.has(huvud.toLowerCase())) {
      // Selecting a person or lookup without $expand is a SharePoint error; handled by the caller.
      rad[`${huvud}Id`] = alla[`${huvud}Id`];
    }
  }
  return rad;
}

/** An SP.Attachment of a list item. */
export function bilagaJson(lager: SpLager, lista: ILista, objekt: IObjekt, b: IBilaga): Record<string, unknown> {
  const url = lager.bilagaUrl(lista, objekt, b.namn);
  const adress = `Web/Lists(guid'${lista.Id}')/Items(${objekt.Id})/AttachmentFiles('${b.namn.replace(/'/g, "''")}')`;
  return {
    'odata.type': 'SP.Attachment',
    'odata.id': `${lager.webbplats}/_api/${adress}`,
    'odata.editLink': adress,
    FileName: b.namn,
    FileNameAsPath: { DecodedUrl: b.namn },
    ServerRelativePath: { DecodedUrl: url },
    ServerRelativeUrl: url
  };
}
