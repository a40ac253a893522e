import * as React from 'react';
import {
  DefaultButton, Dialog, DialogFooter, DialogType, getId, IPersonaProps, Label, Link, MessageBar, MessageBarType, NormalPeoplePicker,
  PrimaryButton, Spinner, SpinnerSize, Stack, Text, useTheme
} from '@fluentui/react';
import * as strings from 'MotesportalWebPartStrings';
import { IsoDate } from '../../../domain/dates';
import { justeringsroll, kanSkickasTillJustering, vantarPa } from '../../../domain/justering';
import { IPerson } from '../../../domain/personer';
import { IAnslag, IJusteringTjanst, IMotesVy, IProtokollVy } from '../../../data/moten/typer';
import { Flagga } from '../../../ui/Flagga';
import { fyll } from '../../../ui/format';
import { useLaddning } from '../../../ui/useLaddning';
import { AnslagKort } from './Anslagstavla';
import { filensBytes } from '../../arendebalans/components/import/filLasare';
import { FilVal } from './FilVal';
import { useSkrivning } from '../../../ui/skrivning';
import { fristNiva, fristText, justeringsfelText, justeringsstatusText, rollText, skrivfelText, tidpunkt } from './texter';

export interface IProtokollDelProps {
  vy: IMotesVy;
  justering: IJusteringTjanst;
  kanRedigera: boolean;
  idag: IsoDate;
  skrivskydd?: string;
  /** After a write: the view reads the meeting again. */
  onAndrat: () => void;
}

const tillPersona = (p: IPerson): IPersonaProps & { person: IPerson } =>
  ({ key: String(p.id), text: p.namn, secondaryText: p.epost, person: p });

/** A people picker fed by the site's users, with a real label. */
function Personval({ etikett, justering, valda, onVal, max, fel }: {
  etikett: string; justering: IJusteringTjanst; valda: IPerson[]; onVal: (p: IPerson[]) => void; max?: number; fel?: string;
}): JSX.Element {
  const [id] = React.useState(() => getId('personval'));
  const theme = useTheme();
  const sok = async (text: string, redan?: IPersonaProps[]): Promise<IPersonaProps[]> => {
    if (text.trim().length < 2) return [];
    const traffar = await justering.sokPersoner(text.trim()).catch(() => [] as IPerson[]);
    return traffar.filter((p) => !redan?.some((r) => r.key === String(p.id))).map(tillPersona);
  };
  return (
    <div>
      <Label id={`${id}-etikett`} htmlFor={id} required>{etikett}</Label>
      <NormalPeoplePicker
        onResolveSuggestions={sok}
        selectedItems={valda.map(tillPersona)}
        onChange={(items) => onVal((items ?? []).map((i) => (i as ReturnType<typeof tillPersona>).person))}
        itemLimit={max}
        inputProps={{ id, 'aria-labelledby': `${id}-etikett` }}
        pickerSuggestionsProps={{ noResultsFoundText: strings.IngaPersoner, loadingText: strings.Soker, suggestionsHeaderText: strings.ForslagPersoner }}
        resolveDelay={300}
      />
      {fel && <Text role="alert" variant="small" block styles={{ root: { color: theme.semanticColors.errorText, marginTop: 4 } }}>{fel}</Text>}
    </div>
  );
}

