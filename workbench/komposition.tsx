/**
 * Services composition of the workbench: the ONE place where each web part's and extension's
 * React root is built, with the services a real SPFx host would give it. SharePoint is the
 * emulated site at `sitePath` on this page's origin, signed in by the FedAuth session cookie
 * (as a browser on a SharePoint page); Graph is `/v1.0` on this origin, signed in by a bearer
 * token (as SPFx's AAD token provider would). PnPjs is built by the product's own src/data/pnp.ts.
 *
 * To give a part a service: build it from `v.sp` / `v.graph` right in its `rot` line in
 * WEBBDELAR, as the web part class does in onInit, e.g.
 *   rot: (v) => <ArendebalansApp tjanst={new UppdragTjanst(v.sp, v.webbSokvag)} … />
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
import { AnslagTjanst } from '../src/data/moten/AnslagTjanst';
import { JusteringTjanst } from '../src/data/moten/JusteringTjanst';
import { MotesTjanst } from '../src/data/moten/MotesTjanst';
import { skapaGraph, skapaSp } from '../src/data/pnp';
import { IncidentTjanst } from '../src/data/surfplattor/IncidentTjanst';
import { MandatTjanst } from '../src/data/surfplattor/MandatTjanst';
import { MinSurfplattaTjanst } from '../src/data/surfplattor/MinSurfplattaTjanst';
import { RegisterTjanst } from '../src/data/surfplattor/RegisterTjanst';
import { UppdragTjanst } from '../src/data/uppdrag/UppdragTjanst';
import { IsoDate, swedishDate } from '../src/domain/dates';
import { IUppdragLage, STANDARD_DAGAR_TILL_INAKTUELL } from '../src/domain/uppdrag';
import { StatusCell } from '../src/extensions/uppdragStatus/components/StatusCell';
import { Tjanstestatus } from '../src/extensions/tjanstestatus/components/Tjanstestatus';
import { ArendebalansApp } from '../src/webparts/arendebalans/components/ArendebalansApp';
import { RedovisningTjanst } from '../src/data/redovisning/RedovisningTjanst';
import { ProtokollTjanst } from '../src/data/moten/ProtokollTjanst';
import { sidLank, uppdragFranLank } from '../src/webparts/arendebalans/lankar';
import { EpostrutinApp } from '../src/webparts/epostrutin/components/EpostrutinApp';
import { MotesportalApp } from '../src/webparts/motesportal/components/MotesportalApp';
import { sammantradeFranLank, sidLank as motesSidLank } from '../src/webparts/motesportal/lankar';
import { STANDARD_PAMINNELSEDAGAR, SurfplattorApp } from '../src/webparts/surfplattor/components/SurfplattorApp';
import { kvittensTexter } from '../src/webparts/surfplattor/components/texter';
import { DelId, IInloggning, IWorkbenchKonfig, Roll } from './typer';

/** What a part's services are built from: the host's PnPjs roots, signed in as the chosen role. */
export interface IVard {
  roll: Roll;
  /** Undefined for allmanhet: no cookie, no token. */
  inloggning: IInloggning | undefined;
  /** Absolute URL of the emulated site, e.g. http://127.0.0.1:4321/sites/arendeportalen (pageContext.web.absoluteUrl). */
  webbUrl: string;
  /** The site's server-relative URL, e.g. /sites/arendeportalen (pageContext.web.serverRelativeUrl). */
  webbSokvag: string;
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

export function skapaVard(konfig: IWorkbenchKonfig, roll: Roll, origin: string = window.location.origin): IVard {
  const inloggning = konfig.inloggningar[roll];
  const webbUrl = `${origin}${konfig.sitePath}`;
  const graphUrl = `${origin}${konfig.graphSokvag}`;
  // SPBrowser: the browser's own fetch with its cookie, plus the form digest SharePoint asks for on writes.
  const sp = skapaSp(webbUrl, SPBrowser({ baseUrl: webbUrl }));
  // Graph never sees the cookie's identity: only the bearer token counts, as with Entra ID.
  const graph = skapaGraph(
    graphUrl,
    GraphBrowser({ baseUrl: graphUrl }),
    ...(inloggning ? [InjectHeaders({ Authorization: inloggning.token })] : [])
  );
  return { roll, inloggning, webbUrl, webbSokvag: konfig.sitePath, sp, graph, idag: swedishDate(new Date()), konfig };
}

export interface IWebbdel {
  /** The part's own title in the current language (from its loc file), for the picker. */
  namn: () => string;
  /** The part's root element, as its web part class's renderInnehall() builds it in SharePoint. */
  rot: (v: IVard) => React.ReactElement;
}

/** One line per web part: its root and its services. Web part properties are set as a site owner would. */
export const WEBBDELAR: Record<DelId, IWebbdel> = {
  arendebalans: {
    namn: () => arendebalansStrings.Rubrik,
    // ?uppdrag=<id> opens one uppdrag, as on a SharePoint page (a Teams deep link gives the same id).
    rot: (v) => <ArendebalansApp tjanst={new UppdragTjanst(v.sp, v.webbSokvag)} redovisningTjanst={new RedovisningTjanst(v.sp, v.webbSokvag)}
      motesTjanst={new MotesTjanst(v.sp, v.webbSokvag)} protokollTjanst={new ProtokollTjanst(v.sp, v.webbSokvag)} idag={v.idag} dagarTillInaktuell={STANDARD_DAGAR_TILL_INAKTUELL}
      oppnaId={uppdragFranLank(undefined, window.location.search)}
      lankTill={(id) => sidLank(`${window.location.origin}${window.location.pathname}`, id)} />
  },
  motesportal: {
    namn: () => motesportalStrings.Rubrik,
    rot: (v) => {
      // As the web part does: the offline cache, kept per signed-in person, so the last view opens when the emulator is unreachable.
      const sp = skapaSp({ webbUrl: v.webbUrl, offlineCache: { inloggning: v.inloggning?.epost ?? '' } }, SPBrowser({ baseUrl: v.webbUrl }));
      const moten = new MotesTjanst(sp, v.webbSokvag);
      return <MotesportalApp tjanst={moten} redigering={moten} justering={new JusteringTjanst(sp, v.webbSokvag)} anslag={new AnslagTjanst(sp, v.webbSokvag)}
        idag={v.idag} oppnaId={sammantradeFranLank(undefined, window.location.search)}
        lankTill={(id) => motesSidLank(`${window.location.origin}${window.location.pathname}`, id)} />;
    }
  },
  surfplattor: {
    namn: () => surfplattorStrings.Rubrik,
    // As the web part does: SharePoint for the register and receipts, Graph for Intune and the reminder mails; the manifest's default days.
    rot: (v) => {
      const register = new RegisterTjanst(v.sp, v.webbSokvag, { kvittensTexter: kvittensTexter() });
      return <SurfplattorApp register={register} minSurfplatta={new MinSurfplattaTjanst(v.sp, v.webbSokvag, { kvittensTexter: kvittensTexter() })}
        incidenter={new IncidentTjanst(v.sp, v.webbSokvag, v.graph)} mandat={new MandatTjanst(v.sp, v.webbSokvag, v.graph)}
        idag={v.idag} paminnelseDagar={STANDARD_PAMINNELSEDAGAR} />;
    }
  },
  epostrutin: {
    namn: () => epostrutinStrings.Rubrik,
    // As the web part does: the journal on the site, the signed-in person's own mailbox on Graph, forwards to the configured registrator.
    rot: (v) => <EpostrutinApp registratorAdress={v.konfig.registratorAdress} idag={v.idag}
      tjanst={new EpostrutinTjanst(v.sp, v.webbSokvag, v.graph, { registratorAdress: v.konfig.registratorAdress })} />
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
