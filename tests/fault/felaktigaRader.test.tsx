/**
 * @jest-environment ./tests/fault/stod/jsdomMedFetch.js
 */
/**
 * Fault injection 4 (issue 8): 50 malformed rows written straight into the Uppdrag list (as a hand
 * edit, a flow or a broken import leaves them): missing fields, wrong types, HTML and <script> in
 * text, 100 kB of text, unknown choice values, unreadable dates. The Ärendebalanslista's root is
 * rendered in jsdom with the real UppdragTjanst against the emulator over loopback HTTP, as a ledamot.
 * What a reader notices: every view opens, no script runs, nothing turns into markup, no row just
 * vanishes (it is listed, or pointed out as a row the part cannot show), no "NaN" or "Invalid Date".
 */
import '../support/setupComponents';
import * as React from 'react';
import { List } from '@fluentui/react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser } from '@pnp/sp';
import fc from 'fast-check';
import { Emulator } from '../../emulator/core';
import { forstaMedRoll } from '../../emulator/demo/anvandare';
import { IObjekt } from '../../emulator/sharepoint/lager';
import { uppdragLageFranListvy } from '../../src/data/listvyrad';
import { skapaSp } from '../../src/data/pnp';
import { IRedovisningTjanst } from '../../src/data/redovisning/RedovisningTjanst';
import { IUppdragLasning, UppdragTjanst } from '../../src/data/uppdrag/UppdragTjanst';
import { StatusCell } from '../../src/extensions/uppdragStatus/components/StatusCell';
import { statusFranVal, UppdragFalt as F, UppdragLista } from '../../src/schema/uppdrag';
import { PartRoot } from '../../src/ui/PartRoot';
import { ArendebalansApp } from '../../src/webparts/arendebalans/components/ArendebalansApp';
import { UppdragDetalj } from '../../src/webparts/arendebalans/components/detalj/UppdragDetalj';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';
import { figurer } from './stod/siffror';

jest.setTimeout(120_000);

const SITE = '/sites/arendeportalen';
const IDAG = '2026-11-27';
const ANTAL = 50;
const FRO = 4_2026;
const LANGE = { timeout: 20_000 };

const siffror = figurer('felaktiga-rader', '50 felaktiga rader i listan Uppdrag');

// ---- the malformed rows ------------------------------------------------------------------------

/** Every payload tries to set window.__xss; none may. */
const SKRIPT = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 1">',
  '<svg onload="window.__xss = 1"><circle r="1"/></svg>',
  '<a href="javascript:window.__xss = 1">öppna</a>',
  '"><iframe srcdoc="<script>parent.__xss = 1</script>"></iframe>',
  "{{constructor.constructor('window.__xss = 1')()}}",
  '<style>body { display: none }</style><b onmouseover="window.__xss = 1">fet</b>'
];
const STOR_TEXT = `Lång text ${'å'.repeat(100 * 1024)}`;
const KONSTIGA_TEXTER: unknown[] = [
  null, '', '   ', 42, true, { Title: 'objekt' }, ['en', 'lista'], STOR_TEXT,
  'Rätt\u202eväntvänd\u202c text', 'Noll\u0000tecken', 'Nolla\u200b\u200bbredd', '🏛️ Kommunhuset',
  ...SKRIPT
];
const KONSTIGA_VAL: Record<string, unknown[]> = {
  [F.Status]: [null, '', 'Klar', 'pågår', 'Pågår ', 'PÅGÅR', 5, ['Pågår'], { Value: 'Pågår' }, 'Verkställt; Pågår', SKRIPT[0], SKRIPT[1]],
  [F.Beslutsinstans]: [null, 'KF2', 7, '', SKRIPT[1], 'Kommunstyrelsen (KS)'],
  [F.OrsakKod]: ['Okänd orsak', 3, SKRIPT[2], ''],
  [F.VarIHanteringen]: KONSTIGA_TEXTER,
  [F.Kommentar]: KONSTIGA_TEXTER
};
const KONSTIGA_DATUM: unknown[] = [
  'igår', '2025-02-30T00:00:00Z', '2025-13-01T00:00:00Z', '0000-00-00T00:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z', '1899-12-30T00:00:00Z', '', null, 20250101, { datum: '2025-01-01' }, 'Mon, 01 Jan 2024 00:00:00 GMT'
];
const DATUMFALT = [F.Beslutsdatum, F.PlaneratKlart, F.ForstPlaneratKlart, F.AterrapporteraSenast] as const;
const TEXTFALT = [F.Rubrik, F.Uppdragstext, F.Paragraf, F.Diarienummer, F.Forvaltning, F.OrsakText, F.TextForPolitiker] as const;

