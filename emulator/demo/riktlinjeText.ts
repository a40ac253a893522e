/**
 * The demo kommun's guideline for tablets (seed 004, Kramfors' "Riktlinje för digital
 * möteshantering för politiker", summarised): version 1.0 of 2017 and version 2.0 of 2023 in force,
 * which adds reporting in the portal and the receipt signed there. One paragraph per line.
 */

export interface IDemoRiktlinje {
  version: string;
  gallerFran: string;
  beslut: string;
  text: string;
}

const GEMENSAMT_BORJAN = `1 Omfattning
Kommunfullmäktige har beslutat att möteshandlingar ska distribueras och läsas digitalt. Alla ordinarie ledamöter och ersättare i de politiska organ som har kontinuerliga möten tilldelas en surfplatta. Surfplattan är ett lån och ska återlämnas när uppdraget slutar. I uppdraget ingår en kommunal e-postadress, som all kommunikation sker till.
2 Syfte
Surfplattan är ett verktyg inom ramen för uppdraget: för att läsa handlingar inför och under sammanträden i det digitala mötesverktyget och för e-post. Vid utlämningen erbjuds en introduktion och en lathund om surfplattan, mötesverktyget och e-posten.
3 Ansvar för surfplattan och mötesverktyget
3.1 Säkerhet
Surfplattan är kommunens egendom och lånas genom att den kvitteras ut; vid uppdragets slut kvitteras den in igen. Alla surfplattor registreras av kommunservice. Låntagaren ansvarar för att användningen inte bryter mot kommunens tjänsteföreskrift om informationssäkerhet. Etiketten med stöldmärkning får inte tas bort, och inga andra etiketter får sättas på plattan eller skyddet. Låntagaren skyddar lösenorden till surfplattan, mötesverktyget och e-posten. Privat bruk är tillåtet så länge det inte strider mot tjänsteföreskriften.
3.2 Förvaring
Ingen obehörig får komma åt surfplattan eller dess information. Den förvaras säkert, lämnas inte obevakad på allmän plats och används inte av vänner eller familj.`;

const GEMENSAMT_SLUT = `3.5 Inför och på sammanträdet
Låntagaren ser till att handlingarna finns tillgängliga på sammanträdet, till exempel genom mötesverktygets offlineläge, och att surfplattan är laddad.
4 Surf
Surfplattan har ett SIM-kort med en surfmängd för uppdraget. Använd offlineläget och anslut till trådlöst nät när det finns, till exempel i kommunhuset.
5 E-post
5.1 Syfte
E-postadressen på den politiska domänen är bunden till kommunen och används för uppdraget. Den nås också från valfri dator.
5.2 Öppnad e-post ska diarieföras eller gallras
E-posten öppnas varje vardag. Tryckfrihetsförordningen, offentlighets- och sekretesslagen och arkivlagen gäller. Den som tar emot e-post bedömer om den är en allmän handling; i så fall skickas den till registrator för diarieföring och tas sedan bort från inkorg, skickat och papperskorg. E-post som inte är allmän handling, eller som är av ringa eller tillfällig betydelse, gallras så snart den inte längre behövs.
5.3 Allmänhetens och medias rätt att begära ut e-post
Allmänheten och media får begära ut e-postadresser och e-postloggar för de senaste 30 dagarna. De lämnas normalt ut inom en till två dagar.`;

const V1_HANDELSER = `3.3 Skada
Den skyddsutrustning som surfplattan försetts med ska användas. Alla skador anmäls snarast till kommunservice med en beskrivning av vad som hänt. Kommunservice bedömer skadan och meddelar hur surfplattan ska lämnas på service. Skador till följd av vanvård, misskötsel eller brott mot tjänsteföreskriften bekostas av låntagaren.
3.4 Stöld eller förlust
Stöld anmäls till polisen och till kommunservice med surfplattans stöldmärkning och en beskrivning av hur stölden gick till. Förlust anmäls till kommunservice med stöldmärkningen. Kommunservice raderar allt innehåll; lösenorden till surfplattan, e-posten och mötesverktyget byts när en ny surfplatta lämnas ut, och abonnemanget spärras. Stöld eller förlust genom oaktsamhet bekostas av låntagaren.`;

const V2_HANDELSER = `3.3 Skada
Den skyddsutrustning som surfplattan försetts med ska användas. Alla skador anmäls snarast till kommunservice, i portalen under Min surfplatta eller direkt, med en beskrivning av vad som hänt. Kommunservice bedömer skadan och meddelar hur surfplattan ska lämnas på service. Skador till följd av vanvård, misskötsel eller brott mot tjänsteföreskriften bekostas av låntagaren med en självrisk.
3.4 Stöld eller förlust
Stöld anmäls till polisen och till kommunservice med surfplattans stöldmärkning, polisanmälans diarienummer och en beskrivning av hur stölden gick till. Förlust anmäls till kommunservice med stöldmärkningen. Kommunservice raderar surfplattan på distans; lösenorden till surfplattan, e-posten och mötesverktyget byts och abonnemanget spärras. Varje åtgärd antecknas med vem som gjorde den och när. Stöld eller förlust genom oaktsamhet bekostas av låntagaren.
3.6 Kvittens och återlämning
Låntagaren kvitterar riktlinjen och surfplattan med sin Microsoft 365-inloggning, med ritad signatur eller sitt namn; kvittensen sparas som PDF. Vid återlämning antecknar kommunservice surfplattans skick och kvitterar mottagandet. Uppgifter om återlämnade lån anonymiseras två år efter återlämningen.`;

export const DEMO_RIKTLINJER: readonly IDemoRiktlinje[] = [
  {
    version: '1.0', gallerFran: '2017-05-29', beslut: 'KF 2017-05-29 § 58',
    text: `Riktlinje för digital möteshantering för politiker\nVersion 1.0, beslutad av kommunfullmäktige 2017-05-29 § 58\n${GEMENSAMT_BORJAN}\n${V1_HANDELSER}\n${GEMENSAMT_SLUT}`
  },
  {
    version: '2.0', gallerFran: '2023-03-27', beslut: 'KF 2023-03-27 § 31',
    text: `Riktlinje för digital möteshantering för politiker\nVersion 2.0, beslutad av kommunfullmäktige 2023-03-27 § 31\n${GEMENSAMT_BORJAN}\n${V2_HANDELSER}\n${GEMENSAMT_SLUT}`
  }
];

/** The version in force on a day: the newest whose GallerFran has come. */
export function riktlinjeI(dag: string): IDemoRiktlinje {
  return [...DEMO_RIKTLINJER].reverse().find((r) => r.gallerFran <= dag) ?? DEMO_RIKTLINJER[0];
}
