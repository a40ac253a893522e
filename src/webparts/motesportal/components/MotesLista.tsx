import * as React from 'react';
import { DetailsList, DetailsListLayoutMode, IColumn, Link, SelectionMode, Stack, Text } from '@fluentui/react';
import * as strings from 'MotesportalWebPartStrings';
import { addDays, format, parseISO } from 'date-fns';
import { kungorelselage } from '../../../domain/anslag';
import { IsoDate } from '../../../domain/dates';
import { Fristlage, justeringsfrist } from '../../../domain/justering';
import { IJusteringTjanst, ISammantrade } from '../../../data/moten/typer';
import { EmptyState } from '../../../ui/EmptyState';
import { Flagga } from '../../../ui/Flagga';
import { fristNiva, fristText, klockslag, kungorelseNiva, kungorelseText } from './texter';

/** Fullmäktige's meetings must be kungjorda (KL 5 kap. 53 §). */
export const FULLMAKTIGE = 'Fullmäktige';

/**
 * Held meetings whose protokoll is read for the justering flag: the 14-day deadline and a margin.
 * Older protokoll are justerade long since, and reading every one would cost a request per meeting.
 */
const FRIST_FONSTER_DAGAR = 45;

/** The justering state of recently held meetings, read lazily (only when the list of past meetings is shown). */
export function useJusteringsflaggor(justering: IJusteringTjanst, moten: ISammantrade[], idag: IsoDate): Record<number, Fristlage> {
  const [flaggor, satFlaggor] = React.useState<Record<number, Fristlage>>({});
  React.useEffect(() => {
    let aktiv = true;
    const fran = format(addDays(parseISO(idag), -FRIST_FONSTER_DAGAR), 'yyyy-MM-dd');
    const aktuella = moten.filter((m) => m.datum <= idag && m.datum >= fran && m.status !== 'Inställt');
    for (const m of aktuella) {
      justering.hamtaProtokoll(m.id, m.datum, idag).then(
        (p) => {
          const lage = p ? p.fristlage : justeringsfrist({ status: 'Utkast', motesdag: m.datum }, idag).lage;
          if (aktiv) satFlaggor((f) => ({ ...f, [m.id]: lage }));
        },
        // Without the protokoll the row simply has no flag; the meeting view says why when opened.
        () => undefined
      );
    }
    return () => { aktiv = false; };
  }, [justering, moten, idag]);
  return flaggor;
}

export interface IMotesListaProps {
  moten: ISammantrade[];
  idag: IsoDate;
  etikett: string;
  tomRubrik: string;
  onOppna: (m: ISammantrade) => void;
  flaggor?: Record<number, Fristlage>;
}

export function MotesLista({ moten, idag, etikett, tomRubrik, onOppna, flaggor }: IMotesListaProps): JSX.Element {
  const kolumner = React.useMemo<IColumn[]>(() => [
    {
      key: 'datum', name: strings.KolumnDatum, minWidth: 110, maxWidth: 130,
      onRender: (m: ISammantrade) => <Text>{m.datum} {klockslag(m.start)}</Text>
    },
    {
      key: 'organ', name: strings.KolumnOrgan, minWidth: 180, maxWidth: 260, isMultiline: true, isRowHeader: true,
      onRender: (m: ISammantrade) => (
        <Link onClick={() => onOppna(m)} aria-label={`${m.organ} ${m.datum}`}>{m.organ}</Link>
      )
    },
    { key: 'plats', name: strings.KolumnPlats, fieldName: 'plats', minWidth: 140, isMultiline: true },
    { key: 'status', name: strings.KolumnStatus, fieldName: 'status', minWidth: 80, maxWidth: 100 },
    {
      key: 'flaggor', name: strings.KolumnFrister, minWidth: 240, isMultiline: true,
      onRender: (m: ISammantrade) => {
        const frist = flaggor?.[m.id];
        const kungorelse = m.organTyp === FULLMAKTIGE && m.status !== 'Inställt' ? kungorelselage(m.datum, m.kallelseAnslagen, idag) : undefined;
        return (
          <Stack horizontal wrap tokens={{ childrenGap: 4 }}>
            {frist && <Flagga niva={fristNiva(frist)} etikett={strings.EtikettJustering} text={fristText(frist)} />}
            {kungorelse && <Flagga niva={kungorelseNiva(kungorelse)} etikett={strings.EtikettKungorelse} text={kungorelseText(kungorelse)} />}
          </Stack>
        );
      }
    }
  ], [onOppna, flaggor, idag]);
  if (moten.length === 0) {
    return (
      <EmptyState iconName="Calendar" title={tomRubrik}>
        <Text as="p" block>{strings.TomText}</Text>
      </EmptyState>
    );
  }
  return (
    <DetailsList items={moten} columns={kolumner} selectionMode={SelectionMode.none} layoutMode={DetailsListLayoutMode.justified}
      ariaLabelForGrid={etikett} getKey={(m: ISammantrade) => String(m.id)} onItemInvoked={onOppna} />
  );
}
