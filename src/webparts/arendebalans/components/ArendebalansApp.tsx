import * as React from 'react';
import * as strings from 'ArendebalansWebPartStrings';
import { IsoDate } from '../../../domain/dates';
import { IUppdrag } from '../../../domain/uppdrag';
import { PartShell } from '../../../ui/PartShell';
import { UppdragLista } from './UppdragLista';

export interface IArendebalansAppProps {
  uppdrag: readonly IUppdrag[];
  idag: IsoDate;
  dagarTillInaktuell: number;
}

export function ArendebalansApp(props: IArendebalansAppProps): JSX.Element {
  return (
    <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
      <UppdragLista {...props} />
    </PartShell>
  );
}
