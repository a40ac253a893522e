import * as React from 'react';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { InjectionMode, Stylesheet } from '@fluentui/react';
import { MotesportalApp } from '../../src/webparts/motesportal/components/MotesportalApp';
import { IBesokslager, lokaltBesokslager } from '../../src/webparts/motesportal/components/besok';
import { sammantradeFranLank, sidLank } from '../../src/webparts/motesportal/lankar';
import { MotespaketByggare } from '../../src/webparts/motesportal/components/motespaket';
import {
  IAnslag, IAnslagTjanst, IArendepunkt, IHandling, IJusteringTjanst, IMotesBehorighet, IMotesRedigering, IMotesTjanst, IMotesVy, IProtokollVy, ISammantrade,
  JusteringsFel
} from '../../src/data/moten/typer';
import { DataFel } from '../../src/data/fel';
import { IPerson } from '../../src/domain/personer';
import { PartRoot } from '../../src/ui/PartRoot';
import axe from 'axe-core';

// Fluent panels are heavy in jsdom; on two shared cores an answer can take more than the default second to show.
configure({ asyncUtilTimeout: 8000 });

// Fluent's CSS goes to memory, not to jsdom: role queries read the computed style of every element,
// and a stylesheet growing over a long file of panels slowed each query from about 1 s to 25 s.
// Colour contrast is checked in the browser tests, where the CSS is real.
beforeAll(() => Stylesheet.getInstance().setConfig({ injectionMode: InjectionMode.none }));
afterEach(() => Stylesheet.getInstance().reset());

const IDAG = '2026-11-27';

const ks: ISammantrade = {
  id: 7, rubrik: 'Kommunstyrelsen 2026-11-16', organ: 'Kommunstyrelsen', organTyp: 'Styrelse', datum: '2026-11-16',
  start: '2026-11-16T12:00:00Z', plats: 'Sessionssalen', status: 'Genomfört'
};
const kf: ISammantrade = {
  id: 8, rubrik: 'Kommunfullmäktige 2026-12-07', organ: 'Kommunfullmäktige', organTyp: 'Fullmäktige', datum: '2026-12-07',
  start: '2026-12-07T17:00:00Z', plats: 'Stadshuset', status: 'Planerat'
};

const punkter: IArendepunkt[] = [
  { id: 21, sammantradeId: 7, punkt: 2, rubrik: 'Detaljplan Gistgården', diarienummer: 'KS 2026/40', etag: '"1"' },
  { id: 20, sammantradeId: 7, punkt: 1, rubrik: 'Budget 2027', beslut: 'Fastställer budgeten.', beslutsdatum: '2026-11-16', etag: '"2"' }
];

let nastaId = 100;
function handling(h: Partial<IHandling> & Pick<IHandling, 'rubrik' | 'dokumenttyp' | 'klassificering' | 'publiceringslage'>): IHandling {
  const id = nastaId++;
  return {
    id, bibliotek: h.klassificering === 'Sekretess' ? 'Sekretess' : 'Handlingar', sammantradeId: 7, filnamn: `${h.rubrik}.pdf`,
    filUrl: `/sites/arendeportalen/Handlingar/${id}.pdf`, publicerad: h.publiceringslage === 'Publicerad', andrad: '2026-11-01T08:00:00Z', ...h
  };
}

const handlingar: IHandling[] = [
  handling({ rubrik: 'Budgetförslag', dokumenttyp: 'Handling', punkt: 1, klassificering: 'Offentlig', publiceringslage: 'Publicerad',
    publiceradDatum: '2026-11-10T09:00:00Z', andrad: '2026-11-10T09:00:00Z' }),
  handling({ rubrik: 'Föredragningslista KS', dokumenttyp: 'Föredragningslista', klassificering: 'Offentlig', publiceringslage: 'Publicerad' }),
  handling({ rubrik: 'Kallelse KS', dokumenttyp: 'Kallelse', klassificering: 'Offentlig', publiceringslage: 'Publicerad' }),
  handling({ rubrik: 'Planbeskrivning utkast', dokumenttyp: 'Handling', punkt: 2, klassificering: 'Arbetsmaterial', publiceringslage: 'VantarPaBeslut' }),
  handling({ rubrik: 'Yttrande om enskild', dokumenttyp: 'Bilaga', punkt: 2, klassificering: 'Sekretess', oslHanvisning: '26 kap. 1 § OSL', publiceringslage: 'Aldrig' }),
  handling({ rubrik: 'Budget tjänsteskrivelse', dokumenttyp: 'Bilaga', punkt: 1, klassificering: 'Offentlig', publiceringslage: 'KanPubliceras' })
];

