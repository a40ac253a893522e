import * as React from 'react';
import { CommandBar, ICommandBarItemProps, MessageBar, MessageBarType, Panel, PanelType, Pivot, PivotItem, Text } from '@fluentui/react';
import * as strings from 'ArendebalansWebPartStrings';
import { addDays, format, parseISO } from 'date-fns';
import { IsoDate } from '../../../domain/dates';
import { IMotesTjanst } from '../../../data/moten/typer';
import { IProtokollTjanst } from '../../../data/moten/ProtokollTjanst';
import { IRedovisningTjanst } from '../../../data/redovisning/RedovisningTjanst';
import { IRadBrist, IUppdragTjanst } from '../../../data/uppdrag/UppdragTjanst';
import { fyll, tidpunkt } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { PartShell } from '../../../ui/PartShell';
import { useFranCache } from '../../../ui/useFranCache';
import { useLaddning } from '../../../ui/useLaddning';
import { UppdragDetalj } from './detalj/UppdragDetalj';
import { AndratSedan, IAndratSedanProps, StatusOversikt, UppdragVy } from './lista';
import { ImportPanel, ProtokollPanel } from './import';
import { RedovisningPanel } from './redovisning';
/** Only the meeting list is needed here, so a test or another host passes just that. */
type Motesdatum = Pick<IMotesTjanst, 'hamtaSammantraden'>;

export interface IArendebalansAppProps {
  tjanst: IUppdragTjanst;
  redovisningTjanst: IRedovisningTjanst;
  /** Justerade protokoll to propose uppdrag from. */
  protokollTjanst?: IProtokollTjanst;
  /** For "ändrat sedan": the last KS sammanträde is where the readers last looked at the list. */
  motesTjanst?: Motesdatum;
  idag: IsoDate;
  dagarTillInaktuell: number;
  /** Opens this uppdrag at start: a Teams deep link or `?uppdrag=` on the SharePoint page. */
  oppnaId?: number;
  /** A link that opens one uppdrag, for sharing. */
  lankTill?: (id: number) => string;
}

type Verktyg = 'redovisning' | 'import' | 'protokoll';

/** The date "ändrat sedan" starts from: the last KS meeting, else a month back. */
function useSenasteKsMote(motesTjanst: Motesdatum | undefined, idag: IsoDate): IsoDate {
  const { data } = useLaddning(async () => {
    if (!motesTjanst) return undefined;
    const { tidigare } = await motesTjanst.hamtaSammantraden(idag);
    return tidigare.find((m) => m.organ === 'Kommunstyrelsen')?.datum;
  }, [motesTjanst, idag]);
  return data ?? format(addDays(parseISO(idag), -30), 'yyyy-MM-dd');
}

/** "Ändrat sedan" as a tab: the meeting list is read only when a reader opens it. */
function AndratSedanFlik({ motesTjanst, ...props }: Omit<IAndratSedanProps, 'standardFran'> & { motesTjanst?: Motesdatum }): JSX.Element {
  const standardFran = useSenasteKsMote(motesTjanst, props.idag);
  return <AndratSedan {...props} standardFran={standardFran} />;
}

