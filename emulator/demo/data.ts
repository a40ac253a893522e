/**
 * Deterministic demo data for the emulated site, written straight into the store (provisioning
 * has already created the lists from the schema). Field names come from the schema; dates are
 * relative to `idag` so the demo always has upcoming meetings and overdue uppdrag; the same
 * `idag` and seed give the same data.
 */
import { skapaSlump } from '../core';
import { IsoDate } from '../../src/domain/dates';
import { UPPDRAG_STATUSAR, UppdragStatus } from '../../src/domain/uppdrag';
import { tillSpDatum } from '../../src/data/spDatum';
import { UPPDRAG_STATUS_VAL, UppdragFalt, UppdragLista } from '../../src/schema/uppdrag';
import { SpLager } from '../sharepoint/lager';
import { IMotesResultat, seedaMoten } from './moten';
import { ISurfplatteResultat, seedaSurfplattor } from './surfplattor';
import { lista, plus, tidpunkt } from './verktyg';

const ADMIN = 50;
const HANDLAGGARE = [20, 21, 22];

const UPPDRAG: Array<[string, string, string]> = [
  ['Utred kontinuerligt uppdaterade ärendebalanslistor', 'Kommunledningskontoret', 'Utreda om det med den teknik som finns i dag är möjligt att lägga ut ärendebalanslistor som kontinuerligt uppdateras av tjänstemännen.'],
  ['Ta fram handlingsplan för verkställighet av beslut', 'Kommunledningskontoret', 'Ta fram en handlingsplan för hur beslut som inte verkställts ska följas upp, med anledning av revisionens granskning.'],
  ['Minska energianvändningen i kommunens lokaler', 'Samhällsbyggnadsförvaltningen', 'Ta fram en plan för att minska energianvändningen i kommunens egna lokaler med 20 procent till 2030.'],
  ['Utred ny förskola i Gistgården', 'Barn- och utbildningsförvaltningen', 'Utreda behov, placering och kostnad för en ny förskola med sex avdelningar i Gistgårdsområdet.'],
  ['Införa e-tjänst för bygglov', 'Samhällsbyggnadsförvaltningen', 'Införa en e-tjänst för ansökan om bygglov och anmälan, med digital handläggning.'],
  ['Översyn av riktlinjer för ekonomiskt bistånd', 'Socialförvaltningen', 'Se över riktlinjerna för ekonomiskt bistånd och återrapportera till socialnämnden.'],
  ['Plan för trygghetsboende', 'Socialförvaltningen', 'Ta fram en plan för trygghetsboenden för äldre i kommunens tätorter.'],
  ['Digital möteshantering för samtliga nämnder', 'Kommunledningskontoret', 'Införa digital möteshantering med surfplattor för samtliga nämnder och utskott.'],
  ['Utred gemensam växel med grannkommuner', 'Kommunledningskontoret', 'Utreda förutsättningarna för en gemensam telefonväxel med grannkommunerna.'],
  ['Renovering av simhallen', 'Kultur- och fritidsförvaltningen', 'Ta fram förslag till renovering av simhallen med kostnadskalkyl och tidplan.'],
  ['Laddinfrastruktur för elbilar', 'Samhällsbyggnadsförvaltningen', 'Bygga ut laddplatser för elbilar vid kommunens verksamheter och infartsparkeringar.'],
  ['Strategi för kompetensförsörjning', 'Kommunledningskontoret', 'Ta fram en strategi för kompetensförsörjning inom vård, skola och omsorg.'],
  ['Utred skolskjutsorganisationen', 'Barn- och utbildningsförvaltningen', 'Utreda skolskjutsorganisationen med syfte att korta restider för elever på landsbygden.'],
  ['Översiktsplan 2040', 'Samhällsbyggnadsförvaltningen', 'Ta fram förslag till ny översiktsplan för kommunen med sikte på 2040.'],
  ['Handlingsplan mot våld i nära relationer', 'Socialförvaltningen', 'Ta fram en handlingsplan mot våld i nära relationer tillsammans med polis och region.'],
  ['Fritidsgårdarnas öppettider', 'Kultur- och fritidsförvaltningen', 'Se över fritidsgårdarnas öppettider under loven.'],
  ['Policy för inköp av livsmedel', 'Kommunledningskontoret', 'Ta fram en policy för hållbara inköp av livsmedel i kommunens kök.'],
  ['Utred kommunalt bostadsbolag', 'Kommunledningskontoret', 'Utreda förutsättningarna för att bilda ett kommunalt bostadsbolag.'],
  ['Cykelstrategi', 'Samhällsbyggnadsförvaltningen', 'Ta fram en cykelstrategi med prioriterade gång- och cykelstråk.'],
  ['Modersmålsundervisning på distans', 'Barn- och utbildningsförvaltningen', 'Utreda möjligheten att erbjuda modersmålsundervisning på distans.'],
  ['Avgifter inom hemtjänsten', 'Socialförvaltningen', 'Se över avgifterna inom hemtjänsten och föreslå ny taxa.'],
  ['Biblioteksplan', 'Kultur- och fritidsförvaltningen', 'Ta fram en ny biblioteksplan för perioden 2026–2029.'],
  ['Arkivering av e-post', 'Kommunledningskontoret', 'Ta fram rutin för diarieföring och gallring av förtroendevaldas e-post.'],
  ['Vattenskyddsområde för Storsjön', 'Samhällsbyggnadsförvaltningen', 'Ta fram förslag till vattenskyddsområde med föreskrifter för Storsjön.'],
  ['Lokalförsörjningsplan för skolan', 'Barn- och utbildningsförvaltningen', 'Ta fram en lokalförsörjningsplan för grundskolan för tio år.'],
  ['Heltid som norm', 'Socialförvaltningen', 'Införa heltid som norm inom vård och omsorg.'],
  ['Kulturmiljöprogram', 'Kultur- och fritidsförvaltningen', 'Ta fram ett kulturmiljöprogram för kommunens tätorter.'],
  ['Utvärdera medborgarförslag', 'Kommunledningskontoret', 'Utvärdera hanteringen av medborgarförslag och föreslå förenklingar.'],
  ['Trafiksäkerhet vid skolor', 'Samhällsbyggnadsförvaltningen', 'Åtgärda trafiksäkerheten vid kommunens skolor enligt trafiksäkerhetsplanen.'],
  ['Kost i förskolan', 'Barn- och utbildningsförvaltningen', 'Se över kostorganisationen i förskolan.'],
  ['Anhörigstöd', 'Socialförvaltningen', 'Utveckla anhörigstödet i enlighet med socialtjänstlagen.'],
  ['Motionsspår med belysning', 'Kultur- och fritidsförvaltningen', 'Anlägga belyst motionsspår vid idrottsplatsen.'],
  ['Säkerhetsskyddsanalys', 'Kommunledningskontoret', 'Genomföra en säkerhetsskyddsanalys av kommunens verksamheter.'],
  ['Dagvattenplan', 'Samhällsbyggnadsförvaltningen', 'Ta fram en dagvattenplan för centralorten.'],
  ['Elevhälsans organisation', 'Barn- och utbildningsförvaltningen', 'Se över elevhälsans organisation och bemanning.'],
  ['Äldreomsorgsplan', 'Socialförvaltningen', 'Ta fram en äldreomsorgsplan för 2026–2035.']
];

