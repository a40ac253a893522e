import * as React from 'react';
import { CommandBar, Dropdown, ICommandBarItemProps, IDropdownOption, MessageBar, MessageBarType, Pivot, PivotItem, Stack } from '@fluentui/react';
import * as strings from 'MotesportalWebPartStrings';
import { IsoDate } from '../../../domain/dates';
import { Fristlage } from '../../../domain/justering';
import { IAnslag, IAnslagTjanst, IJusteringTjanst, IMotesRedigering, IMotesTjanst, ISammantrade } from '../../../data/moten/typer';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { PartShell } from '../../../ui/PartShell';
import { useFranCache } from '../../../ui/useFranCache';
import { useLaddning } from '../../../ui/useLaddning';
import { Anslagstavla } from './Anslagstavla';
import { IBesokslager, lokaltBesokslager } from './besok';
import { MotesLista, useJusteringsflaggor } from './MotesLista';
import { MotesVy } from './MotesVy';
import { lataMotespaket, MotespaketByggare } from './motespaket';
import { NyttSammantrade } from './NyttSammantrade';
import { tidpunkt } from './texter';

export interface IMotesportalAppProps {
  tjanst: IMotesTjanst;
  /** The nämndsekreterare's writes (MotesTjanst implements both); offered only when `behorighet().kanRedigera`. */
  redigering?: IMotesRedigering;
  justering: IJusteringTjanst;
  anslag: IAnslagTjanst;
  idag: IsoDate;
  /** Where the last visit of each meeting is kept; localStorage by default. */
  besok?: IBesokslager;
  /** Builds the meeting package; by default the data layer's, loaded lazily. */
  motespaket?: MotespaketByggare;
  /** The clock for the last-visit instant; tests fix it. */
  nu?: () => Date;
  /** Opens this meeting at start: `?sammantrade=` on the page or a Teams sub-entity. */
  oppnaId?: number;
  /** A link that opens one meeting, for sharing. */
  lankTill?: (id: number) => string;
}

const ALLA = '';
const systemtid = (): Date => new Date();

/** The secretary's portal completes justeringar that ledamöter finished but may not post (KL 8 kap. 12 §). */
function useTillkannagivanden(justering: IJusteringTjanst, kanRedigera: boolean, idag: IsoDate): { anslag?: IAnslag[]; fel?: boolean } {
  const { data, fel } = useLaddning(async () => (kanRedigera ? justering.tillkannageJusterade(idag) : []), [justering, kanRedigera, idag]);
  return { anslag: data, fel: !!fel };
}

function Flik({ moten, etikett, tomRubrik, idag, organ, onOppna, flaggor }: {
  moten: ISammantrade[]; etikett: string; tomRubrik: string; idag: IsoDate; organ: string; onOppna: (m: ISammantrade) => void;
  flaggor?: Record<number, Fristlage>;
}): JSX.Element {
  const urval = organ === ALLA ? moten : moten.filter((m) => m.organ === organ);
  return <MotesLista moten={urval} idag={idag} etikett={etikett} tomRubrik={tomRubrik} onOppna={onOppna} flaggor={flaggor} />;
}

/** Past meetings with their justering flags, read only when the tab is opened. */
function TidigareFlik(props: { moten: ISammantrade[]; justering: IJusteringTjanst; idag: IsoDate; organ: string; onOppna: (m: ISammantrade) => void }): JSX.Element {
  const flaggor = useJusteringsflaggor(props.justering, props.moten, props.idag);
  return <Flik {...props} etikett={strings.FlikTidigare} tomRubrik={strings.TomTidigare} flaggor={flaggor} />;
}

