/**
 * Kommunservice's incidents: each with its checklist (seed 004 §3.3–3.4), every step with who and
 * when, the Intune actions through the service, and closing only once every step is done.
 */
import * as React from 'react';
import {
  ChoiceGroup, DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize,
  Stack, Text, TextField, useTheme
} from '@fluentui/react';
import * as strings from 'SurfplattorWebPartStrings';
import { IIncident, IIncidentTjanst } from '../../../data/surfplattor/typer';
import { kanStangas, Kostnadsansvar, KOSTNADSANSVAR, Steg, stegFor, utforSteg } from '../../../domain/incident';
import { EmptyState } from '../../../ui/EmptyState';
import { Flagga } from '../../../ui/Flagga';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { useLaddning } from '../../../ui/useLaddning';
import { useSkrivning } from '../../motesportal/components/skrivning';
import { incidentstatusText, incidenttypText, kodText, kostnadsansvarText, skrivfelText, stegText, tidpunkt, utforandeText } from './texter';

type Detaljer = Parameters<IIncidentTjanst['utforSteg']>[2];

/** Steps that Intune can do when the device is enrolled. */
const GENOM_INTUNE: readonly Steg[] = ['Radera', 'LosenordEnhet'];

/** The domain's refusal of a step before it is sent (a missing reference or decision). */
function stegfel(incident: IIncident, steg: Steg, d: Detaljer): string | undefined {
  const svar = utforSteg(incident.typ, incident.gjorda, {
    steg, av: '', epost: '', tid: new Date(0).toISOString(), utforande: 'Manuellt', referens: d.referens, kostnadsansvar: d.kostnadsansvar
  });
  return svar.ok ? undefined : kodText(svar.fel) ?? svar.fel;
}

/** The form of one step not yet done. */
function StegAtgard({ incident, steg, arbetar, onUtfor }: {
  incident: IIncident; steg: Steg; arbetar: boolean; onUtfor: (steg: Steg, d: Detaljer) => void;
}): JSX.Element {
  const [anteckning, satAnteckning] = React.useState('');
  const [kostnad, satKostnad] = React.useState<Kostnadsansvar>();
  const [visaFel, satVisaFel] = React.useState(false);
  const [bekraftar, satBekraftar] = React.useState(false);
  const intune = GENOM_INTUNE.includes(steg) && !!incident.intuneId;
  const namn = stegText(steg);

  if (intune) {
    const radera = steg === 'Radera';
    return (
      <Stack tokens={{ childrenGap: 4 }}>
        <Stack horizontal>
          <PrimaryButton text={radera ? strings.RaderaIntune : strings.LosenkodIntune} iconProps={{ iconName: radera ? 'Delete' : 'Permissions' }}
            disabled={arbetar} onClick={() => satBekraftar(true)} ariaLabel={`${namn}: ${radera ? strings.RaderaIntune : strings.LosenkodIntune}`} />
        </Stack>
        <Dialog hidden={!bekraftar} onDismiss={() => satBekraftar(false)} modalProps={{ isBlocking: true }}
          dialogContentProps={{
            type: DialogType.normal, title: radera ? strings.RaderaIntune : strings.LosenkodIntune,
            subText: fyll(radera ? strings.RaderaIntuneBekrafta : strings.LosenkodIntuneBekrafta, incident.stoldmarkning, incident.intuneId ?? '')
          }}>
          <DialogFooter>
            <PrimaryButton text={strings.BekraftaIntune} onClick={() => { satBekraftar(false); onUtfor(steg, {}); }} />
            <DefaultButton text={strings.Avbryt} onClick={() => satBekraftar(false)} />
          </DialogFooter>
        </Dialog>
      </Stack>
    );
  }

  if (steg === 'Kostnadsansvar') {
    const d: Detaljer = { kostnadsansvar: kostnad };
    const fel = stegfel(incident, steg, d);
    return (
      <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 8 }}>
        <Dropdown label={strings.FaltKostnadsansvar} required placeholder={strings.ValjKostnadsansvar} selectedKey={kostnad ?? null}
          options={KOSTNADSANSVAR.filter((k) => k !== 'Ej bedömt').map((k) => ({ key: k, text: kostnadsansvarText(k) }))}
          onChange={(_e, o) => o && satKostnad(o.key as Kostnadsansvar)} errorMessage={visaFel ? fel : undefined} styles={{ root: { minWidth: 220 } }} />
        <DefaultButton text={strings.SparaBeslut} disabled={arbetar} ariaLabel={`${namn}: ${strings.SparaBeslut}`}
          onClick={() => { satVisaFel(true); if (!fel) onUtfor(steg, d); }} />
      </Stack>
    );
  }

  const sim = steg === 'SparraSim';
  const d: Detaljer = { manuelltBekraftat: true, referens: anteckning.trim() || undefined };
  const fel = stegfel(incident, steg, d);
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      {GENOM_INTUNE.includes(steg) && <Text variant="small" block>{strings.IntuneSaknasManuellt}</Text>}
      <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 8 }}>
        <TextField label={sim ? strings.FaltReferens : fyll(strings.FaltAnteckning, namn)} required={sim} value={anteckning}
          onChange={(_e, v) => satAnteckning(v ?? '')} errorMessage={visaFel ? fel : undefined} description={sim ? strings.ReferensBeskrivning : undefined}
          styles={{ root: { minWidth: 260 } }} />
        <DefaultButton text={sim ? strings.BekraftaSparr : strings.BekraftaGjort} disabled={arbetar} ariaLabel={`${namn}: ${sim ? strings.BekraftaSparr : strings.BekraftaGjort}`}
          onClick={() => { satVisaFel(true); if (!fel) onUtfor(steg, d); }} />
      </Stack>
    </Stack>
  );
}

