/**
 * Opens the .sppkg that `npm run package` built (npm test builds it first) and checks what a
 * tenant admin would deploy: the solution, every component with its hosts and strings, the Graph
 * permissions, and the Teams apps validated against Microsoft's Teams manifest schema.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { ROT } from '../support/locFiler';

interface IKomponentManifest {
  id: string;
  alias: string;
  componentType: 'WebPart' | 'Extension';
  extensionType?: string;
  supportedHosts?: string[];
  loaderConfig: { entryModuleId: string; scriptResources: Record<string, { type: string; path?: string; paths?: Record<string, string>; defaultPath?: string }> };
}

const SPPKG = join(ROT, 'sharepoint', 'solution', 'arendeportalen.sppkg');
const MOTES_TEAMS = join(ROT, 'sharepoint', 'solution', 'arendeportalen-motesportal-teams.zip');
const losning = JSON.parse(readFileSync(join(ROT, 'config', 'package-solution.json'), 'utf8'));
const paket = JSON.parse(readFileSync(join(ROT, 'package.json'), 'utf8'));
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

/** The component manifests in src/, which the package must hold one for one. */
function kallManifest(): Array<{ id: string; alias: string }> {
  const hittade: Array<{ id: string; alias: string }> = [];
  const gå = (mapp: string): void => {
    for (const d of readdirSync(mapp, { withFileTypes: true })) {
      const sokvag = join(mapp, d.name);
      if (d.isDirectory()) gå(sokvag);
      else if (d.name.endsWith('.manifest.json')) hittade.push(JSON.parse(readFileSync(sokvag, 'utf8')));
    }
  };
  gå(join(ROT, 'src'));
  return hittade;
}