const ORSAKER = ['Väntar på budget', 'Väntar på annat beslut', 'Resursbrist', 'Skjutits upp genom senare beslut', 'Extern part'] as const;
const HANTERING: Record<UppdragStatus, string[]> = {
  EjPaborjat: ['Inte påbörjat; planeras in under nästa kvartal.', 'Väntar på att utredare tillsätts.'],
  Pagar: ['Utredning pågår; remiss till berörda nämnder.', 'Förslag skrivs; beredning i KSAU i nästa månad.', 'Upphandling pågår.'],
  Forsenat: ['Arbetet har stannat av i väntan på resurser.', 'Försenat på grund av överklagande av detaljplan.'],
  DelvisVerkstallt: ['Första etappen genomförd; resterande etapper i budget nästa år.', 'Delrapport lämnad till nämnden.'],
  Verkstallt: ['Beslutet är verkställt och återrapporterat.', 'Genomfört enligt plan.'],
  ForeslasAvskrivas: ['Föreslås avskrivas: inaktuellt efter senare beslut.', 'Föreslås avskrivas: ingår i annat uppdrag.']
};

export interface IDemoResultat extends IMotesResultat, ISurfplatteResultat {
  uppdrag: number;
}

export function seedaDemoData(lager: SpLager, idag: IsoDate, fro = 2020): IDemoResultat {
  const slump = skapaSlump(fro);
  const valj = <T>(lista: readonly T[]): T => lista[Math.floor(slump() * lista.length)];
  const heltal = (min: number, max: number): number => min + Math.floor(slump() * (max - min + 1));

  // ---- Uppdrag: six of each status, with history from the versions ----
  const uppdrag = lista(lager, UppdragLista);
  UPPDRAG.forEach(([rubrik, forvaltning, uppdragstext], i) => {
    const status: UppdragStatus = UPPDRAG_STATUSAR[i % UPPDRAG_STATUSAR.length];
    const instans = valj(['KF', 'KS', 'KS', 'KSAU', 'Nämnd'] as const);
    const beslut = plus(idag, -heltal(60, 900));
    const handlaggare = HANDLAGGARE[i % HANDLAGGARE.length];
    const forst = plus(beslut, heltal(120, 400));
    const sen = status === 'Forsenat' || (status === 'Pagar' && i % 4 === 1);
    const planerat = status === 'Verkstallt' ? plus(idag, -heltal(5, 200)) : sen ? plus(idag, -heltal(3, 120)) : plus(idag, heltal(10, 300));
    // A date that slipped was first planned earlier than it is now.
    const forstPlanerat = planerat < forst ? plus(planerat, -heltal(30, 200)) : forst;
    const ar = beslut.slice(0, 4);
    const skapad = tidpunkt(plus(beslut, 3));
    const o = lager.skapaObjekt(uppdrag, {
      [UppdragFalt.Rubrik]: rubrik,
      [UppdragFalt.Uppdragstext]: uppdragstext,
      [UppdragFalt.Beslutsinstans]: instans,
      [UppdragFalt.Beslutsdatum]: tillSpDatum(beslut),
      [UppdragFalt.Paragraf]: `§ ${heltal(12, 240)}`,
      [UppdragFalt.Diarienummer]: `${instans === 'Nämnd' ? 'SBN' : 'KS'} ${ar}/${heltal(100, 999)}`,
      [UppdragFalt.Forvaltning]: forvaltning,
      [UppdragFalt.Handlaggare]: handlaggare,
      [UppdragFalt.Status]: UPPDRAG_STATUS_VAL.EjPaborjat,
      [UppdragFalt.PlaneratKlart]: tillSpDatum(forstPlanerat),
      [UppdragFalt.ForstPlaneratKlart]: tillSpDatum(forstPlanerat),
      [UppdragFalt.AterrapporteraSenast]: i % 3 === 0 ? tillSpDatum(plus(forst, 30)) : null,
      [UppdragFalt.VarIHanteringen]: HANTERING.EjPaborjat[0]
    }, ADMIN, skapad);
    // Each later save is a version a reader can follow: status changes and slipped dates.
    let nar = plus(beslut, heltal(20, 60));
    if (status !== 'EjPaborjat' && nar < idag) {
      lager.sparaVersion(uppdrag, o, { [UppdragFalt.Status]: UPPDRAG_STATUS_VAL.Pagar, [UppdragFalt.VarIHanteringen]: HANTERING.Pagar[i % 3] }, handlaggare, tidpunkt(nar, 10));
    }
    if (planerat !== forstPlanerat) {
      nar = plus(nar, heltal(20, 80));
      if (nar < idag) {
        lager.sparaVersion(uppdrag, o, {
          [UppdragFalt.PlaneratKlart]: tillSpDatum(planerat),
          [UppdragFalt.OrsakKod]: status === 'Verkstallt' ? null : valj(ORSAKER),
          [UppdragFalt.OrsakText]: status === 'Verkstallt' ? null : 'Tidplanen har reviderats; se kommentar.'
        }, handlaggare, tidpunkt(nar, 14));
      }
    }
    const senast = plus(idag, -(i % 5 === 0 ? heltal(35, 90) : heltal(1, 25)));
    lager.sparaVersion(uppdrag, o, {
      [UppdragFalt.Status]: UPPDRAG_STATUS_VAL[status],
      [UppdragFalt.VarIHanteringen]: HANTERING[status][i % HANTERING[status].length],
      [UppdragFalt.PlaneratKlart]: tillSpDatum(planerat),
      [UppdragFalt.TextForPolitiker]: status === 'Verkstallt' ? 'Uppdraget är genomfört.' : null,
      ...(sen ? { [UppdragFalt.OrsakKod]: valj(ORSAKER), [UppdragFalt.OrsakText]: 'Se var i hanteringen.' } : {})
    }, handlaggare, tidpunkt([senast < nar ? nar : senast, idag].sort()[0], 15));
  });

  // ---- Organ, sammanträden, dagordning, handlingar, protokoll, anslag (own PRNG: changes there leave the rest alone) ----
  const moten = seedaMoten(lager, idag, fro + 1);
  const resultat: IDemoResultat = { uppdrag: uppdrag.objekt.size, ...moten, surfplattor: 0, lan: 0, handelser: 0, kvittenser: 0 };

  // ---- The tablet register (own PRNG) ----
  Object.assign(resultat, seedaSurfplattor(lager, idag, fro + 2));
  return resultat;
}
