/** The KF report as a workbook: a summary sheet, a changes sheet, then one sheet per beslutsinstans. */
import { Workbook, Worksheet } from 'exceljs';
import { IRedovisning, IRedovisningsdiff } from '../../../domain/redovisning';
import { IUppdrag, UPPDRAG_STATUSAR } from '../../../domain/uppdrag';
import { beslut, DOKUMENTRUBRIK, instansNamn, orsak, periodText, radStatus, statusNamn, T } from './texter';

/** Excel allows 31 characters and none of : \ / ? * [ ] in a sheet's name, and no two alike. */
export function bladnamn(namn: string, upptagna: Set<string>): string {
  const bas = (namn.replace(/[:\\/?*[\]]/g, ' ').trim() || 'Blad').slice(0, 31);
  let kandidat = bas;
  for (let i = 2; upptagna.has(kandidat.toLowerCase()); i++) kandidat = `${bas.slice(0, 31 - String(i).length - 1)} ${i}`;
  upptagna.add(kandidat.toLowerCase());
  return kandidat;
}

function rubrikrad(blad: Worksheet, varden: string[]): void {
  const rad = blad.addRow(varden);
  rad.font = { bold: true };
}

function sammanfattningsblad(bok: Workbook, r: IRedovisning, namn: string): void {
  const blad = bok.addWorksheet(namn);
  blad.columns = [{ width: 48 }, { width: 12 }];
  blad.addRow([`${DOKUMENTRUBRIK}, ${r.etikett}`]).font = { bold: true, size: 14 };
  blad.addRow([periodText(r)]);
  blad.addRow([T.Underlag]);
  blad.addRow([]);
  rubrikrad(blad, [T.Sammanfattning, T.Antal]);
  blad.addRow([T.AntalEjVerkstallda, r.sammanfattning.totalt]);
  blad.addRow([T.VaravForsenade, r.sammanfattning.forsenade]);
  blad.addRow([T.VaravForeslasAvskrivas, r.sammanfattning.perStatus.ForeslasAvskrivas]);
  blad.addRow([]);
  rubrikrad(blad, [T.Beslutsinstans, T.Antal]);
  for (const p of r.sammanfattning.perInstans) blad.addRow([instansNamn(p.beslutsinstans), p.antal]);
  blad.addRow([]);
  rubrikrad(blad, [T.Status, T.Antal]);
  for (const st of UPPDRAG_STATUSAR) {
    if (st !== 'Verkstallt') blad.addRow([statusNamn(st), r.sammanfattning.perStatus[st]]);
  }
}

function forandringsblad(bok: Workbook, diff: IRedovisningsdiff | undefined, forraEtikett: string | undefined, namn: string): void {
  const blad = bok.addWorksheet(namn);
  blad.columns = [{ width: 40 }, { width: 14 }, { width: 30 }, { width: 48 }, { width: 28 }, { width: 16 }, { width: 16 }];
  blad.addRow([forraEtikett ? `${T.Forandringar} (${forraEtikett})` : T.Forandringar]).font = { bold: true, size: 14 };
  if (!diff) {
    blad.addRow([T.IngenForra]);
    return;
  }
  rubrikrad(blad, [T.Forandring, T.Beslutsinstans, T.Beslut, T.Uppdrag, T.Forvaltning, T.Fran, T.Till]);
  const rad = (typ: string, u: IUppdrag, fran = '', till = ''): void => {
    blad.addRow([typ, u.beslutsinstans, beslut(u), u.rubrik, u.forvaltning, fran, till]);
  };
  for (const u of diff.nya) rad(T.Nya, u);
  for (const u of diff.verkstallda) rad(T.Verkstallda, u);
  for (const f of diff.flyttade) rad(T.Flyttade, f.uppdrag, f.fran, f.till);
  for (const u of diff.borttagna) rad(T.Borttagna, u);
}

const KOLUMNER: Array<{ header: string; width: number }> = [
  { header: T.Forvaltning, width: 28 },
  { header: T.Beslutsdatum, width: 13 },
  { header: T.Paragraf, width: 10 },
  { header: T.Diarienummer, width: 16 },
  { header: T.Uppdrag, width: 48 },
  { header: T.Status, width: 22 },
  { header: T.VarIHanteringen, width: 40 },
  { header: T.Orsak, width: 36 },
  { header: T.PlaneratKlart, width: 14 },
  { header: T.ForstPlaneratKlart, width: 14 },
  { header: T.Handlaggare, width: 22 }
];

export async function byggXlsxBok(r: IRedovisning, forraEtikett: string | undefined): Promise<Uint8Array> {
  const bok = new Workbook();
  bok.creator = 'Ärendeportalen';
  bok.title = `${DOKUMENTRUBRIK}, ${r.etikett}`;
  const upptagna = new Set<string>();
  sammanfattningsblad(bok, r, bladnamn(T.Sammanfattning, upptagna));
  forandringsblad(bok, r.diff, forraEtikett, bladnamn('Förändringar', upptagna));
  for (const g of r.grupper) {
    const blad = bok.addWorksheet(bladnamn(g.beslutsinstans || T.IngenInstans, upptagna));
    blad.columns = KOLUMNER.map((k) => ({ header: k.header, width: k.width }));
    blad.getRow(1).font = { bold: true };
    // The heading row stays in view and the förvaltning column can be filtered.
    blad.views = [{ state: 'frozen', ySplit: 1 }];
    for (const f of g.forvaltningar) {
      for (const rad of f.rader) {
        const u = rad.uppdrag;
        blad.addRow([
          f.forvaltning || T.IngenForvaltning, u.beslutsdatum ?? '', u.paragraf, u.diarienummer ?? '', u.rubrik, radStatus(rad),
          u.varIHanteringen ?? '', orsak(rad), u.planeratKlart ?? '', u.forstPlaneratKlart ?? '', u.handlaggare ?? ''
        ]).alignment = { vertical: 'top', wrapText: true };
      }
    }
    blad.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: KOLUMNER.length } };
  }
  return new Uint8Array(await bok.xlsx.writeBuffer());
}
