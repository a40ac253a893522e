import { IPanelStyleProps, IPanelStyles } from '@fluentui/react';

/** A panel footer that stays over scrolling fields needs a background, or the fields show through it. */
export const FOT_MED_BAKGRUND = ({ theme }: IPanelStyleProps): Partial<IPanelStyles> => ({
  footer: { background: theme.semanticColors.bodyBackground, borderTop: `1px solid ${theme.semanticColors.bodyDivider}` }
});
