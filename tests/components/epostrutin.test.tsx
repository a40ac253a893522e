/**
 * The e-mail routine as a politician uses it (issue 7, items 1–4): the folders and their unhandled
 * mails, the weekday nudge, Diarieför / Gallra / Behåll for one mail or a selection, a run with its
 * progress, failures and retry, a run cut short, the 30-day log and its export, the reminder, and
 * the English texts. The service is a fake that fails on any call a test did not expect.
 */
import * as React from 'react';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { InjectionMode, Stylesheet } from '@fluentui/react';
import axe from 'axe-core';
import { join } from 'path';
import { IAvbrutenKorning, IEpostrutinTjanst, IFramsteg, IHanteringsresultat, IMeddelandeRad } from '../../src/data/epost/typer';
import { IAtgardsval, ILoggrad } from '../../src/domain/epostrutin';
import { PartRoot } from '../../src/ui/PartRoot';
import { EpostrutinApp } from '../../src/webparts/epostrutin/components/EpostrutinApp';
import { lasStrangar, ROT } from '../support/locFiler';
import { allaKlara, INKORG, mejl, minnesLager, rutinFake, sidaAv, SKICKAT, TOMMA, uppskjuten } from './epostrutinFakes';

configure({ asyncUtilTimeout: 8000 });

// The exporter loads on demand; here it is a fake, so the test sees what the part hands it.
const exportFake = {
  CSV_TYP: 'text/csv;charset=utf-8',
  XLSX_TYP: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  byggCsv: jest.fn((_rader: ILoggrad[], _texter: unknown) => 'Datum;Från\n'),
  byggXlsx: jest.fn(async (_rader: ILoggrad[], _texter: unknown) => new Uint8Array([80, 75, 3, 4])),
  filnamn: jest.fn((idag: string, typ: string) => `epostlogg-${idag}.${typ}`)
};
jest.mock('../../src/data/epost/loggExport', () => exportFake);

beforeAll(() => {
  // Fluent's CSS goes to memory, not to jsdom: every role query reads the computed style of each
  // element, and with a growing stylesheet a long file of Fluent dialogs slows to a crawl.
  Stylesheet.getInstance().setConfig({ injectionMode: InjectionMode.none });
});

afterEach(() => Stylesheet.getInstance().reset());

const FREDAG = '2026-11-27';
const LORDAG = '2026-11-28';
const REGISTRATOR = 'registrator@kramfors.se';

function visa(tjanst: IEpostrutinTjanst, { registratorAdress = REGISTRATOR, idag = FREDAG, lager = minnesLager() } = {}): ReturnType<typeof render> {
  return render(<PartRoot><EpostrutinApp tjanst={tjanst} registratorAdress={registratorAdress} idag={idag} avfardad={lager} /></PartRoot>);
}

const lista = (): Promise<HTMLElement> => screen.findByRole('grid', { name: 'Mejl i Inkorgen' });

async function valjRadmeny(amne: string, val: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: `Hantera mejlet ”${amne}”` }));
  fireEvent.click(await screen.findByRole('menuitem', { name: val }));
  return screen.findByRole('dialog');
}

async function markera(...amnen: string[]): Promise<void> {
  await lista();
  for (const amne of amnen) fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(`^Markera mejlet ${amne}`) }));
}

