/**
 * Where everything lies on the public site. Links are relative between pages, so the site works
 * from file://, from a web server's root and from any sub-path (/publik/) alike.
 */
import { posix } from 'path';
import { IPublikHandling, IPublikOrgan, IPublikProtokoll, IPublikSammantrade } from './modell';

export const SOKVAG = {
  index: 'index.html',
  anslagstavla: 'anslagstavla.html',
  stil: 'stil.css',
  oppnaData: 'data/oppna-data.json',
  kalenderAlla: 'kalender/alla.ics',
  rapport: 'report.json',
  /** Marks a directory as a built public site, so a rebuild only ever replaces one of ours. */
  markor: '.publik-webbplats'
} as const;

/** Letters, digits, dot, dash and underscore; Swedish letters folded. Keeps the name readable in a URL. */
export function sakertFilnamn(namn: string): string {
  const rent = namn.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '').slice(-120);
  return rent || 'fil';
}

export const organSida = (o: Pick<IPublikOrgan, 'slug'>): string => `organ/${o.slug}.html`;
export const organRss = (o: Pick<IPublikOrgan, 'slug'>): string => `rss/${o.slug}.xml`;
export const organKalender = (o: Pick<IPublikOrgan, 'slug'>): string => `kalender/${o.slug}.ics`;
export const motesSida = (m: Pick<IPublikSammantrade, 'id' | 'datum'>, o: Pick<IPublikOrgan, 'slug'>): string =>
  `moten/${o.slug}-${m.datum}-${m.id}.html`;
export const handlingsFil = (h: Pick<IPublikHandling, 'id' | 'sammantradeId' | 'filnamn'>): string =>
  `filer/${h.sammantradeId}/${h.id}-${sakertFilnamn(h.filnamn)}`;
export const protokollFil = (p: Pick<IPublikProtokoll, 'id' | 'sammantradeId' | 'filnamn'>): string =>
  `filer/${p.sammantradeId}/protokoll-${p.id}-${sakertFilnamn(p.filnamn)}`;

/** The link from the page at `fran` to `till`, both relative to the site's root. */
export function relativ(fran: string, till: string): string {
  const [mal, fragment] = till.split('#');
  const vag = posix.relative(posix.dirname(fran), mal) || posix.basename(mal);
  return `${vag.split('/').map(encodeURIComponent).join('/')}${fragment !== undefined ? `#${fragment}` : ''}`;
}
