/**
 * The exporters of the KF report. The UI loads this module lazily
 * (`import(/* webpackChunkName: 'redovisning-export' *\/ '../../export')`), so docx and exceljs stay
 * out of the web part's first download.
 */
import { IRedovisning, periodEtikett } from '../../../domain/redovisning';
import { byggDocxDokument } from './docx';
import { byggXlsxBok } from './xlsx';

export const DOCX_TYP = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYP = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const forraEtikett = (r: IRedovisning): string | undefined => (r.diff ? periodEtikett(r.diff.forraPeriod) : undefined);

export function byggDocx(rapport: IRedovisning): Promise<Uint8Array> {
  return byggDocxDokument(rapport, forraEtikett(rapport));
}

export function byggXlsx(rapport: IRedovisning): Promise<Uint8Array> {
  return byggXlsxBok(rapport, forraEtikett(rapport));
}
