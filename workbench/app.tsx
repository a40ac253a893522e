/**
 * The local workbench page: a top bar standing in for SharePoint's suite bar, a settings bar
 * (role, language, theme, web part), the web parts stacked on a page canvas, and a preview of
 * the extensions. The roots and their services come from komposition.tsx; this file is chrome.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Checkbox, Dropdown, IDropdownOption, ITheme, mergeStyleSets, registerIcons, Stack, Text, ThemeProvider } from '@fluentui/react';
import { addDays, format, parseISO } from 'date-fns';
import * as strings from 'WorkbenchStrings';
import { IKONER } from 'workbench-ikoner';
import { fyll } from '../src/ui/format';
import { PartRoot } from '../src/ui/PartRoot';
import { IListrad, IVard, loggaIn, skapaVard, TILLAGG, WEBBDELAR } from './komposition';
import { satSprak } from './sprak';
import { fluentTema, svitfarger } from './teman';
import { LAGRINGSNYCKEL, lasTillstand, tillSokstrang } from './tillstand';
import { DELAR, DelVal, IWorkbenchKonfig, IWorkbenchTillstand, Roll, ROLLER, Sprak, TemaId } from './typer';

// Fluent's icon font lives on a Microsoft CDN; the SVGs from the installed package stand in for it.
registerIcons({
  icons: Object.fromEntries(Object.entries(IKONER).map(([namn, Ikon]) => [namn, React.createElement(Ikon)]))
});

function rollnamn(roll: Roll): string {
  switch (roll) {
    case 'allmanhet': return strings.RollAllmanhet;
    case 'ledamot': return strings.RollLedamot;
    case 'handlaggare': return strings.RollHandlaggare;
    case 'namndsekreterare': return strings.RollNamndsekreterare;
    case 'kommunservice': return strings.RollKommunservice;
    case 'admin': return strings.RollAdmin;
  }
}

function temanamn(tema: TemaId): string {
  switch (tema) {
    case 'sharepoint': return strings.TemaSharePoint;
    case 'teams': return strings.TemaTeams;
    case 'teams-dark': return strings.TemaTeamsMorkt;
    case 'teams-contrast': return strings.TemaTeamsKontrast;
  }
}

/** Applies what must hold before anything renders: strings' language, lang attribute, title, sign-in. */
function tillampa(t: IWorkbenchTillstand, konfig: IWorkbenchKonfig): void {
  satSprak(t.sprak);
  document.documentElement.lang = t.sprak;
  document.title = strings.SidTitel;
  loggaIn(konfig.inloggningar[t.roll]);
}

function spara(t: IWorkbenchTillstand): void {
  window.history.replaceState(null, '', `${window.location.pathname}${tillSokstrang(t)}`);
  try {
    window.sessionStorage.setItem(LAGRINGSNYCKEL, JSON.stringify(t));
  } catch {
    // Storage can be off (private mode); the URL still holds the choice.
  }
}

/** Sample Uppdrag rows for the status column, dated from today so each shows its marker. */
function exempelrader(idag: string): Array<IListrad & { rubrik: string }> {
  const dag = (forskjutning: number): string => format(addDays(parseISO(idag), forskjutning), 'yyyy-MM-dd');
  return [
    { rubrik: strings.ExempelPagar, radText: 'Pågår', lage: { status: 'Pagar', planeratKlart: dag(60), senastAndrad: dag(-3) } },
    { rubrik: strings.ExempelForsenat, radText: 'Ej påbörjat', lage: { status: 'EjPaborjat', planeratKlart: dag(-12), senastAndrad: dag(-5) } },
    { rubrik: strings.ExempelInaktuellt, radText: 'Delvis verkställt', lage: { status: 'DelvisVerkstallt', planeratKlart: dag(90), senastAndrad: dag(-45) } },
    { rubrik: strings.ExempelVerkstallt, radText: 'Verkställt', lage: { status: 'Verkstallt', planeratKlart: dag(-30), senastAndrad: dag(-31) } },
    // A value outside the list's choices: shown as text, never as markup.
    { rubrik: strings.ExempelOkand, radText: 'Vilande', lage: undefined }
  ];
}

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type
function klasser(tema: ITheme, id: TemaId) {
  const svit = svitfarger(id);
  const s = tema.semanticColors;
  return mergeStyleSets({
    hoppa: {
      position: 'absolute', left: 8, top: -48, zIndex: 10, padding: '8px 12px',
      background: s.bodyBackground, color: s.link, border: `2px solid ${s.link}`,
      selectors: { ':focus': { top: 8 } }
    },
    svit: {
      display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap',
      minHeight: 48, padding: '0 20px', background: svit.bakgrund, color: svit.text, borderBottom: `1px solid ${svit.kant}`
    },
    produkt: { fontSize: 16, fontWeight: 600, color: svit.text },
    undertitel: { fontSize: 14, color: svit.text, marginLeft: 12, paddingLeft: 12, borderLeft: `1px solid ${svit.text}` },
    anvandare: { fontSize: 14, color: svit.text },
    installningar: {
      padding: '8px 20px 12px', background: s.bodyStandoutBackground,
      borderBottom: `1px solid ${s.bodyDivider}`
    },
    falt: { width: 240 },
    topp: { maxWidth: 1204, margin: '0 auto' },
    main: { maxWidth: 1204, margin: '0 auto', padding: '24px 20px 48px', outline: 'none' },
    rubrik: { margin: '0 0 4px', fontSize: 28, fontWeight: 600 },
    ingress: { margin: '0 0 24px', maxWidth: 760 },
    del: {
      padding: 20, marginBottom: 24, borderRadius: 4,
      border: `1px solid ${s.bodyDivider}`, background: s.bodyBackground
    },
    tillagg: { marginTop: 8, paddingTop: 8, borderTop: `1px solid ${s.bodyDivider}` },
    tabell: {
      borderCollapse: 'collapse', width: '100%', marginTop: 8,
      selectors: {
        'th, td': { textAlign: 'left', padding: '10px 12px', borderBottom: `1px solid ${s.bodyDivider}`, verticalAlign: 'middle' },
        th: { fontWeight: 600 },
        caption: { textAlign: 'left', padding: '0 0 8px', color: s.bodySubtext }
      }
    }
  });
}

