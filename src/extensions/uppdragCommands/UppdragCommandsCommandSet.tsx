import * as React from 'react';
import * as ReactDom from 'react-dom';
import { BaseListViewCommandSet, IListViewCommandSetExecuteEventParameters } from '@microsoft/sp-listview-extensibility';
import { SPFx as GraphSPFx } from '@pnp/graph';
import { SPFx } from '@pnp/sp';
import { Panel, PanelType } from '@fluentui/react';
import * as strings from 'UppdragCommandsCommandSetStrings';
import { IRedovisningTjanst, RedovisningTjanst } from '../../data/redovisning/RedovisningTjanst';
import { GraphUtskick, IUtskickTjanst } from '../../data/epost/Utskick';
import { skapaGraph, skapaSp } from '../../data/pnp';
import { IUppdragTjanst, UppdragTjanst } from '../../data/uppdrag/UppdragTjanst';
import { swedishDate } from '../../domain/dates';
import { STANDARD_DAGAR_TILL_INAKTUELL } from '../../domain/uppdrag';
import { UppdragLista } from '../../schema/uppdrag';
import { PartRoot } from '../../ui/PartRoot';
import { RedovisningPanel } from '../../webparts/arendebalans/components/redovisning';
import { StatusbegaranDialog } from './components/StatusbegaranDialog';

/** Commands on the Uppdrag list; they stay hidden on any other list the set is added to. */
export default class UppdragCommandsCommandSet extends BaseListViewCommandSet<object> {
  private uppdragTjanst!: IUppdragTjanst;
  private redovisningTjanst!: IRedovisningTjanst;
  private utskick!: IUtskickTjanst;

  public onInit(): Promise<void> {
    const webb = this.context.pageContext.web;
    const sp = skapaSp(webb.absoluteUrl, SPFx(this.context));
    this.uppdragTjanst = new UppdragTjanst(sp, webb.serverRelativeUrl);
    this.redovisningTjanst = new RedovisningTjanst(sp, webb.serverRelativeUrl);
    this.utskick = new GraphUtskick(skapaGraph(undefined, GraphSPFx(this.context)));
    this.context.listView.listViewStateChangedEvent.add(this, this.onListViewStateChanged);
    this.uppdateraKommandon();
    return Promise.resolve();
  }

  public onExecute(event: IListViewCommandSetExecuteEventParameters): void {
    const ids = (event.selectedRows ?? []).map((rad) => Number(rad.getValueByName('ID'))).filter((id) => id > 0);
    this.visa((stang) => event.itemId === 'BEGAR_STATUSUPPDATERING'
      ? <StatusbegaranDialog ids={ids} uppdragTjanst={this.uppdragTjanst} utskick={this.utskick} idag={swedishDate(new Date())}
        dagarTillInaktuell={STANDARD_DAGAR_TILL_INAKTUELL} onStang={stang} />
      : (
        <Panel isOpen type={PanelType.large} onDismiss={stang} headerText={strings.ExportRubrik} closeButtonAriaLabel={strings.Stang}>
          <RedovisningPanel uppdragTjanst={this.uppdragTjanst} redovisningTjanst={this.redovisningTjanst} idag={swedishDate(new Date())} />
        </Panel>
      ));
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

  /** Renders a dialog outside the list view and removes it again when it closes. */
  private visa(innehall: (stang: () => void) => React.ReactElement): void {
    const behallare = document.createElement('div');
    document.body.appendChild(behallare);
    const stang = (): void => {
      ReactDom.unmountComponentAtNode(behallare);
      behallare.remove();
    };
    ReactDom.render(<PartRoot>{innehall(stang)}</PartRoot>, behallare);
  }
}
