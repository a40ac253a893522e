/**
 * Ärendebalanslistan in a real browser, in Swedish and the SharePoint theme, as a person uses it:
 * the ledamot filters, looks at the overview and reads one uppdrag's history (and cannot edit);
 * the handläggare edits an uppdrag, meets a colleague's save in a second tab and resolves the
 * conflict, creates the KF report and gets uppdrag proposals from a justerat protokoll. axe (WCAG
 * 2.1 A/AA, whole page) finds no serious or critical violation with each panel open. One browser
 * and one workbench for the file; every wait is on visible text or a role, never on a timeout.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { IStartadWorkbench, startaWorkbench } from '../../workbench/start';
import { axeUtanAllvarligaFel, forvantaRenLogg, IBevakadSida, ISidaIKontext, ISidlogg, nyKontext, nySida, SKARMBILDER, startaChromium } from './stod/webblasare';

// The Swedish texts the tests look for (src/webparts/arendebalans/**/loc/sv-se.js).
const T = {
  rubrik: 'Ärendebalanslista',
  baraForsenade: 'Bara försenade',
  sok: 'Sök',
  flikLista: 'Uppdrag',
  flikOversikt: 'Översikt',
  tabellRubrik: 'Antal uppdrag per förvaltning och status',
  historik: 'Historik',
  redigera: 'Redigera',
  spara: 'Spara',
  sparat: 'Ändringarna är sparade.',
  varIHanteringen: 'Var i hanteringen',
  kommentar: 'Kommentar',
  konfliktRubrik: 'Någon annan har sparat uppdraget sedan du öppnade det',
  konfliktMitt: (v: string): string => `Mitt värde: ${v}`,
  konfliktDeras: (v: string): string => `Sparat av någon annan: ${v}`,
  konfliktSpara: 'Spara mina val',
  kommandon: 'Åtgärder för handläggare',
  kommandoRedovisning: 'Redovisning till KF',
  kommandoProtokoll: 'Från protokoll',
  skapaRedovisning: 'Skapa redovisning',
  laddaNedDocx: 'Ladda ned Word-filen (.docx)',
  laddaNedXlsx: 'Ladda ned Excelfilen (.xlsx)',
  protokollRubrik: 'Uppdrag från protokoll',
  valjProtokoll: 'Justerat protokoll'
};

/** Demo uppdrag (emulator/demo/data.ts): index 2 is Försenat with history; index 0 is not started and on time, so it saves without an orsak. */
const FORSENAT_UPPDRAG = 'Minska energianvändningen i kommunens lokaler';
const REDIGERAT_UPPDRAG = 'Utred kontinuerligt uppdaterade ärendebalanslistor';

let wb: IStartadWorkbench;
let webblasare: Browser;
let origin: string;
const loggar: ISidlogg[] = [];

beforeAll(async () => {
  // React's production build: about 45 s for the file instead of about 75 s with the development
  // build on two cores. The price: React's development-only warnings (e.g. a state update after
  // unmount) are not seen here; workbench.test.ts runs the development build.
  [webblasare, wb] = await Promise.all([startaChromium(), startaWorkbench({ port: 0, tyst: true, produktion: true })]);
  origin = new URL(wb.url).origin;
});

afterAll(async () => {
  await webblasare?.close();
  await wb?.stang();
});

/** One person's browser: a fresh context and its first page, whose log joins the file's. */
async function nyttFonster(): Promise<ISidaIKontext> {
  const ny = await nyKontext(webblasare, origin);
  loggar.push(ny.logg);
  return ny;
}

/** A second tab in the same browser (same session). */
async function nyFlik(kontext: BrowserContext): Promise<IBevakadSida> {
  const ny = await nySida(kontext, origin);
  loggar.push(ny.logg);
  return ny;
}

const adress = (roll: string): string =>
  `${wb.url}?${new URLSearchParams({ roll, sprak: 'sv-SE', tema: 'sharepoint', del: 'arendebalans' }).toString()}`;

const delen = (sida: Page): Locator => sida.locator('[data-del="arendebalans"]');
const antalText = (sida: Page): Locator => delen(sida).getByRole('status').filter({ hasText: /^\d+ av \d+ uppdrag$/ });

