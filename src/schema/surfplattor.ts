/** The tablet register of seed 004: devices, loans, incidents and the guideline library. */
import { INCIDENTTYPER, KOSTNADSANSVAR as INCIDENT_KOSTNADSANSVAR } from '../domain/incident';
import { ENHETSSTATUS, LANSTATUS, SIGNERINGSSATT } from '../domain/surfplatta';
import { HANDELSE_BEHORIGHETER, REGISTER_BEHORIGHETER, RIKTLINJE_BEHORIGHETER } from './behorigheter';
import { SkapandeNyckelFalt } from './skapande';
import { IListDef } from './types';

/** The state machine (domain/surfplatta.ts) and the incident rules (domain/incident.ts) own these values. */
export const ENHETSSTATUSAR = ENHETSSTATUS;
export const HANDELSETYPER = INCIDENTTYPER;
export const KOSTNADSANSVAR = INCIDENT_KOSTNADSANSVAR;
export const HANDELSESTATUSAR = ['Öppen', 'Stängd'] as const;
export const KVITTENSTYPER = ['Utlämning', 'Återlämning'] as const;

export const SurfplattaFalt = {
  Stoldmarkning: 'Title',
  Serienummer: 'Serienummer',
  Modell: 'Modell',
  SimAbonnemang: 'SimAbonnemang',
  IntuneId: 'IntuneEnhetsId',
  Status: 'EnhetStatus'
} as const;

export const SurfplattorLista = {
  key: 'Surfplattor',
  title: 'Surfplattor',
  url: 'Lists/Surfplattor',
  template: 'GenericList',
  description: 'Kommunens surfplattor för förtroendevalda, med stöldmärkning och abonnemang.',
  versioning: true,
  fields: [
    { internalName: SurfplattaFalt.Stoldmarkning, displayName: 'Stöldmärkning', kind: 'Text', required: true, unique: true, indexed: true },
    { internalName: SurfplattaFalt.Serienummer, displayName: 'Serienummer', kind: 'Text', required: true, unique: true, indexed: true },
    { internalName: SurfplattaFalt.Modell, displayName: 'Modell', kind: 'Text', required: true },
    { internalName: SurfplattaFalt.SimAbonnemang, displayName: 'SIM/abonnemang', kind: 'Text' },
    { internalName: SurfplattaFalt.IntuneId, displayName: 'Intune-enhets-id', kind: 'Text', indexed: true },
    { internalName: SurfplattaFalt.Status, displayName: 'Status', kind: 'Choice', required: true, choices: ENHETSSTATUSAR, defaultValue: 'I lager', indexed: true },
    SkapandeNyckelFalt
  ],
  behorigheter: REGISTER_BEHORIGHETER,
  views: [{ title: 'Alla surfplattor', default: true, fields: [SurfplattaFalt.Stoldmarkning, SurfplattaFalt.Serienummer, SurfplattaFalt.Modell, SurfplattaFalt.Status] }]
} as const satisfies IListDef;

export const LanFalt = {
  Rubrik: 'Title',
  Surfplatta: 'Surfplatta',
  Lantagare: 'Lantagare',
  MandatSlut: 'MandatSlut',
  Utlamnad: 'Utlamnad',
  Aterlamnad: 'Aterlamnad',
  RiktlinjeVersion: 'RiktlinjeVersion',
  KvitteradAv: 'KvitteradAv',
  KvitteradTid: 'KvitteradTid',
  KvittensUrl: 'KvittensUrl',
  SkickVidRetur: 'SkickVidRetur',
  Anonymiserad: 'Anonymiserad',
  Status: 'LanStatus',
  AterKvittensUrl: 'AterKvittensUrl'
} as const;

