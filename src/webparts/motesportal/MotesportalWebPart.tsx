import * as React from 'react';
import { SPFx } from '@pnp/sp';
import { AnslagTjanst } from '../../data/moten/AnslagTjanst';
import { JusteringTjanst } from '../../data/moten/JusteringTjanst';
import { MotesTjanst } from '../../data/moten/MotesTjanst';
import { Microsoft365Signering } from '../../data/moten/Signering';
import { IAnslagTjanst, IJusteringTjanst } from '../../data/moten/typer';
import { skapaSp } from '../../data/pnp';
import { swedishDate } from '../../domain/dates';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { MotesportalApp } from './components/MotesportalApp';
import { sammantradeFranLank, sidLank } from './lankar';

export default class MotesportalWebPart extends ArendeportalWebPart<object> {
  private tjanst!: MotesTjanst;
  private justering!: IJusteringTjanst;
  private anslag!: IAnslagTjanst;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const webb = this.context.pageContext.web;
    // The offline cache keeps each read per signed-in person, so the last view opens when SharePoint cannot be reached (seed 002).
    const sp = skapaSp({ webbUrl: webb.absoluteUrl, offlineCache: { inloggning: this.context.pageContext.user.loginName } }, SPFx(this.context));
    this.tjanst = new MotesTjanst(sp, webb.serverRelativeUrl);
    this.justering = new JusteringTjanst(sp, webb.serverRelativeUrl, { signering: new Microsoft365Signering() });
    this.anslag = new AnslagTjanst(sp, webb.serverRelativeUrl);
  }

  protected renderInnehall(): React.ReactElement {
    return (
      <MotesportalApp
        tjanst={this.tjanst}
        redigering={this.tjanst}
        justering={this.justering}
        anslag={this.anslag}
        idag={swedishDate(new Date())}
        oppnaId={sammantradeFranLank(this.teamsUndersida, window.location.search)}
        // In Teams the page link would leave the tab; a Teams deep link needs the tab's entity id in TEAMS_APP.
        lankTill={this.iTeams ? undefined : (id) => sidLank(`${window.location.origin}${window.location.pathname}`, id)}
      />
    );
  }
}
