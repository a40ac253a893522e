import * as React from 'react';
import { DefaultButton, FontIcon, hiddenContentStyle, Link, mergeStyleSets, Stack, Text, useTheme } from '@fluentui/react';
import * as strings from 'MotesportalWebPartStrings';
import { arNyttSedan, Dokumenttyp } from '../../../domain/publicering';
import { IArendepunkt, IHandling, IMotesVy } from '../../../data/moten/typer';
import { fyll } from '../../../ui/format';
import { dokumenttypText, klassText, publiceringText, tidpunkt } from './texter';

export interface IHandlingsgrupp {
  nyckel: string;
  /** The agenda item the documents belong to; absent for the kallelse group and the rest. */
  punkt?: IArendepunkt;
  handlingar: IHandling[];
}

const KALLELSETYPER: readonly Dokumenttyp[] = ['Kallelse', 'Föredragningslista'];
const ordning = (d: Dokumenttyp): number => ['Kallelse', 'Föredragningslista', 'Handling', 'Bilaga'].indexOf(d);
const sortera = (a: IHandling, b: IHandling): number => ordning(a.dokumenttyp) - ordning(b.dokumenttyp) || a.rubrik.localeCompare(b.rubrik, 'sv');

/**
 * The meeting's documents as a member reads them: kallelse and föredragningslista first, then each
 * agenda item in order with its documents, then any document whose item is not on the agenda.
 */
export function grupperaHandlingar(vy: Pick<IMotesVy, 'dagordning' | 'handlingar'>): IHandlingsgrupp[] {
  const kallelse = vy.handlingar.filter((h) => KALLELSETYPER.includes(h.dokumenttyp)).sort(sortera);
  const ovriga = vy.handlingar.filter((h) => !KALLELSETYPER.includes(h.dokumenttyp));
  const punkter = [...vy.dagordning].sort((a, b) => a.punkt - b.punkt);
  const grupper: IHandlingsgrupp[] = [{ nyckel: 'kallelse', handlingar: kallelse }];
  for (const p of punkter) {
    grupper.push({ nyckel: `punkt-${p.id}`, punkt: p, handlingar: ovriga.filter((h) => h.punkt === p.punkt).sort(sortera) });
  }
  const utanPunkt = ovriga.filter((h) => !punkter.some((p) => p.punkt === h.punkt)).sort(sortera);
  if (utanPunkt.length > 0) grupper.push({ nyckel: 'ovriga', handlingar: utanPunkt });
  return grupper;
}

export interface IHandlingRadProps {
  handling: IHandling;
  /** The reader's last visit of this meeting before this one. */
  senastBesok?: string;
  kanRedigera: boolean;
  /** Why writes cannot be made now (served from the offline cache). */
  skrivskydd?: string;
  publicerar: boolean;
  onPublicera: (h: IHandling) => void;
}

/** Why a document cannot be published, in words, or undefined when it can. */
export function publiceringshinder(h: IHandling): string | undefined {
  if (h.publiceringslage === 'VantarPaBeslut') return strings.Hinder_VantarPaBeslut;
  if (h.publiceringslage === 'Aldrig') return strings.Hinder_Aldrig;
  return undefined;
}

export function HandlingRad({ handling: h, senastBesok, kanRedigera, skrivskydd, publicerar, onPublicera }: IHandlingRadProps): JSX.Element {
  const theme = useTheme();
  const klasser = mergeStyleSets({
    rad: { padding: '8px 0', borderBottom: `1px solid ${theme.semanticColors.bodyDivider}`, listStyle: 'none' },
    ny: {
      display: 'inline-flex', alignItems: 'center', gap: 4, padding: '0 6px', borderRadius: 10, fontWeight: 600,
      border: `1px solid ${theme.semanticColors.bodyDivider}`, background: theme.palette.themeLighter, color: theme.semanticColors.bodyText,
      selectors: { '@media (forced-colors: active)': { borderColor: 'CanvasText' } }
    },
    hinder: { color: theme.semanticColors.bodySubtext },
    dold: hiddenContentStyle
  });
  const ny = arNyttSedan(h, senastBesok);
  const namn = h.rubrik || h.filnamn;
  const klass = h.klassificering === 'Sekretess' && h.oslHanvisning ? fyll(strings.SekretessEnligt, h.oslHanvisning) : klassText(h.klassificering);
  const lage = h.publiceringslage === 'Publicerad' && h.publiceradDatum
    ? fyll(strings.PubliceradDen, tidpunkt(h.publiceradDatum)) : publiceringText(h.publiceringslage);
  const hinder = publiceringshinder(h) ?? skrivskydd;
  const hinderId = `hinder-${h.bibliotek}-${h.id}`;
  return (
    <li className={klasser.rad}>
      <Stack horizontal wrap horizontalAlign="space-between" verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <Stack tokens={{ childrenGap: 2 }}>
          <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
            <Link href={h.filUrl} target="_blank" rel="noopener noreferrer">{namn}</Link>
            {ny && (
              <span className={klasser.ny}>
                <FontIcon iconName="Glimmer" aria-hidden="true" />
                <span aria-hidden="true">{strings.Ny}</span>
                <span className={klasser.dold}>{strings.NySedanBesok}</span>
              </span>
            )}
          </Stack>
          <Text variant="small">
            {dokumenttypText(h.dokumenttyp)} · {klass} · {lage}
          </Text>
        </Stack>
        <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
          <Link href={h.filUrl} download={h.filnamn} aria-label={fyll(strings.LaddaNedNamn, namn)}>
            <FontIcon iconName="Download" aria-hidden="true" /> {strings.LaddaNed}
          </Link>
          {kanRedigera && h.publiceringslage !== 'Publicerad' && (
            <DefaultButton text={strings.Publicera} iconProps={{ iconName: 'Globe' }} disabled={!!hinder || publicerar}
              aria-describedby={hinder ? hinderId : undefined} ariaLabel={fyll(strings.PubliceraNamn, namn)} onClick={() => onPublicera(h)} />
          )}
        </Stack>
      </Stack>
      {kanRedigera && h.publiceringslage !== 'Publicerad' && hinder && (
        <Text id={hinderId} variant="small" block className={klasser.hinder}>{hinder}</Text>
      )}
    </li>
  );
}
