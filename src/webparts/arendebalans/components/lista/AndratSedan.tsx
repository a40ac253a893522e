import * as React from 'react';
import {
  DatePicker, DayOfWeek, defaultDatePickerStrings, DefaultButton, FirstWeekOfYear, IDatePickerStrings, Link, MessageBar,
  MessageBarType, ProgressIndicator, Stack, Text
} from '@fluentui/react';
import { format, parseISO } from 'date-fns';
import * as strings from 'ArendebalansListaStrings';
import * as gemensamma from 'CommonStrings';
import { isIsoDate, IsoDate } from '../../../../domain/dates';
import { isUppdragStatus, IUppdrag, IUppdragHandelse, RedigerbartFalt } from '../../../../domain/uppdrag';
import { ANDRINGSTYPER, AndringsTyp, IAndringSedan, kandidaterSedan, klassificeraAndring } from '../../../../domain/uppdragUrval';
import { IUppdragTjanst } from '../../../../data/uppdrag/UppdragTjanst';
import { fyll } from '../../../../ui/format';
import { statusText } from '../../../../ui/statusText';
import { korMedTak } from './korMedTak';

export interface IAndratSedanProps {
  uppdrag: IUppdrag[];
  tjanst: IUppdragTjanst;
  /** The day of KS's last sammanträde; the reader may pick another day. */
  standardFran: IsoDate;
  idag: IsoDate;
  onOppna: (id: number) => void;
}

/** At most this many history requests at a time, so SharePoint does not throttle the reader. */
const SAMTIDIGA = 4;
/** Longer free text is cut so one comment does not fill the screen; the full text is one click away. */
const MAX_TECKEN = 140;

const lista = (text: string): string[] => text.split(',');

function datumStrangar(): IDatePickerStrings {
  return {
    ...defaultDatePickerStrings,
    months: lista(strings.Manader),
    shortMonths: lista(strings.ManaderKort),
    days: lista(strings.Veckodagar),
    shortDays: lista(strings.VeckodagarKort),
    goToToday: strings.GaTillIdag,
    prevMonthAriaLabel: strings.ForegaendeManad,
    nextMonthAriaLabel: strings.NastaManad,
    prevYearAriaLabel: strings.ForegaendeAr,
    nextYearAriaLabel: strings.NastaAr,
    prevYearRangeAriaLabel: strings.ForegaendeAren,
    nextYearRangeAriaLabel: strings.NastaAren,
    closeButtonAriaLabel: strings.StangKalender,
    weekNumberFormatString: strings.Vecka,
    selectedDateFormatString: strings.ValtDatum,
    todayDateFormatString: strings.DagensDatum,
    invalidInputErrorMessage: strings.OgiltigtDatum,
    isOutOfBoundsErrorMessage: strings.OgiltigtDatum
  };
}

const FALTNAMN: Record<RedigerbartFalt, () => string> = {
  status: () => strings.FaltStatus,
  varIHanteringen: () => strings.FaltVarIHanteringen,
  orsakKod: () => strings.FaltOrsakKod,
  orsakText: () => strings.FaltOrsakText,
  planeratKlart: () => strings.FaltPlaneratKlart,
  aterrapporteraSenast: () => strings.FaltAterrapporteraSenast,
  kommentar: () => strings.FaltKommentar,
  textForPolitiker: () => strings.FaltTextForPolitiker
};

const TYPRUBRIK: Record<AndringsTyp, () => string> = {
  nytt: () => strings.TypNytt,
  forskjutet: () => strings.TypForskjutet,
  avslutat: () => strings.TypAvslutat,
  andrat: () => strings.TypAndrat
};

function visaVarde(falt: RedigerbartFalt, varde: string | undefined): string {
  if (varde === undefined || varde === '') return strings.TomtVarde;
  if (falt === 'status' && isUppdragStatus(varde)) return statusText(varde);
  return varde.length > MAX_TECKEN ? `${varde.slice(0, MAX_TECKEN - 1)}…` : varde;
}

interface IHamtning {
  for: IUppdrag[];
  klara: number;
  misslyckade: ReadonlySet<number>;
}

/**
 * What has happened in the backlog since a day (by default the last KS sammanträde): new,
 * slipped, verkställda and otherwise changed uppdrag, each with what changed. History is read only
 * for rows saved on or after the day.
 */
