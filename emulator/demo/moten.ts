/**
 * Demo data of the meeting portal: organ, a year of sammanträden with their dagordning, handlingar,
 * protokoll in every state of justering, and the anslagstavla. Item permissions are what the
 * services would have left behind: Handlingar and Protokoll give the public group nothing, so
 * unpublished documents and protokoll not yet justerade simply inherit; published documents and
 * justerade protokoll have their own permissions, the library's plus Read for the public group (as
 * PublikBehorighet.oppnaForPublik leaves them). Deterministic for a given `idag` and seed; meeting
 * days are relative to `idag`.
 */
import { skapaSlump } from '../core';
import { KUNGORELSE, kungorasSenast, kungorelseNedtagning, tillkannagesSenast, tillkannagivande } from '../../src/domain/anslag';
import { daysBetween, IsoDate } from '../../src/domain/dates';
import { ejSistaDag, flyttaTillVardag, justerasSenast } from '../../src/domain/frister';
import { IGodkannande, Justeringsroll, Justeringsstatus, skrivJusteringslogg } from '../../src/domain/justering';
import { Dokumenttyp, Klassificering } from '../../src/domain/publicering';
import { tillSpDatum } from '../../src/data/spDatum';
import { arendeRad } from '../../src/data/moten/AnslagTjanst';
import { GRUPPNAMN } from '../../src/schema/behorigheter';
import { AnslagFalt, AnslagLista, ArendepunktFalt, DagordningLista, HandlingarBibliotek, HandlingFalt, JusteringarLista, JusteringFalt, OrganFalt, OrganLista,
  ProtokollBibliotek, ProtokollFalt, SammantradeFalt, SammantradenLista, SekretessBibliotek } from '../../src/schema/moten';
import { ILista, IObjekt, SpLager } from '../sharepoint/lager';
import { DEMO_ANVANDARE } from './anvandare';
import { protokollDocx, protokollText } from './protokollText';
import { lat, lista, person, plus, tidpunkt } from './verktyg';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const forst = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
const senast = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

const ADMIN = 50;
const SEKRETERARE = [30, 31];
const SIV = 7;
const FORVARING = 'Kommunkansliet, Kommunhuset';
/** How an approval was signed before an e-signature service is connected. */
const METOD = 'Microsoft 365-inloggning';
/** A meeting this near is kallat: its kallelse and handlingar are out. */
const KALLAS_DAGAR_FORE = 21;

interface IOrganPlan {
  namn: string;
  kort: string;
  typ: string;
  /** Days from today to this month's meeting; the others fall 30 days apart. */
  forskjutning: number;
  ordforande: number;
  /** Ledamöter whose job title ends with this are the organ's members (and its justerare). */
  ledamoterI: string;
  /** Where the protokoll of the newest held meeting stands. */
  senaste: Justeringsstatus;
}

/**
 * Chosen so that today's view has a bit of everything: protokoll justerade recently (tillkännagivanden
 * on the board), under justering well within the 14 days, close to the deadline and past it (KS's
 * waits only for the workbench's ledamot), a fresh draft, and upcoming meetings within the next weeks.
 */
const ORGAN: readonly IOrganPlan[] = [
  { namn: 'Kommunfullmäktige', kort: 'KF', typ: 'Fullmäktige', forskjutning: -18, ordforande: 9, ledamoterI: 'kommunfullmäktige', senaste: 'Justerat' },
  { namn: 'Kommunstyrelsen', kort: 'KS', typ: 'Styrelse', forskjutning: -9, ordforande: 8, ledamoterI: 'kommunstyrelsen', senaste: 'Under justering' },
  { namn: 'Kommunstyrelsens arbetsutskott', kort: 'KSAU', typ: 'Utskott', forskjutning: -2, ordforande: 8, ledamoterI: 'kommunstyrelsen', senaste: 'Utkast' },
  { namn: 'Barn- och utbildningsnämnden', kort: 'BUN', typ: 'Nämnd', forskjutning: -13, ordforande: 102, ledamoterI: 'barn- och utbildningsnämnden', senaste: 'Under justering' },
  { namn: 'Socialnämnden', kort: 'SN', typ: 'Nämnd', forskjutning: -16, ordforande: 11, ledamoterI: 'socialnämnden', senaste: 'Under justering' },
  { namn: 'Samhällsbyggnadsnämnden', kort: 'SBN', typ: 'Nämnd', forskjutning: -24, ordforande: 12, ledamoterI: 'samhällsbyggnadsnämnden', senaste: 'Justerat' }
];

