/**
 * How the panels read uploaded and stored files. The default loads the readers (exceljs, mammoth,
 * unpdf) on first use as the 'uppdrag-import' chunk, so the web part's first load stays small.
 */
import type { ITabell } from '../../../../data/uppdrag/lasaFiler';

export interface IFilLasare {
  lasaExcel(data: ArrayBuffer): Promise<ITabell>;
  lasaProtokollText(filnamn: string, data: ArrayBuffer): Promise<string>;
}

export const lataFilLasare: IFilLasare = {
  lasaExcel: async (data) => (await import(/* webpackChunkName: 'uppdrag-import' */ '../../../../data/uppdrag/lasaFiler')).lasaExcel(data),
  lasaProtokollText: async (namn, data) =>
    (await import(/* webpackChunkName: 'uppdrag-import' */ '../../../../data/uppdrag/lasaFiler')).lasaProtokollText(namn, data)
};

/** A chosen file's bytes; FileReader where Blob.arrayBuffer is missing (older engines, jsdom). */
export function filensBytes(fil: Blob): Promise<ArrayBuffer> {
  if (typeof fil.arrayBuffer === 'function') return fil.arrayBuffer();
  return new Promise((losa, avvisa) => {
    const lasare = new FileReader();
    lasare.onload = () => losa(lasare.result as ArrayBuffer);
    lasare.onerror = () => avvisa(lasare.error);
    lasare.readAsArrayBuffer(fil);
  });
}