interface IFelaktigRad {
  varden: Record<string, unknown>;
  /** Modified as the store keeps it, when that is broken too. */
  andrad?: string;
  beskrivning: string;
}

/** A row that is right in every field but the ones a case breaks. */
function bas(n: number): Record<string, unknown> {
  return {
    [F.Rubrik]: `Felaktig rad ${n}`, [F.Uppdragstext]: 'Utred och återrapportera.', [F.Beslutsinstans]: 'KS',
    [F.Beslutsdatum]: '2025-03-16T23:00:00Z', [F.Paragraf]: `§ ${n}`, [F.Forvaltning]: 'Kommunledningskontoret',
    [F.Status]: 'Pågår', [F.PlaneratKlart]: '2027-06-29T22:00:00Z'
  };
}

/** Hand-picked cases first (the worst of each kind), then fast-check's (fixed seed) up to 50. */
function felaktigaRader(): IFelaktigRad[] {
  const handplockade: IFelaktigRad[] = [
    { beskrivning: 'inga fält alls', varden: {} },
    { beskrivning: 'bara en rubrik', varden: { [F.Rubrik]: 'Bara rubrik' } },
    { beskrivning: 'status saknas', varden: { ...bas(3), [F.Status]: null } },
    { beskrivning: 'okänd status', varden: { ...bas(4), [F.Status]: 'Klar' } },
    { beskrivning: 'status med skript', varden: { ...bas(5), [F.Status]: SKRIPT[1] } },
    { beskrivning: 'rubrik som tal', varden: { ...bas(6), [F.Rubrik]: 42 } },
    { beskrivning: 'rubrik som objekt', varden: { ...bas(7), [F.Rubrik]: { text: 'objekt' } } },
    { beskrivning: 'rubrik 100 kB', varden: { ...bas(8), [F.Rubrik]: STOR_TEXT } },
    { beskrivning: 'uppdragstext 100 kB', varden: { ...bas(9), [F.Uppdragstext]: STOR_TEXT, [F.VarIHanteringen]: STOR_TEXT } },
    ...SKRIPT.map((s, i) => ({ beskrivning: `skript i rubriken (${i + 1})`, varden: { ...bas(10 + i), [F.Rubrik]: s, [F.Kommentar]: s, [F.TextForPolitiker]: s } })),
    { beskrivning: 'förvaltning med skript', varden: { ...bas(17), [F.Forvaltning]: SKRIPT[0], [F.Diarienummer]: SKRIPT[3] } },
    { beskrivning: 'handläggare som inte finns', varden: { ...bas(18), [`${F.Handlaggare}Id`]: 99999, [F.Handlaggare]: 99999 } },
    { beskrivning: 'planerat datum som text', varden: { ...bas(19), [F.PlaneratKlart]: 'nästa vecka' } },
    { beskrivning: 'planerat 30 februari', varden: { ...bas(20), [F.PlaneratKlart]: '2025-02-30T00:00:00Z' } },
    { beskrivning: 'planerat år 9999', varden: { ...bas(21), [F.PlaneratKlart]: '9999-12-31T23:59:59Z' } },
    { beskrivning: 'planerat år +275760', varden: { ...bas(22), [F.PlaneratKlart]: '+275760-09-13T00:00:00Z' } },
    { beskrivning: 'planerat år 1', varden: { ...bas(23), [F.PlaneratKlart]: '0001-01-01T00:00:00Z', [F.Beslutsdatum]: '0001-01-01T00:00:00Z' } },
    { beskrivning: 'ändrad som inte är ett datum', varden: bas(24), andrad: 'inte ett datum' },
    { beskrivning: 'beslutsinstans som inte är ett val', varden: { ...bas(25), [F.Beslutsinstans]: 'KF2', [F.OrsakKod]: 'Okänd orsak' } }
  ];
  const genererade = fc.sample(fc.record({
    text: fc.subarray([...TEXTFALT], { minLength: 1, maxLength: 3 }),
    textVarde: fc.constantFrom(...KONSTIGA_TEXTER),
    datum: fc.subarray([...DATUMFALT], { minLength: 0, maxLength: 2 }),
    datumVarde: fc.constantFrom(...KONSTIGA_DATUM),
    val: fc.subarray(Object.keys(KONSTIGA_VAL), { minLength: 0, maxLength: 2 }),
    valIndex: fc.nat(100)
  }), { numRuns: ANTAL - handplockade.length, seed: FRO });
  return [
    ...handplockade,
    ...genererade.map((g, i) => {
      const varden = bas(100 + i);
      for (const f of g.text) varden[f] = g.textVarde;
      for (const f of g.datum) varden[f] = g.datumVarde;
      for (const f of g.val) varden[f] = KONSTIGA_VAL[f][g.valIndex % KONSTIGA_VAL[f].length];
      return { varden, beskrivning: `slumpad: ${[...g.text, ...g.datum, ...g.val].join(', ')}` };
    })
  ];
}