const ARENDEN = ['Budget och verksamhetsplan', 'Delårsrapport', 'Medborgarförslag om lekplats', 'Motion om solceller', 'Detaljplan för Kajen',
  'Taxor och avgifter', 'Internkontrollplan', 'Svar på revisionsrapport', 'Val av ersättare', 'Rapport om ej verkställda beslut'];
const EXTRA_ARENDEN = ['Fyllnadsval av ledamot i socialnämnden', 'Tilläggsanslag till räddningstjänsten'];

const BESLUT: ReadonlyArray<(organ: string) => string> = [
  (o) => `${o} beslutar att godkänna förslaget.`,
  (o) => `${o} beslutar i enlighet med förvaltningens förslag till beslut.`,
  (o) => `${o} beslutar att återremittera ärendet till förvaltningen för komplettering.`,
  (o) => `${o} beslutar att lägga informationen till handlingarna.`
];

export interface IMotesResultat {
  sammantraden: number;
  arendepunkter: number;
  handlingar: number;
  protokoll: number;
  anslag: number;
}

/** A weekday 1–6 days ahead, latest first: fullmäktige's extra meeting falls inside the kungörelse week. */
function inomEnVecka(idag: IsoDate): IsoDate {
  const n = [5, 4, 3, 2, 1, 6].find((d) => !ejSistaDag(plus(idag, d))) ?? 6;
  return plus(idag, n);
}

