/** The Uppdrag list: the ärendebalanslista of seed 001. */
import { UppdragStatus } from '../domain/uppdrag';
import { UPPDRAG_BEHORIGHETER } from './behorigheter';
import { KOMPONENT_ID } from './komponenter';
import { IListDef } from './types';

/** The choice texts SharePoint stores for each status code. */
export const UPPDRAG_STATUS_VAL: Readonly<Record<UppdragStatus, string>> = {
  EjPaborjat: 'Ej påbörjat',
  Pagar: 'Pågår',
  Forsenat: 'Försenat',
  DelvisVerkstallt: 'Delvis verkställt',
  Verkstallt: 'Verkställt',
  ForeslasAvskrivas: 'Föreslås avskrivas'
};

export const BESLUTSINSTANSER = ['KF', 'KS', 'KSAU', 'Nämnd'] as const;

export const ORSAK_TILL_DROJSMAL = [
  'Väntar på budget',
  'Väntar på annat beslut',
  'Resursbrist',
  'Skjutits upp genom senare beslut',
  'Extern part',
  'Annan orsak'
] as const;

/** Field internal names of the Uppdrag list. */
export const UppdragFalt = {
  Rubrik: 'Title',
  Uppdragstext: 'Uppdragstext',
  Beslutsinstans: 'Beslutsinstans',
  Beslutsdatum: 'Beslutsdatum',
  Paragraf: 'Paragraf',
  Diarienummer: 'Diarienummer',
  Forvaltning: 'AnsvarigForvaltning',
  Handlaggare: 'Handlaggare',
  Status: 'UppdragStatus',
  VarIHanteringen: 'VarIHanteringen',
  OrsakKod: 'OrsakKod',
  OrsakText: 'OrsakText',
  PlaneratKlart: 'PlaneratKlart',
  ForstPlaneratKlart: 'ForstPlaneratKlart',
  AterrapporteraSenast: 'AterrapporteraSenast',
  Kommentar: 'Kommentar',
  TextForPolitiker: 'TextForPolitiker',
  KallNyckel: 'KallNyckel'
} as const;

