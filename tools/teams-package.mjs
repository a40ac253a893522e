// Zips the Teams app manifests. SPFx's package-solution picks up teams/TeamsSPFxApp.zip and
// puts it inside the .sppkg, so the main app deploys with the solution. A Teams app may have
// only one configurable tab, so Mötesportal's channel tab ships as a second app beside the
// .sppkg, uploaded to Teams by the admin (README: "Teams").
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const rot = join(dirname(fileURLToPath(import.meta.url)), '..');
const teams = join(rot, 'teams');
const ikoner = ['color.png', 'outline.png'];

async function zippa(manifestMapp, mal) {
  const zip = new JSZip();
  for (const fil of ['manifest.json', 'en-us.json']) {
    zip.file(fil, readFileSync(join(manifestMapp, fil)));
  }
  for (const fil of ikoner) {
    zip.file(fil, readFileSync(join(teams, fil)));
  }
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  mkdirSync(dirname(mal), { recursive: true });
  writeFileSync(mal, data);
  console.log(`${mal.slice(rot.length + 1)} (${data.length} byte)`);
}

await zippa(teams, join(teams, 'TeamsSPFxApp.zip'));
await zippa(join(teams, 'motesportal'), join(rot, 'sharepoint', 'solution', 'arendeportalen-motesportal-teams.zip'));
