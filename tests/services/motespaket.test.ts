/** The meeting package as a ledamot unpacks it on a tablet: names, folders, the index, and a file that could not be fetched. */
import JSZip from 'jszip';
import * as common from 'CommonStrings';
import { IArendepunkt, IHandling, IMotesVy } from '../../src/data/moten/typer';
import { sakertNamn, skapaMotespaket } from '../../src/data/moten/motespaket';
import { Dokumenttyp, Klassificering } from '../../src/domain/publicering';

let nastaId = 1;
function handling(rubrik: string, filnamn: string, dokumenttyp: Dokumenttyp, klassificering: Klassificering, punkt?: number, oslHanvisning?: string): IHandling {
  const id = nastaId++;
  return {
    id, bibliotek: klassificering === 'Sekretess' ? 'Sekretess' : 'Handlingar', sammantradeId: 41, punkt, rubrik, filnamn,
    filUrl: `/sites/moten/${klassificering === 'Sekretess' ? 'Sekretess' : 'Handlingar'}/${id}-${filnamn}`,
    dokumenttyp, klassificering, oslHanvisning, publicerad: klassificering === 'Offentlig', andrad: '2026-11-20T08:00:00Z',
    publiceringslage: klassificering === 'Sekretess' ? 'Aldrig' : 'KanPubliceras'
  };
}
const punkt = (nr: number, rubrik: string): IArendepunkt => ({ id: 100 + nr, sammantradeId: 41, punkt: nr, rubrik });

/** Colon, quotes and question mark are not allowed in Windows names. */
const MOTION = "02 Svar på motion - 'Solceller'";
const LANG = `Detaljplan för ${'kvarteret Kajen och angränsande fastigheter '.repeat(5)}`;
const handlingar = [
  handling('Förslag till beslut', 'forslag.pdf', 'Handling', 'Offentlig', 2),
  handling('Tjänsteskrivelse', 'ts-budget.pdf', 'Handling', 'Offentlig', 1),
  handling('Föredragningslista', 'fl.pdf', 'Föredragningslista', 'Offentlig'),
  handling('Utredning', 'utredning.pdf', 'Handling', 'Sekretess', 3, '26 kap. 1 § OSL'),
  handling('Kallelse', 'kallelse.pdf', 'Kallelse', 'Offentlig'),
  handling('Tjänsteskrivelse', 'ts-budget-rev.PDF', 'Handling', 'Arbetsmaterial', 1),
  handling('Bilaga: "Kostnader" 2027/2028', 'bilaga.xlsx', 'Bilaga', 'Arbetsmaterial', 1),
  handling('Informationsbroschyr', 'broschyr.pdf', 'Bilaga', 'Offentlig'),
  handling(LANG, 'plan.pdf', 'Handling', 'Offentlig', 4),
  handling('', 'aux.docx', 'Handling', 'Offentlig', 4),
  // Typed on a Mac: "ö" as o + combining diaeresis.
  handling('Yttrande fra\u030an o\u0308verfo\u0308rmyndaren', 'yttrande.pdf', 'Bilaga', 'Offentlig', 3)
];
const vy: IMotesVy = {
  sammantrade: {
    id: 41, rubrik: 'Socialnämnden 2026-11-27', organ: 'Socialnämnden', datum: '2026-11-27', start: '2026-11-27T12:00:00Z',
    plats: 'Sammanträdesrum Ådalen', status: 'Kallat'
  },
  dagordning: [punkt(10, 'Val av ersättare'), punkt(2, 'Svar på motion: "Solceller?"'), punkt(1, 'Budget 2027'), punkt(3, 'Individärende')],
  handlingar
};

