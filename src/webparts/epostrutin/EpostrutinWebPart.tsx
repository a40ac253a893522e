import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { SPFx as GraphSPFx } from '@pnp/graph';
import * as strings from 'EpostrutinWebPartStrings';
import { GraphEpostTjanst } from '../../data/epost/GraphEpostTjanst';
import { IEpostTjanst } from '../../data/epost/typer';
import { skapaGraph } from '../../data/pnp';
import { arEpostadress } from '../../domain/epost';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { EpostrutinApp } from './components/EpostrutinApp';

export interface IEpostrutinWebPartProps {
  registratorAdress: string;
}

export default class EpostrutinWebPart extends ArendeportalWebPart<IEpostrutinWebPartProps> {
  private tjanst!: IEpostTjanst;

  protected async onInit(): Promise<void> {
    await super.onInit();
    // The signed-in user's own mailbox, with SPFx's Entra ID token for Graph.
    this.tjanst = new GraphEpostTjanst(skapaGraph(undefined, GraphSPFx(this.context)));
  }

  protected renderInnehall(): React.ReactElement {
    const adress = (this.properties.registratorAdress ?? '').trim();
    return <EpostrutinApp registratorAdress={arEpostadress(adress) ? adress : ''} tjanst={this.tjanst} />;
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