/** The nämndsekreterare uploads the draft and names ordförande and justerare. */
function Utkast({ vy, justering, idag, skrivskydd, onKlar, onAvbryt }: {
  vy: IMotesVy; justering: IJusteringTjanst; idag: IsoDate; skrivskydd?: string; onKlar: () => void; onAvbryt: () => void;
}): JSX.Element {
  const [fil, satFil] = React.useState<File>();
  const [ordforande, satOrdforande] = React.useState<IPerson[]>([]);
  const [justerare, satJusterare] = React.useState<IPerson[]>([]);
  const [visaFel, satVisaFel] = React.useState(false);
  const { sparar, fel, kor } = useSkrivning();
  const felen = {
    fil: !fil ? strings.ProtokollFelFil : undefined,
    ordforande: ordforande.length === 0 ? justeringsfelText('OrdforandeSaknas') : undefined,
    justerare: justerare.length === 0 ? justeringsfelText('JusterareSaknas') : undefined
  };
  const spara = async (): Promise<void> => {
    satVisaFel(true);
    if (!fil || Object.values(felen).some(Boolean)) return;
    const klar = await kor(async () => justering.laddaUppUtkast(vy.sammantrade.id, vy.sammantrade.datum,
      { namn: fil.name, innehall: await filensBytes(fil) }, ordforande[0], justerare, idag));
    if (klar) onKlar();
  };
  return (
    <section aria-label={strings.ProtokollUtkastRubrik}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Text as="h3" variant="mediumPlus" block styles={{ root: { margin: 0 } }}>{strings.ProtokollUtkastRubrik}</Text>
        {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
        <FilVal etikett={strings.FaltProtokollfil} onVal={satFil} felmeddelande={visaFel ? felen.fil : undefined} disabled={sparar} />
        <Personval etikett={strings.FaltOrdforande} justering={justering} valda={ordforande} onVal={satOrdforande} max={1}
          fel={visaFel ? felen.ordforande : undefined} />
        <Personval etikett={strings.FaltJusterare} justering={justering} valda={justerare} onVal={satJusterare}
          fel={visaFel ? felen.justerare : undefined} />
        <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="center">
          <PrimaryButton text={strings.LaddaUpp} onClick={() => void spara()} disabled={sparar || !!skrivskydd} />
          <DefaultButton text={strings.Avbryt} onClick={onAvbryt} disabled={sparar} />
          {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
        </Stack>
      </Stack>
    </section>
  );
}

function Justeringslage({ protokoll }: { protokoll: IProtokollVy }): JSX.Element {
  const j = protokoll.justering;
  const vantar = vantarPa(j);
  // Everyone named has approved, but only the nämndsekreterare's service completes it (a ledamot
  // may not open it to the public or post): the reader must not be told it still waits for signatures.
  const vantarPaAnslag = j.status === 'Under justering' && protokoll.allaHarGodkant;
  return (
    <Stack tokens={{ childrenGap: 6 }}>
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
        <Text>{fyll(strings.ProtokollStatus, vantarPaAnslag ? strings.Status_AllaHarGodkant : justeringsstatusText(j.status))}</Text>
        <Flagga niva={fristNiva(protokoll.fristlage)} etikett={strings.EtikettJustering} text={fristText(protokoll.fristlage)} />
        {protokoll.forsentTillkannagivet && (
          <Flagga niva="fel" etikett={strings.EtikettTillkannagivande} text={strings.TillkannagivandeForSent} />
        )}
      </Stack>
      <Text block>
        {j.justeratDatum ? fyll(strings.JusteratDen, j.justeratDatum)
          : vantarPaAnslag ? fyll(strings.AllaHarGodkant, protokoll.godkandDatum ?? '', protokoll.tillkannagesSenast ?? '')
            : fyll(strings.JusterasSenast, protokoll.justerasSenast)}
      </Text>
      {protokoll.tillkannagivet && <Text block>{fyll(strings.TillkannagivetDen, protokoll.tillkannagivet)}</Text>}
      {j.ordforande && <Text block>{fyll(strings.OrdforandeAr, j.ordforande.namn)}</Text>}
      {j.justerare.length > 0 && <Text block>{fyll(strings.JusterareAr, j.justerare.map((p) => p.namn).join(', '))}</Text>}
      {j.godkannanden.length > 0 && (
        <>
          <Text as="h3" variant="medium" block styles={{ root: { margin: '4px 0 0 0', fontWeight: 600 } }}>{strings.Godkannanden}</Text>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {j.godkannanden.map((g) => (
              <li key={g.personId}>
                <Text>{fyll(strings.GodkandAv, g.namn, rollText(g.roll), tidpunkt(g.tid), g.metod)}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {j.status === 'Under justering' && vantar.length > 0 && (
        <Text block>{fyll(strings.VantarPa, vantar.map((p) => p.namn).join(', '))}</Text>
      )}
      {protokoll.obehorigaGodkannanden > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fyll(strings.ObehorigaGodkannanden, protokoll.obehorigaGodkannanden)}</MessageBar>
      )}
      {protokoll.olasbaraLoggrader > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fyll(strings.OlasbaraLoggrader, protokoll.olasbaraLoggrader)}</MessageBar>
      )}
    </Stack>
  );
}

/** The protokoll of a held meeting: its justering, the approval of the named people, the draft upload. */
export function ProtokollDel({ vy, justering, kanRedigera, idag, skrivskydd, onAndrat }: IProtokollDelProps): JSX.Element {
  const protokoll = vy.protokoll;
  const underJustering = protokoll?.justering.status === 'Under justering';
  const person = useLaddning(async () => (underJustering ? justering.aktuellPerson() : undefined), [justering, underJustering]);
  const [visaUtkast, satVisaUtkast] = React.useState(false);
  const [bekraftar, satBekraftar] = React.useState(false);
  const [resultat, satResultat] = React.useState<{ justerat: boolean; tid?: string; anslag?: IAnslag }>();
  const { sparar, fel, kor } = useSkrivning();

  const jag = person.data;
  const roll = protokoll && jag ? justeringsroll(protokoll.justering, jag.id) : undefined;
  const mittGodkannande = protokoll && jag ? protokoll.justering.godkannanden.find((g) => g.personId === jag.id) : undefined;
  const kanGodkanna = underJustering && !!roll && !mittGodkannande;
  const skickaHinder = protokoll && protokoll.justering.status === 'Utkast' ? kanSkickasTillJustering(protokoll.justering) : undefined;

  const godkann = async (): Promise<void> => {
    satBekraftar(false);
    if (!protokoll) return;
    const svar = await kor(() => justering.godkann(protokoll, vy.sammantrade, idag));
    if (!svar) return;
    const egen = jag ? svar.protokoll.justering.godkannanden.find((g) => g.personId === jag.id) : undefined;
    // All approved counts as justerat for the reader (KL: signed by all), though the service completes it later.
    satResultat({ justerat: svar.protokoll.justering.status === 'Justerat' || svar.protokoll.allaHarGodkant, tid: egen?.tid, anslag: svar.anslag });
    onAndrat();
  };
  const skicka = async (): Promise<void> => {
    if (!protokoll) return;
    if (await kor(() => justering.skickaTillJustering(protokoll, idag))) onAndrat();
  };

  return (
    <section aria-labelledby="motesportal-protokoll">
      <Stack tokens={{ childrenGap: 10 }}>
        <Text as="h2" id="motesportal-protokoll" variant="large" block styles={{ root: { margin: 0 } }}>{strings.RubrikProtokoll}</Text>
        {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
        {resultat && (
          <MessageBar messageBarType={MessageBarType.success} isMultiline>
            {resultat.justerat
              ? (resultat.anslag ? strings.JusteratOchAnslaget : strings.JusteratUtanAnslag)
              : fyll(strings.DittGodkannandeRegistrerat, resultat.tid ? tidpunkt(resultat.tid) : '')}
          </MessageBar>
        )}
        {resultat?.anslag && <AnslagKort anslag={resultat.anslag} rubrikniva="h3" />}
        {!protokoll && <Text as="p" block>{strings.IngetProtokoll}</Text>}
        {protokoll && (
          <>
            <Link href={protokoll.filUrl} target="_blank" rel="noopener noreferrer">{protokoll.rubrik || protokoll.filnamn}</Link>
            <Justeringslage protokoll={protokoll} />
            {mittGodkannande && <Text block>{fyll(strings.DuGodkande, tidpunkt(mittGodkannande.tid))}</Text>}
            {kanGodkanna && (
              <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
                <PrimaryButton text={strings.GodkannProtokollet} iconProps={{ iconName: 'Signin' }} disabled={sparar || !!skrivskydd}
                  onClick={() => satBekraftar(true)} />
                {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
                {skrivskydd && <Text variant="small">{skrivskydd}</Text>}
              </Stack>
            )}
            {kanRedigera && protokoll.justering.status === 'Utkast' && (
              <Stack tokens={{ childrenGap: 4 }}>
                <DefaultButton text={strings.SkickaTillJustering} iconProps={{ iconName: 'Send' }} disabled={!!skickaHinder || sparar || !!skrivskydd}
                  onClick={() => void skicka()} styles={{ root: { alignSelf: 'flex-start' } }} />
                {skickaHinder && <Text variant="small">{justeringsfelText(skickaHinder)}</Text>}
              </Stack>
            )}
          </>
        )}
        {kanRedigera && !protokoll && vy.sammantrade.datum <= idag && !visaUtkast && (
          <DefaultButton text={strings.LaddaUppUtkast} iconProps={{ iconName: 'Upload' }} disabled={!!skrivskydd}
            onClick={() => satVisaUtkast(true)} styles={{ root: { alignSelf: 'flex-start' } }} />
        )}
        {visaUtkast && !protokoll && (
          <Utkast vy={vy} justering={justering} idag={idag} skrivskydd={skrivskydd}
            onKlar={() => { satVisaUtkast(false); onAndrat(); }} onAvbryt={() => satVisaUtkast(false)} />
        )}
      </Stack>
      {protokoll && jag && roll && (
        <Dialog hidden={!bekraftar} onDismiss={() => satBekraftar(false)}
          dialogContentProps={{
            type: DialogType.normal,
            title: strings.BekraftaRubrik,
            subText: fyll(strings.BekraftaText, vy.sammantrade.organ, vy.sammantrade.datum, rollText(roll), jag.namn, jag.epost)
          }}
          modalProps={{ isBlocking: true }}>
          <DialogFooter>
            <PrimaryButton text={strings.BekraftaGodkann} onClick={() => void godkann()} />
            <DefaultButton text={strings.Avbryt} onClick={() => satBekraftar(false)} />
          </DialogFooter>
        </Dialog>
      )}
    </section>
  );
}