// ---- the part against the emulator -----------------------------------------------------------

let miljo: IEmulatorMiljo;
let objekt: IObjekt[] = [];
let lasning: IUppdragLasning;

const redovisning = new Proxy({}, { get: () => async () => [] }) as IRedovisningTjanst;
const tjanst = (): UppdragTjanst =>
  new UppdragTjanst(skapaSp(miljo.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(forstaMedRoll('ledamot')!.email) })), SITE);

beforeAll(async () => {
  // jsdom has no layout, so Fluent's List would draw only its first page of ten rows: here it draws
  // every row, so each malformed row is rendered at least once.
  (List as unknown as { defaultProps: Record<string, unknown> }).defaultProps = { ...List.defaultProps, onShouldVirtualize: () => false };
  miljo = await startaEmulator({}, true);
  const lista = miljo.lager.listaMedTitel(UppdragLista.title)!;
  objekt = felaktigaRader().map((r) => {
    const o = miljo.lager.skapaObjekt(lista, r.varden, 20, '2026-11-20T08:00:00Z');
    if (r.andrad !== undefined) o.andrad = r.andrad;
    return o;
  });
  lasning = await tjanst().hamtaAlla();
});
afterAll(() => miljo.stang());
afterEach(() => {
  cleanup();
  miljo.emulator.forvantaIngaOkanda();
});

const window_ = window as unknown as { __xss?: unknown };

/** Markup that would run or hide something: script-like elements, event handler attributes, javascript: URLs. */
function farligt(rot: ParentNode): string[] {
  const fynd: string[] = [];
  for (const e of Array.from(rot.querySelectorAll('*'))) {
    const tagg = e.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'style'].includes(tagg) && (e.textContent ?? '').includes('__xss')) fynd.push(`<${tagg}>`);
    if (['img', 'svg', 'a', 'b'].includes(tagg) && e.outerHTML.includes('__xss')) fynd.push(`<${tagg}> från data`);
    for (const a of Array.from(e.attributes)) {
      if (/^on/i.test(a.name)) fynd.push(`${tagg}[${a.name}]`);
      if (/^(href|src|action|formaction)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) fynd.push(`${tagg}[${a.name}=javascript:]`);
    }
  }
  return fynd;
}

/** What a reader would take for a bug: NaN, Invalid Date, undefined, [object Object]. */
const SKRAP = /\bNaN\b|Invalid Date|\bundefined\b|\[object Object\]/;

const visa = (props: Partial<React.ComponentProps<typeof ArendebalansApp>> = {}): ReturnType<typeof render> => render(
  <PartRoot>
    <ArendebalansApp tjanst={tjanst()} redovisningTjanst={redovisning} idag={IDAG} dagarTillInaktuell={30} {...props} />
  </PartRoot>
);

