/**
 * The choice for one mail or a selection: Diarieför (the registrator's address shown, an optional
 * comment), Gallra (a confirmation that names how many) or Behåll (a reason). The domain's
 * valideraAtgard decides what is missing; the guideline's advice is shown with every choice.
 */
import * as React from 'react';
import {
  ChoiceGroup, DefaultButton, Dialog, DialogFooter, DialogType, getId, IChoiceGroupOption, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField, useTheme
} from '@fluentui/react';
import * as strings from 'EpostrutinWebPartStrings';
import { IMeddelandeRad } from '../../../data/epost/typer';
import { Atgard, BEHALLSKAL, Behallskal, IAtgardsval, MAX_KOMMENTAR, MAX_SKALTEXT, valideraAtgard } from '../../../domain/epostrutin';
import { fyll } from '../../../ui/format';
import { amneText, atgardsfelText, motpartText, skalText } from './texter';
import { Vagledning } from './Vagledning';

export interface IAtgardsdialogProps {
  atgard: Atgard;
  meddelanden: readonly IMeddelandeRad[];
  registratorAdress: string;
  onBekrafta: (val: IAtgardsval) => void;
  onAvbryt: () => void;
}

function rubrik(atgard: Atgard, antal: number): string {
  const ett = antal === 1;
  switch (atgard) {
    case 'Diarieför': return ett ? strings.DiarieforRubrikEtt : fyll(strings.DiarieforRubrik, antal);
    case 'Gallra': return ett ? strings.GallraRubrikEtt : fyll(strings.GallraRubrik, antal);
    case 'Behåll': return ett ? strings.BehallRubrikEtt : fyll(strings.BehallRubrik, antal);
  }
}

function bekraftaText(atgard: Atgard, antal: number): string {
  switch (atgard) {
    case 'Diarieför': return antal === 1 ? strings.Diariefor : fyll(strings.DiarieforKnapp, antal);
    case 'Gallra': return antal === 1 ? strings.Gallra : fyll(strings.GallraKnapp, antal);
    case 'Behåll': return antal === 1 ? strings.Behall : fyll(strings.BehallKnapp, antal);
  }
}

export function Atgardsdialog({ atgard, meddelanden, registratorAdress, onBekrafta, onAvbryt }: IAtgardsdialogProps): JSX.Element {
  const theme = useTheme();
  const [id] = React.useState(() => getId('epost-val'));
  const [kommentar, satKommentar] = React.useState('');
  const [skal, satSkal] = React.useState<Behallskal>();
  const [skalTextVarde, satSkalText] = React.useState('');
  const [visaFel, satVisaFel] = React.useState(false);
  const antal = meddelanden.length;

  const val: IAtgardsval = atgard === 'Diarieför'
    ? { atgard, ...(kommentar.trim() ? { kommentar: kommentar.trim() } : {}) }
    : atgard === 'Behåll'
      ? { atgard, skal, ...(skal === 'Annat' ? { skalText: skalTextVarde.trim() } : {}) }
      : { atgard };
  const fel = valideraAtgard(val, registratorAdress);
  const felText = visaFel && fel ? atgardsfelText(fel) : undefined;

  const bekrafta = (): void => {
    satVisaFel(true);
    if (!fel) onBekrafta(val);
  };

  const skalval: IChoiceGroupOption[] = BEHALLSKAL.map((s) => ({ key: s, text: skalText(s) }));
  const ett = antal === 1 ? meddelanden[0] : undefined;

  return (
    <Dialog
      hidden={false}
      onDismiss={onAvbryt}
      dialogContentProps={{ type: DialogType.normal, title: rubrik(atgard, antal), closeButtonAriaLabel: strings.Stang, titleProps: { id: `${id}-rubrik` } }}
      // Blocking: a click beside it must not lose a typed comment. Only the irreversible Gallra is an alert.
      modalProps={{ isBlocking: true, isAlert: atgard === 'Gallra', titleAriaId: `${id}-rubrik`, subtitleAriaId: `${id}-text` }}
      minWidth={320}
      maxWidth={640}
    >
      <Stack tokens={{ childrenGap: 12 }}>
        {felText && fel === 'RegistratorSaknas' && <MessageBar messageBarType={MessageBarType.error} isMultiline>{felText}</MessageBar>}
        {ett && <Text block><strong>{amneText(ett)}</strong> – {motpartText(ett)}</Text>}
        <Text id={`${id}-text`} block>
          {atgard === 'Diarieför' && fyll(antal === 1 ? strings.DiarieforTextEtt : strings.DiarieforText, registratorAdress, antal)}
          {atgard === 'Gallra' && fyll(antal === 1 ? strings.GallraTextEtt : strings.GallraText, antal)}
          {atgard === 'Behåll' && strings.BehallText}
        </Text>
        {atgard === 'Diarieför' && (
          <TextField label={strings.FaltKommentar} multiline rows={3} value={kommentar} onChange={(_e, v) => satKommentar(v ?? '')}
            description={fyll(strings.KommentarBeskrivning, MAX_KOMMENTAR)} errorMessage={fel === 'KommentarForLang' ? felText : undefined} />
        )}
        {atgard === 'Behåll' && (
          <>
            <ChoiceGroup label={strings.FaltSkal} required options={skalval} selectedKey={skal ?? null}
              onChange={(_e, o) => o && satSkal(o.key as Behallskal)} aria-describedby={felText && fel === 'SkalSaknas' ? `${id}-skalfel` : undefined} />
            {felText && fel === 'SkalSaknas' && (
              <Text id={`${id}-skalfel`} role="alert" variant="small" block styles={{ root: { color: theme.semanticColors.errorText } }}>{felText}</Text>
            )}
            {skal === 'Annat' && (
              <TextField label={strings.FaltSkalText} required value={skalTextVarde} onChange={(_e, v) => satSkalText(v ?? '')}
                description={fyll(strings.SkalTextBeskrivning, MAX_SKALTEXT)}
                errorMessage={fel === 'SkalTextSaknas' || fel === 'SkalTextForLang' ? felText : undefined} />
            )}
          </>
        )}
        <Vagledning id={`${id}-vagledning`} />
      </Stack>
      <DialogFooter>
        <PrimaryButton text={bekraftaText(atgard, antal)} onClick={bekrafta} />
        <DefaultButton text={strings.Avbryt} onClick={onAvbryt} />
      </DialogFooter>
    </Dialog>
  );
}
