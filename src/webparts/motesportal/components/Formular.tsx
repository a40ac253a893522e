/** The nämndsekreterare's small forms inside a meeting: a new agenda item, an upload, a decision. */
import * as React from 'react';
import {
  ChoiceGroup, DefaultButton, Dropdown, IDropdownOption, MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, Stack, Text, TextField
} from '@fluentui/react';
import * as strings from 'MotesportalWebPartStrings';
import { IsoDate } from '../../../domain/dates';
import { DOKUMENTTYP, Dokumenttyp, Klassificering, KLASSER, valideraBeslut, valideraUppladdning } from '../../../domain/publicering';
import { IArendepunkt, IHandling, IMotesRedigering, IMotesVy } from '../../../data/moten/typer';
import { filensBytes } from '../../arendebalans/components/import/filLasare';
import { fyll } from '../../../ui/format';
import { FilVal } from './FilVal';
import { useSkrivning } from '../../../ui/skrivning';
import { beslutsfelText, dokumenttypText, klassText, skrivfelText, uppladdningsfelText } from './texter';

function Knappar({ sparaText, sparar, onSpara, onAvbryt, skrivskydd }: { sparaText: string; sparar: boolean; onSpara: () => void; onAvbryt: () => void; skrivskydd?: string }): JSX.Element {
  return (
    <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
      <PrimaryButton text={sparaText} onClick={onSpara} disabled={sparar || !!skrivskydd} />
      <DefaultButton text={strings.Avbryt} onClick={onAvbryt} disabled={sparar} />
      {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
    </Stack>
  );
}

/** A form as a named region; `niva` keeps the heading order of the panel it sits in. */
function Formularram({ rubrik, niva = 'h2', children }: { rubrik: string; niva?: 'h2' | 'h4'; children: React.ReactNode }): JSX.Element {
  return (
    <section aria-label={rubrik}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Text as={niva} variant="large" block styles={{ root: { margin: 0 } }}>{rubrik}</Text>
        {children}
      </Stack>
    </section>
  );
}

export interface INyPunktProps {
  redigering: IMotesRedigering;
  vy: IMotesVy;
  skrivskydd?: string;
  onKlar: (p: IArendepunkt) => void;
  onAvbryt: () => void;
}

export function NyPunkt({ redigering, vy, skrivskydd, onKlar, onAvbryt }: INyPunktProps): JSX.Element {
  const nasta = vy.dagordning.reduce((max, p) => Math.max(max, p.punkt), 0) + 1;
  const [punkt, satPunkt] = React.useState(String(nasta));
  const [rubrik, satRubrik] = React.useState('');
  const [diarienummer, satDiarienummer] = React.useState('');
  const [visaFel, satVisaFel] = React.useState(false);
  const { sparar, fel, kor } = useSkrivning();
  const nummer = Number(punkt);
  const punktFel = !/^\d+$/.test(punkt.trim()) || nummer < 1 ? strings.PunktFelNummer
    : vy.dagordning.some((p) => p.punkt === nummer) ? fyll(strings.PunktFelUpptagen, nummer) : undefined;
  const rubrikFel = !rubrik.trim() ? strings.PunktFelRubrik : undefined;
  const spara = async (): Promise<void> => {
    satVisaFel(true);
    if (punktFel || rubrikFel) return;
    const ny = await kor(() => redigering.laggTillPunkt(vy.sammantrade.id, { punkt: nummer, rubrik: rubrik.trim(), diarienummer: diarienummer.trim() || undefined }));
    if (ny) onKlar(ny);
  };
  return (
    <Formularram rubrik={strings.NyPunktRubrik}>
      {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
      <TextField label={strings.FaltPunkt} value={punkt} onChange={(_e, v) => satPunkt(v ?? '')} required inputMode="numeric"
        errorMessage={visaFel ? punktFel : undefined} />
      <TextField label={strings.FaltArende} value={rubrik} onChange={(_e, v) => satRubrik(v ?? '')} required
        errorMessage={visaFel ? rubrikFel : undefined} />
      <TextField label={strings.FaltDiarienummer} value={diarienummer} onChange={(_e, v) => satDiarienummer(v ?? '')} />
      <Knappar sparaText={strings.LaggTillPunkt} sparar={sparar} skrivskydd={skrivskydd} onSpara={() => void spara()} onAvbryt={onAvbryt} />
    </Formularram>
  );
}

export interface IUppladdningProps {
  redigering: IMotesRedigering;
  vy: IMotesVy;
  skrivskydd?: string;
  /** The agenda item chosen beforehand, when the upload starts from an item. */
  punkt?: number;
  onKlar: (h: IHandling) => void;
  onAvbryt: () => void;
}

const utanFilandelse = (namn: string): string => namn.replace(/\.[^.]+$/, '');

export function Uppladdning({ redigering, vy, skrivskydd, punkt: forvald, onKlar, onAvbryt }: IUppladdningProps): JSX.Element {
  const [fil, satFil] = React.useState<File>();
  const [rubrik, satRubrik] = React.useState('');
  const [dokumenttyp, satDokumenttyp] = React.useState<Dokumenttyp>(forvald ? 'Handling' : 'Kallelse');
  const [punkt, satPunkt] = React.useState<number | undefined>(forvald);
  const [klass, satKlass] = React.useState<Klassificering>('Offentlig');
  const [osl, satOsl] = React.useState('');
  const [visaFel, satVisaFel] = React.useState(false);
  const { sparar, fel, kor } = useSkrivning();
  const utanPunkt = dokumenttyp === 'Kallelse' || dokumenttyp === 'Föredragningslista';
  const valdPunkt = utanPunkt ? undefined : punkt;
  const valideringsfel = valideraUppladdning({
    filnamn: fil?.name ?? '', storlek: fil?.size ?? 0, rubrik, dokumenttyp, klassificering: klass,
    oslHanvisning: klass === 'Sekretess' ? osl : undefined, punkt: valdPunkt
  });
  const felFor = (falt: keyof typeof valideringsfel): string | undefined =>
    visaFel && valideringsfel[falt] ? uppladdningsfelText(valideringsfel[falt]!) : undefined;
  const typval: IDropdownOption[] = DOKUMENTTYP.map((d) => ({ key: d, text: dokumenttypText(d) }));
  const punktval: IDropdownOption[] = [...vy.dagordning].sort((a, b) => a.punkt - b.punkt)
    .map((p) => ({ key: p.punkt, text: fyll(strings.PunktRubrik, p.punkt, p.rubrik) }));

  const spara = async (): Promise<void> => {
    satVisaFel(true);
    if (!fil || Object.keys(valideringsfel).length > 0) return;
    const ny = await kor(async () => redigering.laddaUpp({
      sammantradeId: vy.sammantrade.id, punkt: valdPunkt, rubrik: rubrik.trim() || utanFilandelse(fil.name), dokumenttyp,
      klassificering: klass, oslHanvisning: klass === 'Sekretess' ? osl.trim() : undefined,
      fil: { namn: fil.name, innehall: await filensBytes(fil) }
    }));
    if (ny) onKlar(ny);
  };

  return (
    <Formularram rubrik={strings.UppladdningRubrik}>
      {visaFel && Object.keys(valideringsfel).length > 0 && <MessageBar messageBarType={MessageBarType.error}>{strings.FelFormular}</MessageBar>}
      {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
      <FilVal etikett={strings.FaltFil} felmeddelande={felFor('fil')} disabled={sparar}
        onVal={(f) => { satFil(f); if (f && !rubrik) satRubrik(utanFilandelse(f.name)); }} />
      <TextField label={strings.FaltRubrik} value={rubrik} onChange={(_e, v) => satRubrik(v ?? '')} errorMessage={felFor('rubrik')} />
      <Dropdown label={strings.FaltDokumenttyp} options={typval} selectedKey={dokumenttyp} required
        onChange={(_e, o) => o && satDokumenttyp(o.key as Dokumenttyp)} />
      {!utanPunkt && (
        <Dropdown label={strings.FaltArendepunkt} options={punktval} selectedKey={punkt ?? null} required placeholder={strings.ValjPunkt}
          onChange={(_e, o) => o && satPunkt(Number(o.key))} errorMessage={felFor('punkt')} />
      )}
      {!utanPunkt && punktval.length === 0 && <Text as="p" block>{strings.PunkterSaknas}</Text>}
      <ChoiceGroup label={strings.FaltKlassificering} required selectedKey={klass}
        options={KLASSER.map((k) => ({ key: k, text: klassText(k) }))} onChange={(_e, o) => o && satKlass(o.key as Klassificering)} />
      <Text as="p" variant="small" block>{strings.KlassForklaring}</Text>
      {klass === 'Sekretess' && (
        <TextField label={strings.FaltOsl} value={osl} onChange={(_e, v) => satOsl(v ?? '')} required
          description={strings.OslBeskrivning} errorMessage={felFor('osl')} />
      )}
      <Knappar sparaText={strings.LaddaUpp} sparar={sparar} skrivskydd={skrivskydd} onSpara={() => void spara()} onAvbryt={onAvbryt} />
    </Formularram>
  );
}

export interface IBeslutProps {
  redigering: IMotesRedigering;
  /** The item as last read: after a conflict the view reloads and passes the newer one (and its ETag). */
  punkt: IArendepunkt;
  motesdag: IsoDate;
  idag: IsoDate;
  skrivskydd?: string;
  onKlar: (p: IArendepunkt) => void;
  /** Someone else saved first: the view reads the item again. */
  onKonflikt: () => void;
  onAvbryt: () => void;
}

export function Beslut({ redigering, punkt, motesdag, idag, skrivskydd, onKlar, onKonflikt, onAvbryt }: IBeslutProps): JSX.Element {
  const [beslut, satBeslut] = React.useState(punkt.beslut ?? '');
  const [datum, satDatum] = React.useState(punkt.beslutsdatum ?? (motesdag <= idag ? motesdag : idag));
  const [visaFel, satVisaFel] = React.useState(false);
  const [konflikt, satKonflikt] = React.useState(false);
  const { sparar, fel, kor } = useSkrivning();
  const valideringsfel = valideraBeslut({ beslut, datum }, motesdag, idag);
  const spara = async (): Promise<void> => {
    satVisaFel(true);
    if (Object.keys(valideringsfel).length > 0) return;
    satKonflikt(false);
    const sparad = await kor(() => redigering.registreraBeslut(punkt, { beslut: beslut.trim(), datum }));
    if (sparad) onKlar(sparad);
  };
  React.useEffect(() => {
    if (fel?.orsak === 'konflikt') {
      satKonflikt(true);
      onKonflikt();
    }
    // Only a new error should reload, not a new callback identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fel]);
  const rubrik = fyll(strings.BeslutRubrik, punkt.punkt, punkt.rubrik);
  return (
    <Formularram rubrik={rubrik} niva="h4">
      {konflikt && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {punkt.beslut ? fyll(strings.BeslutKonfliktMed, punkt.beslut) : strings.BeslutKonflikt}
        </MessageBar>
      )}
      {fel && fel.orsak !== 'konflikt' && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
      <TextField label={strings.FaltBeslut} multiline autoAdjustHeight value={beslut} onChange={(_e, v) => satBeslut(v ?? '')} required
        errorMessage={visaFel && valideringsfel.beslut ? beslutsfelText(valideringsfel.beslut) : undefined} />
      <TextField label={strings.FaltBeslutsdatum} type="date" value={datum} onChange={(_e, v) => satDatum(v ?? '')} required
        errorMessage={visaFel && valideringsfel.datum ? beslutsfelText(valideringsfel.datum) : undefined} />
      <Knappar sparaText={strings.SparaBeslut} sparar={sparar} skrivskydd={skrivskydd} onSpara={() => void spara()} onAvbryt={onAvbryt} />
    </Formularram>
  );
}