const ordforande: IPerson = { id: 11, namn: 'Anna Ordförande', epost: 'anna@kommun.se' };
const justerare: IPerson = { id: 12, namn: 'Bo Justerare', epost: 'bo@kommun.se' };
const annanLedamot: IPerson = { id: 13, namn: 'Cecilia Ledamot', epost: 'cecilia@kommun.se' };

const protokoll: IProtokollVy = {
  id: 3, rubrik: 'Protokoll KS 2026-11-16', filnamn: 'Protokoll KS 2026-11-16.pdf', filUrl: '/sites/arendeportalen/Protokoll/ks.pdf',
  justering: {
    status: 'Under justering', motesdag: '2026-11-16', ordforande, justerare: [justerare],
    godkannanden: [{ personId: 11, namn: 'Anna Ordförande', epost: 'anna@kommun.se', roll: 'Ordförande', tid: '2026-11-20T10:00:00Z', metod: 'Microsoft 365-inloggning' }]
  },
  justerasSenast: '2026-11-30', fristlage: 'Snart', forvaringsplats: 'Kommunkansliet', olasbaraLoggrader: 0, etag: '"5"',
  allaHarGodkant: false, obehorigaGodkannanden: 0, forsentTillkannagivet: false
};

const tillkannagivande: IAnslag = {
  id: 40, rubrik: 'Tillkännagivande: Kommunstyrelsens protokoll 2026-11-16', typ: 'Tillkännagivande av justerat protokoll', organ: 'Kommunstyrelsen',
  sammantradeId: 7, sammantradesdatum: '2026-11-16', justeringsdatum: '2026-11-27', forvaringsplats: 'Kommunkansliet',
  uppsatt: '2026-11-27', sistaDagForOverklagande: '2026-12-18', nedtagning: '2026-12-19'
};

class FalskaMoten implements IMotesTjanst, IMotesRedigering {
  public dagordning = punkter.map((p) => ({ ...p }));
  public handlingar = handlingar.map((h) => ({ ...h }));
  public hamtaMoteAnrop = 0;
  public protokoll: IProtokollVy | undefined = protokoll;
  public constructor(public behorigheten: IMotesBehorighet = { kanRedigera: false, kanLasaSekretess: true }) {}
  public hamtaSammantraden = jest.fn(async () => ({ kommande: [kf], tidigare: [ks] }));
  public hamtaOrgan = jest.fn(async () => [{ id: 1, namn: 'Kommunstyrelsen', forkortning: 'KS', typ: 'Styrelse' }]);
  public async hamtaMote(id: number): Promise<IMotesVy> {
    this.hamtaMoteAnrop++;
    const s = id === ks.id ? ks : kf;
    return { sammantrade: s, dagordning: this.dagordning, handlingar: id === ks.id ? this.handlingar : [], protokoll: id === ks.id ? this.protokoll : undefined, ...(id === kf.id ? { kungorelse: 'EjAnslagen' as const } : {}) };
  }
  public hamtaFil = jest.fn(async () => new ArrayBuffer(4));
  public behorighet = jest.fn(async () => this.behorigheten);
  public skapaSammantrade = jest.fn(async () => ks);
  public laggTillPunkt = jest.fn(async (_id: number, p: { punkt: number; rubrik: string }) => ({ id: 30, sammantradeId: 7, ...p }));
  public laddaUpp = jest.fn(async (ny: { rubrik: string }) => handling({ rubrik: ny.rubrik, dokumenttyp: 'Handling', klassificering: 'Sekretess', publiceringslage: 'Aldrig' }));
  public publicera = jest.fn(async (h: IHandling) => ({ ...h, publicerad: true, publiceringslage: 'Publicerad' as const }));
  public publiceraAllt = jest.fn(async (vy: IMotesVy) => ({
    publicerade: vy.handlingar.filter((h) => h.publiceringslage === 'KanPubliceras'),
    kvar: vy.handlingar.filter((h) => h.publiceringslage === 'VantarPaBeslut' || h.publiceringslage === 'Aldrig')
  }));
  public registreraBeslut = jest.fn(async (p: IArendepunkt, b: { beslut: string; datum: string }) => ({ ...p, beslut: b.beslut, beslutsdatum: b.datum }));
  public kungora = jest.fn(async () => tillkannagivande);
}

