/**
 * "Min surfplatta", the borrower's own view (also the Teams personal app): my loans and receipts,
 * signing the guideline when a loan waits for me, and reporting damage, theft or loss.
 */
import * as React from 'react';
import {
  Checkbox, ChoiceGroup, DefaultButton, Dropdown, Link, MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, Stack, Text, TextField,
  useTheme
} from '@fluentui/react';
import * as strings from 'SurfplattorWebPartStrings';
import { IsoDate } from '../../../domain/dates';
import { Incidenttyp, INCIDENTTYPER, valideraRapport } from '../../../domain/incident';
import { valideraKvittens } from '../../../domain/surfplatta';
import { IIncident, ILan, IMinSurfplattaTjanst, IRiktlinje } from '../../../data/surfplattor/typer';
import { IPerson } from '../../../domain/personer';
import { EmptyState } from '../../../ui/EmptyState';
import { Flagga } from '../../../ui/Flagga';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { useLaddning } from '../../../ui/useLaddning';
import { useSkrivning } from '../../../ui/skrivning';
import { harKvittens } from './Lan';
import { ISignaturVal, Signatur, tillKvittens, TOM_SIGNATUR } from './Signatur';
import { incidentstatusText, incidenttypText, kodText, lanstatusText, skrivfelText, tidpunkt } from './texter';

/** Opens or downloads a receipt; the download goes through the service (the signed-in session). */
function Kvittens({ url, etikett, filnamn, tjanst }: { url: string; etikett: string; filnamn: string; tjanst: IMinSurfplattaTjanst }): JSX.Element {
  const { sparar, fel, kor } = useSkrivning();
  const laddaNed = async (): Promise<void> => {
    const data = await kor(() => tjanst.hamtaFil(url));
    if (!data) return;
    const lank = document.createElement('a');
    lank.href = URL.createObjectURL(new Blob([data], { type: 'application/pdf' }));
    lank.download = filnamn;
    document.body.appendChild(lank);
    lank.click();
    lank.remove();
    setTimeout(() => URL.revokeObjectURL(lank.href), 60000);
  };
  return (
    <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
      <Link href={url} target="_blank" rel="noopener noreferrer">{etikett}</Link>
      <DefaultButton text={strings.LaddaNed} ariaLabel={fyll(strings.LaddaNedEtikett, etikett)} iconProps={{ iconName: 'Download' }}
        onClick={() => void laddaNed()} disabled={sparar} styles={{ root: { minWidth: 0 } }} />
      {fel && <Text role="alert" variant="small">{skrivfelText(fel)}</Text>}
    </Stack>
  );
}

/** The guideline in full, readable with the keyboard; "read to the end" once its bottom has been in view. */
function Riktlinjetext({ riktlinje, onSlutet }: { riktlinje: IRiktlinje; onSlutet: () => void }): JSX.Element {
  const theme = useTheme();
  const yta = React.useRef<HTMLDivElement>(null);
  const kolla = React.useCallback(() => {
    const y = yta.current;
    // A text short enough to fit is read to the end as soon as it is shown.
    if (y && y.scrollTop + y.clientHeight >= y.scrollHeight - 8) onSlutet();
  }, [onSlutet]);
  React.useEffect(kolla, [kolla, riktlinje]);
  const stycken = riktlinje.text.split(/\n\s*\n|\r?\n/).map((s) => s.trim()).filter(Boolean);
  return (
    <div ref={yta} role="region" aria-label={strings.RiktlinjeRegion} tabIndex={0} onScroll={kolla}
      style={{
        maxHeight: 360, overflowY: 'auto', padding: '8px 12px', border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4,
        background: theme.semanticColors.bodyStandoutBackground, color: theme.semanticColors.bodyText
      }}>
      {stycken.map((s, i) => <Text key={i} as="p" block styles={{ root: { margin: '0 0 8px 0' } }}>{s}</Text>)}
    </div>
  );
}

