import * as React from 'react';
import { SPFx } from '@pnp/sp';
import { IMotesTjanst, MotesTjanst } from '../../data/moten/MotesTjanst';
import { skapaSp } from '../../data/pnp';
import { swedishDate } from '../../domain/dates';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { MotesportalApp } from './components/MotesportalApp';

export default class MotesportalWebPart extends ArendeportalWebPart<object> {
  private tjanst!: IMotesTjanst;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const webb = this.context.pageContext.web;
    this.tjanst = new MotesTjanst(skapaSp(webb.absoluteUrl, SPFx(this.context)), webb.serverRelativeUrl);
  }

  protected renderInnehall(): React.ReactElement {
    return <MotesportalApp tjanst={this.tjanst} idag={swedishDate(new Date())} />;
  }
}
