import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneSlider } from '@microsoft/sp-property-pane';
import * as strings from 'ArendebalansWebPartStrings';
import { swedishDate } from '../../domain/dates';
import { STANDARD_DAGAR_TILL_INAKTUELL } from '../../domain/uppdrag';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { ArendebalansApp } from './components/ArendebalansApp';

export interface IArendebalansWebPartProps {
  dagarTillInaktuell: number;
}

export default class ArendebalansWebPart extends ArendeportalWebPart<IArendebalansWebPartProps> {
  protected renderInnehall(): React.ReactElement {
    // The Uppdrag data service arrives with the ärendebalanslista issue; until then the list is empty.
    return (
      <ArendebalansApp
        uppdrag={[]}
        idag={swedishDate(new Date())}
        dagarTillInaktuell={this.properties.dagarTillInaktuell ?? STANDARD_DAGAR_TILL_INAKTUELL}
      />
    );
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.EgenskapsBeskrivning },
        groups: [{
          groupName: strings.GruppVisning,
          groupFields: [
            PropertyPaneSlider('dagarTillInaktuell', { label: strings.FaltDagarTillInaktuell, min: 7, max: 180, step: 1 })
          ]
        }]
      }]
    };
  }
}
