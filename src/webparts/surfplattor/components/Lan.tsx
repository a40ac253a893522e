/**
 * Kommunservice's loans: a new loan waits for the borrower's own receipt; "Lämna ut" only once it
 * exists, "Avbryt lån" until then; "Ta emot" with the condition notes and kommunservice's own signature.
 */
import * as React from 'react';
import {
  DefaultButton, DetailsList, DetailsListLayoutMode, Dialog, DialogFooter, DialogType, Dropdown, focusAsync, getId, IColumn, IDropdownOption,
  IPersonaProps, Label, Link, MessageBar, MessageBarType, NormalPeoplePicker, Panel, PanelType, PrimaryButton, SearchBox, SelectionMode, Spinner, SpinnerSize,
  Stack, Text, TextField
} from '@fluentui/react';
import * as strings from 'SurfplattorWebPartStrings';
import * as common from 'CommonStrings';
import { IsoDate } from '../../../domain/dates';
import { LANSTATUS, valideraKvittens, valideraNyttLan } from '../../../domain/surfplatta';
import { DataFel } from '../../../data/fel';
import { ILan, IRegisterTjanst, ISurfplatta } from '../../../data/surfplattor/typer';
import { IPerson } from '../../../domain/personer';
import { EmptyState } from '../../../ui/EmptyState';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { FOT_MED_BAKGRUND } from '../../../ui/panelStilar';
import { useLaddning } from '../../../ui/useLaddning';
import { useSkrivning } from '../../../ui/skrivning';
import { ISignaturVal, Signatur, tillKvittens, TOM_SIGNATUR } from './Signatur';
import { kodText, lanstatusText, skrivfelText, tidpunkt } from './texter';

const ALLA = '';

/** The borrower's receipt for a waiting loan: the service reads it from the borrower's Kvittenser row. */
export const harKvittens = (lan: ILan): boolean => !!(lan.kvitteradTid || lan.kvittensUrl);

