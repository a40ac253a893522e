/**
 * Deterministic demo mail for the @pol mailboxes of the ledamöter: what a Swedish municipal
 * politician's inbox holds (medborgarförslag, questions from residents, kallelser, replies from the
 * administration, newsletters, ads, press), the replies and forwards to the registrator in sent
 * items, and gallrad mail in deleted items. The same seed and reference date always give the same
 * mail; dates fall within the 45 days before the reference date.
 */
import { Emulator, IEmulatorAnvandare, skapaSlump } from '../core';
import { REGISTRATOR } from '../demo/anvandare';
import { base64url } from './odata';
import { brevladaFor, IEpostadress, IGraphLagerData, ILagratMeddelande, laggIMapp, ValkandMapp } from './lager';
import { iso } from './post';

/** The category Ärendeportalen sets on mail the user chose to keep (Behåll). */
export const KATEGORI_BEHALLEN = 'Behållen (Ärendeportalen)';

/** How many of the first ledamot's inbox mails are already kept: notes from party colleagues. */
export const DEMO_BEHALLNA_FORSTA = 4;

/** How many messages the first ledamot's mailbox gets, per folder. */
export const DEMO_ANTAL_FORSTA = { inbox: 132, sentitems: 46, deleteditems: 38, junkemail: 4 } as const;

type Slump = () => number;

interface IMall {
  amne: string;
  text: string;
  bilagor?: boolean;
  viktighet?: ILagratMeddelande['viktighet'];
}

function valjEn<T>(slump: Slump, lista: readonly T[]): T {
  return lista[Math.floor(slump() * lista.length)];
}

function fyllMall(mall: string, varden: Record<string, string>): string {
  return mall.replace(/\{(\w+)\}/g, (hel, namn: string) => varden[namn] ?? hel);
}

function ascii(text: string): string {
  return text.toLowerCase().replace(/å/g, 'a').replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e').replace(/[^a-z0-9.]/g, '');
}

const ORTER = ['Norrby', 'Västanå', 'Sjöviken', 'Bergsjö', 'Ekbacken', 'Lillån', 'Stavreviken', 'Högbyn'];
const GATOR = ['Storgatan', 'Kyrkvägen', 'Skolgatan', 'Strandvägen', 'Industrivägen', 'Björkvägen', 'Järnvägsgatan', 'Älvvägen'];
const FORNAMN = ['Anna', 'Lars', 'Maria', 'Karl', 'Eva', 'Johan', 'Kerstin', 'Mikael', 'Ingrid', 'Peter', 'Birgitta', 'Ahmed',
  'Fatima', 'Nils', 'Elin', 'Oskar', 'Sofia', 'Gunnar', 'Linnea', 'Hassan', 'Margareta', 'Jonas'];
const EFTERNAMN = ['Lindqvist', 'Andersson', 'Persson', 'Nyström', 'Berglund', 'Sundberg', 'Hedlund', 'Lundgren', 'Forsberg',
  'Öström', 'Eriksson', 'Jonsson', 'Yusuf', 'Sandberg', 'Wallin', 'Holmberg', 'Strand', 'Åkesson'];
// Reserved .example domains: the demo must never point at a real person's address.
const PRIVATA_DOMANER = ['bredband.example', 'epost.example', 'hemma.example'];
const MANADER = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

