/** Lists and libraries of the meeting portal (seeds 000 and 002). */
import { ANSLAGSTYP } from '../domain/anslag';
import { JUSTERINGSSTATUS } from '../domain/justering';
import { DOKUMENTTYP, KLASSER } from '../domain/publicering';
import { JUSTERINGS_BEHORIGHETER, MOTES_BEHORIGHETER, MOTESDOKUMENT_BEHORIGHETER, SEKRETESS_BEHORIGHETER } from './behorigheter';
import { SkapandeNyckelFalt } from './skapande';
import { IFieldDef, IListDef } from './types';

export const ORGANTYPER = ['Fullmäktige', 'Styrelse', 'Utskott', 'Nämnd'] as const;
export const MOTESSTATUSAR = ['Planerat', 'Kallat', 'Genomfört', 'Inställt'] as const;
/** The publication rules (domain/publicering.ts) own the document types and classes. */
export const DOKUMENTTYPER = DOKUMENTTYP;
/** Offentlig is published; Arbetsmaterial once the decision on its agenda item is recorded; Sekretess never. */
export const KLASSIFICERINGAR = KLASSER;
export const JUSTERINGSSTATUSAR = JUSTERINGSSTATUS;
export const ANSLAGSTYPER = ANSLAGSTYP;

export const OrganFalt = {
  Namn: 'Title',
  Forkortning: 'Forkortning',
  OrganTyp: 'OrganTyp',
  Overordnat: 'Overordnat',
  Aktivt: 'Aktivt'
} as const;

export const OrganLista = {
  key: 'Organ',
  title: 'Organ',
  url: 'Lists/Organ',
  template: 'GenericList',
  description: 'Kommunfullmäktige, kommunstyrelsen, nämnder och utskott.',
  versioning: true,
  fields: [
    { internalName: OrganFalt.Namn, displayName: 'Namn', kind: 'Text', required: true, unique: true, indexed: true },
    { internalName: OrganFalt.Forkortning, displayName: 'Förkortning', kind: 'Text', required: true, unique: true, indexed: true },
    { internalName: OrganFalt.OrganTyp, displayName: 'Typ av organ', kind: 'Choice', required: true, choices: ORGANTYPER },
    { internalName: OrganFalt.Overordnat, displayName: 'Överordnat organ', kind: 'Lookup', lookupList: 'Organ' },
    { internalName: OrganFalt.Aktivt, displayName: 'Aktivt', kind: 'Boolean', defaultValue: '1' }
  ],
  behorigheter: MOTES_BEHORIGHETER,
  views: [{ title: 'Alla organ', default: true, fields: [OrganFalt.Namn, OrganFalt.Forkortning, OrganFalt.OrganTyp, OrganFalt.Overordnat] }]
} as const satisfies IListDef;

export const SammantradeFalt = {
  Rubrik: 'Title',
  Organ: 'Organ',
  Datum: 'MotesDatum',
  Plats: 'Plats',
  Status: 'MotesStatus',
  KallelseAnslagen: 'KallelseAnslagen'
} as const;

export const SammantradenLista = {
  key: 'Sammantraden',
  title: 'Sammanträden',
  url: 'Lists/Sammantraden',
  template: 'GenericList',
  description: 'Sammanträden för varje organ med datum, plats och status.',
  versioning: true,
  fields: [
    { internalName: SammantradeFalt.Rubrik, displayName: 'Rubrik', kind: 'Text', required: true },
    { internalName: SammantradeFalt.Organ, displayName: 'Organ', kind: 'Lookup', lookupList: 'Organ', required: true, indexed: true },
    { internalName: SammantradeFalt.Datum, displayName: 'Datum och tid', kind: 'DateTime', required: true, indexed: true },
    { internalName: SammantradeFalt.Plats, displayName: 'Plats', kind: 'Text' },
    { internalName: SammantradeFalt.Status, displayName: 'Status', kind: 'Choice', required: true, choices: MOTESSTATUSAR, defaultValue: 'Planerat', indexed: true },
    { internalName: SammantradeFalt.KallelseAnslagen, displayName: 'Kungörelse anslagen', kind: 'DateOnly',
      description: 'Kommunfullmäktiges sammanträden ska anslås minst en vecka före sammanträdesdagen.' },
    SkapandeNyckelFalt
  ],
  behorigheter: MOTES_BEHORIGHETER,
  views: [{ title: 'Alla sammanträden', default: true, fields: [SammantradeFalt.Rubrik, SammantradeFalt.Organ, SammantradeFalt.Datum, SammantradeFalt.Plats, SammantradeFalt.Status] }]
} as const satisfies IListDef;