/** Every method a jest mock, so a test can change one answer. */
function falskJustering(jag: IPerson, p: IProtokollVy | undefined = protokoll) {
  return {
    aktuellPerson: jest.fn(async () => jag),
    sokPersoner: jest.fn(async () => [ordforande, justerare]),
    hamtaProtokoll: jest.fn(async () => p),
    laddaUppUtkast: jest.fn(async () => protokoll),
    skickaTillJustering: jest.fn(async () => protokoll),
    godkann: jest.fn(async (pr: IProtokollVy) => ({
      protokoll: {
        ...pr, fristlage: 'Justerat' as const,
        justering: { ...pr.justering, status: 'Justerat' as const, justeratDatum: IDAG, godkannanden: [...pr.justering.godkannanden,
          { personId: jag.id, namn: jag.namn, epost: jag.epost, roll: 'Justerare' as const, tid: '2026-11-27T09:15:00Z', metod: 'Microsoft 365-inloggning' }] }
      },
      anslag: tillkannagivande
    })),
    tillkannageJusterade: jest.fn(async (_idag: string): Promise<IAnslag[]> => [])
  } satisfies IJusteringTjanst;
}

const anslagstavla = (lista: IAnslag[]): IAnslagTjanst => ({ hamtaAktuella: jest.fn(async () => lista) });

/** The last visit as a map; the first visit of meeting 7 was on 2026-11-05. */
function minnesBesok(start: Record<number, string> = { 7: '2026-11-05T12:00:00Z' }): IBesokslager & { data: Record<number, string> } {
  const data = { ...start };
  return { data, hamta: (id) => data[id], spara: (id, tid) => { data[id] = tid; } };
}

interface IVisa {
  moten?: FalskaMoten;
  justering?: IJusteringTjanst;
  anslag?: IAnslagTjanst;
  besok?: IBesokslager;
  motespaket?: MotespaketByggare;
}

function visa({ moten = new FalskaMoten(), justering = falskJustering(annanLedamot), anslag = anslagstavla([]), besok = minnesBesok(), motespaket }: IVisa = {}) {
  render(
    <PartRoot>
      <MotesportalApp tjanst={moten} redigering={moten} justering={justering} anslag={anslag} idag={IDAG} besok={besok}
        motespaket={motespaket ?? jest.fn()} nu={() => new Date('2026-11-27T10:00:00Z')} />
    </PartRoot>
  );
  return { moten, justering };
}

