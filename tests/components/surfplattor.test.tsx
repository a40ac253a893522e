/**
 * The tablet register as kommunservice and the borrower use it (issue 6, items 1–5): what they see,
 * what the rules refuse and in which words, and which service calls follow. Services are fakes that
 * fail on any call a test did not expect.
 */
import * as React from 'react';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { InjectionMode, Stylesheet } from '@fluentui/react';
import axe from 'axe-core';
import { SurfplattorApp } from '../../src/webparts/surfplattor/components/SurfplattorApp';
import { PartRoot } from '../../src/ui/PartRoot';
import { DataFel } from '../../src/data/fel';
import { IIncident, IIncidentTjanst, IMandatTjanst, IMinSurfplattaTjanst, IRegisterTjanst, RegisterFel } from '../../src/data/surfplattor/typer';
import { stegFor } from '../../src/domain/incident';
import { kodText } from '../../src/webparts/surfplattor/components/texter';
import { ASA, incident, incidentFake, KOMMUNSERVICE, lan, mandatFake, minFake, platta, registerFake, RIKTLINJE } from './surfplattorFakes';

configure({ asyncUtilTimeout: 8000 });

// signature_pad draws on a real canvas; here a stroke is whatever the test says it is.
interface IFalskPad { lyssnare: Array<() => void>; tom: boolean }
const paddar: IFalskPad[] = [];
jest.mock('signature_pad', () => ({
  __esModule: true,
  default: class {
    private readonly tillstand: IFalskPad = { lyssnare: [], tom: true };
    public constructor() { paddar.push(this.tillstand); }
    public addEventListener(_typ: string, f: () => void): void { this.tillstand.lyssnare.push(f); }
    public removeEventListener(): void { /* inget */ }
    public isEmpty(): boolean { return this.tillstand.tom; }
    public toDataURL(): string { return 'data:image/png;base64,iVBORw0KGgo='; }
    public clear(): void { this.tillstand.tom = true; }
    public on(): void { /* inget */ }
    public off(): void { /* inget */ }
  }
}));

beforeAll(() => {
  // Fluent's CSS goes to memory, not to jsdom: every role query reads the computed style of each
  // element, and with a growing stylesheet a long file of Fluent panels slows to a crawl.
  Stylesheet.getInstance().setConfig({ injectionMode: InjectionMode.none });
  // jsdom has no canvas drawing; the pad is faked, the scaling call must not log "not implemented".
  HTMLCanvasElement.prototype.getContext = jest.fn(() => null) as unknown as HTMLCanvasElement['getContext'];
});

const IDAG = '2026-11-27';

function visa(t: { register?: IRegisterTjanst; min?: IMinSurfplattaTjanst; incidenter?: IIncidentTjanst; mandat?: IMandatTjanst; kommunservice?: boolean }): void {
  render(
    <PartRoot>
      <SurfplattorApp register={{ ...(t.register ?? registerFake()), kanHantera: async () => t.kommunservice ?? true }} minSurfplatta={t.min ?? minFake()}
        incidenter={t.incidenter ?? incidentFake()} mandat={t.mandat ?? mandatFake()} idag={IDAG} paminnelseDagar={60} />
    </PartRoot>
  );
}

const oppnaFlik = async (namn: string): Promise<void> => { fireEvent.click(await screen.findByRole('tab', { name: namn })); };

/** The texts of the polite live regions: what a screen reader is told happened. */
const statustexter = (): string[] => screen.getAllByRole('status').map((s) => s.textContent ?? '');

/** Focus moves after a write (in an animation frame, as Fluent's own): wait until it is there. */
const vantaFokus = (vad: () => HTMLElement): Promise<void> => waitFor(() => expect(document.activeElement).toBe(vad()));

