import * as React from 'react';
import { Stack, Text } from '@fluentui/react';

export interface IPartShellProps {
  title: string;
  description?: string;
  /** Commands shown to the right of the title. */
  actions?: React.ReactNode;
  children?: React.ReactNode;
}

/** The frame every web part shares: a real heading (for screen readers' heading navigation) and a lead text. */
export function PartShell({ title, description, actions, children }: IPartShellProps): JSX.Element {
  return (
    <Stack tokens={{ childrenGap: 12, padding: 4 }}>
      <Stack horizontal horizontalAlign="space-between" verticalAlign="center" wrap tokens={{ childrenGap: 8 }}>
        <Text as="h2" variant="xLarge" block styles={{ root: { margin: 0 } }}>{title}</Text>
        {actions}
      </Stack>
      {description && <Text as="p" block styles={{ root: { margin: 0 } }}>{description}</Text>}
      {children}
    </Stack>
  );
}
