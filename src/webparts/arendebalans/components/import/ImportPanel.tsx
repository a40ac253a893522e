import * as React from 'react';
import { Checkbox, DefaultButton, Dropdown, IDropdownOption, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, Spinner, SpinnerSize, Stack, Text } from '@fluentui/react';
import * as strings from 'ArendebalansImportStrings';
import { foreslaMappning, granskaRader, IGranskadRad, ImportFalt, IMPORT_FALT, Kolumnmappning, OBLIGATORISKA_FALT } from '../../../../domain/importera';
import { tolkaDataFel } from '../../../../data/fel';
import type { ITabell } from '../../../../data/uppdrag/lasaFiler';
import { IUppdragTjanst } from '../../../../data/uppdrag/UppdragTjanst';
import { UPPDRAG_STATUS_VAL } from '../../../../schema/uppdrag';
import { felText } from '../../../../ui/felText';
import { fyll } from '../../../../ui/format';
import { filensBytes, IFilLasare, lataFilLasare } from './filLasare';
import { FOT_MED_BAKGRUND } from '../../../../ui/panelStilar';
import { faltText, problemText } from './texter';

export interface IImportPanelProps {
  uppdragTjanst: IUppdragTjanst;
  /** Called after a successful import with the number of rows created. */
  onKlar: (antalSkapade: number) => void;
  onStang: () => void;
  /** Tests give their own; the default loads exceljs lazily. */
  filLasare?: IFilLasare;
}

const INGEN = -1;
const cellStil: React.CSSProperties = { textAlign: 'left', verticalAlign: 'top', padding: '4px 8px', borderBottom: '1px solid #edebe9' };

