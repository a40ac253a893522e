/**
 * The reader's words for the routine's values: folders, actions, reasons and refusal codes. The
 * domain keeps Swedish values ('Diarieför', 'Privat' …); the UI shows them through the loc files
 * so an English reader gets English. Read at render time so they follow the language.
 */
import * as strings from 'EpostrutinWebPartStrings';
import { DataFel, DataFelorsak } from '../../../data/fel';
import type { ILoggExportTexter } from '../../../data/epost/loggExport';
import { EpostMapp, epostrutinfelkod, IMeddelandeRad } from '../../../data/epost/typer';
import { REGISTRATOR_NYCKEL } from '../../../data/installningar/nycklar';
import { Atgard, Atgardsfel, Behallskal, LOGGDAGAR, Loggatgard, MAX_KOMMENTAR, MAX_SKALTEXT } from '../../../domain/epostrutin';
import { felText } from '../../../ui/felText';
import { fyll } from '../../../ui/format';

export function mappnamn(mapp: EpostMapp): string {
  switch (mapp) {
    case 'inkorg': return strings.Inkorg;
    case 'skickat': return strings.Skickat;
    case 'borttaget': return strings.Borttaget;
  }
}

/** The action as a command ("Diarieför"). */
export function atgardText(atgard: Atgard): string {
  switch (atgard) {
    case 'Diarieför': return strings.Diariefor;
    case 'Gallra': return strings.Gallra;
    case 'Behåll': return strings.Behall;
  }
}

/** What the log says was done ("Diarieförd"); a run not finished says so. */
export function loggatgardText(atgard: Loggatgard, klar: boolean): string {
  const text = ((): string => {
    switch (atgard) {
      case 'Diarieför': return strings.Logg_Diariefort;
      case 'Gallra': return strings.Logg_Gallrat;
      case 'Behåll': return strings.Logg_Behallet;
      default: return strings.Logg_EjHanterat;
    }
  })();
  return atgard !== 'Ej hanterad' && !klar ? fyll(strings.Logg_InteKlar, text) : text;
}

/** The log file's words, in the page's language; the same words as the log tab. */
export function loggExportTexter(): ILoggExportTexter {
  return {
    upplysning: fyll(strings.LoggExportUpplysning, LOGGDAGAR),
    rubriker: {
      datum: strings.KolumnDatum, fran: strings.KolumnFran, till: strings.KolumnTill, amne: strings.KolumnAmne, mapp: strings.KolumnMapp,
      atgard: strings.KolumnGjort, hanterad: strings.KolumnHanterad, notering: strings.KolumnNotering
    },
    mappar: { inkorg: mappnamn('inkorg'), skickat: mappnamn('skickat'), borttaget: mappnamn('borttaget') },
    atgarder: { 'Diarieför': strings.Logg_Diariefort, 'Gallra': strings.Logg_Gallrat, 'Behåll': strings.Logg_Behallet, 'Ej hanterad': strings.Logg_EjHanterat },
    inteKlar: strings.Logg_InteKlar
  };
}

export function skalText(skal: Behallskal): string {
  switch (skal) {
    case 'Fortfarande aktuell': return strings.Skal_FortfarandeAktuell;
    case 'Privat': return strings.Skal_Privat;
    case 'Annat': return strings.Skal_Annat;
  }
}

/** No address to forward to: who sets it and where, the tenant property's key named as it must be typed. */
export function registratorSaknasText(): string {
  return fyll(strings.RegistratorSaknas, REGISTRATOR_NYCKEL);
}

/** Why a choice cannot be carried out, in words. */
export function atgardsfelText(fel: Atgardsfel): string {
  switch (fel) {
    case 'RegistratorSaknas': return registratorSaknasText();
    case 'SkalSaknas': return strings.Fel_SkalSaknas;
    case 'SkalTextSaknas': return strings.Fel_SkalTextSaknas;
    case 'KommentarForLang': return fyll(strings.Fel_KommentarForLang, MAX_KOMMENTAR);
    case 'SkalTextForLang': return fyll(strings.Fel_SkalTextForLang, MAX_SKALTEXT);
  }
}

/** A failed call: the routine's own refusal in its own words, else the cause. */
export function rutinfelText(fel: DataFel): string {
  const kod = epostrutinfelkod(fel);
  if (kod === 'OgiltigTid') return strings.FelKlockslag;
  return kod ? atgardsfelText(kod) : felText(fel.orsak);
}

/** A mail's failure as the service reports it (a DataFel orsak); an unknown cause reads as the general one. */
/**
 * Why one mail failed. Access to the mailbox comes from IT (not the site owner), and a server error
 * during a write is not "could not be fetched": those two in the part's own words, the rest as everywhere.
 */
export function orsakText(orsak: string | undefined): string {
  if (orsak === 'behorighet') return strings.FelBehorighet;
  if (orsak === 'oviss') return strings.OrsakOviss;
  if (orsak === 'okant' || orsak === undefined) return strings.OrsakServer;
  return felText(orsak as DataFelorsak);
}

export function amneText(m: { amne: string }): string {
  return m.amne.trim() || strings.UtanAmne;
}

/** Who the mail is from, or for sent items whom it went to. */
export function motpartText(m: IMeddelandeRad): string {
  if (m.mapp === 'skickat') {
    return m.till.map((t) => t.namn || t.adress).filter(Boolean).join(', ') || strings.OkandMottagare;
  }
  return m.fran?.namn || m.fran?.adress || strings.OkandAvsandare;
}

/** Dates as a Swedish clock shows them, whatever the device's time zone. */
const TIDSFORMAT = new Intl.DateTimeFormat('sv-SE', {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm'
});

export function tidpunkt(iso: string | undefined): string {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? '' : TIDSFORMAT.format(new Date(t));
}
