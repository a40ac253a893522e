/**
 * Demo data of the tablet register (seed 004): the guideline in force and its predecessor as .docx,
 * 44 devices (the same as in Intune), loans in every state with the receipts their borrowers signed,
 * incidents reported by their borrowers, and the item permissions the services leave behind: a
 * borrower reads their own loans, the device of their current loan and their own receipt and
 * incident rows, nothing else; an incident kommunservice has begun is locked from its reporter. Every device status is reached through the state machine
 * (nastaStatus), so it is one the register could have reached itself. Deterministic for a given
 * `idag` and seed; dates are relative to `idag`, the guideline's are fixed.
 */
import { IEmulatorAnvandare, skapaSlump } from '../core';
import { IsoDate } from '../../src/domain/dates';
import { IStegUtfort, Incidenttyp, Kostnadsansvar, skrivChecklista, Steg, stegFor, utforSteg } from '../../src/domain/incident';
import { Enhetshandelse, Enhetsstatus, Lanstatus, nastaStatus, Signeringssatt } from '../../src/domain/surfplatta';
import { tillSpDatum } from '../../src/data/spDatum';
import { GRUPPNAMN } from '../../src/schema/behorigheter';
import { HandelseFalt, HandelserLista, KvittenserLista, KvittensFalt, LanFalt, LanLista, RiktlinjeFalt, RiktlinjerBibliotek, SurfplattaFalt,
  SurfplattorLista } from '../../src/schema/surfplattor';
import { IBilaga, ILista, IObjekt, SpLager } from '../sharepoint/lager';
import { DEMO_ENHETER } from '../graph/intune';
import { DEMO_INNEHAV, DEMO_LANTAGARE, DEMO_TIDIGARE_LANTAGARE } from './anvandare';
import { kvittensPdf, IDemoKvittens } from './kvittensPdf';
import { protokollDocx } from './protokollText';
import { DEMO_RIKTLINJER, riktlinjeI } from './riktlinjeText';
import { lat, lista, person, plus, tidpunkt } from './verktyg';

const KOMMUNSERVICE = 40;
export const DEMO_ANTAL_PLATTOR = 44;
/** Devices with a story of their own (indices into DEMO_ENHETER). */
export const DEMO_PLATTA = {
  /** The workbench ledamot's returned device, and her new one waiting for her receipt. */
  sivsGamla: 0, sivsNya: 36,
  /** Repaired after a closed Skada, back with its borrower. */
  lagadSkada: 5,
  oppenSkada: 34, oppenStold: 35,
  /** Lost by the borrower of device 33, who got that one instead. */
  forlorad: 43, ersattning: 33,
  iLager: [37, 38, 39, 41], service: 40, kasserad: 42
} as const;

export interface ISurfplatteResultat {
  surfplattor: number;
  lan: number;
  handelser: number;
  kvittenser: number;
}

