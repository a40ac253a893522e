import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneSlider } from '@microsoft/sp-property-pane';
import { SPFx } from '@pnp/sp';
import * as strings from 'ArendebalansWebPartStrings';
import { IMotesTjanst, MotesTjanst } from '../../data/moten/MotesTjanst';
import { IProtokollTjanst, ProtokollTjanst } from '../../data/moten/ProtokollTjanst';
import { skapaSp } from '../../data/pnp';
import { IRedovisningTjanst, RedovisningTjanst } from '../../data/redovisning/RedovisningTjanst';
import { IUppdragTjanst, UppdragTjanst } from '../../data/uppdrag/UppdragTjanst';
import { swedishDate } from '../../domain/dates';
import { STANDARD_DAGAR_TILL_INAKTUELL } from '../../domain/uppdrag';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { ArendebalansApp } from './components/ArendebalansApp';
import { sidLank, teamsLank, uppdragFranLank } from './lankar';

export interface IArendebalansWebPartProps {
  dagarTillInaktuell: number;
}

export default class ArendebalansWebPart extends ArendeportalWebPart<IArendebalansWebPartProps> {
  private tjanst!: IUppdragTjanst;
  private redovisningTjanst!: IRedovisningTjanst;
  private motesTjanst!: IMotesTjanst;
  private protokollTjanst!: IProtokollTjanst;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const webb = this.context.pageContext.web;
    const sp = skapaSp(webb.absoluteUrl, SPFx(this.context));
    this.tjanst = new UppdragTjanst(sp, webb.serverRelativeUrl);
    this.redovisningTjanst = new RedovisningTjanst(sp, webb.serverRelativeUrl);
    this.motesTjanst = new MotesTjanst(sp, webb.serverRelativeUrl);
    this.protokollTjanst = new ProtokollTjanst(sp, webb.serverRelativeUrl);
  }

  protected renderInnehall(): React.ReactElement {
    return (
      <ArendebalansApp
        tjanst={this.tjanst}
        redovisningTjanst={this.redovisningTjanst}
        motesTjanst={this.motesTjanst}
        protokollTjanst={this.protokollTjanst}
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
