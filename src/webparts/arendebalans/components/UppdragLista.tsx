import * as React from 'react';
import { DetailsList, DetailsListLayoutMode, IColumn, Link, SelectionMode, Text } from '@fluentui/react';
import * as strings from 'ArendebalansWebPartStrings';
import { IsoDate } from '../../../domain/dates';
import { bedomLage, IUppdrag } from '../../../domain/uppdrag';
import { EmptyState } from '../../../ui/EmptyState';
import { fyll } from '../../../ui/format';
import { StatusPill } from '../../../ui/StatusPill';

export interface IUppdragListaProps {
  uppdrag: readonly IUppdrag[];
  idag: IsoDate;
  dagarTillInaktuell: number;
  onOppna: (id: number) => void;
}

/** The backlog as a list; DetailsList virtualizes, so long lists stay fast on a tablet. */
export function UppdragLista({ uppdrag, idag, dagarTillInaktuell, onOppna }: IUppdragListaProps): JSX.Element {
  const kolumner = React.useMemo<IColumn[]>(() => [
    {
      key: 'rubrik', name: strings.KolumnRubrik, minWidth: 200, isMultiline: true, isRowHeader: true,
      onRender: (u: IUppdrag) => <Link onClick={() => onOppna(u.id)} aria-label={fyll(strings.Oppna, u.rubrik)}>{u.rubrik}</Link>
    },
    {
      key: 'beslut', name: strings.KolumnBeslut, minWidth: 120,
      onRender: (u: IUppdrag) => <Text variant="small">{`${u.beslutsinstans} ${u.beslutsdatum ?? ''} ${u.paragraf}`}</Text>
    },
    { key: 'forvaltning', name: strings.KolumnForvaltning, fieldName: 'forvaltning', minWidth: 140 },
    {
      key: 'status', name: strings.KolumnStatus, minWidth: 180,
      onRender: (u: IUppdrag) => <StatusPill lage={bedomLage(u, idag, dagarTillInaktuell)} dagarTillInaktuell={dagarTillInaktuell} />
    },
    { key: 'planeratKlart', name: strings.KolumnPlaneratKlart, fieldName: 'planeratKlart', minWidth: 100 }
  ], [idag, dagarTillInaktuell, onOppna]);

  if (uppdrag.length === 0) {
    return (
      <EmptyState iconName="TaskManager" title={strings.TomRubrik}>
        <Text as="p" block>{strings.TomText}</Text>
      </EmptyState>
    );
  }
  return (
    <DetailsList
      items={uppdrag as IUppdrag[]}
      columns={kolumner}
      selectionMode={SelectionMode.none}
      layoutMode={DetailsListLayoutMode.justified}
      ariaLabelForGrid={strings.ListaEtikett}
      getKey={(u: IUppdrag) => String(u.id)}
      onItemInvoked={(u: IUppdrag) => onOppna(u.id)}
    />
  );
}
