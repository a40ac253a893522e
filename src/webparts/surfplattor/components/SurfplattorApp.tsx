import * as React from 'react';
import { DetailsList, DetailsListLayoutMode, Dropdown, IColumn, IDropdownOption, MessageBar, MessageBarType, SearchBox, SelectionMode, Stack, Text } from '@fluentui/react';
import * as strings from 'SurfplattorWebPartStrings';
import { ISurfplatta, ISurfplattaTjanst } from '../../../data/surfplattor/SurfplattaTjanst';
import { ENHETSSTATUSAR } from '../../../schema/surfplattor';
import { EmptyState } from '../../../ui/EmptyState';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { PartShell } from '../../../ui/PartShell';
import { useLaddning } from '../../../ui/useLaddning';

export interface ISurfplattorAppProps {
  tjanst: ISurfplattaTjanst;
}

const ALLA = '';

export function SurfplattorApp({ tjanst }: ISurfplattorAppProps): JSX.Element {
  const { data, fel, laddar, laddaOm } = useLaddning(() => tjanst.hamtaRegister(), [tjanst]);
  const [sok, satSok] = React.useState('');
  const [status, satStatus] = React.useState(ALLA);
  const kolumner = React.useMemo<IColumn[]>(() => [
    { key: 'stold', name: strings.KolumnStoldmarkning, fieldName: 'stoldmarkning', minWidth: 90, isRowHeader: true },
    { key: 'serie', name: strings.KolumnSerienummer, fieldName: 'serienummer', minWidth: 110 },
    { key: 'modell', name: strings.KolumnModell, fieldName: 'modell', minWidth: 150 },
    { key: 'sim', name: strings.KolumnSim, fieldName: 'simAbonnemang', minWidth: 140 },
    { key: 'status', name: strings.KolumnStatus, fieldName: 'status', minWidth: 90 }
  ], []);
  const statusval = React.useMemo<IDropdownOption[]>(() => [
    { key: ALLA, text: strings.AllaStatusar }, ...ENHETSSTATUSAR.map((s) => ({ key: s, text: s }))
  ], []);
  const synliga = React.useMemo(() => {
    const s = sok.trim().toLowerCase();
    return (data ?? []).filter((p) => (status === ALLA || p.status === status) &&
      (!s || [p.stoldmarkning, p.serienummer, p.modell].some((v) => v.toLowerCase().includes(s))));
  }, [data, sok, status]);

  // The register is not shared with ledamöter: SharePoint hides the list from them.
  if (fel && (fel.orsak === 'saknas' || fel.orsak === 'behorighet')) {
    return (
      <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
        <MessageBar messageBarType={MessageBarType.info} isMultiline>{strings.EndastKommunservice}</MessageBar>
      </PartShell>
    );
  }
  return (
    <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} />
      {data && data.length === 0 && (
        <EmptyState iconName="Tablet" title={strings.TomRubrik}>
          <Text as="p" block>{strings.TomText}</Text>
        </EmptyState>
      )}
      {data && data.length > 0 && (
        <>
          <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
            <SearchBox placeholder={strings.Sok} ariaLabel={strings.Sok} value={sok} onChange={(_e, v) => satSok(v ?? '')} styles={{ root: { minWidth: 280 } }} />
            <Dropdown label={strings.FiltreraStatus} options={statusval} selectedKey={status} onChange={(_e, o) => satStatus(String(o?.key ?? ALLA))} styles={{ root: { minWidth: 160 } }} />
          </Stack>
          <Text role="status">{fyll(strings.Antal, synliga.length, data.length)}</Text>
          {synliga.length === 0
            ? <EmptyState iconName="Search" title={strings.IngenTraff} />
            : <DetailsList items={synliga} columns={kolumner} selectionMode={SelectionMode.none} layoutMode={DetailsListLayoutMode.justified}
              ariaLabelForGrid={strings.ListEtikett} getKey={(p: ISurfplatta) => String(p.id)} />}
        </>
      )}
    </PartShell>
  );
}