function Kvittering({ lan, person, tjanst, idag, onKlar }: {
  lan: ILan; person: IPerson; tjanst: IMinSurfplattaTjanst; idag: IsoDate; onKlar: (url: string) => void;
}): JSX.Element {
  const theme = useTheme();
  const riktlinje = useLaddning(() => tjanst.hamtaRiktlinje(idag), [tjanst, idag]);
  const [tillSlutet, satTillSlutet] = React.useState(false);
  const [last, satLast] = React.useState(false);
  const [signatur, satSignatur] = React.useState<ISignaturVal>(TOM_SIGNATUR);
  const [visaFel, satVisaFel] = React.useState(false);
  const { sparar, fel, kor } = useSkrivning();
  const kvittensfel = valideraKvittens({ satt: signatur.satt, skrivetNamn: signatur.skrivetNamn, harRitning: !!signatur.ritning, riktlinjenLast: last }, person.namn);
  const slutet = React.useCallback(() => satTillSlutet(true), []);
  const kvittera = async (): Promise<void> => {
    satVisaFel(true);
    if (kvittensfel || !riktlinje.data) return;
    const r = riktlinje.data;
    const svar = await kor(() => tjanst.kvittera(lan, r, tillKvittens(signatur)));
    if (svar) onKlar(svar.kvittensUrl);
  };
  const rubrikId = `kvittera-${lan.id}`;
  return (
    <section aria-labelledby={rubrikId}>
      <Stack tokens={{ childrenGap: 10 }}>
        <Text as="h4" id={rubrikId} variant="mediumPlus" block styles={{ root: { margin: 0 } }}>{fyll(strings.KvitteraRubrik, lan.stoldmarkning)}</Text>
        <Text as="p" block>{strings.KvitteraText}</Text>
        <Laddningsstatus laddar={riktlinje.laddar && !riktlinje.data} fel={riktlinje.fel} laddaOm={riktlinje.laddaOm} />
        {riktlinje.data && (
          <>
            <Text block styles={{ root: { fontWeight: 600 } }}>
              {fyll(strings.RiktlinjeRubrik, riktlinje.data.rubrik, riktlinje.data.version, riktlinje.data.gallerFran)}
              {riktlinje.data.beslut ? ` ${fyll(strings.RiktlinjeBeslut, riktlinje.data.beslut)}` : ''}
            </Text>
            <Riktlinjetext riktlinje={riktlinje.data} onSlutet={slutet} />
            <Checkbox label={strings.JagHarLast} checked={last} disabled={!tillSlutet || sparar} onChange={(_e, c) => satLast(!!c)}
              ariaDescribedBy={!tillSlutet ? `${rubrikId}-las` : undefined} />
            {!tillSlutet && <Text id={`${rubrikId}-las`} variant="small" block>{strings.LasTillSlutet}</Text>}
            {visaFel && kvittensfel === 'RiktlinjeEjLast' && (
              <Text role="alert" variant="small" block styles={{ root: { color: theme.semanticColors.errorText } }}>{kodText(kvittensfel)}</Text>
            )}
            <Signatur varde={signatur} onChange={satSignatur} namnIM365={person.namn} fel={visaFel ? kvittensfel : undefined} disabled={sparar} />
            {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
            <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
              <PrimaryButton text={strings.Kvittera} iconProps={{ iconName: 'Signin' }} onClick={() => void kvittera()} disabled={sparar} />
              {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
            </Stack>
          </>
        )}
      </Stack>
    </section>
  );
}

function LanKort({ lan, person, tjanst, idag, kvitterad, onKvitterad }: {
  lan: ILan; person?: IPerson; tjanst: IMinSurfplattaTjanst; idag: IsoDate; kvitterad?: string; onKvitterad: (url: string) => void;
}): JSX.Element {
  const theme = useTheme();
  const kvittensUrl = kvitterad ?? lan.kvittensUrl;
  const vantar = lan.status === 'Väntar på kvittens' && !kvitterad && !harKvittens(lan);
  const rubrikId = `lan-${lan.id}`;
  return (
    <section aria-labelledby={rubrikId} style={{ border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12 }}>
      <Stack tokens={{ childrenGap: 6 }}>
        <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
          <Text as="h3" id={rubrikId} variant="large" block styles={{ root: { margin: 0 } }}>{fyll(strings.LanRubrik, lan.stoldmarkning)}</Text>
          <Flagga niva={lan.status === 'Utlånad' ? 'ok' : lan.status === 'Väntar på kvittens' ? 'varning' : 'info'} etikett={strings.EtikettStatus}
            text={lanstatusText(lan.status)} />
        </Stack>
        {/* Asked back at the mandate's end: said only while the device is (about to be) theirs. */}
        {(lan.status === 'Utlånad' || lan.status === 'Väntar på kvittens') && <Text block>{fyll(strings.UppdragetSlutar, lan.mandatSlut)}</Text>}
        {lan.utlamnad && <Text block>{fyll(strings.UtlamnadDen, lan.utlamnad)}</Text>}
        {lan.aterlamnad && (
          <Text block>{fyll(lan.status === 'Stulen eller förlorad' ? strings.AvslutatDen : strings.AterlamnadDen, lan.aterlamnad)}</Text>
        )}
        {lan.kvitteradTid && <Text block>{fyll(strings.DuKvitterade, tidpunkt(lan.kvitteradTid), lan.riktlinjeVersion)}</Text>}
        {kvitterad && <MessageBar messageBarType={MessageBarType.success} isMultiline>{strings.Kvitterat}</MessageBar>}
        {!kvitterad && lan.status === 'Väntar på kvittens' && harKvittens(lan) && <Text block>{strings.VantarPaUtlamning}</Text>}
        {kvittensUrl && <Kvittens url={kvittensUrl} etikett={strings.KvittensLank} filnamn={fyll(strings.KvittensFilnamn, lan.stoldmarkning)} tjanst={tjanst} />}
        {lan.aterKvittensUrl && (
          <Kvittens url={lan.aterKvittensUrl} etikett={strings.AterKvittensLank} filnamn={fyll(strings.AterKvittensFilnamn, lan.stoldmarkning)} tjanst={tjanst} />
        )}
        {vantar && person && <Kvittering lan={lan} person={person} tjanst={tjanst} idag={idag} onKlar={onKvitterad} />}
      </Stack>
    </section>
  );
}

function Rapportera({ lan, tjanst, onKlar }: { lan: ILan[]; tjanst: IMinSurfplattaTjanst; onKlar: (i: IIncident) => void }): JSX.Element {
  const [lanId, satLanId] = React.useState<number | undefined>(lan.length === 1 ? lan[0].id : undefined);
  const [typ, satTyp] = React.useState<Incidenttyp>('Skada');
  const [beskrivning, satBeskrivning] = React.useState('');
  const [polisanmalan, satPolisanmalan] = React.useState('');
  const [visaFel, satVisaFel] = React.useState(false);
  const { sparar, fel, kor } = useSkrivning();
  const valt = lan.find((l) => l.id === lanId);
  const felen = valideraRapport({ typ, beskrivning, polisanmalan: typ === 'Stöld' ? polisanmalan : undefined });
  const lanfel = !valt ? strings.FelValjSurfplatta : undefined;
  const harFel = !!lanfel || Object.keys(felen).length > 0;
  const skicka = async (): Promise<void> => {
    satVisaFel(true);
    if (harFel || !valt) return;
    const ny = await kor(() => tjanst.rapportera({ lan: valt, typ, beskrivning: beskrivning.trim(), polisanmalan: typ === 'Stöld' ? polisanmalan.trim() : undefined }));
    if (!ny) return;
    satVisaFel(false);
    satBeskrivning('');
    satPolisanmalan('');
    onKlar(ny);
  };
  return (
    <section aria-labelledby="min-surfplatta-rapportera">
      <Stack tokens={{ childrenGap: 10 }}>
        <Text as="h3" id="min-surfplatta-rapportera" variant="large" block styles={{ root: { margin: 0 } }}>{strings.RapporteraRubrik}</Text>
        <Text as="p" block>{strings.RapporteraText}</Text>
        {visaFel && harFel && <MessageBar messageBarType={MessageBarType.error}>{strings.FelFormular}</MessageBar>}
        {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
        <Dropdown label={strings.FaltSurfplatta} required placeholder={strings.ValjEnhet} selectedKey={lanId ?? null}
          options={lan.map((l) => ({ key: l.id, text: l.stoldmarkning }))} onChange={(_e, o) => o && satLanId(Number(o.key))}
          errorMessage={visaFel ? lanfel : undefined} styles={{ root: { maxWidth: 320 } }} />
        <ChoiceGroup label={strings.FaltTyp} required selectedKey={typ} options={INCIDENTTYPER.map((t) => ({ key: t, text: incidenttypText(t) }))}
          onChange={(_e, o) => o && satTyp(o.key as Incidenttyp)} />
        {typ !== 'Skada' && <MessageBar messageBarType={MessageBarType.info} isMultiline>{typ === 'Stöld' ? strings.StoldInfo : strings.ForlustInfo}</MessageBar>}
        <TextField label={strings.FaltBeskrivning} required multiline rows={4} value={beskrivning} onChange={(_e, v) => satBeskrivning(v ?? '')}
          description={strings.BeskrivningHjalp} errorMessage={visaFel && felen.beskrivning ? kodText(felen.beskrivning) : undefined} />
        {typ === 'Stöld' && (
          <TextField label={strings.FaltPolisanmalan} required value={polisanmalan} onChange={(_e, v) => satPolisanmalan(v ?? '')}
            description={strings.PolisanmalanHjalp} errorMessage={visaFel && felen.polisanmalan ? kodText(felen.polisanmalan) : undefined}
            styles={{ root: { maxWidth: 320 } }} />
        )}
        <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={strings.SkickaAnmalan} iconProps={{ iconName: 'Send' }} onClick={() => void skicka()} disabled={sparar} />
          {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
        </Stack>
      </Stack>
    </section>
  );
}

function MinaIncidenter({ incidenter }: { incidenter: IIncident[] }): JSX.Element {
  return (
    <section aria-labelledby="min-surfplatta-anmalningar">
      <Stack tokens={{ childrenGap: 8 }}>
        <Text as="h3" id="min-surfplatta-anmalningar" variant="large" block styles={{ root: { margin: 0 } }}>{strings.MinaAnmalningar}</Text>
        {incidenter.length === 0 ? <Text as="p" block>{strings.IngaAnmalningar}</Text> : (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {[...incidenter].sort((a, b) => b.rapporterad.localeCompare(a.rapporterad)).map((i) => (
              <li key={i.id} style={{ marginBottom: 6 }}>
                <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
                  <Text>{fyll(strings.AnmalanRad, incidenttypText(i.typ), i.stoldmarkning, tidpunkt(i.rapporterad))}</Text>
                  <Flagga niva={i.status === 'Öppen' ? 'info' : 'ok'} etikett={strings.EtikettStatus}
                    text={i.status === 'Öppen' ? fyll(strings.OppenStegKvar, incidentstatusText(i.status), i.kvar.length) : incidentstatusText(i.status)} />
                </Stack>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </section>
  );
}

export interface IMinSurfplattaProps {
  tjanst: IMinSurfplattaTjanst;
  idag: IsoDate;
}

export function MinSurfplatta({ tjanst, idag }: IMinSurfplattaProps): JSX.Element {
  const person = useLaddning(() => tjanst.aktuellPerson(), [tjanst]);
  const lan = useLaddning(() => tjanst.hamtaMinaLan(), [tjanst]);
  const incidenter = useLaddning(() => tjanst.hamtaMinaIncidenter(), [tjanst]);
  const [kvitterade, satKvitterade] = React.useState<Record<number, string>>({});
  const [rapporterad, satRapporterad] = React.useState<IIncident>();
  const aktiva = (lan.data ?? []).filter((l) => l.status === 'Utlånad');
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Laddningsstatus laddar={lan.laddar && !lan.data} fel={lan.fel ?? person.fel} laddaOm={() => { lan.laddaOm(); person.laddaOm(); }} />
      {lan.data && lan.data.length === 0 && (
        <EmptyState iconName="Tablet" title={strings.IngaLan}>
          <Text as="p" block>{strings.IngaLanText}</Text>
        </EmptyState>
      )}
      {lan.data && lan.data.length > 0 && (
        // A list of loans, so a screen reader says how many there are.
        <Stack role="list" aria-label={strings.MinaLanEtikett} tokens={{ childrenGap: 12 }}>
          {lan.data.map((l) => (
            <div role="listitem" key={l.id}>
              <LanKort lan={l} person={person.data} tjanst={tjanst} idag={idag} kvitterad={kvitterade[l.id]}
                onKvitterad={(url) => satKvitterade((k) => ({ ...k, [l.id]: url }))} />
            </div>
          ))}
        </Stack>
      )}
      {rapporterad && (
        <MessageBar messageBarType={MessageBarType.success} isMultiline onDismiss={() => satRapporterad(undefined)} dismissButtonAriaLabel={strings.Stang}>
          {fyll(strings.Anmald, incidenttypText(rapporterad.typ), rapporterad.stoldmarkning)}
        </MessageBar>
      )}
      {aktiva.length > 0 && <Rapportera lan={aktiva} tjanst={tjanst} onKlar={(i) => { satRapporterad(i); incidenter.laddaOm(); }} />}
      <Laddningsstatus laddar={incidenter.laddar && !incidenter.data} fel={incidenter.fel} laddaOm={incidenter.laddaOm} />
      {incidenter.data && (incidenter.data.length > 0 || aktiva.length > 0) && <MinaIncidenter incidenter={incidenter.data} />}
    </Stack>
  );
}