const flikTill = async (namn: string): Promise<void> => {
  const flik = await waitFor(() => {
    const f = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]')).find((t) => t.textContent?.includes(namn));
    if (!f) throw new Error(`Ingen flik ${namn}`);
    return f;
  }, LANGE);
  fireEvent.click(flik);
};

describe('50 felaktiga rader i listan Uppdrag', () => {
  const nya = (): Set<number> => new Set(objekt.map((o) => o.Id));

  it('läser tjänsten alla rader: varje felaktig rad visas eller pekas ut, ingen försvinner', () => {
    const ids = nya();
    const visade = lasning.rader.filter((r) => ids.has(r.uppdrag.id)).map((r) => r.uppdrag.id);
    const utpekade = lasning.felaktiga.filter((r) => ids.has(r.id)).map((r) => r.id);
    const forsvunna = [...ids].filter((id) => !visade.includes(id) && !utpekade.includes(id));
    // The product's notion of a bad row: a status that is not one of the list's choices.
    const felStatus = objekt.filter((o) => !statusFranVal(o.varden[F.Status])).map((o) => o.Id);
    siffror.satt('Felaktiga rader', objekt.length);
    siffror.satt('… visade i listan', visade.length);
    siffror.satt('… av dem utpekade med sina brister (saknade fält, fel typ, oläsbara datum, okända val)',
      lasning.rader.filter((r) => ids.has(r.uppdrag.id) && (r.brister?.length ?? 0) > 0).length);
    siffror.satt('… utpekade som rader som inte kan visas', utpekade.length, { krav: `= ${felStatus.length} (okänd status)` });
    siffror.satt('… som försvann', forsvunna.length, { krav: '= 0' });
    expect(forsvunna).toEqual([]);
    expect(utpekade.sort()).toEqual(felStatus.sort());
  });

  describe('listan, Ändrat sedan och Översikt', () => {
    const skrap: string[] = [];
    const markup: string[] = [];
    let ritade = 0;
    let visadeVyer = 0;

    beforeAll(async () => {
      const { container } = visa();
      const antal = lasning.rader.length;
      await screen.findByText(`${antal} av ${antal} uppdrag`, {}, LANGE);
      await screen.findByText(new RegExp(`^${lasning.felaktiga.length} rader i listan har en status som inte är ett av listans val`), {}, LANGE);
      ritade = container.querySelectorAll('[role="grid"] [data-automationid="DetailsRow"]').length;
      const kolla = (vy: string): void => {
        visadeVyer++;
        const text = container.textContent ?? '';
        const i = text.search(SKRAP);
        if (i >= 0) skrap.push(`${vy}: …${text.slice(Math.max(0, i - 60), i + 20)}…`);
        markup.push(...farligt(container).map((f) => `${vy}: ${f}`));
      };
      kolla('Uppdrag');
      await flikTill('Ändrat sedan');
      await waitFor(() => expect(container.textContent).toMatch(/uppdrag har lagts till eller ändrats sedan|Inga uppdrag har ändrats/), LANGE);
      kolla('Ändrat sedan');
      await flikTill('Översikt');
      await waitFor(() => expect(container.querySelector('table')).not.toBeNull(), LANGE);
      kolla('Översikt');
      siffror.satt('Vyer öppnade (Uppdrag, Ändrat sedan, Översikt)', visadeVyer, { krav: '= 3' });
      siffror.satt('Rader som listan ritade', ritade, { krav: `= ${antal}` });
      siffror.satt('Vyer med NaN, Invalid Date, undefined eller [object Object]', skrap.length, { krav: '= 0' });
      siffror.satt('Skript som kördes', window_.__xss === undefined ? 0 : 1, { krav: '= 0' });
      siffror.satt('Data som blev markup (element, on*-attribut, javascript:)', markup.length, { krav: '= 0' });
    });

    it('öppnas alla tre och ritar varje rad som visas', () => {
      expect(visadeVyer).toBe(3);
      expect(ritade).toBe(lasning.rader.length);
    });

    it('kör inget skript och gör ingen text till markup', () => {
      expect(window_.__xss).toBeUndefined();
      expect(markup).toEqual([]);
    });

    it('visar ingen skräptext (NaN, Invalid Date, undefined, [object Object])', () => {
      expect(skrap).toEqual([]);
    });
  });

  describe('varje felaktig rads detalj (som från listan eller en länk)', () => {
    const skrap: string[] = [];
    const markup: string[] = [];
    const felBesked: string[] = [];
    let oppnade = 0;

    beforeAll(async () => {
      const ids = nya();
      const utpekade = new Set(lasning.felaktiga.filter((r) => ids.has(r.id)).map((r) => r.id));
      const t = tjanst();
      for (const o of objekt) {
        const { unmount } = render(
          <PartRoot>
            <UppdragDetalj tjanst={t} id={o.Id} idag={IDAG} dagarTillInaktuell={30} kanRedigera={false} lank={`https://exempel/?uppdrag=${o.Id}`}
              onStang={() => undefined} onSparat={() => undefined} />
          </PartRoot>);
        const panel = await waitFor(() => {
          const p = document.querySelector<HTMLElement>('.ms-Panel-main');
          if (!p || !/Beslut|Historik|Försök igen/.test(p.textContent ?? '')) throw new Error('ingen detalj');
          // A MessageBar writes its text a moment after it appears (so screen readers announce it).
          const besked = p.querySelector('.ms-MessageBar-innerText');
          if (besked && (besked.textContent ?? '').trim() === '') throw new Error('beskedet är tomt ännu');
          return p;
        }, LANGE);
        oppnade++;
        const text = panel.textContent ?? '';
        if (SKRAP.test(text)) skrap.push(`#${o.Id}: ${text.match(SKRAP)![0]}`);
        // A row that is only being read is not one that "could not be saved".
        if (utpekade.has(o.Id) && /kunde inte sparas/.test(text)) felBesked.push(`#${o.Id} (okänd status): "${text.match(/[^.]*kunde inte sparas[^.]*\./)![0]}"`);
        markup.push(...farligt(document.body).map((f) => `#${o.Id}: ${f}`));
        act(() => unmount());
      }
      siffror.satt('Detaljer öppnade', oppnade, { krav: `= ${ANTAL}` });
      siffror.satt('Detaljer med skräptext', skrap.length, { krav: '= 0' });
      siffror.satt('Detaljer med skript eller markup ur data', markup.length + (window_.__xss === undefined ? 0 : 1), { krav: '= 0' });
      siffror.satt('Utpekade rader vars detalj säger "kunde inte sparas"', felBesked.length, { krav: '= 0' });
    });

    it('öppnas för varje rad, utan skript och utan markup ur data', () => {
      expect(oppnade).toBe(ANTAL);
      expect(window_.__xss).toBeUndefined();
      expect(markup).toEqual([]);
    });

    it('visar ingen skräptext (NaN, Invalid Date, undefined, [object Object])', () => {
      expect(skrap).toEqual([]);
    });

    it('säger inte att en rad som bara läses "inte kunde sparas"', () => {
      expect(felBesked).toEqual([]);
    });
  });

  it('visar statuskolumnen i SharePoints listvy för varje felaktig rad som text, aldrig som kod', () => {
    let ritade = 0;
    for (const o of objekt) {
      // What the list view hands the field customizer: the value, and `Field.` as an ISO instant.
      const hamta = (namn: string): unknown => (namn === 'Modified.' ? o.andrad : namn.endsWith('.') ? o.varden[namn.slice(0, -1)] : o.varden[namn]);
      const { container, unmount } = render(
        <PartRoot><StatusCell lage={uppdragLageFranListvy(hamta)} radText={String(o.varden[F.Status] ?? '')} idag={IDAG} /></PartRoot>);
      expect(farligt(container)).toEqual([]);
      expect(container.textContent).not.toMatch(SKRAP);
      ritade++;
      unmount();
    }
    siffror.satt('Statusceller i SharePoints listvy ritade', ritade, { krav: `= ${ANTAL}` });
    expect(window_.__xss).toBeUndefined();
  });
});
