/**
 * Kommunservice's incidents: each with its checklist (seed 004 §3.3–3.4), every step with who and
 * when, the Intune actions through the service (done by hand instead when Intune fails), and
 * closing only once every step is done. What a step or a closing did is said in a polite status
 * line, and focus goes to the step (or the next incident), never to the page's <body>.
 */
import * as React from 'react';
import {
  Checkbox, ChoiceGroup, DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, focusAsync, IChoiceGroup, MessageBar, MessageBarType, PrimaryButton,
  Spinner, SpinnerSize, Stack, Text, TextField, useTheme
} from '@fluentui/react';
import * as strings from 'SurfplattorWebPartStrings';
import { IIncident, IIncidentTjanst, IStegdetaljer } from '../../../data/surfplattor/typer';
import { kanStangas, Kostnadsansvar, KOSTNADSANSVAR, Steg, stegFor, utforSteg } from '../../../domain/incident';
import { EmptyState } from '../../../ui/EmptyState';
import { Flagga } from '../../../ui/Flagga';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { useLaddning } from '../../../ui/useLaddning';
import { useSkrivning } from '../../../ui/skrivning';
import { felkod, incidentstatusText, incidenttypText, kodText, kostnadsansvarText, skrivfelText, stegText, tidpunkt, utforandeText } from './texter';

type Detaljer = IStegdetaljer;

/** Steps that Intune can do when the device is enrolled. */
const GENOM_INTUNE: readonly Steg[] = ['Radera', 'LosenordEnhet'];

/** The domain's refusal of a step before it is sent (a missing reference or decision). */
function stegfel(incident: IIncident, steg: Steg, d: Detaljer): string | undefined {
  const svar = utforSteg(incident.typ, incident.gjorda, {
    steg, av: '', epost: '', tid: new Date(0).toISOString(), utforande: 'Manuellt', referens: d.referens, kostnadsansvar: d.kostnadsansvar
  });
  return svar.ok ? undefined : kodText(svar.fel) ?? svar.fel;
}

/**
 * A step Intune does (wipe, passcode), after a blocking confirmation. The dialog stays open while
 * it runs; when Intune fails (not a rule's refusal) it says why and offers the step by hand,
 * confirmed with a checkbox, so a Graph outage does not stop the checklist.
 */
