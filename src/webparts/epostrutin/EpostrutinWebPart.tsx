import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { GraphFI, SPFx as GraphSPFx } from '@pnp/graph';
import * as strings from 'EpostrutinWebPartStrings';
import { EpostrutinTjanst } from '../../data/epost/EpostrutinTjanst';
import { IEpostrutinTjanst } from '../../data/epost/typer';
import { IKlientinstallningSvar, IKlientinstallningTjanst, KlientinstallningTjanst, lasRegistratorinstallning, REGISTRATOR_NYCKEL } from '../../data/installningar';
import { skapaGraph } from '../../data/pnp';
import { swedishDate } from '../../domain/dates';
import { arEpostadress } from '../../domain/epost';
import { valjRegistrator } from '../../domain/registrator';
import { fyll } from '../../ui/format';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { EpostrutinApp } from './components/EpostrutinApp';

export interface IEpostrutinWebPartProps {
  /** Set on a SharePoint page; wins over the tenant property there. Empty in a personal app (no property pane). */
  registratorAdress: string;
}

export default class EpostrutinWebPart extends ArendeportalWebPart<IEpostrutinWebPartProps> {
  private graph!: GraphFI;
  private tjanst: { adress: string; tjanst: IEpostrutinTjanst } | undefined;
  private installningar!: IKlientinstallningTjanst;
  /** The tenant property's answer, once read; read only when the page's own property gives no address. */
  private klient: IKlientinstallningSvar | undefined;
  private klientLasning: Promise<void> | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    // The journal lives on the portal's site; the mailbox is the signed-in person's own, with SPFx's Entra ID token for Graph.
    this.graph = skapaGraph(undefined, GraphSPFx(this.context));
    this.installningar = new KlientinstallningTjanst(this.portal.sp);
    // Before the first render, so a personal app does not flash "no address" while the setting loads.
    if (!arEpostadress(this.egenskap())) await this.lasKlientinstallning();
  }

  private egenskap(): string {
    return (this.properties.registratorAdress ?? '').trim();
  }

  /** Reads the tenant property once (it never rejects); a property cleared later in the pane reads it then. */
  private lasKlientinstallning(): Promise<void> {
    this.klientLasning ??= lasRegistratorinstallning(this.installningar).then((svar) => {
      this.klient = svar;
      if (this.renderedOnce && !this.isDisposed) this.render();
    });
    return this.klientLasning;
  }

  /** The service forwards to the registrator: a new one when the site owner changes the address. */
  private tjanstFor(adress: string): IEpostrutinTjanst {
    if (this.tjanst?.adress !== adress) {
      this.tjanst = {
        adress,
        tjanst: new EpostrutinTjanst(this.portal.sp, this.portal.webb.sokvag, this.graph, { registratorAdress: adress })
      };
    }
    return this.tjanst.tjanst;
  }

  protected renderInnehall(): React.ReactElement {
    const egenskap = this.egenskap();
    if (!arEpostadress(egenskap)) void this.lasKlientinstallning();
    const { adress, kalla } = valjRegistrator(egenskap, this.klient);
    return <EpostrutinApp registratorAdress={adress} registratorKalla={kalla} registratorFel={this.klient?.fel?.orsak}
      tjanst={this.tjanstFor(adress)} idag={swedishDate(new Date())} />;
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
              description: fyll(strings.FaltRegistratorBeskrivning, REGISTRATOR_NYCKEL),
              onGetErrorMessage: (varde: string) => (!varde || arEpostadress(varde.trim()) ? '' : strings.FelEpostadress)
            })
          ]
        }]
      }]
    };
  }
}
