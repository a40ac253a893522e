/**
 * The public site's pages, rendered once with renderToStaticMarkup: React escapes every value, so
 * a title such as "<script>" is shown, never run. Swedish, with landmarks, a skip link, one h1 and
 * headings in order (WCAG 2.1 AA, required of public sector sites by the DOS-lagen).
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IAnslag, IArendepunkt } from '../src/data/moten/typer';
import { KUNGORELSE } from '../src/domain/anslag';
import { IsoDate } from '../src/domain/dates';
import { IPubliceradFil, IPublikHandling, IPublikKorpus, IPublikOrgan, IPublikProtokoll, IPublikSammantrade } from './modell';
import {
  handlingsFil, motesSida, organKalender, organRss, organSida, protokollFil, relativ, SOKVAG
} from './sokvagar';
import { dagOchTid, datumText, filtypText, storlekText, TEXTER } from './texter';

export interface ISajt extends IPublikKorpus {
  namn: string;
  /** When the site was built, as shown on every page. */
  byggd: string;
  idag: IsoDate;
  /** The files written, by handlingsFil/protokollFil path. */
  filer: Map<string, IPubliceradFil>;
}

export interface ISida {
  sokvag: string;
  html: string;
}

interface ILank {
  text: string;
  till: string;
}

const Sida = React.createContext<string>(SOKVAG.index);

/** A link from the page being rendered to a path relative to the site's root. */
function L(p: { till: string; children: React.ReactNode; className?: string; aktuell?: boolean }): JSX.Element {
  const fran = React.useContext(Sida);
  return <a href={relativ(fran, p.till)} className={p.className} aria-current={p.aktuell ? 'page' : undefined}>{p.children}</a>;
}

function Ram(p: { sajt: ISajt; sokvag: string; titel: string; brodsmulor?: ILank[]; rss?: ILank; children: React.ReactNode }): JSX.Element {
  const l = (till: string): string => relativ(p.sokvag, till);
  const meny: ILank[] = [
    { text: TEXTER.startsida, till: SOKVAG.index },
    { text: TEXTER.anslagstavla, till: SOKVAG.anslagstavla },
    { text: TEXTER.oppnaData, till: `${SOKVAG.index}#prenumerera` }
  ];
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.sokvag === SOKVAG.index ? p.sajt.namn : `${p.titel} – ${p.sajt.namn}`}</title>
        <link rel="stylesheet" href={l(SOKVAG.stil)} />
        {p.rss && <link rel="alternate" type="application/rss+xml" title={p.rss.text} href={l(p.rss.till)} />}
      </head>
      <body>
        <Sida.Provider value={p.sokvag}>
          <a className="hoppa" href="#innehall">{TEXTER.hoppaTillInnehall}</a>
          <header className="sidhuvud">
            <div className="ram">
              <p className="webbplatsnamn"><L till={SOKVAG.index}>{p.sajt.namn}</L></p>
              <nav aria-label={TEXTER.huvudmeny}>
                <ul>
                  {meny.map((m) => <li key={m.till}><L till={m.till} aktuell={m.till === p.sokvag}>{m.text}</L></li>)}
                </ul>
              </nav>
            </div>
          </header>
          {p.brodsmulor && (
            <nav aria-label={TEXTER.brodsmulor} className="brodsmulor ram">
              <ol>
                {p.brodsmulor.map((b) => <li key={b.till}><L till={b.till}>{b.text}</L></li>)}
                <li><span aria-current="page">{p.titel}</span></li>
              </ol>
            </nav>
          )}
          <main id="innehall" tabIndex={-1}>
            <div className="ram">{p.children}</div>
          </main>
          <footer className="sidfot">
            <div className="ram">
              <p>{TEXTER.skapad(p.sajt.byggd)}</p>
              <p>{TEXTER.kalla}</p>
            </div>
          </footer>
        </Sida.Provider>
      </body>
    </html>
  );
}

function organAv(sajt: ISajt, m: IPublikSammantrade): IPublikOrgan {
  return sajt.organ.find((o) => o.id === m.organId)!;
}

function MotesRad(p: { sajt: ISajt; mote: IPublikSammantrade; visaOrgan?: boolean }): JSX.Element {
  const { mote } = p;
  const organ = organAv(p.sajt, mote);
  return (
    <li>
      <L till={motesSida(mote, organ)}>{p.visaOrgan ? `${mote.organ}, ` : ''}{dagOchTid(mote.start)}</L>
      {mote.status === 'Inställt' && <> <span className="installt">{mote.status}</span></>}
      {mote.plats && <span className="diskret"> – {mote.plats}</span>}
    </li>
  );
}

