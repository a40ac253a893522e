import * as React from 'react';
import { DetailsList, DetailsListLayoutMode, IColumn, Pivot, PivotItem, SelectionMode, Text } from '@fluentui/react';
import * as strings from 'MotesportalWebPartStrings';
import { IsoDate } from '../../../domain/dates';
import { IMotesTjanst, ISammantrade } from '../../../data/moten/MotesTjanst';
import { EmptyState } from '../../../ui/EmptyState';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { PartShell } from '../../../ui/PartShell';
import { useLaddning } from '../../../ui/useLaddning';

export interface IMotesportalAppProps {
  tjanst: IMotesTjanst;
  idag: IsoDate;
}

function Sammantraden({ moten, tomRubrik, etikett }: { moten: ISammantrade[]; tomRubrik: string; etikett: string }): JSX.Element {
  const kolumner = React.useMemo<IColumn[]>(() => [
    { key: 'datum', name: strings.KolumnDatum, fieldName: 'datum', minWidth: 90, maxWidth: 110, isRowHeader: true },
    { key: 'organ', name: strings.KolumnOrgan, fieldName: 'organ', minWidth: 180, isMultiline: true },
    { key: 'plats', name: strings.KolumnPlats, fieldName: 'plats', minWidth: 160, isMultiline: true },
    { key: 'status', name: strings.KolumnStatus, fieldName: 'status', minWidth: 90 }
  ], []);
  if (moten.length === 0) {
    return (
      <EmptyState iconName="Calendar" title={tomRubrik}>
        <Text as="p" block>{strings.TomText}</Text>
      </EmptyState>
    );
  }
  return (
    <DetailsList items={moten} columns={kolumner} selectionMode={SelectionMode.none} layoutMode={DetailsListLayoutMode.justified}
      ariaLabelForGrid={etikett} getKey={(m: ISammantrade) => String(m.id)} />
  );
}

export function MotesportalApp({ tjanst, idag }: IMotesportalAppProps): JSX.Element {
  const { data, fel, laddar, laddaOm } = useLaddning(() => tjanst.hamtaSammantraden(idag), [tjanst, idag]);
  return (
    <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} />
      {data && (
        <Pivot>
          <PivotItem headerText={strings.FlikKommande} itemKey="kommande">
            <Sammantraden moten={data.kommande} tomRubrik={strings.TomKommande} etikett={strings.FlikKommande} />
          </PivotItem>
          <PivotItem headerText={strings.FlikTidigare} itemKey="tidigare">
            <Sammantraden moten={data.tidigare} tomRubrik={strings.TomTidigare} etikett={strings.FlikTidigare} />
          </PivotItem>
          <PivotItem headerText={strings.FlikAnslagstavla} itemKey="anslag">
            <EmptyState iconName="Pinned" title={strings.TomAnslagstavla}>
              <Text as="p" block>{strings.TomText}</Text>
            </EmptyState>
          </PivotItem>
        </Pivot>
      )}
    </PartShell>
  );
}
