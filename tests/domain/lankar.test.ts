import { readFileSync } from 'fs';
import { join } from 'path';
import { sidLank, teamsLank, uppdragFranLank } from '../../src/webparts/arendebalans/lankar';
import { KOMPONENT_ID, TEAMS_APP } from '../../src/schema/komponenter';

describe('länkar till ett uppdrag', () => {
  it('bygger en Teams-djuplänk som Teams lämnar tillbaka som undersida', () => {
    const lank = teamsLank(12);
    expect(lank).toBe(`https://teams.microsoft.com/l/entity/${TEAMS_APP.id}/arendebalans?context=%7B%22subEntityId%22%3A%2212%22%7D`);
    const kontext = JSON.parse(decodeURIComponent(new URL(lank).searchParams.get('context')!));
    expect(uppdragFranLank(kontext.subEntityId, '')).toBe(12);
  });

  it('läser ?uppdrag= i SharePoint och ignorerar skräp', () => {
    expect(uppdragFranLank(undefined, `?${new URL(sidLank('https://kommun.sharepoint.com/sites/ks/SitePages/Uppdrag.aspx', 7)).search.slice(1)}`)).toBe(7);
    expect(uppdragFranLank('', '?uppdrag=7;drop')).toBeUndefined();
    expect(uppdragFranLank(undefined, '')).toBeUndefined();
  });

  it('pekar på appen och fliken som finns i Teams-manifestet, och på komponenterna i deras manifest', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../teams/manifest.json'), 'utf8'));
    expect(manifest.id).toBe(TEAMS_APP.id);
    expect(manifest.staticTabs.map((t: { entityId: string }) => t.entityId)).toContain(TEAMS_APP.arendebalansFlik);
    const las = (fil: string): { id: string } => JSON.parse(readFileSync(join(__dirname, '../../src/extensions', fil), 'utf8'));
    expect(las('uppdragStatus/UppdragStatusFieldCustomizer.manifest.json').id).toBe(KOMPONENT_ID.uppdragStatusFalt);
    expect(las('uppdragCommands/UppdragCommandsCommandSet.manifest.json').id).toBe(KOMPONENT_ID.uppdragKommandon);
  });
});
