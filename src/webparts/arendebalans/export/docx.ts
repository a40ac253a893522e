/** The KF report as a Word document: summary and changes first, then one section per beslutsinstans. */
import {
  Document, HeadingLevel, ISectionOptions, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType
} from 'docx';
import { IRedovisning, IRedovisningsdiff, IRedovisningsrad } from '../../../domain/redovisning';
import { IUppdrag, UPPDRAG_STATUSAR } from '../../../domain/uppdrag';
import { beslut, DOKUMENTRUBRIK, instansNamn, orsak, periodText, radStatus, statusNamn, T } from './texter';

const text = (s: string, fet = false): Paragraph => new Paragraph({ children: [new TextRun({ text: s, bold: fet })] });
const rubrik = (s: string, niva: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph => new Paragraph({ text: s, heading: niva });

/** A table whose first row repeats on every page (and is marked as a header for screen readers). */
function tabell(huvud: string[], rader: string[][]): Table {
  const cell = (s: string, fet: boolean): TableCell => new TableCell({ children: [text(s, fet)] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: huvud.map((h) => cell(h, true)) }),
      ...rader.map((r) => new TableRow({ children: r.map((s) => cell(s, false)) }))
    ]
  });
}

function sammanfattning(r: IRedovisning): Array<Paragraph | Table> {
  const s = r.sammanfattning;
  return [
    rubrik(T.Sammanfattning, HeadingLevel.HEADING_1),
    text(`${T.AntalEjVerkstallda}: ${s.totalt}`),
    text(`${T.VaravForsenade}: ${s.forsenade}`),
    text(`${T.VaravForeslasAvskrivas}: ${s.perStatus.ForeslasAvskrivas}`),
    rubrik(T.PerInstans, HeadingLevel.HEADING_2),
    tabell([T.Beslutsinstans, T.Antal], s.perInstans.map((p) => [instansNamn(p.beslutsinstans), String(p.antal)])),
    rubrik(T.PerStatus, HeadingLevel.HEADING_2),
    tabell([T.Status, T.Antal], UPPDRAG_STATUSAR.filter((st) => st !== 'Verkstallt').map((st) => [statusNamn(st), String(s.perStatus[st])]))
  ];
}

const uppdragRad = (u: IUppdrag): string => `${u.rubrik} (${beslut(u)}; ${u.forvaltning})`;

function lista(titel: string, poster: string[]): Paragraph[] {
  return [
    rubrik(`${titel} (${poster.length})`, HeadingLevel.HEADING_2),
    ...(poster.length ? poster.map((p) => new Paragraph({ text: p, bullet: { level: 0 } })) : [text(T.Inga)])
  ];
}

function forandringar(diff: IRedovisningsdiff | undefined, forraEtikett: string | undefined): Paragraph[] {
  if (!diff) return [rubrik(T.Forandringar, HeadingLevel.HEADING_1), text(T.IngenForra)];
  return [
    rubrik(`${T.Forandringar} (${forraEtikett})`, HeadingLevel.HEADING_1),
    ...lista(T.Nya, diff.nya.map(uppdragRad)),
    ...lista(T.Verkstallda, diff.verkstallda.map(uppdragRad)),
    ...lista(T.Flyttade, diff.flyttade.map((f) => `${uppdragRad(f.uppdrag)}: ${f.fran} → ${f.till}`)),
    ...lista(T.Borttagna, diff.borttagna.map(uppdragRad))
  ];
}

const KOLUMNER = [T.Beslut, T.Uppdrag, T.Status, T.VarIHanteringen, T.Orsak, T.PlaneratKlart];

function radceller(rad: IRedovisningsrad): string[] {
  const u = rad.uppdrag;
  return [beslut(u), u.rubrik, radStatus(rad), u.varIHanteringen ?? '', orsak(rad), u.planeratKlart ?? ''];
}

export async function byggDocxDokument(r: IRedovisning, forraEtikett: string | undefined): Promise<Uint8Array> {
  const liggande = { page: { size: { orientation: PageOrientation.LANDSCAPE } } };
  const sektioner: ISectionOptions[] = [{
    properties: liggande,
    children: [
      new Paragraph({ text: `${DOKUMENTRUBRIK}, ${r.etikett}`, heading: HeadingLevel.TITLE }),
      text(periodText(r)),
      text(T.Underlag),
      ...sammanfattning(r),
      ...forandringar(r.diff, forraEtikett)
    ]
  }];
  for (const g of r.grupper) {
    sektioner.push({
      properties: liggande,
      children: [
        rubrik(`${instansNamn(g.beslutsinstans)} (${g.antal})`, HeadingLevel.HEADING_1),
        ...g.forvaltningar.flatMap((f) => [
          rubrik(f.forvaltning || T.IngenForvaltning, HeadingLevel.HEADING_2),
          tabell(KOLUMNER, f.rader.map(radceller))
        ])
      ]
    });
  }
  const dokument = new Document({
    creator: 'Ärendeportalen',
    title: `${DOKUMENTRUBRIK}, ${r.etikett}`,
    // Swedish as the text's language, so screen readers and spelling tools read it as Swedish.
    styles: { default: { document: { run: { language: { value: 'sv-SE' } } } } },
    sections: sektioner
  });
  return new Uint8Array(await Packer.toArrayBuffer(dokument));
}