function teamsSchema(fil: string): object {
  return JSON.parse(readFileSync(require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v1.30/${fil}`), 'utf8'));
}

function validerare(): Ajv04 {
  // The Teams schemas' patterns are written for JavaScript's non-unicode RegExp.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv;
}

let zip: JSZip;
let komponenter: IKomponentManifest[];

beforeAll(async () => {
  if (!existsSync(SPPKG)) {
    throw new Error(`${SPPKG} saknas: kör "npm run package" (npm test gör det först).`);
  }
  zip = await JSZip.loadAsync(readFileSync(SPPKG));
  komponenter = [];
  for (const namn of Object.keys(zip.files).filter((n) => /\/(WebPart|Extension)_[0-9a-f-]{36}\.xml$/.test(n))) {
    const element = xml.parse(await zip.file(namn)!.async('string'));
    komponenter.push(JSON.parse(element.Elements.ClientSideComponent.ComponentManifest));
  }
});

const komponent = (alias: string): IKomponentManifest => {
  const hit = komponenter.find((k) => k.alias === alias);
  if (!hit) throw new Error(`${alias} finns inte i paketet`);
  return hit;
};

describe('lösningspaketet arendeportalen.sppkg', () => {
  it('är lösningen Ärendeportalen med rätt id och version', async () => {
    const app = xml.parse(await zip.file('AppManifest.xml')!.async('string')).App;
    expect(app.Name).toBe('Ärendeportalen');
    expect(app.ProductID).toBe(losning.solution.id);
    expect(app.Version).toBe(`${paket.version}.0`);
    expect(app.IsClientSideSolution).toBe('true');
    expect(statSync(SPPKG).size).toBeLessThan(5 * 1024 * 1024);
  });

  it('begär exakt de Graph-behörigheter delarna behöver, och README förklarar var och en', async () => {
    const app = xml.parse(await zip.file('AppManifest.xml')!.async('string')).App;
    const begaran = [app.WebApiPermissionRequests.WebApiPermissionRequest].flat()
      .map((b: { ResourceId: string; Scope: string }) => `${b.ResourceId}:${b.Scope}`).sort();
    expect(begaran).toEqual([
      'Microsoft Graph:DeviceManagementManagedDevices.PrivilegedOperations.All',
      'Microsoft Graph:DeviceManagementManagedDevices.Read.All',
      'Microsoft Graph:Mail.ReadWrite',
      'Microsoft Graph:Mail.Send',
      'Microsoft Graph:Tasks.ReadWrite',
      'Microsoft Graph:User.Read',
      'Microsoft Graph:User.ReadBasic.All'
    ]);
    const readme = readFileSync(join(ROT, 'README.md'), 'utf8');
    for (const b of begaran) {
      expect(readme).toContain(`\`${b.split(':')[1]}\``);
    }
  });

  it('innehåller varje komponent i src/, varken fler eller färre', () => {
    const kalla = kallManifest();
    expect(kalla).toHaveLength(7);
    expect(komponenter.map((k) => k.id).sort()).toEqual(kalla.map((k) => k.id).sort());
    expect(komponenter.map((k) => k.alias).sort()).toEqual(kalla.map((k) => k.alias).sort());
  });

  it.each([
    ['ArendebalansWebPart', ['SharePointWebPart', 'TeamsTab', 'TeamsPersonalApp']],
    ['MotesportalWebPart', ['SharePointWebPart', 'TeamsTab']],
    ['SurfplattorWebPart', ['SharePointWebPart', 'TeamsPersonalApp']],
    ['EpostrutinWebPart', ['SharePointWebPart', 'TeamsPersonalApp']]
  ])('webbdelen %s finns för värdarna %j', (alias, vardar) => {
    const k = komponent(alias);
    expect(k.componentType).toBe('WebPart');
    expect([...(k.supportedHosts ?? [])].sort()).toEqual([...vardar].sort());
  });

  it.each([
    ['UppdragStatusFieldCustomizer', 'FieldCustomizer'],
    ['UppdragCommandsCommandSet', 'ListViewCommandSet'],
    ['TjanstestatusApplicationCustomizer', 'ApplicationCustomizer']
  ])('tillägget %s är av typen %s', (alias, typ) => {
    const k = komponent(alias);
    expect(k.componentType).toBe('Extension');
    expect(k.extensionType).toBe(typ);
  });

  it('har varje komponents kod och dess strängar på svenska och engelska i paketet', () => {
    const filer = new Set(Object.keys(zip.files));
    for (const k of komponenter) {
      const resurser = k.loaderConfig.scriptResources;
      const entry = resurser[k.loaderConfig.entryModuleId];
      expect(filer).toContain(`ClientSideAssets/${entry.path}`);
      const strangModuler = Object.entries(resurser).filter(([, r]) => r.type === 'localizedPath');
      expect(strangModuler.length).toBeGreaterThanOrEqual(1);
      for (const [, r] of strangModuler) {
        const sprak = Object.keys(r.paths ?? {}).map((s) => s.toLowerCase()).sort();
        expect(sprak).toEqual(expect.arrayContaining(['en-us', 'sv-se']));
        for (const fil of Object.values(r.paths ?? {})) {
          expect(filer).toContain(`ClientSideAssets/${fil}`);
        }
      }
    }
  });

  it('lägger in tjänstestatus-banderollen för hela klientorganisationen', async () => {
    const instans = Object.keys(zip.files).find((n) => n.endsWith('/ClientSideInstance.xml'))!;
    const el = xml.parse(await zip.file(instans)!.async('string')).Elements.ClientSideComponentInstance;
    expect(el.ComponentId).toBe(komponent('TjanstestatusApplicationCustomizer').id);
    expect(el.Location).toBe('ClientSideExtension.ApplicationCustomizer');
  });
});

