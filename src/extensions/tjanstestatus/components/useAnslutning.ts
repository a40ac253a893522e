import * as React from 'react';

/** Follows the browser's online state; the banner shows while it is false. */
export function useAnslutning(): boolean {
  const [online, setOnline] = React.useState<boolean>(typeof navigator === 'undefined' ? true : navigator.onLine);
  React.useEffect(() => {
    const uppkopplad = (): void => setOnline(true);
    const nere = (): void => setOnline(false);
    window.addEventListener('online', uppkopplad);
    window.addEventListener('offline', nere);
    return () => {
      window.removeEventListener('online', uppkopplad);
      window.removeEventListener('offline', nere);
    };
  }, []);
  return online;
}
