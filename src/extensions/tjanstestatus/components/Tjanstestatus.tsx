import * as React from 'react';
import { MessageBar, MessageBarType, Stack } from '@fluentui/react';
import * as common from 'CommonStrings';
import * as strings from 'TjanstestatusApplicationCustomizerStrings';
import { useAnslutning } from './useAnslutning';

export interface ITjanstestatusProps {
  sekretess: boolean;
}

/** The top banner: renders nothing at all while SharePoint is reachable and the page is not sekretess. */
export function Tjanstestatus({ sekretess }: ITjanstestatusProps): JSX.Element | null {
  const online = useAnslutning();
  if (online && !sekretess) {
    return null;
  }
  return (
    <Stack role="region" aria-label={strings.BannerEtikett}>
      {!online && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{common.OfflineBanner}</MessageBar>}
      {sekretess && <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline>{common.SekretessNotis}</MessageBar>}
    </Stack>
  );
}
