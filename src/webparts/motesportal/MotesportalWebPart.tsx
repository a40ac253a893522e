import * as React from 'react';
import { Microsoft365Signering } from '../../data/moten/Signering';
import { swedishDate } from '../../domain/dates';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { MotesportalApp } from './components/MotesportalApp';
import { sammantradeFranLank, sidLank } from './lankar';
import { IMotesportalTjanster, skapaMotesportalTjanster } from './tjanster';

export default class MotesportalWebPart extends ArendeportalWebPart<object> {
  private tjanster!: IMotesportalTjanster;

  /** The last view opens when SharePoint cannot be reached (seed 002): the base keeps each read per signed-in person. */
  protected get offlineCache(): boolean {
    return true;
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.tjanster = skapaMotesportalTjanster(this.portal.sp, this.portal.webb.sokvag, { signering: new Microsoft365Signering() });
  }

  protected renderInnehall(): React.ReactElement {
    return (
      <MotesportalApp
        {...this.tjanster}
        idag={swedishDate(new Date())}
        oppnaId={sammantradeFranLank(this.teamsUndersida, window.location.search)}
        // In Teams the page link would leave the tab; a Teams deep link needs the tab's entity id in TEAMS_APP.
        lankTill={this.iTeams ? undefined : (id) => sidLank(`${window.location.origin}${window.location.pathname}`, id)}
      />
    );
  }
}
