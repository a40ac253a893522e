/** The in-memory state of one SharePoint site: lists, fields, views, items, files, groups, permissions. */
import { randomUUID } from 'crypto';
import { XMLParser } from 'fast-xml-parser';
import { IEmulatorAnvandare } from '../core';
import type { IKlientegenskap } from './klientegenskaper';
import { Behorighet, Roll } from '../../src/domain/roller';
import { GRUPPNAMN } from '../../src/schema/behorigheter';

export const ROLLDEFINITIONER = [
  { Id: 1073741826, Name: 'Läsa', RoleTypeKind: 2, niva: 'Läsa' as Behorighet },
  { Id: 1073741827, Name: 'Bidra', RoleTypeKind: 3, niva: 'Bidra' as Behorighet },
  { Id: 1073741829, Name: 'Fullständig behörighet', RoleTypeKind: 5, niva: 'Fullständig behörighet' as Behorighet }
];

export type FaltTyp = 'Counter' | 'Text' | 'Note' | 'DateTime' | 'Choice' | 'Lookup' | 'Boolean' | 'Number' | 'User' | 'UserMulti' | 'File' | 'Computed';

export const FALTTYPSKIND: Record<FaltTyp, number> = {
  Counter: 5, Text: 2, Note: 3, DateTime: 4, Choice: 6, Lookup: 7, Boolean: 8, Number: 9, User: 20, UserMulti: 20, File: 18, Computed: 12
};

export interface IFalt {
  Id: string;
  InternalName: string;
  Title: string;
  TypeAsString: FaltTyp;
  Required: boolean;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
  Hidden: boolean;
  ReadOnlyField: boolean;
  FromBaseType: boolean;
  Choices?: string[];
  DefaultValue: string | null;
  Description: string;
  /** Lookup: the id of the list looked up. */
  LookupList?: string;
  DisplayFormat?: 'DateOnly' | 'DateTime';
  ClientSideComponentId: string;
  /** A Note column in a library holds 255 characters unless this is set. */
  UnlimitedLengthInDocumentLibrary?: boolean;
  /**
   * Whether SharePoint's own forms show the column (the schema XML's ShowInNewForm, ShowInEditForm,
   * ShowInDisplayForm; TRUE unless it says otherwise). REST writes and reads it either way.
   */
  iFormular?: { ny: boolean; redigera: boolean; visa: boolean };
}

export interface IVersion {
  version: number;
  varden: Record<string, unknown>;
  andrad: string;
  andradAv: number;
}

export interface IObjekt {
  Id: number;
  GUID: string;
  version: number;
  varden: Record<string, unknown>;
  skapad: string;
  andrad: string;
  skapadAv: number;
  andradAv: number;
  versioner: IVersion[];
  fil?: { namn: string; innehall: Uint8Array; uniqueId: string };
  /** List item attachments (AttachmentFiles), in the order added; they go with the item when it is deleted. */
  bilagor?: IBilaga[];
  /** principalId → role definition ids; undefined while the item inherits from its list. */
  unika?: Map<number, number[]>;
  iPapperskorg?: boolean;
}

/** One attachment of a list item; SharePoint keeps it at <list>/Attachments/<item id>/<name>. */
export interface IBilaga {
  namn: string;
  innehall: Uint8Array;
  skapad: string;
}

export interface IVy {
  Id: string;
  Title: string;
  DefaultView: boolean;
  ViewQuery: string;
  RowLimit: number;
  falt: string[];
}

export interface IAnpassadAtgard {
  Id: string;
  Title: string;
  Location: string;
  ClientSideComponentId: string;
  ClientSideComponentProperties: string;
  RegistrationType: number;
  RegistrationId: string;
}

export interface ILista {
  Id: string;
  Title: string;
  Description: string;
  BaseTemplate: 100 | 101;
  /** Server-relative URL of the root folder. */
  url: string;
  EnableVersioning: boolean;
  MajorVersionLimit: number;
  falt: IFalt[];
  objekt: Map<number, IObjekt>;
  nastaId: number;
  vyer: IVy[];
  unika?: Map<number, number[]>;
  atgarder: IAnpassadAtgard[];
  skapad: string;
  /** SP.List ReadSecurity: 1 all items, 2 only one's own (for users below Full Control on the list). */
  ReadSecurity: 1 | 2;
  /** SP.List WriteSecurity: 1 all items, 2 only one's own, 4 none (for users below Full Control on the list). */
  WriteSecurity: 1 | 2 | 4;
}