const MEDBORGARFORSLAG: readonly IMall[] = [
  { amne: 'Medborgarförslag: belysning på gång- och cykelvägen vid {ort}', text: 'Hej {mottagare}!\n\nJag vill lämna ett medborgarförslag till kommunfullmäktige. Gång- och cykelvägen mellan {ort} och skolan är helt mörk på kvällarna från oktober till mars, och många barn går där. Jag föreslår att kommunen sätter upp belysning längs sträckan.\n\nKan du hjälpa mig att få förslaget behandlat?\n\nMed vänliga hälsningar\n{avsandare}\n{gata} {nr}, {ort}' },
  { amne: 'Medborgarförslag om hundrastgård i {ort}', text: 'Hej!\n\nVi är flera hundägare i {ort} som saknar en inhägnad hundrastgård. Jag föreslår att kommunen anlägger en på grönytan vid {gata}.\n\nBifogar namnlista med 48 namn.\n\nVänliga hälsningar\n{avsandare}', bilagor: true },
  { amne: 'Förslag: fler parkbänkar längs {gata}', text: 'Hej {mottagare},\n\nMånga äldre i området har svårt att gå hela vägen till centrum utan att vila. Jag föreslår att kommunen ställer ut fler bänkar längs {gata}.\n\nMed vänlig hälsning\n{avsandare}' },
  { amne: 'Medborgarförslag – utegym vid {ort} skola', text: 'Hej!\n\nJag vill föreslå att kommunen bygger ett utegym vid {ort} skola som kan användas av både elever och boende på kvällstid.\n\nHälsningar\n{avsandare}, {ort}' },
  { amne: 'Medborgarförslag: sänkt hastighet på {gata}', text: 'Hej {mottagare}!\n\nBilarna kör alldeles för fort på {gata} där barnen går till skolan. Jag föreslår att hastigheten sänks till 30 km/h och att det sätts upp farthinder.\n\nMvh\n{avsandare}' },
  { amne: 'Förslag om laddstolpar vid {ort} centrum', text: 'Hej,\n\nDet finns ingenstans att ladda elbilen i {ort}. Jag föreslår att kommunen sätter upp laddstolpar på parkeringen vid centrum.\n\nVänligen\n{avsandare}' },
  { amne: 'Medborgarförslag: längre öppettider på {ort} bibliotek', text: 'Hej!\n\nBiblioteket i {ort} har bara öppet två eftermiddagar i veckan. Jag föreslår att det hålls öppet även på lördagar.\n\nMed vänliga hälsningar\n{avsandare}' }
];

const MEDBORGARFRAGOR: readonly IMall[] = [
  { amne: 'Fråga om bygglov för altan på {gata}', text: 'Hej {mottagare}!\n\nJag sökte bygglov för en inglasad altan för tio veckor sedan och har fortfarande inte fått något beslut. Vet du hur lång handläggningstiden är just nu?\n\nTacksam för svar.\n\n{avsandare}' },
  { amne: 'Varför ska förskolan i {ort} stängas?', text: 'Hej!\n\nVi har läst i tidningen att förskolan i {ort} kan läggas ner. Hur har ni tänkt att familjerna här ska lösa barnomsorgen? Det är tre mil till närmaste alternativ.\n\nMvh\n{avsandare}' },
  { amne: 'Snöröjningen på {gata} – vem ansvarar?', text: 'Hej,\n\n{gata} har inte plogats på fyra dagar och det är svårt att ta sig fram med rullator. Är det kommunen eller vägföreningen som ansvarar?\n\nHälsningar\n{avsandare}' },
  { amne: 'Fråga inför fullmäktige om äldreboendet i {ort}', text: 'Hej {mottagare}!\n\nKommer frågan om det nya äldreboendet i {ort} upp på nästa fullmäktige? Jag vill gärna veta hur ni i kommunstyrelsen ställer er.\n\nVänliga hälsningar\n{avsandare}' },
  { amne: 'Skolskjuts för mitt barn i {ort}', text: 'Hej!\n\nMin son har fått avslag på skolskjuts trots att vägen saknar trottoar. Kan du förklara vilka regler som gäller?\n\n{avsandare}' },
  { amne: 'Gatubelysningen är släckt på {gata}', text: 'Hej,\n\nHalva {gata} har varit mörk i två veckor. Jag har felanmält men inget händer. Kan du kolla upp det?\n\nMvh\n{avsandare}' },
  { amne: 'Fråga om den nya taxan för vatten och avlopp', text: 'Hej {mottagare}!\n\nVår VA-faktura har ökat med nästan 30 procent. Vad beror det på och var kan jag läsa beslutet?\n\nMed vänlig hälsning\n{avsandare}' },
  { amne: 'Hur röstade ni om budgeten?', text: 'Hej!\n\nJag försöker förstå hur de olika partierna röstade om budgeten för nästa år. Finns protokollet publicerat någonstans?\n\nTack på förhand\n{avsandare}' },
  { amne: 'Buller från bygget vid {gata}', text: 'Hej,\n\nBygget vid {gata} börjar klockan sex varje morgon, även på lördagar. Gäller inte kommunens regler för byggbuller här?\n\n{avsandare}' },
  { amne: 'Bredband till {ort}?', text: 'Hej {mottagare}!\n\nNär kommer fibern till {ort}? Vi var utlovade anslutning förra året.\n\nVänligen\n{avsandare}' }
];

