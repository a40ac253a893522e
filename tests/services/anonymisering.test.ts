/**
 * The anonymisation job against the demo emulator: loans returned more than two years ago lose the
 * borrower's personal data — from the loan row and its version history (a replacement row, the
 * original deleted for good), from the receipts (deleted with their PDFs) and from the incidents
 * (replaced without names, notes or description). A dry run changes nothing, a second run does
 * nothing, and an account without Full Control is refused before anything is read.
 */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { Emulator } from '../../emulator/core';
import { forstaMedRoll } from '../../emulator/demo/anvandare';
import { ILista } from '../../emulator/sharepoint/lager';
import { skapaSp } from '../../src/data/pnp';
import { anonymisera, ANONYMISERAD, ersattningsrubrik, NEUTRAL_BESKRIVNING, sammanfattning } from '../../src/data/surfplattor/Anonymisering';
import { INCIDENT_EXPAND, INCIDENT_URVAL, LAN_EXPAND, LAN_URVAL, Rad, tillIncident, tillLan } from '../../src/data/surfplattor/lasa';
import { ILan } from '../../src/data/surfplattor/typer';
import { skaAnonymiseras } from '../../src/domain/surfplatta';
import { HandelserLista, KvittenserLista, KvittensFalt, LanFalt, LanLista } from '../../src/schema/surfplattor';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';
import { forvantaDataFel } from '../support/testdata';

jest.setTimeout(60_000);

const KOMMUNSERVICE = forstaMedRoll('kommunservice')!;
const IDAG = '2026-11-27';
let miljo: IEmulatorMiljo;
let site: string;

const spFor = (epost: string): SPFI => skapaSp(miljo.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(epost) }));
const lagerLista = (url: string): ILista => miljo.lager.listaMedUrl(`${site}/${url}`)!;

/** Everything the store holds for the three lists: every row, every version, every attachment. */
function avbild(): string {
  return JSON.stringify([LanLista.url, KvittenserLista.url, HandelserLista.url].map((url) => Array.from(lagerLista(url).objekt.values())
    .map((o) => ({ id: o.Id, v: o.version, varden: o.varden, versioner: o.versioner, bilagor: (o.bilagor ?? []).map((b) => b.namn), korg: o.iPapperskorg }))));
}

interface IFore {
  lan: ILan;
  kvittenser: number[];
  incidenter: number[];
  /** How many checklist steps each incident has, in id order. */
  steg: number[];
}

let fore: IFore[];

beforeAll(async () => {
  miljo = await startaEmulator({}, true);
  site = miljo.emulator.sitePath;
  const ks = spFor(KOMMUNSERVICE.email);
  const alla = (await ks.web.getList(`${site}/${LanLista.url}`).items.select(...LAN_URVAL).expand(...LAN_EXPAND).top(500)<Rad[]>()).map(tillLan);
  const handelser = (await ks.web.getList(`${site}/${HandelserLista.url}`).items.select(...INCIDENT_URVAL).expand(...INCIDENT_EXPAND).top(500)<Rad[]>())
    .map((r) => tillIncident(r));
  fore = await Promise.all(skaAnonymiseras(alla, IDAG, 2).map(async (lan) => ({
    lan,
    kvittenser: (await ks.web.getList(`${site}/${KvittenserLista.url}`).items.select('Id').filter(`${KvittensFalt.Lan}Id eq ${lan.id}`)<Rad[]>())
      .map((r) => Number(r.Id)),
    incidenter: handelser.filter((i) => i.lanId === lan.id).map((i) => i.id),
    steg: handelser.filter((i) => i.lanId === lan.id).map((i) => i.gjorda.length)
  })));
});

afterAll(async () => {
  await miljo.stang();
});

afterEach(() => {
  miljo.emulator.forvantaIngaOkanda();
});

