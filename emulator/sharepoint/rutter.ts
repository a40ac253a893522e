/**
 * SharePoint REST routes of the emulator, registered under the site's `/_api`. Answers follow
 * ../../docs/emulator.md: minimal-metadata JSON, ETags with 412 on a stale If-Match, the list view
 * threshold, 401/403/404 by permission, the form digest for cookie-authenticated writes.
 */
import { randomUUID } from 'crypto';
import { Emulator, Hanterare, IForfragan, json, spFel } from '../core';
import { Behorighet, kanAndraStruktur, kanLasa, kanSkriva } from '../../src/domain/roller';
import { IBilaga, IFalt, ILista, IObjekt, ROLLDEFINITIONER, SpLager } from './lager';
import { anvandarJson, bilagaJson, entitetsnamn, etag, faltJson, listJson, objektJson, vyJson } from './json';
import { faltI, ochLed, OdataFel, tolkaFilter, tolkaSortering, utvardera, Uttryck } from './odata';
import { registreraKlientegenskaper } from './klientegenskaper';

const ATKOMST_NEKAD = 'Access denied. You do not have permission to perform this action or access this resource.';
const STANDARD_TOPP = 100;

function nekad(f: IForfragan): Response {
  return f.anvandare
    ? spFel(403, '-2147024891, System.UnauthorizedAccessException', ATKOMST_NEKAD)
    : spFel(401, '-2147024891, System.UnauthorizedAccessException', ATKOMST_NEKAD);
}