const KALLELSER: readonly IMall[] = [
  { amne: 'Kallelse till kommunstyrelsen {motesdag}', text: 'Hej!\n\nHärmed kallas du till sammanträde med kommunstyrelsen {motesdag} kl. 08.30 i Sessionssalen, kommunhuset. Handlingarna finns i mötesportalen.\n\nAnmäl förhinder till mig så snart som möjligt så att ersättare kan kallas.\n\nMed vänlig hälsning\n{avsandare}\nNämndsekreterare', bilagor: true },
  { amne: 'Kallelse till kommunstyrelsens arbetsutskott {motesdag}', text: 'Hej!\n\nArbetsutskottet sammanträder {motesdag} kl. 13.00 i rum Älven. Föredragningslistan och handlingarna finns i mötesportalen.\n\nHälsningar\n{avsandare}', bilagor: true },
  { amne: 'Kallelse och handlingar till kommunfullmäktige {motesdag}', text: 'Hej!\n\nKommunfullmäktige sammanträder {motesdag} kl. 18.00 i Folkets hus. Kungörelsen har satts upp på kommunens anslagstavla. Handlingarna finns i mötesportalen.\n\nMed vänlig hälsning\n{avsandare}', bilagor: true },
  { amne: 'Kompletterande handlingar till KS {motesdag}', text: 'Hej!\n\nTill ärende 7, delårsrapport, har en reviderad tjänsteskrivelse kommit in. Den finns nu i mötesportalen.\n\n{avsandare}', bilagor: true },
  { amne: 'Protokoll KS {motesdag} är justerat', text: 'Hej!\n\nProtokollet från kommunstyrelsens sammanträde är justerat och anslaget på kommunens digitala anslagstavla. Överklagandetiden är tre veckor från anslagsdagen.\n\n{avsandare}' },
  { amne: 'Ändrad lokal: KSAU {motesdag}', text: 'Hej!\n\nObservera att arbetsutskottets sammanträde flyttas till rum Forsen på grund av renovering.\n\n{avsandare}', viktighet: 'high' },
  { amne: 'Påminnelse: anmäl förhinder till KF senast fredag', text: 'Hej!\n\nEn påminnelse om att anmäla förhinder till fullmäktiges sammanträde senast på fredag, så att vi hinner kalla ersättare.\n\n{avsandare}' }
];

const TJANSTEMAN: readonly IMall[] = [
  { amne: 'Svar på din fråga om detaljplanen för {ort}', text: 'Hej {mottagare}!\n\nDetaljplanen för {ort} centrum ställs ut för granskning i början av nästa månad. Samrådsredogörelsen bifogas.\n\nMed vänlig hälsning\n{avsandare}\n{titel}', bilagor: true },
  { amne: 'Underlag till ärende KS {ar}/{dnr}', text: 'Hej!\n\nHär kommer det underlag du bad om inför beredningen av ärende KS {ar}/{dnr}. Hör av dig om något är oklart.\n\n{avsandare}\n{titel}', bilagor: true },
  { amne: 'Tjänsteskrivelse: översyn av avgifter inom äldreomsorgen', text: 'Hej!\n\nFörvaltningens tjänsteskrivelse om översynen av avgifterna är klar och ligger med i handlingarna till nästa sammanträde.\n\n{avsandare}', bilagor: true },
  { amne: 'Läget i ärendet om {ort} skola', text: 'Hej {mottagare},\n\nEn kort lägesrapport: lokalutredningen för {ort} skola blir klar under nästa kvartal. Vi återkommer med ett förslag till beslut.\n\nVänliga hälsningar\n{avsandare}' },
  { amne: 'Remiss: trafikstrategi 2030', text: 'Hej!\n\nFörslaget till trafikstrategi 2030 är ute på remiss till och med slutet av månaden. Synpunkter lämnas till registrator med diarienummer KS {ar}/{dnr}.\n\n{avsandare}', bilagor: true }
];