export function AndratSedan({ uppdrag, tjanst, standardFran, idag, onOppna }: IAndratSedanProps): JSX.Element {
  const [fran, satFran] = React.useState<IsoDate>(standardFran);
  React.useEffect(() => satFran(standardFran), [standardFran]);
  const [omgang, satOmgang] = React.useState(0);
  // Histories already read; a new list or service means rows may have changed, so start over.
  const cache = React.useRef<{ uppdrag: IUppdrag[]; tjanst: IUppdragTjanst; historik: Map<number, IUppdragHandelse[]> }>();
  if (!cache.current || cache.current.uppdrag !== uppdrag || cache.current.tjanst !== tjanst) {
    cache.current = { uppdrag, tjanst, historik: new Map() };
  }
  const historik = cache.current.historik;
  const kandidater = React.useMemo(() => kandidaterSedan(uppdrag, fran), [uppdrag, fran]);
  // Tied to the candidates it counts, so a new date never shows the old date's progress as done.
  const [hamtning, satHamtning] = React.useState<IHamtning>({ for: [], klara: 0, misslyckade: new Set() });

  React.useEffect(() => {
    let aktiv = true;
    const saknas = kandidater.filter((u) => !historik.has(u.id));
    let klara = kandidater.length - saknas.length;
    const misslyckade = new Set<number>();
    satHamtning({ for: kandidater, klara, misslyckade });
    void korMedTak(saknas, SAMTIDIGA, (u) => tjanst.hamtaHistorik(u.id), (u, utfall) => {
      klara++;
      if ('resultat' in utfall) historik.set(u.id, utfall.resultat);
      else misslyckade.add(u.id);
      satHamtning({ for: kandidater, klara, misslyckade: new Set(misslyckade) });
    }, () => !aktiv);
    return () => { aktiv = false; };
  }, [kandidater, historik, tjanst, omgang]);

  const klart = hamtning.for === kandidater && hamtning.klara >= kandidater.length;
  const perTyp = React.useMemo(() => {
    const grupper = new Map<AndringsTyp, Array<{ u: IUppdrag; andring: IAndringSedan }>>();
    if (!klart) return grupper;
    for (const u of kandidater) {
      // A row whose history failed is still listed, marked as changed without details.
      const andring = klassificeraAndring(u, hamtning.misslyckade.has(u.id) ? [] : historik.get(u.id) ?? [], fran);
      if (!andring) continue;
      const rader = grupper.get(andring.typ) ?? [];
      rader.push({ u, andring });
      grupper.set(andring.typ, rader);
    }
    for (const rader of Array.from(grupper.values())) {
      rader.sort((a, b) => (b.andring.senast ?? '').localeCompare(a.andring.senast ?? '') || a.u.rubrik.localeCompare(b.u.rubrik, 'sv'));
    }
    return grupper;
  }, [klart, kandidater, historik, fran, hamtning]);
  const antal = Array.from(perTyp.values()).reduce((s, r) => s + r.length, 0);

  const tillDatum = (iso: IsoDate): Date => parseISO(iso);
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }}>
        <DatePicker
          label={strings.AndratSedanDatum}
          placeholder={strings.DatumPlatshallare}
          ariaLabel={strings.AndratSedanDatum}
          strings={datumStrangar()}
          value={tillDatum(fran)}
          today={tillDatum(idag)}
          maxDate={tillDatum(idag)}
          firstDayOfWeek={DayOfWeek.Monday}
          firstWeekOfYear={FirstWeekOfYear.FirstFourDayWeek}
          showWeekNumbers
          showGoToToday
          allowTextInput
          formatDate={(d?: Date) => (d ? format(d, 'yyyy-MM-dd') : '')}
          parseDateFromString={(s: string) => (isIsoDate(s.trim()) ? parseISO(s.trim()) : null)}
          onSelectDate={(d) => { if (d) satFran(format(d, 'yyyy-MM-dd')); }}
          styles={{ root: { minWidth: 200 } }}
        />
      </Stack>
      <Text as="p" block styles={{ root: { margin: 0 } }}>{strings.AndratSedanHjalp}</Text>
      {!klart && (
        <ProgressIndicator
          label={strings.HamtarHistorik}
          description={fyll(strings.HamtarHistorikAntal, hamtning.klara, kandidater.length)}
          percentComplete={kandidater.length > 0 ? hamtning.klara / kandidater.length : 0}
        />
      )}
      {klart && hamtning.misslyckade.size > 0 && (
        <MessageBar
          messageBarType={MessageBarType.warning}
          isMultiline
          actions={<DefaultButton text={gemensamma.ForsokIgen} onClick={() => satOmgang((n) => n + 1)} />}
        >
          {fyll(strings.HistorikFel, hamtning.misslyckade.size)}
        </MessageBar>
      )}
      {klart && (
        <Text role="status" block>
          {antal > 0 ? fyll(strings.AndratSedanAntal, antal, fran) : fyll(strings.IngaAndringar, fran)}
        </Text>
      )}
      {klart && ANDRINGSTYPER.filter((typ) => perTyp.has(typ)).map((typ) => {
        const rader = perTyp.get(typ)!;
        const rubrikId = `andrat-sedan-${typ}`;
        return (
          <section key={typ} aria-labelledby={rubrikId}>
            <Text as="h3" variant="large" id={rubrikId} block styles={{ root: { margin: '8px 0' } }}>
              {`${TYPRUBRIK[typ]()} (${rader.length})`}
            </Text>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {rader.map(({ u, andring }) => <AndringsRad key={u.id} uppdrag={u} andring={andring} onOppna={onOppna} />)}
            </ul>
          </section>
        );
      })}
    </Stack>
  );
}

function AndringsRad({ uppdrag: u, andring, onOppna }: { uppdrag: IUppdrag; andring: IAndringSedan; onOppna: (id: number) => void }): JSX.Element {
  const falt = Object.keys(andring.andringar) as RedigerbartFalt[];
  const nar = andring.senast ?? u.senastAndrad ?? '';
  return (
    <li style={{ marginBottom: 12 }}>
      <Link onClick={() => onOppna(u.id)}>{u.rubrik.trim() || fyll(strings.UtanRubrik, u.id)}</Link>
      <Text block variant="small">{[u.beslutsinstans, u.beslutsdatum, u.paragraf, u.diarienummer, u.forvaltning].filter(Boolean).join(' · ')}</Text>
      {falt.length > 0 && (
        <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
          {falt.map((f) => {
            const [fore, efter] = andring.andringar[f]!;
            return <li key={f}><Text>{fyll(strings.FaltAndring, FALTNAMN[f](), visaVarde(f, fore), visaVarde(f, efter))}</Text></li>;
          })}
        </ul>
      )}
      {andring.utanHistorik && <Text block>{strings.UtanHistorik}</Text>}
      {!andring.utanHistorik && falt.length === 0 && <Text block>{strings.OvrigaUppgifter}</Text>}
      <Text block variant="small">
        {andring.vem.length > 0 ? fyll(strings.AndradAv, nar, andring.vem.join(', ')) : fyll(strings.AndradDag, nar)}
      </Text>
    </li>
  );
}
