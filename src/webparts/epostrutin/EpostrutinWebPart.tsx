import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { GraphFI, SPFx as GraphSPFx } from '@pnp/graph';
import { SPFI, SPFx } from '@pnp/sp';
import * as strings from 'EpostrutinWebPartStrings';
import { EpostrutinTjanst } from '../../data/epost/EpostrutinTjanst';
import { IEpostrutinTjanst } from '../../data/epost/typer';
import { skapaGraph, skapaSp } from '../../data/pnp';
import { swedishDate } from '../../domain/dates';
import { arEpostadress } from '../../domain/epost';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { EpostrutinApp } from './components/EpostrutinApp';

export interface IEpostrutinWebPartProps {
  registratorAdress: string;
}

export default class EpostrutinWebPart extends ArendeportalWebPart<IEpostrutinWebPartProps> {
  private sp!: SPFI;
  private graph!: GraphFI;
  private tjanst: { adress: string; tjanst: IEpostrutinTjanst } | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    // The journal lives on the site; the mailbox is the signed-in person's own, with SPFx's Entra ID token for Graph.
    this.sp = skapaSp(this.context.pageContext.web.absoluteUrl, SPFx(this.context));
    this.graph = skapaGraph(undefined, GraphSPFx(this.context));
  }

  /** The service forwards to the registrator: a new one when the site owner changes the address. */
  private tjanstFor(adress: string): IEpostrutinTjanst {
    if (this.tjanst?.adress !== adress) {
      this.tjanst = {
        adress,
        tjanst: new EpostrutinTjanst(this.sp, this.context.pageContext.web.serverRelativeUrl, this.graph, { registratorAdress: adress })
      };
    }
    return this.tjanst.tjanst;
  }

  protected renderInnehall(): React.ReactElement {
    const adress = (this.properties.registratorAdress ?? '').trim();
    const giltig = arEpostadress(adress) ? adress : '';
    return <EpostrutinApp registratorAdress={giltig} tjanst={this.tjanstFor(giltig)} idag={swedishDate(new Date())} />;
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.EgenskapsBeskrivning },
        groups: [{
          groupName: strings.GruppRegistrator,
          groupFields: [
            PropertyPaneTextField('registratorAdress', {
              label: strings.FaltRegistratorAdress,
              onGetErrorMessage: (varde: string) => (!varde || arEpostadress(varde.trim()) ? '' : strings.FelEpostadress)
            })
          ]
        }]
      }]
    };
  }
}
