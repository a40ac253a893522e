/**
 * Peer 2 of the size and rendering benches (issue 8): the same view with the PnP reusable
 * controls' ListView (@pnp/spfx-controls-react), its own filter box for the text search and a
 * Fluent Dropdown for the status, the same columns as our Ärendebalanslista, sortable like ours.
 */
import * as React from 'react';
import { Dropdown, IDropdownOption, Link, Stack, Text } from '@fluentui/react';
import { IViewField, ListView, SelectionMode } from '@pnp/spfx-controls-react/lib/ListView';
import { IListRad, STATUSAR } from '../listRad';

const ALLA = '';

const FALT: IViewField[] = [
  {
    name: 'rubrik', displayName: 'Rubrik', minWidth: 200, isMultiline: true, sorting: true,
    render: (r: IListRad) => (
      <Stack>
        <Link>{r.rubrik}</Link>
        {r.diarienummer && <Text variant="small">Dnr {r.diarienummer}</Text>}
      </Stack>
    )
  },
  { name: 'beslut', displayName: 'Beslut', minWidth: 120, sorting: true },
  { name: 'forvaltning', displayName: 'Förvaltning', minWidth: 140, isMultiline: true, sorting: true },
  { name: 'status', displayName: 'Status', minWidth: 180, sorting: true },
  { name: 'planeratKlart', displayName: 'Planerat klart', minWidth: 100, sorting: true },
  { name: 'senastAndrad', displayName: 'Senast ändrad', minWidth: 100, sorting: true }
];

const STATUSVAL: IDropdownOption[] = [{ key: ALLA, text: 'Alla' }, ...STATUSAR.map((s) => ({ key: s, text: s }))];

export function PnpLista({ rader }: { rader: IListRad[] }): JSX.Element {
  const [status, satStatus] = React.useState(ALLA);
  const synliga = React.useMemo(() => (status === ALLA ? rader : rader.filter((r) => r.status === status)), [rader, status]);
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Dropdown ariaLabel="Status" options={STATUSVAL} selectedKey={status} onChange={(_e, v) => v && satStatus(String(v.key))}
        styles={{ root: { maxWidth: 240 } }} />
      <ListView items={synliga} viewFields={FALT} selectionMode={SelectionMode.none} showFilter filterPlaceHolder="Sök" compact={false} />
    </Stack>
  );
}
