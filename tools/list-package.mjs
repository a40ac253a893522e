// Lists what the built .sppkg holds: the solution, each component and the Teams app.
import { readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const rot = join(dirname(fileURLToPath(import.meta.url)), '..');
const sppkg = join(rot, 'sharepoint', 'solution', 'arendeportalen.sppkg');
const zip = await JSZip.loadAsync(readFileSync(sppkg));

const komponenter = [];
for (const namn of Object.keys(zip.files)) {
  if (/\/(WebPart|Extension)_[0-9a-f-]{36}\.xml$/i.test(namn)) {
    const xml = await zip.file(namn).async('string');
    const m = xml.match(/ComponentManifest="([^"]*)"/);
    if (m) {
      const manifest = JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
      komponenter.push(`${manifest.componentType === 'WebPart' ? 'Webbdel' : 'Tillägg'}: ${manifest.alias} (${manifest.id})`);
    }
  }
}
console.log(`\n${sppkg.slice(rot.length + 1)}: ${(statSync(sppkg).size / 1024).toFixed(0)} kB`);
for (const rad of komponenter.sort()) console.log(`  ${rad}`);
const teams = Object.keys(zip.files).find((n) => /TeamsSPFxApp\.zip$/i.test(n));
console.log(teams ? `  Teams-app: ${teams}` : '  Teams-app saknas!');
console.log('\nDriftsätt enligt README, "Driftsätta i en riktig klientorganisation".');
