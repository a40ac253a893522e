import * as React from 'react';
import { FontIcon, ITheme, mergeStyleSets, Stack, Text, useTheme } from '@fluentui/react';
import * as strings from 'CommonStrings';
import { IBedomtLage, UppdragStatus } from '../domain/uppdrag';
import { fyll } from './format';
import { statusText } from './statusText';

export interface IStatusPillProps {
  lage: IBedomtLage;
  dagarTillInaktuell?: number;
}

/** Semantic colour pairs keep contrast in light, dark and high-contrast themes alike. */
function farger(theme: ITheme, status: UppdragStatus): { background: string; color: string } {
  const s = theme.semanticColors;
  switch (status) {
    case 'Forsenat': return { background: s.errorBackground, color: s.errorText };
    case 'DelvisVerkstallt': return { background: s.warningBackground, color: s.bodyText };
    case 'Verkstallt': return { background: s.successBackground, color: s.bodyText };
    case 'Pagar': return { background: theme.palette.themeLighter, color: s.bodyText };
    default: return { background: s.bodyStandoutBackground, color: s.bodyText };
  }
}

/**
 * A status as text in a pill, with late and stale rows marked by an icon and words as well as
 * colour (WCAG 1.4.1).
 */
export function StatusPill({ lage, dagarTillInaktuell }: IStatusPillProps): JSX.Element {
  const theme = useTheme();
  const { background, color } = farger(theme, lage.status);
  const classes = mergeStyleSets({
    pill: {
      display: 'inline-block',
      padding: '2px 10px',
      borderRadius: 12,
      // A visible edge keeps the pill a pill where the theme gives every background the same colour (Teams high contrast).
      border: `1px solid ${theme.semanticColors.bodyDivider}`,
      background,
      color,
      selectors: { '@media (forced-colors: active)': { borderColor: 'CanvasText' } }
    },
    marker: { color: theme.semanticColors.errorText, fontSize: 12 }
  });
  const forsenadText = lage.dagarForsenad > 0 ? fyll(strings.ForsenadDagar, lage.dagarForsenad) : strings.ForsenadIdag;
  return (
    <Stack horizontal verticalAlign="center" wrap tokens={{ childrenGap: 6 }}>
      <Text variant="small" className={classes.pill}>{statusText(lage.status)}</Text>
      {lage.forsenad && (
        <Text variant="small" className={classes.marker}>
          <FontIcon iconName="Warning" aria-hidden="true" /> {forsenadText}
        </Text>
      )}
      {lage.inaktuell && dagarTillInaktuell !== undefined && (
        <Text variant="small">
          <FontIcon iconName="Clock" aria-hidden="true" /> {fyll(strings.Inaktuell, dagarTillInaktuell)}
        </Text>
      )}
    </Stack>
  );
}
