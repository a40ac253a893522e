import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { IReadonlyTheme } from '@microsoft/sp-component-base';
import { PartialTheme } from '@fluentui/react';
import { PartRoot } from '../../ui/PartRoot';
import { arTeamsTema, teamsTema } from '../../ui/themes';

/**
 * What all four web parts share: the theme (SharePoint section theme, or the Teams client's
 * theme when hosted in Teams), one React root, and unmounting on dispose. Subclasses only read
 * their properties, build their services and return their root element.
 */
export abstract class ArendeportalWebPart<TProperties extends object> extends BaseClientSideWebPart<TProperties> {
  private tema: PartialTheme | undefined;
  /** In Teams: the sub-entity a deep link opened the tab with (`page.subPageId`). */
  protected teamsUndersida: string | undefined;

  protected get iTeams(): boolean {
    return this.context.sdks.microsoftTeams !== undefined;
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    const teams = this.context.sdks.microsoftTeams;
    if (teams) {
      const kontext = await teams.teamsJs.app.getContext();
      this.satTeamsTema(kontext.app.theme);
      this.teamsUndersida = kontext.page.subPageId;
      teams.teamsJs.app.registerOnThemeChangeHandler((namn: string) => {
        this.satTeamsTema(namn);
        this.render();
      });
    }
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    // In Teams the client's theme wins over the SharePoint site's.
    if (!this.iTeams) {
      this.tema = theme as PartialTheme | undefined;
    }
  }

  protected abstract renderInnehall(): React.ReactElement;

  public render(): void {
    ReactDom.render(<PartRoot theme={this.tema}>{this.renderInnehall()}</PartRoot>, this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  private satTeamsTema(namn: string): void {
    this.tema = arTeamsTema(namn) ? teamsTema(namn) : undefined;
  }
}