function Dokumentlank(p: { sokvag: string; rubrik: string; filnamn: string; storlek?: number }): JSX.Element {
  return (
    <li>
      <L till={p.sokvag}>{p.rubrik}</L>{' '}
      <span className="filinfo">({TEXTER.filtyp(filtypText(p.filnamn), storlekText(p.storlek ?? 0))})</span>
    </li>
  );
}

function Dokumentlista(p: { sajt: ISajt; handlingar: IPublikHandling[]; tom: string }): JSX.Element {
  if (p.handlingar.length === 0) return <p>{p.tom}</p>;
  return (
    <ul className="lista">
      {p.handlingar.map((h) => {
        const sokvag = handlingsFil(h);
        return <Dokumentlank key={h.id} sokvag={sokvag} rubrik={h.rubrik} filnamn={h.filnamn} storlek={p.sajt.filer.get(sokvag)?.storlek} />;
      })}
    </ul>
  );
}

const kommande = (sajt: ISajt, moten: IPublikSammantrade[]): IPublikSammantrade[] =>
  moten.filter((m) => m.datum >= sajt.idag).sort((a, b) => a.start.localeCompare(b.start) || a.id - b.id);
const tidigare = (sajt: ISajt, moten: IPublikSammantrade[]): IPublikSammantrade[] =>
  moten.filter((m) => m.datum < sajt.idag).sort((a, b) => b.start.localeCompare(a.start) || b.id - a.id);

function Startsida({ sajt }: { sajt: ISajt }): JSX.Element {
  const narmast = kommande(sajt, sajt.sammantraden).slice(0, 12);
  return (
    <Ram sajt={sajt} sokvag={SOKVAG.index} titel={sajt.namn}>
      <h1>{sajt.namn}</h1>
      <h2>{TEXTER.kommandeSammantraden}</h2>
      {narmast.length === 0 ? <p>{TEXTER.ingaKommande}</p>
        : <ul className="lista">{narmast.map((m) => <MotesRad key={m.id} sajt={sajt} mote={m} visaOrgan />)}</ul>}
      <h2>{TEXTER.organRubrik}</h2>
      <ul className="lista">
        {sajt.organ.map((o) => (
          <li key={o.id}>
            <L till={organSida(o)}>{o.namn}</L>{' '}
            <span className="diskret">({TEXTER.antalSammantraden(sajt.sammantraden.filter((m) => m.organId === o.id).length)})</span>
          </li>
        ))}
      </ul>
      <h2>{TEXTER.anslagstavla}</h2>
      <p>{TEXTER.anslagstavlanText(sajt.anslag.length)}</p>
      <p><L till={SOKVAG.anslagstavla}>{TEXTER.tillAnslagstavlan}</L></p>
      <h2 id="prenumerera">{TEXTER.prenumerera}</h2>
      <ul className="lista">
        <li><L till={SOKVAG.kalenderAlla}>{TEXTER.kalenderAlla}</L></li>
        <li><L till={SOKVAG.oppnaData}>{TEXTER.oppnaDataLank}</L></li>
        {sajt.organ.map((o) => <li key={o.id}><L till={organRss(o)}>{TEXTER.rssOrgan(o.namn)}</L></li>)}
      </ul>
    </Ram>
  );
}

function Organsida({ sajt, organ }: { sajt: ISajt; organ: IPublikOrgan }): JSX.Element {
  const moten = sajt.sammantraden.filter((m) => m.organId === organ.id);
  const fore = kommande(sajt, moten);
  const efter = tidigare(sajt, moten);
  return (
    <Ram sajt={sajt} sokvag={organSida(organ)} titel={organ.namn} brodsmulor={[{ text: TEXTER.startsida, till: SOKVAG.index }]}
      rss={{ text: TEXTER.rssOrgan(organ.namn), till: organRss(organ) }}>
      <h1>{organ.namn}</h1>
      <ul className="lista">
        <li><L till={organRss(organ)}>{TEXTER.rssOrgan(organ.namn)}</L></li>
        <li><L till={organKalender(organ)}>{TEXTER.kalenderOrgan(organ.namn)}</L></li>
      </ul>
      <h2>{TEXTER.kommandeSammantraden}</h2>
      {fore.length === 0 ? <p>{TEXTER.ingaKommande}</p>
        : <ul className="lista">{fore.map((m) => <MotesRad key={m.id} sajt={sajt} mote={m} />)}</ul>}
      <h2>{TEXTER.tidigareSammantraden}</h2>
      {efter.length === 0 ? <p>{TEXTER.ingaTidigare}</p>
        : <ul className="lista">{efter.map((m) => <MotesRad key={m.id} sajt={sajt} mote={m} />)}</ul>}
    </Ram>
  );
}