export const LanLista = {
  key: 'Lan',
  title: 'Lån',
  url: 'Lists/Lan',
  template: 'GenericList',
  description: 'Utlåning av surfplattor med kvittens av riktlinjen och återlämning.',
  versioning: true,
  fields: [
    { internalName: LanFalt.Rubrik, displayName: 'Rubrik', kind: 'Text', required: true },
    { internalName: LanFalt.Surfplatta, displayName: 'Surfplatta', kind: 'Lookup', lookupList: 'Surfplattor', required: true, indexed: true },
    { internalName: LanFalt.Lantagare, displayName: 'Låntagare', kind: 'User', indexed: true },
    { internalName: LanFalt.MandatSlut, displayName: 'Uppdraget slutar', kind: 'DateOnly', required: true, indexed: true },
    { internalName: LanFalt.Status, displayName: 'Status', kind: 'Choice', required: true, choices: LANSTATUS, defaultValue: 'Väntar på kvittens', indexed: true },
    { internalName: LanFalt.Utlamnad, displayName: 'Utlämnad', kind: 'DateOnly' },
    { internalName: LanFalt.Aterlamnad, displayName: 'Återlämnad eller avslutad', kind: 'DateOnly', indexed: true },
    { internalName: LanFalt.RiktlinjeVersion, displayName: 'Kvitterad riktlinje (version)', kind: 'Text', required: true },
    { internalName: LanFalt.KvitteradAv, displayName: 'Kvitterad av', kind: 'Text' },
    { internalName: LanFalt.KvitteradTid, displayName: 'Kvitterad', kind: 'DateTime' },
    { internalName: LanFalt.KvittensUrl, displayName: 'Kvittens (PDF)', kind: 'Text' },
    { internalName: LanFalt.AterKvittensUrl, displayName: 'Kvittens vid återlämning (PDF)', kind: 'Text' },
    { internalName: LanFalt.SkickVidRetur, displayName: 'Skick vid återlämning', kind: 'Note' },
    { internalName: LanFalt.Anonymiserad, displayName: 'Anonymiserad', kind: 'Boolean', defaultValue: '0' },
    SkapandeNyckelFalt
  ],
  behorigheter: REGISTER_BEHORIGHETER,
  views: [{ title: 'Alla lån', default: true, fields: [LanFalt.Rubrik, LanFalt.Surfplatta, LanFalt.Lantagare, LanFalt.Status, LanFalt.Utlamnad, LanFalt.MandatSlut, LanFalt.Aterlamnad] }]
} as const satisfies IListDef;

export const HandelseFalt = {
  Rubrik: 'Title',
  Surfplatta: 'Surfplatta',
  Typ: 'HandelseTyp',
  Beskrivning: 'Beskrivning',
  Polisanmalan: 'Polisanmalan',
  Checklista: 'Checklista',
  Kostnadsansvar: 'Kostnadsansvar',
  Status: 'HandelseStatus',
  Rapporterad: 'Rapporterad',
  Lan: 'Lan'
} as const;

export const HandelserLista = {
  key: 'Handelser',
  title: 'Händelser',
  url: 'Lists/Handelser',
  template: 'GenericList',
  description: 'Skador, stölder och förluster av surfplattor med checklistan som ska följas.',
  versioning: true,
  fields: [
    { internalName: HandelseFalt.Rubrik, displayName: 'Rubrik', kind: 'Text', required: true },
    { internalName: HandelseFalt.Surfplatta, displayName: 'Surfplatta', kind: 'Lookup', lookupList: 'Surfplattor', required: true, indexed: true },
    { internalName: HandelseFalt.Typ, displayName: 'Typ', kind: 'Choice', required: true, choices: HANDELSETYPER },
    { internalName: HandelseFalt.Beskrivning, displayName: 'Beskrivning', kind: 'Note', required: true },
    { internalName: HandelseFalt.Polisanmalan, displayName: 'Polisanmälan (diarienummer)', kind: 'Text',
      description: 'Krävs vid stöld.' },
    { internalName: HandelseFalt.Checklista, displayName: 'Checklista', kind: 'Note',
      description: 'Åtgärderna efter stöld eller förlust, med vem som gjorde vad och när.' },
    { internalName: HandelseFalt.Kostnadsansvar, displayName: 'Kostnadsansvar', kind: 'Choice', choices: KOSTNADSANSVAR, defaultValue: 'Ej bedömt' },
    { internalName: HandelseFalt.Status, displayName: 'Status', kind: 'Choice', required: true, choices: HANDELSESTATUSAR, defaultValue: 'Öppen', indexed: true },
    { internalName: HandelseFalt.Rapporterad, displayName: 'Rapporterad', kind: 'DateTime', required: true, indexed: true },
    { internalName: HandelseFalt.Lan, displayName: 'Lån', kind: 'Lookup', lookupList: 'Lan', indexed: true },
    SkapandeNyckelFalt
  ],
  behorigheter: HANDELSE_BEHORIGHETER,
  radsakerhet: { lasa: 'egna', skriva: 'egna' },
  views: [{ title: 'Alla händelser', default: true, fields: [HandelseFalt.Rubrik, HandelseFalt.Surfplatta, HandelseFalt.Typ, HandelseFalt.Status, HandelseFalt.Rapporterad] }]
} as const satisfies IListDef;

