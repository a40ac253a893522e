/**
 * npm run anonymisera -- --site https://kommun.sharepoint.com/sites/arendeportalen [--ar 2] [--dry-run] [--token <bearer>]
 * npm run anonymisera -- --emulator [--ar 2] [--dry-run]
 *
 * Anonymises the tablet loans returned more than --ar years ago (default 2): the borrower's name
 * leaves the loan, its version history, its receipts and its incidents (docs/surfplattor.md, which
 * also says how to schedule it). Signs in through CLI for Microsoft 365 as provisioning/cli.ts does
 * (`m365 login` first) as an account with Full Control on the register's lists; `--token` takes a
 * token directly. `--emulator` runs against the demo emulator in this process, as kommunservice.
 * Exit code 1 when the account may not run it or a loan could not be finished.
 */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import { Emulator } from '../emulator/core';
import { skapaDemo } from '../emulator/demo';
import { forstaMedRoll } from '../emulator/demo/anvandare';
import { EmulatorTransport } from '../emulator/pnp';
import { DataFel, DataFelorsak } from '../src/data/fel';
import { skapaSp } from '../src/data/pnp';
import { anonymisera, sammanfattning } from '../src/data/surfplattor/Anonymisering';
import { swedishDate } from '../src/domain/dates';
import { STANDARD_GALLRINGSAR } from '../src/domain/surfplatta';
import { argument, tokenFranM365 } from './m365Inloggning';

const ANVANDNING = 'Ange webbplatsen: npm run anonymisera -- --site https://kommun.sharepoint.com/sites/arendeportalen '
  + `[--ar ${STANDARD_GALLRINGSAR}] [--dry-run] [--token <bearer>], eller npm run anonymisera -- --emulator [--dry-run]`;

const FELTEXT: Partial<Record<DataFelorsak, string>> = {
  behorighet: 'Kontot saknar fullständig behörighet på listorna Lån, Kvittenser och Händelser: kör jobbet som ett konto i gruppen '
    + '"Ärendeportalen – Kommunservice" eller som webbplatsens ägare. Inget ändrades.',
  inloggning: 'Inloggningen godtogs inte (401): logga in med "m365 login" eller ange en giltig --token. Inget ändrades.',
  natverk: 'Kunde inte nå webbplatsen: kontrollera adressen och nätverket. Inget ändrades.',
  strypt: 'SharePoint stryper anropen (429/503) även efter flera försök: kör jobbet igen senare.',
  troskel: 'Listan Lån är för stor för frågan (listvytröskeln): kontrollera att kolumnen Återlämnad är indexerad (npm run provision).'
};

async function kalla(): Promise<{ sp: SPFI; webb: string; emulator?: Emulator }> {
  if (process.argv.includes('--emulator')) {
    const { emulator } = await skapaDemo();
    const kommunservice = forstaMedRoll('kommunservice')!;
    const sp = skapaSp(emulator.konfig.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(kommunservice.email) }))
      .using(EmulatorTransport(emulator));
    return { sp, webb: emulator.sitePath, emulator };
  }
  const webbplats = argument('--site');
  if (!webbplats || !/^https?:\/\//.test(webbplats)) throw new Error(ANVANDNING);
  const token = argument('--token') ?? tokenFranM365(webbplats, 'ett konto med fullständig behörighet på registrets listor');
  return { sp: skapaSp(webbplats, SPBrowser(), InjectHeaders({ Authorization: `Bearer ${token}` })), webb: new URL(webbplats).pathname };
}

async function main(): Promise<void> {
  const arText = argument('--ar');
  const ar = arText === undefined ? STANDARD_GALLRINGSAR : Number(arText);
  if (!Number.isInteger(ar) || ar < 0) throw new Error(`--ar ska vara ett helt antal år (${STANDARD_GALLRINGSAR} om det utelämnas).`);
  const { sp, webb, emulator } = await kalla();
  const rapport = await anonymisera(sp, webb, { idag: swedishDate(new Date()), ar, torrkorning: process.argv.includes('--dry-run') });
  emulator?.forvantaIngaOkanda();
  console.log(sammanfattning(rapport));
  if (rapport.lan.some((l) => l.fel)) process.exitCode = 1;
}

main().catch((fel: Error) => {
  const text = fel instanceof DataFel ? FELTEXT[fel.orsak] ?? `Jobbet avbröts: ${fel.message}.`
    : fel.message === 'fetch failed' ? FELTEXT.natverk! : fel.message;
  console.error(text);
  process.exitCode = 1;
});
