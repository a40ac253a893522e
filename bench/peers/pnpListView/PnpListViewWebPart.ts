import * as React from 'react';
import * as ReactDom from 'react-dom';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { hamtaRader } from '../hamtaRader';
import { IListRad } from '../listRad';
import { PnpLista } from './PnpLista';

/** The PnP ListView peer as a web part: read the rows once, render the list. */
export default class PnpListViewWebPart extends BaseClientSideWebPart<Record<string, never>> {
  private rader: IListRad[] = [];

  protected async onInit(): Promise<void> {
    this.rader = await hamtaRader(this.context.spHttpClient, this.context.pageContext.web.absoluteUrl);
  }

  public render(): void {
    ReactDom.render(React.createElement(PnpLista, { rader: this.rader }), this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }
}