describe('kommunservice: registret', () => {
  const enheter = [
    platta(1, 'Utlånad', { aktivtLan: lan(1) }), platta(2, 'I lager'), platta(3, 'Stulen', { intuneId: 'b1c2' }), platta(4, 'I lager'), platta(5, 'Kasserad')
  ];

  it('söker och filtrerar på status och modell', async () => {
    visa({ register: registerFake({ hamtaRegister: async () => enheter }) });
    expect(await screen.findByText('5 av 5 surfplattor')).toBeInTheDocument();
    expect(screen.getByText('Åsa Ledamot')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('combobox', { name: /^Status/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'I lager' }));
    expect(screen.getByText('2 av 5 surfplattor')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('combobox', { name: /^Modell/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'iPad 10' }));
    expect(screen.getByText('2 av 5 surfplattor')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'DMPX0004' } });
    expect(screen.getByText('1 av 5 surfplattor')).toBeInTheDocument();
    expect(screen.getByText('KS-1004')).toBeInTheDocument();
    expect(screen.queryByText('KS-1002')).toBeNull();
  });

  it('erbjuder bara tillåtna statussteg och aldrig utlämning utan lån', async () => {
    visa({ register: registerFake({ hamtaRegister: async () => enheter }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Ändra status för surfplatta KS-1001' }));
    const meny = await screen.findByRole('menu');
    const val = within(meny).getAllByRole('menuitem').map((m) => m.textContent);
    expect(val).toContain('Skicka på service');
    // On loan: cannot be scrapped, and taking it back is a loan with a receipt, not a status.
    expect(val).not.toContain('Kassera');
    expect(val).not.toContain('Ta emot');
    expect(val).not.toContain('Lämna ut');
    // A scrapped device has no step at all.
    expect(screen.getByText('Inga statusändringar möjliga')).toBeInTheDocument();
  });

  it('erbjuder inte stöld eller förlust för en utlämnad surfplatta utan säger att låntagaren anmäler under Händelser', async () => {
    visa({ register: registerFake({ hamtaRegister: async () => enheter }) });
    const utlanad = await screen.findByRole('button', { name: 'Ändra status för surfplatta KS-1001' });
    expect(utlanad).toHaveAccessibleDescription('Stöld eller förlust anmäls av låntagaren och hanteras under Händelser.');
    fireEvent.click(utlanad);
    const val = within(await screen.findByRole('menu')).getAllByRole('menuitem').map((m) => m.textContent);
    expect(val).not.toContain('Anmäld stulen');
    expect(val).not.toContain('Anmäld förlorad');
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape', code: 'Escape', which: 27, keyCode: 27 });
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());

    // A device in stock has no loan to report on: the register marks it stolen or lost itself.
    const iLager = screen.getByRole('button', { name: 'Ändra status för surfplatta KS-1002' });
    expect(iLager).not.toHaveAttribute('aria-describedby');
    fireEvent.click(iLager);
    const lagerval = within(await screen.findByRole('menu')).getAllByRole('menuitem').map((m) => m.textContent);
    expect(lagerval).toEqual(expect.arrayContaining(['Anmäld stulen', 'Anmäld förlorad']));
  });

  it('har ord för tjänsternas nya nekanden', () => {
    expect(kodText('AnmalanStammerInte')).toBe('Den som anmälde händelsen är inte låntagaren för lånet.');
    expect(kodText('KvittensOgiltig')).toMatch(/^Kvittensen går inte att kontrollera/);
    expect(kodText('EndastViaHandelse')).toMatch(/anmäls av låntagaren och hanteras med checklistan under Händelser/);
    expect(kodText('RedanKvitterad')).toBeDefined();
  });

  it('visar skälet på svenska när tjänsten nekar ett steg', async () => {
    const andraStatus = jest.fn(() => Promise.reject(new RegisterFel('AktivtLanFinns')));
    visa({ register: registerFake({ hamtaRegister: async () => enheter, andraStatus }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Ändra status för surfplatta KS-1002' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Kassera' }));
    expect(await screen.findByText(/Status för surfplatta KS-1002 ändrades inte: Surfplattan har ett lån som inte är återlämnat/)).toBeInTheDocument();
    expect(andraStatus).toHaveBeenCalledWith(enheter[1], 'Kassera');
  });

  it('lägger till en surfplatta och vägrar en stöldmärkning som redan finns', async () => {
    const laggTillEnhet = jest.fn(async () => platta(6, 'I lager'));
    visa({ register: registerFake({ hamtaRegister: async () => enheter, laggTillEnhet }) });
    await screen.findByText('5 av 5 surfplattor');
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till surfplatta' }));
    const panel = await screen.findByRole('dialog');
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Stöldmärkning' }), { target: { value: 'ks-1002' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Lägg till surfplatta' }));
    expect(await within(panel).findByText('Stöldmärkningen ks-1002 finns redan i registret.')).toBeInTheDocument();
    expect(within(panel).getByText('Ange serienumret.')).toBeInTheDocument();
    expect(laggTillEnhet).not.toHaveBeenCalled();
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Stöldmärkning' }), { target: { value: 'KS-1006' } });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Serienummer' }), { target: { value: 'DMPX0006' } });
    fireEvent.change(within(panel).getByRole('textbox', { name: /^Modell/ }), { target: { value: 'iPad 10' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Lägg till surfplatta' }));
    expect(await screen.findByText('Surfplatta KS-1006 är tillagd i registret.')).toBeInTheDocument();
    expect(laggTillEnhet).toHaveBeenCalledWith({ stoldmarkning: 'KS-1006', serienummer: 'DMPX0006', modell: 'iPad 10', simAbonnemang: '', intuneId: '' });
  });
});

