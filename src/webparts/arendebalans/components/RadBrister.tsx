/**
 * How a malformed row is pointed out (src/data/uppdrag/radbrister.ts): in the list a flag in the
 * row's own title cell, so a screen reader reads it with the row; in the detail a warning that
 * lists every reason. The words carry it, the icon and colour only repeat them.
 */
import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react';
import * as strings from 'ArendebalansWebPartStrings';
import { IRadBrist, LastFalt } from '../../../data/uppdrag/UppdragTjanst';
import { Flagga } from '../../../ui/Flagga';
import { fyll } from '../../../ui/format';

/** A field's name as the reader knows it from the detail, read at render time so it follows the language. */
function faltnamn(falt: LastFalt): string {
  switch (falt) {
    case 'rubrik': return strings.FaltRubrik;
    case 'uppdragstext': return strings.FaltUppdragstextBrist;
    case 'beslutsinstans': return strings.FaltBeslutsinstans;
    case 'beslutsdatum': return strings.FaltBeslutsdatum;
    case 'paragraf': return strings.FaltParagraf;
    case 'diarienummer': return strings.FaltDiarienummer;
    case 'forvaltning': return strings.FaltForvaltning;
    case 'handlaggare': return strings.FaltHandlaggare;
    case 'forstPlaneratKlart': return strings.FaltForstPlanerat;
    case 'senastAndrad': return strings.FaltSenastAndrad;
    default: return (strings as unknown as Record<string, string>)[`Falt_${falt}`];
  }
}

/** One reason in words, e.g. "Planerat klart är inte ett giltigt datum". */
export function bristText(brist: IRadBrist): string {
  return fyll((strings as unknown as Record<string, string>)[`Brist_${brist.orsak}`], faltnamn(brist.falt));
}

/** The flag in the list's row: "Felaktig rad: Beslutsdatum saknas; Planerat klart är inte ett giltigt datum". */
export function RadBristFlagga({ brister }: { brister: readonly IRadBrist[] }): JSX.Element {
  return <Flagga niva="varning" etikett={strings.FelaktigRadEtikett} text={brister.map(bristText).join('; ')} />;
}

/** The detail's warning: what is wrong, one reason a line. */
export function RadBristBesked({ brister }: { brister: readonly IRadBrist[] }): JSX.Element {
  return (
    <MessageBar messageBarType={MessageBarType.warning} isMultiline>
      {strings.FelaktigRadBesked}
      <ul style={{ margin: '4px 0 0 0', paddingLeft: 20 }}>
        {brister.map((b) => <li key={`${b.falt}:${b.orsak}`}>{bristText(b)}</li>)}
      </ul>
    </MessageBar>
  );
}
