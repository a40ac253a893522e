import * as React from 'react';
import { Text } from '@fluentui/react';
import * as strings from 'SurfplattorWebPartStrings';
import { EmptyState } from '../../../ui/EmptyState';
import { PartShell } from '../../../ui/PartShell';

export function SurfplattorApp(): JSX.Element {
  return (
    <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
      <EmptyState iconName="Tablet" title={strings.TomRubrik}>
        <Text as="p" block>{strings.TomText}</Text>
      </EmptyState>
    </PartShell>
  );
}