export const ArendepunktFalt = {
  Rubrik: 'Title',
  Sammantrade: 'Sammantrade',
  Punkt: 'Punkt',
  Diarienummer: 'Diarienummer',
  Beslut: 'Beslut',
  Beslutsdatum: 'Beslutsdatum'
} as const;

/**
 * The föredragningslista as rows: one per agenda item of a meeting. The decision recorded here is
 * what makes the item's Arbetsmaterial publishable (seed 000: held back until the political decision).
 */
export const DagordningLista = {
  key: 'Dagordning',
  title: 'Dagordning',
  url: 'Lists/Dagordning',
  template: 'GenericList',
  description: 'Ärendepunkterna på varje sammanträde och beslutet i varje ärende.',
  versioning: true,
  fields: [
    { internalName: ArendepunktFalt.Rubrik, displayName: 'Ärende', kind: 'Text', required: true },
    { internalName: ArendepunktFalt.Sammantrade, displayName: 'Sammanträde', kind: 'Lookup', lookupList: 'Sammantraden', required: true, indexed: true },
    { internalName: ArendepunktFalt.Punkt, displayName: 'Punkt', kind: 'Number', required: true },
    { internalName: ArendepunktFalt.Diarienummer, displayName: 'Diarienummer', kind: 'Text' },
    { internalName: ArendepunktFalt.Beslut, displayName: 'Beslut', kind: 'Note' },
    { internalName: ArendepunktFalt.Beslutsdatum, displayName: 'Beslut fattat den', kind: 'DateOnly' },
    SkapandeNyckelFalt
  ],
  behorigheter: MOTES_BEHORIGHETER,
  views: [{ title: 'Alla ärendepunkter', default: true, fields: [ArendepunktFalt.Sammantrade, ArendepunktFalt.Punkt, ArendepunktFalt.Rubrik, ArendepunktFalt.Diarienummer, ArendepunktFalt.Beslutsdatum] }]
} as const satisfies IListDef;

export const HandlingFalt = {
  Rubrik: 'Title',
  Sammantrade: 'Sammantrade',
  Arendepunkt: 'Arendepunkt',
  ArendeRubrik: 'ArendeRubrik',
  Dokumenttyp: 'Dokumenttyp',
  Klassificering: 'Klassificering',
  OslHanvisning: 'OslHanvisning',
  Publicerad: 'Publicerad',
  PubliceradDatum: 'PubliceradDatum'
} as const;

/** What every meeting document carries, public or sekretess: its meeting, agenda item and type. */
const HANDLINGENS_FALT = [
    { internalName: HandlingFalt.Rubrik, displayName: 'Rubrik', kind: 'Text' },
    { internalName: HandlingFalt.Sammantrade, displayName: 'Sammanträde', kind: 'Lookup', lookupList: 'Sammantraden', required: true, indexed: true },
    { internalName: HandlingFalt.Arendepunkt, displayName: 'Ärendepunkt', kind: 'Number' },
    { internalName: HandlingFalt.ArendeRubrik, displayName: 'Ärende', kind: 'Text' },
    { internalName: HandlingFalt.Dokumenttyp, displayName: 'Dokumenttyp', kind: 'Choice', required: true, choices: DOKUMENTTYPER }
] as const satisfies readonly IFieldDef[];

export const HandlingarBibliotek = {
  key: 'Handlingar',
  title: 'Handlingar',
  url: 'Handlingar',
  template: 'DocumentLibrary',
  description: 'Kallelser, föredragningslistor och handlingar per ärende, med klassificering och publicering.',
  versioning: true,
  fields: [
    ...HANDLINGENS_FALT,
    { internalName: HandlingFalt.Klassificering, displayName: 'Klassificering', kind: 'Choice', required: true, choices: KLASSIFICERINGAR, defaultValue: 'Offentlig', indexed: true },
    { internalName: HandlingFalt.OslHanvisning, displayName: 'Sekretess enligt OSL', kind: 'Text',
      description: 'Paragrafen i offentlighets- och sekretesslagen, t.ex. 26 kap. 1 § OSL. Krävs för sekretess.' },
    { internalName: HandlingFalt.Publicerad, displayName: 'Publicerad', kind: 'Boolean', defaultValue: '0', indexed: true },
    { internalName: HandlingFalt.PubliceradDatum, displayName: 'Publicerad den', kind: 'DateTime' },
    SkapandeNyckelFalt
  ],
  behorigheter: MOTESDOKUMENT_BEHORIGHETER,
  views: [{ title: 'Alla handlingar', default: true, fields: ['FileLeafRef', HandlingFalt.Sammantrade, HandlingFalt.Arendepunkt, HandlingFalt.Dokumenttyp, HandlingFalt.Klassificering, HandlingFalt.Publicerad] }]
} as const satisfies IListDef;

