import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Spinner, SpinnerSize } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { DataFel } from '../data/fel';
import { felText } from './felText';

export interface ILaddningsstatusProps {
  laddar: boolean;
  fel: DataFel | undefined;
  laddaOm: () => void;
}

/** The spinner while loading and the Swedish error with a retry; nothing once data is there. */
export function Laddningsstatus({ laddar, fel, laddaOm }: ILaddningsstatusProps): JSX.Element | null {
  if (fel) {
    return (
      <MessageBar
        messageBarType={fel.orsak === 'behorighet' || fel.orsak === 'saknas' ? MessageBarType.warning : MessageBarType.error}
        isMultiline
        actions={<DefaultButton onClick={laddaOm} text={strings.ForsokIgen} disabled={laddar} />}
      >
        {felText(fel.orsak)}
      </MessageBar>
    );
  }
  return laddar ? <Spinner size={SpinnerSize.medium} label={strings.Laddar} ariaLive="polite" /> : null;
}
