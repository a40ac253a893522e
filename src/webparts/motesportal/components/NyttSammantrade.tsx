import * as React from 'react';
import { DefaultButton, Dropdown, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, Spinner, SpinnerSize, Stack, TextField } from '@fluentui/react';
import * as strings from 'MotesportalWebPartStrings';
import { isIsoDate, IsoDate } from '../../../domain/dates';
import { IMotesRedigering, IMotesTjanst, ISammantrade } from '../../../data/moten/typer';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { FOT_MED_BAKGRUND } from '../../../ui/panelStilar';
import { useLaddning } from '../../../ui/useLaddning';
import { useSkrivning } from '../../../ui/skrivning';
import { skrivfelText } from './texter';

export interface INyttSammantradeProps {
  tjanst: IMotesTjanst;
  redigering: IMotesRedigering;
  idag: IsoDate;
  skrivskydd?: string;
  onKlar: (s: ISammantrade) => void;
  onStang: () => void;
}

const KLOCKSLAG = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The nämndsekreterare creates a meeting: organ, day, time and place. */
export function NyttSammantrade({ tjanst, redigering, idag, skrivskydd, onKlar, onStang }: INyttSammantradeProps): JSX.Element {
  const organ = useLaddning(() => tjanst.hamtaOrgan(), [tjanst]);
  const [organId, satOrganId] = React.useState<number>();
  const [datum, satDatum] = React.useState('');
  const [tid, satTid] = React.useState('18:00');
  const [plats, satPlats] = React.useState('');
  const [visaFel, satVisaFel] = React.useState(false);
  const { sparar, fel, kor } = useSkrivning();
  const felen = {
    organ: organId === undefined ? strings.MoteFelOrgan : undefined,
    datum: !datum ? strings.MoteFelDatumSaknas : !isIsoDate(datum) ? strings.MoteFelDatum : datum < idag ? strings.MoteFelDatumPasserat : undefined,
    tid: !KLOCKSLAG.test(tid) ? strings.MoteFelTid : undefined,
    plats: !plats.trim() ? strings.MoteFelPlats : plats.length > 255 ? strings.MoteFelPlatsLang : undefined
  };
  const harFel = Object.values(felen).some(Boolean);
  const spara = async (): Promise<void> => {
    satVisaFel(true);
    if (harFel || organId === undefined) return;
    const nytt = await kor(() => redigering.skapaSammantrade({ organId, datum, tid, plats: plats.trim() }));
    if (nytt) onKlar(nytt);
  };
  const fot = (
    <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="center">
      <PrimaryButton text={strings.SkapaSammantrade} onClick={() => void spara()} disabled={sparar || !!skrivskydd} />
      <DefaultButton text={strings.Avbryt} onClick={onStang} disabled={sparar} />
      {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
    </Stack>
  );
  return (
    <Panel isOpen type={PanelType.medium} headerText={strings.NyttSammantrade} closeButtonAriaLabel={strings.Stang} onDismiss={onStang}
      onRenderFooterContent={() => fot} isFooterAtBottom styles={FOT_MED_BAKGRUND}>
      <Stack tokens={{ childrenGap: 12 }}>
        {skrivskydd && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{skrivskydd}</MessageBar>}
        <Laddningsstatus laddar={organ.laddar && !organ.data} fel={organ.fel} laddaOm={organ.laddaOm} />
        {visaFel && harFel && <MessageBar messageBarType={MessageBarType.error}>{strings.FelFormular}</MessageBar>}
        {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(fel)}</MessageBar>}
        <Dropdown label={strings.FaltOrgan} required placeholder={strings.ValjOrgan} selectedKey={organId ?? null}
          options={(organ.data ?? []).map((o) => ({ key: o.id, text: o.namn }))}
          onChange={(_e, o) => o && satOrganId(Number(o.key))} errorMessage={visaFel ? felen.organ : undefined} />
        <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
          <TextField label={strings.FaltDatum} type="date" required value={datum} onChange={(_e, v) => satDatum(v ?? '')}
            errorMessage={visaFel ? felen.datum : undefined} />
          <TextField label={strings.FaltTid} type="time" required value={tid} onChange={(_e, v) => satTid(v ?? '')}
            errorMessage={visaFel ? felen.tid : undefined} />
        </Stack>
        <TextField label={strings.FaltPlats} required value={plats} onChange={(_e, v) => satPlats(v ?? '')}
          errorMessage={visaFel ? felen.plats : undefined} />
      </Stack>
    </Panel>
  );
}
