/**
 * Feeds and calendars: RSS 2.0 per organ (feed), iCalendar of the meetings for all organs and per
 * organ (ics). Meetings are written in UTC, which every calendar converts to the reader's zone; the
 * instant is SharePoint's own, so Swedish summer and winter time come out right. UIDs are built
 * from the site's host and the meeting's id, so a rebuilt calendar updates events, never doubles them.
 */
import { Feed } from 'feed';
import { createEvents, EventAttributes } from 'ics';
import { tillSpDatum } from '../src/data/spDatum';
import { KUNGORELSE } from '../src/domain/anslag';
import { IPublikOrgan } from './modell';
import { ISajt } from './sidor';
import { handlingsFil, motesSida, organRss, organSida, protokollFil, relativ, SOKVAG } from './sokvagar';
import { dagOchTid, datumText, TEXTER } from './texter';

/** Meetings have no end time in SharePoint; the calendar shows this long a block. */
export const MOTESLANGD_TIMMAR = 3;
/** The newest this many items per feed: feed readers keep their own history. */
export const FLODETS_LANGD = 100;

/** A link from a feed or calendar at `fran`: absolute when the site's address is known, else relative to the file. */
export function lankFran(fran: string, basUrl: string | undefined): (till: string) => string {
  return (till) => (basUrl ? new URL(till, basUrl.endsWith('/') ? basUrl : `${basUrl}/`).toString() : relativ(fran, till));
}

const dagSomTid = (dag: string): Date => new Date(tillSpDatum(dag));

export function organFlode(sajt: ISajt, organ: IPublikOrgan, byggd: Date, basUrl?: string): string {
  const fil = organRss(organ);
  const lank = lankFran(fil, basUrl);
  const moten = new Map(sajt.sammantraden.filter((m) => m.organId === organ.id).map((m) => [m.id, m]));
  const poster: Array<{ title: string; link: string; date: Date; description?: string }> = [];
  for (const h of sajt.handlingar) {
    const m = moten.get(h.sammantradeId);
    if (!m) continue;
    poster.push({ title: TEXTER.rssHandling(organ.namn, datumText(m.datum), h.rubrik), link: lank(handlingsFil(h)),
      date: new Date(h.publiceradDatum ?? h.andrad), description: `${h.dokumenttyp}. ${TEXTER.tillSammantradet}: ${lank(motesSida(m, organ))}` });
  }
  for (const p of sajt.protokoll) {
    const m = moten.get(p.sammantradeId);
    if (!m) continue;
    const dag = p.tillkannagivet ?? p.justeratDatum;
    poster.push({ title: TEXTER.rssProtokoll(organ.namn, datumText(m.datum)), link: lank(protokollFil(p)), date: dag ? dagSomTid(dag) : new Date(p.andrad) });
  }
  for (const a of sajt.anslag) {
    if (a.organ !== organ.namn) continue;
    poster.push({ title: a.rubrik, link: lank(`${SOKVAG.anslagstavla}#anslag-${a.id}`), date: dagSomTid(a.uppsatt),
      description: a.typ === KUNGORELSE
        ? TEXTER.rssKungorelseBeskrivning(a.tid ? dagOchTid(a.tid) : datumText(a.sammantradesdatum), a.plats, a.arenden?.length ?? 0)
        : TEXTER.rssAnslagBeskrivning(datumText(a.sistaDagForOverklagande) || undefined) });
  }
  poster.sort((a, b) => b.date.getTime() - a.date.getTime() || a.link.localeCompare(b.link));
  const flode = new Feed({
    id: lank(organSida(organ)), link: lank(organSida(organ)), title: organ.namn, description: TEXTER.rssBeskrivning(organ.namn),
    language: 'sv', copyright: '', updated: byggd, generator: 'Ärendeportalen', feedLinks: { rss: lank(fil) }
  });
  for (const p of poster.filter((x) => !Number.isNaN(x.date.getTime())).slice(0, FLODETS_LANGD)) {
    flode.addItem({ ...p, id: p.link });
  }
  return flode.rss2();
}

export function kalender(sajt: ISajt, organ: IPublikOrgan | undefined, webbplats: string, fil: string, basUrl?: string): string {
  const lank = lankFran(fil, basUrl);
  const vard = new URL(webbplats).hostname;
  const namn = organ ? TEXTER.kalenderNamn(organ.namn) : TEXTER.kalenderAllaNamn;
  const handelser: EventAttributes[] = sajt.sammantraden
    .filter((m) => !organ || m.organId === organ.id)
    .filter((m) => !Number.isNaN(Date.parse(m.start)))
    .sort((a, b) => a.start.localeCompare(b.start) || a.id - b.id)
    .map((m) => {
      const sida = motesSida(m, sajt.organ.find((o) => o.id === m.organId)!);
      return {
        uid: `sammantrade-${m.id}@${vard}`,
        start: Date.parse(m.start), startInputType: 'utc', startOutputType: 'utc',
        duration: { hours: MOTESLANGD_TIMMAR },
        title: `${m.status === 'Inställt' ? TEXTER.installt : ''}${m.organ}`,
        description: `${TEXTER.kalenderBeskrivning}: ${lank(sida)}`,
        ...(m.plats ? { location: m.plats } : {}),
        ...(basUrl ? { url: lank(sida) } : {}),
        status: m.status === 'Inställt' ? 'CANCELLED' : 'CONFIRMED',
        calName: namn
      };
    });
  const { error, value } = createEvents(handelser, { productId: 'arendeportalen/publik', method: 'PUBLISH', calName: namn });
  if (error || !value) throw error ?? new Error('Kalendern kunde inte skapas.');
  return value;
}