export function MotesportalApp(props: IMotesportalAppProps): JSX.Element {
  const { tjanst, redigering, justering, anslag, idag, oppnaId, lankTill } = props;
  const besok = React.useMemo(() => props.besok ?? lokaltBesokslager(), [props.besok]);
  const motespaket = React.useMemo(() => props.motespaket ?? lataMotespaket(tjanst), [props.motespaket, tjanst]);
  const nu = props.nu ?? systemtid;

  const { data, fel, laddar, laddaOm } = useLaddning(() => tjanst.hamtaSammantraden(idag), [tjanst, idag]);
  const { data: behorighet } = useLaddning(() => tjanst.behorighet(), [tjanst]);
  const kanRedigera = behorighet?.kanRedigera === true && !!redigering;
  const tillkannagivna = useTillkannagivanden(justering, kanRedigera, idag);
  const franCache = useFranCache();
  const skrivskydd = franCache ? fyll(strings.SkrivskyddCache, tidpunkt(franCache.hamtad)) : undefined;

  const [organ, satOrgan] = React.useState<string>(ALLA);
  const [oppet, satOppet] = React.useState<number | undefined>(oppnaId);
  const [nytt, satNytt] = React.useState(false);

  const organval = React.useMemo<IDropdownOption[]>(() => {
    const namn = Array.from(new Set([...(data?.kommande ?? []), ...(data?.tidigare ?? [])].map((m) => m.organ).filter(Boolean)))
      .sort((a, b) => a.localeCompare(b, 'sv'));
    return [{ key: ALLA, text: strings.AllaOrgan }, ...namn.map((n) => ({ key: n, text: n }))];
  }, [data]);
  const oppna = React.useCallback((m: ISammantrade) => satOppet(m.id), []);

  const kommandon: ICommandBarItemProps[] = kanRedigera ? [
    { key: 'nytt', text: strings.NyttSammantrade, iconProps: { iconName: 'Add' }, disabled: !!skrivskydd, onClick: () => satNytt(true) }
  ] : [];

  return (
    <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
      {franCache && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {fyll(strings.FranCache, tidpunkt(franCache.hamtad))}
        </MessageBar>
      )}
      {tillkannagivna.anslag && tillkannagivna.anslag.length > 0 && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline>
          {fyll(strings.TillkannagivnaVidStart, tillkannagivna.anslag.length)}
          <ul style={{ margin: '4px 0 0 0', paddingLeft: 20 }}>
            {tillkannagivna.anslag.map((a) => (
              <li key={a.id}>{fyll(strings.TillkannagivetRad, a.organ, a.sammantradesdatum, a.uppsatt, a.sistaDagForOverklagande ?? '')}</li>
            ))}
          </ul>
        </MessageBar>
      )}
      {tillkannagivna.fel && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{strings.TillkannagivandeFel}</MessageBar>}
      {kommandon.length > 0 && <CommandBar items={kommandon} ariaLabel={strings.KommandonEtikett} />}
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} />
      {data && (
        <Stack tokens={{ childrenGap: 8 }}>
          <Dropdown label={strings.FiltreraOrgan} options={organval} selectedKey={organ} onChange={(_e, o) => satOrgan(String(o?.key ?? ALLA))}
            styles={{ root: { maxWidth: 320 } }} />
          <Pivot>
            <PivotItem headerText={strings.FlikKommande} itemKey="kommande">
              <Flik moten={data.kommande} etikett={strings.FlikKommande} tomRubrik={strings.TomKommande} idag={idag} organ={organ} onOppna={oppna} />
            </PivotItem>
            <PivotItem headerText={strings.FlikTidigare} itemKey="tidigare">
              <TidigareFlik moten={data.tidigare} justering={justering} idag={idag} organ={organ} onOppna={oppna} />
            </PivotItem>
            <PivotItem headerText={strings.FlikAnslagstavla} itemKey="anslag">
              <Anslagstavla tjanst={anslag} idag={idag} />
            </PivotItem>
          </Pivot>
        </Stack>
      )}
      {oppet !== undefined && (
        <MotesVy key={oppet} tjanst={tjanst} redigering={redigering} justering={justering} sammantradeId={oppet} idag={idag} kanRedigera={kanRedigera}
          skrivskydd={skrivskydd} besok={besok} nu={nu} motespaket={motespaket} lank={lankTill?.(oppet)}
          onStang={() => satOppet(undefined)} onAndrat={laddaOm} />
      )}
      {nytt && redigering && (
        <NyttSammantrade tjanst={tjanst} redigering={redigering} idag={idag} skrivskydd={skrivskydd} onStang={() => satNytt(false)}
          onKlar={(s) => { satNytt(false); laddaOm(); satOppet(s.id); }} />
      )}
    </PartShell>
  );
}