/** Opens the held KS meeting from the past tab. */
async function oppnaKs(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('tab', { name: 'Tidigare sammanträden' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Kommunstyrelsen 2026-11-16' }));
  return screen.findByRole('region', { name: 'Dagordning och handlingar' });
}

const grupp = (namn: string): HTMLElement => screen.getByRole('region', { name: namn });

describe('Mötesportalen för en ledamot', () => {
  it('listar kommande sammanträden med kungörelseflagga och tidigare med justeringsflagga', async () => {
    const { justering } = visa();
    expect(await screen.findByText('Kommunfullmäktige')).toBeInTheDocument();
    expect(screen.getByText('ej anslagen ännu')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: 'Tidigare sammanträden' }));
    expect(await screen.findByText('snart sista dag')).toBeInTheDocument();
    expect(justering.hamtaProtokoll).toHaveBeenCalledWith(7, '2026-11-16', IDAG);
  });

  it('filtrerar på organ', async () => {
    visa();
    expect(await screen.findByText('Kommunfullmäktige')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('combobox', { name: /Visa organ/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Kommunstyrelsen' }));
    expect(screen.queryByText('Kommunfullmäktige')).toBeNull();
    expect(screen.getByText('Inga kommande sammanträden')).toBeInTheDocument();
  });

  it('visar handlingarna grupperade per ärendepunkt, kallelsen först, och markerar det som är nytt sedan förra besöket', async () => {
    const besok = minnesBesok();
    visa({ besok });
    const handlingsdel = await oppnaKs();
    const rubriker = within(handlingsdel).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(rubriker).toEqual(['Kallelse och föredragningslista', '§ 1 Budget 2027', '§ 2 Detaljplan Gistgården']);
    const kallelse = within(grupp('Kallelse och föredragningslista')).getAllByRole('link').map((l) => l.textContent);
    expect(kallelse.filter((t) => !t?.includes('Ladda ned'))).toEqual(['Kallelse KS', 'Föredragningslista KS']);
    const punkt1 = grupp('§ 1 Budget 2027');
    expect(within(punkt1).getByRole('link', { name: 'Budgetförslag' })).toHaveAttribute('href', expect.stringContaining('/Handlingar/'));
    expect(within(punkt1).getByText('Beslut 2026-11-16: Fastställer budgeten.')).toBeInTheDocument();
    // Only the document published after the visit of 2026-11-05 is new.
    expect(screen.getAllByText('ny sedan ditt senaste besök')).toHaveLength(1);
    expect(within(punkt1).getByText('ny sedan ditt senaste besök')).toBeInTheDocument();
    // This visit is remembered for the next time.
    expect(besok.data[7]).toBe('2026-11-27T10:00:00.000Z');
    // A reader without write rights gets no publishing.
    expect(screen.queryByRole('button', { name: /^Publicera/ })).toBeNull();
  });

  it('visar klassificeringen, med OSL-hänvisningen för sekretess', async () => {
    visa();
    await oppnaKs();
    const punkt2 = grupp('§ 2 Detaljplan Gistgården');
    expect(within(punkt2).getByText(/Sekretess enligt 26 kap\. 1 § OSL/)).toBeInTheDocument();
    expect(within(punkt2).getByText(/Arbetsmaterial · Väntar på beslut/)).toBeInTheDocument();
  });

  it('laddar ned mötespaketet och säger vad som saknas', async () => {
    const skapa = jest.fn(async (vy: IMotesVy) => ({
      data: new Uint8Array([80, 75, 3, 4]), filnamn: 'Kommunstyrelsen 2026-11-16.zip', antal: vy.handlingar.length - 1,
      saknas: ['Budget tjänsteskrivelse: kunde inte hämtas']
    }));
    const skapaUrl = jest.fn(() => 'blob:paket');
    Object.assign(URL, { createObjectURL: skapaUrl, revokeObjectURL: jest.fn() });
    visa({ motespaket: skapa });
    await oppnaKs();
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Ladda ned mötespaket' }));
    expect(await screen.findByText(/Mötespaketet är klart med 5 handlingar\. 1 kunde inte hämtas/)).toBeInTheDocument();
    expect(screen.getByText('Budget tjänsteskrivelse: kunde inte hämtas')).toBeInTheDocument();
    expect(skapa).toHaveBeenCalledWith(expect.objectContaining({ sammantrade: ks }));
    expect(screen.getByRole('link', { name: 'Spara mötespaketet (Kommunstyrelsen 2026-11-16.zip)' })).toHaveAttribute('href', 'blob:paket');
  });

  it('säger när vyn kommer från den sparade kopian och stänger av skrivningar', async () => {
    const moten = new FalskaMoten({ kanRedigera: true, kanLasaSekretess: true });
    visa({ moten });
    await screen.findByText('Kommunfullmäktige');
    act(() => {
      window.dispatchEvent(new CustomEvent('arendeportalen:franCache', { detail: { hamtad: '2026-11-26T07:30:00Z', url: 'https://x/_api/web' } }));
    });
    // MessageBar renders its text a moment later, so screen readers announce it.
    expect(await screen.findByText('Visar sparad vy från 2026-11-26 08:30. SharePoint kan inte nås just nu.')).toBeInTheDocument();
    await oppnaKs();
    const skal = 'Ändringar kan inte göras nu: vyn är sparad från 2026-11-26 08:30 och SharePoint kan inte nås.';
    expect((await screen.findAllByText(skal)).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Publicera Budget tjänsteskrivelse' })).toBeDisabled();
    act(() => { window.dispatchEvent(new CustomEvent('arendeportalen:online')); });
    expect(screen.queryByText(/Visar sparad vy/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Publicera Budget tjänsteskrivelse' })).toBeEnabled();
  });
});

describe('anslagstavlan', () => {
  it('visar varje uppgift som lagen kräver i ett tillkännagivande', async () => {
    visa({ anslag: anslagstavla([tillkannagivande]) });
    fireEvent.click(await screen.findByRole('tab', { name: 'Anslagstavla' }));
    const kort = await screen.findByRole('article', { name: tillkannagivande.rubrik });
    const text = kort.textContent ?? '';
    for (const del of ['Kommunstyrelsen', 'Sammanträdesdatum2026-11-16', 'Datum för justering2026-11-27', 'Protokollets förvaringsplatsKommunkansliet',
      'Anslaget den2026-11-27', 'Sista dag för överklagande (laglighetsprövning)2026-12-18', 'Tas ned den2026-12-19']) {
      expect(text).toContain(del);
    }
  });

  it('säger att tavlan är tom', async () => {
    visa();
    fireEvent.click(await screen.findByRole('tab', { name: 'Anslagstavla' }));
    expect(await screen.findByText('Inga anslag just nu')).toBeInTheDocument();
  });
});

describe('nämndsekreteraren', () => {
  const sekreterare = (): FalskaMoten => new FalskaMoten({ kanRedigera: true, kanLasaSekretess: true });

  it('kan inte publicera arbetsmaterial före beslut eller sekretess, och får veta varför', async () => {
    visa({ moten: sekreterare() });
    await oppnaKs();
    const arbetsmaterial = screen.getByRole('button', { name: 'Publicera Planbeskrivning utkast' });
    expect(arbetsmaterial).toBeDisabled();
    expect(arbetsmaterial).toHaveAccessibleDescription('Arbetsmaterial publiceras först när beslutet i ärendet är registrerat.');
    const sekretess = screen.getByRole('button', { name: 'Publicera Yttrande om enskild' });
    expect(sekretess).toBeDisabled();
    expect(sekretess).toHaveAccessibleDescription('Handlingar som omfattas av sekretess publiceras aldrig.');
    expect(screen.queryByRole('button', { name: 'Publicera Budgetförslag' })).toBeNull();
  });

  it('publicerar en handling genom tjänsten', async () => {
    const moten = sekreterare();
    visa({ moten });
    await oppnaKs();
    const anrop = moten.hamtaMoteAnrop;
    fireEvent.click(screen.getByRole('button', { name: 'Publicera Budget tjänsteskrivelse' }));
    expect(await screen.findByText('”Budget tjänsteskrivelse” är publicerad.')).toBeInTheDocument();
    expect(moten.publicera).toHaveBeenCalledWith(expect.objectContaining({ rubrik: 'Budget tjänsteskrivelse' }), moten.dagordning);
    await waitFor(() => expect(moten.hamtaMoteAnrop).toBe(anrop + 1));
  });

  it('publicerar alla som får publiceras och sammanfattar vad som blev kvar', async () => {
    const moten = sekreterare();
    visa({ moten });
    await oppnaKs();
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Publicera alla som får publiceras' }));
    expect(await screen.findByText(/1 handlingar publicerades\. 2 får inte publiceras ännu/)).toBeInTheDocument();
    expect(screen.getByText('Yttrande om enskild: Handlingar som omfattas av sekretess publiceras aldrig.')).toBeInTheDocument();
  });

  it('kräver OSL-hänvisning när en handling laddas upp som sekretess', async () => {
    const moten = sekreterare();
    visa({ moten });
    await oppnaKs();
    fireEvent.click(screen.getByRole('button', { name: 'Ladda upp handling till punkt 2' }));
    const form = screen.getByRole('region', { name: 'Ladda upp handling' });
    expect(within(form).queryByLabelText(/Sekretess enligt OSL/)).toBeNull();
    const fil = new File(['%PDF-1.7 innehåll'], 'Yttrande.pdf', { type: 'application/pdf' });
    fireEvent.change(within(form).getByLabelText(/^Fil/), { target: { files: [fil] } });
    fireEvent.click(within(form).getByRole('radio', { name: 'Sekretess' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Ladda upp' }));
    expect(await within(form).findByText('Sekretess kräver en hänvisning till offentlighets- och sekretesslagen, till exempel 26 kap. 1 § OSL.')).toBeInTheDocument();
    expect(moten.laddaUpp).not.toHaveBeenCalled();
    fireEvent.change(within(form).getByLabelText(/Sekretess enligt OSL/), { target: { value: 'sekretess' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ladda upp' }));
    expect(await within(form).findByText('Ange kapitel och paragraf, till exempel 26 kap. 1 § OSL.')).toBeInTheDocument();
    fireEvent.change(within(form).getByLabelText(/Sekretess enligt OSL/), { target: { value: '26 kap. 1 § OSL' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ladda upp' }));
    await waitFor(() => expect(moten.laddaUpp).toHaveBeenCalled());
    expect(moten.laddaUpp.mock.calls[0][0]).toEqual(expect.objectContaining({
      sammantradeId: 7, punkt: 2, rubrik: 'Yttrande', dokumenttyp: 'Handling', klassificering: 'Sekretess', oslHanvisning: '26 kap. 1 § OSL',
      fil: expect.objectContaining({ namn: 'Yttrande.pdf' })
    }));
    expect(await screen.findByText('”Yttrande” är uppladdad. Den är inte publicerad förrän du publicerar den.')).toBeInTheDocument();
  });

  it('behåller beslutstexten när någon annan hann spara före och läser om punkten', async () => {
    const moten = sekreterare();
    moten.registreraBeslut.mockImplementationOnce(async () => {
      moten.dagordning = moten.dagordning.map((p) => (p.id === 21 ? { ...p, beslut: 'Återremiss.', beslutsdatum: '2026-11-16', etag: '"9"' } : p));
      throw new DataFel('konflikt', 412);
    });
    visa({ moten });
    await oppnaKs();
    fireEvent.click(screen.getByRole('button', { name: 'Registrera beslut för punkt 2' }));
    const form = screen.getByRole('region', { name: 'Beslut i § 2 Detaljplan Gistgården' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Beslut' }), { target: { value: 'Antar detaljplanen.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Spara beslutet' }));
    expect(await within(form).findByText(/Någon annan sparade beslutet ”Återremiss\.” för punkten medan du skrev/)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Beslut' })).toHaveValue('Antar detaljplanen.');
    fireEvent.click(within(form).getByRole('button', { name: 'Spara beslutet' }));
    await waitFor(() => expect(moten.registreraBeslut).toHaveBeenCalledTimes(2));
    // The second save carries the newer ETag that the reload brought.
    expect(moten.registreraBeslut.mock.calls[1][0]).toEqual(expect.objectContaining({ id: 21, etag: '"9"' }));
    expect(moten.registreraBeslut.mock.calls[1][1]).toEqual({ beslut: 'Antar detaljplanen.', datum: '2026-11-16' });
  });

  it('säger vid start vilka tillkännagivanden som anslogs för protokoll som ledamöter justerat', async () => {
    const justering = falskJustering(annanLedamot);
    justering.tillkannageJusterade.mockResolvedValueOnce([tillkannagivande]);
    visa({ moten: sekreterare(), justering });
    expect(await screen.findByText(/Tillkännagivanden anslogs nu för 1 justerade protokoll/)).toBeInTheDocument();
    expect(screen.getByText('Kommunstyrelsen, sammanträdet 2026-11-16: anslaget 2026-11-27, sista dag för överklagande 2026-12-18')).toBeInTheDocument();
    expect(justering.tillkannageJusterade).toHaveBeenCalledWith(IDAG);
  });

  it('validerar ett nytt sammanträde på svenska', async () => {
    const moten = sekreterare();
    visa({ moten });
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Nytt sammanträde' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Skapa sammanträdet' }));
    expect(await screen.findByText('Välj vilket organ som sammanträder.')).toBeInTheDocument();
    expect(screen.getByText('Ange sammanträdets datum.')).toBeInTheDocument();
    expect(screen.getByText('Ange var sammanträdet hålls.')).toBeInTheDocument();
    expect(moten.skapaSammantrade).not.toHaveBeenCalled();
  });
});

describe('tillgänglighet', () => {
  it('mötesvyn med sekreterarens formulär och justeringen har inga axe-fel', async () => {
    visa({ moten: new FalskaMoten({ kanRedigera: true, kanLasaSekretess: true }), justering: falskJustering(justerare) });
    await oppnaKs();
    await screen.findByRole('button', { name: 'Godkänn protokollet' });
    fireEvent.click(screen.getByRole('button', { name: 'Ladda upp handling till punkt 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Registrera beslut för punkt 2' }));
    // jsdom cannot compute colours; the browser tests check contrast in every theme.
    const resultat = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(resultat.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`)).toEqual([]);
  });
});

describe('justeringen', () => {
  it('låter en ledamot som inte är utsedd se läget men inte godkänna', async () => {
    const justering = falskJustering(annanLedamot);
    visa({ justering });
    await oppnaKs();
    expect(await screen.findByText('Väntar på godkännande av: Bo Justerare')).toBeInTheDocument();
    expect(screen.getByText(/Anna Ordförande \(ordförande\) godkände 2026-11-20 11:00/)).toBeInTheDocument();
    await waitFor(() => expect(justering.aktuellPerson).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Godkänn protokollet' })).toBeNull();
    expect(justering.tillkannageJusterade).not.toHaveBeenCalled();
  });

  it('låter justeraren godkänna efter att ha bekräftat, och visar tillkännagivandet när protokollet blir justerat', async () => {
    const justering = falskJustering(justerare);
    visa({ justering });
    await oppnaKs();
    fireEvent.click(await screen.findByRole('button', { name: 'Godkänn protokollet' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('Microsoft 365-identitet (bo@kommun.se)');
    expect(dialog).toHaveTextContent('som justerare');
    expect(justering.godkann).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Godkänn' }));
    await waitFor(() => expect(justering.godkann).toHaveBeenCalledWith(expect.objectContaining({ id: 3 }), ks, IDAG));
    expect(await screen.findByText('Protokollet är nu justerat. Tillkännagivandet är anslaget på anslagstavlan:')).toBeInTheDocument();
    const kort = await screen.findByRole('article', { name: tillkannagivande.rubrik });
    expect(kort).toHaveTextContent('Sista dag för överklagande (laglighetsprövning)2026-12-18');
    expect(kort).toHaveTextContent('Protokollets förvaringsplatsKommunkansliet');
  });

  it('läser protokollet från justeringstjänsten när mötet kommer utan det, och säger när alla har godkänt men inget är anslaget än', async () => {
    // MotesTjanst.hamtaMote does not read the Protokoll library: the view asks the justering service.
    const moten = new FalskaMoten();
    moten.protokoll = undefined;
    const justering = falskJustering(justerare);
    const allaGodkant: IProtokollVy = {
      ...protokoll, allaHarGodkant: true, godkandDatum: IDAG, tillkannagesSenast: '2026-11-29',
      justering: { ...protokoll.justering, godkannanden: [...protokoll.justering.godkannanden,
        { personId: justerare.id, namn: justerare.namn, epost: justerare.epost, roll: 'Justerare', tid: '2026-11-27T09:15:00Z', metod: 'Microsoft 365-inloggning' }] }
    };
    // A ledamot's approval completes nothing: still Under justering, no anslag (the nämndsekreterare's portal posts it).
    // (The fake's own answer is typed as Justerat; this one is not.)
    (justering.godkann as jest.Mock).mockResolvedValueOnce({ protokoll: allaGodkant });
    visa({ moten, justering });
    await oppnaKs();
    expect(await screen.findByText('Väntar på godkännande av: Bo Justerare')).toBeInTheDocument();
    expect(justering.hamtaProtokoll).toHaveBeenCalledWith(7, '2026-11-16', IDAG);
    justering.hamtaProtokoll.mockResolvedValue(allaGodkant);
    fireEvent.click(await screen.findByRole('button', { name: 'Godkänn protokollet' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Godkänn' }));
    expect(await screen.findByText('Protokollet är nu justerat. Nämndsekreteraren anslår tillkännagivandet på anslagstavlan.')).toBeInTheDocument();
    expect(await screen.findByText('Status: godkänt av alla, tillkännagivandet är inte anslaget än')).toBeInTheDocument();
    expect(screen.getByText('Alla har godkänt protokollet (2026-11-27). Nämndsekreteraren anslår tillkännagivandet på anslagstavlan senast 2026-11-29.')).toBeInTheDocument();
    expect(screen.queryByText(/^Väntar på godkännande av/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Godkänn protokollet' })).toBeNull();
  });

  it('säger varför när tjänsten vägrar godkännandet', async () => {
    const justering = falskJustering(justerare);
    justering.godkann.mockRejectedValueOnce(new JusteringsFel('RedanGodkant'));
    visa({ justering });
    await oppnaKs();
    fireEvent.click(await screen.findByRole('button', { name: 'Godkänn protokollet' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Godkänn' }));
    expect(await screen.findByText('Du har redan godkänt protokollet.')).toBeInTheDocument();
  });
});

describe('senaste besök och länkar', () => {
  it('minns besöket per sammanträde i webbläsarens lagring och tål skräp och full lagring', () => {
    const data = new Map<string, string>();
    const lagring = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => { data.set(k, v); } };
    const besok = lokaltBesokslager(lagring);
    expect(besok.hamta(7)).toBeUndefined();
    besok.spara(7, '2026-11-27T10:00:00.000Z');
    besok.spara(8, '2026-11-28T10:00:00.000Z');
    expect(lokaltBesokslager(lagring).hamta(7)).toBe('2026-11-27T10:00:00.000Z');
    data.set('arendeportalen.motesportal.besok', '{trasig');
    expect(besok.hamta(7)).toBeUndefined();
    const full = lokaltBesokslager({ getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } });
    expect(() => full.spara(7, '2026-11-27T10:00:00.000Z')).not.toThrow();
  });

  it('öppnar sammanträdet från ?sammantrade= eller Teams undersida', () => {
    expect(sammantradeFranLank(undefined, '?sammantrade=7')).toBe(7);
    expect(sammantradeFranLank('12', '')).toBe(12);
    expect(sammantradeFranLank(undefined, '?sammantrade=abc')).toBeUndefined();
    expect(sidLank('https://kommun.sharepoint.com/sites/moten/SitePages/Moten.aspx', 7)).toBe('https://kommun.sharepoint.com/sites/moten/SitePages/Moten.aspx?sammantrade=7');
  });
});