const NYHETSBREV: readonly { fran: IEpostadress; mall: IMall }[] = [
  { fran: { name: 'Kommunförbundet Nyheter', address: 'nyhetsbrev@kommunforbundet.example' }, mall: { amne: 'Nyhetsbrev från Kommunförbundet – vecka {vecka}', text: 'Veckans nyheter för förtroendevalda: ny vägledning om medborgardialog, statistik om kommunernas ekonomi och inbjudan till regionala träffar.\n\nDu får det här brevet eftersom du är förtroendevald. Avsluta prenumerationen via länken i webbversionen.' } },
  { fran: { name: 'Länsstyrelsen', address: 'nyheter@lansstyrelsen.example' }, mall: { amne: 'Länsstyrelsen informerar: krisberedskap i kommunerna', text: 'Länsstyrelsen bjuder in kommunernas krisledningsnämnder till en gemensam övning i höst. Läs mer på webbplatsen.' } },
  { fran: { name: 'Politikerbladet', address: 'redaktion@politikerbladet.example' }, mall: { amne: 'Politikerbladet nr {nummer}: Så lyckas nämnden med uppföljningen', text: 'I det här numret: hur fyra kommuner följer upp verkställigheten av beslut, och vad revisorerna tittar efter.' } },
  { fran: { name: 'Kommunkredit', address: 'info@kommunkredit.example' }, mall: { amne: 'Räntebrev {manad}', text: 'Månadens kommentar om räntor och kommunsektorns upplåning.' } },
  { fran: { name: 'Regionen informerar', address: 'information@regionen.example' }, mall: { amne: 'Nytt från regionen – {manad}', text: 'Kollektivtrafikens nya tidtabeller, vårdens tillgänglighet och regionfullmäktiges beslut i korthet.' } }
];

const REKLAM: readonly { fran: IEpostadress; mall: IMall }[] = [
  { fran: { name: 'Ledarskapsakademin', address: 'kurs@ledarskapsakademin.example' }, mall: { amne: 'Erbjudande: ledarskapskurs för förtroendevalda – 20 % rabatt', text: 'Utveckla ditt politiska ledarskap! Boka före månadens slut och få 20 % rabatt.' } },
  { fran: { name: 'Kommundagarna', address: 'anmalan@kommundagarna.example' }, mall: { amne: 'Sista chansen: anmälan till Kommundagarna', text: 'Två dagar med föreläsningar, mingel och utställare. Anmälan stänger på fredag.' } },
  { fran: { name: 'Konferenspartner', address: 'info@konferenspartner.example' }, mall: { amne: 'Boka höstens konferens i {ort}', text: 'Konferenspaket för nämnder och styrelser, med helpension från 1 495 kr per person.' } },
  { fran: { name: 'Surfplattebutiken Offentlig', address: 'erbjudande@surfplattebutiken.example' }, mall: { amne: 'Ny surfplatta? Se våra erbjudanden för offentlig sektor', text: 'Ramavtalspriser på surfplattor och skal. Gäller så långt lagret räcker.' } },
  { fran: { name: 'Nämndsystem AB', address: 'webbinarium@namndsystem.example' }, mall: { amne: 'Gratis webbinarium: digital nämndadministration', text: 'Se hur andra kommuner har digitaliserat kallelser och justering. Anmäl dig här.' } }
];

