import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType } from '@fluentui/react';
import * as strings from 'UppdragCommandsCommandSetStrings';

export interface IKommandoDialogProps {
  onStang: () => void;
}

/** "Exportera redovisning" until the report is wired to the list view. */
export function KommandoDialog({ onStang }: IKommandoDialogProps): JSX.Element {
  return (
    <Dialog hidden={false} onDismiss={onStang} modalProps={{ isBlocking: false }}
      dialogContentProps={{ type: DialogType.normal, title: strings.ExportRubrik, subText: strings.ExportText }}>
      <DialogFooter>
        <DefaultButton onClick={onStang} text={strings.Stang} />
      </DialogFooter>
    </Dialog>
  );
}
