import * as React from 'react';
import { Text } from '@fluentui/react';
import * as strings from 'UppdragStatusFieldCustomizerStrings';
import { IsoDate } from '../../../domain/dates';
import { bedomLage, IUppdragLage, STANDARD_DAGAR_TILL_INAKTUELL } from '../../../domain/uppdrag';
import { fyll } from '../../../ui/format';
import { StatusPill } from '../../../ui/StatusPill';

export interface IStatusCellProps {
  /** Undefined when the row holds a status that is not one of the list's choices. */
  lage: IUppdragLage | undefined;
  /** The stored text, shown as text (never as HTML) when it is not a known status. */
  radText: string;
  idag: IsoDate;
}

/** The Status column of the native list view: the same pill and markers as the web part. */
export function StatusCell({ lage, radText, idag }: IStatusCellProps): JSX.Element {
  if (!lage) {
    return <Text variant="small">{fyll(strings.OkandStatus, radText)}</Text>;
  }
  return <StatusPill lage={bedomLage(lage, idag, STANDARD_DAGAR_TILL_INAKTUELL)} dagarTillInaktuell={STANDARD_DAGAR_TILL_INAKTUELL} />;
}
