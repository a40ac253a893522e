import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType, Text } from '@fluentui/react';
import * as strings from 'UppdragCommandsCommandSetStrings';
import { fyll } from '../../../ui/format';

export type Kommando = 'BEGAR_STATUSUPPDATERING' | 'EXPORTERA_REDOVISNING';

export interface IKommandoDialogProps {
  kommando: Kommando;
  /** Titles of the selected rows. */
  rubriker: readonly string[];
  onStang: () => void;
}

const VISA_HOGST = 10;

export function KommandoDialog({ kommando, rubriker, onStang }: IKommandoDialogProps): JSX.Element {
  const begar = kommando === 'BEGAR_STATUSUPPDATERING';
  return (
    <Dialog
      hidden={false}
      onDismiss={onStang}
      dialogContentProps={{
        type: DialogType.normal,
        title: begar ? strings.BegarRubrik : strings.ExportRubrik,
        subText: begar ? fyll(strings.BegarText, rubriker.length) : strings.ExportText
      }}
      modalProps={{ isBlocking: false }}
    >
      {begar && rubriker.length > 0 && (
        <ul>
          {rubriker.slice(0, VISA_HOGST).map((r, i) => <li key={i}><Text>{r}</Text></li>)}
          {rubriker.length > VISA_HOGST && <li><Text>{fyll(strings.FlerRader, rubriker.length - VISA_HOGST)}</Text></li>}
        </ul>
      )}
      <DialogFooter>
        <DefaultButton onClick={onStang} text={strings.Stang} />
      </DialogFooter>
    </Dialog>
  );
}
