import * as React from 'react';
import { MessageBar, MessageBarType, Stack } from '@fluentui/react';
import * as common from 'CommonStrings';
import * as strings from 'TjanstestatusApplicationCustomizerStrings';
import { fyll } from '../../../ui/format';
import { useAnslutning } from './useAnslutning';
import { svenskTidpunkt, useCachelage } from './useCachelage';

export interface ITjanstestatusProps {
  sekretess: boolean;
}

/** The top banner: renders nothing at all while SharePoint is reachable and the page is not sekretess. */
export function Tjanstestatus({ sekretess }: ITjanstestatusProps): JSX.Element | null {
  const online = useAnslutning();
  const franCache = useCachelage();
  if (online && !sekretess && !franCache) {
    return null;
  }
  return (
    <Stack role="region" aria-label={strings.BannerEtikett}>
      {/* The cache banner says the same as the offline one and when the data is from, so it replaces it. */}
      {franCache
        ? <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fyll(common.FranCacheBanner, svenskTidpunkt(franCache))}</MessageBar>
        : !online && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{common.OfflineBanner}</MessageBar>}
      {sekretess && <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline>{common.SekretessNotis}</MessageBar>}
    </Stack>
  );
}
