/**
 * Applies the schema in src/schema to a SharePoint site, idempotently: it reads what is there,
 * plans the difference and (unless dry run) applies it. A second run plans nothing. The same
 * code provisions a real site (CLI, `npm run provision`) and the emulator (workbench, tests).
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/security/list';
import '@pnp/sp/user-custom-actions';
import '@pnp/sp/appcatalog';
import { PORTAL_NYCKEL, REGISTRATOR_NYCKEL } from '../src/data/installningar/nycklar';
import { arEpostadress } from '../src/domain/epost';
import { ALLA_LISTOR, IFieldDef, IListDef } from '../src/schema';
import { GRUPPNAMN, ROLLTYP } from '../src/schema/behorigheter';
import { Roll } from '../src/domain/roller';
import { faltXml, spTyp } from './faltXml';

export interface IAndring {
  /** What changes, in Swedish, e.g. "+ lista Uppdrag" or "~ Uppdrag.UppdragStatus: Indexed false → true". */
  text: string;
  utfor: () => Promise<void>;
}

export interface IProvisioneringsResultat {
  andringar: string[];
  varningar: string[];
}

interface IListInfo {
  Id: string;
  Title: string;
  Description: string;
  EnableVersioning: boolean;
  HasUniqueRoleAssignments: boolean;
  ReadSecurity?: number;
  WriteSecurity?: number;
  RootFolder: { ServerRelativeUrl: string };
}

/** SharePoint's ReadSecurity/WriteSecurity values for the schema's item-level security. */
const RADSAKERHET = { alla: 1, egna: 2 } as const;

interface IFaltInfo {
  InternalName: string;
  Title: string;
  TypeAsString: string;
  Required: boolean;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
  DefaultValue: string | null;
  Description: string;
  Choices?: string[];
  ClientSideComponentId?: string;
  DisplayFormat?: number;
}

const TOM_KOMPONENT = '00000000-0000-0000-0000-000000000000';
const lika = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export interface IProvisioneringsAlternativ {
  torrkorning?: boolean;
  listor?: readonly IListDef[];
  /**
   * The registrator's address for E-postrutinen's Diarieför, set as the tenant property
   * REGISTRATOR_NYCKEL in the tenant app catalog (needs an app catalog administrator): what every
   * instance without its own web part property uses, the Teams and Outlook personal apps included.
   */
  registratorAdress?: string;
  /**
   * The tenant property PORTAL_NYCKEL, the address the personal apps in Teams, Outlook and the
   * Microsoft 365 app find the portal's lists by (they run on the tenant's root site):
   * - 'om-ledig' (the default): set to this site when it is not set; when it already names another
   *   site it is left as is, with a warning (a second portal, a test site, must not move the
   *   personal apps away from the one in use); without the app catalog right, a warning too;
   * - 'flytta': set to this site also when it names another; without the right, an error;
   * - 'nej': left alone, not even read.
   */
  portal?: 'om-ledig' | 'flytta' | 'nej';
}

