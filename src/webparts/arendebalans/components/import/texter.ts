/** Reader's-language labels for import fields and the validation report. */
import * as strings from 'ArendebalansImportStrings';
import { ImportFalt, IRadProblem } from '../../../../domain/importera';
import { fyll } from '../../../../ui/format';

export function faltText(falt: ImportFalt): string {
  switch (falt) {
    case 'rubrik': return strings.FaltRubrik;
    case 'uppdragstext': return strings.FaltUppdragstext;
    case 'beslutsinstans': return strings.FaltBeslutsinstans;
    case 'beslutsdatum': return strings.FaltBeslutsdatum;
    case 'paragraf': return strings.FaltParagraf;
    case 'diarienummer': return strings.FaltDiarienummer;
    case 'forvaltning': return strings.FaltForvaltning;
    case 'status': return strings.FaltStatus;
    case 'planeratKlart': return strings.FaltPlaneratKlart;
    case 'aterrapporteraSenast': return strings.FaltAterrapporteraSenast;
    case 'varIHanteringen': return strings.FaltVarIHanteringen;
    case 'kommentar': return strings.FaltKommentar;
  }
}

export function problemText(p: IRadProblem): string {
  switch (p.kod) {
    case 'saknas': return fyll(strings.ProblemSaknas, faltText(p.falt));
    case 'ogiltigtDatum': return fyll(strings.ProblemOgiltigtDatum, faltText(p.falt), p.varde ?? '');
    case 'okandStatus': return fyll(strings.ProblemOkandStatus, p.varde ?? '');
    case 'okandBeslutsinstans': return fyll(strings.ProblemOkandBeslutsinstans, p.varde ?? '');
    case 'dubblett': return fyll(strings.ProblemDubblett, p.varde ?? '');
  }
}
