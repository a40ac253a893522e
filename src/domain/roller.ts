/** The people who use Ärendeportalen, as roles. Each maps to a SharePoint group on a real site. */
export const ROLLER = ['allmanhet', 'ledamot', 'handlaggare', 'namndsekreterare', 'kommunservice', 'admin'] as const;
export type Roll = (typeof ROLLER)[number];

/** Permission levels, named as SharePoint's built-in role definitions are. */
export type Behorighet = 'Ingen' | 'Läsa' | 'Bidra' | 'Fullständig behörighet';

const RANG: Record<Behorighet, number> = { 'Ingen': 0, 'Läsa': 1, 'Bidra': 2, 'Fullständig behörighet': 3 };

export function kanLasa(niva: Behorighet): boolean {
  return RANG[niva] >= RANG['Läsa'];
}

export function kanSkriva(niva: Behorighet): boolean {
  return RANG[niva] >= RANG['Bidra'];
}

export function kanAndraStruktur(niva: Behorighet): boolean {
  return RANG[niva] >= RANG['Fullständig behörighet'];
}
