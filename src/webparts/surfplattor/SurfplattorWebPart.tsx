import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { SPFx as GraphSPFx } from '@pnp/graph';
import { SPFx } from '@pnp/sp';
import * as strings from 'SurfplattorWebPartStrings';
import { skapaGraph, skapaSp } from '../../data/pnp';
import { IncidentTjanst } from '../../data/surfplattor/IncidentTjanst';
import { MandatTjanst } from '../../data/surfplattor/MandatTjanst';
import { MinSurfplattaTjanst } from '../../data/surfplattor/MinSurfplattaTjanst';
import { RegisterTjanst } from '../../data/surfplattor/RegisterTjanst';
import { swedishDate } from '../../domain/dates';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { paminnelseDagar, STANDARD_PAMINNELSEDAGAR, SurfplattorApp } from './components/SurfplattorApp';
import { kvittensTexter } from './components/texter';

export interface ISurfplattorWebPartProps {
  /** Mandate end: remind borrowers whose mandate ends within this many days (text, as the property pane keeps it). */
  paminnelseDagar?: string;
}

export default class SurfplattorWebPart extends ArendeportalWebPart<ISurfplattorWebPartProps> {
  private register!: RegisterTjanst;
  private minSurfplatta!: MinSurfplattaTjanst;
  private incidenter!: IncidentTjanst;
  private mandat!: MandatTjanst;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const webb = this.context.pageContext.web;
    const sp = skapaSp(webb.absoluteUrl, SPFx(this.context));
    // Intune actions and reminder mails go as the signed-in person, with SPFx's Entra ID token for Graph.
    const graph = skapaGraph(undefined, GraphSPFx(this.context));
    const texter = kvittensTexter();
    this.register = new RegisterTjanst(sp, webb.serverRelativeUrl, { kvittensTexter: texter });
    this.minSurfplatta = new MinSurfplattaTjanst(sp, webb.serverRelativeUrl, { kvittensTexter: texter });
    this.incidenter = new IncidentTjanst(sp, webb.serverRelativeUrl, graph);
    this.mandat = new MandatTjanst(sp, webb.serverRelativeUrl, graph);
  }

  protected renderInnehall(): React.ReactElement {
    return (
      <SurfplattorApp register={this.register} minSurfplatta={this.minSurfplatta} incidenter={this.incidenter} mandat={this.mandat}
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