export const UppdragLista = {
  key: 'Uppdrag',
  title: 'Uppdrag',
  url: 'Lists/Uppdrag',
  template: 'GenericList',
  description: 'Ärendebalanslista: uppdrag från kommunfullmäktige och kommunstyrelsen och hur långt de kommit.',
  versioning: true,
  fields: [
    { internalName: UppdragFalt.Rubrik, displayName: 'Rubrik', kind: 'Text', required: true },
    { internalName: UppdragFalt.Uppdragstext, displayName: 'Uppdragstext', kind: 'Note', required: true },
    { internalName: UppdragFalt.Beslutsinstans, displayName: 'Beslutsinstans', kind: 'Choice', required: true, choices: BESLUTSINSTANSER, indexed: true },
    { internalName: UppdragFalt.Beslutsdatum, displayName: 'Beslutsdatum', kind: 'DateOnly', required: true, indexed: true },
    { internalName: UppdragFalt.Paragraf, displayName: 'Paragraf (§)', kind: 'Text', required: true },
    { internalName: UppdragFalt.Diarienummer, displayName: 'Diarienummer', kind: 'Text', indexed: true },
    { internalName: UppdragFalt.Forvaltning, displayName: 'Ansvarig förvaltning', kind: 'Text', required: true, indexed: true },
    { internalName: UppdragFalt.Handlaggare, displayName: 'Handläggare', kind: 'User', indexed: true },
    {
      internalName: UppdragFalt.Status, displayName: 'Status', kind: 'Choice', required: true, indexed: true,
      choices: Object.values(UPPDRAG_STATUS_VAL), defaultValue: UPPDRAG_STATUS_VAL.EjPaborjat,
      clientSideComponentId: KOMPONENT_ID.uppdragStatusFalt
    },
    { internalName: UppdragFalt.VarIHanteringen, displayName: 'Var i hanteringen', kind: 'Note' },
    { internalName: UppdragFalt.OrsakKod, displayName: 'Orsak till dröjsmål', kind: 'Choice', choices: ORSAK_TILL_DROJSMAL },
    { internalName: UppdragFalt.OrsakText, displayName: 'Orsak till dröjsmål, beskrivning', kind: 'Note' },
    { internalName: UppdragFalt.PlaneratKlart, displayName: 'Planerat klart', kind: 'DateOnly', indexed: true },
    { internalName: UppdragFalt.ForstPlaneratKlart, displayName: 'Först planerat klart', kind: 'DateOnly' },
    { internalName: UppdragFalt.AterrapporteraSenast, displayName: 'Återrapportera senast', kind: 'DateOnly' },
    { internalName: UppdragFalt.Kommentar, displayName: 'Kommentar', kind: 'Note' },
    { internalName: UppdragFalt.TextForPolitiker, displayName: 'Text för politiker (godkänd)', kind: 'Note' },
    {
      internalName: UppdragFalt.KallNyckel, displayName: 'Källa', kind: 'Text', indexed: true, unique: true,
      description: 'Varifrån raden kom, t.ex. protokollets paragraf eller importfilens rad; hindrar att samma uppdrag skapas två gånger.'
    }
  ],
  behorigheter: UPPDRAG_BEHORIGHETER,
  commandSetId: KOMPONENT_ID.uppdragKommandon,
  views: [
    {
      title: 'Alla uppdrag',
      default: true,
      fields: [UppdragFalt.Rubrik, UppdragFalt.Beslutsinstans, UppdragFalt.Beslutsdatum, UppdragFalt.Paragraf,
        UppdragFalt.Forvaltning, UppdragFalt.Status, UppdragFalt.PlaneratKlart, UppdragFalt.Handlaggare]
    }
  ]
} as const satisfies IListDef;

/** The status code for a stored choice text; undefined for text that is not a known choice. */
export function statusFranVal(text: unknown): UppdragStatus | undefined {
  const hit = (Object.keys(UPPDRAG_STATUS_VAL) as UppdragStatus[]).find((code) => UPPDRAG_STATUS_VAL[code] === text);
  return hit;
}

/** Snapshots of the KF report "Redovisning av ej verkställda beslut", kept as they were. */
export const RedovisningFalt = {
  Rubrik: 'Title',
  Period: 'RedovisningPeriod',
  Periodslut: 'Periodslut',
  Underlag: 'Underlag',
  AntalUppdrag: 'AntalUppdrag'
} as const;

export const RedovisningarBibliotek = {
  key: 'Redovisningar',
  title: 'Redovisningar',
  url: 'Redovisningar',
  template: 'DocumentLibrary',
  description: 'Redovisningar av ej verkställda beslut till kommunfullmäktige, med underlaget fryst som det var.',
  versioning: true,
  fields: [
    { internalName: RedovisningFalt.Rubrik, displayName: 'Rubrik', kind: 'Text', required: true },
    { internalName: RedovisningFalt.Period, displayName: 'Period', kind: 'Text', required: true, indexed: true },
    { internalName: RedovisningFalt.Periodslut, displayName: 'Periodens slut', kind: 'DateOnly', required: true, indexed: true },
    { internalName: RedovisningFalt.Underlag, displayName: 'Underlag (JSON)', kind: 'Note' },
    { internalName: RedovisningFalt.AntalUppdrag, displayName: 'Antal uppdrag', kind: 'Number' }
  ],
  behorigheter: UPPDRAG_BEHORIGHETER,
  views: [{ title: 'Alla redovisningar', default: true, fields: ['FileLeafRef', RedovisningFalt.Period, RedovisningFalt.Periodslut, RedovisningFalt.AntalUppdrag] }]
} as const satisfies IListDef;
