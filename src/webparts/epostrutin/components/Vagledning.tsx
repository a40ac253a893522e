/**
 * The guideline's advice on what is an allmän handling (seed 004 §5.2), shown in every choice
 * dialog: the reader makes the call, so the rule of thumb sits next to the buttons.
 */
import * as React from 'react';
import { mergeStyleSets, Text, useTheme } from '@fluentui/react';
import * as strings from 'EpostrutinWebPartStrings';

export function Vagledning({ id }: { id: string }): JSX.Element {
  const theme = useTheme();
  const klass = mergeStyleSets({
    ruta: {
      padding: '8px 12px', borderRadius: 4, background: theme.semanticColors.bodyStandoutBackground,
      border: `1px solid ${theme.semanticColors.bodyDivider}`, color: theme.semanticColors.bodyText,
      selectors: { '@media (forced-colors: active)': { borderColor: 'CanvasText' } }
    },
    lista: { margin: '4px 0 0', paddingLeft: 20 }
  });
  return (
    <section className={klass.ruta} aria-labelledby={`${id}-rubrik`}>
      <Text as="h2" id={`${id}-rubrik`} variant="mediumPlus" block styles={{ root: { margin: 0 } }}>{strings.Vagledning_Rubrik}</Text>
      <ul className={klass.lista}>
        <li><Text>{strings.Vagledning_Diariefor}</Text></li>
        <li><Text>{strings.Vagledning_EjAllman}</Text></li>
        <li><Text>{strings.Vagledning_RingaBetydelse}</Text></li>
        <li><Text>{strings.Vagledning_Bedomning}</Text></li>
      </ul>
    </section>
  );
}