export const ProtokollFalt = {
  Rubrik: 'Title',
  Sammantrade: 'Sammantrade',
  Ordforande: 'Ordforande',
  Justerare: 'Justerare',
  Status: 'JusteringStatus',
  JusterasSenast: 'JusterasSenast',
  JusteratDatum: 'JusteratDatum',
  Justeringslogg: 'Justeringslogg',
  Forvaringsplats: 'Forvaringsplats',
  Tillkannagivet: 'Tillkannagivet'
} as const;

export const ProtokollBibliotek = {
  key: 'Protokoll',
  title: 'Protokoll',
  url: 'Protokoll',
  template: 'DocumentLibrary',
  description: 'Protokoll med ordförande, justerare och justeringens status.',
  versioning: true,
  fields: [
    { internalName: ProtokollFalt.Rubrik, displayName: 'Rubrik', kind: 'Text' },
    { internalName: ProtokollFalt.Sammantrade, displayName: 'Sammanträde', kind: 'Lookup', lookupList: 'Sammantraden', required: true, indexed: true },
    { internalName: ProtokollFalt.Ordforande, displayName: 'Ordförande', kind: 'User', required: true },
    { internalName: ProtokollFalt.Justerare, displayName: 'Justerare', kind: 'UserMulti', required: true },
    { internalName: ProtokollFalt.Status, displayName: 'Justering', kind: 'Choice', required: true, choices: JUSTERINGSSTATUSAR, defaultValue: 'Utkast', indexed: true },
    { internalName: ProtokollFalt.JusterasSenast, displayName: 'Justeras senast', kind: 'DateOnly', indexed: true },
    { internalName: ProtokollFalt.JusteratDatum, displayName: 'Justerat den', kind: 'DateOnly' },
    { internalName: ProtokollFalt.Justeringslogg, displayName: 'Justeringslogg', kind: 'Note',
      description: 'Vem som godkände protokollet och när, från deras Microsoft 365-identitet.' },
    { internalName: ProtokollFalt.Forvaringsplats, displayName: 'Förvaringsplats', kind: 'Text', defaultValue: 'Kommunkansliet' },
    { internalName: ProtokollFalt.Tillkannagivet, displayName: 'Tillkännagivet den', kind: 'DateOnly',
      description: 'Dagen tillkännagivandet om justeringen sattes upp på anslagstavlan.' },
    SkapandeNyckelFalt
  ],
  behorigheter: MOTESDOKUMENT_BEHORIGHETER,
  views: [{ title: 'Alla protokoll', default: true, fields: ['FileLeafRef', ProtokollFalt.Sammantrade, ProtokollFalt.Status, ProtokollFalt.JusterasSenast, ProtokollFalt.JusteratDatum] }]
} as const satisfies IListDef;

export const JusteringFalt = {
  Rubrik: 'Title',
  Protokoll: 'Protokoll',
  Metod: 'Signeringsmetod',
  Referens: 'Signaturreferens'
} as const;

/**
 * One row per approval of a protokoll, added by the ordförande or justerare themselves. Who and
 * when are SharePoint's own Author and Created, set by the server; the list lets people without
 * Full Control change only their own rows, so nobody can approve in someone else's name. The
 * nämndsekreterare's service completes the justering from these rows.
 */
export const JusteringarLista = {
  key: 'Justeringar',
  title: 'Justeringar',
  url: 'Lists/Justeringar',
  template: 'GenericList',
  description: 'Ordförandens och justerarnas godkännanden av protokoll: vem och när sätts av SharePoint.',
  versioning: true,
  fields: [
    { internalName: JusteringFalt.Rubrik, displayName: 'Rubrik', kind: 'Text', required: true },
    { internalName: JusteringFalt.Protokoll, displayName: 'Protokoll', kind: 'Lookup', lookupList: 'Protokoll', required: true, indexed: true },
    { internalName: JusteringFalt.Metod, displayName: 'Signeringsmetod', kind: 'Text', required: true },
    { internalName: JusteringFalt.Referens, displayName: 'Signaturreferens', kind: 'Text',
      description: 'E-signeringstjänstens referens till underskriften, när en sådan används.' },
    SkapandeNyckelFalt
  ],
  behorigheter: JUSTERINGS_BEHORIGHETER,
  radsakerhet: { lasa: 'alla', skriva: 'egna' },
  views: [{ title: 'Alla godkännanden', default: true, fields: [JusteringFalt.Rubrik, JusteringFalt.Protokoll, JusteringFalt.Metod, 'Author', 'Created'] }]
} as const satisfies IListDef;