describe('anonymisering av återlämnade lån', () => {
  it('har demodata att arbeta med: gamla lån med namn, kvittenser och en händelse', () => {
    expect(fore.length).toBeGreaterThan(0);
    expect(fore.every((f) => f.lan.lantagare?.namn && f.kvittenser.length > 0)).toBe(true);
    expect(fore.some((f) => f.incidenter.length > 0)).toBe(true);
  });

  it('vägrar ett konto utan fullständig behörighet, innan något läses eller ändras', async () => {
    const innan = avbild();
    for (const roll of ['ledamot', 'namndsekreterare', 'handlaggare'] as const) {
      const fel = await forvantaDataFel(anonymisera(spFor(forstaMedRoll(roll)!.email), site, { idag: IDAG }));
      expect(fel.orsak).toBe('behorighet');
    }
    expect(avbild()).toBe(innan);
  });

  it('provkörning: säger vad som skulle göras och ändrar ingenting', async () => {
    const innan = avbild();
    const rapport = await anonymisera(spFor(KOMMUNSERVICE.email), site, { idag: IDAG, torrkorning: true });
    expect(avbild()).toBe(innan);
    expect(rapport).toMatchObject({ torrkorning: true, ar: 2, grans: '2024-11-27' });
    expect(rapport.lan.map((l) => [l.lanId, l.kvittenser, l.incidenter])).toEqual(fore.map((f) => [f.lan.id, f.kvittenser.length, f.incidenter.length]));
    const text = sammanfattning(rapport);
    expect(text).toContain('Provkörning');
    // The job's log holds no personal data either.
    for (const f of fore) expect(text).not.toContain(f.lan.lantagare!.namn);
  });

  it('tar bort personuppgifterna ur lån, versioner, kvittenser och händelser', async () => {
    const rapport = await anonymisera(spFor(KOMMUNSERVICE.email), site, { idag: IDAG });
    expect(rapport.lan.every((l) => !l.fel && l.nyttLanId)).toBe(true);
    const lan = lagerLista(LanLista.url);
    const kvittenser = lagerLista(KvittenserLista.url);
    const handelser = lagerLista(HandelserLista.url);
    for (const f of fore) {
      const { namn, epost, id: personId } = f.lan.lantagare!;
      // Deleted for good: not in the list, not in the recycle bin.
      expect(lan.objekt.has(f.lan.id)).toBe(false);
      f.kvittenser.forEach((id) => expect(kvittenser.objekt.has(id)).toBe(false));
      f.incidenter.forEach((id) => expect(handelser.objekt.has(id)).toBe(false));

      const nyttId = rapport.lan.find((l) => l.lanId === f.lan.id)!.nyttLanId!;
      const nytt = lan.objekt.get(nyttId)!;
      // A new row: its only version has never held the name.
      expect(nytt.versioner).toEqual([]);
      const ersattning = tillLan(JSON.parse(JSON.stringify({ ...nytt.varden, Id: nyttId, [LanFalt.Surfplatta]: { Id: f.lan.enhetId, Title: f.lan.stoldmarkning } })) as Rad);
      expect(ersattning).toMatchObject({
        enhetId: f.lan.enhetId, status: 'Återlämnad', utlamnad: f.lan.utlamnad, aterlamnad: f.lan.aterlamnad, mandatSlut: f.lan.mandatSlut,
        riktlinjeVersion: f.lan.riktlinjeVersion, kvitteradAv: ANONYMISERAD, anonymiserad: true
      });
      expect(ersattning.lantagare).toBeUndefined();
      expect(ersattning.skickVidRetur).toBeUndefined();
      expect(nytt.varden[LanFalt.Rubrik]).toBe(ersattningsrubrik(f.lan));

      const kvar = [nytt, ...Array.from(handelser.objekt.values()).filter((o) => o.varden.Lan === nyttId)];
      expect(kvar.length).toBe(1 + f.incidenter.length);
      for (const o of kvar) {
        const allt = JSON.stringify([o.varden, o.versioner]);
        expect(allt).not.toContain(namn);
        expect(allt).not.toContain(epost);
        expect(o.skapadAv).not.toBe(personId);
        expect(o.andradAv).not.toBe(personId);
      }
      for (const o of kvar.slice(1)) {
        expect(o.varden).toMatchObject({ Beskrivning: NEUTRAL_BESKRIVNING });
        expect(o.varden.Polisanmalan ?? null).toBeNull();
        const steg = JSON.parse(String(o.varden.Checklista ?? '[]')) as Array<{ av: string; epost: string }>;
        steg.forEach((s) => expect(s).toMatchObject({ av: ANONYMISERAD, epost: '' }));
      }
    }
    // The replacements are locked as a handled report is, so their checklist still counts when read.
    const ks = spFor(KOMMUNSERVICE.email);
    const ersattningar = (await ks.web.getList(`${site}/${HandelserLista.url}`).items.select(...INCIDENT_URVAL).expand(...INCIDENT_EXPAND).top(500)<Rad[]>())
      .map((r) => tillIncident(r));
    for (const f of fore) {
      const nyttId = rapport.lan.find((l) => l.lanId === f.lan.id)!.nyttLanId!;
      expect(ersattningar.filter((i) => i.lanId === nyttId).map((i) => i.gjorda.length)).toEqual(f.steg);
    }
    expect(fore.some((f) => f.steg.some((n) => n > 0))).toBe(true);
    // A borrower's other loans keep their name: only what is old enough goes.
    const kvarMedNamn = Array.from(lan.objekt.values()).filter((o) => o.varden[LanFalt.Lantagare] !== undefined && o.varden[LanFalt.Lantagare] !== null);
    expect(kvarMedNamn.length).toBeGreaterThan(0);
  });

  it('en andra körning gör ingenting', async () => {
    const innan = avbild();
    const rapport = await anonymisera(spFor(KOMMUNSERVICE.email), site, { idag: IDAG });
    expect(rapport.lan).toEqual([]);
    expect(avbild()).toBe(innan);
    expect(sammanfattning(rapport)).toContain('Inget att göra');
  });
});
