/**
 * The reader's words for the register's values and the domain's refusal codes. The lists store
 * Swedish choice values ('Utlånad', 'Väntar på kvittens' …); the UI shows them through the loc
 * files so an English reader gets English. Read at render time so they follow the language.
 */
import * as strings from 'SurfplattorWebPartStrings';
import { DataFel } from '../../../data/fel';
import { IKvittensTexter } from '../../../data/surfplattor/typer';
import { Incidenttyp, Kostnadsansvar, Steg, Utforande } from '../../../domain/incident';
import { Enhetshandelse, Enhetsstatus, Lanstatus, nastaStatus } from '../../../domain/surfplatta';
import { felText } from '../../../ui/felText';
import { fyll } from '../../../ui/format';

const text = (nyckel: string): string | undefined => (strings as unknown as Record<string, string | undefined>)[nyckel];

/** 'Väntar på kvittens' → 'VantarPaKvittens': a choice value as the ASCII key part of its string. */
function nyckelAv(varde: string): string {
  return varde.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z]+/).filter(Boolean).map((d) => d[0].toUpperCase() + d.slice(1)).join('');
}

export const enhetsstatusText = (s: Enhetsstatus): string => text(`Enhet_${nyckelAv(s)}`) ?? s;
export const lanstatusText = (s: Lanstatus): string => text(`Lanstatus_${nyckelAv(s)}`) ?? s;
export const handelseText = (h: Enhetshandelse): string => text(`Handelse_${h}`) ?? h;
export const incidenttypText = (t: Incidenttyp): string => text(`Typ_${nyckelAv(t)}`) ?? t;
export const kostnadsansvarText = (k: Kostnadsansvar): string => text(`Kostnad_${nyckelAv(k)}`) ?? k;
export const stegText = (s: Steg): string => text(`Steg_${s}`) ?? s;
export const utforandeText = (u: Utforande): string => text(`Utforande_${u}`) ?? u;
export const incidentstatusText = (s: 'Öppen' | 'Stängd'): string => text(`Incidentstatus_${nyckelAv(s)}`) ?? s;

/** A domain refusal code (Lanfel, Kvittensfel, Incidentfel, Statusfel, a service's own) in words. */
export function kodText(kod: string): string | undefined {
  return text(`Fel_${kod}`);
}

/** The domain code a service's refusal carries (`kod`, as JusteringsFel does), if any. */
export function felkod(fel: unknown): string | undefined {
  const kod = (fel as { kod?: unknown } | undefined)?.kod;
  return typeof kod === 'string' ? kod : undefined;
}

/** A failed write: the rule that refused it when the service says which, else the cause. */
export function skrivfelText(fel: DataFel): string {
  const kod = felkod(fel);
  return (kod ? kodText(kod) : undefined) ?? felText(fel.orsak);
}

/**
 * Why a status step was refused, in words that name the step and the status: the state machine is
 * asked again here, so the reader learns e.g. that a device on loan cannot be scrapped.
 */
export function statusfelText(fran: Enhetsstatus, handelse: Enhetshandelse, harAktivtLan: boolean, fel?: DataFel): string {
  const svar = nastaStatus(fran, handelse, harAktivtLan);
  if (!svar.ok) {
    return svar.fel === 'OtillatenOvergang'
      ? fyll(strings.Statusfel_OtillatenOvergang, handelseText(handelse), enhetsstatusText(fran))
      : kodText(svar.fel) ?? svar.fel;
  }
  return fel ? skrivfelText(fel) : '';
}

const DAG_OCH_TID = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

/** "2026-11-27 13:15" in Swedish time; the text as is when it cannot be read. */
export function tidpunkt(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : DAG_OCH_TID.format(new Date(t));
}

/** The words of the PDF receipts, in the signer's language, for the services that build them. */
export function kvittensTexter(): IKvittensTexter {
  return {
    rubrikUtlamning: strings.Pdf_RubrikUtlamning, rubrikAterlamning: strings.Pdf_RubrikAterlamning,
    intygUtlamning: strings.Pdf_IntygUtlamning, intygAterlamning: strings.Pdf_IntygAterlamning,
    lantagare: strings.Pdf_Lantagare, surfplatta: strings.Pdf_Surfplatta, stoldmarkning: strings.Pdf_Stoldmarkning,
    serienummer: strings.Pdf_Serienummer, modell: strings.Pdf_Modell, riktlinje: strings.Pdf_Riktlinje, version: strings.Pdf_Version,
    beslut: strings.Pdf_Beslut, tidpunkt: strings.Pdf_Tidpunkt, skick: strings.Pdf_Skick, signatur: strings.Pdf_Signatur,
    skrivetNamn: strings.Pdf_SkrivetNamn, undertecknatAv: strings.Pdf_UndertecknatAv, riktlinjensText: strings.Pdf_RiktlinjensText, sida: strings.Pdf_Sida
  };
}