function IncidentKort({ incident, tjanst, onAndrad }: { incident: IIncident; tjanst: IIncidentTjanst; onAndrad: (i: IIncident) => void }): JSX.Element {
  const theme = useTheme();
  const { sparar, fel, kor } = useSkrivning();
  const rubrikId = `incident-${incident.id}`;
  const hinderId = `incident-${incident.id}-hinder`;
  const oppen = incident.status === 'Öppen';
  const stanghinder = kanStangas(incident.typ, incident.gjorda, incident.status);

  const utfor = async (steg: Steg, d: Detaljer): Promise<void> => {
    const ny = await kor(() => tjanst.utforSteg(incident, steg, d));
    if (ny) onAndrad(ny);
  };
  const stang = async (): Promise<void> => {
    const ny = await kor(() => tjanst.stang(incident));
    if (ny) onAndrad(ny);
  };

  return (
    <section aria-labelledby={rubrikId} style={{ border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12 }}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
          <Text as="h3" id={rubrikId} variant="mediumPlus" block styles={{ root: { margin: 0 } }}>
            {fyll(strings.IncidentRubrik, incidenttypText(incident.typ), incident.stoldmarkning)}
          </Text>
          <Flagga niva={oppen ? 'varning' : 'ok'} etikett={strings.EtikettStatus} text={incidentstatusText(incident.status)} />
        </Stack>
        <Text block>{fyll(strings.AnmaldAv, tidpunkt(incident.rapporterad), incident.rapportor?.namn ?? strings.IngenLantagare)}</Text>
        {incident.polisanmalan && <Text block>{fyll(strings.PolisanmalanNr, incident.polisanmalan)}</Text>}
        <Text block styles={{ root: { whiteSpace: 'pre-wrap' } }}>{incident.beskrivning}</Text>
        {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
        {incident.olasbaraSteg > 0 && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fyll(strings.OlasbaraSteg, incident.olasbaraSteg)}</MessageBar>}
        <Text as="h4" variant="medium" block styles={{ root: { margin: 0, fontWeight: 600 } }}>{strings.Checklista}</Text>
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {stegFor(incident.typ).map((steg) => {
            const gjort = incident.gjorda.find((g) => g.steg === steg);
            return (
              <li key={steg} style={{ marginBottom: 8 }}>
                <Stack tokens={{ childrenGap: 4 }}>
                  <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
                    <Text styles={{ root: { fontWeight: 600 } }}>{stegText(steg)}</Text>
                    <Flagga niva={gjort ? 'ok' : 'info'} text={gjort ? strings.StegGjort : strings.StegKvar} />
                  </Stack>
                  {gjort && (
                    <Text variant="small" block>
                      {fyll(strings.StegUtfortAv, gjort.av, gjort.epost, tidpunkt(gjort.tid), utforandeText(gjort.utforande))}
                      {gjort.kostnadsansvar ? ` ${fyll(strings.StegBeslut, kostnadsansvarText(gjort.kostnadsansvar))}` : ''}
                      {gjort.referens ? ` ${fyll(strings.StegReferens, gjort.referens)}` : ''}
                    </Text>
                  )}
                  {!gjort && oppen && <StegAtgard incident={incident} steg={steg} arbetar={sparar} onUtfor={(s, d) => void utfor(s, d)} />}
                </Stack>
              </li>
            );
          })}
        </ol>
        {oppen && (
          <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
            <PrimaryButton text={strings.StangHandelse} allowDisabledFocus disabled={!!stanghinder || sparar} onClick={() => void stang()}
              aria-describedby={stanghinder ? hinderId : undefined} ariaLabel={fyll(strings.StangHandelseEtikett, incident.stoldmarkning)} />
            {stanghinder && <Text id={hinderId} variant="small">{kodText(stanghinder)}</Text>}
            {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
          </Stack>
        )}
      </Stack>
    </section>
  );
}

export interface IHandelserProps {
  incidenter: IIncidentTjanst;
}

export function Handelser({ incidenter }: IHandelserProps): JSX.Element {
  const { data, fel, laddar, laddaOm } = useLaddning(() => incidenter.hamtaIncidenter(), [incidenter]);
  const [visa, satVisa] = React.useState<'Öppen' | 'Stängd'>('Öppen');
  const [andrade, satAndrade] = React.useState<Record<number, IIncident>>({});
  React.useEffect(() => satAndrade({}), [data]);
  const alla = React.useMemo(() => (data ?? []).map((i) => andrade[i.id] ?? i), [data, andrade]);
  const urval = alla.filter((i) => i.status === visa).sort((a, b) => b.rapporterad.localeCompare(a.rapporterad));
  const antal = (s: 'Öppen' | 'Stängd'): number => alla.filter((i) => i.status === s).length;
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} />
      {data && (
        <>
          <ChoiceGroup label={strings.VisaHandelser} selectedKey={visa} styles={{ flexContainer: { display: 'flex', gap: 16, flexWrap: 'wrap' } }}
            options={[
              { key: 'Öppen', text: fyll(strings.OppnaAntal, antal('Öppen')) },
              { key: 'Stängd', text: fyll(strings.StangdaAntal, antal('Stängd')) }
            ]}
            onChange={(_e, o) => o && satVisa(o.key as 'Öppen' | 'Stängd')} />
          {urval.length === 0
            ? <EmptyState iconName="CheckList" title={visa === 'Öppen' ? strings.TomaOppna : strings.TomaStangda} />
            : urval.map((i) => <IncidentKort key={i.id} incident={i} tjanst={incidenter} onAndrad={(ny) => satAndrade((a) => ({ ...a, [ny.id]: ny }))} />)}
        </>
      )}
    </Stack>
  );
}
