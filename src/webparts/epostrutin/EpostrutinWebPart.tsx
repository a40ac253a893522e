import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import * as strings from 'EpostrutinWebPartStrings';
import { arEpostadress } from '../../domain/epost';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { EpostrutinApp } from './components/EpostrutinApp';

export interface IEpostrutinWebPartProps {
  registratorAdress: string;
}

export default class EpostrutinWebPart extends ArendeportalWebPart<IEpostrutinWebPartProps> {
  protected renderInnehall(): React.ReactElement {
    const adress = (this.properties.registratorAdress ?? '').trim();
    return <EpostrutinApp registratorAdress={arEpostadress(adress) ? adress : ''} />;
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