function IntuneSteg({ incident, steg, arbetar, utfor, onKlar }: {
  incident: IIncident; steg: Steg; arbetar: boolean; utfor: (d: Detaljer) => Promise<IIncident>; onKlar: (ny: IIncident) => void;
}): JSX.Element {
  const [oppen, satOppen] = React.useState(false);
  const [gjort, satGjort] = React.useState(false);
  const [anteckning, satAnteckning] = React.useState('');
  const [visaFel, satVisaFel] = React.useState(false);
  const { sparar, fel, kor, rensa } = useSkrivning();
  const radera = steg === 'Radera';
  const atgard = radera ? strings.RaderaIntune : strings.LosenkodIntune;
  const namn = stegText(steg);
  const bekraftelseFelId = `incident-${incident.id}-${steg}-bekraftelse`;
  // A refusal by the rules (already done, closed) is not fixed by doing the step by hand.
  const manuelltMojligt = !!fel && !felkod(fel);

  const kora = async (d: Detaljer): Promise<void> => {
    const ny = await kor(() => utfor(d));
    if (!ny) return;
    satOppen(false);
    onKlar(ny);
  };
  const manuellt = (): void => {
    satVisaFel(true);
    if (!gjort) return;
    void kora({ manuellt: true, manuelltBekraftat: true, referens: anteckning.trim() || undefined });
  };
  const stang = (): void => {
    satOppen(false);
    rensa();
    satGjort(false);
    satAnteckning('');
    satVisaFel(false);
  };
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Stack horizontal>
        <PrimaryButton text={atgard} iconProps={{ iconName: radera ? 'Delete' : 'Permissions' }}
          disabled={arbetar} onClick={() => satOppen(true)} ariaLabel={`${namn}: ${atgard}`} />
      </Stack>
      {/* Mounted only while open: closing unmounts it at once, so focus can be moved after a step. */}
      {oppen && (
        <Dialog hidden={false} onDismiss={sparar ? undefined : stang} modalProps={{ isBlocking: true }}
          dialogContentProps={{
            type: DialogType.normal, title: atgard,
            subText: fyll(radera ? strings.RaderaIntuneBekrafta : strings.LosenkodIntuneBekrafta, incident.stoldmarkning, incident.intuneId ?? '')
          }}>
          <Stack tokens={{ childrenGap: 8 }}>
            {fel && (
              <MessageBar messageBarType={MessageBarType.error} isMultiline>
                {manuelltMojligt ? fyll(strings.IntuneMisslyckades, skrivfelText(fel)) : skrivfelText(fel)}
              </MessageBar>
            )}
            {manuelltMojligt && (
              <Stack tokens={{ childrenGap: 8 }}>
                <Text as="p" block styles={{ root: { margin: 0 } }}>{strings.ManuelltText}</Text>
                <TextField label={fyll(strings.FaltAnteckning, namn)} value={anteckning} onChange={(_e, v) => satAnteckning(v ?? '')} disabled={sparar} />
                <Checkbox label={fyll(strings.ManuelltBekraftelse, namn, incident.stoldmarkning)} checked={gjort} disabled={sparar} required
                  onChange={(_e, c) => satGjort(!!c)} ariaDescribedBy={visaFel && !gjort ? bekraftelseFelId : undefined} />
                {visaFel && !gjort && <FelRad id={bekraftelseFelId} text={kodText('BekraftelseSaknas') ?? ''} />}
                <Stack horizontal>
                  <DefaultButton text={strings.ManuelltIStallet} onClick={manuellt} disabled={sparar} />
                </Stack>
              </Stack>
            )}
          </Stack>
          <DialogFooter>
            {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" styles={{ root: { display: 'inline-flex', marginRight: 8 } }} />}
            <PrimaryButton text={manuelltMojligt ? strings.ForsokIgenIntune : strings.BekraftaIntune} onClick={() => void kora({})} disabled={sparar} />
            <DefaultButton text={strings.Avbryt} onClick={stang} disabled={sparar} />
          </DialogFooter>
        </Dialog>
      )}
    </Stack>
  );
}

/** An error line below a control; the control names it in its aria-describedby. */
function FelRad({ id, text }: { id: string; text: string }): JSX.Element {
  const theme = useTheme();
  return <Text id={id} role="alert" variant="small" block styles={{ root: { color: theme.semanticColors.errorText } }}>{text}</Text>;
}