const PRESS: readonly { fran: IEpostadress; mall: IMall }[] = [
  { fran: { name: 'Kerstin Falk, Kommunbladet', address: 'kerstin.falk@kommunbladet.example' }, mall: { amne: 'Intervjuförfrågan: budgeten för {ar}', text: 'Hej {mottagare}!\n\nJag skriver en artikel om nästa års budget och skulle gärna intervjua dig per telefon i dag eller i morgon. Passar det?\n\nKerstin Falk\nReporter, Kommunbladet' } },
  { fran: { name: 'Jonas Berg, P4 Radio', address: 'jonas.berg@p4radio.example' }, mall: { amne: 'Kan du ställa upp i morgonsändningen?', text: 'Hej!\n\nVi gör ett inslag om förskolan i {ort} och vill gärna ha med en kommentar från kommunstyrelsen. Sändningen är kl. 07.10.\n\nJonas Berg' } },
  { fran: { name: 'Nyhetsredaktionen, Kommunbladet', address: 'nyheter@kommunbladet.example' }, mall: { amne: 'Fråga från Kommunbladet om äldreomsorgen', text: 'Hej,\n\nVi har fått in uppgifter om personalbrist på äldreboendet i {ort}. Vill du kommentera?\n\nNyhetsredaktionen' } }
];

const KOLLEGOR: readonly IMall[] = [
  { amne: 'Gruppmöte inför KS {motesdag}', text: 'Hej!\n\nVi ses på gruppmötet kvällen före sammanträdet, kl. 18.00 på partiexpeditionen. Ta med synpunkter på ärende 4 och 9.\n\n{avsandare}' },
  { amne: 'Förslag till yrkande om {ort} skola', text: 'Hej {mottagare},\n\nHär är mitt utkast till yrkande. Säg till om du vill ändra något innan jag skickar det till nämndsekreteraren.\n\n{avsandare}' },
  { amne: 'Samåkning till fullmäktige?', text: 'Hej!\n\nJag kör från {ort} på torsdag, vill du åka med?\n\n{avsandare}' }
];

const SKRAPPOST: readonly { fran: IEpostadress; mall: IMall }[] = [
  { fran: { name: 'Kundtjänst', address: 'no-reply@paket-avisering.example' }, mall: { amne: 'Ditt paket kunde inte levereras', text: 'Klicka här för att betala tullavgiften och boka ny leverans.' } },
  { fran: { name: 'Vinstavdelningen', address: 'vinst@lotteri.example' }, mall: { amne: 'Grattis! Du har vunnit ett presentkort', text: 'Hämta ditt presentkort genom att fylla i dina uppgifter.' } }
];

interface IGenerator {
  lager: IGraphLagerData;
  slump: Slump;
  agare: IEmulatorAnvandare;
  referens: Date;
  tjansteman: IEmulatorAnvandare[];
  sekreterare: IEmulatorAnvandare[];
  kollegor: IEmulatorAnvandare[];
  lopnummer: number;
}

function medborgare(g: IGenerator): IEpostadress {
  const fornamn = valjEn(g.slump, FORNAMN);
  const efternamn = valjEn(g.slump, EFTERNAMN);
  return { name: `${fornamn} ${efternamn}`, address: `${ascii(fornamn)}.${ascii(efternamn)}@${valjEn(g.slump, PRIVATA_DOMANER)}` };
}

function adress(a: IEmulatorAnvandare): IEpostadress {
  return { name: a.title, address: a.email };
}

/** A moment within the 45 days before the reference, in office-ish hours (06–21 UTC). */
function tidpunkt(g: IGenerator, maxDagar = 45): Date {
  const dag = Math.floor(g.slump() * maxDagar);
  const minut = 6 * 60 + Math.floor(g.slump() * 15 * 60);
  const midnatt = Date.UTC(g.referens.getUTCFullYear(), g.referens.getUTCMonth(), g.referens.getUTCDate());
  let tid = midnatt - dag * 86400000 + minut * 60000;
  if (tid > g.referens.getTime()) tid -= 86400000;
  // Never before the window, even after the step back.
  return new Date(Math.max(tid, g.referens.getTime() - maxDagar * 86400000 + 60000));
}

