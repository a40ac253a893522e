/**
 * npm run public-site -- --site https://kommun.sharepoint.com/sites/arendeportalen --out <dir> [--token <bearer>]
 * npm run public-site -- --emulator --out <dir>
 *   [--name "Kommunens sammanträden"] [--base-url https://www.kommun.se/moten/]
 *
 * Against SharePoint it signs in through CLI for Microsoft 365 as provisioning/cli.ts does (`m365
 * login` first, as the public reading account: the only member of "Ärendeportalen – Publik
 * läsning"); `--token` takes a token directly. `--emulator` builds from the demo emulator in this
 * process, signed in as its public reading account.
 */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser } from '@pnp/sp';
import { skapaDemo } from '../emulator/demo';
import { DataFel, DataFelorsak } from '../src/data/fel';
import { skapaSp } from '../src/data/pnp';
import { byggPublikWebbplats, sammanfattning } from './bygg';
import { publikSp } from './emulatorKalla';
import { argument, tokenFranM365 } from '../tools/m365Inloggning';

const ANVANDNING = 'Ange källa och katalog: npm run public-site -- --site https://kommun.sharepoint.com/sites/arendeportalen --out publik-webbplats '
  + '[--token <bearer>] [--name <namn>] [--base-url <adress>], eller npm run public-site -- --emulator --out publik-webbplats';

async function main(): Promise<void> {
  const ut = argument('--out');
  const emulator = process.argv.includes('--emulator');
  const webbplats = argument('--site');
  if (!ut || (!emulator && (!webbplats || !/^https?:\/\//.test(webbplats)))) throw new Error(ANVANDNING);
  const basUrl = argument('--base-url');
  if (basUrl && !/^https?:\/\//.test(basUrl)) throw new Error('--base-url ska vara en adress som börjar med https://');
  const gemensamt = { ut, namn: argument('--name'), basUrl };
  let resultat;
  if (emulator) {
    const demo = await skapaDemo();
    resultat = await byggPublikWebbplats({ ...gemensamt, sp: publikSp(demo.emulator), webbplats: demo.emulator.konfig.webbplats });
    demo.emulator.forvantaIngaOkanda();
  } else {
    const token = argument('--token') ?? tokenFranM365(webbplats!, 'kontot för publik läsning');
    const sp = skapaSp(webbplats!, SPBrowser(), InjectHeaders({ Authorization: `Bearer ${token}` }));
    resultat = await byggPublikWebbplats({ ...gemensamt, sp, webbplats: webbplats! });
  }
  console.log(sammanfattning(resultat));
}

/** What went wrong, in words the person running the build can act on; the previous site is always left as it was. */
const FELTEXT: Partial<Record<DataFelorsak, string>> = {
  natverk: 'Kunde inte nå webbplatsen: kontrollera adressen och nätverket.',
  inloggning: 'Inloggningen godtogs inte (401): logga in som kontot för publik läsning eller ange en giltig --token.',
  behorighet: 'Kontot saknar läsbehörighet (403): det ska vara medlem i gruppen "Ärendeportalen – Publik läsning".',
  saknas: 'En lista saknas eller syns inte för kontot (404): provisionera webbplatsen (npm run provision) och kontrollera att kontot är medlem i gruppen "Ärendeportalen – Publik läsning".',
  strypt: 'SharePoint stryper anropen (429/503) även efter flera försök: försök igen senare.',
  troskel: 'En lista är för stor för frågan (listvytröskeln): rapportera det som ett fel.'
};

main().catch((fel: Error) => {
  const avBygget = fel instanceof DataFel || fel.message === 'fetch failed';
  const text = fel instanceof DataFel ? FELTEXT[fel.orsak] ?? fel.message : fel.message === 'fetch failed' ? FELTEXT.natverk! : fel.message;
  console.error(avBygget ? `${text} Den förra publika webbplatsen är orörd.` : text);
  process.exitCode = 1;
});
