import * as React from 'react';
import * as ReactDom from 'react-dom';
import {
  BaseListViewCommandSet,
  IListViewCommandSetExecuteEventParameters
} from '@microsoft/sp-listview-extensibility';
import { UppdragFalt, UppdragLista } from '../../schema/uppdrag';
import { PartRoot } from '../../ui/PartRoot';
import { Kommando, KommandoDialog } from './components/KommandoDialog';

/** Commands on the Uppdrag list; they stay hidden on any other list the set is added to. */
export default class UppdragCommandsCommandSet extends BaseListViewCommandSet<object> {
  public onInit(): Promise<void> {
    this.context.listView.listViewStateChangedEvent.add(this, this.onListViewStateChanged);
    this.uppdateraKommandon();
    return Promise.resolve();
  }

  public onExecute(event: IListViewCommandSetExecuteEventParameters): void {
    const rubriker = (event.selectedRows ?? []).map((rad) => String(rad.getValueByName(UppdragFalt.Rubrik) ?? ''));
    this.visaDialog(event.itemId as Kommando, rubriker);
  }

  private onListViewStateChanged(): void {
    this.uppdateraKommandon();
    this.raiseOnChange();
  }

  private uppdateraKommandon(): void {
    const listUrl = this.context.pageContext.list?.serverRelativeUrl ?? '';
    const arUppdrag = listUrl.toLowerCase().endsWith(`/${UppdragLista.url.toLowerCase()}`);
    const valda = this.context.listView.selectedRows?.length ?? 0;
    this.tryGetCommand('BEGAR_STATUSUPPDATERING').visible = arUppdrag && valda > 0;
    this.tryGetCommand('EXPORTERA_REDOVISNING').visible = arUppdrag;
  }

  private visaDialog(kommando: Kommando, rubriker: string[]): void {
    const behallare = document.createElement('div');
    document.body.appendChild(behallare);
    const stang = (): void => {
      ReactDom.unmountComponentAtNode(behallare);
      behallare.remove();
    };
    ReactDom.render(
      <PartRoot><KommandoDialog kommando={kommando} rubriker={rubriker} onStang={stang} /></PartRoot>,
      behallare
    );
  }
}