export async function provisionera(sp: SPFI, alternativ: IProvisioneringsAlternativ = {}): Promise<IProvisioneringsResultat> {
  const listor = alternativ.listor ?? ALLA_LISTOR;
  const torr = alternativ.torrkorning === true;
  const registrator = alternativ.registratorAdress?.trim();
  // Refused before anything is changed: a mistyped address would send every diarieförd mail astray.
  if (registrator !== undefined && !arEpostadress(registrator)) {
    throw new Error(`Registratorns adress "${registrator}" är inte en e-postadress.`);
  }
  const portal = alternativ.portal ?? 'om-ledig';
  const resultat: IProvisioneringsResultat = { andringar: [], varningar: [] };
  // The same request as before: SharePoint's own spelling of the site's URL is what the tenant property gets, so a re-run compares equal.
  const webb = await sp.web.select('ServerRelativeUrl', 'Url')<{ ServerRelativeUrl: string; Url: string }>();
  const bas = webb.ServerRelativeUrl.replace(/\/$/, '');
  const listId = new Map<string, string>();

  const utfor = async (text: string, gor: () => Promise<unknown>): Promise<void> => {
    resultat.andringar.push(text);
    if (!torr) await gor();
  };

  // Groups first: list permissions are granted to them.
  const befintligaGrupper = await sp.web.siteGroups.select('Id', 'Title')<Array<{ Id: number; Title: string }>>();
  const gruppId = new Map<string, number>(befintligaGrupper.map((g) => [g.Title, g.Id]));
  for (const namn of Object.values(GRUPPNAMN)) {
    if (!gruppId.has(namn)) {
      await utfor(`+ grupp ${namn}`, async () => {
        const ny = await sp.web.siteGroups.add({ Title: namn, Description: 'Skapad av Ärendeportalens provisionering.' });
        gruppId.set(namn, (ny as unknown as { Id: number }).Id);
      });
      // Its only member is to be the public-site builder's account; SharePoint cannot hold that line, so the admin is told.
      if (namn === GRUPPNAMN.allmanhet) {
        resultat.varningar.push(`! Lägg bara till kontot som bygger den publika webbplatsen (npm run public-site) i gruppen ${namn}.`);
      }
    }
  }
  const rolldef = new Map<number, number>();
  const rolldefId = async (typ: number): Promise<number> => {
    if (!rolldef.has(typ)) {
      rolldef.set(typ, (await sp.web.roleDefinitions.getByType(typ as never)<{ Id: number }>()).Id);
    }
    return rolldef.get(typ)!;
  };

  const befintligaListor = await sp.web.lists.select('Id', 'Title', 'Description', 'EnableVersioning', 'HasUniqueRoleAssignments', 'ReadSecurity', 'WriteSecurity',
    'RootFolder/ServerRelativeUrl')
    .expand('RootFolder')<IListInfo[]>();

  for (const def of listor) {
    const url = `${bas}/${def.url}`;
    const finns = befintligaListor.find((l) => l.RootFolder.ServerRelativeUrl.toLowerCase() === url.toLowerCase());
    if (finns) listId.set(def.key, finns.Id);
    const lista = () => sp.web.getList(url);

    if (!finns) {
      await utfor(`+ ${def.template === 'DocumentLibrary' ? 'bibliotek' : 'lista'} ${def.title} (${def.url})`, async () => {
        // Created under its ASCII URL name, then given its Swedish title: SharePoint derives the URL from the first title.
        const segment = def.url.split('/').pop()!;
        const skapad = await sp.web.lists.add(segment, def.description, def.template === 'DocumentLibrary' ? 101 : 100, false, { EnableVersioning: def.versioning });
        listId.set(def.key, (skapad as unknown as { Id: string }).Id);
        await lista().update({ Title: def.title, Description: def.description, EnableVersioning: def.versioning });
      });
    } else if (finns.Title !== def.title || finns.Description !== def.description || finns.EnableVersioning !== def.versioning) {
      await utfor(`~ ${def.title}: titel, beskrivning eller versionshantering`, () =>
        lista().update({ Title: def.title, Description: def.description, EnableVersioning: def.versioning }));
    }

    // Item-level security: who may read and change others' items (approvals in Justeringar: only one's own).
    if (def.radsakerhet) {
      const onskad = { ReadSecurity: RADSAKERHET[def.radsakerhet.lasa], WriteSecurity: RADSAKERHET[def.radsakerhet.skriva] };
      if (finns?.ReadSecurity !== onskad.ReadSecurity || finns?.WriteSecurity !== onskad.WriteSecurity) {
        await utfor(`~ ${def.title}: läsa ${def.radsakerhet.lasa} objekt, ändra ${def.radsakerhet.skriva} objekt`, () => lista().update(onskad));
      }
    }

    // Fields.
    const befintligaFalt: IFaltInfo[] = finns
      ? await lista().fields.select('InternalName', 'Title', 'TypeAsString', 'Required', 'Indexed', 'EnforceUniqueValues', 'DefaultValue', 'Description', 'Choices', 'ClientSideComponentId')<IFaltInfo[]>()
      : [];
    for (const f of def.fields) {
      const nu = befintligaFalt.find((x) => x.InternalName === f.internalName);
      if (!nu && f.internalName !== 'Title') {
        await utfor(`+ fält ${def.title}.${f.internalName} (${f.displayName})`, async () => {
          const lookupId = f.lookupList ? listId.get(f.lookupList) : undefined;
          await lista().fields.createFieldAsXml({ SchemaXml: faltXml(f, lookupId, def.template === 'DocumentLibrary'), Options: 8 } as never);
          await anpassaFalt(lista, f, undefined, utforDirekt);
        });
        continue;
      }
      if (nu && nu.TypeAsString !== spTyp(f) && !(f.kind === 'UserMulti' && nu.TypeAsString === 'UserMulti')) {
        resultat.varningar.push(`! ${def.title}.${f.internalName} är ${nu.TypeAsString} men schemat säger ${spTyp(f)}; ändra typen för hand.`);
        continue;
      }
      await anpassaFalt(lista, f, nu, utfor, def.title);
    }

    // The default view shows the schema's columns.
    const vyDef = def.views.find((v) => v.default);
    if (vyDef) {
      const vyer = finns ? await lista().views.select('Id', 'Title', 'DefaultView')<Array<{ Id: string; Title: string; DefaultView: boolean }>>() : [];
      const standardVy = vyer.find((v) => v.DefaultView);
      const faltNu = standardVy ? ((await lista().views.getById(standardVy.Id).fields()) as unknown as { Items: string[] }).Items : [];
      if (!standardVy || standardVy.Title !== vyDef.title || !lika(faltNu, vyDef.fields)) {
        await utfor(`~ vy ${def.title}: "${vyDef.title}" med ${vyDef.fields.join(', ')}`, async () => {
          const alla = await lista().views.select('Id', 'DefaultView')<Array<{ Id: string; DefaultView: boolean }>>();
          const vy = lista().views.getById(alla.find((v) => v.DefaultView)!.Id);
          await vy.update({ Title: vyDef.title });
          await vy.fields.removeAll();
          for (const falt of vyDef.fields) await vy.fields.add(falt);
        });
      }
    }

    // Permissions: break inheritance and grant each role's group exactly the schema's level.
    const unik = finns?.HasUniqueRoleAssignments === true;
    const nuvarande = unik
      ? await lista().roleAssignments.expand('Member', 'RoleDefinitionBindings')<Array<{ PrincipalId: number; RoleDefinitionBindings: Array<{ Id: number }> }>>()
      : [];
    if (!unik) {
      await utfor(`~ ${def.title}: egna behörigheter (bryter arv)`, () => lista().breakRoleInheritance(false, true));
    }
    for (const [roll, niva] of Object.entries(def.behorigheter) as Array<[Roll, keyof typeof ROLLTYP | 'Ingen']>) {
      const namn = GRUPPNAMN[roll];
      const harNu = nuvarande.filter((t) => t.PrincipalId === gruppId.get(namn)).flatMap((t) => t.RoleDefinitionBindings.map((b) => b.Id));
      const onskad = niva === 'Ingen' ? undefined : await rolldefId(ROLLTYP[niva]);
      if (onskad !== undefined && !harNu.includes(onskad)) {
        await utfor(`+ ${def.title}: ${namn} får ${niva}`, () => lista().roleAssignments.add(gruppId.get(namn)!, onskad));
      }
      for (const extra of harNu.filter((id) => id !== onskad)) {
        await utfor(`- ${def.title}: ${namn} mister behörighet ${extra}`, () => lista().roleAssignments.remove(gruppId.get(namn)!, extra));
      }
    }

    // The command set on the Uppdrag list.
    if (def.commandSetId) {
      const atgarder = finns ? await lista().userCustomActions.select('ClientSideComponentId')<Array<{ ClientSideComponentId: string }>>() : [];
      if (!atgarder.some((a) => a.ClientSideComponentId.toLowerCase() === def.commandSetId!.toLowerCase())) {
        await utfor(`+ ${def.title}: kommandon i listvyn`, () => lista().userCustomActions.add({
          Title: `${def.title} – kommandon`,
          Location: 'ClientSideExtension.ListViewCommandSet.CommandBar',
          ClientSideComponentId: def.commandSetId,
          ClientSideComponentProperties: '{}'
        } as never));
      }
    }
  }

  if (registrator !== undefined || portal !== 'nej') {
    // One look-up of the app catalog for both properties.
    const katalog = await sp.getTenantAppCatalogWeb();
    if (registrator !== undefined) {
      await satKlientinstallning(katalog, REGISTRATOR_NYCKEL, registrator, 'Registratorns e-postadress: dit E-postrutinen vidarebefordrar mejl som diarieförs (Ärendeportalen).', utfor);
    }
    if (portal !== 'nej') {
      await satPortalinstallning(katalog, webb.Url.replace(/\/+$/, ''), portal, utfor, resultat);
    }
  }
  return resultat;
}

