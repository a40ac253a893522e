import * as React from 'react';
import { MessageBar, MessageBarType, Text } from '@fluentui/react';
import * as strings from 'EpostrutinWebPartStrings';
import { EmptyState } from '../../../ui/EmptyState';
import { fyll } from '../../../ui/format';
import { PartShell } from '../../../ui/PartShell';

export interface IEpostrutinAppProps {
  registratorAdress: string;
}

export function EpostrutinApp({ registratorAdress }: IEpostrutinAppProps): JSX.Element {
  return (
    <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
      {registratorAdress
        ? <Text as="p" block>{fyll(strings.RegistratorAdress, registratorAdress)}</Text>
        : <MessageBar messageBarType={MessageBarType.warning}>{strings.RegistratorSaknas}</MessageBar>}
      <EmptyState iconName="Mail" title={strings.EjAnslutenRubrik}>
        <Text as="p" block>{strings.EjAnslutenText}</Text>
      </EmptyState>
    </PartShell>
  );
}
