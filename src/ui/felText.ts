import * as strings from 'CommonStrings';
import { DataFelorsak } from '../data/fel';

/** The reader's-language explanation of why data could not be read or saved. */
export function felText(orsak: DataFelorsak): string {
  switch (orsak) {
    case 'inloggning': return strings.FelInloggning;
    case 'behorighet': return strings.FelBehorighet;
    case 'saknas': return strings.FelSaknas;
    case 'konflikt': return strings.FelKonflikt;
    case 'ogiltig': return strings.FelOgiltig;
    case 'olasbar': return strings.FelOlasbar;
    case 'troskel': return strings.FelTroskel;
    case 'strypt': return strings.FelStrypt;
    case 'natverk': return strings.FelNatverk;
    default: return strings.FelOkantData;
  }
}
