import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { IReadonlyTheme } from '@microsoft/sp-component-base';
import { PartialTheme } from '@fluentui/react';
import { SPFI, SPFx } from '@pnp/sp';
import { IPortalplats, portalplats, Portalminne } from '../../data/installningar';
import { skapaSp } from '../../data/pnp';
import { PartRoot } from '../../ui/PartRoot';
import { arTeamsTema, teamsTema } from '../../ui/themes';

/** The portal's address is read once per page load: the parts of this bundle on the page share the answer. */
const PORTALMINNE: Portalminne = new Map();

/**
 * What all four web parts share: the theme (SharePoint section theme, or the Teams client's
 * theme when hosted in Teams), the portal site's web their lists are on, one React root, and
 * unmounting on dispose. Subclasses only read their properties, build their services on `portal`
 * and return their root element.
 */
export abstract class ArendeportalWebPart<TProperties extends object> extends BaseClientSideWebPart<TProperties> {
  private tema: PartialTheme | undefined;
  /** In Teams: the sub-entity a deep link opened the tab with (`page.subPageId`). */
  protected teamsUndersida: string | undefined;
  /**
   * The portal site's web and PnPjs on it, set in onInit: the page's own web on a portal page, the
   * tenant property's site in a personal app (which runs on the tenant's root site).
   */
  protected portal!: IPortalplats;

  /** A part that keeps its reads for when SharePoint cannot be reached (src/data/cache) says so. */
  protected get offlineCache(): boolean {
    return false;
  }

  protected get iTeams(): boolean {
    return this.context.sdks.microsoftTeams !== undefined;
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    await Promise.all([this.lasTeams(), this.lasPortal()]);
  }

  private async lasPortal(): Promise<void> {
    const webb = this.context.pageContext.web;
    this.portal = await portalplats({ url: webb.absoluteUrl, sokvag: webb.serverRelativeUrl }, (url) => this.skapaSp(url), PORTALMINNE);
  }

  /** PnPjs with SPFx's sign-in; the offline cache keeps each read per signed-in person (seed 002). */
  private skapaSp(webbUrl: string): SPFI {
    const offlineCache = this.offlineCache ? { inloggning: this.context.pageContext.user.loginName } : undefined;
    return skapaSp({ webbUrl, offlineCache }, SPFx(this.context));
  }

  private async lasTeams(): Promise<void> {
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
