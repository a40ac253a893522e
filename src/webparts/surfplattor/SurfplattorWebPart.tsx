import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { SPFx as GraphSPFx } from '@pnp/graph';
import * as strings from 'SurfplattorWebPartStrings';
import { skapaGraph } from '../../data/pnp';
import { swedishDate } from '../../domain/dates';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { paminnelseDagar, STANDARD_PAMINNELSEDAGAR, SurfplattorApp } from './components/SurfplattorApp';
import { ISurfplattorTjanster, skapaSurfplattorTjanster } from './tjanster';

export interface ISurfplattorWebPartProps {
  /** Mandate end: remind borrowers whose mandate ends within this many days (text, as the property pane keeps it). */
  paminnelseDagar?: string;
}

export default class SurfplattorWebPart extends ArendeportalWebPart<ISurfplattorWebPartProps> {
  private tjanster!: ISurfplattorTjanster;

  protected async onInit(): Promise<void> {
    await super.onInit();
    // Intune actions and reminder mails go as the signed-in person, with SPFx's Entra ID token for Graph.
    const graph = skapaGraph(undefined, GraphSPFx(this.context));
    this.tjanster = skapaSurfplattorTjanster(this.portal.sp, this.portal.webb.sokvag, graph);
  }

  protected renderInnehall(): React.ReactElement {
    return (
      <SurfplattorApp {...this.tjanster}
        idag={swedishDate(new Date())} paminnelseDagar={paminnelseDagar(this.properties.paminnelseDagar)} />
    );
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{
        header: { description: strings.EgenskapsBeskrivning },
        groups: [{
          groupName: strings.GruppMandat,
          groupFields: [
            PropertyPaneTextField('paminnelseDagar', {
              label: strings.FaltPaminnelseDagar,
              placeholder: String(STANDARD_PAMINNELSEDAGAR),
              onGetErrorMessage: (varde: string) => (!varde || paminnelseDagar(varde) === Number(varde.trim()) ? '' : strings.FelPaminnelseDagar)
            })
          ]
        }]
      }]
    };
  }
}
