/**
 * Who may do what, per list. allmanhet (citizens and press) never signs in: public documents
 * reach them through the static public site. The account that builds that site is the only member
 * of the allmanhet group, so it reads exactly what a citizen may: the meeting lists, published
 * handlingar and justerade protokoll. Meeting documents fail closed: the group has nothing on
 * Handlingar and Protokoll, and publishing gives one document Read for it
 * (src/data/moten/publikBehorighet.ts), so even a mistake in the builder cannot leak the rest.
 */
import { Behorighet, Roll } from '../domain/roller';

type Matris = Readonly<Record<Roll, Behorighet>>;

/** Read for everyone signed in, write for the people who keep the list. */
function lasForAlla(skrivare: readonly Roll[], publik = false): Matris {
  return {
    allmanhet: publik ? 'Läsa' : 'Ingen',
    ledamot: 'Läsa',
    handlaggare: skrivare.includes('handlaggare') ? 'Bidra' : 'Läsa',
    namndsekreterare: skrivare.includes('namndsekreterare') ? 'Bidra' : 'Läsa',
    kommunservice: skrivare.includes('kommunservice') ? 'Bidra' : 'Läsa',
    admin: 'Fullständig behörighet'
  };
}

export const UPPDRAG_BEHORIGHETER: Matris = lasForAlla(['handlaggare']);
/** Meetings, agenda, handlingar, protokoll and the anslagstavla are public by default (seed 000). */
export const MOTES_BEHORIGHETER: Matris = lasForAlla(['namndsekreterare'], true);

/**
 * Handlingar and Protokoll fail closed: the public group has nothing at library level, so a file
 * added any way at all (the web part, the library, OneDrive sync, a Teams Files tab) is not public.
 * Publishing gives that one document its own permissions with Read for the public group, which
 * needs ManagePermissions — among SharePoint's built-in levels only Full Control has it, so the
 * nämndsekreterare gets Full Control on these two libraries only.
 */
export const MOTESDOKUMENT_BEHORIGHETER: Matris = { ...MOTES_BEHORIGHETER, allmanhet: 'Ingen', namndsekreterare: 'Fullständig behörighet' };

/**
 * Justeringar: every ledamot may add an approval (the list lets them change only their own), the
 * secretaries read and complete them; never public.
 */
export const JUSTERINGS_BEHORIGHETER: Matris = { ...MOTES_BEHORIGHETER, allmanhet: 'Ingen', ledamot: 'Bidra', namndsekreterare: 'Fullständig behörighet' };

/**
 * Sekretess documents: the secretaries keep them, ledamöter read them to prepare (seed 002: they had to
 * be sent outside the app when it was down); never the public group, so the public site cannot see them.
 */
export const SEKRETESS_BEHORIGHETER: Matris = {
  allmanhet: 'Ingen', ledamot: 'Läsa', handlaggare: 'Ingen', namndsekreterare: 'Bidra', kommunservice: 'Ingen', admin: 'Fullständig behörighet'
};

/**
 * The register holds personal data about loans: kommunservice keeps it; a borrower reads only their
 * own loan and device, shared with them item by item (which needs ManagePermissions, so Full Control).
 */
export const REGISTER_BEHORIGHETER: Matris = {
  allmanhet: 'Ingen', ledamot: 'Ingen', handlaggare: 'Ingen', namndsekreterare: 'Ingen', kommunservice: 'Fullständig behörighet', admin: 'Fullständig behörighet'
};

/**
 * Incidents and receipts are added by the borrower and handled by kommunservice; the lists let a
 * borrower see and change only their own rows (radsakerhet), kommunservice (Full Control) all.
 */
export const HANDELSE_BEHORIGHETER: Matris = { ...REGISTER_BEHORIGHETER, ledamot: 'Bidra' };

export const RIKTLINJE_BEHORIGHETER: Matris = lasForAlla(['kommunservice']);

/** The SharePoint group of each role; the admin adds people to them (README, "Behörigheter"). */
export const GRUPPNAMN: Readonly<Record<Roll, string>> = {
  allmanhet: 'Ärendeportalen – Publik läsning',
  ledamot: 'Ärendeportalen – Ledamöter',
  handlaggare: 'Ärendeportalen – Handläggare',
  namndsekreterare: 'Ärendeportalen – Nämndsekreterare',
  kommunservice: 'Ärendeportalen – Kommunservice',
  admin: 'Ärendeportalen – Administratörer'
};

/** SharePoint's built-in role types (SP.RoleType) behind each permission level. */
export const ROLLTYP: Readonly<Record<Exclude<Behorighet, 'Ingen'>, number>> = {
  'Läsa': 2,
  'Bidra': 3,
  'Fullständig behörighet': 5
};

/**
 * The e-mail log: every politician with an @pol mailbox adds and reads their own runs (the list shows
 * each only their own rows); the admin answers for the list. It names the senders of their mail, so
 * no one else reads it.
 */
export const EPOSTLOGG_BEHORIGHETER: Matris = {
  allmanhet: 'Ingen', ledamot: 'Bidra', handlaggare: 'Ingen', namndsekreterare: 'Ingen', kommunservice: 'Ingen', admin: 'Fullständig behörighet'
};
