/**
 * The e-mail routine of a @pol mailbox (seed 004 §5, issue 7): inbox, sent and deleted items with
 * their unhandled mails, each mail diarieförd, gallrad or kept with a reason, one at a time or many
 * in one run; a run cut short is finished from the banner; the 30-day log; the weekday reminder.
 */
import * as React from 'react';
import { getId, MessageBar, MessageBarType, Pivot, PivotItem, PrimaryButton, Stack, Text } from '@fluentui/react';
import * as strings from 'EpostrutinWebPartStrings';
import { EPOST_MAPPAR, EpostMapp, IEpostrutinTjanst, IMappOversikt, IMappStatus, IMeddelandeRad } from '../../../data/epost/typer';
import { DataFelorsak } from '../../../data/fel';
import { IsoDate } from '../../../domain/dates';
import { IAtgardsval, LOGGDAGAR, valideraAtgard, visaPaminnelse } from '../../../domain/epostrutin';
import { Registratorkalla } from '../../../domain/registrator';
import { felText } from '../../../ui/felText';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { PartShell } from '../../../ui/PartShell';
import { useLaddning } from '../../../ui/useLaddning';
import { IAvfardadLager, lokaltAvfardadLager } from './avfardad';
import { Framsteg, Korningsresultat, useKorning } from './Korning';
import { Logg } from './Logg';
import { Mapplista } from './Mapplista';
import { Paminnelse } from './Paminnelse';
import { mappnamn, registratorSaknasText } from './texter';

export interface IEpostrutinAppProps {
  /** The signed-in person's own mailbox and journal. */
  tjanst: IEpostrutinTjanst;
  /** Where Diarieför forwards to; empty when neither the web part nor the tenant has one (src/domain/registrator.ts). */
  registratorAdress: string;
  /** Where the address came from; 'olast' when the tenant setting could not be read. */
  registratorKalla?: Registratorkalla;
  /** Why the tenant setting could not be read, when `registratorKalla` is 'olast'. */
  registratorFel?: DataFelorsak;
  /** Today in Sweden: the nudge's weekday and the log's window. */
  idag: IsoDate;
  /** Where "not today" for the nudge is kept; the browser's localStorage unless given. */
  avfardad?: IAvfardadLager;
  /** Mails per page. */
  sidstorlek?: number;
}

type Flik = EpostMapp | 'logg';

const ohanterade = (s: IMappStatus): number => Math.max(0, s.totalt - s.behallna);
const summaOhanterade = (m: IMappOversikt): number => EPOST_MAPPAR.reduce((summa, mapp) => summa + ohanterade(m[mapp]), 0);

