/**
 * npm run provision -- --site https://kommun.sharepoint.com/sites/arendeportalen [--dry-run] [--token <bearer>]
 *   [--registrator registrator@kommun.se] [--portal | --utan-portal]
 *
 * Signs in through CLI for Microsoft 365 (`m365 login` first): it asks m365 for an access token
 * to the SharePoint host, so no app registration of our own is needed. `--token` takes a token
 * directly (the local workbench's emulator accepts `emu-admin@kommun.se`). `--registrator` also sets
 * the tenant property with the registrator's address in the tenant app catalog (E-postrutinen's
 * Diarieför, also in Teams and Outlook): that needs an app catalog administrator.
 *
 * It also sets the tenant property Arendeportalen.PortalUrl to the site when no portal is named
 * there yet: the personal apps in Teams and Outlook run on the tenant's root site and find the
 * lists through it. `--portal` moves it to this site when it names another; `--utan-portal` leaves it
 * alone (a test site beside the portal in use).
 */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser } from '@pnp/sp';
import { skapaSp } from '../src/data/pnp';
import { provisionera } from './provisionera';
import { argument, tokenFranM365 } from '../tools/m365Inloggning';

async function main(): Promise<void> {
  const webbplats = argument('--site');
  if (!webbplats || !/^https?:\/\//.test(webbplats)) {
    throw new Error('Ange webbplatsen: npm run provision -- --site https://kommun.sharepoint.com/sites/arendeportalen [--dry-run]');
  }
  const torrkorning = process.argv.includes('--dry-run');
  const registratorAdress = argument('--registrator');
  if (process.argv.includes('--registrator') && (!registratorAdress || registratorAdress.startsWith('--'))) {
    throw new Error('Ange registratorns adress efter --registrator, till exempel --registrator registrator@kommun.se');
  }
  const flytta = process.argv.includes('--portal');
  const utan = process.argv.includes('--utan-portal');
  if (flytta && utan) throw new Error('Ange --portal eller --utan-portal, inte båda.');
  const portal = flytta ? 'flytta' : utan ? 'nej' : 'om-ledig';
  const token = argument('--token') ?? tokenFranM365(webbplats, registratorAdress || flytta ? 'ägare till webbplatsen och administratör för appkatalogen' : 'ägare till webbplatsen');
  const sp = skapaSp(webbplats, SPBrowser(), InjectHeaders({ Authorization: `Bearer ${token}` }));
  const start = Date.now();
  const { andringar, varningar } = await provisionera(sp, { torrkorning, registratorAdress, portal });
  for (const rad of andringar) console.log(rad);
  for (const rad of varningar) console.warn(rad);
  const tid = ((Date.now() - start) / 1000).toFixed(1);
  console.log(andringar.length === 0
    ? `Webbplatsen följer redan schemat; inget ändrades (${tid} s).`
    : `${andringar.length} ändringar ${torrkorning ? 'skulle göras (torrkörning, inget ändrades)' : 'gjordes'} på ${tid} s.`);
}

main().catch((fel: Error) => {
  // A dead network or a wrong host gives Node's bare "fetch failed"; say what it means.
  console.error(fel.message === 'fetch failed' ? `Kunde inte nå webbplatsen: kontrollera adressen och nätverket (${String((fel as Error & { cause?: Error }).cause?.message ?? '')}).` : fel.message);
  process.exitCode = 1;
});
