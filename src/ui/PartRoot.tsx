import * as React from 'react';
import { MessageBar, MessageBarType, PartialTheme, ThemeProvider } from '@fluentui/react';
import * as strings from 'CommonStrings';

export interface IPartRootProps {
  /** SharePoint's section theme or a Teams theme; Fluent's default when absent. */
  theme?: PartialTheme;
  children: React.ReactNode;
}

interface IFelgransState {
  fel?: Error;
}

/** Catches a render error so one broken part shows a Swedish message instead of an empty page. */
class Felgrans extends React.Component<{ children: React.ReactNode }, IFelgransState> {
  public state: IFelgransState = {};

  public static getDerivedStateFromError(fel: Error): IFelgransState {
    return { fel };
  }

  public render(): React.ReactNode {
    if (this.state.fel) {
      return (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          <strong>{strings.FelRubrik}. </strong>{strings.FelOkant}
        </MessageBar>
      );
    }
    return this.props.children;
  }
}

/** Every web part's and extension's React tree starts here: theme, then error boundary. */
export function PartRoot({ theme, children }: IPartRootProps): JSX.Element {
  return (
    <ThemeProvider theme={theme} applyTo="element">
      <Felgrans>{children}</Felgrans>
    </ThemeProvider>
  );
}