function Arende(p: { sajt: ISajt; punkt: IArendepunkt; handlingar: IPublikHandling[] }): JSX.Element {
  const { punkt } = p;
  return (
    <section aria-labelledby={`punkt-${punkt.id}`}>
      <h3 id={`punkt-${punkt.id}`}>{TEXTER.punkt(punkt.punkt)}. {punkt.rubrik}</h3>
      {punkt.diarienummer && <p className="diskret">{TEXTER.diarienummer}: {punkt.diarienummer}</p>}
      {punkt.beslutsdatum
        ? <div className="beslut"><strong>{TEXTER.beslutDen(datumText(punkt.beslutsdatum))}:</strong> {punkt.beslut ?? ''}</div>
        : <p className="diskret">{TEXTER.ingetBeslut}</p>}
      <Dokumentlista sajt={p.sajt} handlingar={p.handlingar} tom={TEXTER.ingaHandlingar} />
    </section>
  );
}

function Motessida({ sajt, mote }: { sajt: ISajt; mote: IPublikSammantrade }): JSX.Element {
  const organ = organAv(sajt, mote);
  const handlingar = sajt.handlingar.filter((h) => h.sammantradeId === mote.id);
  const avTyp = (typ: string): IPublikHandling[] => handlingar.filter((h) => h.dokumenttyp === typ);
  const punkter = sajt.dagordning.filter((p) => p.sammantradeId === mote.id).sort((a, b) => a.punkt - b.punkt);
  const kanda = new Set(punkter.map((p) => p.punkt));
  const ovriga = handlingar.filter((h) => (h.dokumenttyp === 'Handling' || h.dokumenttyp === 'Bilaga') && (h.punkt === undefined || !kanda.has(h.punkt)));
  const protokoll: IPublikProtokoll | undefined = sajt.protokoll.filter((p) => p.sammantradeId === mote.id).sort((a, b) => b.id - a.id)[0];
  const titel = `${mote.organ} ${datumText(mote.datum)}`;
  return (
    <Ram sajt={sajt} sokvag={motesSida(mote, organ)} titel={titel}
      brodsmulor={[{ text: TEXTER.startsida, till: SOKVAG.index }, { text: organ.namn, till: organSida(organ) }]}
      rss={{ text: TEXTER.rssOrgan(organ.namn), till: organRss(organ) }}>
      <h1>{mote.status === 'Inställt' && <span className="installt">{TEXTER.installt}</span>}{titel}</h1>
      <dl className="fakta">
        <dt>{TEXTER.organ}</dt><dd><L till={organSida(organ)}>{organ.namn}</L></dd>
        <dt>{TEXTER.datumOchTid}</dt><dd>{dagOchTid(mote.start)}</dd>
        {mote.plats && <><dt>{TEXTER.plats}</dt><dd>{mote.plats}</dd></>}
        <dt>{TEXTER.status}</dt><dd>{mote.status}</dd>
      </dl>
      <h2>{TEXTER.kallelse}</h2>
      <Dokumentlista sajt={sajt} handlingar={avTyp('Kallelse')} tom={TEXTER.ingenKallelse} />
      <h2>{TEXTER.foredragningslista}</h2>
      <Dokumentlista sajt={sajt} handlingar={avTyp('Föredragningslista')} tom={TEXTER.ingenForedragningslista} />
      <h2>{TEXTER.handlingarPerArende}</h2>
      {punkter.length === 0 && ovriga.length === 0 && <p>{TEXTER.ingaArenden}</p>}
      {punkter.map((p) => <Arende key={p.id} sajt={sajt} punkt={p} handlingar={handlingar.filter((h) => h.punkt === p.punkt && h.dokumenttyp !== 'Kallelse' && h.dokumenttyp !== 'Föredragningslista')} />)}
      {ovriga.length > 0 && (
        <section aria-labelledby="ovriga">
          <h3 id="ovriga">{TEXTER.ovrigaHandlingar}</h3>
          <Dokumentlista sajt={sajt} handlingar={ovriga} tom={TEXTER.ingaHandlingar} />
        </section>
      )}
      <h2>{TEXTER.protokoll}</h2>
      {protokoll ? (
        <ul className="lista">
          <Dokumentlank sokvag={protokollFil(protokoll)} rubrik={TEXTER.justeratProtokoll(datumText(protokoll.justeratDatum))}
            filnamn={protokoll.filnamn} storlek={sajt.filer.get(protokollFil(protokoll))?.storlek} />
        </ul>
      ) : <p>{TEXTER.ejJusterat}</p>}
    </Ram>
  );
}

