/**
 * What both peer web parts (issue 8's size and rendering benches) show: one flat row per uppdrag,
 * choice fields as their stored text. The peers are self-contained on purpose: they are copied into
 * the bench's build folder beside our src/ and carry none of our code.
 */
export interface IListRad {
  id: number;
  rubrik: string;
  diarienummer?: string;
  /** Beslutsinstans, datum and § in one text, as our list shows them. */
  beslut: string;
  forvaltning: string;
  /** The status as SharePoint stores the choice ("Pågår", "Verkställt" …). */
  status: string;
  planeratKlart?: string;
  senastAndrad?: string;
}

export const STATUSAR = ['Ej påbörjat', 'Pågår', 'Försenat', 'Delvis verkställt', 'Verkställt', 'Föreslås avskrivas'];
