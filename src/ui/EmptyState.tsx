import * as React from 'react';
import { FontIcon, mergeStyleSets, Stack, Text, useTheme } from '@fluentui/react';

export interface IEmptyStateProps {
  iconName: string;
  title: string;
  children?: React.ReactNode;
}

/** What a part shows when it has nothing to list: says so plainly instead of a blank area. */
export function EmptyState({ iconName, title, children }: IEmptyStateProps): JSX.Element {
  const theme = useTheme();
  const classes = mergeStyleSets({
    root: { padding: 24, border: `1px dashed ${theme.semanticColors.bodyDivider}`, borderRadius: 4, textAlign: 'center' },
    icon: { fontSize: 32, color: theme.semanticColors.bodySubtext }
  });
  return (
    <Stack className={classes.root} horizontalAlign="center" tokens={{ childrenGap: 8 }} role="status">
      <FontIcon iconName={iconName} className={classes.icon} aria-hidden="true" />
      <Text as="p" variant="mediumPlus" block>{title}</Text>
      {children}
    </Stack>
  );
}