export interface IGrupp {
  Id: number;
  Title: string;
  Description: string;
}

const UTFARDADE_DIGESTER = new Map<string, number>();
const guid = (): string => randomUUID();

/** How SharePoint turns a display name into an internal name when no hint is given. */
export function kodaInterntNamn(namn: string): string {
  return Array.from(namn).map((c) => (/[A-Za-z0-9_]/.test(c) ? c : `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`)).join('').slice(0, 32);
}

function basfalt(mall: 100 | 101): IFalt[] {
  const falt = (InternalName: string, Title: string, TypeAsString: FaltTyp, extra: Partial<IFalt> = {}): IFalt => ({
    Id: guid(), InternalName, Title, TypeAsString, Required: false, Indexed: false, EnforceUniqueValues: false, Hidden: false,
    ReadOnlyField: false, FromBaseType: true, DefaultValue: null, Description: '', ClientSideComponentId: '00000000-0000-0000-0000-000000000000', ...extra
  });
  const gemensamma = [
    falt('ID', 'ID', 'Counter', { ReadOnlyField: true, Indexed: true }),
    falt('Title', mall === 100 ? 'Rubrik' : 'Rubrik', 'Text', { Required: mall === 100 }),
    falt('Created', 'Skapad', 'DateTime', { ReadOnlyField: true, DisplayFormat: 'DateTime' }),
    falt('Modified', 'Ändrad', 'DateTime', { ReadOnlyField: true, DisplayFormat: 'DateTime', Indexed: true }),
    falt('Author', 'Skapad av', 'User', { ReadOnlyField: true }),
    falt('Editor', 'Ändrad av', 'User', { ReadOnlyField: true })
  ];
  return mall === 101
    ? [...gemensamma, falt('FileLeafRef', 'Namn', 'File', { Required: true }), falt('FileRef', 'Sökväg', 'Computed', { ReadOnlyField: true })]
    : gemensamma;
}

export class SpLager {
  public readonly webbId = guid();
  public readonly listor: ILista[] = [];
  public readonly grupper: IGrupp[] = [];
  /** principalId → role definition ids at the web, which lists inherit. */
  public readonly webbTilldelningar = new Map<number, number[]>();
  /** Form digests issued, shared by every emulated site in the process: PnPjs caches digests per web URL across clients. */
  public readonly digester = UTFARDADE_DIGESTER;
  /** The tenant's properties (storage entities), kept in the app catalog: the emulator is one tenant (./klientegenskaper.ts). */
  public readonly klientegenskaper = new Map<string, IKlientegenskap>();
  /** Users and groups share SharePoint's principal ids: groups are numbered apart from the users, so an assignment names one principal. */
  private nastaGruppId = 1000;
  /**
   * The server's clock: Created and Modified of what clients write. Tests set it to put the server
   * on a given day (a client's own clock never reaches these columns).
   */
  public klocka: () => Date = () => new Date();

  public constructor(public readonly webbplats: string, private readonly anvandare: () => readonly IEmulatorAnvandare[]) {}

  /** The server's time now, as SharePoint writes it. */
  public nu(): string {
    return this.klocka().toISOString();
  }

  public get sitePath(): string {
    return new URL(this.webbplats).pathname.replace(/\/$/, '');
  }

  // ---- lists -------------------------------------------------------------------------------

  public skapaLista(titel: string, beskrivning: string, mall: 100 | 101, installningar: Record<string, unknown> = {}): ILista {
    // SharePoint derives the URL from the title at creation; later title changes keep the URL.
    const segment = titel.replace(/[^A-Za-z0-9_-]/g, '');
    const url = mall === 101 ? `${this.sitePath}/${segment}` : `${this.sitePath}/Lists/${segment}`;
    if (this.listor.some((l) => l.Title.toLowerCase() === titel.toLowerCase() || l.url.toLowerCase() === url.toLowerCase())) {
      throw new Error(`A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`);
    }
    const lista: ILista = {
      Id: guid(), Title: titel, Description: beskrivning, BaseTemplate: mall, url,
      EnableVersioning: Boolean(installningar.EnableVersioning ?? mall === 101), MajorVersionLimit: 50,
      falt: basfalt(mall), objekt: new Map(), nastaId: 1, atgarder: [], skapad: this.nu(), ReadSecurity: 1, WriteSecurity: 1,
      vyer: [{
        Id: guid(), Title: mall === 101 ? 'Alla dokument' : 'Alla objekt', DefaultView: true, ViewQuery: '', RowLimit: 30,
        falt: mall === 101 ? ['DocIcon', 'LinkFilename', 'Modified', 'Editor'] : ['LinkTitle']
      }]
    };
    this.listor.push(lista);
    return lista;
  }

