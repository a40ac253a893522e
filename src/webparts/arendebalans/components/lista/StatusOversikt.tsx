import * as React from 'react';
import { mergeStyleSets, Stack, Text, useTheme } from '@fluentui/react';
import * as strings from 'ArendebalansListaStrings';
import { IsoDate } from '../../../../domain/dates';
import { IUppdrag, UPPDRAG_STATUSAR } from '../../../../domain/uppdrag';
import { statusOversikt } from '../../../../domain/uppdragUrval';
import { fyll } from '../../../../ui/format';
import { statusText } from '../../../../ui/statusText';

export interface IStatusOversiktProps {
  uppdrag: IUppdrag[];
  idag: IsoDate;
}

interface IStapel {
  etikett: string;
  varde: number;
  /** The part of the bar that is late, drawn as its own segment and said in words. */
  forsenade?: number;
}

/**
 * Horizontal bars drawn as SVG. The numbers stand as text beside each bar (not by length or colour
 * alone); screen readers skip the drawing and get the same numbers from the table.
 */
function Stapeldiagram({ id, titel, staplar, totalt }: { id: string; titel: string; staplar: IStapel[]; totalt: number }): JSX.Element {
  const theme = useTheme();
  const s = theme.semanticColors;
  const klasser = mergeStyleSets({
    rutnat: { display: 'grid', gridTemplateColumns: 'minmax(8em, max-content) minmax(80px, 1fr) minmax(3em, max-content)', gap: '6px 12px', alignItems: 'center' },
    // Forced colours do not repaint SVG fills, so the bars take system colours there themselves.
    stapel: { fill: theme.palette.themePrimary, selectors: { '@media (forced-colors: active)': { fill: 'CanvasText' } } },
    sen: { fill: s.errorText, selectors: { '@media (forced-colors: active)': { fill: 'Highlight' } } },
    bakgrund: { fill: 'none', stroke: s.bodyDivider, selectors: { '@media (forced-colors: active)': { stroke: 'CanvasText' } } },
    figur: { margin: 0 }
  });
  const max = Math.max(1, ...staplar.map((st) => st.varde));
  return (
    <figure className={klasser.figur} aria-labelledby={`${id}-titel`}>
      <figcaption id={`${id}-titel`}>
        <Text as="h4" variant="mediumPlus" block styles={{ root: { margin: '8px 0 2px' } }}>{titel}</Text>
        <Text variant="small" block>{fyll(strings.DiagramBeskrivning, totalt)}</Text>
      </figcaption>
      <div className={klasser.rutnat} aria-hidden="true" style={{ marginTop: 8 }}>
        {staplar.map((st) => (
          <React.Fragment key={st.etikett}>
            <Text variant="small">{st.etikett}</Text>
            <svg width="100%" height="18" role="presentation" focusable="false">
              <rect className={klasser.bakgrund} x="0.5" y="0.5" width="99%" height="17" />
              <rect className={klasser.stapel} x="0" y="0" width={`${(100 * st.varde) / max}%`} height="18" />
              {st.forsenade !== undefined && st.forsenade > 0 && (
                <rect className={klasser.sen} x="0" y="4" width={`${(100 * st.forsenade) / max}%`} height="10" />
              )}
            </svg>
            <Text variant="small" data-stapel={st.etikett} data-varde={st.varde}>
              {st.forsenade !== undefined && st.forsenade > 0 ? fyll(strings.StapelVarav, st.varde, st.forsenade) : String(st.varde)}
            </Text>
          </React.Fragment>
        ))}
      </div>
    </figure>
  );
}

/** Counts by shown status (late open uppdrag as Försenat), as charts and as the table they are drawn from. */
export function StatusOversikt({ uppdrag, idag }: IStatusOversiktProps): JSX.Element {
  const theme = useTheme();
  const oversikt = React.useMemo(() => statusOversikt(uppdrag, idag), [uppdrag, idag]);
  const klasser = mergeStyleSets({
    tabell: {
      borderCollapse: 'collapse',
      minWidth: '100%',
      color: theme.semanticColors.bodyText,
      selectors: {
        'th, td': { border: `1px solid ${theme.semanticColors.bodyDivider}`, padding: '4px 8px', textAlign: 'right' },
        'th[scope="row"], thead th:first-child': { textAlign: 'left' },
        caption: { textAlign: 'left', fontWeight: 600, padding: '8px 0' }
      }
    },
    rulla: { overflowX: 'auto' }
  });

  if (oversikt.totalt === 0) {
    return <Text as="p" block>{strings.OversiktTom}</Text>;
  }
  const forvaltningsNamn = (f: string): string => f || strings.IngenForvaltning;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text as="h3" variant="large" block styles={{ root: { margin: 0 } }}>{strings.OversiktRubrik}</Text>
      <Stapeldiagram
        id="oversikt-status"
        titel={strings.DiagramPerStatus}
        totalt={oversikt.totalt}
        staplar={UPPDRAG_STATUSAR.map((s) => ({ etikett: statusText(s), varde: oversikt.perStatus[s] }))}
      />
      <Stapeldiagram
        id="oversikt-forvaltning"
        titel={strings.DiagramPerForvaltning}
        totalt={oversikt.totalt}
        staplar={oversikt.perForvaltning.map((f) => ({ etikett: forvaltningsNamn(f.forvaltning), varde: f.totalt, forsenade: f.perStatus.Forsenat }))}
      />
      {/* Scrolls sideways on a narrow tablet instead of squeezing the figures unreadable. */}
      <div className={klasser.rulla} tabIndex={0} role="region" aria-label={strings.TabellRubrik}>
        <table className={klasser.tabell}>
          <caption>{strings.TabellRubrik}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.FiltForvaltning}</th>
              {UPPDRAG_STATUSAR.map((s) => <th key={s} scope="col">{statusText(s)}</th>)}
              <th scope="col">{strings.Totalt}</th>
            </tr>
          </thead>
          <tbody>
            {oversikt.perForvaltning.map((f) => (
              <tr key={f.forvaltning}>
                <th scope="row">{forvaltningsNamn(f.forvaltning)}</th>
                {UPPDRAG_STATUSAR.map((s) => <td key={s}>{f.perStatus[s]}</td>)}
                <td>{f.totalt}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{strings.Totalt}</th>
              {UPPDRAG_STATUSAR.map((s) => <td key={s}>{oversikt.perStatus[s]}</td>)}
              <td>{oversikt.totalt}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </Stack>
  );
}
