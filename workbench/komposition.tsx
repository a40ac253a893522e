/**
 * Services composition of the workbench: the ONE place where each web part's and extension's
 * React root is built, with the services a real SPFx host would give it. SharePoint is the
 * emulated site at `sitePath` on this page's origin, signed in by the FedAuth session cookie
 * (as a browser on a SharePoint page); Graph is `/v1.0` on this origin, signed in by a bearer
 * token (as SPFx's AAD token provider would). PnPjs is built by the product's own src/data/pnp.ts.
 * As in the web parts' base class, the site is found from the page's own web through the tenant
 * property (src/data/installningar/portal.ts): the portal's page, or the tenant's root site on the
 * personal-app route (`PERSONLIG_APP_SOKVAG`).
 *
 * To give a part a service: build it from `v.sp` / `v.graph` right in its `rot` line in
 * WEBBDELAR, as the web part class does in onInit (with the part's tjanster.ts where it has one), e.g.
 *   rot: (v) => <ArendebalansApp {...skapaArendebalansTjanster(v.sp, v.webbSokvag)} … />
 * The page calls each `rot` once per role and language (the roots remount then), never per
 * theme change, so a service made there lives as long as the part.
 */
import * as React from 'react';
import { GraphBrowser, GraphFI } from '@pnp/graph';
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import * as arendebalansStrings from 'ArendebalansWebPartStrings';
import * as epostrutinStrings from 'EpostrutinWebPartStrings';
import * as motesportalStrings from 'MotesportalWebPartStrings';
import * as surfplattorStrings from 'SurfplattorWebPartStrings';
import { EpostrutinTjanst } from '../src/data/epost/EpostrutinTjanst';
import { IKlientinstallningSvar, KlientinstallningTjanst, lasRegistratorinstallning, portalplats } from '../src/data/installningar';
import { skapaGraph, skapaSp } from '../src/data/pnp';
import { IsoDate, swedishDate } from '../src/domain/dates';
import { IPortalwebb } from '../src/domain/portalwebb';
import { arEpostadress } from '../src/domain/epost';
import { valjRegistrator } from '../src/domain/registrator';
import { IUppdragLage, STANDARD_DAGAR_TILL_INAKTUELL } from '../src/domain/uppdrag';
import { StatusCell } from '../src/extensions/uppdragStatus/components/StatusCell';
import { Tjanstestatus } from '../src/extensions/tjanstestatus/components/Tjanstestatus';
import { ArendebalansApp } from '../src/webparts/arendebalans/components/ArendebalansApp';
import { sidLank, uppdragFranLank } from '../src/webparts/arendebalans/lankar';
import { skapaArendebalansTjanster } from '../src/webparts/arendebalans/tjanster';
import { EpostrutinApp } from '../src/webparts/epostrutin/components/EpostrutinApp';
import { MotesportalApp } from '../src/webparts/motesportal/components/MotesportalApp';
import { sammantradeFranLank, sidLank as motesSidLank } from '../src/webparts/motesportal/lankar';
import { skapaMotesportalTjanster } from '../src/webparts/motesportal/tjanster';
import { STANDARD_PAMINNELSEDAGAR, SurfplattorApp } from '../src/webparts/surfplattor/components/SurfplattorApp';
import { skapaSurfplattorTjanster } from '../src/webparts/surfplattor/tjanster';
import { DelId, IInloggning, IWorkbenchKonfig, Roll } from './typer';

/** What a part's services are built from: the host's PnPjs roots, signed in as the chosen role. */
export interface IVard {
  roll: Roll;
  /** Undefined for allmanhet: no cookie, no token. */
  inloggning: IInloggning | undefined;
  /** Absolute URL of the portal's web, e.g. http://127.0.0.1:4321/sites/arendeportalen (the base class's portal.webb.url). */
  webbUrl: string;
  /** The portal's server-relative URL, e.g. /sites/arendeportalen (portal.webb.sokvag). */
  webbSokvag: string;
  /** Where the portal was found: `klientorganisation` (the tenant property), or `sidan` (the page's own web). */
  portalkalla: IPortalwebb['kalla'];
  /** PnPjs on the portal's web. */
  sp: SPFI;
  graph: GraphFI;
  idag: IsoDate;
  konfig: IWorkbenchKonfig;
}

/**
 * Signs the browser in to SharePoint the way SharePoint Online does: a FedAuth session cookie
 * on the site's origin, sent with every same-origin request. Allmanhet clears it.
 */
export function loggaIn(inloggning: IInloggning | undefined): void {
  document.cookie = inloggning
    ? `${inloggning.cookie}; path=/; SameSite=Lax`
    : 'FedAuth=; path=/; max-age=0; SameSite=Lax';
}

