/** Kommunservice's device register: search, filters, new devices and the status steps the state machine allows. */
import * as React from 'react';
import {
  DefaultButton, DetailsList, DetailsListLayoutMode, Dropdown, IColumn, IContextualMenuItem, IDropdownOption, MessageBar,
  MessageBarType, Panel, PanelType, PrimaryButton, SearchBox, SelectionMode, Spinner, SpinnerSize, Stack, Text, TextField
} from '@fluentui/react';
import * as strings from 'SurfplattorWebPartStrings';
import * as common from 'CommonStrings';
import { DataFel, tolkaDataFel } from '../../../data/fel';
import { IRegisterTjanst, ISurfplatta } from '../../../data/surfplattor/typer';
import { direktandringsfel, Enhetshandelse, ENHETSSTATUS, tillatnaHandelser } from '../../../domain/surfplatta';
import { EmptyState } from '../../../ui/EmptyState';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { FOT_MED_BAKGRUND } from '../../../ui/panelStilar';
import { useLaddning } from '../../../ui/useLaddning';
import { useSkrivning } from '../../../ui/skrivning';
import { enhetsstatusText, handelseText, skrivfelText, statusfelText } from './texter';

const ALLA = '';

/** A device counts as lent out (for the state machine) while its loan is handed out and not returned. */
export const harUtlamnatLan = (p: ISurfplatta): boolean => p.aktivtLan?.status === 'Utlånad';

/**
 * The steps offered in the register: those the state machine allows and the register makes
 * directly (domain `direktandringsfel`, which the service checks too). Handing out and taking back
 * go through the loan (a signed receipt each); theft and loss of a handed-out device through the
 * borrower's report and its checklist (Händelser).
 */
export function registerSteg(p: ISurfplatta): Enhetshandelse[] {
  const lan = { utlamnat: harUtlamnatLan(p), vantarPaKvittens: p.aktivtLan?.status === 'Väntar på kvittens' };
  return tillatnaHandelser(p.status, lan.utlamnat).filter((h) => !direktandringsfel(h, lan));
}

type NyEnhet = Omit<ISurfplatta, 'id' | 'status' | 'aktivtLan' | 'etag'>;

