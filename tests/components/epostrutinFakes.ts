/** Fakes of the e-mail routine's service for component tests: anything not given fails loudly. */
import { EpostMapp, IAvbrutenKorning, IEpostrutinTjanst, IHanteringsresultat, IMappOversikt, IMeddelandeRad, IMeddelandeSida } from '../../src/data/epost/typer';
import { BEHALLEN_KATEGORI, IAtgardsval } from '../../src/domain/epostrutin';
import { IAvfardadLager } from '../../src/webparts/epostrutin/components/avfardad';

const ovantat = (namn: string) => (): Promise<never> => Promise.reject(new Error(`oväntat anrop: ${namn}`));

export const MAPPAR: IMappOversikt = {
  inkorg: { mapp: 'inkorg', totalt: 14, olasta: 3, behallna: 2 },
  skickat: { mapp: 'skickat', totalt: 6, olasta: 0, behallna: 0 },
  borttaget: { mapp: 'borttaget', totalt: 2, olasta: 0, behallna: 0 }
};

/** All folders empty: nothing to nudge about. */
export const TOMMA: IMappOversikt = {
  inkorg: { mapp: 'inkorg', totalt: 0, olasta: 0, behallna: 0 },
  skickat: { mapp: 'skickat', totalt: 0, olasta: 0, behallna: 0 },
  borttaget: { mapp: 'borttaget', totalt: 0, olasta: 0, behallna: 0 }
};

export const mejl = (id: string, over: Partial<IMeddelandeRad> = {}): IMeddelandeRad => ({
  id, mottaget: '2026-11-26T08:15:00Z', fran: { namn: 'Karin Lund', adress: 'karin.lund@kramfors.se' },
  till: [{ namn: 'Åsa Ledamot', adress: 'asa.ledamot@pol.kramfors.se' }], amne: `Ärende ${id}`, forhandsvisning: 'Hej!', last: true,
  mapp: 'inkorg', konversation: `konv-${id}`, kategorier: [], ...over
});

export const INKORG: IMeddelandeRad[] = [
  mejl('a', { amne: 'Medborgarförslag om hundrastgård i Bergsjö', fran: { namn: 'Karl Lindqvist', adress: 'karl@epost.example' }, last: false,
    mottaget: '2026-11-26T20:40:00Z', forhandsvisning: 'Hej! Jag föreslår att kommunen bygger en hundrastgård.' }),
  mejl('b', { amne: 'Remiss: trafikstrategi 2030', forhandsvisning: 'Remissen gäller trafikstrategin.' }),
  mejl('c', { amne: 'Middag på lördag', fran: undefined, kategorier: [BEHALLEN_KATEGORI], forhandsvisning: 'Ses vi?' })
];

export const SKICKAT: IMeddelandeRad[] = [
  mejl('s1', { mapp: 'skickat', amne: 'Svar: remiss', fran: { namn: 'Åsa Ledamot', adress: 'asa.ledamot@pol.kramfors.se' },
    till: [{ namn: 'Karin Lund', adress: 'karin.lund@kramfors.se' }] })
];

/** A page of the given folder, as the service pages it. */
export function sidaAv(mejlen: Record<EpostMapp, IMeddelandeRad[]>, totalt?: Partial<Record<EpostMapp, number>>) {
  return async (mapp: EpostMapp, sida = 0, storlek = 25): Promise<IMeddelandeSida> => {
    const alla = mejlen[mapp];
    const antal = totalt?.[mapp] ?? alla.length;
    return { meddelanden: alla.slice(sida * storlek, (sida + 1) * storlek), totalt: antal, sida, storlek, harFler: (sida + 1) * storlek < antal };
  };
}

export function rutinFake(over: Partial<IEpostrutinTjanst> = {}): IEpostrutinTjanst {
  return {
    hamtaMappar: jest.fn(async () => MAPPAR),
    hamtaMeddelanden: jest.fn(sidaAv({ inkorg: INKORG, skickat: SKICKAT, borttaget: [] })),
    hantera: jest.fn(ovantat('hantera')),
    hamtaAvbrutna: jest.fn(async (): Promise<IAvbrutenKorning[]> => []),
    slutforAvbrutna: jest.fn(ovantat('slutforAvbrutna')),
    hamtaLogg: jest.fn(ovantat('hamtaLogg')),
    hamtaPaminnelse: jest.fn(async () => undefined),
    stallInPaminnelse: jest.fn(ovantat('stallInPaminnelse')),
    ...over
  };
}

/** Every mail of a run done, as the service answers when nothing failed. */
export const allaKlara = async (meddelanden: readonly IMeddelandeRad[], val: IAtgardsval): Promise<IHanteringsresultat[]> =>
  meddelanden.map((meddelande) => ({ meddelande, atgard: val.atgard, gjorda: [], klar: true }));

/** The nudge's "not today" in memory. */
export function minnesLager(dag?: string): IAvfardadLager & { dag?: string } {
  const lager: IAvfardadLager & { dag?: string } = {
    dag,
    hamta: () => lager.dag,
    spara: (d) => { lager.dag = d; }
  };
  return lager;
}

/** A promise the test settles when it wants to, to look at a run while it runs. */
export function uppskjuten<T>(): { promise: Promise<T>; losa: (v: T) => void } {
  let losa!: (v: T) => void;
  const promise = new Promise<T>((r) => { losa = r; });
  return { promise, losa };
}