export const AnslagFalt = {
  Rubrik: 'Title',
  Typ: 'AnslagTyp',
  Organ: 'Organ',
  Sammantrade: 'Sammantrade',
  SammantradesDatum: 'SammantradesDatum',
  JusteringsDatum: 'JusteringsDatum',
  Forvaringsplats: 'Forvaringsplats',
  Uppsatt: 'Uppsatt',
  SistaDagOverklagande: 'SistaDagOverklagande',
  Nedtagning: 'Nedtagning',
  Protokoll: 'Protokoll',
  Tid: 'MotesTid',
  Plats: 'MotesPlats',
  Arenden: 'Arenden'
} as const;

export const AnslagLista = {
  key: 'Anslag',
  title: 'Anslagstavla',
  url: 'Lists/Anslag',
  template: 'GenericList',
  description: 'Kommunens digitala anslagstavla enligt kommunallagen 8 kap. 9–12 §§.',
  versioning: true,
  fields: [
    { internalName: AnslagFalt.Rubrik, displayName: 'Rubrik', kind: 'Text', required: true },
    { internalName: AnslagFalt.Typ, displayName: 'Typ av anslag', kind: 'Choice', required: true, choices: ANSLAGSTYPER },
    { internalName: AnslagFalt.Organ, displayName: 'Organ', kind: 'Lookup', lookupList: 'Organ', required: true, indexed: true },
    { internalName: AnslagFalt.Sammantrade, displayName: 'Sammanträde', kind: 'Lookup', lookupList: 'Sammantraden', indexed: true },
    { internalName: AnslagFalt.SammantradesDatum, displayName: 'Sammanträdesdatum', kind: 'DateOnly', required: true },
    { internalName: AnslagFalt.JusteringsDatum, displayName: 'Justeringsdatum', kind: 'DateOnly' },
    { internalName: AnslagFalt.Forvaringsplats, displayName: 'Protokollets förvaringsplats', kind: 'Text' },
    { internalName: AnslagFalt.Uppsatt, displayName: 'Anslaget den', kind: 'DateOnly', required: true, indexed: true },
    { internalName: AnslagFalt.SistaDagOverklagande, displayName: 'Sista dag för överklagande', kind: 'DateOnly' },
    { internalName: AnslagFalt.Nedtagning, displayName: 'Tas ned den', kind: 'DateOnly', indexed: true },
    { internalName: AnslagFalt.Protokoll, displayName: 'Protokoll', kind: 'Lookup', lookupList: 'Protokoll', indexed: true,
      description: 'Det justerade protokoll som tillkännages; varje protokoll får ett eget anslag.' },
    { internalName: AnslagFalt.Tid, displayName: 'Sammanträdets tid', kind: 'DateTime',
      description: 'Kungörelse: dag och tid för sammanträdet (KL 5 kap. 53 §).' },
    { internalName: AnslagFalt.Plats, displayName: 'Sammanträdets plats', kind: 'Text' },
    { internalName: AnslagFalt.Arenden, displayName: 'Ärenden', kind: 'Note',
      description: 'Kungörelse: ärendena som ska behandlas, som de stod när kungörelsen sattes upp.' },
    SkapandeNyckelFalt
  ],
  behorigheter: MOTES_BEHORIGHETER,
  views: [{ title: 'Aktuella anslag', default: true, fields: [AnslagFalt.Rubrik, AnslagFalt.Organ, AnslagFalt.Uppsatt, AnslagFalt.SistaDagOverklagande, AnslagFalt.Nedtagning] }]
} as const satisfies IListDef;

/**
 * Sekretess documents live apart from Handlingar, in a library that breaks inheritance, so that
 * no publication mistake in Handlingar can expose them (seed 000: never published).
 */
export const SekretessBibliotek = {
  key: 'Sekretess',
  title: 'Sekretess',
  url: 'Sekretess',
  template: 'DocumentLibrary',
  description: 'Handlingar som omfattas av sekretess enligt offentlighets- och sekretesslagen. Publiceras aldrig.',
  versioning: true,
  fields: [
    ...HANDLINGENS_FALT,
    { internalName: HandlingFalt.OslHanvisning, displayName: 'Sekretess enligt OSL', kind: 'Text', required: true },
    SkapandeNyckelFalt
  ],
  behorigheter: SEKRETESS_BEHORIGHETER,
  views: [{ title: 'Alla sekretesshandlingar', default: true, fields: ['FileLeafRef', HandlingFalt.Sammantrade, HandlingFalt.Arendepunkt, HandlingFalt.OslHanvisning] }]
} as const satisfies IListDef;