function NyEnhetPanel({ register, befintliga, onKlar, onStang }: {
  register: IRegisterTjanst; befintliga: readonly ISurfplatta[]; onKlar: (p: ISurfplatta) => void; onStang: () => void;
}): JSX.Element {
  const [ny, satNy] = React.useState<NyEnhet>({ stoldmarkning: '', serienummer: '', modell: '', simAbonnemang: '', intuneId: '' });
  const [visaFel, satVisaFel] = React.useState(false);
  const { sparar, fel, kor } = useSkrivning();
  const lika = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
  const felen = {
    stoldmarkning: !ny.stoldmarkning.trim() ? strings.FelStoldmarkning
      : befintliga.some((b) => lika(b.stoldmarkning, ny.stoldmarkning)) ? fyll(strings.FelStoldmarkningUpptagen, ny.stoldmarkning.trim()) : undefined,
    serienummer: !ny.serienummer.trim() ? strings.FelSerienummer
      : befintliga.some((b) => lika(b.serienummer, ny.serienummer)) ? fyll(strings.FelSerienummerUpptaget, ny.serienummer.trim()) : undefined,
    modell: !ny.modell.trim() ? strings.FelModell : undefined
  };
  const harFel = Object.values(felen).some(Boolean);
  const andra = (falt: keyof NyEnhet) => (_e: unknown, v?: string) => satNy((n) => ({ ...n, [falt]: v ?? '' }));
  const spara = async (): Promise<void> => {
    satVisaFel(true);
    if (harFel) return;
    const trimmad: NyEnhet = {
      stoldmarkning: ny.stoldmarkning.trim(), serienummer: ny.serienummer.trim(), modell: ny.modell.trim(),
      simAbonnemang: ny.simAbonnemang.trim(), intuneId: ny.intuneId.trim()
    };
    const skapad = await kor(() => register.laggTillEnhet(trimmad));
    if (skapad) onKlar(skapad);
  };
  const fot = (
    <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="center">
      <PrimaryButton text={strings.LaggTillSurfplatta} onClick={() => void spara()} disabled={sparar} />
      <DefaultButton text={strings.Avbryt} onClick={onStang} disabled={sparar} />
      {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
    </Stack>
  );
  return (
    <Panel isOpen type={PanelType.medium} headerText={strings.LaggTillSurfplatta} closeButtonAriaLabel={strings.Stang} onDismiss={onStang}
      onRenderFooterContent={() => fot} isFooterAtBottom styles={FOT_MED_BAKGRUND}>
      <Stack tokens={{ childrenGap: 12 }}>
        {visaFel && harFel && <MessageBar messageBarType={MessageBarType.error}>{strings.FelFormular}</MessageBar>}
        {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
        <TextField label={strings.FaltStoldmarkning} required value={ny.stoldmarkning} onChange={andra('stoldmarkning')}
          errorMessage={visaFel ? felen.stoldmarkning : undefined} />
        <TextField label={strings.FaltSerienummer} required value={ny.serienummer} onChange={andra('serienummer')}
          errorMessage={visaFel ? felen.serienummer : undefined} />
        <TextField label={strings.FaltModell} required value={ny.modell} onChange={andra('modell')} errorMessage={visaFel ? felen.modell : undefined} />
        <TextField label={strings.FaltSim} value={ny.simAbonnemang} onChange={andra('simAbonnemang')} />
        <TextField label={strings.FaltIntune} value={ny.intuneId} onChange={andra('intuneId')} description={strings.IntuneBeskrivning} />
      </Stack>
    </Panel>
  );
}

export interface IRegisterProps {
  register: IRegisterTjanst;
}

export function Register({ register }: IRegisterProps): JSX.Element {
  const { data, fel, laddar, laddaOm } = useLaddning(() => register.hamtaRegister(), [register]);
  const [sok, satSok] = React.useState('');
  const [status, satStatus] = React.useState(ALLA);
  const [modell, satModell] = React.useState(ALLA);
  const [ny, satNy] = React.useState(false);
  const [andrade, satAndrade] = React.useState<Record<number, ISurfplatta>>({});
  const [notis, satNotis] = React.useState<{ typ: MessageBarType; text: string }>();
  const [arbetar, satArbetar] = React.useState<number>();

  // A changed device replaces the read one until the next reload, so a step shows at once.
  const enheter = React.useMemo(() => (data ?? []).map((p) => andrade[p.id] ?? p), [data, andrade]);
  React.useEffect(() => satAndrade({}), [data]);

  const modeller = React.useMemo<IDropdownOption[]>(() => [
    { key: ALLA, text: strings.AllaModeller },
    ...Array.from(new Set(enheter.map((p) => p.modell).filter(Boolean))).sort((a, b) => a.localeCompare(b, 'sv')).map((m) => ({ key: m, text: m }))
  ], [enheter]);
  const statusval = React.useMemo<IDropdownOption[]>(() => [
    { key: ALLA, text: strings.AllaStatusar }, ...ENHETSSTATUS.map((s) => ({ key: s, text: enhetsstatusText(s) }))
  ], []);
  const synliga = React.useMemo(() => {
    const s = sok.trim().toLowerCase();
    return enheter.filter((p) => (status === ALLA || p.status === status) && (modell === ALLA || p.modell === modell) &&
      (!s || [p.stoldmarkning, p.serienummer, p.modell, p.simAbonnemang, p.aktivtLan?.lantagare?.namn ?? ''].some((v) => v.toLowerCase().includes(s))));
  }, [enheter, sok, status, modell]);

  const utfor = React.useCallback(async (p: ISurfplatta, handelse: Enhetshandelse): Promise<void> => {
    satNotis(undefined);
    satArbetar(p.id);
    try {
      const ny = await register.andraStatus(p, handelse);
      satAndrade((a) => ({ ...a, [ny.id]: ny }));
      satNotis({ typ: MessageBarType.success, text: fyll(strings.StatusAndrad, p.stoldmarkning, enhetsstatusText(ny.status)) });
    } catch (e) {
      const f: DataFel = tolkaDataFel(e);
      satNotis({ typ: MessageBarType.error, text: fyll(strings.StatusNekad, p.stoldmarkning, statusfelText(p.status, handelse, harUtlamnatLan(p), f)) });
      if (f.orsak === 'konflikt') laddaOm();
    } finally {
      satArbetar(undefined);
    }
  }, [register, laddaOm]);

  const kolumner = React.useMemo<IColumn[]>(() => [
    { key: 'stold', name: strings.KolumnStoldmarkning, fieldName: 'stoldmarkning', minWidth: 90, maxWidth: 120, isRowHeader: true },
    { key: 'serie', name: strings.KolumnSerienummer, fieldName: 'serienummer', minWidth: 110, maxWidth: 150 },
    { key: 'modell', name: strings.KolumnModell, fieldName: 'modell', minWidth: 120 },
    { key: 'sim', name: strings.KolumnSim, fieldName: 'simAbonnemang', minWidth: 110 },
    { key: 'intune', name: strings.KolumnIntune, minWidth: 90, onRender: (p: ISurfplatta) => p.intuneId || strings.IntuneSaknas },
    { key: 'status', name: strings.KolumnStatus, minWidth: 90, onRender: (p: ISurfplatta) => enhetsstatusText(p.status) },
    { key: 'lantagare', name: strings.KolumnLantagare, minWidth: 120, onRender: (p: ISurfplatta) => p.aktivtLan?.lantagare?.namn ?? '' },
    {
      key: 'steg', name: strings.KolumnAtgard, minWidth: 170, onRender: (p: ISurfplatta) => {
        const steg = registerSteg(p);
        // Said where theft and loss would have been offered, and read with the menu button.
        const viaHandelse = harUtlamnatLan(p) ? <Text id={`enhet-${p.id}-stold`} variant="small" block>{strings.StoldViaHandelse}</Text> : null;
        if (steg.length === 0) return <Stack tokens={{ childrenGap: 2 }}><Text variant="small">{strings.IngaSteg}</Text>{viaHandelse}</Stack>;
        const val: IContextualMenuItem[] = steg.map((h) => ({ key: h, text: handelseText(h), onClick: () => { void utfor(p, h); } }));
        return (
          <Stack tokens={{ childrenGap: 2 }}>
            <DefaultButton text={strings.AndraStatus} ariaLabel={fyll(strings.StatusMeny, p.stoldmarkning)} menuProps={{ items: val }}
              aria-describedby={viaHandelse ? `enhet-${p.id}-stold` : undefined} disabled={arbetar !== undefined} styles={{ root: { minWidth: 0, alignSelf: 'flex-start' } }} />
            {viaHandelse}
          </Stack>
        );
      }
    }
  ], [utfor, arbetar]);

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Stack horizontal>
        <DefaultButton text={strings.LaggTillSurfplatta} iconProps={{ iconName: 'Add' }} onClick={() => satNy(true)} disabled={!data} />
      </Stack>
      {notis && <MessageBar messageBarType={notis.typ} isMultiline onDismiss={() => satNotis(undefined)} dismissButtonAriaLabel={strings.Stang}>{notis.text}</MessageBar>}
      {arbetar !== undefined && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} />
      {data && data.length === 0 && (
        <EmptyState iconName="Tablet" title={strings.TomRubrik}>
          <Text as="p" block>{strings.TomText}</Text>
        </EmptyState>
      )}
      {data && data.length > 0 && (
        <>
          <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
            <SearchBox placeholder={strings.Sok} ariaLabel={strings.Sok} clearButtonProps={{ ariaLabel: common.RensaSokning }} value={sok} onChange={(_e, v) => satSok(v ?? '')} styles={{ root: { minWidth: 280 } }} />
            <Dropdown label={strings.FiltreraStatus} options={statusval} selectedKey={status} onChange={(_e, o) => satStatus(String(o?.key ?? ALLA))}
              styles={{ root: { minWidth: 160 } }} />
            <Dropdown label={strings.FiltreraModell} options={modeller} selectedKey={modell} onChange={(_e, o) => satModell(String(o?.key ?? ALLA))}
              styles={{ root: { minWidth: 180 } }} />
          </Stack>
          <Text role="status">{fyll(strings.Antal, synliga.length, enheter.length)}</Text>
          {synliga.length === 0
            ? <EmptyState iconName="Search" title={strings.IngenTraff} />
            : <DetailsList items={synliga} columns={kolumner} selectionMode={SelectionMode.none} layoutMode={DetailsListLayoutMode.justified}
              ariaLabelForGrid={strings.ListEtikett} getKey={(p: ISurfplatta) => String(p.id)} />}
        </>
      )}
      {ny && data && (
        <NyEnhetPanel register={register} befintliga={enheter} onStang={() => satNy(false)}
          onKlar={(p) => { satNy(false); satNotis({ typ: MessageBarType.success, text: fyll(strings.Tillagd, p.stoldmarkning) }); laddaOm(); }} />
      )}
    </Stack>
  );
}