describe('översikten', () => {
  it('visar mapparna som flikar med antalet ohanterade mejl och varje mapps antal', async () => {
    visa(rutinFake());
    expect(await screen.findByRole('tab', { name: 'Inkorgen (12)' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Skickat (6)' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Borttaget (2)' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Logg (30 dagar)' })).toBeInTheDocument();
    expect(screen.getByText('14 mejl i Inkorgen, varav 12 ohanterade och 2 behållna.')).toBeInTheDocument();
    expect(screen.getByText(`Allmänna handlingar skickas till registrator: ${REGISTRATOR}`)).toBeInTheDocument();
  });

  it('listar datum i svensk tid, avsändare, ämne, förhandsvisning och markerar behållna och olästa', async () => {
    visa(rutinFake());
    const rader = within(await lista()).getAllByRole('row').slice(1);
    expect(rader).toHaveLength(3);
    // 20:40 UTC in November is 21:40 in Sweden.
    expect(within(rader[0]).getByText('2026-11-26 21:40')).toBeInTheDocument();
    expect(within(rader[0]).getByText('Karl Lindqvist')).toBeInTheDocument();
    expect(within(rader[0]).getByText('(oläst)', { exact: false })).toBeInTheDocument();
    expect(within(rader[0]).getByText('Hej! Jag föreslår att kommunen bygger en hundrastgård.')).toBeInTheDocument();
    expect(within(rader[2]).getByText('Okänd avsändare')).toBeInTheDocument();
    expect(within(rader[2]).getByText('Behållen')).toBeInTheDocument();
    expect(within(rader[1]).queryByText('Behållen')).toBeNull();
  });

  it('visar mottagaren i Skickat', async () => {
    visa(rutinFake());
    fireEvent.click(await screen.findByRole('tab', { name: 'Skickat (6)' }));
    const grid = await screen.findByRole('grid', { name: 'Mejl i Skickat' });
    expect(within(grid).getByRole('columnheader', { name: 'Till' })).toBeInTheDocument();
    expect(within(grid).getByText('Karin Lund')).toBeInTheDocument();
    expect(SKICKAT[0].fran?.namn).toBe('Åsa Ledamot');
    expect(within(grid).queryByText('Åsa Ledamot')).toBeNull();
  });

  it('visar ämne och förhandsvisning som text, aldrig som HTML', async () => {
    const farlig = mejl('x', { amne: '<img src=x onerror="alert(1)">', forhandsvisning: '<b>fet</b><script>alert(2)</script>' });
    visa(rutinFake({ hamtaMeddelanden: jest.fn(sidaAv({ inkorg: [farlig], skickat: [], borttaget: [] })) }));
    const grid = await lista();
    expect(within(grid).getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument();
    expect(within(grid).getByText('<b>fet</b><script>alert(2)</script>')).toBeInTheDocument();
    expect(grid.querySelector('img, b, script')).toBeNull();
  });

  it('bläddrar till nästa sida', async () => {
    const manga = Array.from({ length: 60 }, (_v, i) => mejl(`m${i + 1}`));
    const hamtaMeddelanden = jest.fn(sidaAv({ inkorg: manga, skickat: [], borttaget: [] }));
    visa(rutinFake({ hamtaMeddelanden }));
    const sidor = await screen.findByRole('navigation', { name: 'Sidor i Inkorgen' });
    expect(within(sidor).getByText('Sida 1 av 3')).toBeInTheDocument();
    expect(screen.getByText('Ärende m25')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Föregående' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Nästa' }));
    expect(await screen.findByText('Sida 2 av 3')).toBeInTheDocument();
    expect(await screen.findByText('Ärende m26')).toBeInTheDocument();
    expect(screen.queryByText('Ärende m25')).toBeNull();
    expect(hamtaMeddelanden).toHaveBeenLastCalledWith('inkorg', 1, 25);
  });

  it('säger att mappen är tom', async () => {
    visa(rutinFake({ hamtaMappar: jest.fn(async () => TOMMA), hamtaMeddelanden: jest.fn(sidaAv({ inkorg: [], skickat: [], borttaget: [] })) }));
    expect(await screen.findByText('Inga mejl i Inkorgen')).toBeInTheDocument();
  });
});

describe('vardagsknuffen', () => {
  it('visar antalet ohanterade mejl en vardag och kan avfärdas för i dag', async () => {
    const lager = minnesLager();
    const { unmount } = visa(rutinFake(), { lager });
    expect(await screen.findByText(/^Du har 20 ohanterade mejl\./)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Påminn inte mer i dag' }));
    expect(screen.queryByText(/^Du har 20 ohanterade mejl/)).toBeNull();
    expect(lager.dag).toBe(FREDAG);
    unmount();
    visa(rutinFake(), { lager });
    await lista();
    expect(screen.queryByText(/^Du har 20 ohanterade mejl/)).toBeNull();
  });

  it('visas inte en lördag, och inte när allt är hanterat', async () => {
    const { unmount } = visa(rutinFake(), { idag: LORDAG });
    await lista();
    expect(screen.queryByText(/ohanterade mejl\./)).toBeNull();
    unmount();
    visa(rutinFake({ hamtaMappar: jest.fn(async () => TOMMA) }));
    await screen.findByText('0 mejl i Inkorgen, varav 0 ohanterade och 0 behållna.');
    expect(screen.queryByText(/^Du har/)).toBeNull();
  });
});

describe('ett mejl i taget', () => {
  it('diarieför ett mejl med en kommentar, visar registratorns adress och vägledningen, och läser om listan', async () => {
    const hantera = jest.fn(allaKlara);
    const tjanst = rutinFake({ hantera });
    visa(tjanst);
    const dialog = await valjRadmeny('Remiss: trafikstrategi 2030', 'Diarieför');
    expect(within(dialog).getByRole('heading', { name: 'Diarieför mejlet' })).toBeInTheDocument();
    expect(within(dialog).getByText(/vidarebefordras till registrator \(registrator@kramfors\.se\)/)).toBeInTheDocument();
    expect(within(dialog).getByRole('heading', { name: 'Är mejlet en allmän handling?' })).toBeInTheDocument();
    expect(within(dialog).getByText(/Rör mejlet kommunens verksamhet är det som regel en allmän handling/)).toBeInTheDocument();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Kommentar till registrator (valfri)' }), { target: { value: ' Gäller KS 2026/12 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Diarieför' }));
    const resultat = await screen.findByRole('region', { name: 'Resultat av hanteringen' });
    expect(within(resultat).getByText('1 av 1 mejl är diarieförda.')).toBeInTheDocument();
    expect(hantera).toHaveBeenCalledTimes(1);
    expect(hantera.mock.calls[0][0]).toEqual([INKORG[1]]);
    expect(hantera.mock.calls[0][1]).toEqual({ atgard: 'Diarieför', kommentar: 'Gäller KS 2026/12' });
    // Focus lands on the result; the counts, the run journal and the list are read again.
    await waitFor(() => expect(resultat).toHaveFocus());
    await waitFor(() => expect(tjanst.hamtaMappar).toHaveBeenCalledTimes(2));
    expect(tjanst.hamtaAvbrutna).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(tjanst.hamtaMeddelanden).toHaveBeenCalledTimes(2));
  });

  it('gallrar först efter en bekräftelse som säger hur många, och Avbryt lämnar fokus på knappen', async () => {
    const hantera = jest.fn(allaKlara);
    visa(rutinFake({ hantera }));
    await markera('Medborgarförslag', 'Remiss');
    expect(screen.getByText('2 markerade')).toBeInTheDocument();
    const knapp = screen.getByRole('button', { name: 'Gallra markerade' });
    fireEvent.click(knapp);
    let dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByRole('heading', { name: 'Gallra 2 mejl?' })).toBeInTheDocument();
    expect(within(dialog).getByText('2 mejl raderas helt, också ur Borttaget. Det går inte att ångra.')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(knapp).toHaveFocus());
    expect(hantera).not.toHaveBeenCalled();

    fireEvent.click(knapp);
    dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gallra 2 mejl' }));
    expect(await screen.findByText('2 av 2 mejl är gallrade.')).toBeInTheDocument();
    expect(hantera.mock.calls[0][0]).toEqual([INKORG[0], INKORG[1]]);
    expect(hantera.mock.calls[0][1]).toEqual({ atgard: 'Gallra' });
  });

  it('behåller bara med ett skäl, och med egna ord för Annat', async () => {
    const hantera = jest.fn(allaKlara);
    visa(rutinFake({ hantera }));
    const dialog = await valjRadmeny('Medborgarförslag om hundrastgård i Bergsjö', 'Behåll');
    expect(within(dialog).getByRole('heading', { name: 'Är mejlet en allmän handling?' })).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Behåll' }));
    expect(await within(dialog).findByText('Välj ett skäl.')).toBeInTheDocument();
    expect(within(dialog).getAllByRole('radio').map((r) => r.closest('.ms-ChoiceField')?.textContent)).toEqual(['Fortfarande aktuellt', 'Privat', 'Annat']);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Annat' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Behåll' }));
    expect(await within(dialog).findByText('Beskriv skälet.')).toBeInTheDocument();
    expect(hantera).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Beskriv skälet/ }), { target: { value: 'Svar ska skickas till ordföranden' } });
    expect(within(dialog).queryByText('Beskriv skälet.')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Behåll' }));
    expect(await screen.findByText('1 av 1 mejl är behållna.')).toBeInTheDocument();
    expect(hantera.mock.calls[0][1]).toEqual({ atgard: 'Behåll', skal: 'Annat', skalText: 'Svar ska skickas till ordföranden' });
  });

  it('Avbryt i en dialog från ett mejls meny lämnar fokus på mejlets knapp', async () => {
    visa(rutinFake());
    const dialog = await valjRadmeny('Remiss: trafikstrategi 2030', 'Behåll');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Hantera mejlet ”Remiss: trafikstrategi 2030”' })).toHaveFocus());
  });

  it('utan registratorsadress går det inte att diarieföra, och skälet står vid knappen', async () => {
    visa(rutinFake(), { registratorAdress: '' });
    await markera('Remiss');
    const knapp = screen.getByRole('button', { name: 'Diarieför markerade' });
    expect(knapp).toHaveAttribute('aria-disabled', 'true');
    expect(knapp).toHaveAccessibleDescription(/^Ingen registratorsadress är inställd, så det går inte att diarieföra/);
    expect(screen.getByRole('button', { name: 'Gallra markerade' })).not.toHaveAttribute('aria-disabled');
    fireEvent.click(screen.getByRole('button', { name: 'Hantera mejlet ”Remiss: trafikstrategi 2030”' }));
    expect(await screen.findByRole('menuitem', { name: 'Diarieför' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('menuitem', { name: 'Gallra' })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('utan adress säger delen vem som anger den och var; en oläst klientinställning sägs som det den är', async () => {
    // As a personal app in Teams there is no property pane: the message must point at the tenant property.
    const { unmount } = visa(rutinFake(), { registratorAdress: '' });
    const varning = await screen.findByText(/^Ingen registratorsadress är inställd/);
    expect(varning).toHaveTextContent('SharePoint-administratören anger adressen för hela organisationen som klientorganisationsinställningen (tenant property) '
      + 'Arendeportalen.RegistratorAdress i appkatalogen, till exempel med PowerShell: Set-PnPStorageEntity -Key Arendeportalen.RegistratorAdress -Value <adress> -Scope Tenant.');
    expect(varning).toHaveTextContent('På en SharePoint-sida kan webbplatsens ägare i stället ange den i webbdelens inställningar.');
    unmount();

    render(<PartRoot><EpostrutinApp tjanst={rutinFake()} registratorAdress="" registratorKalla="olast" registratorFel="natverk" idag={FREDAG} avfardad={minnesLager()} /></PartRoot>);
    await markera('Remiss');
    const olast = /^Registratorns adress kunde inte hämtas ur klientorganisationens inställningar, så det går inte att diarieföra just nu\. De andra åtgärderna fungerar som vanligt\. Det gick inte att nå Microsoft 365\./;
    const knapp = screen.getByRole('button', { name: 'Diarieför markerade' });
    expect(knapp).toHaveAttribute('aria-disabled', 'true');
    expect(knapp).toHaveAccessibleDescription(olast);
    expect(screen.queryByText(/^Ingen registratorsadress är inställd/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Gallra markerade' })).not.toHaveAttribute('aria-disabled');
  });
});

describe('många mejl i en körning', () => {
  it('visar framsteg "x av y", rapporterar varje misslyckat mejl med skälet och försöker igen bara med dem', async () => {
    const forsta = uppskjuten<IHanteringsresultat[]>();
    let framsteg: ((f: IFramsteg) => void) | undefined;
    const hantera = jest.fn((meddelanden: readonly IMeddelandeRad[], val: IAtgardsval, vid?: (f: IFramsteg) => void) => {
      if (hantera.mock.calls.length > 1) return allaKlara(meddelanden, val);
      framsteg = vid;
      return forsta.promise;
    });
    visa(rutinFake({ hantera }));
    await lista();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Markera alla mejl på sidan' }));
    expect(screen.getByText('3 markerade')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Diarieför markerade' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Diarieför 3 mejl' })).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Diarieför 3 mejl' }));

    const stapel = await screen.findByRole('progressbar');
    expect(screen.getByText('Diarieför 3 mejl…')).toBeInTheDocument();
    act(() => framsteg?.({ klara: 1, totalt: 3 }));
    expect(screen.getByText('1 av 3')).toBeInTheDocument();
    expect(stapel).toHaveAttribute('aria-valuetext', '1 av 3');
    expect(screen.getByText('1 av 3').closest('[role="status"]')).not.toBeNull();
    // No new choice while the run goes on.
    expect(screen.getByRole('button', { name: 'Hantera mejlet ”Remiss: trafikstrategi 2030”' })).toBeDisabled();

    const [a, b, c] = INKORG;
    await act(async () => {
      framsteg?.({ klara: 3, totalt: 3 });
      forsta.losa([
        { meddelande: a, atgard: 'Diarieför', gjorda: ['Vidarebefordra', 'RaderaOriginal', 'RaderaKopia'], klar: true },
        { meddelande: b, atgard: 'Diarieför', gjorda: ['Vidarebefordra'], klar: false, fel: 'strypt' },
        { meddelande: c, atgard: 'Diarieför', gjorda: ['Vidarebefordra', 'RaderaOriginal', 'RaderaKopia'], klar: true }
      ]);
    });
    const resultat = await screen.findByRole('region', { name: 'Resultat av hanteringen' });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(within(resultat).getByText('2 av 3 mejl är diarieförda.')).toBeInTheDocument();
    expect(within(resultat).getByText('1 mejl kunde inte hanteras:')).toBeInTheDocument();
    const fel = within(resultat).getByRole('listitem');
    expect(fel).toHaveTextContent('Remiss: trafikstrategi 2030 – Karin Lund: Microsoft 365 tar emot för många förfrågningar just nu.');
    expect(fel).toHaveTextContent('Mejlet har gått fram till registrator men är inte raderat.');

    fireEvent.click(within(resultat).getByRole('button', { name: 'Försök igen med 1 mejl' }));
    expect(await screen.findByText('1 av 1 mejl är diarieförda.')).toBeInTheDocument();
    expect(hantera).toHaveBeenCalledTimes(2);
    expect(hantera.mock.calls[1][0]).toEqual([b]);
    expect(hantera.mock.calls[1][1]).toEqual({ atgard: 'Diarieför' });
  });

  it('säger när det inte går att avgöra om ett mejl kom fram, och när loggen ligger efter', async () => {
    const [a, b] = INKORG;
    const hantera = jest.fn(async (): Promise<IHanteringsresultat[]> => [
      { meddelande: a, atgard: 'Diarieför', gjorda: ['Vidarebefordra', 'RaderaOriginal', 'RaderaKopia'], klar: true, ejLoggad: true },
      { meddelande: b, atgard: 'Diarieför', gjorda: [], klar: false, fel: 'oviss', ejLoggad: true }
    ]);
    visa(rutinFake({ hantera }));
    await lista();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Markera alla mejl på sidan' }));
    fireEvent.click(screen.getByRole('button', { name: 'Diarieför markerade' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /^Diarieför \d mejl$/ }));
    const resultat = await screen.findByRole('region', { name: 'Resultat av hanteringen' });
    expect(resultat).toHaveTextContent('e-postloggen kunde inte sparas');
    expect(within(resultat).getByRole('listitem')).toHaveTextContent('Det gick inte att avgöra om mejlet kom fram till registrator');
  });

  it('säger varför när hela körningen misslyckas, och kör om samma val', async () => {
    const hantera = jest.fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockImplementationOnce(allaKlara);
    visa(rutinFake({ hantera }));
    await markera('Middag');
    fireEvent.click(screen.getByRole('button', { name: 'Gallra markerade' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Gallra' }));
    expect(await screen.findByText(/^Hanteringen kunde inte slutföras\. Det gick inte att nå Microsoft 365/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByText('1 av 1 mejl är gallrade.')).toBeInTheDocument();
    expect(hantera.mock.calls[1][0]).toEqual([INKORG[2]]);
  });
});

describe('en körning som avbröts', () => {
  const avbruten: IAvbrutenKorning = {
    id: 4, startad: '2026-11-26T07:00:00Z',
    poster: ['a', 'b'].map((id) => ({
      id, konversation: `konv-${id}`, mapp: 'inkorg' as const, datum: '2026-11-25T10:00:00Z', fran: 'karin.lund@kramfors.se', till: 'asa.ledamot@pol.kramfors.se',
      amne: `Ärende ${id}`, atgard: 'Diarieför' as const, gjorda: ['Vidarebefordra' as const], startad: '2026-11-26T07:00:00Z'
    }))
  };

  it('visar hur många mejl som inte blev klara och slutför dem med framsteg', async () => {
    const klar = uppskjuten<IHanteringsresultat[]>();
    let framsteg: ((f: IFramsteg) => void) | undefined;
    const hamtaAvbrutna = jest.fn().mockResolvedValueOnce([avbruten]).mockResolvedValue([]);
    const slutforAvbrutna = jest.fn((vid?: (f: IFramsteg) => void) => { framsteg = vid; return klar.promise; });
    visa(rutinFake({ hamtaAvbrutna, slutforAvbrutna }));
    expect(await screen.findByText(/^2 mejl är inte färdighanterade: en tidigare körning avbröts/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Slutför' }));
    expect(await screen.findByText('Slutför 2 avbrutna mejl…')).toBeInTheDocument();
    act(() => framsteg?.({ klara: 1, totalt: 2 }));
    expect(screen.getByText('1 av 2')).toBeInTheDocument();
    await act(async () => {
      klar.losa(['a', 'b'].map((id) => ({ meddelande: mejl(id), atgard: 'Diarieför', gjorda: ['Vidarebefordra', 'RaderaOriginal', 'RaderaKopia'], klar: true })));
    });
    expect(await screen.findByText('2 av 2 avbrutna mejl är klara.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/är inte färdighanterade/)).toBeNull());
    expect(slutforAvbrutna).toHaveBeenCalledTimes(1);
    expect(hamtaAvbrutna).toHaveBeenCalledTimes(2);
  });
});

describe('loggen för 30 dagar', () => {
  const RADER: ILoggrad[] = [
    { datum: '2026-11-26T08:15:00Z', fran: 'karin.lund@kramfors.se', till: 'asa.ledamot@pol.kramfors.se', amne: 'Remiss: trafikstrategi 2030', mapp: 'inkorg',
      atgard: 'Diarieför', klar: true, hanterad: '2026-11-26T09:00:00Z', notering: 'Gäller KS 2026/12' },
    { datum: '2026-11-20T12:00:00Z', fran: 'asa.ledamot@pol.kramfors.se', till: 'karin.lund@kramfors.se', amne: 'Svar: remiss', mapp: 'skickat',
      atgard: 'Gallra', klar: false },
    { datum: '2026-11-02T12:00:00Z', fran: 'nyhetsbrev@example.com', till: 'asa.ledamot@pol.kramfors.se', amne: 'Nyhetsbrev', mapp: 'borttaget',
      atgard: 'Ej hanterad', klar: false }
  ];
  let skapaUrl: jest.Mock;
  let klickar: jest.SpyInstance;
  const filer: Array<{ namn: string; href: string }> = [];

  beforeEach(() => {
    filer.length = 0;
    skapaUrl = jest.fn(() => 'blob:epostlogg');
    URL.createObjectURL = skapaUrl;
    URL.revokeObjectURL = jest.fn();
    // jsdom cannot download: the click is where the browser would.
    klickar = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      filer.push({ namn: this.download, href: this.href });
    });
  });
  afterEach(() => klickar.mockRestore());

  it('visar loggen med anmärkningen om den officiella loggen och exporterar CSV och Excel', async () => {
    const hamtaLogg = jest.fn(async () => RADER);
    visa(rutinFake({ hamtaLogg }));
    fireEvent.click(await screen.findByRole('tab', { name: 'Logg (30 dagar)' }));
    const grid = await screen.findByRole('grid', { name: 'E-postlogg för de senaste 30 dagarna' });
    expect(hamtaLogg).toHaveBeenCalledWith(FREDAG);
    expect(screen.getByText(/den officiella loggen är e-postsystemets egen meddelandespårning/)).toBeInTheDocument();
    expect(screen.getByText('3 mejl från 2026-10-29 till 2026-11-27')).toBeInTheDocument();
    const rader = within(grid).getAllByRole('row').slice(1);
    expect(within(rader[0]).getByText('Diariefört')).toBeInTheDocument();
    expect(within(rader[0]).getByText('Gäller KS 2026/12')).toBeInTheDocument();
    expect(within(rader[1]).getByText('Gallrat, inte klart')).toBeInTheDocument();
    expect(within(rader[1]).getByText('Skickat')).toBeInTheDocument();
    expect(within(rader[2]).getByText('Ej hanterat')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Exportera CSV' }));
    await waitFor(() => expect(filer).toHaveLength(1));
    expect(exportFake.byggCsv).toHaveBeenCalledWith(RADER, expect.any(Object));
    expect(filer[0]).toEqual({ namn: 'epostlogg-2026-11-27.csv', href: 'blob:epostlogg' });
    const csv = skapaUrl.mock.calls[0][0] as Blob;
    expect(csv.type).toBe('text/csv;charset=utf-8');

    fireEvent.click(screen.getByRole('button', { name: 'Exportera Excel' }));
    await waitFor(() => expect(filer).toHaveLength(2));
    expect(exportFake.byggXlsx).toHaveBeenCalledWith(RADER, expect.any(Object));
    expect(filer[1].namn).toBe('epostlogg-2026-11-27.xlsx');
    expect((skapaUrl.mock.calls[1][0] as Blob).type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('säger till när filen inte kan skapas', async () => {
    exportFake.byggXlsx.mockRejectedValueOnce(new Error('exceljs'));
    visa(rutinFake({ hamtaLogg: jest.fn(async () => RADER) }));
    fireEvent.click(await screen.findByRole('tab', { name: 'Logg (30 dagar)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Exportera Excel' }));
    expect(await screen.findByText('Filen kunde inte skapas. Försök igen.')).toBeInTheDocument();
    expect(filer).toHaveLength(0);
  });
});

describe('påminnelsen varje vardag', () => {
  it('visar den inställda tiden, vägrar ett ogiltigt klockslag och sparar eller tar bort påminnelsen', async () => {
    const stallInPaminnelse = jest.fn(async () => undefined);
    visa(rutinFake({ hamtaPaminnelse: jest.fn(async () => ({ tid: '07:45' })), stallInPaminnelse }));
    const omrade = await screen.findByRole('region', { name: 'Påminnelse varje vardag' });
    const vaxel = await within(omrade).findByRole('switch', { name: 'Påminn mig varje vardag' });
    expect(vaxel).toBeChecked();
    const tid = within(omrade).getByRole('textbox', { name: 'Klockslag' });
    expect(tid).toHaveValue('07:45');
    fireEvent.change(tid, { target: { value: '7.45' } });
    fireEvent.click(within(omrade).getByRole('button', { name: 'Spara påminnelsen' }));
    expect(await within(omrade).findByText('Ange klockslaget som tt:mm, till exempel 08:30.')).toBeInTheDocument();
    expect(stallInPaminnelse).not.toHaveBeenCalled();
    fireEvent.change(tid, { target: { value: '08:15' } });
    fireEvent.click(within(omrade).getByRole('button', { name: 'Spara påminnelsen' }));
    expect(await within(omrade).findByText('Påminnelsen är sparad: varje vardag kl. 08:15.')).toBeInTheDocument();
    expect(stallInPaminnelse).toHaveBeenLastCalledWith({ tid: '08:15' });
    fireEvent.click(vaxel);
    fireEvent.click(within(omrade).getByRole('button', { name: 'Spara påminnelsen' }));
    expect(await within(omrade).findByText('Påminnelsen är borttagen.')).toBeInTheDocument();
    expect(stallInPaminnelse).toHaveBeenLastCalledWith(undefined);
  });
});

describe('på engelska', () => {
  // The part reads its strings at render time; swapping the modules' texts is what SPFx's loader does per language.
  const moduler = [
    { modul: 'EpostrutinWebPartStrings', mapp: 'src/webparts/epostrutin/loc' },
    { modul: 'CommonStrings', mapp: 'src/ui/loc' }
  ];
  const sparade: Array<[Record<string, unknown>, Record<string, unknown>]> = [];
  beforeEach(() => {
    for (const { modul, mapp } of moduler) {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const strangar = require(modul) as Record<string, unknown>;
      sparade.push([strangar, { ...strangar }]);
      Object.assign(strangar, lasStrangar(join(ROT, mapp, 'en-us.js')));
    }
  });
  afterEach(() => {
    for (const [strangar, svenska] of sparade.splice(0)) Object.assign(strangar, svenska);
  });

  it('visar flikar, knuff, knappar, dialog och vägledning på engelska', async () => {
    visa(rutinFake());
    expect(await screen.findByRole('heading', { level: 2, name: 'E-mail routine' })).toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: 'Inbox (12)' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Log (30 days)' })).toBeInTheDocument();
    expect(screen.getByText(/^You have 20 unhandled e-mails\./)).toBeInTheDocument();
    expect(await screen.findByRole('grid', { name: 'E-mails in Inbox' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Register selected' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Handle the e-mail “Remiss: trafikstrategi 2030”' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Dispose of' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByRole('heading', { name: 'Dispose of the e-mail?' })).toBeInTheDocument();
    expect(within(dialog).getByRole('heading', { name: 'Is the e-mail an official document?' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    expect(screen.queryByText(/Diarieför|Gallra|Inkorgen/)).toBeNull();
  });
});

describe('tillgänglighet', () => {
  const axeFel = async (): Promise<string[]> => {
    // jsdom cannot compute colours; the browser tests check contrast in every theme.
    const r = await axe.run(document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, rules: { 'color-contrast': { enabled: false } }
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
  };

  it('listan, knuffen och dialogen har inga axe-fel', async () => {
    visa(rutinFake({ hamtaAvbrutna: jest.fn(async () => []) }));
    await lista();
    await screen.findByRole('switch');
    expect(await axeFel()).toEqual([]);
    await markera('Remiss');
    fireEvent.click(screen.getByRole('button', { name: 'Behåll markerade' }));
    await screen.findByRole('dialog');
    expect(await axeFel()).toEqual([]);
  });
});

// Fluent's and React's last scheduled work must run while the test document still exists.
afterAll(() => new Promise((klar) => setTimeout(klar, 300)));
