/**
 * The log of the last 30 days (seed 004 §5.3: the public may ask for it): the metadata of every
 * mail and what was done, exported as CSV or Excel. The exporter (papaparse, exceljs) loads only
 * when asked for. The mail system's own trace is the authoritative log; the note says so.
 */
import * as React from 'react';
import {
  DefaultButton, DetailsList, DetailsListLayoutMode, IColumn, MessageBar, MessageBarType, SelectionMode, Spinner, SpinnerSize, Stack, Text
} from '@fluentui/react';
import * as strings from 'EpostrutinWebPartStrings';
import { IEpostrutinTjanst } from '../../../data/epost/typer';
import { IsoDate } from '../../../domain/dates';
import { ILoggrad, LOGGDAGAR, loggStart } from '../../../domain/epostrutin';
import { EmptyState } from '../../../ui/EmptyState';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { useLaddning } from '../../../ui/useLaddning';
import { loggatgardText, loggExportTexter, mappnamn, tidpunkt } from './texter';

type Filtyp = 'csv' | 'xlsx';

/** Hands a file to the browser's download, through an object URL that is let go afterwards. */
function laddaNed(innehall: string | Uint8Array, mime: string, namn: string): void {
  const lank = document.createElement('a');
  lank.href = URL.createObjectURL(new Blob([innehall], { type: mime }));
  lank.download = namn;
  document.body.appendChild(lank);
  lank.click();
  lank.remove();
  setTimeout(() => URL.revokeObjectURL(lank.href), 60000);
}

export function Logg({ tjanst, idag }: { tjanst: IEpostrutinTjanst; idag: IsoDate }): JSX.Element {
  const { data, fel, laddar, laddaOm } = useLaddning(() => tjanst.hamtaLogg(idag), [tjanst, idag]);
  const [exporterar, satExporterar] = React.useState<Filtyp>();
  const [exportfel, satExportfel] = React.useState(false);
  const monterad = React.useRef(true);
  React.useEffect(() => () => { monterad.current = false; }, []);

  const exportera = async (typ: Filtyp): Promise<void> => {
    if (!data) return;
    satExporterar(typ);
    satExportfel(false);
    try {
      // Loaded on demand: the CSV and Excel writers are large and only this button needs them.
      const modul = await import(/* webpackChunkName: 'epost-logg-export' */ '../../../data/epost/loggExport');
      const texter = loggExportTexter();
      const innehall = typ === 'csv' ? modul.byggCsv(data, texter) : await modul.byggXlsx(data, texter);
      laddaNed(innehall, typ === 'csv' ? modul.CSV_TYP : modul.XLSX_TYP, modul.filnamn(idag, typ));
    } catch {
      if (monterad.current) satExportfel(true);
    } finally {
      if (monterad.current) satExporterar(undefined);
    }
  };

  const kolumner = React.useMemo<IColumn[]>(() => [
    { key: 'datum', name: strings.KolumnDatum, minWidth: 110, maxWidth: 130, onRender: (r: ILoggrad) => tidpunkt(r.datum) },
    { key: 'mapp', name: strings.KolumnMapp, minWidth: 80, maxWidth: 100, onRender: (r: ILoggrad) => mappnamn(r.mapp) },
    { key: 'fran', name: strings.KolumnFran, fieldName: 'fran', minWidth: 120, maxWidth: 200, isMultiline: true },
    { key: 'till', name: strings.KolumnTill, fieldName: 'till', minWidth: 120, maxWidth: 200, isMultiline: true },
    { key: 'amne', name: strings.KolumnAmne, minWidth: 160, isMultiline: true, isRowHeader: true, onRender: (r: ILoggrad) => r.amne || strings.UtanAmne },
    { key: 'atgard', name: strings.KolumnGjort, minWidth: 110, isMultiline: true, onRender: (r: ILoggrad) => loggatgardText(r.atgard, r.klar) },
    { key: 'hanterad', name: strings.KolumnHanterad, minWidth: 110, maxWidth: 130, onRender: (r: ILoggrad) => tidpunkt(r.hanterad) },
    { key: 'notering', name: strings.KolumnNotering, fieldName: 'notering', minWidth: 120, isMultiline: true }
  ], []);

  return (
    <Stack tokens={{ childrenGap: 12 }} styles={{ root: { paddingTop: 12 } }}>
      <MessageBar messageBarType={MessageBarType.info} isMultiline>{fyll(strings.LoggNotis, LOGGDAGAR)}</MessageBar>
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} egnaTexter={{ behorighet: strings.FelBehorighet }} />
      {data && (
        <>
          <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
            <DefaultButton text={strings.ExporteraCsv} iconProps={{ iconName: 'Download' }} disabled={exporterar !== undefined} onClick={() => void exportera('csv')} />
            <DefaultButton text={strings.ExporteraExcel} iconProps={{ iconName: 'Table' }} disabled={exporterar !== undefined} onClick={() => void exportera('xlsx')} />
            {exporterar && <Spinner size={SpinnerSize.small} label={strings.Exporterar} labelPosition="right" />}
          </Stack>
          {exportfel && (
            <MessageBar messageBarType={MessageBarType.error} isMultiline onDismiss={() => satExportfel(false)} dismissButtonAriaLabel={strings.Stang}>
              {strings.ExportFel}
            </MessageBar>
          )}
          <Text role="status" block>{fyll(strings.LoggAntal, data.length, loggStart(idag), idag)}</Text>
          {data.length === 0
            ? <EmptyState iconName="History" title={fyll(strings.LoggTom, LOGGDAGAR)} />
            : <DetailsList items={data} columns={kolumner} selectionMode={SelectionMode.none} layoutMode={DetailsListLayoutMode.justified}
              ariaLabelForGrid={fyll(strings.LoggEtikett, LOGGDAGAR)} onShouldVirtualize={() => data.length > 200} />}
        </>
      )}
    </Stack>
  );
}
