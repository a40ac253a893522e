/**
 * One folder: a page of mails with checkboxes (keyboard: arrows and space in the list), the choice
 * for the selection or for one mail from its menu, and paging. The run itself belongs to the app,
 * which also shows its progress and result.
 */
import * as React from 'react';
import {
  CheckboxVisibility, DefaultButton, DetailsList, DetailsListLayoutMode, getId, IColumn, IconButton, IContextualMenuItem, IObjectWithKey,
  mergeStyleSets, PrimaryButton, Selection, SelectionMode, Stack, Text
} from '@fluentui/react';
import * as strings from 'EpostrutinWebPartStrings';
import { EpostMapp, IEpostTjanst, IMappStatus, IMeddelandeRad } from '../../../data/epost/typer';
import { arOhanterad, Atgard, IAtgardsval } from '../../../domain/epostrutin';
import { EmptyState } from '../../../ui/EmptyState';
import { Flagga } from '../../../ui/Flagga';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { useLaddning } from '../../../ui/useLaddning';
import { Atgardsdialog } from './Atgardsdialog';
import { amneText, mappnamn, motpartText, tidpunkt } from './texter';

type Rad = IMeddelandeRad & IObjectWithKey;

export interface IMapplistaProps {
  tjanst: IEpostTjanst;
  mapp: EpostMapp;
  status?: IMappStatus;
  registratorAdress: string;
  /** Why Diarieför cannot be chosen (no registrator address), or undefined when it can. */
  diarieforHinder?: string;
  /** Changes after every run, to read the page again. */
  omgang: number;
  /** A run is going on: no new choice until it ends. */
  upptagen: boolean;
  sidstorlek: number;
  onHantera: (meddelanden: readonly IMeddelandeRad[], val: IAtgardsval) => void;
}

interface IDialog {
  atgard: Atgard;
  meddelanden: readonly IMeddelandeRad[];
  /** The element that opened it, for focus after a cancel. */
  ursprung: string;
}