export function ArendebalansApp(props: IArendebalansAppProps): JSX.Element {
  const { tjanst, redovisningTjanst, protokollTjanst, motesTjanst, idag, dagarTillInaktuell, oppnaId, lankTill } = props;
  const { data, fel, laddar, laddaOm } = useLaddning(() => tjanst.hamtaAlla(), [tjanst]);
  const { data: kanRedigera } = useLaddning(() => tjanst.kanRedigera(), [tjanst]);
  const [oppet, satOppet] = React.useState<number | undefined>(oppnaId);
  const [verktyg, satVerktyg] = React.useState<Verktyg | undefined>();
  const uppdrag = React.useMemo(() => (data?.rader ?? []).map((r) => r.uppdrag), [data]);
  const brister = React.useMemo(() => new Map<number, readonly IRadBrist[]>(
    (data?.rader ?? []).filter((r) => r.brister && r.brister.length > 0).map((r) => [r.uppdrag.id, r.brister!])), [data]);
  // When SharePoint cannot be reached the offline cache (src/data/cache) answers with the last view:
  // it is said with its time, and nothing that writes is offered, so nobody works on what cannot be saved.
  const franCache = useFranCache();
  const skrivskydd = franCache ? fyll(strings.SkrivskyddCache, tidpunkt(franCache.hamtad)) : undefined;

  const skrivbar = (item: ICommandBarItemProps): ICommandBarItemProps => ({ ...item, disabled: !!skrivskydd, title: skrivskydd });
  const kommandon: ICommandBarItemProps[] = kanRedigera ? [
    skrivbar({ key: 'redovisning', text: strings.KommandoRedovisning, iconProps: { iconName: 'ReportDocument' }, onClick: () => satVerktyg('redovisning') }),
    skrivbar({ key: 'import', text: strings.KommandoImport, iconProps: { iconName: 'Import' }, onClick: () => satVerktyg('import') }),
    skrivbar({ key: 'protokoll', text: strings.KommandoProtokoll, iconProps: { iconName: 'TextDocument' }, onClick: () => satVerktyg('protokoll') })
  ] : [];
  const efterSkapande = (): void => { satVerktyg(undefined); laddaOm(); };

  return (
    <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
      {franCache && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {fyll(strings.FranCache, tidpunkt(franCache.hamtad))}
        </MessageBar>
      )}
      {kommandon.length > 0 && <CommandBar items={kommandon} ariaLabel={strings.KommandonEtikett} />}
      {kommandon.length > 0 && skrivskydd && <Text as="p" block>{skrivskydd}</Text>}
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} />
      {data && data.felaktiga.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {fyll(strings.FelaktigaRader, data.felaktiga.length)}{' '}
          {data.felaktiga.slice(0, 5).map((f) => `${f.rubrik.trim() || `#${f.id}`} (${f.problem.trim() ? f.problem : strings.IngenStatus})`).join('; ')}
        </MessageBar>
      )}
      {brister.size > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fyll(strings.FelaktigaFalt, brister.size)}</MessageBar>
      )}
      {data && (
        <Pivot>
          <PivotItem headerText={strings.FlikLista} itemKey="lista">
            <UppdragVy uppdrag={uppdrag} idag={idag} dagarTillInaktuell={dagarTillInaktuell} onOppna={satOppet} brister={brister} />
          </PivotItem>
          <PivotItem headerText={strings.FlikAndratSedan} itemKey="andrat">
            <AndratSedanFlik uppdrag={uppdrag} tjanst={tjanst} motesTjanst={motesTjanst} idag={idag} onOppna={satOppet} />
          </PivotItem>
          <PivotItem headerText={strings.FlikOversikt} itemKey="oversikt">
            <StatusOversikt uppdrag={uppdrag} idag={idag} />
          </PivotItem>
        </Pivot>
      )}
      {oppet !== undefined && (
        <UppdragDetalj tjanst={tjanst} id={oppet} idag={idag} dagarTillInaktuell={dagarTillInaktuell} kanRedigera={kanRedigera === true}
          skrivskydd={skrivskydd} lank={lankTill?.(oppet)} onStang={() => satOppet(undefined)} onSparat={laddaOm} />
      )}
      {verktyg === 'redovisning' && (
        <Panel isOpen type={PanelType.large} onDismiss={() => satVerktyg(undefined)} headerText={strings.KommandoRedovisning} closeButtonAriaLabel={strings.Stang}>
          <RedovisningPanel uppdragTjanst={tjanst} redovisningTjanst={redovisningTjanst} idag={idag} />
        </Panel>
      )}
      {verktyg === 'import' && <ImportPanel uppdragTjanst={tjanst} onKlar={efterSkapande} onStang={() => satVerktyg(undefined)} />}
      {verktyg === 'protokoll' && (
        <ProtokollPanel uppdragTjanst={tjanst} protokollTjanst={protokollTjanst} onKlar={efterSkapande} onStang={() => satVerktyg(undefined)} />
      )}
    </PartShell>
  );
}
