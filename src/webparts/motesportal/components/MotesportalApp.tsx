import * as React from 'react';
import { Pivot, PivotItem, Text } from '@fluentui/react';
import * as strings from 'MotesportalWebPartStrings';
import { EmptyState } from '../../../ui/EmptyState';
import { PartShell } from '../../../ui/PartShell';

export function MotesportalApp(): JSX.Element {
  const tom = (rubrik: string, ikon: string): JSX.Element => (
    <EmptyState iconName={ikon} title={rubrik}>
      <Text as="p" block>{strings.TomText}</Text>
    </EmptyState>
  );
  return (
    <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
      <Pivot>
        <PivotItem headerText={strings.FlikKommande} itemKey="kommande">{tom(strings.TomKommande, 'Calendar')}</PivotItem>
        <PivotItem headerText={strings.FlikTidigare} itemKey="tidigare">{tom(strings.TomTidigare, 'History')}</PivotItem>
        <PivotItem headerText={strings.FlikAnslagstavla} itemKey="anslag">{tom(strings.TomAnslagstavla, 'Pinned')}</PivotItem>
      </Pivot>
    </PartShell>
  );
}