function Anslag({ sajt, anslag }: { sajt: ISajt; anslag: IAnslag }): JSX.Element {
  const mote = sajt.sammantraden.find((m) => m.id === anslag.sammantradeId);
  // A kungörelse is about a meeting to come: it links to the meeting, not to an older protokoll.
  const protokoll = anslag.typ === KUNGORELSE ? undefined
    : anslag.protokollId !== undefined ? sajt.protokoll.find((p) => p.id === anslag.protokollId)
      : sajt.protokoll.find((p) => p.sammantradeId === anslag.sammantradeId);
  // A kungörelse states the meeting's day and time and its place (KL 5 kap. 53 §), as posted.
  const tid = anslag.tid ? dagOchTid(anslag.tid) : '';
  const rader: Array<[string, string | undefined]> = [
    [TEXTER.anslagTyp, anslag.typ],
    [TEXTER.organ, anslag.organ],
    tid ? [TEXTER.datumOchTid, tid] : [TEXTER.sammantradesdatum, datumText(anslag.sammantradesdatum)],
    [TEXTER.plats, anslag.plats],
    [TEXTER.justeringsdatum, datumText(anslag.justeringsdatum) || undefined],
    [TEXTER.forvaringsplats, anslag.forvaringsplats],
    [TEXTER.uppsatt, datumText(anslag.uppsatt)],
    [TEXTER.sistaDag, datumText(anslag.sistaDagForOverklagande) || undefined],
    [TEXTER.nedtagning, datumText(anslag.nedtagning) || undefined]
  ];
  return (
    <article className="anslag" aria-labelledby={`anslag-${anslag.id}`}>
      <h2 id={`anslag-${anslag.id}`}>{anslag.rubrik}</h2>
      <dl className="fakta">
        {rader.filter(([, v]) => v).map(([namn, v]) => <React.Fragment key={namn}><dt>{namn}</dt><dd>{v}</dd></React.Fragment>)}
      </dl>
      {anslag.typ === KUNGORELSE && (
        <>
          <h3 id={`anslag-${anslag.id}-arenden`}>{TEXTER.arendenAttBehandla}</h3>
          {anslag.arenden && anslag.arenden.length > 0
            ? <ul className="lista" aria-labelledby={`anslag-${anslag.id}-arenden`}>{anslag.arenden.map((a, i) => <li key={i}>{a}</li>)}</ul>
            : <p>{TEXTER.arendenSaknas}</p>}
        </>
      )}
      {(mote || protokoll) && (
        <ul className="lista">
          {mote && <li><L till={motesSida(mote, organAv(sajt, mote))}>{TEXTER.tillSammantradet}: {mote.organ} {datumText(mote.datum)}</L></li>}
          {protokoll && <li><L till={protokollFil(protokoll)}>{TEXTER.laesProtokollet}: {protokoll.rubrik}</L></li>}
        </ul>
      )}
    </article>
  );
}

function Anslagstavla({ sajt }: { sajt: ISajt }): JSX.Element {
  return (
    <Ram sajt={sajt} sokvag={SOKVAG.anslagstavla} titel={TEXTER.anslagstavla} brodsmulor={[{ text: TEXTER.startsida, till: SOKVAG.index }]}>
      <h1>{TEXTER.anslagstavla}</h1>
      <p>{TEXTER.anslagIntro}</p>
      <p>{TEXTER.overklagandeInfo}</p>
      {sajt.anslag.length === 0 ? <p>{TEXTER.ingaAnslag}</p> : sajt.anslag.map((a) => <Anslag key={a.id} sajt={sajt} anslag={a} />)}
    </Ram>
  );
}

const html = (element: JSX.Element): string => `<!DOCTYPE html>\n${renderToStaticMarkup(element)}\n`;

/** Every page of the site. */
export function renderaSidor(sajt: ISajt): ISida[] {
  const sidor: ISida[] = [
    { sokvag: SOKVAG.index, html: html(<Startsida sajt={sajt} />) },
    { sokvag: SOKVAG.anslagstavla, html: html(<Anslagstavla sajt={sajt} />) }
  ];
  for (const organ of sajt.organ) sidor.push({ sokvag: organSida(organ), html: html(<Organsida sajt={sajt} organ={organ} />) });
  for (const mote of sajt.sammantraden) {
    sidor.push({ sokvag: motesSida(mote, organAv(sajt, mote)), html: html(<Motessida sajt={sajt} mote={mote} />) });
  }
  return sidor;
}