export function seedaSurfplattor(lager: SpLager, idag: IsoDate, fro: number): ISurfplatteResultat {
  const slump = skapaSlump(fro);
  const heltal = (min: number, max: number): number => min + Math.floor(slump() * (max - min + 1));
  const resultat: ISurfplatteResultat = { surfplattor: 0, lan: 0, handelser: 0, kvittenser: 0 };
  const LAS = lager.rolldefinitionId('Läsa');
  const ks = person(KOMMUNSERVICE);

  // ---- Riktlinjer: .docx built when first read ----
  const riktlinjer = lista(lager, RiktlinjerBibliotek);
  for (const r of DEMO_RIKTLINJER) {
    const o = lager.skapaObjekt(riktlinjer, {
      [RiktlinjeFalt.Rubrik]: 'Riktlinje för digital möteshantering för politiker', [RiktlinjeFalt.Version]: r.version,
      [RiktlinjeFalt.GallerFran]: tillSpDatum(r.gallerFran), [RiktlinjeFalt.Beslut]: r.beslut
    }, KOMMUNSERVICE, tidpunkt(r.gallerFran < idag ? r.gallerFran : plus(idag, -1)));
    o.fil = lat<NonNullable<IObjekt['fil']>>({ namn: `riktlinje-digital-moteshantering-v${r.version}.docx`, uniqueId: o.GUID }, () => protokollDocx(r.text));
  }

  const plattor = lista(lager, SurfplattorLista);
  const lanLista = lista(lager, LanLista);
  const handelser = lista(lager, HandelserLista);
  const kvittenser = lista(lager, KvittenserLista);
  /** Gives one person Read on an item that has its own permissions (a copy of the list's). */
  const dela = (l: ILista, o: IObjekt, vem: number): void => lager.andraTilldelning(lager.brytObjektetsArv(l, o, true), vem, LAS, true);
  /** As IncidentTjanst's first step: the row is kommunservice's, the reporter only reads it. */
  const lasForRapportoren = (o: IObjekt, rapportor: number): void => {
    const egna = lager.brytObjektetsArv(handelser, o, true);
    const ledamoter = lager.gruppMedNamn(GRUPPNAMN.ledamot);
    if (ledamoter) egna.delete(ledamoter.Id);
    lager.andraTilldelning(egna, rapportor, LAS, true);
  };

  // ---- Devices, each starting in stock; every later status is a step of the state machine ----
  const enheter = DEMO_ENHETER.slice(0, DEMO_ANTAL_PLATTOR).map((e, i) => {
    const o = lager.skapaObjekt(plattor, {
      [SurfplattaFalt.Stoldmarkning]: `KS-${1001 + i}`, [SurfplattaFalt.Serienummer]: e.serialNumber,
      [SurfplattaFalt.Modell]: e.model, [SurfplattaFalt.SimAbonnemang]: `Telia 0703-${String(100000 + i * 137).slice(0, 6)}`,
      [SurfplattaFalt.IntuneId]: e.id, [SurfplattaFalt.Status]: 'I lager'
    }, KOMMUNSERVICE, tidpunkt(plus(idag, -1900 + i)));
    resultat.surfplattor++;
    return o;
  });
  const steg = (i: number, handelse: Enhetshandelse, harAktivtLan: boolean, nar: string): void => {
    const o = enheter[i];
    const fran = o.varden[SurfplattaFalt.Status] as Enhetsstatus;
    const nasta = nastaStatus(fran, handelse, harAktivtLan);
    if (!nasta.ok) throw new Error(`Demodata: KS-${1001 + i} kan inte gå ${handelse} från ${fran} (${nasta.fel}).`);
    lager.sparaVersion(plattor, o, { [SurfplattaFalt.Status]: nasta.status }, KOMMUNSERVICE, nar);
  };

  // ---- Loans and their receipts ----
  const enhetAv = (i: number): IDemoKvittens['enhet'] => ({
    stoldmarkning: String(enheter[i].varden[SurfplattaFalt.Stoldmarkning]), serienummer: DEMO_ENHETER[i].serialNumber, modell: DEMO_ENHETER[i].model
  });
  const kvittens = (lan: IObjekt, typ: 'Utlämning' | 'Återlämning', av: IEmulatorAnvandare, nar: string, satt: Signeringssatt, version: string,
    pdf: IDemoKvittens): { url: string; rad: IObjekt } => {
    const rad = lager.skapaObjekt(kvittenser, {
      [KvittensFalt.Rubrik]: `${typ === 'Utlämning' ? 'Kvittens' : 'Återlämning'} ${pdf.enhet.stoldmarkning} – ${pdf.namn}`,
      [KvittensFalt.Lan]: lan.Id, [KvittensFalt.Typ]: typ, [KvittensFalt.RiktlinjeVersion]: version, [KvittensFalt.Signeringssatt]: satt,
      [KvittensFalt.SkrivetNamn]: satt === 'Skrivet namn' ? av.title : null
    }, av.id, nar);
    const namn = `${typ === 'Utlämning' ? 'kvittens' : 'aterlamning'}-${pdf.enhet.stoldmarkning}-${nar.slice(0, 10)}.pdf`;
    rad.bilagor = [lat<IBilaga>({ namn, skapad: nar }, () => kvittensPdf(pdf))];
    resultat.kvittenser++;
    return { url: lager.bilagaUrl(kvittenser, rad, namn), rad };
  };

  interface ILanPlan {
    platta: number;
    lantagare: IEmulatorAnvandare;
    ut: IsoDate;
    mandatSlut: IsoDate;
    /** Returned that day; `skick` is noted at the return. */
    ater?: { dag: IsoDate; skick: string; forlorad?: boolean };
    vantar?: boolean;
  }
  const lanet = (p: ILanPlan): IObjekt => {
    const riktlinje = riktlinjeI(p.ut);
    const skapat = tidpunkt(p.ut, 9);
    const l = lager.skapaObjekt(lanLista, {
      [LanFalt.Rubrik]: `${enhetAv(p.platta).stoldmarkning} till ${p.lantagare.title}`, [LanFalt.Surfplatta]: enheter[p.platta].Id,
      [LanFalt.Lantagare]: p.lantagare.id, [LanFalt.MandatSlut]: tillSpDatum(p.mandatSlut), [LanFalt.Status]: 'Väntar på kvittens' satisfies Lanstatus,
      [LanFalt.RiktlinjeVersion]: riktlinje.version
    }, KOMMUNSERVICE, skapat);
    resultat.lan++;
    // Check-out shares the loan and the device with the borrower.
    dela(lanLista, l, p.lantagare.id);
    dela(plattor, enheter[p.platta], p.lantagare.id);
    if (p.vantar) return l;

    // The borrower signs in their own session; SharePoint sets the row's author and time.
    const satt: Signeringssatt = (p.platta + p.lantagare.id) % 2 === 0 ? 'Ritad signatur' : 'Skrivet namn';
    const signerat = tidpunkt(p.ut, 9, 20 + (p.platta % 30));
    const { url } = kvittens(l, 'Utlämning', p.lantagare, signerat, satt, riktlinje.version, {
      rubrik: 'Kvittens av riktlinje och surfplatta', riktlinjeText: riktlinje.text, riktlinjeVersion: riktlinje.version, enhet: enhetAv(p.platta),
      namn: p.lantagare.title, epost: p.lantagare.email, tid: signerat, signering: satt
    });
    const utlamnat = tidpunkt(p.ut, 10, p.platta % 50);
    steg(p.platta, 'Utlamna', false, utlamnat);
    lager.sparaVersion(lanLista, l, {
      [LanFalt.Status]: 'Utlånad' satisfies Lanstatus, [LanFalt.Utlamnad]: tillSpDatum(p.ut), [LanFalt.KvitteradAv]: p.lantagare.title,
      [LanFalt.KvitteradTid]: signerat, [LanFalt.KvittensUrl]: url
    }, KOMMUNSERVICE, utlamnat);
    if (p.ater) aterlamna(l, p);
    return l;
  };
  /** Return: kommunservice notes the condition and signs; the borrower keeps reading the loan, not the device. */
  const aterlamna = (l: IObjekt, p: ILanPlan): void => {
    const ater = p.ater!;
    const nar = tidpunkt(ater.dag, 14, p.platta % 40);
    let url: string | null = null;
    if (!ater.forlorad) {
      steg(p.platta, 'Aterlamna', true, nar);
      const satt: Signeringssatt = p.platta % 2 === 0 ? 'Skrivet namn' : 'Ritad signatur';
      const version = String(l.varden[LanFalt.RiktlinjeVersion]);
      const kvitto = kvittens(l, 'Återlämning', ks, nar, satt, version, {
        rubrik: 'Kvittens av återlämnad surfplatta', riktlinjeText: riktlinjeI(ater.dag).text, riktlinjeVersion: version, enhet: enhetAv(p.platta),
        namn: p.lantagare.title, epost: p.lantagare.email, tid: nar, signering: satt, signerare: ks.title, skick: ater.skick
      });
      // As RegisterTjanst.taEmot: the Kvittenser row is kommunservice's record; the borrower reads
      // the same PDF on the loan row, since the list shows people only their own rows.
      const namn = `kvittens-aterlamning-${l.Id}.pdf`;
      const pdf = kvitto.rad.bilagor![0];
      l.bilagor = [...(l.bilagor ?? []), lat<IBilaga>({ namn, skapad: pdf.skapad }, () => pdf.innehall)];
      url = lager.bilagaUrl(lanLista, l, namn);
    }
    lager.sparaVersion(lanLista, l, {
      // A lost device's loan ends when its incident closes (IncidentTjanst.stang), without a return receipt.
      [LanFalt.Status]: (ater.forlorad ? 'Stulen eller förlorad' : 'Återlämnad') satisfies Lanstatus, [LanFalt.Aterlamnad]: tillSpDatum(ater.dag), [LanFalt.SkickVidRetur]: ater.skick,
      [LanFalt.AterKvittensUrl]: url
    }, KOMMUNSERVICE, nar);
    enheter[p.platta].unika = undefined;
  };

  // ---- Incidents: reported by the borrower, handled by kommunservice step by step ----
  const handelse = (l: IObjekt, p: ILanPlan, typ: Incidenttyp, beskrivning: string, rapporterad: IsoDate, klara: Steg[],
    extra: { polisanmalan?: string; kostnad?: Kostnadsansvar; stang?: boolean; referens?: string }): IObjekt => {
    const nar = tidpunkt(rapporterad, 8, 15);
    const h = lager.skapaObjekt(handelser, {
      [HandelseFalt.Rubrik]: `${typ}: ${enhetAv(p.platta).stoldmarkning}`, [HandelseFalt.Surfplatta]: enheter[p.platta].Id, [HandelseFalt.Lan]: l.Id,
      [HandelseFalt.Typ]: typ, [HandelseFalt.Beskrivning]: beskrivning, [HandelseFalt.Rapporterad]: nar,
      ...(extra.polisanmalan ? { [HandelseFalt.Polisanmalan]: extra.polisanmalan } : {})
    }, p.lantagare.id, nar);
    resultat.handelser++;
    // Unlocked, the row's checklist would be the reporter's to write and is not believed (lasa.ts).
    if (klara.length > 0) lasForRapportoren(h, p.lantagare.id);
    let gjorda: IStegUtfort[] = [];
    klara.forEach((s, n) => {
      const tid = tidpunkt(plus(rapporterad, Math.floor(n / 2)), 10 + (n % 2) * 3, 5 * n);
      const graph = (s === 'Radera' || s === 'LosenordEnhet') && Boolean(enheter[p.platta].varden[SurfplattaFalt.IntuneId]);
      const ut = utforSteg(typ, gjorda, {
        steg: s, av: ks.title, epost: ks.email, tid, utforande: graph ? 'Graph' : 'Manuellt',
        ...(s === 'SparraSim' ? { referens: extra.referens ?? 'Telia ärende 4471-2290' } : {}),
        ...(s === 'Kostnadsansvar' ? { kostnadsansvar: extra.kostnad ?? 'Kommunen' } : {}),
        ...(s === 'Bedomning' ? { referens: 'Skadan bedömd; ingen vanvård.' } : {})
      });
      if (!ut.ok) throw new Error(`Demodata: steget ${s} går inte för ${typ} (${ut.fel}).`);
      gjorda = ut.gjorda;
      lager.sparaVersion(handelser, h, {
        [HandelseFalt.Checklista]: skrivChecklista(gjorda),
        ...(s === 'Kostnadsansvar' ? { [HandelseFalt.Kostnadsansvar]: extra.kostnad ?? 'Kommunen' } : {})
      }, KOMMUNSERVICE, tid);
    });
    if (extra.stang) {
      if (gjorda.length !== stegFor(typ).length) throw new Error(`Demodata: ${typ} stängs med steg kvar.`);
      lager.sparaVersion(handelser, h, { [HandelseFalt.Status]: 'Stängd' }, KOMMUNSERVICE, tidpunkt(plus(rapporterad, 4), 15));
    }
    return h;
  };

  // KF's term ends on 14 October of an election year (2026, 2030, …).
  let valar = Number(idag.slice(0, 4));
  while (valar % 4 !== 2 || `${valar}-10-14` <= idag) valar++;
  const mandatSlut = `${valar}-10-14`;
  const SKICK = ['Fint skick, skal och laddare med.', 'Repor på skalet, skärmen hel. Laddare saknas.', 'Normalt slitage.'];

  // Earlier terms: returned long ago (to be anonymised), one of them after a repaired Skada.
  const [a, b, c, d] = DEMO_TIDIGARE_LANTAGARE;
  const tidigare: Array<[ILanPlan, ((l: IObjekt, p: ILanPlan) => void)?]> = [
    [{ platta: 1, lantagare: c, ut: plus(idag, -1700), mandatSlut: plus(idag, -800), ater: { dag: plus(idag, -800), skick: SKICK[2] } }],
    [{ platta: 37, lantagare: a, ut: plus(idag, -1500), mandatSlut: plus(idag, -900), ater: { dag: plus(idag, -900), skick: SKICK[0] } }],
    [{ platta: 38, lantagare: b, ut: plus(idag, -1600), mandatSlut: plus(idag, -1000), ater: { dag: plus(idag, -1000), skick: SKICK[1] } }, (l, p) => {
      steg(p.platta, 'TillService', true, tidpunkt(plus(idag, -1300), 11));
      handelse(l, p, 'Skada', 'Skärmen sprack när väskan föll i trappan i kommunhuset.', plus(idag, -1300), ['Bedomning', 'Service', 'Kostnadsansvar'],
        { kostnad: 'Kommunen', stang: true });
      steg(p.platta, 'FranService', true, tidpunkt(plus(idag, -1290), 11));
    }],
    // Returned last year: kept with the name until two years have passed.
    [{ platta: 39, lantagare: d, ut: plus(idag, -1100), mandatSlut: plus(idag, -200), ater: { dag: plus(idag, -200), skick: SKICK[0] } }]
  ];
  for (const [p, under] of tidigare) {
    const ater = p.ater!;
    const l = lanet({ ...p, ater: undefined });
    under?.(l, p);
    aterlamna(l, p);
    steg(p.platta, 'TillLager', false, tidpunkt(plus(ater.dag, 3), 10));
  }

  // The lost device: its borrower got device 33 instead.
  const forlorad: ILanPlan = { platta: DEMO_PLATTA.forlorad, lantagare: DEMO_LANTAGARE[DEMO_PLATTA.ersattning], ut: plus(idag, -700), mandatSlut };
  const forloratLan = lanet(forlorad);
  steg(forlorad.platta, 'Forlust', true, tidpunkt(plus(idag, -300), 9));
  handelse(forloratLan, forlorad, 'Förlust', 'Surfplattan glömdes på bussen från Härnösand och har inte lämnats in.', plus(idag, -300),
    ['Radera', 'LosenordEnhet', 'LosenordEpost', 'LosenordMotesapp', 'SparraSim', 'Kostnadsansvar'], { kostnad: 'Låntagaren (självrisk)', stang: true });
  aterlamna(forloratLan, { ...forlorad, ater: { dag: plus(idag, -296), skick: 'Förlorad; se händelsen. Ersatt med en ny surfplatta.', forlorad: true } });

  // Current loans of devices 1–35, some with mandates ending within 60 days (reminders have work to do).
  for (let i = 1; i <= 35; i++) {
    const lantagare = DEMO_INNEHAV[i]!;
    const ut = i === DEMO_PLATTA.ersattning ? plus(idag, -288) : i === 1 ? plus(idag, -790) : plus(idag, -heltal(300, 700));
    const slut = i % 6 === 2 ? plus(idag, heltal(7, 55)) : mandatSlut;
    const p: ILanPlan = { platta: i, lantagare, ut, mandatSlut: slut };
    const l = lanet(p);
    if (i === DEMO_PLATTA.lagadSkada) {
      const rapporterad = plus(idag, -120);
      steg(i, 'TillService', true, tidpunkt(rapporterad, 9));
      handelse(l, p, 'Skada', 'Spräckt skärm efter fall i sammanträdesrummet.', rapporterad, ['Bedomning', 'Service', 'Kostnadsansvar'], { kostnad: 'Kommunen', stang: true });
      steg(i, 'FranService', true, tidpunkt(plus(rapporterad, 6), 14));
    } else if (i === DEMO_PLATTA.oppenSkada) {
      const rapporterad = plus(idag, -14);
      handelse(l, p, 'Skada', 'Laddporten glappar; surfplattan laddar bara ibland.', rapporterad, ['Bedomning'], {});
      steg(i, 'TillService', true, tidpunkt(plus(rapporterad, 1), 10));
    } else if (i === DEMO_PLATTA.oppenStold) {
      const rapporterad = plus(idag, -6);
      steg(i, 'Stold', true, tidpunkt(rapporterad, 8, 10));
      handelse(l, p, 'Stöld', 'Väskan med surfplattan stals på tågstationen efter sammanträdet.', rapporterad, ['Radera', 'LosenordEnhet', 'SparraSim'],
        { polisanmalan: `5000-K123456-${idag.slice(2, 4)}`, referens: 'Telia ärende 5520-1187' });
    }
  }

  // The workbench ledamot: her old device came back three weeks ago; her new one waits for her receipt.
  const siv = DEMO_LANTAGARE[0];
  const sivsGamla: ILanPlan = { platta: DEMO_PLATTA.sivsGamla, lantagare: siv, ut: plus(idag, -700), mandatSlut,
    ater: { dag: plus(idag, -20), skick: 'Batteriet håller dåligt; byts mot en nyare modell.' } };
  lanet(sivsGamla);
  lanet({ platta: DEMO_PLATTA.sivsNya, lantagare: siv, ut: plus(idag, -1), mandatSlut, vantar: true });

  // Devices without a loan: one on service, one scrapped.
  steg(DEMO_PLATTA.service, 'TillService', false, tidpunkt(plus(idag, -9), 10));
  steg(DEMO_PLATTA.kasserad, 'Kassera', false, tidpunkt(plus(idag, -400), 10));
  return resultat;
}