type Katalog = Awaited<ReturnType<SPFI['getTenantAppCatalogWeb']>>;

/** The tenant property's value now; undefined when it was never set. */
async function lasKlientinstallning(katalog: Katalog, nyckel: string): Promise<string | undefined> {
  const nu = await katalog.getStorageEntity(nyckel) as { Value?: string | null; 'odata.null'?: boolean };
  return nu['odata.null'] === true ? undefined : nu.Value ?? undefined;
}

class NekadKatalog extends Error {}

/**
 * One tenant property, set in the tenant app catalog (the only web where SharePoint takes it) when
 * it differs (`fore` when the caller has already read it). SharePoint answers 403 unless the account
 * administers the app catalog; that is said in words, since a site owner may run the rest of
 * provisioning without that right.
 */
async function satKlientinstallning(katalog: Katalog, nyckel: string, varde: string, beskrivning: string, utfor: Utfor,
  fore?: { varde: string | undefined }): Promise<void> {
  const nu = fore ? fore.varde : await lasKlientinstallning(katalog, nyckel);
  if (nu === varde) return;
  const text = nu === undefined
    ? `+ klientorganisationsinställning ${nyckel} = ${varde}`
    : `~ klientorganisationsinställning ${nyckel}: ${JSON.stringify(nu)} → ${JSON.stringify(varde)}`;
  await utfor(text, async () => {
    try {
      await katalog.setStorageEntity(nyckel, varde, beskrivning, 'Satt av Ärendeportalens provisionering.');
    } catch (fel) {
      if ((fel as { status?: number }).status === 403) {
        throw new NekadKatalog(`Klientorganisationsinställningen ${nyckel} kunde inte sättas: kontot måste vara administratör för appkatalogen `
          + '(SharePoint-administratör, eller ägare till appkatalogens webbplats).');
      }
      throw fel;
    }
  });
}

