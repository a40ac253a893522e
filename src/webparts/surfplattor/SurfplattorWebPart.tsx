import * as React from 'react';
import { SPFx } from '@pnp/sp';
import { skapaSp } from '../../data/pnp';
import { ISurfplattaTjanst, SurfplattaTjanst } from '../../data/surfplattor/SurfplattaTjanst';
import { ArendeportalWebPart } from '../common/ArendeportalWebPart';
import { SurfplattorApp } from './components/SurfplattorApp';

export default class SurfplattorWebPart extends ArendeportalWebPart<object> {
  private tjanst!: ISurfplattaTjanst;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const webb = this.context.pageContext.web;
    this.tjanst = new SurfplattaTjanst(skapaSp(webb.absoluteUrl, SPFx(this.context)), webb.serverRelativeUrl);
  }

  protected renderInnehall(): React.ReactElement {
    return <SurfplattorApp tjanst={this.tjanst} />;
  }
}
