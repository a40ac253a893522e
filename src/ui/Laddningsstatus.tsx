import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Spinner, SpinnerSize } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { DataFel, DataFelorsak } from '../data/fel';
import { felText } from './felText';

export interface ILaddningsstatusProps {
  laddar: boolean;
  fel: DataFel | undefined;
  laddaOm: () => void;
  /** A part's own wording for some causes, where the shared text would point the reader the wrong way. */
  egnaTexter?: Partial<Record<DataFelorsak, string>>;
}

/** The spinner while loading and the Swedish error with a retry; nothing once data is there. */
export function Laddningsstatus({ laddar, fel, laddaOm, egnaTexter }: ILaddningsstatusProps): JSX.Element | null {
  if (fel) {
    return (
      <MessageBar
        messageBarType={fel.orsak === 'behorighet' || fel.orsak === 'saknas' || fel.orsak === 'olasbar' ? MessageBarType.warning : MessageBarType.error}
        isMultiline
        actions={<DefaultButton onClick={laddaOm} text={strings.ForsokIgen} disabled={laddar} />}
      >
        {egnaTexter?.[fel.orsak] ?? felText(fel.orsak)}
      </MessageBar>
    );
  }
  return laddar ? <Spinner size={SpinnerSize.medium} label={strings.Laddar} ariaLive="polite" /> : null;
}