/** Excel import: choose file, check the column mapping, read the report row by row, import all or none. */
export function ImportPanel({ uppdragTjanst, onKlar, onStang, filLasare = lataFilLasare }: IImportPanelProps): JSX.Element {
  const [tabell, satTabell] = React.useState<ITabell>();
  const [mappning, satMappning] = React.useState<Kolumnmappning>({});
  const [utelamnade, satUtelamnade] = React.useState<ReadonlySet<number>>(new Set());
  const [befintliga, satBefintliga] = React.useState<ReadonlySet<string>>(new Set());
  const [laser, satLaser] = React.useState(false);
  const [sparar, satSparar] = React.useState(false);
  const [fel, satFel] = React.useState<string>();

  const valjFil = async (e: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const fil = e.target.files?.[0];
    if (!fil) return;
    satFel(undefined);
    satTabell(undefined);
    satUtelamnade(new Set());
    satLaser(true);
    try {
      const t = await filLasare.lasaExcel(await filensBytes(fil));
      if (t.rader.length === 0) satFel(strings.TomFil);
      else {
        satTabell(t);
        satMappning(foreslaMappning(t.rubriker));
      }
    } catch {
      satFel(strings.ExcelKundeInteLasas);
    } finally {
      satLaser(false);
    }
  };

  const granskade: IGranskadRad[] = React.useMemo(
    () => (tabell ? granskaRader(tabell.rader, mappning, UPPDRAG_STATUS_VAL) : []),
    [tabell, mappning]
  );

  // Rows already imported (by source key) are shown as such and skipped, not reported as errors.
  const nycklar = granskade.map((r) => r.kallNyckel).filter((n): n is string => !!n).join('\n');
  React.useEffect(() => {
    let aktiv = true;
    if (!nycklar) {
      satBefintliga(new Set());
      return;
    }
    uppdragTjanst.befintligaKallNycklar(nycklar.split('\n')).then(
      (s) => { if (aktiv) satBefintliga(s); },
      (f: unknown) => { if (aktiv) satFel(felText(tolkaDataFel(f).orsak)); }
    );
    return () => { aktiv = false; };
  }, [nycklar, uppdragTjanst]);

  const medtagna = granskade.filter((r) => !utelamnade.has(r.radnummer));
  const medFel = granskade.filter((r) => r.problem.length > 0);
  const finns = granskade.filter((r) => r.kallNyckel && befintliga.has(r.kallNyckel));
  const attSkapa = medtagna.filter((r) => r.uppdrag && r.kallNyckel && !befintliga.has(r.kallNyckel));
  const kanImportera = medtagna.every((r) => r.problem.length === 0) && attSkapa.length > 0 && !sparar;

  const importera = async (): Promise<void> => {
    satSparar(true);
    satFel(undefined);
    try {
      const svar = await uppdragTjanst.skapa(attSkapa.map((r) => ({ uppdrag: r.uppdrag!, kallNyckel: r.kallNyckel! })));
      onKlar(svar.filter((s) => s.nytt).length);
    } catch (f) {
      satFel(fyll(strings.IngetSkapades, felText(tolkaDataFel(f).orsak)));
    } finally {
      satSparar(false);
    }
  };

  const kolumnval: IDropdownOption[] = [
    { key: INGEN, text: strings.IngenKolumn },
    ...(tabell?.rubriker ?? []).map((r, i) => ({ key: i, text: r || fyll(strings.KolumnUtanRubrik, i + 1) }))
  ];
  const byt = (falt: ImportFalt, kolumn: number): void => {
    satMappning((m) => {
      const ny: Kolumnmappning = { ...m };
      if (kolumn === INGEN) delete ny[falt];
      else ny[falt] = kolumn;
      return ny;
    });
  };

  const vaxla = (radnummer: number, taMed: boolean): void => {
    satUtelamnade((s) => {
      const ny = new Set(s);
      if (taMed) ny.delete(radnummer);
      else ny.add(radnummer);
      return ny;
    });
  };

  const fot = (
    <Stack horizontal tokens={{ childrenGap: 8 }}>
      <PrimaryButton text={sparar ? strings.Sparar : fyll(strings.Importera, attSkapa.length)} disabled={!kanImportera} onClick={() => { void importera(); }} />
      <DefaultButton text={strings.Avbryt} onClick={onStang} disabled={sparar} />
    </Stack>
  );

  return (
    <Panel isOpen type={PanelType.large} headerText={strings.ImportRubrik} closeButtonAriaLabel={strings.Stang}
      onDismiss={onStang} onRenderFooterContent={() => fot} isFooterAtBottom
      styles={FOT_MED_BAKGRUND}>
      <Stack tokens={{ childrenGap: 16 }}>
        <Text as="p" block>{strings.ImportBeskrivning}</Text>
        <Stack tokens={{ childrenGap: 4 }}>
          <label htmlFor="uppdrag-import-fil"><Text variant="medium" styles={{ root: { fontWeight: 600 } }}>{strings.ValjExcelfil}</Text></label>
          <input id="uppdrag-import-fil" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => { void valjFil(e); }} disabled={laser || sparar} />
        </Stack>
        {laser && <Spinner size={SpinnerSize.medium} label={strings.LaserFil} ariaLive="polite" />}
        {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{fel}</MessageBar>}
        {tabell && (
          <>
            <Stack tokens={{ childrenGap: 8 }}>
              <Text as="h3" variant="large" block>{strings.KolumnerRubrik}</Text>
              <Text as="p" block>{strings.KolumnerBeskrivning}</Text>
              <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
                {IMPORT_FALT.map((falt) => (
                  <Dropdown key={falt} styles={{ root: { width: 220 } }}
                    label={OBLIGATORISKA_FALT.indexOf(falt) >= 0 ? fyll(strings.Obligatoriskt, faltText(falt)) : faltText(falt)}
                    options={kolumnval} selectedKey={mappning[falt] ?? INGEN}
                    onChange={(_e, o) => { if (o) byt(falt, Number(o.key)); }} />
                ))}
              </Stack>
            </Stack>
            <Stack tokens={{ childrenGap: 8 }}>
              <Text as="h3" variant="large" block>{strings.GranskningRubrik}</Text>
              <Text as="p" block role="status">
                {fyll(strings.Sammanfattning, granskade.length, granskade.length - medFel.length - finns.length, medFel.length, finns.length)}
              </Text>
              {medtagna.some((r) => r.problem.length > 0) && (
                <MessageBar messageBarType={MessageBarType.warning} isMultiline
                  actions={<DefaultButton text={strings.UteslutFelaktiga} onClick={() => satUtelamnade(new Set([...utelamnade, ...medFel.map((r) => r.radnummer)]))} />}>
                  {strings.RattaForst}
                </MessageBar>
              )}
              <table style={{ borderCollapse: 'collapse', width: '100%' }}>
                <caption style={{ textAlign: 'left', position: 'absolute', left: -10000 }}>{strings.GranskningRubrik}</caption>
                <thead>
                  <tr>
                    <th scope="col" style={cellStil}>{strings.KolTaMed}</th>
                    <th scope="col" style={cellStil}>{strings.KolRad}</th>
                    <th scope="col" style={cellStil}>{strings.KolArende}</th>
                    <th scope="col" style={cellStil}>{strings.KolGranskning}</th>
                  </tr>
                </thead>
                <tbody>
                  {granskade.map((r) => {
                    const finnsRedan = !!r.kallNyckel && befintliga.has(r.kallNyckel);
                    return (
                      <tr key={r.radnummer}>
                        <td style={cellStil}>
                          <Checkbox ariaLabel={fyll(strings.TaMedRad, r.radnummer)} checked={!utelamnade.has(r.radnummer)}
                            onChange={(_e, v) => vaxla(r.radnummer, !!v)} disabled={sparar} />
                        </td>
                        <td style={cellStil}>{r.radnummer}</td>
                        <td style={cellStil}>{r.rubrik}</td>
                        <td style={cellStil}>
                          {r.problem.length > 0
                            ? <ul style={{ margin: 0, paddingLeft: 16 }}>{r.problem.map((p, i) => <li key={i}>{problemText(p)}</li>)}</ul>
                            : finnsRedan ? strings.FinnsRedan : strings.UtanFel}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </Stack>
          </>
        )}
      </Stack>
    </Panel>
  );
}