describe.each([
  ['huvudappen i .sppkg', async (): Promise<JSZip> => JSZip.loadAsync(await zip.file('ClientSideAssets/TeamsSPFxApp.zip')!.async('nodebuffer'))],
  ['Mötesportalens app', async (): Promise<JSZip> => JSZip.loadAsync(readFileSync(MOTES_TEAMS))]
])('Teams: %s', (_namn, oppna) => {
  let app: JSZip;
  let manifest: {
    manifestVersion: string; version: string; id: string;
    icons: { color: string; outline: string };
    localizationInfo: { defaultLanguageTag: string; additionalLanguages: Array<{ languageTag: string; file: string }> };
    staticTabs?: Array<{ contentUrl: string; scopes: string[] }>;
    configurableTabs?: Array<{ configurationUrl: string }>;
  };

  beforeAll(async () => {
    app = await oppna();
    manifest = JSON.parse(await app.file('manifest.json')!.async('string'));
  });

  it('följer Teams manifestschema för den version det anger', () => {
    const validera = validerare().compile(teamsSchema('MicrosoftTeams.schema.json'));
    expect(manifest.manifestVersion).toBe('1.30');
    const ok = validera(manifest);
    expect(validera.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(manifest.version).toBe(paket.version);
  });

  it('är på svenska med en engelsk översättning som följer lokaliseringsschemat', async () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('sv-se');
    const [engelska] = manifest.localizationInfo.additionalLanguages;
    expect(engelska.languageTag).toBe('en-us');
    const oversattning = JSON.parse(await app.file(engelska.file)!.async('string'));
    const validera = validerare().compile(teamsSchema('MicrosoftTeams.Localization.schema.json'));
    const ok = validera(oversattning);
    expect(validera.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect((manifest.staticTabs ?? []).every((_flik, i) => typeof oversattning[`staticTabs[${i}].name`] === 'string')).toBe(true);
  });

  it('har en färgikon på 192×192 och en vit konturikon på 32×32 med genomskinlig bakgrund', async () => {
    const farg = PNG.sync.read(await app.file(manifest.icons.color)!.async('nodebuffer'));
    expect([farg.width, farg.height]).toEqual([192, 192]);
    const kontur = PNG.sync.read(await app.file(manifest.icons.outline)!.async('nodebuffer'));
    expect([kontur.width, kontur.height]).toEqual([32, 32]);
    let genomskinliga = 0;
    for (let i = 0; i < kontur.data.length; i += 4) {
      if (kontur.data[i + 3] === 0) genomskinliga++;
      else expect([kontur.data[i], kontur.data[i + 1], kontur.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(genomskinliga).toBeGreaterThan(32 * 32 / 2);
  });

  it('pekar bara på webbdelar i paketet som stöder den Teams-värd fliken kräver', () => {
    const komponentId = (url: string): string => /componentId=([0-9a-f-]{36})/.exec(url)![1];
    for (const flik of manifest.staticTabs ?? []) {
      const wp = komponenter.find((k) => k.id === komponentId(flik.contentUrl));
      expect(wp?.supportedHosts).toContain('TeamsPersonalApp');
    }
    for (const flik of manifest.configurableTabs ?? []) {
      const wp = komponenter.find((k) => k.id === komponentId(flik.configurationUrl));
      expect(wp?.supportedHosts).toContain('TeamsTab');
    }
  });
});

describe('Teams-apparna tillsammans', () => {
  it('ger varje webbdel en personlig flik eller kanalflik för varje Teams-värd den anger', async () => {
    const huvud = JSON.parse(await (await JSZip.loadAsync(await zip.file('ClientSideAssets/TeamsSPFxApp.zip')!.async('nodebuffer'))).file('manifest.json')!.async('string'));
    const motes = JSON.parse(await (await JSZip.loadAsync(readFileSync(MOTES_TEAMS))).file('manifest.json')!.async('string'));
    const personliga = [...(huvud.staticTabs ?? []), ...(motes.staticTabs ?? [])].map((f: { contentUrl: string }) => f.contentUrl).join(' ');
    const kanal = [...(huvud.configurableTabs ?? []), ...(motes.configurableTabs ?? [])].map((f: { configurationUrl: string }) => f.configurationUrl).join(' ');
    expect(huvud.id).not.toBe(motes.id);
    for (const k of komponenter.filter((c) => c.componentType === 'WebPart')) {
      if (k.supportedHosts?.includes('TeamsPersonalApp')) expect(personliga).toContain(k.id);
      if (k.supportedHosts?.includes('TeamsTab')) expect(kanal).toContain(k.id);
    }
  });
});