/** Loads the part for a role and waits for the list and its count. */
async function oppnaDelen(sida: Page, roll: string): Promise<{ visade: number; totalt: number }> {
  await sida.goto(adress(roll));
  await delen(sida).getByRole('heading', { name: T.rubrik, level: 2 }).waitFor();
  await delen(sida).getByRole('grid').waitFor();
  return lasAntal(sida);
}

async function lasAntal(sida: Page): Promise<{ visade: number; totalt: number }> {
  const text = (await antalText(sida).textContent()) ?? '';
  const m = /^(\d+) av (\d+) uppdrag$/.exec(text);
  if (!m) throw new Error(`Oväntad antalstext: ${JSON.stringify(text)}`);
  return { visade: Number(m[1]), totalt: Number(m[2]) };
}

/** Searches the list for one rubrik (the list virtualizes), opens it and waits until its panel has loaded. */
async function oppnaUppdrag(sida: Page, rubrik: string, totalt: number): Promise<Locator> {
  await delen(sida).getByRole('searchbox', { name: T.sok }).fill(rubrik);
  await antalText(sida).filter({ hasText: `1 av ${totalt} uppdrag` }).waitFor();
  await delen(sida).getByRole('button', { name: rubrik, exact: true }).click();
  const panel = sida.getByRole('dialog', { name: rubrik });
  await panel.getByRole('heading', { name: T.historik, level: 3 }).waitFor();
  return panel;
}


const skarmbild = (namn: string): string => join(SKARMBILDER, `arendebalans-${namn}.png`);


describe('ärendebalanslistan som ledamot', () => {
  it('filtrerar, visar översikten och ett uppdrags historik utan att kunna redigera; axe på panelen', async () => {
    const { kontext, sida, logg } = await nyttFonster();
    const { visade, totalt } = await oppnaDelen(sida, 'ledamot');
    expect(totalt).toBeGreaterThan(0);
    expect(visade).toBe(totalt);
    await expect(delen(sida).getByRole('grid').getByRole('row').count()).resolves.toBeGreaterThan(1);
    // A ledamot gets no handläggare commands.
    await expect(delen(sida).getByRole('menubar', { name: T.kommandon }).count()).resolves.toBe(0);

    // "Bara försenade": fewer, but some (the demo has late uppdrag).
    await delen(sida).getByText(T.baraForsenade, { exact: true }).click();
    await antalText(sida).filter({ hasNotText: new RegExp(`^${totalt} av`) }).waitFor();
    const forsenade = await lasAntal(sida);
    expect(forsenade.totalt).toBe(totalt);
    expect(forsenade.visade).toBeGreaterThan(0);
    expect(forsenade.visade).toBeLessThan(totalt);
    await delen(sida).screenshot({ path: skarmbild('ledamot-forsenade') });

    // Översikt: the table, whose grand total is every uppdrag.
    await delen(sida).getByRole('tab', { name: T.flikOversikt }).click();
    const tabell = delen(sida).getByRole('table', { name: T.tabellRubrik });
    await tabell.waitFor();
    const totalRad = tabell.locator('tfoot tr');
    await expect(totalRad.locator('td').last().textContent()).resolves.toBe(String(totalt));
    await delen(sida).screenshot({ path: skarmbild('ledamot-oversikt') });

    // Back to the list (the Pivot remounts it, filters reset) and open one late uppdrag.
    await delen(sida).getByRole('tab', { name: T.flikLista }).click();
    await antalText(sida).filter({ hasText: `${totalt} av ${totalt} uppdrag` }).waitFor();
    const panel = await oppnaUppdrag(sida, FORSENAT_UPPDRAG, totalt);
    const historik = panel.getByRole('list', { name: T.historik });
    await historik.waitFor();
    await expect(historik.getByRole('listitem').count()).resolves.toBeGreaterThan(0);
    await expect(panel.getByRole('button', { name: T.redigera }).count()).resolves.toBe(0);
    await axeUtanAllvarligaFel(sida, 'ledamot, uppdragets panel');
    await sida.screenshot({ path: skarmbild('ledamot-detalj') });
    forvantaRenLogg(logg);
    await kontext.close();
  });
});

