/** The icon module the workbench bundler generates (bygg.ts, workbenchPlugin). */
declare module 'workbench-ikoner' {
  import * as React from 'react';
  export const IKONER: Record<string, React.FunctionComponent<object>>;
}
