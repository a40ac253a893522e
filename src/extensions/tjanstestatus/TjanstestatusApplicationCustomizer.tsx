import * as React from 'react';
import * as ReactDom from 'react-dom';
import { BaseApplicationCustomizer, PlaceholderContent, PlaceholderName } from '@microsoft/sp-application-base';
import { PartRoot } from '../../ui/PartRoot';
import { Tjanstestatus } from './components/Tjanstestatus';
import { arSekretessSida } from './sekretessSida';

export interface ITjanstestatusProperties {
  /** URL segment of the sekretess library; its pages get the "får inte spridas" notice. */
  sekretessBibliotek?: string;
}

export default class TjanstestatusApplicationCustomizer extends BaseApplicationCustomizer<ITjanstestatusProperties> {
  private topp: PlaceholderContent | undefined;

  public onInit(): Promise<void> {
    this.context.placeholderProvider.changedEvent.add(this, this.rendera);
    // Modern pages navigate without reloading; the sekretess notice must follow the URL.
    this.context.application.navigatedEvent.add(this, this.rendera);
    this.rendera();
    return Promise.resolve();
  }

  protected onDispose(): void {
    if (this.topp) {
      ReactDom.unmountComponentAtNode(this.topp.domElement);
    }
  }

  private rendera(): void {
    if (!this.topp) {
      this.topp = this.context.placeholderProvider.tryCreateContent(PlaceholderName.Top);
    }
    if (!this.topp) {
      return;
    }
    const sekretess = arSekretessSida(window.location.pathname, this.properties.sekretessBibliotek);
    ReactDom.render(<PartRoot><Tjanstestatus sekretess={sekretess} /></PartRoot>, this.topp.domElement);
  }
}