function datumText(tid: Date): string {
  const d = new Date(tid.getTime());
  return `${d.getUTCDate()} ${MANADER[d.getUTCMonth()]}`;
}

/** ISO week number, for the newsletters' subjects. */
function vecka(tid: Date): number {
  const d = new Date(Date.UTC(tid.getUTCFullYear(), tid.getUTCMonth(), tid.getUTCDate()));
  const dagnr = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dagnr);
  const arStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - arStart) / 86400000 + 1) / 7);
}

function varden(g: IGenerator, tid: Date, extra: Record<string, string> = {}): Record<string, string> {
  return {
    mottagare: g.agare.title.split(' ')[0],
    ort: valjEn(g.slump, ORTER),
    gata: valjEn(g.slump, GATOR),
    nr: String(1 + Math.floor(g.slump() * 60)),
    motesdag: datumText(new Date(tid.getTime() + (5 + Math.floor(g.slump() * 10)) * 86400000)),
    ar: String(tid.getUTCFullYear()),
    dnr: String(100 + Math.floor(g.slump() * 800)),
    vecka: String(vecka(tid)),
    nummer: String(1 + Math.floor(g.slump() * 11)),
    manad: MANADER[tid.getUTCMonth()],
    ...extra
  };
}

interface IUtkast {
  mall: IMall;
  fran: IEpostadress;
  till: IEpostadress[];
  tid: Date;
  extra?: Record<string, string>;
}

function skapa(g: IGenerator, mapp: ValkandMapp, u: IUtkast, last: boolean): void {
  const v = varden(g, u.tid, { avsandare: u.fran.name.split(',')[0], ...u.extra });
  const amne = fyllMall(u.mall.amne, v);
  const tid = iso(u.tid);
  // Sent a little before it was received, as mail is.
  const skickat = iso(new Date(u.tid.getTime() - (5 + Math.floor(g.slump() * 90)) * 1000));
  g.lopnummer++;
  const doman = u.fran.address.split('@')[1];
  laggIMapp(brevladaFor(g.lager, g.agare), mapp, {
    skapad: tid,
    andrad: tid,
    mottaget: tid,
    skickat,
    amne,
    text: fyllMall(u.mall.text, v),
    fran: u.fran,
    till: u.till,
    kopia: [],
    last,
    viktighet: u.mall.viktighet ?? 'normal',
    bilagor: u.mall.bilagor ?? false,
    konversation: `AAQkAD${base64url(`${g.agare.aadId.slice(-6)}|${amne.replace(/^(SV|VB): /, '')}`).slice(0, 28)}=`,
    internetId: `<${base64url(`${g.agare.aadId}|${g.lopnummer}`).slice(0, 30)}@${doman}>`,
    utkast: false,
    kategorier: []
  });
}

/** One message of the inbox, by kind, in the proportions of a busy ledamot's week. */
function inkommande(g: IGenerator): IUtkast {
  const tid = tidpunkt(g);
  const till = [adress(g.agare)];
  const r = g.slump();
  if (r < 0.13) return { mall: valjEn(g.slump, MEDBORGARFORSLAG), fran: medborgare(g), till, tid };
  if (r < 0.33) return { mall: valjEn(g.slump, MEDBORGARFRAGOR), fran: medborgare(g), till, tid };
  if (r < 0.5 && g.sekreterare.length > 0) return { mall: valjEn(g.slump, KALLELSER), fran: adress(valjEn(g.slump, g.sekreterare)), till, tid };
  if (r < 0.62 && g.tjansteman.length > 0) {
    const t = valjEn(g.slump, g.tjansteman);
    return { mall: valjEn(g.slump, TJANSTEMAN), fran: adress(t), till, tid, extra: { titel: t.jobTitle ?? '' } };
  }
  if (r < 0.77) {
    const n = valjEn(g.slump, NYHETSBREV);
    return { mall: n.mall, fran: n.fran, till, tid };
  }
  if (r < 0.87) {
    const n = valjEn(g.slump, REKLAM);
    return { mall: n.mall, fran: n.fran, till, tid };
  }
  if (r < 0.94) {
    const n = valjEn(g.slump, PRESS);
    return { mall: n.mall, fran: n.fran, till, tid };
  }
  if (g.kollegor.length > 0) return { mall: valjEn(g.slump, KOLLEGOR), fran: adress(valjEn(g.slump, g.kollegor)), till, tid };
  return { mall: valjEn(g.slump, MEDBORGARFRAGOR), fran: medborgare(g), till, tid };
}

