/**
 * The words of the exported report. Kept in Swedish whatever the reader's UI language: the file is
 * the kommun's record to kommunfullmäktige, so it must read the same for everyone who opens it.
 */
import { IRedovisning, IRedovisningsrad } from '../../../domain/redovisning';
import { UppdragStatus } from '../../../domain/uppdrag';
import { UPPDRAG_STATUS_VAL } from '../../../schema/uppdrag';

export const DOKUMENTRUBRIK = 'Redovisning av ej verkställda beslut';

export const T = {
  Period: 'Period',
  Lagesdatum: 'Läget per',
  Periodslut: 'Periodens slut',
  Sammanfattning: 'Sammanfattning',
  AntalEjVerkstallda: 'Antal ej verkställda beslut',
  VaravForsenade: 'Varav försenade (planerat klart har passerat)',
  VaravForeslasAvskrivas: 'Varav föreslås avskrivas',
  PerStatus: 'Antal per status',
  PerInstans: 'Antal per beslutsinstans',
  Status: 'Status',
  Antal: 'Antal',
  Forandringar: 'Förändringar sedan förra redovisningen',
  IngenForra: 'Det finns ingen tidigare redovisning att jämföra med.',
  Nya: 'Nya sedan förra redovisningen',
  Verkstallda: 'Verkställda sedan förra redovisningen',
  Flyttade: 'Planerat klart har flyttats fram',
  Borttagna: 'Avslutade eller borttagna på annat sätt',
  Inga: 'Inga.',
  Forvaltning: 'Förvaltning',
  Beslutsinstans: 'Beslutsinstans',
  Beslutsdatum: 'Beslutsdatum',
  Paragraf: 'Paragraf',
  Diarienummer: 'Diarienummer',
  Uppdrag: 'Uppdrag',
  VarIHanteringen: 'Var i hanteringen',
  Orsak: 'Orsak till dröjsmål',
  PlaneratKlart: 'Planerat klart',
  ForstPlaneratKlart: 'Först planerat klart',
  Handlaggare: 'Handläggare',
  Fran: 'Tidigare planerat',
  Till: 'Nu planerat',
  Forandring: 'Förändring',
  Beslut: 'Beslut',
  IngenInstans: 'Utan beslutsinstans',
  IngenForvaltning: 'Utan förvaltning',
  Forsenat: 'försenat',
  Underlag: 'Statusen är den som handläggarna angett den dag redovisningen togs fram. Föreslås avskrivas redovisas bland de ej verkställda tills kommunfullmäktige har beslutat.'
} as const;

const INSTANSNAMN: Record<string, string> = {
  KF: 'Kommunfullmäktige (KF)',
  KS: 'Kommunstyrelsen (KS)',
  KSAU: 'Kommunstyrelsens arbetsutskott (KSAU)',
  'Nämnd': 'Nämnder'
};

export function instansNamn(instans: string): string {
  return INSTANSNAMN[instans] ?? (instans || T.IngenInstans);
}

export function statusNamn(status: UppdragStatus): string {
  return UPPDRAG_STATUS_VAL[status];
}

/** The status as the report shows it; a late Delvis verkställt or Föreslås avskrivas says so too. */
export function radStatus(rad: IRedovisningsrad): string {
  const text = statusNamn(rad.lage.status);
  return rad.lage.forsenad && rad.lage.status !== 'Forsenat' ? `${text} (${T.Forsenat})` : text;
}

export function orsak(rad: IRedovisningsrad): string {
  const { orsakKod, orsakText } = rad.uppdrag;
  return [orsakKod, orsakText].filter((s) => s).join(': ');
}

export function beslut(u: { beslutsinstans: string; beslutsdatum?: string; paragraf: string; diarienummer?: string }): string {
  return [u.beslutsinstans, u.beslutsdatum, u.paragraf, u.diarienummer].filter((s) => s).join(' ');
}

export function periodText(r: IRedovisning): string {
  return `${T.Period}: ${r.etikett}. ${T.Periodslut}: ${r.periodslut}. ${T.Lagesdatum}: ${r.lagesdatum}.`;
}
