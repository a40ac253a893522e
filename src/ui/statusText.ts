import * as strings from 'CommonStrings';
import { UppdragStatus } from '../domain/uppdrag';

/** The reader's-language label of a status code. */
export function statusText(status: UppdragStatus): string {
  switch (status) {
    case 'EjPaborjat': return strings.StatusEjPaborjat;
    case 'Pagar': return strings.StatusPagar;
    case 'Forsenat': return strings.StatusForsenat;
    case 'DelvisVerkstallt': return strings.StatusDelvisVerkstallt;
    case 'Verkstallt': return strings.StatusVerkstallt;
    case 'ForeslasAvskrivas': return strings.StatusForeslasAvskrivas;
  }
}