describe('kommunservice: lån', () => {
  it('ett nytt lån kräver surfplatta i lager, låntagare och ett uppdragsslut som inte passerat', async () => {
    const skapaLan = jest.fn(async () => lan(2, { status: 'Väntar på kvittens' }));
    const register = registerFake({
      hamtaLan: async () => [], hamtaRegister: async () => [platta(1, 'Utlånad', { aktivtLan: lan(1) }), platta(2, 'I lager')],
      sokPersoner: jest.fn(async () => [ASA]), skapaLan
    });
    visa({ register });
    await oppnaFlik('Lån');
    fireEvent.click(await screen.findByRole('button', { name: 'Nytt lån' }));
    const panel = await screen.findByRole('dialog');
    fireEvent.click(await within(panel).findByRole('button', { name: 'Skapa lån' }));
    expect(await within(panel).findByText('Välj en surfplatta som finns i lager.')).toBeInTheDocument();
    expect(within(panel).getByText('Välj låntagare.')).toBeInTheDocument();
    // The picker's error is read with the picker, as the other fields' errors are.
    expect(within(panel).getByRole('combobox', { name: 'Låntagare' })).toHaveAccessibleDescription('Välj låntagare.');
    expect(within(panel).getByText('Ange ett giltigt datum.')).toBeInTheDocument();
    fireEvent.change(within(panel).getByLabelText(/Uppdraget slutar/), { target: { value: '2026-11-01' } });
    expect(await within(panel).findByText('Uppdraget kan inte sluta före i dag.')).toBeInTheDocument();

    // Only the device in stock is offered.
    fireEvent.click(within(panel).getByRole('combobox', { name: /^Surfplatta i lager/ }));
    expect(screen.queryByRole('option', { name: /KS-1001/ })).toBeNull();
    fireEvent.click(await screen.findByRole('option', { name: /KS-1002/ }));
    const picker = within(panel).getByRole('combobox', { name: 'Låntagare' });
    act(() => picker.focus());
    fireEvent.input(picker, { target: { value: 'Åsa' } });
    await waitFor(() => expect(register.sokPersoner).toHaveBeenCalledWith('Åsa'));
    fireEvent.click(await screen.findByText('Åsa Ledamot'));
    fireEvent.change(within(panel).getByLabelText(/Uppdraget slutar/), { target: { value: '2027-01-01' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Skapa lån' }));
    expect(await screen.findByText(/Lånet av surfplatta KS-1002 till Åsa Ledamot väntar nu på låntagarens kvittens/)).toBeInTheDocument();
    expect(skapaLan).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }), ASA, '2027-01-01');
    // The list was empty when the loan was made: after the reload nothing holds the new row yet, so focus goes back to "Nytt lån".
    await vantaFokus(() => screen.getByRole('button', { name: 'Nytt lån' }));
  });

  it('Lämna ut går inte förrän låntagaren har kvitterat, och visar varför', async () => {
    const lamnaUt = jest.fn(async () => lan(2, { status: 'Utlånad', utlamnad: IDAG }));
    const vantar = lan(1, { status: 'Väntar på kvittens' });
    const kvitterat = lan(2, { status: 'Väntar på kvittens', kvitteradAv: 'Åsa Ledamot', kvitteradTid: '2026-11-26T09:00:00Z', kvittensUrl: '/k/2.pdf' });
    visa({ register: registerFake({ hamtaLan: async () => [vantar, kvitterat], lamnaUt }) });
    await oppnaFlik('Lån');
    const spard = await screen.findByRole('button', { name: 'Lämna ut surfplatta KS-1001' });
    // Disabled but focusable, so a keyboard user reaches it and hears why.
    expect(spard).toHaveAttribute('aria-disabled', 'true');
    expect(spard).toHaveAccessibleDescription('Väntar på låntagarens kvittens av riktlinjen.');
    const klar = screen.getByRole('button', { name: 'Lämna ut surfplatta KS-1002' });
    expect(klar).toBeEnabled();
    expect(screen.getByRole('link', { name: 'Kvittens vid utlämning (PDF)' })).toHaveAttribute('href', '/k/2.pdf');
    fireEvent.click(klar);
    expect(await screen.findByText('Surfplatta KS-1002 är utlämnad till Åsa Ledamot.')).toBeInTheDocument();
    expect(lamnaUt).toHaveBeenCalledWith(kvitterat);
  });

  it('efter Lämna ut hamnar fokus på radens rubrik och en artig statusrad säger vad som hände', async () => {
    const kvitterat = lan(2, { status: 'Väntar på kvittens', kvitteradAv: 'Åsa Ledamot', kvitteradTid: '2026-11-26T09:00:00Z', kvittensUrl: '/k/2.pdf' });
    const utlamnat = { ...kvitterat, status: 'Utlånad' as const, utlamnad: IDAG };
    const hamtaLan = jest.fn().mockResolvedValueOnce([kvitterat]).mockResolvedValue([utlamnat]);
    visa({ register: registerFake({ hamtaLan, lamnaUt: jest.fn(async () => utlamnat) }) });
    await oppnaFlik('Lån');
    fireEvent.click(await screen.findByRole('button', { name: 'Lämna ut surfplatta KS-1002' }));
    // The button is gone with the reload; the row's heading takes focus, not <body>.
    await screen.findByRole('button', { name: 'Ta emot surfplatta KS-1002' });
    expect(screen.queryByRole('button', { name: 'Lämna ut surfplatta KS-1002' })).toBeNull();
    await vantaFokus(() => within(screen.getByRole('rowheader', { name: 'KS-1002' })).getByText('KS-1002'));
    expect(statustexter()).toContain('Surfplatta KS-1002 är utlämnad till Åsa Ledamot.');
    expect(screen.getAllByRole('status').find((s) => s.textContent === 'Surfplatta KS-1002 är utlämnad till Åsa Ledamot.')).toHaveAttribute('aria-live', 'polite');
  });

  it('Avbryt lån frågar först, med surfplatta och låntagare, och läser sedan in listan igen', async () => {
    const vantar = lan(1, { status: 'Väntar på kvittens' });
    const annat = lan(4, { status: 'Utlånad' });
    const avbrytLan = jest.fn(async () => undefined);
    const hamtaLan = jest.fn().mockResolvedValueOnce([vantar, annat]).mockResolvedValue([annat]);
    visa({ register: registerFake({ hamtaLan, avbrytLan }) });
    await oppnaFlik('Lån');
    // Only a loan still waiting for its receipt can be cancelled.
    expect(screen.queryByRole('button', { name: 'Avbryt lån för surfplatta KS-1004' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Avbryt lån för surfplatta KS-1001' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Avbryta lånet?' });
    expect(dialog).toHaveTextContent('Lånet av surfplatta KS-1001 till Åsa Ledamot avbryts');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Behåll lånet' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(avbrytLan).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Avbryt lån för surfplatta KS-1001' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Avbryta lånet?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt lånet' }));
    expect(await screen.findByText('Lånet av surfplatta KS-1001 till Åsa Ledamot är avbrutet.')).toBeInTheDocument();
    expect(avbrytLan).toHaveBeenCalledWith(vantar);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'KS-1001' })).toBeNull());
    expect(hamtaLan).toHaveBeenCalledTimes(2);
    expect(statustexter()).toContain('Lånet av surfplatta KS-1001 till Åsa Ledamot är avbrutet.');
    // The row is gone: focus goes to "Nytt lån", not <body>.
    await vantaFokus(() => screen.getByRole('button', { name: 'Nytt lån' }));
  });

  it('Avbryt lån visar tjänstens nekande i dialogen, med regelns ord', async () => {
    const vantar = lan(1, { status: 'Väntar på kvittens' });
    const avbrytLan = jest.fn(() => Promise.reject(new RegisterFel('FelLanestatus')));
    visa({ register: registerFake({ hamtaLan: jest.fn(async () => [vantar]), avbrytLan }) });
    await oppnaFlik('Lån');
    fireEvent.click(await screen.findByRole('button', { name: 'Avbryt lån för surfplatta KS-1001' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Avbryta lånet?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt lånet' }));
    expect(await within(dialog).findByText('Lånet har inte längre den status steget kräver. Läs in listan igen.')).toBeInTheDocument();
    expect(screen.queryByText(/är avbrutet/)).toBeNull();
  });

  it('Ta emot kräver skick och kommunservice egen signatur, och skickar båda', async () => {
    const utlanat = lan(3);
    const taEmot = jest.fn(async () => lan(3, { status: 'Återlämnad', aterlamnad: IDAG, aterKvittensUrl: '/k/3-retur.pdf' }));
    visa({ register: registerFake({ hamtaLan: async () => [utlanat], taEmot }), min: minFake({ aktuellPerson: async () => KOMMUNSERVICE }) });
    await oppnaFlik('Lån');
    fireEvent.click(await screen.findByRole('button', { name: 'Ta emot surfplatta KS-1003' }));
    const panel = await screen.findByRole('dialog');
    await within(panel).findByText('Skriv det som i Microsoft 365: Karin Service');
    fireEvent.click(within(panel).getByRole('button', { name: 'Ta emot' }));
    expect(await within(panel).findByText('Beskriv surfplattans skick.')).toBeInTheDocument();
    expect(within(panel).getByText('Skriv ditt namn.')).toBeInTheDocument();
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Skick vid återlämning' }), { target: { value: 'Repa på baksidan, laddare saknas.' } });
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Ditt namn' }), { target: { value: 'Åsa Ledamot' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Ta emot' }));
    expect(await within(panel).findByText('Namnet stämmer inte med ditt namn i Microsoft 365.')).toBeInTheDocument();
    expect(taEmot).not.toHaveBeenCalled();
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Ditt namn' }), { target: { value: 'karin service' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Ta emot' }));
    expect(await screen.findByText('Surfplatta KS-1003 är mottagen och kvittensen sparad.')).toBeInTheDocument();
    expect(taEmot).toHaveBeenCalledWith(utlanat, 'Repa på baksidan, laddare saknas.', { satt: 'Skrivet namn', skrivetNamn: 'karin service' });
    // The panel is closed; focus is on the row, not on <body> nor on a button about to go.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await vantaFokus(() => within(screen.getByRole('rowheader', { name: 'KS-1003' })).getByText('KS-1003'));
    expect(statustexter()).toContain('Surfplatta KS-1003 är mottagen och kvittensen sparad.');
  });

  it('en ritad signatur som saknas läses upp med ritytan', async () => {
    visa({ register: registerFake({ hamtaLan: async () => [lan(3)] }), min: minFake({ aktuellPerson: async () => KOMMUNSERVICE }) });
    await oppnaFlik('Lån');
    fireEvent.click(await screen.findByRole('button', { name: 'Ta emot surfplatta KS-1003' }));
    const panel = await screen.findByRole('dialog');
    fireEvent.click(await within(panel).findByRole('radio', { name: 'Rita signatur' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Ta emot' }));
    await within(panel).findByText('Rita din signatur i rutan, eller välj Skriv ditt namn.');
    expect(within(panel).getByRole('group', { name: 'Rita signatur' })).toHaveAccessibleDescription('Rita din signatur i rutan, eller välj Skriv ditt namn.');
  });
});

describe('kommunservice: händelser', () => {
  const gjort = (steg: IIncident['gjorda'][number]['steg']): IIncident['gjorda'][number] =>
    ({ steg, av: 'Karin Service', epost: KOMMUNSERVICE.epost, tid: '2026-11-21T10:00:00Z', utforande: 'Manuellt', referens: 'klart' });

  it('stöld: stängs inte förrän alla steg är gjorda, SIM-spärren kräver referens, varje steg visar vem och när', async () => {
    const nastan = incident({
      gjorda: [
        { steg: 'Radera', av: 'Karin Service', epost: KOMMUNSERVICE.epost, tid: '2026-11-21T10:00:00Z', utforande: 'Graph', referens: 'Intune wipe b1c2' },
        gjort('LosenordEnhet'), gjort('LosenordEpost'), gjort('LosenordMotesapp'),
        { steg: 'Kostnadsansvar', av: 'Karin Service', epost: KOMMUNSERVICE.epost, tid: '2026-11-21T10:05:00Z', utforande: 'Manuellt', kostnadsansvar: 'Kommunen' }
      ],
      kvar: ['SparraSim']
    });
    const klar = { ...nastan, gjorda: [...nastan.gjorda, { ...gjort('SparraSim'), referens: 'TELIA-4711' }], kvar: [] };
    const utforSteg = jest.fn(async () => klar);
    const stang = jest.fn(async () => ({ ...klar, status: 'Stängd' as const }));
    visa({ incidenter: incidentFake({ hamtaIncidenter: async () => [nastan], utforSteg, stang }) });
    await oppnaFlik('Händelser');
    const kort = await screen.findByRole('region', { name: 'Stöld: surfplatta KS-1003' });
    expect(within(kort).getByText(/Karin Service \(karin\.service@kramfors\.se\), 2026-11-21 11:00, via Intune\./)).toBeInTheDocument();
    expect(within(kort).getByText(/Beslut: Kommunen\./)).toBeInTheDocument();
    const stangKnapp = within(kort).getByRole('button', { name: 'Stäng händelsen för surfplatta KS-1003' });
    expect(stangKnapp).toHaveAttribute('aria-disabled', 'true');
    expect(stangKnapp).toHaveAccessibleDescription('Alla steg i checklistan måste vara gjorda innan händelsen kan stängas.');

    fireEvent.click(within(kort).getByRole('button', { name: 'Spärra SIM-kortet: Bekräfta spärr' }));
    expect(await within(kort).findByText('Ange operatörens referens för spärren.')).toBeInTheDocument();
    expect(utforSteg).not.toHaveBeenCalled();
    fireEvent.change(within(kort).getByRole('textbox', { name: 'Operatörens referens' }), { target: { value: 'TELIA-4711' } });
    fireEvent.click(within(kort).getByRole('button', { name: 'Spärra SIM-kortet: Bekräfta spärr' }));
    await waitFor(() => expect(utforSteg).toHaveBeenCalledWith(nastan, 'SparraSim', { manuelltBekraftat: true, referens: 'TELIA-4711' }));
    await waitFor(() => expect(within(kort).getByRole('button', { name: 'Stäng händelsen för surfplatta KS-1003' })).not.toHaveAttribute('aria-disabled'));
    // The step's form is gone: its list item, now saying who did it, has focus, and the status line says so.
    const simSteg = within(kort).getAllByRole('listitem').find((li) => li.textContent?.startsWith('Spärra SIM-kortet'));
    await vantaFokus(() => simSteg as HTMLElement);
    expect(simSteg).toHaveTextContent('Referens: TELIA-4711.');
    expect(statustexter()).toContain('Steget ”Spärra SIM-kortet” är gjort för surfplatta KS-1003.');
    fireEvent.click(within(kort).getByRole('button', { name: 'Stäng händelsen för surfplatta KS-1003' }));
    await waitFor(() => expect(stang).toHaveBeenCalledWith(klar));
    expect(await screen.findByText('Inga öppna händelser')).toBeInTheDocument();
    // The card has left the open ones; with none left, focus goes to the choice of list.
    expect(statustexter()).toContain('Händelsen för surfplatta KS-1003 är stängd.');
    await vantaFokus(() => screen.getByRole('radio', { name: 'Öppna (0)' }));
  });

  it('stänger en av två: fokus går till nästa öppna händelses rubrik', async () => {
    const alla = stegFor('Förlust').map((steg) => gjort(steg));
    const forst = incident({ id: 8, stoldmarkning: 'KS-1004', typ: 'Förlust', polisanmalan: undefined, gjorda: alla, kvar: [], rapporterad: '2026-11-22T08:00:00Z' });
    const sedan = incident();
    const stang = jest.fn(async () => ({ ...forst, status: 'Stängd' as const }));
    visa({ incidenter: incidentFake({ hamtaIncidenter: async () => [forst, sedan], stang }) });
    await oppnaFlik('Händelser');
    const kort = await screen.findByRole('region', { name: 'Förlust: surfplatta KS-1004' });
    fireEvent.click(within(kort).getByRole('button', { name: 'Stäng händelsen för surfplatta KS-1004' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Förlust: surfplatta KS-1004' })).toBeNull());
    await vantaFokus(() => screen.getByRole('heading', { name: 'Stöld: surfplatta KS-1003' }));
    expect(statustexter()).toContain('Händelsen för surfplatta KS-1004 är stängd.');
  });

  it('när Intune inte kan radera visas felet i dialogen och steget kan göras manuellt efter bekräftelse', async () => {
    const medIntune = incident({ intuneId: 'b1c2' });
    const raderad = { ...medIntune, gjorda: [{ ...gjort('Radera'), referens: 'Raderad i Intune-portalen' }] };
    const utforSteg = jest.fn()
      .mockRejectedValueOnce(new DataFel('behorighet', 403))
      .mockResolvedValueOnce(raderad);
    visa({ incidenter: incidentFake({ hamtaIncidenter: async () => [medIntune], utforSteg }) });
    await oppnaFlik('Händelser');
    const kort = await screen.findByRole('region', { name: 'Stöld: surfplatta KS-1003' });
    fireEvent.click(within(kort).getByRole('button', { name: 'Radera surfplattan: Radera via Intune' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Radera via Intune' });
    // Nothing manual is offered before Intune has been tried.
    expect(within(dialog).queryByRole('button', { name: 'Gör steget manuellt i stället' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gör det' }));
    expect(await within(dialog).findByText(/^Intune kunde inte göra steget: Du saknar behörighet/)).toBeInTheDocument();
    expect(utforSteg).toHaveBeenLastCalledWith(medIntune, 'Radera', {});
    dialog = screen.getByRole('alertdialog', { name: 'Radera via Intune' });
    expect(within(dialog).getByRole('button', { name: 'Försök igen via Intune' })).toBeInTheDocument();

    // By hand only once the person confirms it is done.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gör steget manuellt i stället' }));
    const kryss = within(dialog).getByRole('checkbox', { name: 'Jag har gjort steget ”Radera surfplattan” för surfplatta KS-1003' });
    expect(await within(dialog).findByText('Bekräfta att steget är gjort.')).toBeInTheDocument();
    expect(kryss).toHaveAccessibleDescription('Bekräfta att steget är gjort.');
    expect(utforSteg).toHaveBeenCalledTimes(1);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Anteckning (Radera surfplattan)' }), { target: { value: 'Raderad i Intune-portalen' } });
    fireEvent.click(kryss);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gör steget manuellt i stället' }));
    await waitFor(() => expect(utforSteg).toHaveBeenLastCalledWith(medIntune, 'Radera',
      { manuellt: true, manuelltBekraftat: true, referens: 'Raderad i Intune-portalen' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    const steg = within(kort).getAllByRole('listitem').find((li) => li.textContent?.startsWith('Radera surfplattan'));
    expect(steg).toHaveTextContent('manuellt bekräftat');
    await vantaFokus(() => steg as HTMLElement);
    expect(statustexter()).toContain('Steget ”Radera surfplattan” är gjort för surfplatta KS-1003.');
  });

  it('en regel som nekar ett Intune-steg erbjuder inte att göra det för hand', async () => {
    const medIntune = incident({ intuneId: 'b1c2' });
    const utforSteg = jest.fn(() => Promise.reject(new RegisterFel('StegRedanUtfort')));
    visa({ incidenter: incidentFake({ hamtaIncidenter: async () => [medIntune], utforSteg }) });
    await oppnaFlik('Händelser');
    const kort = await screen.findByRole('region', { name: 'Stöld: surfplatta KS-1003' });
    fireEvent.click(within(kort).getByRole('button', { name: 'Nytt lösenord för surfplattan: Återställ lösenkoden via Intune' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Återställ lösenkoden via Intune' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gör det' }));
    // Intune was not the one that refused: the rule's words alone.
    expect(await within(dialog).findByText('Steget är redan gjort.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Gör steget manuellt i stället' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('raderar via Intune först efter bekräftelse, och gör det för hand när id saknas', async () => {
    const medIntune = incident({ intuneId: 'b1c2' });
    const utanIntune = incident({ id: 8, stoldmarkning: 'KS-1004', typ: 'Förlust', polisanmalan: undefined });
    const utforSteg = jest.fn(async (i: IIncident) => i);
    visa({ incidenter: incidentFake({ hamtaIncidenter: async () => [medIntune, utanIntune], utforSteg }) });
    await oppnaFlik('Händelser');
    const med = await screen.findByRole('region', { name: 'Stöld: surfplatta KS-1003' });
    fireEvent.click(within(med).getByRole('button', { name: 'Radera surfplattan: Radera via Intune' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('Surfplatta KS-1003 (Intune b1c2) raderas helt. Det går inte att ångra.');
    expect(utforSteg).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gör det' }));
    await waitFor(() => expect(utforSteg).toHaveBeenCalledWith(medIntune, 'Radera', {}));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());

    const utan = screen.getByRole('region', { name: 'Förlust: surfplatta KS-1004' });
    expect(within(utan).queryByRole('button', { name: /via Intune/ })).toBeNull();
    fireEvent.click(within(utan).getByRole('button', { name: 'Radera surfplattan: Bekräfta gjort' }));
    await waitFor(() => expect(utforSteg).toHaveBeenCalledWith(utanIntune, 'Radera', { manuelltBekraftat: true, referens: undefined }));
  });
});

describe('kommunservice: mandatslut', () => {
  it('skickar påminnelser, visar resultatet per lån och skickar om de misslyckade', async () => {
    const lanen = [lan(1, { mandatSlut: '2026-11-15' }), lan(2, { mandatSlut: '2026-12-31', lantagare: KOMMUNSERVICE }), lan(3, { mandatSlut: '2027-01-10' })];
    const skickaPaminnelser = jest.fn()
      .mockResolvedValueOnce([{ lan: lanen[0], ok: true }, { lan: lanen[1], ok: false, fel: 'strypt' }, { lan: lanen[2], ok: true }])
      .mockResolvedValueOnce([{ lan: lanen[1], ok: true }]);
    const hamtaSlutande = jest.fn(async () => lanen);
    visa({ mandat: mandatFake({ hamtaSlutande, skickaPaminnelser }) });
    await oppnaFlik('Mandatslut');
    expect(await screen.findByText('slutade 2026-11-15')).toBeInTheDocument();
    expect(hamtaSlutande).toHaveBeenCalledWith(IDAG, 60);
    // One borrower is left out of this round.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Påminn om surfplatta KS-1003 (Åsa Ledamot)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skicka påminnelser (2)' }));
    expect(await screen.findByText(/Misslyckades: Microsoft 365 tar emot för många förfrågningar/)).toBeInTheDocument();
    expect(skickaPaminnelser.mock.calls[0][0]).toEqual([lanen[0], lanen[1]]);
    const texter = skickaPaminnelser.mock.calls[0][1] as { amne: string; text: (l: typeof lanen[0]) => string };
    expect(texter.amne).toBe('Återlämning av din surfplatta');
    expect(texter.text(lanen[0])).toMatch(/Hej Åsa Ledamot![\s\S]*slutar 2026-11-15[\s\S]*KS-1001/);
    expect(screen.getByText('Skickade: 2. Misslyckade: 1.')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Försök igen med de misslyckade (1)' }));
    await waitFor(() => expect(skickaPaminnelser).toHaveBeenCalledTimes(2));
    expect(skickaPaminnelser.mock.calls[1][0]).toEqual([lanen[1]]);
    expect(await screen.findByText('Skickade: 3. Misslyckade: 0.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Försök igen med de misslyckade/ })).toBeNull();
  });
});

describe('vem som ser vad', () => {
  it('säger till och låter försöka igen när behörigheten inte går att fråga efter, i stället för att visa låntagarens vy', async () => {
    const kanHantera = jest.fn().mockRejectedValueOnce(Object.assign(new Error('Service Unavailable'), { status: 503 })).mockResolvedValue(true);
    render(
      <PartRoot>
        <SurfplattorApp register={registerFake({ kanHantera, hamtaRegister: async () => [platta(2, 'I lager')] })} minSurfplatta={minFake()}
          incidenter={incidentFake()} mandat={mandatFake()} idag={IDAG} paminnelseDagar={60} />
      </PartRoot>
    );
    const forsok = await screen.findByRole('button', { name: 'Försök igen' });
    expect(screen.queryByText('Min surfplatta')).not.toBeInTheDocument();
    fireEvent.click(forsok);
    expect(await screen.findByRole('tab', { name: 'Register' })).toBeInTheDocument();
  });
});

describe('Min surfplatta', () => {
  const vantar = lan(4, { status: 'Väntar på kvittens' });

  it('visas för den som inte hanterar registret, med lån och kvittens att ladda ned', async () => {
    const utlanat = lan(5, { kvittensUrl: '/k/5.pdf', kvitteradTid: '2026-10-01T08:30:00Z', utlamnad: '2026-10-01' });
    visa({ kommunservice: false, min: minFake({ hamtaMinaLan: async () => [utlanat] }) });
    expect(await screen.findByRole('heading', { level: 2, name: 'Min surfplatta' })).toBeInTheDocument();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Surfplatta KS-1005' })).toBeInTheDocument();
    expect(screen.getByText('Du kvitterade riktlinjen 2026-10-01 10:30 (version 2017-05-29).')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Kvittens vid utlämning (PDF)' })).toHaveAttribute('href', '/k/5.pdf');
    expect(screen.getByRole('button', { name: 'Ladda ned Kvittens vid utlämning (PDF)' })).toBeInTheDocument();
  });

  it('kvitterar med skrivet namn, som måste stämma med namnet i Microsoft 365', async () => {
    const kvittera = jest.fn(async () => ({ kvittensUrl: '/k/4.pdf' }));
    visa({ kommunservice: false, min: minFake({ hamtaMinaLan: async () => [vantar], hamtaRiktlinje: async () => RIKTLINJE, kvittera }) });
    const region = await screen.findByRole('region', { name: 'Riktlinjens text' });
    expect(region).toHaveTextContent('Surfplattan är ett lån och ska återlämnas efter uppdragets slut.');
    expect(region).toHaveAttribute('tabindex', '0');
    fireEvent.change(screen.getByRole('textbox', { name: 'Ditt namn' }), { target: { value: 'Åsa Ledamöt' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kvittera' }));
    expect(await screen.findByText('Bekräfta att du har läst riktlinjen.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Jag har läst riktlinjen och följer den' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Ditt namn' }), { target: { value: 'Åsa Lindqvist' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kvittera' }));
    expect(await screen.findByText('Namnet stämmer inte med ditt namn i Microsoft 365.')).toBeInTheDocument();
    expect(kvittera).not.toHaveBeenCalled();
    // Accents aside: "Asa" for "Åsa" is the same name.
    fireEvent.change(screen.getByRole('textbox', { name: 'Ditt namn' }), { target: { value: 'Asa ledamot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kvittera' }));
    expect(await screen.findByText(/Din kvittens är sparad/)).toBeInTheDocument();
    expect(kvittera).toHaveBeenCalledWith(vantar, RIKTLINJE, { satt: 'Skrivet namn', skrivetNamn: 'Asa ledamot' });
    expect(screen.getByRole('link', { name: 'Kvittens vid utlämning (PDF)' })).toHaveAttribute('href', '/k/4.pdf');
    expect(screen.queryByRole('button', { name: 'Kvittera' })).toBeNull();
  });

  it('kvitterar med ritad signatur, som måste finnas', async () => {
    const kvittera = jest.fn(async () => ({ kvittensUrl: '/k/4.pdf' }));
    paddar.length = 0;
    visa({ kommunservice: false, min: minFake({ hamtaMinaLan: async () => [vantar], hamtaRiktlinje: async () => RIKTLINJE, kvittera }) });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Jag har läst riktlinjen och följer den' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Rita signatur' }));
    expect(await screen.findByRole('img', { name: /Signaturyta/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Kvittera' }));
    expect(await screen.findByText('Rita din signatur i rutan, eller välj Skriv ditt namn.')).toBeInTheDocument();
    expect(kvittera).not.toHaveBeenCalled();
    // A stroke ends on the canvas.
    await waitFor(() => expect(paddar).toHaveLength(1));
    paddar[0].tom = false;
    paddar[0].lyssnare.forEach((f) => f());
    expect(await screen.findByText('Signaturen är ritad.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Kvittera' }));
    await waitFor(() => expect(kvittera).toHaveBeenCalledTimes(1));
    const [, , kvittens] = kvittera.mock.calls[0] as unknown as [unknown, unknown, { satt: string; signatur: Uint8Array }];
    expect(kvittens.satt).toBe('Ritad signatur');
    // The PNG signature's first bytes.
    expect(Array.from(kvittens.signatur.slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('en ritning som inte längre syns signeras inte: att byta sätt och tillbaka tömmer den', async () => {
    const kvittera = jest.fn(async () => ({ kvittensUrl: '/k/4.pdf' }));
    paddar.length = 0;
    visa({ kommunservice: false, min: minFake({ hamtaMinaLan: async () => [vantar], hamtaRiktlinje: async () => RIKTLINJE, kvittera }) });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Jag har läst riktlinjen och följer den' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Rita signatur' }));
    await waitFor(() => expect(paddar).toHaveLength(1));
    paddar[0].tom = false;
    paddar[0].lyssnare.forEach((f) => f());
    expect(await screen.findByText('Signaturen är ritad.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Skriv ditt namn' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Rita signatur' }));
    expect(await screen.findByText('Ingen signatur ritad än.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Kvittera' }));
    expect(await screen.findByText('Rita din signatur i rutan, eller välj Skriv ditt namn.')).toBeInTheDocument();
    expect(kvittera).not.toHaveBeenCalled();
  });

  it('stöld kräver polisanmälans diarienummer i polisens form', async () => {
    const rapportera = jest.fn(async () => incident({ stoldmarkning: 'KS-1005' }));
    const hamtaMinaIncidenter = jest.fn().mockResolvedValueOnce([]).mockResolvedValue([incident({ stoldmarkning: 'KS-1005' })]);
    const utlanat = lan(5);
    visa({ kommunservice: false, min: minFake({ hamtaMinaLan: async () => [utlanat], rapportera, hamtaMinaIncidenter }) });
    const form = await screen.findByRole('region', { name: 'Anmäl skada, stöld eller förlust' });
    fireEvent.click(within(form).getByRole('radio', { name: 'Stöld' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Skicka anmälan' }));
    expect(await within(form).findByText('Beskriv vad som har hänt.')).toBeInTheDocument();
    expect(within(form).getByText('Vid stöld krävs polisanmälans diarienummer.')).toBeInTheDocument();
    fireEvent.change(within(form).getByRole('textbox', { name: 'Beskrivning' }), { target: { value: 'Stulen ur bilen.' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Polisanmälans diarienummer' }), { target: { value: '12345' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Skicka anmälan' }));
    expect(await within(form).findByText('Skriv diarienumret som polisen anger det, t.ex. 5000-K123456-26.')).toBeInTheDocument();
    expect(rapportera).not.toHaveBeenCalled();
    fireEvent.change(within(form).getByRole('textbox', { name: 'Polisanmälans diarienummer' }), { target: { value: '5000-K123456-26' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Skicka anmälan' }));
    expect(await screen.findByText('Din anmälan (Stöld, surfplatta KS-1005) är skickad till kommunservice.')).toBeInTheDocument();
    expect(rapportera).toHaveBeenCalledWith({ lan: utlanat, typ: 'Stöld', beskrivning: 'Stulen ur bilen.', polisanmalan: '5000-K123456-26' });
    expect(await screen.findByText(/Stöld, surfplatta KS-1005, anmäld/)).toBeInTheDocument();
    expect(screen.getByText('Öppen, 6 åtgärder kvar')).toBeInTheDocument();
  });
});

describe('tillgänglighet', () => {
  const axeFel = async (): Promise<string[]> => {
    // jsdom cannot compute colours; the browser tests check contrast in every theme.
    // WCAG 2.1 A/AA as the browser tests; landmarks are the SharePoint page's, not the part's.
    const r = await axe.run(document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, rules: { 'color-contrast': { enabled: false } }
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
  };

  it('registret och händelserna har inga axe-fel', async () => {
    visa({
      register: registerFake({ hamtaRegister: async () => [platta(1, 'Utlånad', { aktivtLan: lan(1) }), platta(2, 'I lager')] }),
      incidenter: incidentFake({ hamtaIncidenter: async () => [incident({ intuneId: 'b1c2' })] })
    });
    await screen.findByText('2 av 2 surfplattor');
    expect(await axeFel()).toEqual([]);
    await oppnaFlik('Händelser');
    await screen.findByRole('region', { name: 'Stöld: surfplatta KS-1003' });
    expect(await axeFel()).toEqual([]);
  });

  it('lånefliken med formuläret för nytt lån öppet och dess fel visade har inga axe-fel', async () => {
    visa({
      register: registerFake({
        hamtaLan: async () => [lan(1, { status: 'Väntar på kvittens' }), lan(3)], hamtaRegister: async () => [platta(2, 'I lager')]
      })
    });
    await oppnaFlik('Lån');
    await screen.findByText('2 av 2 lån');
    expect(await axeFel()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Nytt lån' }));
    const panel = await screen.findByRole('dialog');
    await within(panel).findByRole('combobox', { name: /^Surfplatta i lager/ });
    expect(await axeFel()).toEqual([]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Skapa lån' }));
    await within(panel).findByText('Välj låntagare.');
    expect(await axeFel()).toEqual([]);
  });

  it('Ta emot-panelen, med skrivet namn och med ritad signatur, har inga axe-fel', async () => {
    paddar.length = 0;
    visa({ register: registerFake({ hamtaLan: async () => [lan(3)] }), min: minFake({ aktuellPerson: async () => KOMMUNSERVICE }) });
    await oppnaFlik('Lån');
    fireEvent.click(await screen.findByRole('button', { name: 'Ta emot surfplatta KS-1003' }));
    const panel = await screen.findByRole('dialog');
    await within(panel).findByText('Skriv det som i Microsoft 365: Karin Service');
    fireEvent.click(within(panel).getByRole('button', { name: 'Ta emot' }));
    await within(panel).findByText('Skriv ditt namn.');
    expect(await axeFel()).toEqual([]);
    fireEvent.click(within(panel).getByRole('radio', { name: 'Rita signatur' }));
    await within(panel).findByRole('img', { name: /Signaturyta/ });
    await waitFor(() => expect(paddar).toHaveLength(1));
    await within(panel).findByText('Rita din signatur i rutan, eller välj Skriv ditt namn.');
    expect(await axeFel()).toEqual([]);
  });

  it('dialogerna för att avbryta ett lån och för ett Intune-steg som görs manuellt har inga axe-fel', async () => {
    visa({
      register: registerFake({ hamtaLan: async () => [lan(1, { status: 'Väntar på kvittens' })] }),
      incidenter: incidentFake({ hamtaIncidenter: async () => [incident({ intuneId: 'b1c2' })], utforSteg: jest.fn(() => Promise.reject(new DataFel('natverk'))) })
    });
    await oppnaFlik('Lån');
    fireEvent.click(await screen.findByRole('button', { name: 'Avbryt lån för surfplatta KS-1001' }));
    const avbryt = await screen.findByRole('alertdialog', { name: 'Avbryta lånet?' });
    expect(await axeFel()).toEqual([]);
    fireEvent.click(within(avbryt).getByRole('button', { name: 'Behåll lånet' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await oppnaFlik('Händelser');
    fireEvent.click(await screen.findByRole('button', { name: 'Radera surfplattan: Radera via Intune' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Radera via Intune' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Gör det' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Gör steget manuellt i stället' }));
    await within(dialog).findByText('Bekräfta att steget är gjort.');
    expect(await axeFel()).toEqual([]);
  });

  it('mandatslut har inga axe-fel, före och efter ett utskick', async () => {
    const lanen = [lan(1, { mandatSlut: '2026-11-15' }), lan(2, { mandatSlut: '2026-12-31', lantagare: KOMMUNSERVICE })];
    visa({
      mandat: mandatFake({
        hamtaSlutande: async () => lanen,
        skickaPaminnelser: jest.fn(async () => [{ lan: lanen[0], ok: true }, { lan: lanen[1], ok: false, fel: 'strypt' }])
      })
    });
    await oppnaFlik('Mandatslut');
    await screen.findByText('slutade 2026-11-15');
    expect(await axeFel()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Skicka påminnelser (2)' }));
    await screen.findByText('Skickade: 1. Misslyckade: 1.');
    expect(await axeFel()).toEqual([]);
  });

  it('den ritade signaturen i Min surfplatta har inga axe-fel', async () => {
    paddar.length = 0;
    visa({ kommunservice: false, min: minFake({ hamtaMinaLan: async () => [lan(4, { status: 'Väntar på kvittens' })], hamtaRiktlinje: async () => RIKTLINJE }) });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Jag har läst riktlinjen och följer den' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Rita signatur' }));
    await screen.findByRole('img', { name: /Signaturyta/ });
    await waitFor(() => expect(paddar).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Kvittera' }));
    await screen.findByText('Rita din signatur i rutan, eller välj Skriv ditt namn.');
    expect(screen.getByRole('group', { name: 'Rita signatur' })).toHaveAccessibleDescription('Rita din signatur i rutan, eller välj Skriv ditt namn.');
    expect(await axeFel()).toEqual([]);
  });

  it('kvitteringen och anmälan i Min surfplatta har inga axe-fel', async () => {
    visa({ kommunservice: false, min: minFake({ hamtaMinaLan: async () => [lan(4, { status: 'Väntar på kvittens' }), lan(5)], hamtaRiktlinje: async () => RIKTLINJE }) });
    await screen.findByRole('region', { name: 'Riktlinjens text' });
    fireEvent.click(screen.getByRole('button', { name: 'Kvittera' }));
    await screen.findByText('Bekräfta att du har läst riktlinjen.');
    expect(await axeFel()).toEqual([]);
  });
});

afterEach(() => Stylesheet.getInstance().reset());

// Fluent's and React's last scheduled work (a debounced picker search, a passive effect) must run
// while the test document still exists, or React throws after the file has passed.
afterAll(() => new Promise((klar) => setTimeout(klar, 300)));
