import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react';
import * as strings from 'ArendebalansWebPartStrings';
import { IsoDate } from '../../../domain/dates';
import { IUppdragTjanst } from '../../../data/uppdrag/UppdragTjanst';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { PartShell } from '../../../ui/PartShell';
import { useLaddning } from '../../../ui/useLaddning';
import { UppdragDetalj } from './detalj/UppdragDetalj';
import { UppdragLista } from './UppdragLista';

export interface IArendebalansAppProps {
  tjanst: IUppdragTjanst;
  idag: IsoDate;
  dagarTillInaktuell: number;
  /** Opens this uppdrag at start: a Teams deep link or `?uppdrag=` on the SharePoint page. */
  oppnaId?: number;
  /** A link that opens one uppdrag, for sharing. */
  lankTill?: (id: number) => string;
}

export function ArendebalansApp({ tjanst, idag, dagarTillInaktuell, oppnaId, lankTill }: IArendebalansAppProps): JSX.Element {
  const { data, fel, laddar, laddaOm } = useLaddning(() => tjanst.hamtaAlla(), [tjanst]);
  const { data: kanRedigera } = useLaddning(() => tjanst.kanRedigera(), [tjanst]);
  const [oppet, satOppet] = React.useState<number | undefined>(oppnaId);
  const uppdrag = React.useMemo(() => (data?.rader ?? []).map((r) => r.uppdrag), [data]);
  return (
    <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} />
      {data && data.felaktiga.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {fyll(strings.FelaktigaRader, data.felaktiga.length)}{' '}
          {data.felaktiga.slice(0, 5).map((f) => `${f.rubrik || `#${f.id}`} (${f.problem})`).join('; ')}
        </MessageBar>
      )}
      {data && <UppdragLista uppdrag={uppdrag} idag={idag} dagarTillInaktuell={dagarTillInaktuell} onOppna={satOppet} />}
      {oppet !== undefined && (
        <UppdragDetalj tjanst={tjanst} id={oppet} idag={idag} dagarTillInaktuell={dagarTillInaktuell} kanRedigera={kanRedigera === true}
          lank={lankTill?.(oppet)} onStang={() => satOppet(undefined)} onSparat={laddaOm} />
      )}
    </PartShell>
  );
}