  public listaMedTitel(titel: string): ILista | undefined {
    return this.listor.find((l) => l.Title.toLowerCase() === titel.toLowerCase());
  }

  public listaMedUrl(url: string): ILista | undefined {
    const sokt = url.replace(/\/$/, '').toLowerCase();
    return this.listor.find((l) => l.url.toLowerCase() === sokt || sokt.startsWith(`${l.url.toLowerCase()}/`) && /\/forms\//i.test(sokt));
  }

  public listaMedId(id: string): ILista | undefined {
    return this.listor.find((l) => l.Id.toLowerCase() === id.toLowerCase());
  }

  /** The list a file path lies in, and the file's folder-relative name. */
  public listaForFil(sokvag: string): ILista | undefined {
    const lagre = sokvag.toLowerCase();
    return this.listor.filter((l) => l.BaseTemplate === 101).find((l) => lagre.startsWith(`${l.url.toLowerCase()}/`));
  }

  /**
   * A path into a list's attachment folder (`<list>/Attachments/<item id>/<name>`): the list, the
   * item id and the file name; undefined for any other path.
   */
  public bilagaForSokvag(sokvag: string): { lista: ILista; id: number; namn: string } | undefined {
    const lagre = sokvag.toLowerCase();
    const lista = this.listor.filter((l) => l.BaseTemplate === 100).find((l) => lagre.startsWith(`${l.url.toLowerCase()}/attachments/`));
    const m = lista ? /^\/attachments\/(\d+)\/([^/]+)$/i.exec(sokvag.slice(lista.url.length)) : null;
    return lista && m ? { lista, id: Number(m[1]), namn: m[2] } : undefined;
  }

  /** The server-relative URL of an item's attachment, as SharePoint answers it. */
  public bilagaUrl(l: ILista, o: IObjekt, namn: string): string {
    return `${l.url}/Attachments/${o.Id}/${namn}`;
  }

  // ---- items -------------------------------------------------------------------------------

  /** Creates an item with the fields' defaults; `tid` lets demo data carry past dates. */
  public skapaObjekt(l: ILista, varden: Record<string, unknown>, av: number, tid = this.nu()): IObjekt {
    const standard: Record<string, unknown> = {};
    for (const f of l.falt) {
      if (f.DefaultValue !== null && !(f.InternalName in varden)) {
        standard[f.InternalName] = f.TypeAsString === 'Boolean' ? f.DefaultValue === '1' : f.TypeAsString === 'Number' ? Number(f.DefaultValue) : f.DefaultValue;
      }
    }
    const o: IObjekt = {
      Id: l.nastaId++, GUID: guid(), version: 1, varden: { ...standard, ...varden },
      skapad: tid, andrad: tid, skapadAv: av, andradAv: av, versioner: []
    };
    l.objekt.set(o.Id, o);
    return o;
  }

  /** Applies a change as a new major version; versioning keeps up to MajorVersionLimit of them. */
  public sparaVersion(l: ILista, o: IObjekt, varden: Record<string, unknown>, av: number, tid = this.nu()): void {
    if (l.EnableVersioning) {
      o.versioner.push({ version: o.version, varden: { ...o.varden }, andrad: o.andrad, andradAv: o.andradAv });
      while (o.versioner.length > l.MajorVersionLimit - 1) o.versioner.shift();
    }
    o.varden = { ...o.varden, ...varden };
    o.version += 1;
    o.andrad = tid;
    o.andradAv = av;
  }

  // ---- fields ------------------------------------------------------------------------------

  public falt(lista: ILista, namnEllerTitel: string): IFalt | undefined {
    return lista.falt.find((f) => f.InternalName === namnEllerTitel) ?? lista.falt.find((f) => f.Title === namnEllerTitel);
  }

  /** SP.FieldCollection.createFieldAsXml; `alternativ` are SP.AddFieldOptions flags. */
  public skapaFaltFranXml(lista: ILista, xml: string, alternativ: number): IFalt {
    const tolkad = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (namn) => namn === 'CHOICE' }).parse(xml) as {
      Field?: Record<string, unknown> & { CHOICES?: { CHOICE?: unknown[] }; Default?: unknown };
    };
    const f = tolkad.Field;
    if (!f || typeof f.Type !== 'string') {
      throw new Error('The XML schema of the field is invalid.');
    }
    const visning = String(f.DisplayName ?? f.Name ?? '');
    // Without AddFieldInternalNameHint (8) SharePoint names the field after its display name.
    const intern = (alternativ & 8) === 8 && f.Name ? String(f.Name) : kodaInterntNamn(visning);
    if (lista.falt.some((x) => x.InternalName === intern)) {
      throw new Error(`A duplicate field name "${intern}" was found.`);
    }
    const typ = String(f.Type);
    const falttyp: FaltTyp = typ === 'UserMulti' || (typ === 'User' && String(f.Mult).toUpperCase() === 'TRUE') ? 'UserMulti' : typ as FaltTyp;
    if (!(falttyp in FALTTYPSKIND)) {
      throw new Error(`Field type ${typ} is not installed properly. Go to the list settings page to delete this field.`);
    }
    const sant = (v: unknown): boolean => String(v ?? '').toUpperCase() === 'TRUE';
    const nytt: IFalt = {
      Id: String(f.ID ?? guid()).replace(/[{}]/g, ''),
      InternalName: intern,
      Title: visning,
      TypeAsString: falttyp,
      Required: sant(f.Required),
      Indexed: sant(f.Indexed),
      EnforceUniqueValues: sant(f.EnforceUniqueValues),
      Hidden: false,
      ReadOnlyField: false,
      FromBaseType: false,
      Choices: falttyp === 'Choice' ? (f.CHOICES?.CHOICE ?? []).map(String) : undefined,
      DefaultValue: f.Default === undefined ? null : String(f.Default),
      Description: String(f.Description ?? ''),
      LookupList: f.List ? String(f.List).replace(/[{}]/g, '') : undefined,
      DisplayFormat: falttyp === 'DateTime' ? (f.Format === 'DateOnly' ? 'DateOnly' : 'DateTime') : undefined,
      UnlimitedLengthInDocumentLibrary: sant(f.UnlimitedLengthInDocumentLibrary),
      iFormular: { ny: f.ShowInNewForm === undefined || sant(f.ShowInNewForm), redigera: f.ShowInEditForm === undefined || sant(f.ShowInEditForm),
        visa: f.ShowInDisplayForm === undefined || sant(f.ShowInDisplayForm) },
      ClientSideComponentId: '00000000-0000-0000-0000-000000000000'
    };
    if (nytt.EnforceUniqueValues && !nytt.Indexed) {
      throw new Error('The field must be indexed to enforce unique values.');
    }
    lista.falt.push(nytt);
    return nytt;
  }

  // ---- groups and permissions --------------------------------------------------------------

  public skapaGrupp(titel: string, beskrivning = ''): IGrupp {
    if (this.grupper.some((g) => g.Title === titel)) {
      throw new Error(`The specified name is already in use.`);
    }
    while (this.anvandare().some((a) => a.id === this.nastaGruppId)) this.nastaGruppId++;
    const grupp = { Id: this.nastaGruppId++, Title: titel, Description: beskrivning };
    this.grupper.push(grupp);
    return grupp;
  }

  public gruppMedNamn(titel: string): IGrupp | undefined {
    return this.grupper.find((g) => g.Title === titel);
  }

  /** The id of the built-in role definition behind a permission level. */
  public rolldefinitionId(niva: Exclude<Behorighet, 'Ingen'>): number {
    return ROLLDEFINITIONER.find((r) => r.niva === niva)!.Id;
  }

  /**
   * SP breakRoleInheritance on an item: its own assignments, copied from what it inherited (the
   * list's, or the web's) when `kopiera`. An item that has its own already keeps them, as in SharePoint.
   */
  public brytObjektetsArv(l: ILista, o: IObjekt, kopiera = true): Map<number, number[]> {
    if (!o.unika) {
      const arvt = l.unika ?? this.webbTilldelningar;
      o.unika = kopiera ? new Map(Array.from(arvt, ([p, rds]) => [p, [...rds]])) : new Map();
    }
    return o.unika;
  }

  /** Adds or removes one role assignment; a principal without roles is no longer listed. */
  public andraTilldelning(tilldelningar: Map<number, number[]>, principal: number, rolldef: number, lagg: boolean): void {
    const nu = tilldelningar.get(principal) ?? [];
    const ny = lagg ? Array.from(new Set([...nu, rolldef])) : nu.filter((x) => x !== rolldef);
    if (ny.length > 0) tilldelningar.set(principal, ny);
    else tilldelningar.delete(principal);
  }

  /** The principals a user acts as: the user itself and the group of its role. */
  private principaler(a: IEmulatorAnvandare): number[] {
    const gruppnamn = GRUPPNAMN[a.roll as Roll];
    const grupp = this.grupper.find((g) => g.Title === gruppnamn);
    return grupp ? [a.id, grupp.Id] : [a.id];
  }

  private nivaI(tilldelningar: Map<number, number[]>, a: IEmulatorAnvandare): Behorighet {
    const ordning: Behorighet[] = ['Ingen', 'Läsa', 'Bidra', 'Fullständig behörighet'];
    let basta = 0;
    for (const p of this.principaler(a)) {
      for (const rd of tilldelningar.get(p) ?? []) {
        const def = ROLLDEFINITIONER.find((r) => r.Id === rd);
        if (def) basta = Math.max(basta, ordning.indexOf(def.niva));
      }
    }
    return ordning[basta];
  }

  /** The effective permission of a user at the web. Signed-in people read the site, as intranet sites do. */
  public webbNiva(a: IEmulatorAnvandare | undefined): Behorighet {
    if (!a) return 'Ingen';
    if (a.roll === 'admin') return 'Fullständig behörighet';
    const tilldelad = this.nivaI(this.webbTilldelningar, a);
    return tilldelad === 'Ingen' ? 'Läsa' : tilldelad;
  }

  public listNiva(lista: ILista, a: IEmulatorAnvandare | undefined): Behorighet {
    if (!a) return 'Ingen';
    if (a.roll === 'admin') return 'Fullständig behörighet';
    return lista.unika ? this.nivaI(lista.unika, a) : this.webbNiva(a);
  }

  public objektNiva(lista: ILista, objekt: IObjekt, a: IEmulatorAnvandare | undefined): Behorighet {
    if (!a) return 'Ingen';
    if (a.roll === 'admin') return 'Fullständig behörighet';
    return objekt.unika ? this.nivaI(objekt.unika, a) : this.listNiva(lista, a);
  }

  /**
   * Whether the user reaches the list at all: Read on the list, or Limited Access — SharePoint gives
   * that to whoever has been granted an item of it (a published document to the public group), so
   * they can open the list and read that item and nothing else.
   */
  public serLista(lista: ILista, a: IEmulatorAnvandare | undefined): boolean {
    if (!a) return false;
    if (this.listNiva(lista, a) !== 'Ingen') return true;
    for (const o of lista.objekt.values()) {
      if (o.unika && !o.iPapperskorg && this.nivaI(o.unika, a) !== 'Ingen') return true;
    }
    return false;
  }

  /**
   * Item-level security (the list's ReadSecurity): whether the user may see an item at all. Users
   * with Full Control on the list (ManageLists, "override list behaviours") see every item.
   */
  public serObjekt(lista: ILista, objekt: IObjekt, a: IEmulatorAnvandare | undefined): boolean {
    if (lista.ReadSecurity !== 2) return true;
    return !!a && (objekt.skapadAv === a.id || this.listNiva(lista, a) === 'Fullständig behörighet');
  }

  /**
   * Item-level security (the list's WriteSecurity): whether the user may create (no item given) or
   * change, delete or recycle an item. Full Control on the list is not limited.
   */
  public farSkrivaObjekt(lista: ILista, objekt: IObjekt | undefined, a: IEmulatorAnvandare | undefined): boolean {
    if (lista.WriteSecurity === 1) return true;
    if (!a) return false;
    if (this.listNiva(lista, a) === 'Fullständig behörighet') return true;
    if (lista.WriteSecurity === 4) return false;
    return !objekt || objekt.skapadAv === a.id;
  }

  public anvandareMedId(id: number): IEmulatorAnvandare | undefined {
    return this.anvandare().find((a) => a.id === id);
  }

  public allaAnvandare(): readonly IEmulatorAnvandare[] {
    return this.anvandare();
  }
}