/** What the ledamot sends: replies, forwards to the registrator, förhinder, notes to colleagues. */
function utgaende(g: IGenerator): IUtkast {
  const tid = tidpunkt(g);
  const jag = adress(g.agare);
  const namn = g.agare.title;
  const underskrift = `${namn}\n${g.agare.jobTitle ?? ''}`;
  const r = g.slump();
  if (r < 0.35) {
    const fraga = valjEn(g.slump, MEDBORGARFRAGOR);
    const mottagare = medborgare(g);
    return {
      mall: { amne: `SV: ${fraga.amne}`, text: `Hej ${mottagare.name.split(' ')[0]}!\n\nTack för ditt mejl. Jag har lämnat frågan vidare till förvaltningen och återkommer när jag vet mer.\n\nVänliga hälsningar\n${underskrift}` },
      fran: jag, till: [mottagare], tid
    };
  }
  if (r < 0.6) {
    const forslag = valjEn(g.slump, MEDBORGARFORSLAG);
    return {
      mall: { amne: `VB: ${forslag.amne}`, text: `Hej!\n\nVidarebefordrar ett medborgarförslag som kommit till mig, för diarieföring.\n\n${underskrift}`, bilagor: forslag.bilagor },
      fran: jag, till: [{ name: 'Registrator', address: REGISTRATOR }], tid
    };
  }
  if (r < 0.75 && g.sekreterare.length > 0) {
    const s = valjEn(g.slump, g.sekreterare);
    return {
      mall: { amne: 'Förhinder KS {motesdag}', text: `Hej ${s.title.split(' ')[0]}!\n\nJag har tyvärr förhinder till sammanträdet {motesdag}. Kan du kalla min ersättare?\n\n${underskrift}` },
      fran: jag, till: [adress(s)], tid
    };
  }
  if (r < 0.87) {
    const p = valjEn(g.slump, PRESS);
    return {
      mall: { amne: `SV: ${p.mall.amne}`, text: `Hej!\n\nDet går bra, ring mig på eftermiddagen.\n\n${underskrift}` },
      fran: jag, till: [p.fran], tid
    };
  }
  const kollega = g.kollegor.length > 0 ? adress(valjEn(g.slump, g.kollegor)) : { name: 'Registrator', address: REGISTRATOR };
  return {
    mall: { amne: 'SV: Gruppmöte inför KS {motesdag}', text: `Hej!\n\nJag kommer. Jag har några frågor om ärende 9.\n\n${namn}` },
    fran: jag, till: [kollega], tid
  };
}

/** Gallrat: ads, newsletters and outdated notices, as the routine says (seed 004 §5). */
function borttaget(g: IGenerator): IUtkast {
  const tid = tidpunkt(g);
  const till = [adress(g.agare)];
  const r = g.slump();
  if (r < 0.4) {
    const n = valjEn(g.slump, REKLAM);
    return { mall: n.mall, fran: n.fran, till, tid };
  }
  if (r < 0.75) {
    const n = valjEn(g.slump, NYHETSBREV);
    return { mall: n.mall, fran: n.fran, till, tid };
  }
  if (g.sekreterare.length > 0) {
    return { mall: KALLELSER[6], fran: adress(valjEn(g.slump, g.sekreterare)), till, tid };
  }
  const n = valjEn(g.slump, REKLAM);
  return { mall: n.mall, fran: n.fran, till, tid };
}

