import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneSlider } from '@microsoft/sp-property-pane';
import * as strings from 'ArendebalansWebPartStrings';
import { swedishDate } from '../../domain/dates';
import { STANDARD_DAGAR_TILL_INAKTUELL } from '../../domain/uppdrag';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { ArendebalansApp } from './components/ArendebalansApp';
import { sidLank, teamsLank, uppdragFranLank } from './lankar';
import { IArendebalansTjanster, skapaArendebalansTjanster } from './tjanster';

export interface IArendebalansWebPartProps {
  dagarTillInaktuell: number;
}

export default class ArendebalansWebPart extends ArendeportalWebPart<IArendebalansWebPartProps> {
  private tjanster!: IArendebalansTjanster;

  /** Politicians read the list on tablets: the last view opens when SharePoint cannot be reached (issue 8). */
  protected get offlineCache(): boolean {
    return true;
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.tjanster = skapaArendebalansTjanster(this.portal.sp, this.portal.webb.sokvag);
  }

  protected renderInnehall(): React.ReactElement {
    return (
      <ArendebalansApp
        {...this.tjanster}
        idag={swedishDate(new Date())}
        dagarTillInaktuell={this.properties.dagarTillInaktuell ?? STANDARD_DAGAR_TILL_INAKTUELL}
        oppnaId={uppdragFranLank(this.teamsUndersida, window.location.search)}
        lankTill={(id) => (this.iTeams ? teamsLank(id) : sidLank(`${window.location.origin}${window.location.pathname}`, id))}
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
