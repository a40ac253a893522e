import * as React from 'react';
import { getId, Label, Text, useTheme } from '@fluentui/react';

export interface IFilValProps {
  etikett: string;
  onVal: (fil: File | undefined) => void;
  felmeddelande?: string;
  disabled?: boolean;
  accept?: string;
}

/** The browser's own file input with a real label and its error tied to it (Fluent v8 has none). */
export function FilVal({ etikett, onVal, felmeddelande, disabled, accept }: IFilValProps): JSX.Element {
  const [id] = React.useState(() => getId('fil'));
  const theme = useTheme();
  return (
    <div>
      <Label htmlFor={id} required>{etikett}</Label>
      <input id={id} type="file" accept={accept} disabled={disabled}
        aria-invalid={felmeddelande ? true : undefined} aria-describedby={felmeddelande ? `${id}-fel` : undefined}
        onChange={(e) => onVal(e.currentTarget.files?.[0] ?? undefined)} />
      {felmeddelande && (
        <Text id={`${id}-fel`} role="alert" variant="small" block styles={{ root: { color: theme.semanticColors.errorText, marginTop: 4 } }}>
          {felmeddelande}
        </Text>
      )}
    </div>
  );
}
