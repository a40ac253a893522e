import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType, MessageBar, MessageBarType, PrimaryButton, Spinner, Stack, Text } from '@fluentui/react';
import * as strings from 'UppdragCommandsCommandSetStrings';
import { IsoDate } from '../../../domain/dates';
import { byggStatusbegaran, IStatusbegaran, Saknas } from '../../../domain/statusbegaran';
import { IUtskickTjanst } from '../../../data/epost/Utskick';
import { DataFel, tolkaDataFel } from '../../../data/fel';
import { IUppdragTjanst } from '../../../data/uppdrag/UppdragTjanst';
import { felText } from '../../../ui/felText';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { useLaddning } from '../../../ui/useLaddning';

export interface IStatusbegaranDialogProps {
  ids: number[];
  uppdragTjanst: IUppdragTjanst;
  utskick: IUtskickTjanst;
  idag: IsoDate;
  dagarTillInaktuell: number;
  onStang: () => void;
}

function saknasText(s: Saknas): string {
  return (strings as unknown as Record<string, string>)[`Saknas_${s}`];
}

/** The mail to one handläggare, in plain text. */
export function mejltext(b: IStatusbegaran): { amne: string; text: string } {
  const rader = b.rader.map(({ uppdrag: u, saknas }) =>
    fyll(strings.RadText, u.rubrik, u.beslutsinstans, u.paragraf, saknas.length ? saknas.map(saknasText).join(', ') : strings.IngetSaknas));
  return {
    amne: fyll(strings.Amne, b.rader.length),
    text: [fyll(strings.Halsning, b.namn), '', strings.Inledning, '', ...rader, '', strings.Avslutning].join('\n')
  };
}

type Resultat = { ok: true } | { ok: false; fel: DataFel };

/** "Begär statusuppdatering": one mail per handläggare of the selected rows, saying what is missing. */
export function StatusbegaranDialog({ ids, uppdragTjanst, utskick, idag, dagarTillInaktuell, onStang }: IStatusbegaranDialogProps): JSX.Element {
  const { data, fel, laddar, laddaOm } = useLaddning(async () => {
    const rader = await Promise.all(ids.map((id) => uppdragTjanst.hamta(id)));
    return byggStatusbegaran(rader.map((r) => r.uppdrag), idag, dagarTillInaktuell);
  }, [ids.join(','), uppdragTjanst]);
  const [resultat, satResultat] = React.useState<Record<string, Resultat>>({});
  const [skickar, satSkickar] = React.useState(false);

  const kvar = (data?.begaran ?? []).filter((b) => !resultat[b.till]?.ok);
  const skicka = async (): Promise<void> => {
    satSkickar(true);
    for (const b of kvar) {
      try {
        await utskick.skicka({ till: b.till, ...mejltext(b) });
        satResultat((r) => ({ ...r, [b.till]: { ok: true } }));
      } catch (e) {
        satResultat((r) => ({ ...r, [b.till]: { ok: false, fel: tolkaDataFel(e) } }));
      }
    }
    satSkickar(false);
  };

  return (
    <Dialog hidden={false} onDismiss={onStang} minWidth={480}
      dialogContentProps={{ type: DialogType.normal, title: strings.BegarRubrik }} modalProps={{ isBlocking: skickar }}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} />
        {data?.begaran.map((b) => {
          const r = resultat[b.till];
          return (
            <Stack key={b.till} tokens={{ childrenGap: 4 }}>
              <Text as="h3" variant="medium" styles={{ root: { margin: 0, fontWeight: 600 } }}>{fyll(strings.Mottagare, b.namn, b.till)}</Text>
              <ul style={{ margin: 0 }}>
                {b.rader.map(({ uppdrag: u, saknas }) => (
                  <li key={u.id}><Text>{u.rubrik}: {saknas.length ? saknas.map(saknasText).join(', ') : strings.IngetSaknas}</Text></li>
                ))}
              </ul>
              {r?.ok && <MessageBar messageBarType={MessageBarType.success}>{fyll(strings.Skickat, b.till)}</MessageBar>}
              {r && !r.ok && <MessageBar messageBarType={MessageBarType.error} isMultiline>{fyll(strings.InteSkickat, b.till, felText(r.fel.orsak))}</MessageBar>}
            </Stack>
          );
        })}
        {data && data.utanHandlaggare.length > 0 && (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline>
            {fyll(strings.UtanHandlaggare, data.utanHandlaggare.map((u) => u.rubrik).join('; '))}
          </MessageBar>
        )}
      </Stack>
      <DialogFooter>
        {skickar && <Spinner label={strings.Skickar} labelPosition="right" />}
        {data && kvar.length > 0 && (
          <PrimaryButton onClick={() => { void skicka(); }} disabled={skickar}
            text={Object.values(resultat).some((r) => !r.ok) ? strings.ForsokIgen : fyll(strings.Skicka, kvar.length)} />
        )}
        <DefaultButton onClick={onStang} text={strings.Stang} disabled={skickar} />
      </DialogFooter>
    </Dialog>
  );
}