interface IAntal {
  inbox: number;
  sentitems: number;
  deleteditems: number;
  junkemail: number;
}

function fyllBrevlada(lager: IGraphLagerData, emulator: Emulator, agare: IEmulatorAnvandare, antal: IAntal, referens: Date, behallna = 0): void {
  const g: IGenerator = {
    lager,
    slump: skapaSlump(7100 + agare.id),
    agare,
    referens,
    tjansteman: emulator.anvandare.filter((a) => a.roll === 'handlaggare'),
    sekreterare: emulator.anvandare.filter((a) => a.roll === 'namndsekreterare'),
    kollegor: emulator.anvandare.filter((a) => a.roll === 'ledamot' && a.aadId !== agare.aadId),
    lopnummer: 0
  };
  const nyligen = referens.getTime() - 3 * 86400000;
  for (let i = 0; i < antal.inbox; i++) {
    const u = inkommande(g);
    // Mail of the last three days is partly unread; older mail has been opened (opened every weekday).
    skapa(g, 'inbox', u, u.tid.getTime() < nyligen || g.slump() < 0.35);
  }
  if (behallna > 0) markeraBehallna(g, behallna);
  for (let i = 0; i < antal.sentitems; i++) skapa(g, 'sentitems', utgaende(g), true);
  for (let i = 0; i < antal.deleteditems; i++) skapa(g, 'deleteditems', borttaget(g), g.slump() < 0.9);
  for (let i = 0; i < antal.junkemail; i++) {
    const s = valjEn(g.slump, SKRAPPOST);
    skapa(g, 'junkemail', { mall: s.mall, fran: s.fran, till: [adress(agare)], tid: tidpunkt(g, 14) }, false);
  }
}

/**
 * Party-internal notes are not allmänna handlingar, so a ledamot keeps them: the first ones from
 * colleagues (then press enquiries) get the Behåll category. Chosen by order, not by the PRNG, so the
 * rest of the seed stays as it was.
 */
function markeraBehallna(g: IGenerator, antal: number): void {
  const kollegor = new Set(g.kollegor.map((k) => k.email.toLowerCase()));
  const press = new Set(PRESS.map((p) => p.fran.address.toLowerCase()));
  const inkorg = Array.from(brevladaFor(g.lager, g.agare).meddelanden.values()).filter((m) => m.mapp === 'inbox');
  const valda = [
    ...inkorg.filter((m) => kollegor.has(m.fran.address.toLowerCase())),
    ...inkorg.filter((m) => press.has(m.fran.address.toLowerCase()))
  ].slice(0, antal);
  valda.forEach((m) => { m.kategorier = [KATEGORI_BEHALLEN]; });
}

/**
 * Fills the ledamöter's mailboxes. The first ledamot (Siv Sahlström in the demo) gets
 * DEMO_ANTAL_FORSTA (220 messages); the others 20–35 each. Dates are relative to `referens`
 * (default: the time of seeding), so the demo always looks current; pass a fixed date for
 * repeatable dates.
 */
export function seedaDemoBrevlador(lager: IGraphLagerData, emulator: Emulator, referens: Date = new Date()): void {
  const ledamoter = emulator.anvandare.filter((a) => a.roll === 'ledamot');
  ledamoter.forEach((agare, i) => {
    const slump = skapaSlump(300 + agare.id);
    const antal: IAntal = i === 0
      ? { ...DEMO_ANTAL_FORSTA }
      : { inbox: 14 + Math.floor(slump() * 9), sentitems: 4 + Math.floor(slump() * 5), deleteditems: 3 + Math.floor(slump() * 5), junkemail: Math.floor(slump() * 2) };
    fyllBrevlada(lager, emulator, agare, antal, referens, i === 0 ? DEMO_BEHALLNA_FORSTA : 0);
  });
}
