/**
 * Peer 1 of the size bench (issue 8), the floor for a filterable list: Fluent UI's DetailsList,
 * a SearchBox over rubrik and diarienummer and a status Dropdown, the same columns as our
 * Ärendebalanslista, nothing else.
 */
import * as React from 'react';
import { DetailsList, DetailsListLayoutMode, Dropdown, IColumn, IDropdownOption, Link, SearchBox, SelectionMode, Stack, Text } from '@fluentui/react';
import { IListRad, STATUSAR } from '../listRad';

const ALLA = '';

const KOLUMNER: IColumn[] = [
  {
    key: 'rubrik', name: 'Rubrik', minWidth: 200, isMultiline: true, isRowHeader: true,
    onRender: (r: IListRad) => (
      <Stack>
        <Link>{r.rubrik}</Link>
        {r.diarienummer && <Text variant="small">Dnr {r.diarienummer}</Text>}
      </Stack>
    )
  },
  { key: 'beslut', name: 'Beslut', fieldName: 'beslut', minWidth: 120 },
  { key: 'forvaltning', name: 'Förvaltning', fieldName: 'forvaltning', minWidth: 140, isMultiline: true },
  { key: 'status', name: 'Status', fieldName: 'status', minWidth: 180 },
  { key: 'planeratKlart', name: 'Planerat klart', fieldName: 'planeratKlart', minWidth: 100 },
  { key: 'senastAndrad', name: 'Senast ändrad', fieldName: 'senastAndrad', minWidth: 100 }
];

const STATUSVAL: IDropdownOption[] = [{ key: ALLA, text: 'Alla' }, ...STATUSAR.map((s) => ({ key: s, text: s }))];

export function FluentLista({ rader }: { rader: IListRad[] }): JSX.Element {
  const [sok, satSok] = React.useState('');
  const [status, satStatus] = React.useState(ALLA);
  const synliga = React.useMemo(() => {
    const term = sok.trim().toLowerCase();
    return rader.filter((r) => (status === ALLA || r.status === status) &&
      (term === '' || `${r.rubrik} ${r.diarienummer ?? ''}`.toLowerCase().indexOf(term) >= 0));
  }, [rader, sok, status]);
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
        <SearchBox placeholder="Sök" value={sok} onChange={(_e, v) => satSok(v ?? '')} styles={{ root: { minWidth: 240 } }} />
        <Dropdown ariaLabel="Status" options={STATUSVAL} selectedKey={status} onChange={(_e, v) => v && satStatus(String(v.key))}
          styles={{ root: { minWidth: 180 } }} />
      </Stack>
      <DetailsList items={synliga} columns={KOLUMNER} selectionMode={SelectionMode.none} layoutMode={DetailsListLayoutMode.justified}
        getKey={(r: IListRad) => String(r.id)} setKey="uppdrag" />
    </Stack>
  );
}
