import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { DataFel, DataFelorsak } from '../../src/data/fel';
import { EpostMapp, IEpostTjanst, IMappOversikt, IMeddelandeRad, IMeddelandeSida } from '../../src/data/epost/typer';
import { PartRoot } from '../../src/ui/PartRoot';
import { EpostrutinApp } from '../../src/webparts/epostrutin/components/EpostrutinApp';

const MAPPAR: IMappOversikt = {
  inkorg: { mapp: 'inkorg', totalt: 132, olasta: 9 },
  skickat: { mapp: 'skickat', totalt: 46, olasta: 0 },
  borttaget: { mapp: 'borttaget', totalt: 38, olasta: 4 }
};

const RADER: IMeddelandeRad[] = [
  {
    id: 'a', mottaget: '2025-03-13T20:40:00Z', fran: { namn: 'Karl Lindqvist', adress: 'karl.lindqvist@epost.example' },
    till: [], amne: 'Medborgarförslag om hundrastgård i Bergsjö', forhandsvisning: 'Hej!', last: false
  },
  {
    id: 'b', mottaget: '2025-03-12T16:22:00Z', fran: { namn: 'Karin Lund', adress: 'karin.lund@kommun.se' },
    till: [], amne: 'Remiss: trafikstrategi 2030', forhandsvisning: 'Hej!', last: true
  },
  { id: 'c', mottaget: '2025-03-11T08:00:00Z', till: [], amne: '', forhandsvisning: '', last: true }
];

/** A fake at the service seam: answers from memory, or fails with the given error. */
class FalskTjanst implements IEpostTjanst {
  public anrop = 0;
  public constructor(private fel?: Error) {}
  public lyckas(): void {
    this.fel = undefined;
  }
  public async hamtaMappar(): Promise<IMappOversikt> {
    this.anrop++;
    if (this.fel) throw this.fel;
    return MAPPAR;
  }
  public async hamtaMeddelanden(mapp: EpostMapp, sida = 0, storlek = 25): Promise<IMeddelandeSida> {
    if (this.fel) throw this.fel;
    return { meddelanden: mapp === 'inkorg' ? RADER.slice(0, storlek) : [], totalt: RADER.length, sida, storlek, harFler: false };
  }
}

function visa(tjanst: IEpostTjanst): ReturnType<typeof render> {
  return render(<PartRoot><EpostrutinApp registratorAdress="registrator@kommun.se" tjanst={tjanst} /></PartRoot>);
}

describe('E-postrutinen med brevlådan', () => {
  it('visar laddning, sedan antalen i Inkorgen, Skickat och Borttaget', async () => {
    visa(new FalskTjanst());
    expect(screen.getByText('Hämtar…')).toBeInTheDocument();
    const rutor = await screen.findByRole('list', { name: 'Antal mejl per mapp' });
    const poster = within(rutor).getAllByRole('listitem');
    expect(poster.map((p) => p.textContent)).toEqual(['132Inkorgen9 olästa', '46Skickat', '38Borttaget4 olästa']);
    expect(screen.queryByText('Hämtar…')).not.toBeInTheDocument();
  });

  it('listar de senaste mejlen i inkorgen med avsändare, ämne och datum i svensk tid', async () => {
    visa(new FalskTjanst());
    const lista = await screen.findByRole('grid', { name: 'De senaste mejlen i inkorgen' });
    expect(within(lista).getByText('Karl Lindqvist')).toBeInTheDocument();
    expect(within(lista).getByText('Medborgarförslag om hundrastgård i Bergsjö')).toBeInTheDocument();
    // 20:40 UTC in March is 21:40 in Sweden.
    expect(within(lista).getByText('2025-03-13 21:40')).toBeInTheDocument();
    expect(within(lista).getByText('(oläst)', { exact: false })).toBeInTheDocument();
    expect(within(lista).getByText('Okänd avsändare')).toBeInTheDocument();
    expect(within(lista).getByText('(Inget ämne)')).toBeInTheDocument();
    expect(screen.getByText('Allmänna handlingar skickas till registrator: registrator@kommun.se')).toBeInTheDocument();
  });

  it('visar ett svenskt felmeddelande när brevlådan inte kan läsas, och försöker igen på begäran', async () => {
    const tjanst = new FalskTjanst(new DataFel('behorighet', 403));
    visa(tjanst);
    const fel = await screen.findByText(/Du saknar behörighet att läsa brevlådan/);
    expect(fel.closest('[role="alert"], .ms-MessageBar')).not.toBeNull();
    expect(screen.queryByRole('list', { name: 'Antal mejl per mapp' })).not.toBeInTheDocument();
    tjanst.lyckas();
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByRole('list', { name: 'Antal mejl per mapp' })).toBeInTheDocument();
    expect(tjanst.anrop).toBe(2);
  });

  it.each<[DataFelorsak, number | undefined, RegExp]>([
    ['inloggning', 401, /^Du är inte inloggad, eller så har inloggningen gått ut/],
    ['strypt', 429, /^Microsoft 365 tar emot för många förfrågningar just nu/],
    ['natverk', undefined, /^Det gick inte att nå/]
  ])('visar det svenska felet för %s med en knapp för att försöka igen', async (orsak, status, text) => {
    visa(new FalskTjanst(new DataFel(orsak, status)));
    const fel = await screen.findByText(text);
    expect(fel.closest('[role="alert"], .ms-MessageBar')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Försök igen' })).toBeInTheDocument();
    expect(screen.queryByText(/Du saknar behörighet att läsa brevlådan/)).not.toBeInTheDocument();
  });

  it('visar ett allmänt svenskt fel för ett oväntat undantag', async () => {
    visa(new FalskTjanst(new Error('boom')));
    expect(await screen.findByText(/^Uppgifterna kunde inte hämtas/)).toBeInTheDocument();
    expect(screen.queryByText('boom')).not.toBeInTheDocument();
  });
});
