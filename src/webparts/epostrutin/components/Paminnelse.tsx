/**
 * The weekday reminder (issue 7 item 4): a task in the person's own Outlook / Microsoft To Do that
 * recurs every weekday at the time they choose. Off removes it.
 */
import * as React from 'react';
import { MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, Stack, Text, TextField, Toggle } from '@fluentui/react';
import * as strings from 'EpostrutinWebPartStrings';
import { IEpostrutinTjanst, IPaminnelse } from '../../../data/epost/typer';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { useLaddning } from '../../../ui/useLaddning';
import { useSkrivning } from '../../../ui/skrivning';
import { rutinfelText } from './texter';

const STANDARDTID = '08:00';

/** "HH:mm", 00:00–23:59. */
export function arKlockslag(tid: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(tid);
}

export function Paminnelse({ tjanst, rubrikId }: { tjanst: IEpostrutinTjanst; rubrikId: string }): JSX.Element {
  // Wrapped: "no reminder" is an answer too, not a load still going on.
  const laddning = useLaddning(() => tjanst.hamtaPaminnelse().then((p) => ({ p })), [tjanst]);
  const [pa, satPa] = React.useState(false);
  const [tid, satTid] = React.useState(STANDARDTID);
  const [visaFel, satVisaFel] = React.useState(false);
  const [sparad, satSparad] = React.useState<IPaminnelse | null>();
  const { sparar, fel, kor } = useSkrivning();

  const nuvarande = laddning.data?.p;
  React.useEffect(() => {
    if (!laddning.data) return;
    satPa(!!nuvarande);
    satTid(nuvarande?.tid ?? STANDARDTID);
  }, [laddning.data, nuvarande]);

  const tidfel = pa && !arKlockslag(tid.trim()) ? strings.FelKlockslag : undefined;
  const spara = async (): Promise<void> => {
    satVisaFel(true);
    satSparad(undefined);
    if (tidfel) return;
    const ny: IPaminnelse | undefined = pa ? { tid: tid.trim() } : undefined;
    const svar = await kor(async () => { await tjanst.stallInPaminnelse(ny); return true; });
    if (svar) satSparad(ny ?? null);
  };

  return (
    <section aria-labelledby={rubrikId}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Text as="h3" id={rubrikId} variant="large" block styles={{ root: { margin: 0 } }}>{strings.PaminnelseRubrik}</Text>
        <Text as="p" block styles={{ root: { margin: 0 } }}>{strings.PaminnelseBeskrivning}</Text>
        <Laddningsstatus laddar={laddning.laddar && !laddning.data} fel={laddning.fel} laddaOm={laddning.laddaOm} />
        {laddning.data && (
          <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 16 }}>
            <Toggle label={strings.FaltPaminnelse} onText={strings.Pa} offText={strings.Av} checked={pa} disabled={sparar}
              onChange={(_e, v) => { satPa(!!v); satSparad(undefined); }} />
            <TextField label={strings.FaltKlockslag} value={tid} disabled={!pa || sparar} placeholder={STANDARDTID} inputMode="numeric"
              description={strings.KlockslagBeskrivning} errorMessage={visaFel ? tidfel : undefined} styles={{ root: { width: 160 } }}
              onChange={(_e, v) => { satTid(v ?? ''); satSparad(undefined); }} />
            <PrimaryButton text={strings.SparaPaminnelse} onClick={() => void spara()} disabled={sparar} />
            {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
          </Stack>
        )}
        {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{rutinfelText(fel)}</MessageBar>}
        {sparad !== undefined && (
          <MessageBar messageBarType={MessageBarType.success} isMultiline>
            {sparad ? fyll(strings.PaminnelseSparad, sparad.tid) : strings.PaminnelseBorttagen}
          </MessageBar>
        )}
      </Stack>
    </section>
  );
}