export function EpostrutinApp({ tjanst, registratorAdress, registratorKalla, registratorFel, idag, avfardad, sidstorlek = 25 }: IEpostrutinAppProps): JSX.Element {
  const [id] = React.useState(() => getId('epostrutin'));
  const [lager] = React.useState(() => avfardad ?? lokaltAvfardadLager());
  const mappar = useLaddning(() => tjanst.hamtaMappar(), [tjanst]);
  const avbrutna = useLaddning(() => tjanst.hamtaAvbrutna(), [tjanst]);
  const [flik, satFlik] = React.useState<Flik>('inkorg');
  const [omgang, satOmgang] = React.useState(0);
  const [avfardadDag, satAvfardadDag] = React.useState(() => lager.hamta());

  const { laddaOm: laddaOmMappar } = mappar;
  const { laddaOm: laddaOmAvbrutna } = avbrutna;
  const laddaOmAllt = React.useCallback(() => {
    laddaOmMappar();
    laddaOmAvbrutna();
    satOmgang((n) => n + 1);
  }, [laddaOmMappar, laddaOmAvbrutna]);
  const korning = useKorning(tjanst, laddaOmAllt);

  // Focus follows the run: to its progress when it starts, to its result when it ends.
  const framstegRef = React.useRef<HTMLDivElement>(null);
  const resultatRef = React.useRef<HTMLDivElement>(null);
  const kors = korning.pagaende !== undefined;
  React.useEffect(() => {
    if (kors) framstegRef.current?.focus();
  }, [kors]);
  React.useEffect(() => {
    if (korning.utfall) resultatRef.current?.focus();
  }, [korning.utfall]);

  const { kor } = korning;
  const hantera = React.useCallback((meddelanden: readonly IMeddelandeRad[], val: IAtgardsval) => {
    void kor({ typ: 'val', val, meddelanden });
  }, [kor]);

  // A failed read is not "none set": telling the reader to have one set could be wrong, so it says what happened.
  const diarieforHinder = valideraAtgard({ atgard: 'Diarieför' }, registratorAdress) !== 'RegistratorSaknas' ? undefined
    : registratorKalla === 'olast' ? fyll(strings.RegistratorOlast, felText(registratorFel ?? 'okant')) : registratorSaknasText();
  const antalAvbrutna = (avbrutna.data ?? []).reduce((summa, k) => summa + k.poster.length, 0);
  const totaltOhanterade = mappar.data ? summaOhanterade(mappar.data) : 0;
  const oversikt = mappar.data;
  const visaKnuff = oversikt !== undefined && visaPaminnelse(totaltOhanterade, idag, avfardadDag);

  return (
    <PartShell title={strings.Rubrik} description={strings.Beskrivning}>
      {diarieforHinder
        ? <MessageBar messageBarType={MessageBarType.warning} isMultiline>{diarieforHinder}</MessageBar>
        : <Text as="p" block styles={{ root: { margin: 0 } }}>{fyll(strings.RegistratorAdress, registratorAdress)}</Text>}

      {visaKnuff && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline onDismiss={() => { lager.spara(idag); satAvfardadDag(idag); }}
          dismissButtonAriaLabel={strings.KnuffAvfarda}>
          {fyll(totaltOhanterade === 1 ? strings.KnuffEtt : strings.Knuff, totaltOhanterade)}
        </MessageBar>
      )}

      {antalAvbrutna > 0 && !kors && (
        <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline
          actions={<PrimaryButton text={strings.Slutfor} onClick={() => void kor({ typ: 'slutfor', antal: antalAvbrutna })} />}>
          {fyll(strings.Avbruten, antalAvbrutna)}
        </MessageBar>
      )}
      {avbrutna.fel && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fyll(strings.AvbrutnaFel, felText(avbrutna.fel.orsak))}</MessageBar>
      )}

      {korning.pagaende && <Framsteg ref={framstegRef} korning={korning.pagaende.korning} framsteg={korning.pagaende.framsteg} />}
      {korning.utfall && !kors && (
        <Korningsresultat ref={resultatRef} utfall={korning.utfall} onStang={korning.rensa} onForsokIgen={(k) => void kor(k)} />
      )}

      {/* Access to mail is approved by the municipality's IT, not by the site owner the shared text names. */}
      <Laddningsstatus laddar={mappar.laddar && !mappar.data} fel={mappar.fel} laddaOm={mappar.laddaOm} egnaTexter={{ behorighet: strings.FelBehorighet }} />
      {oversikt && (
        <Pivot selectedKey={flik} onLinkClick={(l) => l?.props.itemKey && satFlik(l.props.itemKey as Flik)} aria-label={strings.FlikarEtikett}>
          {EPOST_MAPPAR.map((mapp) => (
            <PivotItem key={mapp} itemKey={mapp} headerText={mappnamn(mapp)} itemCount={ohanterade(oversikt[mapp])}
              itemIcon={{ inkorg: 'Inbox', skickat: 'Send', borttaget: 'Delete' }[mapp]}
              headerButtonProps={{ title: fyll(strings.FlikTitel, mappnamn(mapp), ohanterade(oversikt[mapp])) }}>
              <Mapplista tjanst={tjanst} mapp={mapp} status={oversikt[mapp]} registratorAdress={registratorAdress} diarieforHinder={diarieforHinder}
                omgang={omgang} upptagen={kors} sidstorlek={sidstorlek} onHantera={hantera} />
            </PivotItem>
          ))}
          <PivotItem itemKey="logg" headerText={fyll(strings.FlikLogg, LOGGDAGAR)} itemIcon="History">
            <Logg tjanst={tjanst} idag={idag} />
          </PivotItem>
        </Pivot>
      )}

      <Stack styles={{ root: { paddingTop: 12 } }}>
        <Paminnelse tjanst={tjanst} rubrikId={`${id}-paminnelse`} />
      </Stack>
    </PartShell>
  );
}