/** URLs in SharePoint compare without regard to case or a trailing slash. */
const sammaUrl = (a: string, b: string): boolean => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

/**
 * PORTAL_NYCKEL to this site (see `portal` in IProvisioneringsAlternativ). Not asked for by name in
 * 'om-ledig', so neither another portal's value nor a missing app catalog right stops provisioning:
 * both become warnings that say what to do.
 */
async function satPortalinstallning(katalog: Katalog, url: string, portal: 'om-ledig' | 'flytta', utfor: Utfor, resultat: IProvisioneringsResultat): Promise<void> {
  const fore = await lasKlientinstallning(katalog, PORTAL_NYCKEL);
  if (fore !== undefined && sammaUrl(fore, url)) return;
  if (fore !== undefined && fore.trim() !== '' && portal === 'om-ledig') {
    resultat.varningar.push(`! ${PORTAL_NYCKEL} pekar på ${fore}: de personliga apparna i Teams och Outlook läser listorna där, inte här. `
      + 'Kör med --portal för att peka om dem till den här webbplatsen.');
    return;
  }
  const antal = resultat.andringar.length;
  try {
    await satKlientinstallning(katalog, PORTAL_NYCKEL, url,
      'Ärendeportalens webbplats: där de personliga apparna i Teams, Outlook och Microsoft 365-appen hittar listorna.', utfor, { varde: fore });
  } catch (fel) {
    if (!(fel instanceof NekadKatalog) || portal === 'flytta') throw fel;
    // The change was listed before it was refused: it did not happen.
    resultat.andringar.splice(antal);
    resultat.varningar.push(`! ${fel.message} De personliga apparna i Teams och Outlook hittar inte listorna förrän den är satt: kör provisioneringen igen `
      + `som administratör, eller Set-PnPStorageEntity -Key ${PORTAL_NYCKEL} -Value ${url} -Scope Tenant.`);
  }
}

