import * as React from 'react';
import { FontIcon, ITheme, mergeStyleSets, Text, useTheme } from '@fluentui/react';

/** How serious a flag is: the words and the icon carry it, the colour only repeats it (WCAG 1.4.1). */
export type Flaggniva = 'ok' | 'info' | 'varning' | 'fel';

const IKON: Record<Flaggniva, string> = { ok: 'CheckMark', info: 'Clock', varning: 'Warning', fel: 'ErrorBadge' };

function farger(theme: ITheme, niva: Flaggniva): { background: string; color: string } {
  const s = theme.semanticColors;
  switch (niva) {
    case 'fel': return { background: s.errorBackground, color: s.errorText };
    case 'varning': return { background: s.warningBackground, color: s.bodyText };
    case 'ok': return { background: s.successBackground, color: s.bodyText };
    default: return { background: s.bodyStandoutBackground, color: s.bodyText };
  }
}

export interface IFlaggaProps {
  niva: Flaggniva;
  text: string;
  /** Read before the text by screen readers, e.g. "Justering:". */
  etikett?: string;
}

/** A deadline or state flag: icon and words in a pill that keeps its edge in high contrast. */
export function Flagga({ niva, text, etikett }: IFlaggaProps): JSX.Element {
  const theme = useTheme();
  const { background, color } = farger(theme, niva);
  const classes = mergeStyleSets({
    pill: {
      display: 'inline-flex', alignItems: 'center', gap: 4, padding: '1px 8px', borderRadius: 12,
      border: `1px solid ${theme.semanticColors.bodyDivider}`, background, color,
      // Wraps inside a narrow column (a table cell on a tablet) instead of being cut off.
      maxWidth: '100%', whiteSpace: 'normal',
      selectors: { '@media (forced-colors: active)': { borderColor: 'CanvasText' } }
    }
  });
  return (
    <Text variant="small" className={classes.pill}>
      <FontIcon iconName={IKON[niva]} aria-hidden="true" />
      {etikett && <span>{etikett}</span>}
      <span>{text}</span>
    </Text>
  );
}