describe('ärendebalanslistan som handläggare', () => {
  it('redigerar ett uppdrag, och löser en krock med en annan flik fält för fält; axe på formuläret och krockvyn', async () => {
    const { kontext, sida, logg } = await nyttFonster();
    const { totalt } = await oppnaDelen(sida, 'handlaggare');
    const panel = await oppnaUppdrag(sida, REDIGERAT_UPPDRAG, totalt);

    // 1. Edit "Var i hanteringen" and save.
    const nyHantering = `Utredningen är remitterad till nämnderna (test ${Date.now()}).`;
    await panel.getByRole('button', { name: T.redigera }).click();
    const hantering = panel.getByLabel(T.varIHanteringen, { exact: true });
    await hantering.waitFor();
    await hantering.fill(nyHantering);
    await axeUtanAllvarligaFel(sida, 'handläggare, formuläret');
    await sida.screenshot({ path: skarmbild('handlaggare-formular') });
    await panel.getByRole('button', { name: T.spara, exact: true }).click();
    await panel.getByText(T.sparat, { exact: true }).waitFor();
    await panel.getByText(nyHantering, { exact: true }).waitFor();
    // The history names the change, and the list behind the panel reloaded.
    await expect(panel.getByRole('list', { name: T.historik }).textContent()).resolves.toContain(nyHantering);
    await sida.screenshot({ path: skarmbild('handlaggare-sparat') });

    // 2. The same uppdrag in a second tab of the same browser (same session); both open the form.
    const { sida: sida2, logg: logg2 } = await nyFlik(kontext);
    await oppnaDelen(sida2, 'handlaggare');
    const panel2 = await oppnaUppdrag(sida2, REDIGERAT_UPPDRAG, totalt);
    // The second tab sees the first tab's save.
    await panel2.getByText(nyHantering, { exact: true }).waitFor();

    await sida.bringToFront();
    await panel.getByRole('button', { name: T.redigera }).click();
    await panel.getByLabel(T.kommentar, { exact: true }).waitFor();
    await sida2.bringToFront();
    await panel2.getByRole('button', { name: T.redigera }).click();
    await panel2.getByLabel(T.kommentar, { exact: true }).waitFor();

    // The first tab saves its kommentar.
    const forstaKommentar = 'Kommentar från första fliken.';
    const andraKommentar = 'Kommentar från andra fliken.';
    await sida.bringToFront();
    await panel.getByLabel(T.kommentar, { exact: true }).fill(forstaKommentar);
    await panel.getByRole('button', { name: T.spara, exact: true }).click();
    await panel.getByText(T.sparat, { exact: true }).waitFor();
    await panel.getByText(forstaKommentar, { exact: true }).waitFor();

    // The second tab, opened on the older version, saves another: the conflict view with both values.
    await sida2.bringToFront();
    await panel2.getByLabel(T.kommentar, { exact: true }).fill(andraKommentar);
    await panel2.getByRole('button', { name: T.spara, exact: true }).click();
    await panel2.getByText(T.konfliktRubrik).waitFor();
    const krock = panel2.getByRole('radiogroup', { name: T.kommentar });
    await krock.waitFor();
    const mitt = krock.getByRole('radio', { name: T.konfliktMitt(andraKommentar), exact: true });
    const deras = krock.getByRole('radio', { name: T.konfliktDeras(forstaKommentar), exact: true });
    await expect(mitt.count()).resolves.toBe(1);
    await expect(deras.count()).resolves.toBe(1);
    // Theirs is preselected: nothing is overwritten unless the user says so.
    await expect(deras.isChecked()).resolves.toBe(true);
    // Only the field both changed is asked about ("Var i hanteringen" was changed by tab 1 alone).
    await expect(panel2.getByRole('radiogroup').count()).resolves.toBe(1);
    await axeUtanAllvarligaFel(sida2, 'handläggare, krockvyn');
    await sida2.screenshot({ path: skarmbild('handlaggare-krock') });

    // Fluent's ChoiceGroup hides the native input under its label: click the label, as a person would.
    await krock.getByText(T.konfliktMitt(andraKommentar), { exact: true }).click();
    await expect(mitt.isChecked()).resolves.toBe(true);
    await panel2.getByRole('button', { name: T.konfliktSpara }).click();
    await panel2.getByText(T.sparat, { exact: true }).waitFor();
    await panel2.getByText(andraKommentar, { exact: true }).waitFor();
    // Tab 1's other change survives, and its kommentar is no longer the current value.
    await panel2.getByText(nyHantering, { exact: true }).waitFor();
    await expect(panel2.getByText(forstaKommentar, { exact: true }).count()).resolves.toBe(0);
    await sida2.screenshot({ path: skarmbild('handlaggare-krock-sparat') });

    forvantaRenLogg(logg);
    forvantaRenLogg(logg2);
    await kontext.close();
  });

  it('skapar redovisningen till KF med Word- och Excelfil; axe på panelen', async () => {
    const { kontext, sida, logg } = await nyttFonster();
    await oppnaDelen(sida, 'handlaggare');
    await delen(sida).getByRole('menuitem', { name: T.kommandoRedovisning }).click();
    const panel = sida.getByRole('dialog', { name: T.kommandoRedovisning });
    await panel.getByRole('button', { name: T.skapaRedovisning }).waitFor();
    await panel.getByRole('button', { name: T.skapaRedovisning }).click();

    const docx = panel.getByRole('link', { name: T.laddaNedDocx });
    const xlsx = panel.getByRole('link', { name: T.laddaNedXlsx });
    await docx.waitFor();
    await xlsx.waitFor();
    await panel.getByText(/^Redovisningen för (juni|december) \d{4} är sparad med \d+ ej verkställda beslut\.$/).waitFor();
    await expect(docx.getAttribute('download')).resolves.toMatch(/\.docx$/);
    await expect(xlsx.getAttribute('download')).resolves.toMatch(/\.xlsx$/);

    // The links really download the files: both are Office Open XML, i.e. zip archives ("PK").
    for (const [lank, andelse] of [[docx, '.docx'], [xlsx, '.xlsx']] as const) {
      const [nedladdning] = await Promise.all([sida.waitForEvent('download'), lank.click()]);
      expect(nedladdning.suggestedFilename().endsWith(andelse)).toBe(true);
      const sokvag = await nedladdning.path();
      expect(readFileSync(sokvag).subarray(0, 2).toString('latin1')).toBe('PK');
    }
    await axeUtanAllvarligaFel(sida, 'handläggare, redovisningspanelen');
    await sida.screenshot({ path: skarmbild('handlaggare-redovisning') });
    forvantaRenLogg(logg);
    await kontext.close();
  });

  it('föreslår uppdrag från ett justerat protokoll; axe på panelen', async () => {
    const { kontext, sida, logg } = await nyttFonster();
    await oppnaDelen(sida, 'handlaggare');
    await delen(sida).getByRole('menuitem', { name: T.kommandoProtokoll }).click();
    const panel = sida.getByRole('dialog', { name: T.protokollRubrik });
    const val = panel.getByRole('combobox', { name: T.valjProtokoll });
    await val.waitFor();
    await val.click();
    const alternativ = sida.getByRole('option');
    await alternativ.first().waitFor();
    const antalProtokoll = await alternativ.count();
    expect(antalProtokoll).toBeGreaterThan(0);
    const forsta = (await alternativ.first().textContent()) ?? '';
    // Justerade protokoll are listed by their sammanträde: "<organ> <ÅÅÅÅ-MM-DD>".
    expect(forsta).toMatch(/^\S.* \d{4}-\d{2}-\d{2}$/);
    await sida.screenshot({ path: skarmbild('handlaggare-protokoll-lista') });
    await alternativ.first().click();

    const antal = panel.getByRole('status').filter({ hasText: /förslag, \d+ finns redan i listan\.$/ });
    await antal.waitFor();
    const forslag = panel.getByRole('heading', { level: 3, name: /^§ ?\d+ – / });
    await forslag.first().waitFor();
    const rubriker = await forslag.allTextContents();
    expect(rubriker.length).toBeGreaterThan(0);
    await expect(antal.textContent()).resolves.toMatch(new RegExp(`^${rubriker.length} förslag`));
    for (const r of rubriker) expect(r).toMatch(/^§ ?\d+ – \S/);
    await axeUtanAllvarligaFel(sida, 'handläggare, protokollpanelen');
    await sida.screenshot({ path: skarmbild('handlaggare-protokoll-forslag') });
    forvantaRenLogg(logg);
    await kontext.close();
  });
});

describe('efter alla sidor', () => {
  it('inget hämtades utanför sidans ursprung och emulatorn fick inga okända förfrågningar', () => {
    expect(loggar.flatMap((l) => l.externa)).toEqual([]);
    expect(() => wb.emulator.forvantaIngaOkanda()).not.toThrow();
  });
});