/** A file per URL; anything else is a bug in the builder. */
function filer(misslyckas: string[] = []): { hamtaFil: (url: string) => Promise<ArrayBuffer>; samtidigaMax: () => number } {
  let igang = 0;
  let max = 0;
  const kanda = new Map(handlingar.map((h) => [h.filUrl, h]));
  return {
    samtidigaMax: () => max,
    hamtaFil: async (url) => {
      igang++;
      max = Math.max(max, igang);
      try {
        await new Promise((r) => setTimeout(r, 5));
        const h = kanda.get(url);
        if (!h) throw new Error(`Okänd fil: ${url}`);
        if (misslyckas.includes(url)) throw new TypeError('fetch failed');
        return new TextEncoder().encode(`innehåll i ${h.filnamn}`).buffer;
      } finally {
        igang--;
      }
    }
  };
}

async function oppna(data: Uint8Array): Promise<{ zip: JSZip; filer: string[]; index: string }> {
  const zip = await JSZip.loadAsync(data);
  const filnamn = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
  const index = await zip.file('innehall.txt')!.async('string');
  return { zip, filer: filnamn, index };
}

describe('mötespaketet', () => {
  it('lägger kallelse och föredragningslista överst, en mapp per ärendepunkt i ordning och märker sekretess', async () => {
    const { hamtaFil, samtidigaMax } = filer();
    const paket = await skapaMotespaket(vy, hamtaFil, common);
    expect(paket.saknade).toEqual([]);
    expect(paket.antal).toBe(handlingar.length);
    expect(paket.filnamn).toBe('Socialnämnden 2026-11-27.zip');
    const { zip, filer: namn, index } = await oppna(paket.data);

    const rot = namn.filter((n) => !n.includes('/')).sort();
    expect(rot).toEqual(['Föredragningslista.pdf', 'innehall.txt', 'Kallelse.pdf'].sort());
    const mappar = Object.values(zip.files).filter((f) => f.dir).map((f) => f.name).sort();
    // Zero-padded, so every file manager lists them in punkt order; an item with no documents still has its folder.
    expect(mappar).toEqual(['01 Budget 2027/', `${MOTION}/`, '03 Individärende/', '04 Punkt 4/', '10 Val av ersättare/', 'Övriga handlingar/']);
    expect(namn).toEqual(expect.arrayContaining([
      '01 Budget 2027/Tjänsteskrivelse.pdf',
      '01 Budget 2027/Tjänsteskrivelse (2).pdf',
      "01 Budget 2027/Bilaga - 'Kostnader' 2027-2028.xlsx",
      `${MOTION}/Förslag till beslut.pdf`,
      '03 Individärende/SEKRETESS – Utredning.pdf',
      '03 Individärende/Yttrande från överförmyndaren.pdf',
      '04 Punkt 4/aux_.docx',
      'Övriga handlingar/Informationsbroschyr.pdf'
    ]));
    const lang = namn.find((n) => n.startsWith('04 Punkt 4/Detaljplan'))!;
    expect(Array.from(lang.split('/')[1]).length).toBeLessThanOrEqual(100);
    expect(lang).toMatch(/\.pdf$/);
    for (const n of namn) {
      for (const del of n.split('/')) {
        expect(del).not.toMatch(/[<>:"\\|?*\u0000-\u001f]|[. ]$|^\./);
        expect(del).toBe(del.normalize('NFC'));
      }
    }
    expect(await zip.file('03 Individärende/SEKRETESS – Utredning.pdf')!.async('string')).toBe('innehåll i utredning.pdf');

    expect(index.startsWith('\ufeff')).toBe(true);
    const rader = index.replace(/^\ufeff/, '').split('\r\n');
    expect(rader.slice(0, 4)).toEqual([
      'Mötespaket: Socialnämnden 2026-11-27', 'Organ: Socialnämnden', 'Datum: 2026-11-27 kl. 13:00', 'Plats: Sammanträdesrum Ådalen'
    ]);
    expect(index).toContain('Handlingar märkta SEKRETESS omfattas av sekretess');
    expect(rader).toContain('  03 Individärende/SEKRETESS – Utredning.pdf – Sekretess (26 kap. 1 § OSL)');
    expect(rader).toContain('  01 Budget 2027/Tjänsteskrivelse (2).pdf – Arbetsmaterial');
    expect(rader).toContain('  Kallelse.pdf – Offentlig');
    const rubriker = rader.filter((r) => /^\d\d .*\/$/.test(r));
    expect(rubriker).toEqual(['01 Budget 2027/', `${MOTION}/`, '03 Individärende/', '04 Punkt 4/', '10 Val av ersättare/']);
    expect(rader[rader.indexOf('10 Val av ersättare/') + 1]).toBe('  Inga handlingar.');
    // Never more than four downloads at once, but it does use them.
    expect(samtidigaMax()).toBe(4);
  });

  it('listar en fil som inte gick att hämta som saknad i stället för att misslyckas', async () => {
    const trasig = handlingar.find((h) => h.rubrik === 'Förslag till beslut')!;
    const paket = await skapaMotespaket(vy, filer([trasig.filUrl]).hamtaFil, common);
    expect(paket.antal).toBe(handlingar.length - 1);
    expect(paket.saknade).toEqual([expect.objectContaining({
      rubrik: 'Förslag till beslut', handling: trasig, sokvag: `${MOTION}/Förslag till beslut.pdf`
    })]);
    const { filer: namn, index } = await oppna(paket.data);
    expect(namn).not.toContain(`${MOTION}/Förslag till beslut.pdf`);
    expect(index).toContain(`1 av ${handlingar.length} handlingar kunde inte hämtas och saknas i paketet.`);
    expect(index).toContain(`  SAKNAS – kunde inte hämtas: ${MOTION}/Förslag till beslut.pdf – Offentlig`);
  });

  it('tar med protokollet och följer gränssnittets språk i innehållsförteckningen', async () => {
    const engelska = { ...common, MotespaketIndexfil: 'contents.txt', MotespaketRubrik: 'Meeting package: {0}', MotespaketKlassOffentlig: 'Public' };
    const kort: IMotesVy = {
      ...vy,
      handlingar: handlingar.slice(0, 1),
      protokoll: {
        id: 9, rubrik: 'Protokoll Socialnämnden 2026-11-27', filnamn: 'protokoll.pdf', filUrl: handlingar[1].filUrl,
        justering: { status: 'Justerat', motesdag: '2026-11-27', justerare: [], godkannanden: [], justeratDatum: '2026-12-02' },
        justerasSenast: '2026-12-11', fristlage: 'Justerat', forvaringsplats: 'Kommunkansliet', olasbaraLoggrader: 0,
        allaHarGodkant: true, obehorigaGodkannanden: 0, forsentTillkannagivet: false
      }
    };
    const paket = await skapaMotespaket(kort, filer().hamtaFil, engelska);
    const zip = await JSZip.loadAsync(paket.data);
    expect(zip.file('innehall.txt')).toBeNull();
    const index = await zip.file('contents.txt')!.async('string');
    expect(index).toContain('Meeting package: Socialnämnden 2026-11-27');
    expect(index).toContain(`${MOTION}/Förslag till beslut.pdf – Public`);
    expect(zip.file('Protokoll Socialnämnden 2026-11-27.pdf')).not.toBeNull();
  });
});

describe('säkra filnamn', () => {
  it('klarar Windows reserverade namn, tecken och längd och behåller filtillägget', () => {
    expect(sakertNamn('CON.pdf')).toBe('CON_.pdf');
    expect(sakertNamn('lpt1')).toBe('lpt1_');
    expect(sakertNamn('  .dold fil. ')).toBe('dold fil');
    expect(sakertNamn('a/b\\c:d*e?f"g<h>i|j.txt')).toBe("a-b-c - def'ghi - j.txt");
    expect(sakertNamn('...')).toBe('dokument');
    const lang = sakertNamn(`${'å'.repeat(150)}.docx`);
    expect(lang).toBe(`${'å'.repeat(95)}.docx`);
    expect(Array.from(sakertNamn(`${'😀'.repeat(120)}.pdf`)).length).toBe(100);
  });
});