interface IAppProps {
  konfig: IWorkbenchKonfig;
  start: IWorkbenchTillstand;
}

function App({ konfig, start }: IAppProps): JSX.Element {
  const [t, satT] = React.useState<IWorkbenchTillstand>(start);
  const [sekretess, satSekretess] = React.useState(false);

  const andra = (andring: Partial<IWorkbenchTillstand>): void => {
    const nytt = { ...t, ...andring };
    // Language and sign-in must be in place before the parts render or fetch again.
    tillampa(nytt, konfig);
    spara(nytt);
    satT(nytt);
  };

  // Tabs share the one session cookie, as in a real browser; the tab in front signs in as its role.
  React.useEffect(() => {
    const tillbaka = (): void => loggaIn(konfig.inloggningar[t.roll]);
    window.addEventListener('focus', tillbaka);
    return () => window.removeEventListener('focus', tillbaka);
  }, [konfig, t.roll]);

  // Per role, as a page load: the parts wait for the portal's web as the web parts' onInit does (tillampa signed in first).
  const [senaste, satVard] = React.useState<IVard | undefined>(undefined);
  React.useEffect(() => {
    let aktiv = true;
    void skapaVard(konfig, t.roll).then((v) => { if (aktiv) satVard(v); });
    return () => { aktiv = false; };
  }, [konfig, t.roll]);
  // The previous role's host never renders the new role's parts.
  const vard = senaste?.roll === t.roll ? senaste : undefined;
  // Built once per role and language, so services made in komposition.tsx outlive theme changes.
  const rotter = React.useMemo(
    () => (vard ? Object.fromEntries(DELAR.map((id) => [id, WEBBDELAR[id].rot(vard)])) : undefined),
    [vard, t.sprak]
  );
  const tema = fluentTema(t.tema);
  const k = React.useMemo(() => klasser(tema, t.tema), [tema, t.tema]);
  const inloggning = konfig.inloggningar[t.roll];
  const valda = t.del === 'alla' ? DELAR : DELAR.filter((d) => d === t.del);
  const nyckel = `${t.roll}|${t.sprak}`;

  const rollval: IDropdownOption[] = ROLLER.map((roll) => ({
    key: roll,
    text: fyll(strings.RollMedNamn, rollnamn(roll), konfig.inloggningar[roll]?.namn ?? strings.InteInloggad)
  }));
  const sprakval: IDropdownOption[] = [
    { key: 'sv-SE', text: strings.SprakSvenska },
    { key: 'en-US', text: strings.SprakEngelska }
  ];
  const temaval: IDropdownOption[] = (['sharepoint', 'teams', 'teams-dark', 'teams-contrast'] as const)
    .map((id) => ({ key: id, text: temanamn(id) }));
  const delval: IDropdownOption[] = [
    { key: 'alla', text: strings.AllaWebbdelar },
    ...DELAR.map((id) => ({ key: id, text: WEBBDELAR[id].namn() }))
  ];

  return (
    <ThemeProvider theme={tema} applyTo="body">
      <a className={k.hoppa} href="#innehall">{strings.HoppaTillInnehall}</a>
      <header>
        <div className={k.svit}>
          <div>
            <span className={k.produkt}>{strings.Produkt}</span>
            <span className={k.undertitel}>{strings.Undertitel}</span>
          </div>
          <span className={k.anvandare} data-testid="inloggad">
            {inloggning ? fyll(strings.InloggadSom, inloggning.jobbtitel ? `${inloggning.namn}, ${inloggning.jobbtitel}` : inloggning.namn) : strings.InteInloggad}
          </span>
        </div>
        <div className={k.installningar} role="group" aria-label={strings.InstallningarEtikett}>
          <Stack horizontal wrap tokens={{ childrenGap: 16 }}>
            <Dropdown
              id="val-roll" className={k.falt} label={strings.FaltRoll} options={rollval} selectedKey={t.roll}
              onChange={(_e, val) => val && andra({ roll: val.key as Roll })}
            />
            <Dropdown
              id="val-sprak" className={k.falt} label={strings.FaltSprak} options={sprakval} selectedKey={t.sprak}
              onChange={(_e, val) => val && andra({ sprak: val.key as Sprak })}
            />
            <Dropdown
              id="val-tema" className={k.falt} label={strings.FaltTema} options={temaval} selectedKey={t.tema}
              onChange={(_e, val) => val && andra({ tema: val.key as TemaId })}
            />
            <Dropdown
              id="val-del" className={k.falt} label={strings.FaltWebbdel} options={delval} selectedKey={t.del}
              onChange={(_e, val) => val && andra({ del: val.key as DelVal })}
            />
          </Stack>
        </div>
      </header>
      {/* SharePoint's Top placeholder, where the application customizer renders. */}
      <div className={k.topp} data-platshallare="Top">
        <PartRoot theme={tema}>{TILLAGG.tjanstestatus(sekretess)}</PartRoot>
      </div>
      <main id="innehall" tabIndex={-1} className={k.main}>
        <Text as="h1" block className={k.rubrik}>{strings.SidRubrik}</Text>
        <Text as="p" block className={k.ingress}>{strings.SidIngress}</Text>
        <div aria-label={strings.WebbdelarEtikett} role="region">
          {rotter && valda.map((id) => (
            <div key={`${id}|${nyckel}`} className={k.del} data-del={id} data-portal={vard?.portalkalla}>
              <PartRoot theme={tema}>{rotter[id]}</PartRoot>
            </div>
          ))}
        </div>
        <section className={k.tillagg} aria-labelledby="tillagg-rubrik" data-tillagg="">
          <Text as="h2" id="tillagg-rubrik" variant="xLarge" block>{strings.TillaggRubrik}</Text>
          <Text as="p" block>{strings.TillaggIngress}</Text>
          <Text as="h3" variant="large" block>{strings.StatusKolumnRubrik}</Text>
          <table className={k.tabell} data-tillagg-del="statuskolumn">
            <caption>{strings.StatusTabellEtikett}</caption>
            <thead>
              <tr><th scope="col">{strings.KolumnUppdrag}</th><th scope="col">{strings.KolumnStatus}</th></tr>
            </thead>
            <tbody>
              {vard && exempelrader(vard.idag).map((rad) => (
                <tr key={`${rad.rubrik}|${nyckel}`}>
                  <th scope="row" style={{ fontWeight: 400 }}>{rad.rubrik}</th>
                  <td><PartRoot theme={tema}>{TILLAGG.statusCell(rad, vard)}</PartRoot></td>
                </tr>
              ))}
            </tbody>
          </table>
          <Text as="h3" variant="large" block styles={{ root: { marginTop: 24 } }}>{strings.TjanstestatusRubrik}</Text>
          <Text as="p" block>{strings.TjanstestatusText}</Text>
          <Checkbox
            label={strings.VisaSomSekretess} checked={sekretess}
            onChange={(_e, varde) => satSekretess(varde === true)}
          />
        </section>
      </main>
    </ThemeProvider>
  );
}

function lasKonfig(): IWorkbenchKonfig {
  const element = document.getElementById('workbench-konfig');
  if (!element?.textContent) {
    throw new Error('Sidan saknar #workbench-konfig; öppna arbetsbänken via npm start.');
  }
  return JSON.parse(element.textContent) as IWorkbenchKonfig;
}

function sparad(): string | null {
  try {
    return window.sessionStorage.getItem(LAGRINGSNYCKEL);
  } catch {
    return null;
  }
}

const konfig = lasKonfig();
const start = lasTillstand(window.location.search, sparad());
tillampa(start, konfig);
spara(start);
ReactDom.render(<App konfig={konfig} start={start} />, document.getElementById('workbench'));