function Knappar({ text, sparar, onSpara, onAvbryt }: { text: string; sparar: boolean; onSpara: () => void; onAvbryt: () => void }): JSX.Element {
  return (
    <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="center">
      <PrimaryButton text={text} onClick={onSpara} disabled={sparar} />
      <DefaultButton text={strings.Avbryt} onClick={onAvbryt} disabled={sparar} />
      {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
    </Stack>
  );
}

const tillPersona = (p: IPerson): IPersonaProps & { person: IPerson } => ({ key: String(p.id), text: p.namn, secondaryText: p.epost, person: p });

/** A people picker fed by the site's users, with a real label and its error read out. */
function Personval({ etikett, sok, vald, onVal, fel }: {
  etikett: string; sok: (text: string) => Promise<IPerson[]>; vald?: IPerson; onVal: (p: IPerson | undefined) => void; fel?: string;
}): JSX.Element {
  const [id] = React.useState(() => getId('lantagare'));
  const hitta = async (text: string): Promise<IPersonaProps[]> => {
    if (text.trim().length < 2) return [];
    return (await sok(text.trim()).catch(() => [] as IPerson[])).map(tillPersona);
  };
  return (
    <div>
      <Label id={`${id}-etikett`} htmlFor={id} required>{etikett}</Label>
      <NormalPeoplePicker onResolveSuggestions={hitta} itemLimit={1} resolveDelay={300}
        selectedItems={vald ? [tillPersona(vald)] : []}
        onChange={(items) => onVal((items?.[0] as ReturnType<typeof tillPersona> | undefined)?.person)}
        inputProps={{ id, 'aria-labelledby': `${id}-etikett`, 'aria-invalid': !!fel }}
        // The picker's own error: shown as an alert and named in the input's aria-describedby (which the picker sets itself).
        errorMessage={fel}
        pickerSuggestionsProps={{ noResultsFoundText: strings.IngaPersoner, loadingText: strings.Soker, suggestionsHeaderText: strings.ForslagPersoner }} />
    </div>
  );
}

function NyttLanPanel({ register, idag, onKlar, onStang }: { register: IRegisterTjanst; idag: IsoDate; onKlar: (l: ILan) => void; onStang: () => void }): JSX.Element {
  const enheter = useLaddning(() => register.hamtaRegister(), [register]);
  const [enhetId, satEnhetId] = React.useState<number>();
  const [lantagare, satLantagare] = React.useState<IPerson>();
  const [mandatSlut, satMandatSlut] = React.useState('');
  const [visaFel, satVisaFel] = React.useState(false);
  const { sparar, fel, kor } = useSkrivning();
  const iLager = (enheter.data ?? []).filter((p) => p.status === 'I lager' && !p.aktivtLan);
  const enhet: ISurfplatta | undefined = iLager.find((p) => p.id === enhetId);
  // The rule is asked per field, so every field shows its own error at once.
  const datumfel = valideraNyttLan({ lantagareId: 1, enhetsstatus: 'I lager', mandatSlut }, idag);
  const felen = {
    enhet: !enhet ? strings.FelEnhet : undefined,
    lantagare: !lantagare ? kodText('LantagareSaknas') : undefined,
    mandatSlut: datumfel ? kodText(datumfel) : undefined
  };
  const spara = async (): Promise<void> => {
    satVisaFel(true);
    if (!enhet || !lantagare || valideraNyttLan({ lantagareId: lantagare.id, enhetsstatus: enhet.status, mandatSlut }, idag)) return;
    const lan = await kor(() => register.skapaLan(enhet, lantagare, mandatSlut));
    if (lan) onKlar(lan);
  };
  const val: IDropdownOption[] = iLager.map((p) => ({ key: p.id, text: `${p.stoldmarkning} – ${p.modell} (${p.serienummer})` }));
  return (
    <Panel isOpen type={PanelType.medium} headerText={strings.NyttLan} closeButtonAriaLabel={strings.Stang} onDismiss={onStang} isFooterAtBottom
      styles={FOT_MED_BAKGRUND} onRenderFooterContent={() => <Knappar text={strings.SkapaLan} sparar={sparar} onSpara={() => void spara()} onAvbryt={onStang} />}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Laddningsstatus laddar={enheter.laddar && !enheter.data} fel={enheter.fel} laddaOm={enheter.laddaOm} />
        {visaFel && Object.values(felen).some(Boolean) && <MessageBar messageBarType={MessageBarType.error}>{strings.FelFormular}</MessageBar>}
        {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
        {enheter.data && iLager.length === 0 && <MessageBar messageBarType={MessageBarType.warning}>{strings.IngaILager}</MessageBar>}
        <Dropdown label={strings.FaltEnhet} required placeholder={strings.ValjEnhet} options={val} selectedKey={enhetId ?? null}
          onChange={(_e, o) => o && satEnhetId(Number(o.key))} errorMessage={visaFel ? felen.enhet : undefined} />
        <Personval etikett={strings.FaltLantagare} sok={(t) => register.sokPersoner(t)} vald={lantagare} onVal={satLantagare}
          fel={visaFel ? felen.lantagare : undefined} />
        <TextField label={strings.FaltMandatSlut} type="date" required value={mandatSlut} onChange={(_e, v) => satMandatSlut(v ?? '')}
          description={strings.MandatSlutBeskrivning} errorMessage={visaFel ? felen.mandatSlut : undefined} />
      </Stack>
    </Panel>
  );
}

function TaEmotPanel({ register, lan, aktuellPerson, onKlar, onStang }: {
  register: IRegisterTjanst; lan: ILan; aktuellPerson: () => Promise<IPerson>; onKlar: (l: ILan) => void; onStang: () => void;
}): JSX.Element {
  const person = useLaddning(aktuellPerson, [aktuellPerson]);
  const [skick, satSkick] = React.useState('');
  const [signatur, satSignatur] = React.useState<ISignaturVal>(TOM_SIGNATUR);
  const [visaFel, satVisaFel] = React.useState(false);
  const { sparar, fel, kor } = useSkrivning();
  const namn = person.data?.namn ?? '';
  // No guideline to read at a return: the receipt is of the device and its condition.
  const kvittensfel = valideraKvittens({ satt: signatur.satt, skrivetNamn: signatur.skrivetNamn, harRitning: !!signatur.ritning, riktlinjenLast: true }, namn);
  const skickfel = !skick.trim() ? strings.FelSkick : undefined;
  const spara = async (): Promise<void> => {
    satVisaFel(true);
    if (!person.data || skickfel || kvittensfel) return;
    const ny = await kor(() => register.taEmot(lan, skick.trim(), tillKvittens(signatur)));
    if (ny) onKlar(ny);
  };
  return (
    <Panel isOpen type={PanelType.medium} headerText={fyll(strings.TaEmotRubrik, lan.stoldmarkning)} closeButtonAriaLabel={strings.Stang} onDismiss={onStang}
      isFooterAtBottom styles={FOT_MED_BAKGRUND}
      onRenderFooterContent={() => <Knappar text={strings.TaEmot} sparar={sparar} onSpara={() => void spara()} onAvbryt={onStang} />}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Text as="p" block>{fyll(strings.TaEmotText, lan.stoldmarkning, lan.lantagare?.namn ?? strings.IngenLantagare)}</Text>
        <Laddningsstatus laddar={person.laddar && !person.data} fel={person.fel} laddaOm={person.laddaOm} />
        {visaFel && (skickfel || kvittensfel) && <MessageBar messageBarType={MessageBarType.error}>{strings.FelFormular}</MessageBar>}
        {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
        <TextField label={strings.FaltSkick} required multiline rows={4} value={skick} onChange={(_e, v) => satSkick(v ?? '')}
          description={strings.SkickBeskrivning} errorMessage={visaFel ? skickfel : undefined} />
        <Text as="h3" variant="mediumPlus" block styles={{ root: { margin: 0 } }}>{strings.TaEmotSignera}</Text>
        {person.data && (
          <Signatur varde={signatur} onChange={satSignatur} namnIM365={namn} fel={visaFel ? kvittensfel : undefined} disabled={sparar} />
        )}
      </Stack>
    </Panel>
  );
}

/** Links to a loan's receipts, as the reader can open them. */
export function Kvittenslankar({ lan }: { lan: ILan }): JSX.Element | null {
  if (!lan.kvittensUrl && !lan.aterKvittensUrl) return null;
  return (
    <Stack tokens={{ childrenGap: 2 }}>
      {lan.kvittensUrl && <Link href={lan.kvittensUrl} target="_blank" rel="noopener noreferrer">{strings.KvittensLank}</Link>}
      {lan.aterKvittensUrl && <Link href={lan.aterKvittensUrl} target="_blank" rel="noopener noreferrer">{strings.AterKvittensLank}</Link>}
    </Stack>
  );
}

export interface ILanProps {
  register: IRegisterTjanst;
  /** The signed-in person, whose name a typed return signature must match. */
  aktuellPerson: () => Promise<IPerson>;
  idag: IsoDate;
}

/** Asks before cancelling a loan that waits for its receipt; the error stays in the dialog for a retry. */
function AvbrytDialog({ lan, sparar, fel, onBekrafta, onStang }: {
  lan: ILan; sparar: boolean; fel?: DataFel; onBekrafta: () => void; onStang: () => void;
}): JSX.Element {
  return (
    <Dialog hidden={false} onDismiss={sparar ? undefined : onStang} modalProps={{ isBlocking: true }}
      dialogContentProps={{
        type: DialogType.normal, title: strings.AvbrytLanRubrik,
        subText: fyll(strings.AvbrytLanText, lan.stoldmarkning, lan.lantagare?.namn ?? strings.IngenLantagare)
      }}>
      {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
      <DialogFooter>
        {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" styles={{ root: { display: 'inline-flex', marginRight: 8 } }} />}
        <PrimaryButton text={strings.AvbrytLanBekrafta} onClick={onBekrafta} disabled={sparar} />
        <DefaultButton text={strings.AvbrytLanBehall} onClick={onStang} disabled={sparar} />
      </DialogFooter>
    </Dialog>
  );
}

export function Lan({ register, aktuellPerson, idag }: ILanProps): JSX.Element {
  const { data, fel, laddar, laddaOm } = useLaddning(() => register.hamtaLan(), [register]);
  const [sok, satSok] = React.useState('');
  const [status, satStatus] = React.useState(ALLA);
  const [nytt, satNytt] = React.useState(false);
  const [taEmot, satTaEmot] = React.useState<ILan>();
  const [avbryter, satAvbryter] = React.useState<ILan>();
  const [notis, satNotis] = React.useState<{ typ: MessageBarType; text: string }>();
  const lamna = useSkrivning();
  const avbryt = useSkrivning();
  const [lamnarId, satLamnarId] = React.useState<number>();
  const [idPrefix] = React.useState(() => getId('lan'));
  const nyttLanId = `${idPrefix}-nytt`;
  const radRubrik = React.useCallback((lanId: number) => `${idPrefix}-${lanId}`, [idPrefix]);

  // After a write the button that was pressed changes or goes (the panel or dialog closes, the row
  // reloads), so focus would fall to <body>. It goes to the row's heading once the list is read
  // again, or to "Nytt lån" when the row is no longer shown.
  const fokus = React.useRef<{ lanId: number; harLaddat: boolean }>();
  const laddarNu = React.useRef(laddar);
  laddarNu.current = laddar;
  const laddaOmOchFokusera = React.useCallback((lanId: number) => {
    fokus.current = { lanId, harLaddat: laddarNu.current };
    laddaOm();
  }, [laddaOm]);
  React.useEffect(() => {
    const f = fokus.current;
    if (!f) return;
    if (laddar) { f.harLaddat = true; return; }
    if (!f.harLaddat) return;
    fokus.current = undefined;
    // focusAsync replaces the focus a closing panel or dialog has queued for its opener.
    focusAsync(document.getElementById(radRubrik(f.lanId)) ?? document.getElementById(nyttLanId) ?? undefined);
  }, [laddar, radRubrik, nyttLanId]);

  const statusval = React.useMemo<IDropdownOption[]>(() => [
    { key: ALLA, text: strings.AllaLan }, ...LANSTATUS.map((s) => ({ key: s, text: lanstatusText(s) }))
  ], []);
  const synliga = React.useMemo(() => {
    const s = sok.trim().toLowerCase();
    return (data ?? []).filter((l) => (status === ALLA || l.status === status) &&
      (!s || [l.stoldmarkning, l.lantagare?.namn ?? '', l.lantagare?.epost ?? ''].some((v) => v.toLowerCase().includes(s))));
  }, [data, sok, status]);

  const lamnaUt = React.useCallback(async (lan: ILan): Promise<void> => {
    satNotis(undefined);
    satLamnarId(lan.id);
    const ny = await lamna.kor(() => register.lamnaUt(lan));
    satLamnarId(undefined);
    if (!ny) return;
    // The success MessageBar is a polite status (role="status"): it says what happened.
    satNotis({ typ: MessageBarType.success, text: fyll(strings.Utlamnad, ny.stoldmarkning, ny.lantagare?.namn ?? '') });
    laddaOmOchFokusera(ny.id);
  }, [register, lamna, laddaOmOchFokusera]);

  const bekraftaAvbryt = async (): Promise<void> => {
    if (!avbryter) return;
    const lan = avbryter;
    const klart = await avbryt.kor(async () => { await register.avbrytLan(lan); return true; });
    if (!klart) {
      // The loan may have changed meanwhile (signed, handed out): the list shows what is there now.
      laddaOm();
      return;
    }
    satAvbryter(undefined);
    satNotis({ typ: MessageBarType.success, text: fyll(strings.LanAvbrutet, lan.stoldmarkning, lan.lantagare?.namn ?? strings.IngenLantagare) });
    laddaOmOchFokusera(lan.id);
  };
  const stangAvbryt = (): void => {
    satAvbryter(undefined);
    avbryt.rensa();
  };

  const kolumner = React.useMemo<IColumn[]>(() => [
    {
      key: 'enhet', name: strings.KolumnStoldmarkning, fieldName: 'stoldmarkning', minWidth: 90, maxWidth: 120, isRowHeader: true,
      // Focusable from script only: where focus lands after a write on the row.
      onRender: (l: ILan) => <span id={radRubrik(l.id)} tabIndex={-1}>{l.stoldmarkning}</span>
    },
    { key: 'lantagare', name: strings.KolumnLantagare, minWidth: 130, onRender: (l: ILan) => l.lantagare?.namn ?? strings.IngenLantagare },
    { key: 'status', name: strings.KolumnStatus, minWidth: 120, onRender: (l: ILan) => lanstatusText(l.status) },
    { key: 'mandat', name: strings.KolumnMandatSlut, fieldName: 'mandatSlut', minWidth: 90 },
    { key: 'utlamnad', name: strings.KolumnUtlamnad, minWidth: 90, onRender: (l: ILan) => l.utlamnad ?? '' },
    { key: 'aterlamnad', name: strings.KolumnAterlamnad, minWidth: 90, onRender: (l: ILan) => l.aterlamnad ?? '' },
    {
      key: 'kvittens', name: strings.KolumnKvittens, minWidth: 160, onRender: (l: ILan) => (
        <Stack tokens={{ childrenGap: 2 }}>
          {l.kvitteradAv && <Text variant="small">{fyll(strings.KvitteradAvTid, l.kvitteradAv, l.kvitteradTid ? tidpunkt(l.kvitteradTid) : '')}</Text>}
          <Kvittenslankar lan={l} />
        </Stack>
      )
    },
    {
      key: 'atgard', name: strings.KolumnAtgard, minWidth: 200, onRender: (l: ILan) => {
        if (l.status === 'Väntar på kvittens') {
          const hinderId = `lan-${l.id}-hinder`;
          const kvitterat = harKvittens(l);
          return (
            <Stack tokens={{ childrenGap: 2 }}>
              <Stack horizontal wrap tokens={{ childrenGap: 4 }}>
                <PrimaryButton text={strings.LamnaUt} allowDisabledFocus disabled={!kvitterat || lamnarId !== undefined} aria-describedby={kvitterat ? undefined : hinderId}
                  ariaLabel={fyll(strings.LamnaUtEtikett, l.stoldmarkning)} onClick={() => void lamnaUt(l)} styles={{ root: { minWidth: 0 } }} />
                <DefaultButton text={strings.AvbrytLan} ariaLabel={fyll(strings.AvbrytLanEtikett, l.stoldmarkning)} disabled={lamnarId !== undefined}
                  onClick={() => { satNotis(undefined); satAvbryter(l); }} styles={{ root: { minWidth: 0 } }} />
              </Stack>
              {!kvitterat && <Text id={hinderId} variant="small">{strings.LamnaUtHinder}</Text>}
            </Stack>
          );
        }
        if (l.status === 'Utlånad') {
          return <DefaultButton text={strings.TaEmot} ariaLabel={fyll(strings.TaEmotEtikett, l.stoldmarkning)} onClick={() => satTaEmot(l)} styles={{ root: { minWidth: 0 } }} />;
        }
        return l.skickVidRetur ? <Text variant="small">{fyll(strings.SkickVidRetur, l.skickVidRetur)}</Text> : null;
      }
    }
  ], [lamnaUt, lamnarId, radRubrik]);

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Stack horizontal>
        <DefaultButton id={nyttLanId} text={strings.NyttLan} iconProps={{ iconName: 'Add' }} onClick={() => satNytt(true)} />
      </Stack>
      {notis && <MessageBar messageBarType={notis.typ} isMultiline onDismiss={() => satNotis(undefined)} dismissButtonAriaLabel={strings.Stang}>{notis.text}</MessageBar>}
      {lamna.fel && <MessageBar messageBarType={MessageBarType.error} isMultiline onDismiss={lamna.rensa} dismissButtonAriaLabel={strings.Stang}>{skrivfelText(lamna.fel)}</MessageBar>}
      {lamnarId !== undefined && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} />
      {data && data.length === 0 && <EmptyState iconName="Tablet" title={strings.TomLan} />}
      {data && data.length > 0 && (
        <>
          <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
            <SearchBox placeholder={strings.SokLan} ariaLabel={strings.SokLan} clearButtonProps={{ ariaLabel: common.RensaSokning }} value={sok} onChange={(_e, v) => satSok(v ?? '')} styles={{ root: { minWidth: 260 } }} />
            <Dropdown label={strings.FiltreraStatus} options={statusval} selectedKey={status} onChange={(_e, o) => satStatus(String(o?.key ?? ALLA))}
              styles={{ root: { minWidth: 180 } }} />
          </Stack>
          <Text role="status">{fyll(strings.LanAntal, synliga.length, data.length)}</Text>
          {synliga.length === 0
            ? <EmptyState iconName="Search" title={strings.IngenTraffLan} />
            : <DetailsList items={synliga} columns={kolumner} selectionMode={SelectionMode.none} layoutMode={DetailsListLayoutMode.justified}
              ariaLabelForGrid={strings.LanEtikett} getKey={(l: ILan) => String(l.id)} />}
        </>
      )}
      {nytt && (
        <NyttLanPanel register={register} idag={idag} onStang={() => satNytt(false)}
          onKlar={(l) => {
            satNytt(false);
            satNotis({ typ: MessageBarType.success, text: fyll(strings.LanSkapat, l.stoldmarkning, l.lantagare?.namn ?? '') });
            laddaOmOchFokusera(l.id);
          }} />
      )}
      {taEmot && (
        <TaEmotPanel register={register} lan={taEmot} aktuellPerson={aktuellPerson} onStang={() => satTaEmot(undefined)}
          onKlar={(l) => {
            satTaEmot(undefined);
            satNotis({ typ: MessageBarType.success, text: fyll(strings.Mottagen, l.stoldmarkning) });
            laddaOmOchFokusera(l.id);
          }} />
      )}
      {avbryter && <AvbrytDialog lan={avbryter} sparar={avbryt.sparar} fel={avbryt.fel} onBekrafta={() => void bekraftaAvbryt()} onStang={stangAvbryt} />}
    </Stack>
  );
}