/** The host for a role: resolves the portal's web first, as the web parts' onInit does, so call it after loggaIn. */
export async function skapaVard(konfig: IWorkbenchKonfig, roll: Roll, origin: string = window.location.origin): Promise<IVard> {
  const inloggning = konfig.inloggningar[roll];
  const graphUrl = `${origin}${konfig.graphSokvag}`;
  // pageContext.web: the portal's page, or the root site on the personal-app route.
  const sidan = { url: `${origin}${konfig.sidansWebb}`, sokvag: konfig.sidansWebb || '/' };
  // SPBrowser: the browser's own fetch with its cookie, plus the form digest SharePoint asks for on writes.
  const { webb, sp } = await portalplats(sidan, (url) => skapaSp(url, SPBrowser({ baseUrl: url })));
  // Graph never sees the cookie's identity: only the bearer token counts, as with Entra ID.
  const graph = skapaGraph(
    graphUrl,
    GraphBrowser({ baseUrl: graphUrl }),
    ...(inloggning ? [InjectHeaders({ Authorization: inloggning.token })] : [])
  );
  return { roll, inloggning, webbUrl: webb.url, webbSokvag: webb.sokvag, portalkalla: webb.kalla, sp, graph, idag: swedishDate(new Date()), konfig };
}

export interface IWebbdel {
  /** The part's own title in the current language (from its loc file), for the picker. */
  namn: () => string;
  /** The part's root element, as its web part class's renderInnehall() builds it in SharePoint. */
  rot: (v: IVard) => React.ReactElement;
}

/**
 * E-postrutin as its web part builds it: the journal on the site, the signed-in person's own mailbox
 * on Graph, forwarding to the property's registrator or else the tenant property's, read before the
 * part shows (as the web part's onInit does), so it renders nothing until then.
 */
function Epostrutin({ v }: { v: IVard }): React.ReactElement | null {
  const egenskap = v.konfig.registratorAdress.trim();
  const [klient, satKlient] = React.useState<IKlientinstallningSvar | undefined>(undefined);
  React.useEffect(() => {
    if (arEpostadress(egenskap)) return undefined;
    let aktiv = true;
    void lasRegistratorinstallning(new KlientinstallningTjanst(v.sp)).then((svar) => { if (aktiv) satKlient(svar); });
    return () => { aktiv = false; };
  }, [v.sp, egenskap]);
  const { adress, kalla } = valjRegistrator(egenskap, klient);
  const tjanst = React.useMemo(() => new EpostrutinTjanst(v.sp, v.webbSokvag, v.graph, { registratorAdress: adress }), [v.sp, v.webbSokvag, v.graph, adress]);
  if (!arEpostadress(egenskap) && !klient) return null;
  return <EpostrutinApp registratorAdress={adress} registratorKalla={kalla} registratorFel={klient?.fel?.orsak} idag={v.idag} tjanst={tjanst} />;
}

/** One line per web part: its root and its services. Web part properties are set as a site owner would. */
export const WEBBDELAR: Record<DelId, IWebbdel> = {
  arendebalans: {
    namn: () => arendebalansStrings.Rubrik,
    // ?uppdrag=<id> opens one uppdrag, as on a SharePoint page (a Teams deep link gives the same id).
    rot: (v) => {
      // As the web part does: the offline cache, so the last view opens when the emulator is unreachable.
      const sp = skapaSp({ webbUrl: v.webbUrl, offlineCache: { inloggning: v.inloggning?.epost ?? '' } }, SPBrowser({ baseUrl: v.webbUrl }));
      return <ArendebalansApp {...skapaArendebalansTjanster(sp, v.webbSokvag)} idag={v.idag} dagarTillInaktuell={STANDARD_DAGAR_TILL_INAKTUELL}
        oppnaId={uppdragFranLank(undefined, window.location.search)}
        lankTill={(id) => sidLank(`${window.location.origin}${window.location.pathname}`, id)} />;
    }
  },
  motesportal: {
    namn: () => motesportalStrings.Rubrik,
    rot: (v) => {
      // As the web part does: the offline cache, kept per signed-in person, so the last view opens when the emulator is unreachable.
      const sp = skapaSp({ webbUrl: v.webbUrl, offlineCache: { inloggning: v.inloggning?.epost ?? '' } }, SPBrowser({ baseUrl: v.webbUrl }));
      return <MotesportalApp {...skapaMotesportalTjanster(sp, v.webbSokvag)}
        idag={v.idag} oppnaId={sammantradeFranLank(undefined, window.location.search)}
        lankTill={(id) => motesSidLank(`${window.location.origin}${window.location.pathname}`, id)} />;
    }
  },
  surfplattor: {
    namn: () => surfplattorStrings.Rubrik,
    // As the web part does: SharePoint for the register and receipts, Graph for Intune and the reminder mails; the manifest's default days.
    rot: (v) => <SurfplattorApp {...skapaSurfplattorTjanster(v.sp, v.webbSokvag, v.graph)} idag={v.idag} paminnelseDagar={STANDARD_PAMINNELSEDAGAR} />
  },
  epostrutin: {
    namn: () => epostrutinStrings.Rubrik,
    rot: (v) => <Epostrutin v={v} />
  }
};

/** A row of the Uppdrag list as the field customizer gets it: its state and the stored status text. */
export interface IListrad {
  lage: IUppdragLage | undefined;
  radText: string;
}

/** The extensions' roots, as their SPFx classes render them into list cells and the Top placeholder. */
export const TILLAGG = {
  statusCell: (rad: IListrad, v: IVard): React.ReactElement => <StatusCell lage={rad.lage} radText={rad.radText} idag={v.idag} />,
  tjanstestatus: (sekretess: boolean): React.ReactElement => <Tjanstestatus sekretess={sekretess} />
};