export function Mapplista(props: IMapplistaProps): JSX.Element {
  const { tjanst, mapp, status, registratorAdress, diarieforHinder, omgang, upptagen, sidstorlek, onHantera } = props;
  const [id] = React.useState(() => getId(`epost-${mapp}`));
  const [sida, satSida] = React.useState(0);
  const { data, fel, laddar, laddaOm } = useLaddning(() => tjanst.hamtaMeddelanden(mapp, sida, sidstorlek), [tjanst, mapp, sida, sidstorlek, omgang]);
  const [valda, satValda] = React.useState<IMeddelandeRad[]>([]);
  const [urval] = React.useState(() => {
    const s: Selection = new Selection({ getKey: (m) => (m as Rad).id, onSelectionChanged: () => satValda(s.getSelection() as Rad[]) });
    return s;
  });
  const [dialog, satDialog] = React.useState<IDialog>();
  const aterfokus = React.useRef<string>();

  // A run emptied the last page: step back to one that has mails.
  React.useEffect(() => {
    if (data && data.meddelanden.length === 0 && sida > 0 && !laddar) satSida((s) => Math.max(0, s - 1));
  }, [data, sida, laddar]);

  // Focus back where the dialog was opened from, once it is gone (a cancel; a run moves focus itself).
  React.useEffect(() => {
    if (dialog || !aterfokus.current) return;
    const element = document.getElementById(aterfokus.current);
    aterfokus.current = undefined;
    element?.focus();
  }, [dialog]);

  const oppna = React.useCallback((atgard: Atgard, meddelanden: readonly IMeddelandeRad[], ursprung: string) => {
    satDialog({ atgard, meddelanden, ursprung });
  }, []);

  const radKnappId = React.useCallback((m: IMeddelandeRad) => `${id}-rad-${m.id}`, [id]);

  const kolumner = React.useMemo<IColumn[]>(() => [
    { key: 'datum', name: strings.KolumnDatum, minWidth: 110, maxWidth: 130, onRender: (m: Rad) => <Text>{tidpunkt(m.mottaget)}</Text> },
    {
      key: 'motpart', name: mapp === 'skickat' ? strings.KolumnTill : strings.KolumnFran, minWidth: 120, maxWidth: 200, isMultiline: true,
      onRender: (m: Rad) => <Text>{motpartText(m)}</Text>
    },
    {
      key: 'amne', name: strings.KolumnAmne, minWidth: 160, isMultiline: true, isRowHeader: true,
      onRender: (m: Rad) => (
        <Text styles={{ root: { fontWeight: m.last ? 400 : 600 } }}>
          {amneText(m)}
          {!m.last && <span className="ms-screenReaderOnly">{` (${strings.Olast})`}</span>}
        </Text>
      )
    },
    {
      key: 'forhandsvisning', name: strings.KolumnForhandsvisning, minWidth: 160, isMultiline: true,
      // Plain text as the mail server keeps it: React escapes it, nothing is rendered as HTML.
      onRender: (m: Rad) => <Text variant="small" className={klasser.forhandsvisning}>{m.forhandsvisning}</Text>
    },
    {
      key: 'behallen', name: strings.KolumnBehallen, minWidth: 90, maxWidth: 110,
      onRender: (m: Rad) => (arOhanterad(m) ? null : <Flagga niva="info" text={strings.Behallen} />)
    },
    {
      key: 'atgard', name: strings.KolumnAtgard, minWidth: 60, maxWidth: 70,
      onRender: (m: Rad) => {
        const knappId = radKnappId(m);
        const meny: IContextualMenuItem[] = [
          {
            key: 'Diarieför', text: strings.Diariefor, iconProps: { iconName: 'MailForward' }, disabled: !!diarieforHinder,
            title: diarieforHinder, onClick: () => oppna('Diarieför', [m], knappId)
          },
          { key: 'Gallra', text: strings.Gallra, iconProps: { iconName: 'Delete' }, onClick: () => oppna('Gallra', [m], knappId) },
          { key: 'Behåll', text: strings.Behall, iconProps: { iconName: 'Pinned' }, onClick: () => oppna('Behåll', [m], knappId) }
        ];
        return (
          <IconButton id={knappId} iconProps={{ iconName: 'More' }} ariaLabel={fyll(strings.HanteraEtikett, amneText(m))} title={strings.Hantera}
            disabled={upptagen} menuProps={{ items: meny }} onRenderMenuIcon={() => null} />
        );
      }
    }
  ], [mapp, diarieforHinder, upptagen, oppna, radKnappId]);

  const antalSidor = data ? Math.max(1, Math.ceil(data.totalt / Math.max(1, data.storlek))) : 1;
  const ingaValda = valda.length === 0 || upptagen;
  const hinderId = `${id}-hinder`;

  return (
    <Stack tokens={{ childrenGap: 12 }} styles={{ root: { paddingTop: 12 } }}>
      {status && (
        <Text block>{fyll(strings.MappStatus, status.totalt, mappnamn(mapp), Math.max(0, status.totalt - status.behallna), status.behallna)}</Text>
      )}
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} egnaTexter={{ behorighet: strings.FelBehorighet }} />
      {data && data.meddelanden.length === 0 && sida === 0 && (
        <EmptyState iconName="Mail" title={fyll(strings.MappTom, mappnamn(mapp))}>
          <Text as="p" block>{strings.MappTomText}</Text>
        </EmptyState>
      )}
      {data && data.meddelanden.length > 0 && (
        <>
          <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
            <PrimaryButton id={`${id}-diariefor`} text={strings.DiarieforValda} iconProps={{ iconName: 'MailForward' }} allowDisabledFocus
              disabled={ingaValda || !!diarieforHinder} aria-describedby={diarieforHinder ? hinderId : undefined}
              onClick={() => oppna('Diarieför', valda, `${id}-diariefor`)} />
            <DefaultButton id={`${id}-gallra`} text={strings.GallraValda} iconProps={{ iconName: 'Delete' }} allowDisabledFocus disabled={ingaValda}
              onClick={() => oppna('Gallra', valda, `${id}-gallra`)} />
            <DefaultButton id={`${id}-behall`} text={strings.BehallValda} iconProps={{ iconName: 'Pinned' }} allowDisabledFocus disabled={ingaValda}
              onClick={() => oppna('Behåll', valda, `${id}-behall`)} />
            <Text role="status">{valda.length ? fyll(strings.AntalValda, valda.length) : strings.IngaValda}</Text>
          </Stack>
          {diarieforHinder && <Text id={hinderId} variant="small" block>{diarieforHinder}</Text>}
          <DetailsList
            items={data.meddelanden as Rad[]}
            columns={kolumner}
            selection={urval}
            selectionMode={SelectionMode.multiple}
            checkboxVisibility={CheckboxVisibility.always}
            selectionPreservedOnEmptyClick
            layoutMode={DetailsListLayoutMode.justified}
            setKey={`${mapp}-${sida}-${omgang}`}
            ariaLabelForGrid={fyll(strings.ListaEtikett, mappnamn(mapp))}
            ariaLabelForSelectAllCheckbox={strings.MarkeraAlla}
            ariaLabelForSelectionColumn={strings.Markera}
            checkButtonAriaLabel={strings.MarkeraRad}
            // One page at a time: render every row, so screen readers and tests see them all.
            onShouldVirtualize={() => false}
          />
          {antalSidor > 1 && (
            <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }} role="navigation" aria-label={fyll(strings.SidorEtikett, mappnamn(mapp))}>
              <DefaultButton text={strings.Foregaende} iconProps={{ iconName: 'ChevronLeft' }} disabled={sida === 0 || laddar} onClick={() => satSida((s) => s - 1)} />
              <Text>{fyll(strings.SidaAv, sida + 1, antalSidor)}</Text>
              <DefaultButton text={strings.Nasta} iconProps={{ iconName: 'ChevronRight' }} disabled={!data.harFler || laddar} onClick={() => satSida((s) => s + 1)} />
            </Stack>
          )}
        </>
      )}
      {dialog && (
        <Atgardsdialog atgard={dialog.atgard} meddelanden={dialog.meddelanden} registratorAdress={registratorAdress}
          onAvbryt={() => { aterfokus.current = dialog.ursprung; satDialog(undefined); }}
          onBekrafta={(val) => { satDialog(undefined); onHantera(dialog.meddelanden, val); }} />
      )}
    </Stack>
  );
}

const klasser = mergeStyleSets({
  // Two lines of the preview; the rest is in the mail.
  forhandsvisning: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }
});
