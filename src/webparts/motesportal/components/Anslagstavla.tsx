import * as React from 'react';
import { mergeStyleSets, Stack, Text, useTheme } from '@fluentui/react';
import * as strings from 'MotesportalWebPartStrings';
import { IsoDate } from '../../../domain/dates';
import { IAnslag, IAnslagTjanst } from '../../../data/moten/typer';
import { EmptyState } from '../../../ui/EmptyState';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { useLaddning } from '../../../ui/useLaddning';
import { klockslag } from './texter';

/** One field of an anslag as a term and its value; absent values are left out rather than shown blank. */
function Uppgift({ namn, varde }: { namn: string; varde?: string }): JSX.Element | null {
  if (!varde) return null;
  return (
    <>
      <dt><Text variant="small" styles={{ root: { fontWeight: 600 } }}>{namn}</Text></dt>
      <dd style={{ margin: '0 0 6px 0' }}><Text>{varde}</Text></dd>
    </>
  );
}

/**
 * Every fact KL 8 kap. 12 § asks a tillkännagivande to state, and for a kungörelse the time, place
 * and ärenden of the meeting (KL 5 kap. 53 §); and when it comes down.
 */
export function AnslagKort({ anslag, rubrikniva = 'h3' }: { anslag: Pick<IAnslag, 'rubrik' | 'typ' | 'organ' | 'sammantradesdatum' | 'justeringsdatum' | 'forvaringsplats' | 'uppsatt' | 'sistaDagForOverklagande' | 'nedtagning' | 'tid' | 'plats' | 'arenden'>; rubrikniva?: 'h3' | 'h4' }): JSX.Element {
  const theme = useTheme();
  const klasser = mergeStyleSets({
    kort: { padding: 12, border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4 },
    lista: { margin: 0 }
  });
  return (
    <article className={klasser.kort} aria-label={anslag.rubrik}>
      <Text as={rubrikniva} variant="mediumPlus" block styles={{ root: { margin: '0 0 8px 0' } }}>{anslag.rubrik}</Text>
      <dl className={klasser.lista}>
        <Uppgift namn={strings.AnslagTyp} varde={anslag.typ} />
        <Uppgift namn={strings.AnslagOrgan} varde={anslag.organ} />
        <Uppgift namn={strings.AnslagSammantradesdatum} varde={anslag.sammantradesdatum} />
        <Uppgift namn={strings.AnslagTid} varde={anslag.tid ? klockslag(anslag.tid) : undefined} />
        <Uppgift namn={strings.AnslagPlats} varde={anslag.plats} />
        <Uppgift namn={strings.AnslagJusteringsdatum} varde={anslag.justeringsdatum} />
        <Uppgift namn={strings.AnslagForvaringsplats} varde={anslag.forvaringsplats} />
        <Uppgift namn={strings.AnslagUppsatt} varde={anslag.uppsatt} />
        <Uppgift namn={strings.AnslagSistaDag} varde={anslag.sistaDagForOverklagande} />
        <Uppgift namn={strings.AnslagNedtagning} varde={anslag.nedtagning} />
      </dl>
      {anslag.arenden && anslag.arenden.length > 0 && (
        <>
          <Text as={rubrikniva === 'h3' ? 'h4' : 'h5'} variant="medium" block styles={{ root: { fontWeight: 600, margin: '8px 0 4px 0' } }}>{strings.AnslagArenden}</Text>
          <ol style={{ margin: 0 }}>{anslag.arenden.map((a, i) => <li key={i}><Text>{a}</Text></li>)}</ol>
        </>
      )}
    </article>
  );
}

/** The kommun's digital anslagstavla as it stands today. */
export function Anslagstavla({ tjanst, idag }: { tjanst: IAnslagTjanst; idag: IsoDate }): JSX.Element {
  const { data, fel, laddar, laddaOm } = useLaddning(() => tjanst.hamtaAktuella(idag), [tjanst, idag]);
  return (
    <Stack tokens={{ childrenGap: 12, padding: '12px 0' }}>
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} />
      {data && data.length === 0 && (
        <EmptyState iconName="Pinned" title={strings.TomAnslagstavla}>
          <Text as="p" block>{strings.TomAnslagText}</Text>
        </EmptyState>
      )}
      {data && data.length > 0 && (
        <>
          <Text as="p" block>{strings.AnslagstavlaIntro}</Text>
          {data.map((a) => <AnslagKort key={a.id} anslag={a} />)}
        </>
      )}
    </Stack>
  );
}
