import * as React from 'react';
import {
  DetailsList, DetailsListLayoutMode, IColumn, mergeStyleSets, MessageBar, MessageBarType, SelectionMode, Text, useTheme
} from '@fluentui/react';
import * as strings from 'EpostrutinWebPartStrings';
import { EPOST_MAPPAR, EpostMapp, IEpostTjanst, IMappOversikt, IMeddelandeRad } from '../../../data/epost/typer';
import { EmptyState } from '../../../ui/EmptyState';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { PartShell } from '../../../ui/PartShell';
import { useLaddning } from '../../../ui/useLaddning';

export interface IEpostrutinAppProps {
  registratorAdress: string;
  /** The signed-in user's mailbox. */
  tjanst: IEpostTjanst;
  /** How many of the newest inbox messages to list. */
  antalSenaste?: number;
}

/** Read at render time, not at load, so the strings follow the current language. */
function mappnamn(mapp: EpostMapp): string {
  return { inkorg: strings.Inkorg, skickat: strings.Skickat, borttaget: strings.Borttaget }[mapp];
}

/** Dates as a Swedish clock shows them, whatever the device's time zone. */
const TIDSFORMAT = new Intl.DateTimeFormat('sv-SE', {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm'
});

function formateraTid(iso: string): string {
  const tid = new Date(iso);
  return isNaN(tid.getTime()) ? '' : TIDSFORMAT.format(tid);
}

function Mapprutor({ mappar }: { mappar: IMappOversikt }): JSX.Element {
  const theme = useTheme();
  const klass = mergeStyleSets({
    lista: { display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', margin: 0, padding: 0 },
    ruta: {
      minWidth: 120, padding: '12px 16px', borderRadius: 4,
      border: `1px solid ${theme.semanticColors.bodyDivider}`, background: theme.semanticColors.bodyBackground
    }
  });
  return (
    <ul className={klass.lista} aria-label={strings.MapparEtikett}>
      {EPOST_MAPPAR.map((mapp) => {
        const status = mappar[mapp];
        return (
          <li key={mapp} className={klass.ruta}>
            <Text as="span" variant="xxLarge" block>{status.totalt}</Text>
            <Text as="span" block>{mappnamn(mapp)}</Text>
            {status.olasta > 0 && <Text as="span" variant="small" block>{fyll(strings.Olasta, status.olasta)}</Text>}
          </li>
        );
      })}
    </ul>
  );
}

function SenasteLista({ meddelanden }: { meddelanden: IMeddelandeRad[] }): JSX.Element {
  const kolumner = React.useMemo<IColumn[]>(() => [
    {
      key: 'fran', name: strings.KolumnFran, minWidth: 140, maxWidth: 220, isMultiline: true,
      onRender: (m: IMeddelandeRad) => <Text>{m.fran?.namn ?? strings.OkandAvsandare}</Text>
    },
    {
      key: 'amne', name: strings.KolumnAmne, minWidth: 200, isMultiline: true, isRowHeader: true,
      onRender: (m: IMeddelandeRad) => (
        <Text styles={{ root: { fontWeight: m.last ? 400 : 600 } }}>
          {m.amne || strings.UtanAmne}
          {!m.last && <span className="ms-screenReaderOnly">{` (${strings.Olast})`}</span>}
        </Text>
      )
    },
    {
      key: 'mottaget', name: strings.KolumnMottaget, minWidth: 120, maxWidth: 140,
      onRender: (m: IMeddelandeRad) => <Text>{formateraTid(m.mottaget)}</Text>
    }
  ], []);

  if (meddelanden.length === 0) {
    return (
      <EmptyState iconName="Mail" title={strings.InkorgTomRubrik}>
        <Text as="p" block>{strings.InkorgTomText}</Text>
      </EmptyState>
    );
  }
  return (
    <DetailsList
      items={meddelanden}
      columns={kolumner}
      selectionMode={SelectionMode.none}
      layoutMode={DetailsListLayoutMode.justified}
      ariaLabelForGrid={strings.SenasteEtikett}
      getKey={(m: IMeddelandeRad) => m.id}
      // A short list: render every row, so screen readers and tests see them all.
      onShouldVirtualize={() => false}
    />
  );
}

export function EpostrutinApp({ registratorAdress, tjanst, antalSenaste = 10 }: IEpostrutinAppProps): JSX.Element {
  const { data, fel, laddar, laddaOm } = useLaddning(
    () => Promise.all([tjanst.hamtaMappar(), tjanst.hamtaMeddelanden('inkorg', 0, antalSenaste)]),
    [tjanst, antalSenaste]
  );
  const [mappar, sida] = data ?? [];
  return (
    <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
      {registratorAdress
        ? <Text as="p" block>{fyll(strings.RegistratorAdress, registratorAdress)}</Text>
        : <MessageBar messageBarType={MessageBarType.warning}>{strings.RegistratorSaknas}</MessageBar>}
      {/* Access to mail is approved by the municipality's IT, not by the site owner the shared text names. */}
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} egnaTexter={{ behorighet: strings.FelBehorighet }} />
      {mappar && <Mapprutor mappar={mappar} />}
      {sida && (
        <>
          <Text as="h3" variant="large" block styles={{ root: { margin: 0 } }}>{strings.SenasteRubrik}</Text>
          <SenasteLista meddelanden={sida.meddelanden} />
        </>
      )}
    </PartShell>
  );
}