/** The form of one step not yet done (not an Intune one). */
function StegAtgard({ incident, steg, arbetar, onUtfor }: {
  incident: IIncident; steg: Steg; arbetar: boolean; onUtfor: (steg: Steg, d: Detaljer) => void;
}): JSX.Element {
  const [anteckning, satAnteckning] = React.useState('');
  const [kostnad, satKostnad] = React.useState<Kostnadsansvar>();
  const [visaFel, satVisaFel] = React.useState(false);
  const namn = stegText(steg);

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

function IncidentKort({ incident, tjanst, onAndrad, onMeddela, onStangd }: {
  incident: IIncident; tjanst: IIncidentTjanst; onAndrad: (i: IIncident) => void; onMeddela: (text: string) => void; onStangd: (i: IIncident) => void;
}): JSX.Element {
  const theme = useTheme();
  const { sparar, fel, kor } = useSkrivning();
  const rubrikId = `incident-${incident.id}`;
  const hinderId = `incident-${incident.id}-hinder`;
  const stegId = (steg: Steg): string => `incident-${incident.id}-steg-${steg}`;
  const oppen = incident.status === 'Öppen';
  const stanghinder = kanStangas(incident.typ, incident.gjorda, incident.status);

  // The step's form goes once it is done: its list item, which now says who did it and when, takes focus.
  const fokusSteg = React.useRef<Steg>();
  React.useEffect(() => {
    if (!fokusSteg.current) return;
    const steg = fokusSteg.current;
    fokusSteg.current = undefined;
    // focusAsync replaces the focus a closing dialog has queued for its opener.
    focusAsync(document.getElementById(stegId(steg)) ?? undefined);
  });
  const stegKlart = (steg: Steg, ny: IIncident): void => {
    fokusSteg.current = steg;
    onAndrad(ny);
    onMeddela(fyll(strings.StegKlart, stegText(steg), incident.stoldmarkning));
  };
  const utfor = async (steg: Steg, d: Detaljer): Promise<void> => {
    const ny = await kor(() => tjanst.utforSteg(incident, steg, d));
    if (ny) stegKlart(steg, ny);
  };
  const stang = async (): Promise<void> => {
    const ny = await kor(() => tjanst.stang(incident));
    if (!ny) return;
    onAndrad(ny);
    onStangd(ny);
  };

  return (
    <section aria-labelledby={rubrikId} style={{ border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12 }}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
          <Text as="h3" id={rubrikId} tabIndex={-1} variant="mediumPlus" block styles={{ root: { margin: 0 } }}>
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
              <li key={steg} id={stegId(steg)} tabIndex={-1} style={{ marginBottom: 8 }}>
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
                  {!gjort && oppen && (GENOM_INTUNE.includes(steg) && incident.intuneId
                    ? <IntuneSteg incident={incident} steg={steg} arbetar={sparar} utfor={(d) => tjanst.utforSteg(incident, steg, d)}
                      onKlar={(ny) => stegKlart(steg, ny)} />
                    : <StegAtgard incident={incident} steg={steg} arbetar={sparar} onUtfor={(s, d) => void utfor(s, d)} />)}
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
  const [meddelande, satMeddelande] = React.useState('');
  React.useEffect(() => satAndrade({}), [data]);
  const alla = React.useMemo(() => (data ?? []).map((i) => andrade[i.id] ?? i), [data, andrade]);
  const urval = alla.filter((i) => i.status === visa).sort((a, b) => b.rapporterad.localeCompare(a.rapporterad));
  const antal = (s: 'Öppen' | 'Stängd'): number => alla.filter((i) => i.status === s).length;

  // A closed incident leaves the open ones: focus goes to the next one's heading, or to the choice of list.
  const lista = React.useRef<HTMLDivElement>(null);
  const visaVal = React.useRef<IChoiceGroup>(null);
  const fokusForsta = React.useRef(false);
  React.useEffect(() => {
    if (!fokusForsta.current) return;
    fokusForsta.current = false;
    const rubrik = lista.current?.querySelector<HTMLElement>('h3[tabindex="-1"]');
    if (rubrik) focusAsync(rubrik); else visaVal.current?.focus();
  });
  const stangd = (i: IIncident): void => {
    fokusForsta.current = true;
    satMeddelande(fyll(strings.HandelseStangd, i.stoldmarkning));
  };

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} />
      {/* In the page from the start, so a screen reader announces each change of its text. */}
      <Text role="status" block>{meddelande}</Text>
      {data && (
        <>
          <ChoiceGroup componentRef={visaVal} label={strings.VisaHandelser} selectedKey={visa} styles={{ flexContainer: { display: 'flex', gap: 16, flexWrap: 'wrap' } }}
            options={[
              { key: 'Öppen', text: fyll(strings.OppnaAntal, antal('Öppen')) },
              { key: 'Stängd', text: fyll(strings.StangdaAntal, antal('Stängd')) }
            ]}
            onChange={(_e, o) => o && satVisa(o.key as 'Öppen' | 'Stängd')} />
          <div ref={lista}>
            {urval.length === 0
              ? <EmptyState iconName="CheckList" title={visa === 'Öppen' ? strings.TomaOppna : strings.TomaStangda} />
              : (
                <Stack tokens={{ childrenGap: 12 }}>
                  {urval.map((i) => (
                    <IncidentKort key={i.id} incident={i} tjanst={incidenter} onAndrad={(ny) => satAndrade((a) => ({ ...a, [ny.id]: ny }))}
                      onMeddela={satMeddelande} onStangd={stangd} />
                  ))}
                </Stack>
              )}
          </div>
        </>
      )}
    </Stack>
  );
}
