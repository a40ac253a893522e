import * as React from 'react';
import { FontIcon, Stack, Text } from '@fluentui/react';
import * as strings from 'ArendebalansWebPartStrings';
import { IUppdragHandelse, RedigerbartFalt } from '../../../../domain/uppdrag';
import { fyll } from '../../../../ui/format';
import { faltnamn, visatVarde } from './texter';

const TIDSFORMAT = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

/** Who changed what and when, newest first; a later planned date is marked as a slip. */
export function Historik({ handelser }: { handelser: IUppdragHandelse[] }): JSX.Element {
  const medAndringar = handelser.filter((h) => Object.keys(h.andringar).length > 0);
  if (medAndringar.length === 0) {
    return <Text as="p">{strings.IngenHistorik}</Text>;
  }
  return (
    <ol aria-label={strings.RubrikHistorik} style={{ margin: 0, paddingLeft: 20 }}>
      {medAndringar.map((h) => (
        <li key={h.version} style={{ marginBottom: 8 }}>
          <Text block variant="small">
            {isNaN(Date.parse(h.nar)) ? h.nar : TIDSFORMAT.format(new Date(h.nar))} · {h.vem} · {h.version}
          </Text>
          <Stack tokens={{ childrenGap: 2 }}>
            {(Object.entries(h.andringar) as Array<[RedigerbartFalt, [string | undefined, string | undefined]]>).map(([falt, [fore, efter]]) => {
              const flyttat = falt === 'planeratKlart' && fore !== undefined && efter !== undefined && efter > fore;
              return (
                <Text key={falt} block>
                  {flyttat && <FontIcon iconName="Warning" aria-hidden="true" style={{ marginRight: 4 }} />}
                  {fyll(strings.HistorikRad, `${faltnamn(falt)}:`, visatVarde(falt, fore), visatVarde(falt, efter))}
                </Text>
              );
            })}
          </Stack>
        </li>
      ))}
    </ol>
  );
}
