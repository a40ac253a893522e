/**
 * The tablet register (issue 6): kommunservice gets the register, loans, incidents and mandate end;
 * everyone else "Min surfplatta" (also the Teams personal app). Which view is decided by what the
 * signed-in person may do on the register, never by a group name.
 */
import * as React from 'react';
import { Pivot, PivotItem, Spinner, SpinnerSize } from '@fluentui/react';
import * as strings from 'SurfplattorWebPartStrings';
import * as common from 'CommonStrings';
import { IsoDate } from '../../../domain/dates';
import { IIncidentTjanst, IMandatTjanst, IMinSurfplattaTjanst, IRegisterTjanst } from '../../../data/surfplattor/typer';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { PartShell } from '../../../ui/PartShell';
import { useLaddning } from '../../../ui/useLaddning';
import { Handelser } from './Handelser';
import { Lan } from './Lan';
import { Mandat } from './Mandat';
import { MinSurfplatta } from './MinSurfplatta';
import { Register } from './Register';

export interface ISurfplattorAppProps {
  register: IRegisterTjanst;
  minSurfplatta: IMinSurfplattaTjanst;
  incidenter: IIncidentTjanst;
  mandat: IMandatTjanst;
  idag: IsoDate;
  /** Mandate end: loans whose mandate ends within this many days are listed for a reminder. */
  paminnelseDagar: number;
}

/** Remind about loans whose mandate ends within this many days, unless the web part says otherwise. */
export const STANDARD_PAMINNELSEDAGAR = 60;
const MAX_PAMINNELSEDAGAR = 730;

/** The web part's setting as days: a whole number 0–730, else the default. */
export function paminnelseDagar(varde: string | number | undefined): number {
  const n = typeof varde === 'number' ? varde : Number((varde ?? '').trim() || NaN);
  return Number.isInteger(n) && n >= 0 && n <= MAX_PAMINNELSEDAGAR ? n : STANDARD_PAMINNELSEDAGAR;
}

export type Flik = 'register' | 'lan' | 'handelser' | 'mandat' | 'min';

export function SurfplattorApp(props: ISurfplattorAppProps): JSX.Element {
  const { register, minSurfplatta, incidenter, mandat, idag, paminnelseDagar } = props;
  // Kommunservice has Full Control on loans, to share one with its borrower (a borrower's "no" is
  // kanHantera's false). A failure to ask (throttled, offline) is said, with a retry: kommunservice
  // must not silently get the borrower's empty view.
  const behorighet = useLaddning(() => register.kanHantera(), [register]);
  const [flik, satFlik] = React.useState<Flik>('register');
  const aktuellPerson = React.useCallback(() => minSurfplatta.aktuellPerson(), [minSurfplatta]);

  if (behorighet.data === undefined) {
    return (
      <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
        {behorighet.fel
          ? <Laddningsstatus laddar={behorighet.laddar} fel={behorighet.fel} laddaOm={behorighet.laddaOm} />
          : <Spinner size={SpinnerSize.medium} label={common.Laddar} ariaLive="polite" />}
      </PartShell>
    );
  }
  if (!behorighet.data) {
    return (
      <PartShell title={strings.RubrikMin} description={strings.BeskrivningMin}>
        <MinSurfplatta tjanst={minSurfplatta} idag={idag} />
      </PartShell>
    );
  }
  return (
    <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
      <Pivot selectedKey={flik} onLinkClick={(l) => l?.props.itemKey && satFlik(l.props.itemKey as Flik)}>
        <PivotItem headerText={strings.FlikRegister} itemKey="register" itemIcon="Tablet">
          <Register register={register} />
        </PivotItem>
        <PivotItem headerText={strings.FlikLan} itemKey="lan" itemIcon="Sync">
          <Lan register={register} aktuellPerson={aktuellPerson} idag={idag} />
        </PivotItem>
        <PivotItem headerText={strings.FlikHandelser} itemKey="handelser" itemIcon="Warning">
          <Handelser incidenter={incidenter} />
        </PivotItem>
        <PivotItem headerText={strings.FlikMandat} itemKey="mandat" itemIcon="Calendar">
          <Mandat mandat={mandat} idag={idag} dagar={paminnelseDagar} />
        </PivotItem>
        <PivotItem headerText={strings.FlikMin} itemKey="min" itemIcon="Contact">
          <MinSurfplatta tjanst={minSurfplatta} idag={idag} />
        </PivotItem>
      </Pivot>
    </PartShell>
  );
}