export const KvittensFalt = {
  Rubrik: 'Title',
  Lan: 'Lan',
  Typ: 'KvittensTyp',
  RiktlinjeVersion: 'RiktlinjeVersion',
  Signeringssatt: 'Signeringssatt',
  SkrivetNamn: 'SkrivetNamn'
} as const;

/**
 * Signed receipts of check-out and return, one row each with the PDF as its attachment. The borrower
 * adds their own check-out receipt: SharePoint sets the row's author and time, which is what ties the
 * signature to their Microsoft 365 identity; the list lets them see and change only their own rows.
 */
export const KvittenserLista = {
  key: 'Kvittenser',
  title: 'Kvittenser',
  url: 'Lists/Kvittenser',
  template: 'GenericList',
  description: 'Kvittenser av riktlinjen vid utlämning och av återlämning, med PDF som bilaga.',
  versioning: true,
  fields: [
    { internalName: KvittensFalt.Rubrik, displayName: 'Rubrik', kind: 'Text', required: true },
    { internalName: KvittensFalt.Lan, displayName: 'Lån', kind: 'Lookup', lookupList: 'Lan', required: true, indexed: true },
    { internalName: KvittensFalt.Typ, displayName: 'Typ', kind: 'Choice', required: true, choices: KVITTENSTYPER },
    { internalName: KvittensFalt.RiktlinjeVersion, displayName: 'Riktlinjens version', kind: 'Text', required: true },
    { internalName: KvittensFalt.Signeringssatt, displayName: 'Signering', kind: 'Choice', required: true, choices: SIGNERINGSSATT },
    { internalName: KvittensFalt.SkrivetNamn, displayName: 'Skrivet namn', kind: 'Text' },
    SkapandeNyckelFalt
  ],
  behorigheter: HANDELSE_BEHORIGHETER,
  radsakerhet: { lasa: 'egna', skriva: 'egna' },
  views: [{ title: 'Alla kvittenser', default: true, fields: [KvittensFalt.Rubrik, KvittensFalt.Lan, KvittensFalt.Typ, KvittensFalt.RiktlinjeVersion, 'Author', 'Created'] }]
} as const satisfies IListDef;

export const RiktlinjeFalt = {
  Rubrik: 'Title',
  Version: 'RiktlinjeVersion',
  GallerFran: 'GallerFran',
  Beslut: 'Beslut'
} as const;

export const RiktlinjerBibliotek = {
  key: 'Riktlinjer',
  title: 'Riktlinjer',
  url: 'Riktlinjer',
  template: 'DocumentLibrary',
  description: 'Riktlinjen för digital möteshantering som låntagaren kvitterar, i versioner.',
  versioning: true,
  fields: [
    { internalName: RiktlinjeFalt.Rubrik, displayName: 'Rubrik', kind: 'Text', required: true },
    { internalName: RiktlinjeFalt.Version, displayName: 'Version', kind: 'Text', required: true, indexed: true },
    { internalName: RiktlinjeFalt.GallerFran, displayName: 'Gäller från', kind: 'DateOnly', required: true },
    { internalName: RiktlinjeFalt.Beslut, displayName: 'Beslut', kind: 'Text' }
  ],
  behorigheter: RIKTLINJE_BEHORIGHETER,
  views: [{ title: 'Alla riktlinjer', default: true, fields: ['FileLeafRef', RiktlinjeFalt.Rubrik, RiktlinjeFalt.Version, RiktlinjeFalt.GallerFran] }]
} as const satisfies IListDef;