function ogiltigFraga(meddelande: string): Response {
  return spFel(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', meddelande);
}

const citat = (s: string): string => s.replace(/''/g, "'");

/** Registers the SharePoint routes on an emulator and returns the site's store. */
export function registreraSharePoint(emulator: Emulator): SpLager {
  const lager = new SpLager(emulator.konfig.webbplats, () => emulator.anvandare);
  const api = `^${lager.sitePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/_api/`;
  const LISTA = String.raw`(?:web/lists/getbytitle\('((?:[^']|'')*)'\)|web/getlist\('((?:[^']|'')*)'\)|web/lists\(guid'([0-9a-f-]{36})'\)|web/lists\('([0-9a-f-]{36})'\))`;
  /** What every SharePoint route checks first: signed in, a form digest on cookie writes; thrown answers are answers. */
  const skydda = (h: (f: IForfragan, m: RegExpMatchArray) => Response | Promise<Response>): Hanterare => async (f, m) => {
    if (!f.anvandare) {
      return nekad(f);
    }
    if (f.viaCookie && f.metod !== 'GET' && !/\/_api\/contextinfo$/i.test(f.sokvag)) {
      const digest = f.req.headers.get('X-RequestDigest') ?? '';
      const utgar = lager.digester.get(digest);
      if (!utgar || utgar < Date.now()) {
        return spFel(403, '-2130575251, Microsoft.SharePoint.SPException',
          'The security validation for this page is invalid and might be corrupted. Please use your web browser\'s Back button to try your operation again.');
      }
    }
    try {
      return await h(f, m);
    } catch (fel) {
      if (fel instanceof Response) return fel;
      if (fel instanceof OdataFel) return ogiltigFraga(fel.message);
      throw fel;
    }
  };
  const rutt = (metod: string, del: string, h: (f: IForfragan, m: RegExpMatchArray) => Response | Promise<Response>): void =>
    emulator.rutt(metod, new RegExp(`${api}${del}/?$`, 'i'), skydda(h));

  /** Resolves the list of a route; invisible lists answer 404 as SharePoint does. */
  const hittaLista = (f: IForfragan, m: RegExpMatchArray): ILista => {
    const [, titel, url, id1, id2] = m;
    const lista = titel !== undefined ? lager.listaMedTitel(citat(titel))
      : url !== undefined ? lager.listaMedUrl(citat(url).startsWith('/') ? citat(url) : new URL(citat(url), lager.webbplats).pathname)
        : lager.listaMedId(id1 ?? id2);
    if (!lista || !lager.serLista(lista, f.anvandare)) {
      const namn = titel !== undefined ? citat(titel) : url ?? id1 ?? id2;
      throw spFel(404, '-1, System.ArgumentException', `List '${namn}' does not exist at site with URL '${lager.webbplats}'.`);
    }
    return lista;
  };
  const kravSkriva = (f: IForfragan, lista: ILista, objekt?: IObjekt): void => {
    const niva = objekt ? lager.objektNiva(lista, objekt, f.anvandare) : lager.listNiva(lista, f.anvandare);
    if (!kanSkriva(niva)) throw nekad(f);
    // The list's WriteSecurity: below Full Control, only one's own items (2) or none (4).
    if (!lager.farSkrivaObjekt(lista, objekt, f.anvandare)) throw nekad(f);
  };
  const kravStruktur = (f: IForfragan, lista?: ILista): void => {
    const niva = lista ? lager.listNiva(lista, f.anvandare) : lager.webbNiva(f.anvandare);
    if (!kanAndraStruktur(niva)) throw nekad(f);
  };
  const hittaObjekt = (f: IForfragan, lista: ILista, id: number): IObjekt => {
    const objekt = lista.objekt.get(id);
    // An item hidden by the list's ReadSecurity does not exist for the caller, as one without access.
    if (!objekt || objekt.iPapperskorg || !kanLasa(lager.objektNiva(lista, objekt, f.anvandare)) || !lager.serObjekt(lista, objekt, f.anvandare)) {
      throw spFel(404, '-2130575338, Microsoft.SharePoint.SPException', 'Item does not exist. It may have been deleted by another user.');
    }
    return objekt;
  };
  const kropp = async (f: IForfragan): Promise<Record<string, unknown>> => {
    try {
      const b = await f.json();
      return (b && typeof b === 'object' ? b : {}) as Record<string, unknown>;
    } catch {
      throw ogiltigFraga('Invalid JSON. A token was not recognized in the JSON content.');
    }
  };
  const lista = <T>(varden: T[]): Response => json({ 'odata.metadata': `${lager.webbplats}/_api/$metadata`, value: varden });

  // ---- context, web, users, groups ---------------------------------------------------------

  /** A form digest issued by the web at `webbUrl` (the site, or the app catalog beside it). */
  const kontextinfo = (webbUrl: string): Response => {
    const varde = `0x${randomUUID().replace(/-/g, '').toUpperCase()},${new Date().toUTCString()}`;
    lager.digester.set(varde, Date.now() + 1800 * 1000);
    return json({
      'odata.metadata': `${webbUrl}/_api/$metadata#SP.ContextWebInformation`,
      FormDigestTimeoutSeconds: 1800, FormDigestValue: varde, LibraryVersion: '16.0.25000.12001',
      SiteFullUrl: webbUrl, SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'], WebFullUrl: webbUrl
    });
  };
  rutt('POST', 'contextinfo', () => kontextinfo(lager.webbplats));
  rutt('GET', 'web', () => json({
    'odata.metadata': `${lager.webbplats}/_api/$metadata#SP.ApiData.Webs/@Element`, 'odata.type': 'SP.Web',
    Id: lager.webbId, Title: 'Ärendeportalen', Url: lager.webbplats, ServerRelativeUrl: lager.sitePath, Language: 1053
  }));
  rutt('GET', 'web/currentuser', (f) => json(anvandarJson(lager, f.anvandare!)));
  rutt('GET', 'web/siteusers', () => lista(lager.allaAnvandare().map((a) => anvandarJson(lager, a))));
  rutt('GET', String.raw`web/(?:siteusers/)?getuserbyid\((\d+)\)`, (_f, m) => {
    const a = lager.anvandareMedId(Number(m[1]));
    return a ? json(anvandarJson(lager, a)) : spFel(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
  });
  rutt('GET', String.raw`web/siteusers/getbyemail\('((?:[^']|'')*)'\)`, (_f, m) => {
    const a = lager.allaAnvandare().find((x) => x.email.toLowerCase() === citat(m[1]).toLowerCase());
    return a ? json(anvandarJson(lager, a)) : spFel(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
  });
  rutt('POST', String.raw`web/ensureuser(?:\('((?:[^']|'')*)'\))?`, async (f, m) => {
    const login = m[1] !== undefined ? citat(m[1]) : String((await kropp(f)).logonName ?? '');
    const a = lager.allaAnvandare().find((x) => x.loginName === login || x.email.toLowerCase() === login.toLowerCase());
    return a ? json(anvandarJson(lager, a)) : spFel(404, '-2146232832, Microsoft.SharePoint.SPException', `The specified user ${login} could not be found.`);
  });
  rutt('GET', 'web/sitegroups', () => lista(lager.grupper.map((g) => ({ 'odata.type': 'SP.Group', ...g, PrincipalType: 8 }))));
  rutt('GET', String.raw`web/sitegroups/getbyname\('((?:[^']|'')*)'\)`, (_f, m) => {
    const g = lager.grupper.find((x) => x.Title === citat(m[1]));
    return g ? json({ 'odata.type': 'SP.Group', ...g, PrincipalType: 8 }) : spFel(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.');
  });
  rutt('POST', 'web/sitegroups', async (f) => {
    kravStruktur(f);
    const b = await kropp(f);
    return json({ 'odata.type': 'SP.Group', ...lager.skapaGrupp(String(b.Title ?? ''), String(b.Description ?? '')), PrincipalType: 8 }, 201);
  });
  rutt('GET', String.raw`web/roledefinitions/getbytype\((\d+)\)`, (_f, m) => {
    const rd = ROLLDEFINITIONER.find((r) => r.RoleTypeKind === Number(m[1]));
    return rd ? json({ 'odata.type': 'SP.RoleDefinition', Id: rd.Id, Name: rd.Name, RoleTypeKind: rd.RoleTypeKind })
      : spFel(404, '-2146232832, Microsoft.SharePoint.SPException', 'Permission level cannot be found.');
  });

  // ---- lists ---------------------------------------------------------------------------------

  rutt('GET', 'web/lists', (f) => {
    const synliga = lager.listor.filter((l) => lager.serLista(l, f.anvandare));
    return lista(synliga.map((l) => listJson(lager, l)));
  });
  rutt('POST', 'web/lists', async (f) => {
    kravStruktur(f);
    const b = await kropp(f);
    const mall = Number(b.BaseTemplate ?? 100);
    if (mall !== 100 && mall !== 101) return ogiltigFraga(`The emulator creates lists from template 100 or 101, not ${mall}.`);
    try {
      const sakerhet = radsakerhet(b);
      if (sakerhet instanceof Response) return sakerhet;
      const ny = lager.skapaLista(String(b.Title ?? ''), String(b.Description ?? ''), mall, b);
      Object.assign(ny, sakerhet);
      return json(listJson(lager, ny), 201);
    } catch (fel) {
      return spFel(500, '-2130575342, Microsoft.SharePoint.SPException', (fel as Error).message);
    }
  });
  rutt('GET', LISTA, (f, m) => json(listJson(lager, hittaLista(f, m))));
  rutt('MERGE', LISTA, async (f, m) => {
    const l = hittaLista(f, m);
    kravStruktur(f, l);
    const b = await kropp(f);
    if (typeof b.Title === 'string') l.Title = b.Title;
    if (typeof b.Description === 'string') l.Description = b.Description;
    if (typeof b.EnableVersioning === 'boolean') l.EnableVersioning = b.EnableVersioning;
    if (typeof b.MajorVersionLimit === 'number') l.MajorVersionLimit = b.MajorVersionLimit;
    const sakerhet = radsakerhet(b);
    if (sakerhet instanceof Response) return sakerhet;
    Object.assign(l, sakerhet);
    return new Response(null, { status: 204 });
  });
  emulator.rutt('PATCH', new RegExp(`${api}${LISTA}/?$`, 'i'), (f) => emulator.handle(new Request(f.req.url, {
    method: 'POST', headers: { ...Object.fromEntries(f.req.headers), 'X-HTTP-Method': 'MERGE' }, body: f.req.body, duplex: 'half'
  } as RequestInit)));

  // ---- permissions -------------------------------------------------------------------------

  rutt('GET', `${LISTA}/effectivebasepermissions`, (f, m) => json({
    'odata.metadata': `${lager.webbplats}/_api/$metadata#SP.ApiData.BasePermissions`, ...MASKER[lager.listNiva(hittaLista(f, m), f.anvandare)]
  }));

  rutt('POST', `${LISTA}/breakroleinheritance\\((?:copyroleassignments=)?(true|false),\\s*(?:clearsubscopes=)?(true|false)\\)`, (f, m) => {
    const l = hittaLista(f, m);
    kravStruktur(f, l);
    if (!l.unika) {
      l.unika = m[5].toLowerCase() === 'true' ? new Map(lager.webbTilldelningar) : new Map();
    }
    return new Response(null, { status: 200 });
  });
  rutt('GET', `${LISTA}/roleassignments`, (f, m) => {
    const l = hittaLista(f, m);
    return lista(tilldelningarJson(lager, l.unika ?? lager.webbTilldelningar));
  });
  rutt('POST', `${LISTA}/roleassignments/(add|remove)roleassignment\\(principalid=(\\d+),\\s*roledefid=(\\d+)\\)`, (f, m) => {
    const l = hittaLista(f, m);
    kravStruktur(f, l);
    if (!l.unika) return spFel(400, '-2146232832, Microsoft.SharePoint.SPException', ARVER);
    lager.andraTilldelning(l.unika, Number(m[6]), Number(m[7]), m[5].toLowerCase() === 'add');
    return new Response(null, { status: 200 });
  });

  // ---- fields ------------------------------------------------------------------------------

  rutt('GET', `${LISTA}/fields`, (f, m) => {
    const l = hittaLista(f, m);
    return lista(l.falt.map((x) => faltJson(lager, l, x)));
  });
  const hittaFalt = (l: ILista, namn: string): IFalt => {
    const falt = lager.falt(l, namn) ?? l.falt.find((x) => x.Id === namn.replace(/^guid'|'$/g, ''));
    if (!falt) throw spFel(400, '-2147024809, System.ArgumentException', `Column '${namn}' does not exist. It may have been deleted by another user.`);
    return falt;
  };
  const FALT = String.raw`fields(?:/getbyinternalnameortitle\('((?:[^']|'')*)'\)|\('([0-9a-f-]{36})'\)|\(guid'([0-9a-f-]{36})'\))`;
  rutt('GET', `${LISTA}/${FALT}`, (f, m) => {
    const l = hittaLista(f, m);
    return json(faltJson(lager, l, hittaFalt(l, m[5] !== undefined ? citat(m[5]) : m[6] ?? m[7])));
  });
  rutt('MERGE', `${LISTA}/${FALT}`, async (f, m) => {
    const l = hittaLista(f, m);
    kravStruktur(f, l);
    const falt = hittaFalt(l, m[5] !== undefined ? citat(m[5]) : m[6] ?? m[7]);
    const b = await kropp(f);
    if (typeof b.Title === 'string') falt.Title = b.Title;
    if (typeof b.Required === 'boolean') falt.Required = b.Required;
    if (typeof b.Indexed === 'boolean') falt.Indexed = b.Indexed;
    if (typeof b.Description === 'string') falt.Description = b.Description;
    if (b.DefaultValue === null || typeof b.DefaultValue === 'string') falt.DefaultValue = b.DefaultValue as string | null;
    if (typeof b.ClientSideComponentId === 'string') falt.ClientSideComponentId = b.ClientSideComponentId;
    const val = b.Choices as unknown;
    if (Array.isArray(val)) falt.Choices = val.map(String);
    else if (val && typeof val === 'object' && Array.isArray((val as { results?: unknown[] }).results)) falt.Choices = (val as { results: unknown[] }).results.map(String);
    if (typeof b.EnforceUniqueValues === 'boolean') {
      if (b.EnforceUniqueValues && !falt.Indexed) {
        return spFel(400, '-2146232832, Microsoft.SharePoint.SPException', 'You must index this column before you can enforce unique values.');
      }
      falt.EnforceUniqueValues = b.EnforceUniqueValues;
    }
    return new Response(null, { status: 204 });
  });
  rutt('POST', `${LISTA}/fields/createfieldasxml`, async (f, m) => {
    const l = hittaLista(f, m);
    kravStruktur(f, l);
    const p = ((await kropp(f)).parameters ?? {}) as { SchemaXml?: string; Options?: number };
    try {
      return json(faltJson(lager, l, lager.skapaFaltFranXml(l, String(p.SchemaXml ?? ''), Number(p.Options ?? 0))), 201);
    } catch (fel) {
      return spFel(400, '-2130575340, Microsoft.SharePoint.SPException', (fel as Error).message);
    }
  });

  // ---- views and custom actions ------------------------------------------------------------

  const VY = String.raw`views(?:/getbytitle\('((?:[^']|'')*)'\)|\('([0-9a-f-]{36})'\)|\(guid'([0-9a-f-]{36})'\))`;
  const hittaVy = (l: ILista, m: RegExpMatchArray) => {
    const vy = m[5] !== undefined ? l.vyer.find((v) => v.Title === citat(m[5])) : l.vyer.find((v) => v.Id === (m[6] ?? m[7]));
    if (!vy) throw spFel(404, '-2146232832, Microsoft.SharePoint.SPException', 'The specified view is invalid.');
    return vy;
  };
  rutt('GET', `${LISTA}/views`, (f, m) => {
    const l = hittaLista(f, m);
    return lista(l.vyer.map((v) => vyJson(lager, l, v)));
  });
  rutt('POST', `${LISTA}/views`, async (f, m) => {
    const l = hittaLista(f, m);
    kravStruktur(f, l);
    const b = await kropp(f);
    const vy = { Id: randomUUID(), Title: String(b.Title ?? ''), DefaultView: b.SetAsDefaultView === true,
      ViewQuery: String(b.ViewQuery ?? ''), RowLimit: Number(b.RowLimit ?? 30), falt: ['LinkTitle'] };
    if (vy.DefaultView) l.vyer.forEach((v) => { v.DefaultView = false; });
    l.vyer.push(vy);
    return json(vyJson(lager, l, vy), 201);
  });
  rutt('GET', `${LISTA}/${VY}`, (f, m) => {
    const l = hittaLista(f, m);
    return json(vyJson(lager, l, hittaVy(l, m)));
  });
  rutt('MERGE', `${LISTA}/${VY}`, async (f, m) => {
    const l = hittaLista(f, m);
    kravStruktur(f, l);
    const vy = hittaVy(l, m);
    const b = await kropp(f);
    if (b.DefaultView === true) { l.vyer.forEach((v) => { v.DefaultView = false; }); vy.DefaultView = true; }
    if (typeof b.Title === 'string') vy.Title = b.Title;
    if (typeof b.RowLimit === 'number') vy.RowLimit = b.RowLimit;
    if (typeof b.ViewQuery === 'string') vy.ViewQuery = b.ViewQuery;
    return new Response(null, { status: 204 });
  });
  rutt('GET', `${LISTA}/${VY}/viewfields`, (f, m) => {
    const l = hittaLista(f, m);
    const vy = hittaVy(l, m);
    return json({ 'odata.type': 'SP.ViewFieldCollection', Items: vy.falt, SchemaXml: `<FieldRef Name="${vy.falt.join('" /><FieldRef Name="')}" />` });
  });
  rutt('POST', `${LISTA}/${VY}/viewfields/removeallviewfields`, (f, m) => {
    const l = hittaLista(f, m);
    kravStruktur(f, l);
    hittaVy(l, m).falt = [];
    return new Response(null, { status: 200 });
  });
  rutt('POST', String.raw`${LISTA}/${VY}/viewfields/addviewfield\('((?:[^']|'')*)'\)`, (f, m) => {
    const l = hittaLista(f, m);
    kravStruktur(f, l);
    const namn = citat(m[8]);
    const falt = lager.falt(l, namn);
    if (!falt && !['LinkTitle', 'LinkFilename', 'DocIcon'].includes(namn)) {
      return spFel(400, '-2147024809, System.ArgumentException', `Column '${namn}' does not exist. It may have been deleted by another user.`);
    }
    hittaVy(l, m).falt.push(falt?.InternalName ?? namn);
    return new Response(null, { status: 200 });
  });
  rutt('GET', `${LISTA}/usercustomactions`, (f, m) => lista(hittaLista(f, m).atgarder.map((a) => ({ 'odata.type': 'SP.UserCustomAction', ...a }))));
  rutt('POST', `${LISTA}/usercustomactions`, async (f, m) => {
    const l = hittaLista(f, m);
    kravStruktur(f, l);
    const b = await kropp(f);
    const atgard = {
      Id: randomUUID(), Title: String(b.Title ?? ''), Location: String(b.Location ?? ''),
      ClientSideComponentId: String(b.ClientSideComponentId ?? ''), ClientSideComponentProperties: String(b.ClientSideComponentProperties ?? '{}'),
      RegistrationType: Number(b.RegistrationType ?? 0), RegistrationId: String(b.RegistrationId ?? '')
    };
    l.atgarder.push(atgard);
    return json({ 'odata.type': 'SP.UserCustomAction', ...atgard }, 201);
  });

  // ---- items -------------------------------------------------------------------------------

  registreraObjekt(emulator, lager, rutt, LISTA, { hittaLista, hittaObjekt, kravSkriva, kropp, lista });
  registreraKlientegenskaper(emulator, lager, { skydda, nekad, kontextinfo });
  return lager;
}

// SharePoint's base permission masks of the built-in levels (Int64 serialized as strings).
const MASKER: Record<Behorighet, { High: string; Low: string }> = {
  'Ingen': { High: '0', Low: '0' },
  'Läsa': { High: '176', Low: '138612833' },
  'Bidra': { High: '432', Low: '1011030767' },
  'Fullständig behörighet': { High: '2147483647', Low: '4294967295' }
};

/** SP.RoleAssignment rows of a scope, one per principal and role definition. */
function tilldelningarJson(lager: SpLager, tilldelningar: Map<number, number[]>): Array<Record<string, unknown>> {
  return Array.from(tilldelningar.entries()).flatMap(([p, rds]) => rds.map((rd) => ({
    PrincipalId: p,
    Member: { Id: p, Title: lager.grupper.find((g) => g.Id === p)?.Title ?? lager.anvandareMedId(p)?.title },
    RoleDefinitionBindings: ROLLDEFINITIONER.filter((r) => r.Id === rd).map((r) => ({ Id: r.Id, Name: r.Name, RoleTypeKind: r.RoleTypeKind }))
  })));
}

const ARVER = 'This operation is not allowed on an object that inherits permissions.';

type Rutt = (metod: string, del: string, h: (f: IForfragan, m: RegExpMatchArray) => Response | Promise<Response>) => void;

interface IHjalp {
  hittaLista: (f: IForfragan, m: RegExpMatchArray) => ILista;
  hittaObjekt: (f: IForfragan, lista: ILista, id: number) => IObjekt;
  kravSkriva: (f: IForfragan, lista: ILista, objekt?: IObjekt) => void;
  kropp: (f: IForfragan) => Promise<Record<string, unknown>>;
  lista: <T>(varden: T[]) => Response;
}

const tolkaLista = (v: string | null): string[] => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

function registreraObjekt(emulator: Emulator, lager: SpLager, rutt: Rutt, LISTA: string, h: IHjalp): void {
  /** Reads a field path of an item for $filter and $orderby. */
  const lasare = (l: ILista, o: IObjekt) => (sokvag: string): unknown => {
    const [huvud, under] = sokvag.split('/');
    const basNamn = huvud.replace(/Id$/, '');
    if (huvud === 'Id' || huvud === 'ID') return o.Id;
    if (huvud === 'Created') return o.skapad;
    if (huvud === 'Modified') return o.andrad;
    if (huvud === 'AuthorId' || huvud === 'Author') return under ? lager.anvandareMedId(o.skapadAv)?.[under === 'EMail' ? 'email' : 'title'] : o.skapadAv;
    if (huvud === 'EditorId' || huvud === 'Editor') return under ? lager.anvandareMedId(o.andradAv)?.[under === 'EMail' ? 'email' : 'title'] : o.andradAv;
    if (huvud === 'FileLeafRef') return o.fil?.namn;
    const falt = lager.falt(l, huvud) ?? lager.falt(l, basNamn);
    if (!falt) throw new OdataFel(`The field or property '${huvud}' does not exist.`);
    const v = o.varden[falt.InternalName];
    if (!under) return v;
    const hamta = (id: unknown): unknown => {
      if (typeof id !== 'number') return null;
      if (/^(Id|ID)$/.test(under)) return id;
      if (falt.TypeAsString === 'Lookup') {
        const mal = falt.LookupList ? lager.listaMedId(falt.LookupList) : undefined;
        return mal?.objekt.get(id)?.varden[under] ?? null;
      }
      const a = lager.anvandareMedId(id);
      return under === 'EMail' ? a?.email : under === 'Title' ? a?.title : under === 'Name' ? a?.loginName : null;
    };
    return Array.isArray(v) ? v.map(hamta) : hamta(v);
  };

  /** The list view threshold: a large list may only be queried through an indexed column that narrows it. */
  const kontrolleraTroskel = (l: ILista, rader: IObjekt[], filter: Uttryck | undefined, sortering: string[], topp: number): void => {
    const troskel = emulator.konfig.listvyTroskel;
    if (rader.length <= troskel) return;
    const indexerat = (namn: string): boolean => {
      const huvud = namn.split('/')[0].replace(/Id$/, '');
      if (/^(ID|Id)$/.test(namn.split('/')[0])) return true;
      return lager.falt(l, huvud)?.Indexed === true || lager.falt(l, namn.split('/')[0])?.Indexed === true;
    };
    const stryp = (): never => {
      throw spFel(500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
        'The attempted operation is prohibited because it exceeds the list view threshold enforced by the administrator.');
    };
    if (topp > troskel) stryp();
    let kvar = rader.length;
    if (filter) {
      const led = ochLed(filter);
      const smalnande = led.find((u) => u.typ === 'jamfor' && faltI(u).every(indexerat));
      if (!smalnande) stryp();
      kvar = rader.filter((o) => utvardera(smalnande!, lasare(l, o))).length;
      if (kvar > troskel) stryp();
    }
    if (sortering.some((s) => !indexerat(s)) && kvar > troskel) stryp();
  };

  /** One item as SharePoint answers it alone: with odata.metadata, which PnPjs needs to address it (file.getItem()). */
  const enstaka = (l: ILista, o: IObjekt, f: IForfragan): Record<string, unknown> => ({
    // Absolute at the host asked, as SharePoint answers: PnPjs builds the item's URL from it.
    'odata.metadata': `${f.url.origin}${lager.sitePath}/_api/$metadata#SP.ListData.${entitetsnamn(l).replace(/^SP\.Data\./, '')}s/@Element`,
    ...objektJson(lager, l, o, tolkaLista(f.url.searchParams.get('$select')), tolkaLista(f.url.searchParams.get('$expand')))
  });

  rutt('GET', `${LISTA}/items`, (f, m) => {
    const l = h.hittaLista(f, m);
    const q = f.url.searchParams;
    const filterText = q.get('$filter');
    const filter = filterText ? tolkaFilter(filterText) : undefined;
    const sortering = tolkaSortering(q.get('$orderby'));
    const topp = q.has('$top') ? Number(q.get('$top')) : STANDARD_TOPP;
    if (!Number.isInteger(topp) || topp < 0) throw new OdataFel(`Invalid $top '${q.get('$top')}'.`);
    const alla = Array.from(l.objekt.values()).filter((o) => !o.iPapperskorg);
    kontrolleraTroskel(l, alla, filter, sortering.map((s) => s.falt), topp);
    let rader = alla.filter((o) => kanLasa(lager.objektNiva(l, o, f.anvandare)) && lager.serObjekt(l, o, f.anvandare));
    if (filter) rader = rader.filter((o) => utvardera(filter, lasare(l, o)));
    rader.sort((a, b) => {
      for (const s of sortering) {
        const [x, y] = [lasare(l, a)(s.falt), lasare(l, b)(s.falt)];
        const j = x === y ? 0 : x === null || x === undefined ? -1 : y === null || y === undefined ? 1
          : typeof x === 'string' ? x.localeCompare(String(y), 'sv') : Number(x) - Number(y);
        if (j !== 0) return s.fallande ? -j : j;
      }
      return a.Id - b.Id;
    });
    // Paging continues after the last row of the previous page, as SharePoint's $skiptoken does.
    const token = q.get('$skiptoken');
    if (token) {
      const sista = Number(/p_ID=(\d+)/.exec(decodeURIComponent(token))?.[1]);
      const index = rader.findIndex((o) => o.Id === sista);
      rader = index >= 0 ? rader.slice(index + 1) : [];
    }
    const sida = rader.slice(0, topp);
    const select = tolkaLista(q.get('$select'));
    const expand = tolkaLista(q.get('$expand'));
    for (const s of select.filter((x) => x.includes('/'))) {
      if (!expand.some((e) => e.toLowerCase() === s.split('/')[0].toLowerCase())) {
        throw ogiltig(`The query to field '${s.split('/')[0]}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${s.split('/')[0]}.`);
      }
    }
    const svar: Record<string, unknown> = {
      'odata.metadata': `${lager.webbplats}/_api/$metadata#SP.ListData.${entitetsnamn(l).replace(/^SP\.Data\./, '')}s`,
      value: sida.map((o) => objektJson(lager, l, o, select, expand))
    };
    if (rader.length > sida.length && sida.length > 0) {
      const nasta = new URL(f.url.toString());
      nasta.searchParams.set('$skiptoken', `Paged=TRUE&p_ID=${sida[sida.length - 1].Id}`);
      svar['odata.nextLink'] = nasta.toString();
    }
    return json(svar);
  });

  rutt('GET', String.raw`${LISTA}/items\((\d+)\)`, (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    return json(enstaka(l, o, f), 200, { ETag: etag(o) });
  });

  rutt('POST', `${LISTA}/items`, async (f, m) => {
    const l = h.hittaLista(f, m);
    h.kravSkriva(f, l);
    const kropp = await h.kropp(f);
    const system = Object.fromEntries(SYSTEMFALT.filter((n) => n in kropp).map((n) => [n, kropp[n]]));
    for (const n of SYSTEMFALT) delete kropp[n];
    const varden = validera(lager, l, kropp, undefined);
    const o = lager.skapaObjekt(l, varden, f.anvandare!.id);
    tillampaSystemfalt(lager, l, f, system, o);
    return json(objektJson(lager, l, o, [], []), 201, { ETag: etag(o) });
  });

  const uppdatera = async (f: IForfragan, m: RegExpMatchArray): Promise<Response> => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    h.kravSkriva(f, l, o);
    kontrolleraEtag(f, o);
    const kropp = await h.kropp(f);
    const system = Object.fromEntries(SYSTEMFALT.filter((n) => n in kropp).map((n) => [n, kropp[n]]));
    for (const n of SYSTEMFALT) delete kropp[n];
    const varden = validera(lager, l, kropp, o);
    lager.sparaVersion(l, o, varden, f.anvandare!.id);
    tillampaSystemfalt(lager, l, f, system, o);
    return new Response(null, { status: 204, headers: { ETag: etag(o) } });
  };
  rutt('MERGE', String.raw`${LISTA}/items\((\d+)\)`, uppdatera);
  rutt('PATCH', String.raw`${LISTA}/items\((\d+)\)`, uppdatera);
  rutt('DELETE', String.raw`${LISTA}/items\((\d+)\)`, (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    h.kravSkriva(f, l, o);
    kontrolleraEtag(f, o);
    l.objekt.delete(o.Id);
    return new Response(null, { status: 200 });
  });
  rutt('POST', String.raw`${LISTA}/items\((\d+)\)/recycle(?:\(\))?`, (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    h.kravSkriva(f, l, o);
    o.iPapperskorg = true;
    return json({ 'odata.metadata': `${lager.webbplats}/_api/$metadata#Edm.Guid`, value: randomUUID() });
  });
  rutt('GET', String.raw`${LISTA}/items\((\d+)\)/versions`, (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    const alla = [...o.versioner, { version: o.version, varden: o.varden, andrad: o.andrad, andradAv: o.andradAv }];
    return h.lista(alla.slice().reverse().map((v) => versionJson(lager, l, o, v)));
  });

  // ---- item permissions ----------------------------------------------------------------------

  const OBJEKT = String.raw`${LISTA}/items\((\d+)\)`;
  /** Changing an item's permissions needs ManagePermissions on the item, which only Full Control has. */
  const kravHantera = (f: IForfragan, l: ILista, o: IObjekt): void => {
    if (!kanAndraStruktur(lager.objektNiva(l, o, f.anvandare))) throw nekad(f);
  };
  rutt('GET', `${OBJEKT}/effectivebasepermissions`, (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    return json({ 'odata.metadata': `${lager.webbplats}/_api/$metadata#SP.ApiData.BasePermissions`, ...MASKER[lager.objektNiva(l, o, f.anvandare)] });
  });
  rutt('POST', `${OBJEKT}/breakroleinheritance\\((?:copyroleassignments=)?(true|false),\\s*(?:clearsubscopes=)?(true|false)\\)`, (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    kravHantera(f, l, o);
    lager.brytObjektetsArv(l, o, m[6].toLowerCase() === 'true');
    return new Response(null, { status: 200 });
  });
  rutt('POST', `${OBJEKT}/resetroleinheritance`, (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    kravHantera(f, l, o);
    o.unika = undefined;
    return new Response(null, { status: 200 });
  });
  rutt('GET', `${OBJEKT}/roleassignments`, (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    // Reading who has access is itself guarded by EnumeratePermissions (Full Control).
    kravHantera(f, l, o);
    return h.lista(tilldelningarJson(lager, o.unika ?? l.unika ?? lager.webbTilldelningar));
  });
  rutt('POST', `${OBJEKT}/roleassignments/(add|remove)roleassignment\\(principalid=(\\d+),\\s*roledefid=(\\d+)\\)`, (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    kravHantera(f, l, o);
    if (!o.unika) return spFel(400, '-2146232832, Microsoft.SharePoint.SPException', ARVER);
    lager.andraTilldelning(o.unika, Number(m[7]), Number(m[8]), m[6].toLowerCase() === 'add');
    return new Response(null, { status: 200 });
  });

  // ---- attachments ---------------------------------------------------------------------------

  /*
   * List item attachments as SharePoint REST has them (PnPjs item.attachmentFiles): they live and
   * die with their item and are read with its permissions — an item the caller cannot see (its own
   * permissions, or the list's ReadSecurity) has no attachments to them (404, as the item); adding
   * or removing one is editing the item.
   */
  const BILAGA = String.raw`${OBJEKT}/attachmentfiles(?:\('((?:[^']|'')*)'\)|/getbyfilename\('((?:[^']|'')*)'\))`;
  const bilagaFinnsInte = (): Response => spFel(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
  const hittaBilaga = (o: IObjekt, namn: string): IBilaga => {
    const b = o.bilagor?.find((x) => x.namn.toLowerCase() === namn.toLowerCase());
    if (!b) throw bilagaFinnsInte();
    return b;
  };
  const bilagaNamn = (m: RegExpMatchArray): string => citat(m[6] ?? m[7]);
  const bytesSvar = (innehall: Uint8Array): Response =>
    new Response(Buffer.from(innehall), { status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
  rutt('GET', `${OBJEKT}/attachmentfiles`, (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    return json({
      'odata.metadata': `${lager.webbplats}/_api/$metadata#SP.ApiData.Attachments`,
      value: (o.bilagor ?? []).map((b) => bilagaJson(lager, l, o, b))
    });
  });
  rutt('POST', String.raw`${OBJEKT}/attachmentfiles/add\((?:filename=)?'((?:[^']|'')*)'\)`, async (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    h.kravSkriva(f, l, o);
    const namn = citat(m[6]);
    if (!namn || /["*:<>?/\\|]/.test(namn) || /^\.|\.$/.test(namn)) {
      return spFel(400, '-2130575245, Microsoft.SharePoint.SPException', `The file name '${namn}' is invalid.`);
    }
    // Unlike a library's files/add there is no overwrite: an attachment of that name must be deleted first.
    if (o.bilagor?.some((x) => x.namn.toLowerCase() === namn.toLowerCase())) {
      return spFel(400, '-2130575257, Microsoft.SharePoint.SPException',
        `A file with the name ${lager.bilagaUrl(l, o, namn).slice(lager.sitePath.length + 1)} already exists. It was last modified by ${lager.anvandareMedId(o.andradAv)?.loginName} on ${o.andrad}.`);
    }
    const b: IBilaga = { namn, innehall: new Uint8Array(await f.bytes()), skapad: lager.nu() };
    o.bilagor = [...(o.bilagor ?? []), b];
    return json({ 'odata.metadata': `${lager.webbplats}/_api/$metadata#SP.ApiData.Attachments/@Element`, ...bilagaJson(lager, l, o, b) });
  });
  rutt('GET', BILAGA, (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    return json({ 'odata.metadata': `${lager.webbplats}/_api/$metadata#SP.ApiData.Attachments/@Element`, ...bilagaJson(lager, l, o, hittaBilaga(o, bilagaNamn(m))) });
  });
  rutt('GET', `${BILAGA}/\\$value`, (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    return bytesSvar(hittaBilaga(o, bilagaNamn(m)).innehall);
  });
  rutt('PUT', `${BILAGA}/\\$value`, async (f, m) => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    h.kravSkriva(f, l, o);
    hittaBilaga(o, bilagaNamn(m)).innehall = new Uint8Array(await f.bytes());
    return new Response(null, { status: 204 });
  });
  const taBortBilaga = (f: IForfragan, m: RegExpMatchArray): Response => {
    const l = h.hittaLista(f, m);
    const o = h.hittaObjekt(f, l, Number(m[5]));
    h.kravSkriva(f, l, o);
    const b = hittaBilaga(o, bilagaNamn(m));
    o.bilagor = o.bilagor!.filter((x) => x !== b);
    return new Response(null, { status: 200 });
  };
  rutt('DELETE', BILAGA, taBortBilaga);
  rutt('POST', `${BILAGA}/recycleobject`, taBortBilaga);

  // ---- files -------------------------------------------------------------------------------

  const MAPP = String.raw`web/getfolderbyserverrelative(?:path\(decodedurl='((?:[^']|'')*)'\)|url\('((?:[^']|'')*)'\))`;
  const FIL = String.raw`web/getfilebyserverrelative(?:path\(decodedurl='((?:[^']|'')*)'\)|url\('((?:[^']|'')*)'\))`;
  const filJson = (l: ILista, o: IObjekt): Record<string, unknown> => ({
    'odata.type': 'SP.File', 'odata.id': `${lager.webbplats}/_api/Web/GetFileByServerRelativePath(decodedurl='${l.url}/${o.fil!.namn}')`,
    Name: o.fil!.namn, ServerRelativeUrl: `${l.url}/${o.fil!.namn}`, UniqueId: o.fil!.uniqueId, Length: String(o.fil!.innehall.length),
    TimeCreated: o.skapad, TimeLastModified: o.andrad, ETag: `"{${o.fil!.uniqueId.toUpperCase()}},${o.version}"`, UIVersionLabel: `${o.version}.0`, Exists: true
  });
  const hittaFil = (f: IForfragan, sokvag: string): { l: ILista; o: IObjekt } => {
    const l = lager.listaForFil(sokvag);
    const namn = sokvag.split('/').pop()!.toLowerCase();
    const o = l ? Array.from(l.objekt.values()).find((x) => x.fil?.namn.toLowerCase() === namn && !x.iPapperskorg) : undefined;
    if (!l || !o || !kanLasa(lager.objektNiva(l, o, f.anvandare)) || !lager.serObjekt(l, o, f.anvandare)) {
      throw spFel(404, '-2130575338, System.IO.FileNotFoundException', 'File Not Found.');
    }
    return { l, o };
  };
  rutt('POST', String.raw`${MAPP}/files/add(?:usingpath\(decodedurl='((?:[^']|'')*)'(?:,\s*overwrite=(true|false))?\)|\(url='((?:[^']|'')*)',\s*overwrite=(true|false)\))`, async (f, m) => {
    const mapp = citat(m[1] ?? m[2]);
    const namn = citat(m[3] ?? m[5]);
    // AddUsingPath leaves Overwrite out when it is false (PnPjs does), and false is the default.
    const skrivOver = (m[4] ?? m[6] ?? 'false').toLowerCase() === 'true';
    const l = lager.listaMedUrl(mapp);
    if (!l || l.BaseTemplate !== 101 || !kanLasa(lager.listNiva(l, f.anvandare))) {
      return spFel(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
    }
    h.kravSkriva(f, l);
    const innehall = await f.bytes();
    const befintlig = Array.from(l.objekt.values()).find((x) => x.fil?.namn.toLowerCase() === namn.toLowerCase() && !x.iPapperskorg);
    if (befintlig && skrivOver) h.kravSkriva(f, l, befintlig);
    if (befintlig && !skrivOver) {
      return spFel(400, '-2130575257, Microsoft.SharePoint.SPException', `A file with the name ${l.url}/${namn} already exists. It was last modified by ${lager.anvandareMedId(befintlig.andradAv)?.loginName} on ${befintlig.andrad}.`);
    }
    const o = befintlig ?? lager.skapaObjekt(l, {}, f.anvandare!.id);
    if (befintlig) lager.sparaVersion(l, o, {}, f.anvandare!.id);
    o.fil = { namn, innehall: new Uint8Array(innehall), uniqueId: o.fil?.uniqueId ?? randomUUID() };
    return json(filJson(l, o), 200);
  });
  /** An attachment addressed as a file (`<list>/Attachments/<id>/<name>`), readable as its item is. */
  const hittaBilagefil = (f: IForfragan, sokvag: string): { l: ILista; o: IObjekt; b: IBilaga } | undefined => {
    const plats = lager.bilagaForSokvag(sokvag.startsWith('/') ? sokvag : new URL(sokvag, lager.webbplats).pathname);
    if (!plats) return undefined;
    const { lista: l, id, namn } = plats;
    const o = l.objekt.get(id);
    const b = o?.bilagor?.find((x) => x.namn.toLowerCase() === namn.toLowerCase());
    if (!o || !b || o.iPapperskorg || !lager.serLista(l, f.anvandare) || !kanLasa(lager.objektNiva(l, o, f.anvandare)) || !lager.serObjekt(l, o, f.anvandare)) {
      throw spFel(404, '-2130575338, System.IO.FileNotFoundException', 'File Not Found.');
    }
    return { l, o, b };
  };
  const bilagefilJson = (l: ILista, o: IObjekt, b: IBilaga): Record<string, unknown> => {
    const url = lager.bilagaUrl(l, o, b.namn);
    return {
      'odata.type': 'SP.File', 'odata.id': `${lager.webbplats}/_api/Web/GetFileByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`,
      Name: b.namn, ServerRelativeUrl: url, Length: String(b.innehall.length), TimeCreated: b.skapad, TimeLastModified: b.skapad,
      UIVersionLabel: '1.0', Exists: true
    };
  };
  rutt('GET', FIL, (f, m) => {
    const bilaga = hittaBilagefil(f, citat(m[1] ?? m[2]));
    if (bilaga) return json(bilagefilJson(bilaga.l, bilaga.o, bilaga.b));
    const { l, o } = hittaFil(f, citat(m[1] ?? m[2]));
    return json(filJson(l, o));
  });
  rutt('GET', `${FIL}/\\$value`, (f, m) => {
    const bilaga = hittaBilagefil(f, citat(m[1] ?? m[2]));
    if (bilaga) return new Response(Buffer.from(bilaga.b.innehall), { status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
    const { o } = hittaFil(f, citat(m[1] ?? m[2]));
    return new Response(Buffer.from(o.fil!.innehall), { status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
  });
  rutt('GET', `${FIL}/listitemallfields`, (f, m) => {
    const { l, o } = hittaFil(f, citat(m[1] ?? m[2]));
    return json(enstaka(l, o, f), 200, { ETag: etag(o) });
  });
  rutt('POST', `${FIL}/recycle(?:\\(\\))?`, (f, m) => {
    const { l, o } = hittaFil(f, citat(m[1] ?? m[2]));
    h.kravSkriva(f, l, o);
    o.iPapperskorg = true;
    return json({ 'odata.metadata': `${lager.webbplats}/_api/$metadata#Edm.Guid`, value: randomUUID() });
  });
}

/**
 * ReadSecurity (1 all, 2 own) and WriteSecurity (1 all, 2 own, 4 none) from a list body; SharePoint
 * refuses other values. Returns only what the body sets.
 */
function radsakerhet(b: Record<string, unknown>): Partial<Pick<ILista, 'ReadSecurity' | 'WriteSecurity'>> | Response {
  const ut: Partial<Pick<ILista, 'ReadSecurity' | 'WriteSecurity'>> = {};
  const fel = (): Response => spFel(400, '-2147024809, System.ArgumentException', 'Value does not fall within the expected range.');
  if (b.ReadSecurity !== undefined) {
    if (b.ReadSecurity !== 1 && b.ReadSecurity !== 2) return fel();
    ut.ReadSecurity = b.ReadSecurity;
  }
  if (b.WriteSecurity !== undefined) {
    if (b.WriteSecurity !== 1 && b.WriteSecurity !== 2 && b.WriteSecurity !== 4) return fel();
    ut.WriteSecurity = b.WriteSecurity;
  }
  return ut;
}

/** Properties SharePoint sets itself on every item: who and when. */
const SYSTEMFALT = ['AuthorId', 'EditorId', 'Created', 'Modified'] as const;

/**
 * Takes who-and-when out of an item body. SharePoint sets them from the caller and its own clock;
 * a client below Full Control on the list cannot set them (they are ignored), so an item's Author and
 * Created are facts. Full Control may (migrations do), as SharePoint lets owners.
 */
function tillampaSystemfalt(lager: SpLager, l: ILista, f: IForfragan, kropp: Record<string, unknown>, o: IObjekt): void {
  const agare = lager.listNiva(l, f.anvandare) === 'Fullständig behörighet';
  for (const namn of SYSTEMFALT) {
    if (!(namn in kropp)) continue;
    const v = kropp[namn];
    delete kropp[namn];
    if (!agare) continue;
    if ((namn === 'AuthorId' || namn === 'EditorId') && typeof v === 'number' && lager.anvandareMedId(v)) {
      if (namn === 'AuthorId') o.skapadAv = v;
      else o.andradAv = v;
    } else if ((namn === 'Created' || namn === 'Modified') && typeof v === 'string' && !isNaN(Date.parse(v))) {
      const tid = new Date(v).toISOString().replace(/\.\d{3}Z$/, 'Z');
      if (namn === 'Created') o.skapad = tid;
      else o.andrad = tid;
    }
  }
}

function ogiltig(meddelande: string): Response {
  return spFel(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', meddelande);
}

function kontrolleraEtag(f: IForfragan, o: IObjekt): void {
  const ifMatch = f.req.headers.get('If-Match');
  if (!ifMatch || ifMatch === '*') return;
  // The client must treat the value as opaque; both "8" and "<guid>,8" forms name version 8.
  const version = Number(/(\d+)"?\s*$/.exec(ifMatch.replace(/^W\//, ''))?.[1]);
  if (version !== o.version) {
    throw spFel(412, '-1, Microsoft.SharePoint.Client.ClientServiceException',
      `The request ETag value '${ifMatch}' does not match the object's ETag value '"${o.GUID},${o.version}"'.`);
  }
}

function versionJson(lager: SpLager, l: ILista, o: IObjekt, v: IVersion2): Record<string, unknown> {
  const person = (id: number): Record<string, unknown> | null => {
    const a = lager.anvandareMedId(id);
    return a ? { LookupId: a.id, LookupValue: a.title, Email: a.email } : null;
  };
  const rad: Record<string, unknown> = {
    'odata.type': 'SP.ListItemVersion',
    'odata.id': `${lager.webbplats}/_api/Web/Lists(guid'${l.Id}')/Items(${o.Id})/versions(${v.version * 512})`,
    VersionId: v.version * 512, VersionLabel: `${v.version}.0`, IsCurrentVersion: v.version === o.version,
    Created: v.andrad, Modified: v.andrad, Editor: person(v.andradAv)
  };
  for (const f of l.falt) {
    if (f.FromBaseType && f.InternalName !== 'Title') continue;
    const x = v.varden[f.InternalName];
    if (f.TypeAsString === 'User') rad[f.InternalName] = typeof x === 'number' ? person(x) : null;
    else if (f.TypeAsString === 'UserMulti') rad[f.InternalName] = Array.isArray(x) ? x.map(person) : [];
    else if (f.TypeAsString === 'Lookup') {
      const mal = f.LookupList ? lager.listaMedId(f.LookupList) : undefined;
      rad[f.InternalName] = typeof x === 'number' ? { LookupId: x, LookupValue: String(mal?.objekt.get(x)?.varden.Title ?? '') } : null;
    } else rad[f.InternalName] = x ?? null;
  }
  return rad;
}

type IVersion2 = { version: number; varden: Record<string, unknown>; andrad: string; andradAv: number };

/** Checks a write the way SharePoint's REST layer does: unknown properties and wrong types fail, nothing else. */
function validera(lager: SpLager, l: ILista, kropp: Record<string, unknown>, befintligt: IObjekt | undefined): Record<string, unknown> {
  const ut: Record<string, unknown> = {};
  const typnamn = entitetsnamn(l);
  for (const [nyckel, varde] of Object.entries(kropp)) {
    if (nyckel === '__metadata' || nyckel === 'odata.type') continue;
    const direkt = lager.falt(l, nyckel);
    const viaId = nyckel.endsWith('Id') ? lager.falt(l, nyckel.slice(0, -2)) : undefined;
    const falt = direkt && !['User', 'UserMulti', 'Lookup'].includes(direkt.TypeAsString) ? direkt : viaId;
    if (!falt || falt.ReadOnlyField || (falt.FromBaseType && falt.InternalName !== 'Title')) {
      throw ogiltig(`The property '${nyckel}' does not exist on type '${typnamn}'. Make sure to only use property names that are defined by the type.`);
    }
    const fel = (edm: string): never => { throw ogiltig(`Cannot convert a primitive value to the expected type '${edm}'. See the inner exception for more details.`); };
    let v: unknown = varde;
    if (v !== null) {
      switch (falt.TypeAsString) {
        case 'Text': case 'Note': case 'Choice':
          if (typeof v !== 'string') fel('Edm.String');
          if ((falt.TypeAsString === 'Text' || (falt.TypeAsString === 'Note' && l.BaseTemplate === 101 && !falt.UnlimitedLengthInDocumentLibrary)) &&
            (v as string).length > 255) {
            throw spFel(400, '-2130575155, Microsoft.SharePoint.SPFieldValidationException', 'The value for the field is longer than 255 characters.');
          }
          break;
        case 'Number':
          if (typeof v !== 'number') fel('Edm.Double');
          break;
        case 'Boolean':
          if (typeof v !== 'boolean') fel('Edm.Boolean');
          break;
        case 'DateTime':
          if (typeof v !== 'string' || isNaN(Date.parse(v))) fel('Edm.DateTime');
          v = new Date(v as string).toISOString().replace(/\.\d{3}Z$/, 'Z');
          break;
        case 'User': case 'Lookup':
          if (typeof v !== 'number') fel('Edm.Int32');
          break;
        case 'UserMulti': {
          const lista = Array.isArray(v) ? v : (v as { results?: unknown }).results;
          if (!Array.isArray(lista) || lista.some((x) => typeof x !== 'number')) fel('Collection(Edm.Int32)');
          v = lista;
          break;
        }
      }
    }
    if (falt.EnforceUniqueValues && v !== null && v !== '') {
      const krock = Array.from(l.objekt.values()).some((o) => o !== befintligt && !o.iPapperskorg && String(o.varden[falt.InternalName] ?? '').toLowerCase() === String(v).toLowerCase());
      if (krock) {
        throw spFel(400, '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException', 'This value already exists in the list.');
      }
    }
    ut[falt.InternalName] = v;
  }
  return ut;
}