type Utfor = (text: string, gor: () => Promise<unknown>) => Promise<void>;
const utforDirekt: Utfor = async (_text, gor) => { await gor(); };

/** Brings one existing field in line with its definition (title, required, index, choices, default, renderer). */
async function anpassaFalt(lista: () => ReturnType<SPFI['web']['getList']>, f: IFieldDef, nu: IFaltInfo | undefined, utfor: Utfor, listTitel = ''): Promise<void> {
  const falt = () => lista().fields.getByInternalNameOrTitle(f.internalName);
  const andra: Record<string, unknown> = {};
  const diff: string[] = [];
  const satt = (namn: string, fore: unknown, efter: unknown): void => {
    andra[namn] = efter;
    diff.push(`${namn} ${JSON.stringify(fore)} → ${JSON.stringify(efter)}`);
  };
  if (!nu || nu.Title !== f.displayName) satt('Title', nu?.Title, f.displayName);
  if (!nu || nu.Required !== Boolean(f.required)) satt('Required', nu?.Required, Boolean(f.required));
  const index = Boolean(f.indexed || f.unique);
  if (!nu || nu.Indexed !== index) satt('Indexed', nu?.Indexed, index);
  if (f.choices && (!nu || !lika(nu.Choices ?? [], f.choices))) satt('Choices', nu?.Choices, [...f.choices]);
  if (f.defaultValue !== undefined && (!nu || nu.DefaultValue !== f.defaultValue)) satt('DefaultValue', nu?.DefaultValue, f.defaultValue);
  if ((f.description ?? '') !== (nu?.Description ?? '') && nu) satt('Description', nu.Description, f.description ?? '');
  const komponent = f.clientSideComponentId ?? TOM_KOMPONENT;
  if ((nu?.ClientSideComponentId ?? TOM_KOMPONENT).toLowerCase() !== komponent.toLowerCase()) satt('ClientSideComponentId', nu?.ClientSideComponentId, komponent);
  const unik = Boolean(f.unique);
  const unikAndras = !nu || nu.EnforceUniqueValues !== unik;
  if (nu && diff.length === 0 && !unikAndras) return;
  if (!nu && diff.length === 0 && !unik) return;
  await utfor(`~ fält ${listTitel}.${f.internalName}: ${[...diff, ...(unikAndras && nu ? [`EnforceUniqueValues ${nu.EnforceUniqueValues} → ${unik}`] : [])].join(', ')}`, async () => {
    if (Object.keys(andra).length > 0) await falt().update(andra, 'SP.Field');
    // Unique values need the index first, so they are set in a second step.
    if (unikAndras && (nu || unik)) await falt().update({ EnforceUniqueValues: unik }, 'SP.Field');
  });
}