export function seedaMoten(lager: SpLager, idag: IsoDate, fro: number): IMotesResultat {
  const slump = skapaSlump(fro);
  const heltal = (min: number, max: number): number => min + Math.floor(slump() * (max - min + 1));
  const resultat: IMotesResultat = { sammantraden: 0, arendepunkter: 0, handlingar: 0, protokoll: 0, anslag: 0 };

  const organLista = lista(lager, OrganLista);
  const motenLista = lista(lager, SammantradenLista);
  const dagordning = lista(lager, DagordningLista);
  const handlingar = lista(lager, HandlingarBibliotek);
  const sekretess = lista(lager, SekretessBibliotek);
  const protokoll = lista(lager, ProtokollBibliotek);
  const anslag = lista(lager, AnslagLista);

  const publikGrupp = lager.gruppMedNamn(GRUPPNAMN.allmanhet);
  if (!publikGrupp) throw new Error(`Demodata: gruppen ${GRUPPNAMN.allmanhet} är inte provisionerad.`);
  const las = lager.rolldefinitionId('Läsa');
  /**
   * What PublikBehorighet.oppnaForPublik leaves on a published document: its own permissions, a copy
   * of the library's, plus Read for the public group. Unpublished ones inherit the library's nothing.
   */
  const oppnaForPublik = (l: ILista, o: IObjekt): void => {
    lager.andraTilldelning(lager.brytObjektetsArv(l, o), publikGrupp.Id, las, true);
  };
  const justeringar = lista(lager, JusteringarLista);
  /** An approval as JusteringTjanst.godkann leaves it: a row authored by the approver, created at the approval. */
  const godkannanderad = (p: IObjekt, rubrik: string, id: number, nar: string): void => {
    lager.skapaObjekt(justeringar, {
      [JusteringFalt.Rubrik]: `Godkännande: ${rubrik}`, [JusteringFalt.Protokoll]: p.Id, [JusteringFalt.Metod]: METOD
    }, id, nar);
  };

  const organ = ORGAN.map((plan) => lager.skapaObjekt(organLista, {
    [OrganFalt.Namn]: plan.namn, [OrganFalt.Forkortning]: plan.kort, [OrganFalt.OrganTyp]: plan.typ, [OrganFalt.Aktivt]: true
  }, ADMIN, tidpunkt(plus(idag, -400))));
  lager.sparaVersion(organLista, organ[2], { [OrganFalt.Overordnat]: organ[1].Id }, ADMIN, tidpunkt(plus(idag, -399)));

  /** As MotesTjanst.kungora posts it: the meeting's time, place and ärenden as they stood that day (KL 5 kap. 53 §). */
  const kungor = (org: IObjekt, plan: IOrganPlan, mote: IObjekt, motesdag: IsoDate, uppsatt: IsoDate, sekreterare: number,
    arenden: ReadonlyArray<{ punkt: number; rubrik: string; diarienummer?: string }>): void => {
    lager.sparaVersion(motenLista, mote, { [SammantradeFalt.KallelseAnslagen]: tillSpDatum(uppsatt) }, sekreterare, tidpunkt(uppsatt, 8));
    lager.skapaObjekt(anslag, {
      [AnslagFalt.Rubrik]: `${KUNGORELSE}: ${mote.varden[SammantradeFalt.Rubrik]}`,
      [AnslagFalt.Typ]: KUNGORELSE,
      [AnslagFalt.Organ]: org.Id, [AnslagFalt.Sammantrade]: mote.Id,
      [AnslagFalt.SammantradesDatum]: tillSpDatum(motesdag), [AnslagFalt.Uppsatt]: tillSpDatum(uppsatt),
      [AnslagFalt.Tid]: mote.varden[SammantradeFalt.Datum], [AnslagFalt.Plats]: mote.varden[SammantradeFalt.Plats],
      [AnslagFalt.Arenden]: arenden.length > 0 ? arenden.map(arendeRad).join('\n') : null,
      [AnslagFalt.Nedtagning]: tillSpDatum(kungorelseNedtagning(motesdag))
    }, sekreterare, tidpunkt(uppsatt, 8));
    resultat.anslag++;
  };

  const godkannande = (id: number, roll: Justeringsroll, tid: string): IGodkannande => {
    const a = person(id);
    return { personId: id, namn: a.title, epost: a.email, roll, tid, metod: METOD };
  };

  interface IMote {
    plan: IOrganPlan;
    org: IObjekt;
    oi: number;
    motesdag: IsoDate;
    /** Which of the organ's meetings: 0 this month, negative before; picks ärenden and protokoll paragraphs. */
    lopnummer: number;
    /** Where its protokoll stands; undefined for meetings not yet held. */
    protokollStatus?: Justeringsstatus;
    extra: boolean;
    medDokument: boolean;
    /** Kungjord although not yet held: fullmäktige's next ordinary meeting. */
    kungors?: boolean;
  }

  const skapaMote = (x: IMote): void => {
    const { plan, org, oi, motesdag } = x;
    const sekreterare = SEKRETERARE[oi % 2];
    const genomfort = motesdag < idag;
    const kallat = genomfort || daysBetween(idag, motesdag) <= KALLAS_DAGAR_FORE;
    const mote = lager.skapaObjekt(motenLista, {
      [SammantradeFalt.Rubrik]: `${plan.namn} ${motesdag}${x.extra ? ' (extra sammanträde)' : ''}`,
      [SammantradeFalt.Organ]: org.Id,
      [SammantradeFalt.Datum]: tidpunkt(motesdag, plan.kort === 'KF' ? 18 : 13),
      [SammantradeFalt.Plats]: plan.kort === 'KF' ? 'Kommunfullmäktiges sessionssal' : 'Sammanträdesrum Ådalen',
      [SammantradeFalt.Status]: genomfort ? 'Genomfört' : kallat ? 'Kallat' : 'Planerat'
    }, sekreterare, tidpunkt(forst(plus(motesdag, x.extra ? -14 : -30), idag)));
    resultat.sammantraden++;

    // Fullmäktige's meetings are kungjorda at least a week ahead, the held ones and the next one; the extra meeting has been forgotten.
    // Posted once its agenda is in (below), so the kungörelse lists the ärenden.
    let kungorelse: IsoDate | undefined;
    if (plan.kort === 'KF' && (genomfort || x.kungors)) {
      const uppsatt = forst(plus(motesdag, -heltal(10, 14)), plus(idag, -1));
      if (uppsatt <= kungorasSenast(motesdag) || genomfort) kungorelse = uppsatt;
    }
    if (!x.medDokument) {
      if (kungorelse) kungor(org, plan, mote, motesdag, kungorelse, sekreterare, []);
      return;
    }

    // ---- Dagordning: decisions are recorded once held, except while the protokoll is only a draft ----
    const beslutFattat = genomfort && x.protokollStatus !== 'Utkast';
    const antal = x.extra ? EXTRA_ARENDEN.length : heltal(3, 5);
    const sekretessPunkt = plan.kort === 'SN' || plan.kort === 'BUN' ? antal + 1 : undefined;
    const uppladdad = forst(plus(motesdag, -15), plus(idag, -1));
    const diarieorgan = plan.kort === 'KF' || plan.kort === 'KSAU' ? 'KS' : plan.kort;
    const punkter: Array<{ punkt: number; rubrik: string; diarienummer: string }> = [];
    for (let p = 1; p <= (sekretessPunkt ?? antal); p++) {
      const rubrik = p === sekretessPunkt ? 'Individärende'
        : x.extra ? EXTRA_ARENDEN[p - 1] : ARENDEN[(oi * 3 + p + x.lopnummer + 12) % ARENDEN.length];
      const diarienummer = `${diarieorgan} ${motesdag.slice(0, 4)}/${heltal(100, 999)}`;
      punkter.push({ punkt: p, rubrik, diarienummer });
      const rad = lager.skapaObjekt(dagordning, {
        [ArendepunktFalt.Rubrik]: rubrik, [ArendepunktFalt.Sammantrade]: mote.Id, [ArendepunktFalt.Punkt]: p,
        [ArendepunktFalt.Diarienummer]: diarienummer
      }, sekreterare, tidpunkt(uppladdad, 8));
      resultat.arendepunkter++;
      if (beslutFattat) {
        const beslut = p === sekretessPunkt ? `${plan.namn} beslutar enligt förslaget i det sekretessbelagda underlaget.` : BESLUT[heltal(0, BESLUT.length - 1)](plan.namn);
        lager.sparaVersion(dagordning, rad, { [ArendepunktFalt.Beslut]: beslut, [ArendepunktFalt.Beslutsdatum]: tillSpDatum(motesdag) },
          sekreterare, tidpunkt(forst(plus(motesdag, 1), plus(idag, -1)), 10));
      }
    }

    if (kungorelse) kungor(org, plan, mote, motesdag, kungorelse, sekreterare, punkter);

    // ---- Handlingar: published when the rules allow and the secretary has got to it ----
    const kallelsenUte = forst(plus(motesdag, -12), plus(idag, -1));
    const dokument = (d: { bibliotek?: ILista; namn: string; rubrik: string; typ: Dokumenttyp; klass?: Klassificering; punkt?: number;
      innehall: string; publicerad?: IsoDate; uppladdad?: IsoDate }): void => {
      const bibliotek = d.bibliotek ?? handlingar;
      const arende = d.punkt ? punkter[d.punkt - 1].rubrik : undefined;
      const o = lager.skapaObjekt(bibliotek, {
        [HandlingFalt.Rubrik]: d.rubrik, [HandlingFalt.Sammantrade]: mote.Id, [HandlingFalt.Dokumenttyp]: d.typ,
        ...(d.punkt ? { [HandlingFalt.Arendepunkt]: d.punkt, [HandlingFalt.ArendeRubrik]: arende } : {}),
        ...(bibliotek === sekretess ? { [HandlingFalt.OslHanvisning]: '26 kap. 1 § OSL' } : { [HandlingFalt.Klassificering]: d.klass ?? 'Offentlig' })
      }, sekreterare, tidpunkt(d.uppladdad ?? uppladdad, 8));
      o.fil = { namn: d.namn, innehall: text(d.innehall), uniqueId: o.GUID };
      resultat.handlingar++;
      // Unpublished (and everything in Sekretess) inherits its library's permissions: nothing for the public.
      if (bibliotek === sekretess || !d.publicerad) return;
      const nar = tidpunkt(senast(d.publicerad, d.uppladdad ?? uppladdad), 11);
      lager.sparaVersion(bibliotek, o, { [HandlingFalt.Publicerad]: true, [HandlingFalt.PubliceradDatum]: nar }, sekreterare, nar);
      oppnaForPublik(bibliotek, o);
    };
    const ut = kallat ? kallelsenUte : undefined;
    const forteckning = punkter.map((p) => `${p.punkt}. ${p.rubrik}`).join('\n');
    const klockan = plan.kort === 'KF' ? '18.00' : '13.00';
    dokument({ namn: `${plan.kort}-${motesdag}-kallelse.txt`, rubrik: 'Kallelse', typ: 'Kallelse', publicerad: ut,
      innehall: `Kallelse till ${plan.namn} ${motesdag} kl. ${klockan}.\n\n${forteckning}\n` });
    dokument({ namn: `${plan.kort}-${motesdag}-foredragningslista.txt`, rubrik: 'Föredragningslista', typ: 'Föredragningslista', publicerad: ut,
      innehall: `Föredragningslista ${plan.namn} ${motesdag}\n\n${forteckning}\n` });
    for (let p = 1; p <= antal; p++) {
      const arbetsmaterial = p === 2;
      const sen = !genomfort && p === antal;
      const publicerad = arbetsmaterial
        // Published after the decision, once the protokoll is justerat; until then held back or waiting.
        ? (beslutFattat && x.protokollStatus === 'Justerat' ? forst(plus(motesdag, 2), plus(idag, -1)) : undefined)
        // A late complement to an upcoming meeting is uploaded but not yet published.
        : sen ? undefined : ut;
      dokument({ namn: `${plan.kort}-${motesdag}-p${p}.txt`, rubrik: punkter[p - 1].rubrik, typ: 'Handling', punkt: p,
        klass: arbetsmaterial ? 'Arbetsmaterial' : 'Offentlig', publicerad, uppladdad: sen ? forst(plus(motesdag, -2), plus(idag, -1)) : undefined,
        innehall: `${punkter[p - 1].rubrik}: ${arbetsmaterial ? 'arbetsmaterial inför beslut' : 'tjänsteskrivelse och förslag till beslut'}.` });
      if (p === 1) {
        dokument({ namn: `${plan.kort}-${motesdag}-p1-bilaga.txt`, rubrik: `Bilaga: ${punkter[0].rubrik}`, typ: 'Bilaga', punkt: 1, publicerad: ut,
          innehall: `Bilaga till ärendet ${punkter[0].rubrik}.` });
      }
    }
    if (sekretessPunkt) {
      dokument({ bibliotek: sekretess, namn: `${plan.kort}-${motesdag}-p${sekretessPunkt}-sekretess.txt`, rubrik: 'Individärende', typ: 'Handling',
        punkt: sekretessPunkt, innehall: 'Sekretessbelagd handling i individärende.' });
    }

    if (!genomfort || !x.protokollStatus) return;
    skapaProtokoll(x, mote, sekreterare);
  };

  const skapaProtokoll = (x: IMote, mote: IObjekt, sekreterare: number): void => {
    const { plan, org, motesdag } = x;
    const status = x.protokollStatus!;
    const pool = DEMO_ANVANDARE.filter((a) => a.roll === 'ledamot' && a.id !== plan.ordforande && a.id !== SIV && (a.jobTitle ?? '').endsWith(plan.ledamoterI));
    const rotera = (i: number): number => pool[((x.lopnummer + 12 + i) % pool.length + pool.length) % pool.length].id;
    // The workbench's ledamot sits in kommunstyrelsen and its utskott, and justerar there.
    const justerare = plan.ledamoterI === 'kommunstyrelsen' ? [SIV, rotera(0)] : [rotera(0), rotera(1)];
    const alla = [plan.ordforande, ...justerare];

    const justerad = status === 'Justerat' ? forst(flyttaTillVardag(plus(motesdag, heltal(3, 12))), plus(idag, -1)) : undefined;
    const skapad = forst(plus(motesdag, 1), idag);
    const p = lager.skapaObjekt(protokoll, {
      [ProtokollFalt.Rubrik]: `Protokoll ${plan.namn} ${motesdag}`,
      [ProtokollFalt.Sammantrade]: mote.Id,
      [ProtokollFalt.Ordforande]: plan.ordforande,
      [ProtokollFalt.Justerare]: justerare,
      [ProtokollFalt.Status]: 'Utkast',
      [ProtokollFalt.JusterasSenast]: tillSpDatum(justerasSenast(motesdag)),
      [ProtokollFalt.Justeringslogg]: skrivJusteringslogg([]),
      [ProtokollFalt.Forvaringsplats]: FORVARING
    }, sekreterare, tidpunkt(skapad, 8));
    const protokollet = protokollText({ organ: plan.namn, kort: plan.kort, motesdag, justerad, lopnummer: x.lopnummer + 12 });
    // Built when first read (see lat).
    p.fil = lat<NonNullable<IObjekt['fil']>>({ namn: `${plan.kort}-${motesdag}-protokoll.docx`, uniqueId: p.GUID }, () => protokollDocx(protokollet));
    resultat.protokoll++;
    // A draft and a protokoll under justering inherit the library's permissions, which give the public nothing.
    if (status === 'Utkast') return;

    lager.sparaVersion(protokoll, p, { [ProtokollFalt.Status]: 'Under justering' }, sekreterare, tidpunkt(skapad, 9));
    // Who approves, in order, and on which day: everyone by the day of justering, or all but the last.
    const godkanner = status === 'Justerat' ? alla : justerare.includes(SIV) ? alla.filter((id) => id !== SIV) : [plan.ordforande];
    const sistaDag = justerad ?? forst(plus(motesdag, 3), plus(idag, -1));
    const logg: IGodkannande[] = [];
    godkanner.forEach((id, i) => {
      const nar = tidpunkt(senast(i === 0 ? plus(sistaDag, -1) : sistaDag, skapad), 10 + i);
      logg.push(godkannande(id, id === plan.ordforande ? 'Ordförande' : 'Justerare', nar));
      godkannanderad(p, String(p.varden[ProtokollFalt.Rubrik]), id, nar);
    });
    // Under justering: nobody has rights on the protokoll itself; the approvals are the rows above.
    if (!justerad) return;

    // Justerat: the tillkännagivande goes up the next weekday, within the two days the law allows.
    const nastaVardag = flyttaTillVardag(plus(justerad, 1));
    const uppsatt = forst(nastaVardag <= tillkannagesSenast(justerad) ? nastaVardag : justerad, idag);
    const t = tillkannagivande({ organ: plan.namn, sammantradesdatum: motesdag, justeringsdatum: justerad, forvaringsplats: FORVARING, uppsatt });
    // As the nämndsekreterare's completion leaves it: Justerat on the day of the last approval, the
    // approvals recorded, opened to the public group (own permissions plus Read), the anslag naming it.
    lager.sparaVersion(protokoll, p, {
      [ProtokollFalt.Status]: 'Justerat', [ProtokollFalt.JusteratDatum]: tillSpDatum(justerad), [ProtokollFalt.Justeringslogg]: skrivJusteringslogg(logg)
    }, sekreterare, tidpunkt(uppsatt, 14));
    lager.andraTilldelning(lager.brytObjektetsArv(protokoll, p), publikGrupp.Id, las, true);
    lager.skapaObjekt(anslag, {
      [AnslagFalt.Rubrik]: `Justerat protokoll: ${plan.namn} ${motesdag}`,
      [AnslagFalt.Typ]: 'Tillkännagivande av justerat protokoll',
      [AnslagFalt.Organ]: org.Id, [AnslagFalt.Sammantrade]: mote.Id, [AnslagFalt.Protokoll]: p.Id,
      [AnslagFalt.SammantradesDatum]: tillSpDatum(t.sammantradesdatum), [AnslagFalt.JusteringsDatum]: tillSpDatum(t.justeringsdatum),
      [AnslagFalt.Forvaringsplats]: t.forvaringsplats, [AnslagFalt.Uppsatt]: tillSpDatum(t.uppsatt),
      [AnslagFalt.SistaDagOverklagande]: tillSpDatum(t.sistaDagForOverklagande), [AnslagFalt.Nedtagning]: tillSpDatum(t.nedtagning)
    }, sekreterare, tidpunkt(uppsatt, 15));
    resultat.anslag++;
    lager.sparaVersion(protokoll, p, { [ProtokollFalt.Tillkannagivet]: tillSpDatum(uppsatt) }, sekreterare, tidpunkt(uppsatt, 15));
  };

  ORGAN.forEach((plan, oi) => {
    const org = organ[oi];
    // About monthly for a year back and two months ahead, not in July.
    const moten = Array.from({ length: 15 }, (_, i) => i - 12)
      .map((m) => ({ m, motesdag: flyttaTillVardag(plus(idag, m * 30 + plan.forskjutning)) }))
      .filter((d) => d.motesdag.slice(5, 7) !== '07');
    const nyastHallna = moten.filter((d) => d.motesdag < idag).map((d) => d.motesdag).sort().pop();
    const nastaKommande = moten.map((d) => d.motesdag).filter((d) => d >= idag).sort()[0];
    for (const { m, motesdag } of moten) {
      skapaMote({
        plan, org, oi, motesdag, lopnummer: m, extra: false, medDokument: m <= 1, kungors: motesdag === nastaKommande,
        protokollStatus: motesdag >= idag ? undefined : motesdag === nyastHallna ? plan.senaste : 'Justerat'
      });
    }
    if (plan.kort === 'KF') {
      skapaMote({ plan, org, oi, motesdag: inomEnVecka(idag), lopnummer: 1, extra: true, medDokument: true });
    }
  });
  return resultat;
}
