/** The people of the demo kommun, one or more per role. Deterministic: ids never change. */
import { IEmulatorAnvandare } from '../core';

const domän = 'kommun.se';

function person(id: number, fornamn: string, efternamn: string, roll: IEmulatorAnvandare['roll'], jobTitle: string, pol = false): IEmulatorAnvandare {
  const lokal = `${fornamn}.${efternamn}`.toLowerCase()
    .replace(/å/g, 'a').replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e');
  const email = pol ? `${lokal}@pol.${domän}` : `${lokal}@${domän}`;
  return {
    id,
    loginName: `i:0#.f|membership|${email}`,
    title: `${fornamn} ${efternamn}`,
    email,
    roll,
    aadId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    jobTitle
  };
}

/**
 * The account the public-site builder signs in as: the only member of the public reading group
 * (GRUPPNAMN.allmanhet), so it reads exactly what a citizen may. Last in the list, so the indices
 * of the other demo users stay as they were. Citizens themselves never sign in.
 */
export const PUBLIK_LASARE: IEmulatorAnvandare = {
  id: 60,
  loginName: `i:0#.f|membership|publicering@${domän}`,
  title: 'Publicering Webbplats',
  email: `publicering@${domän}`,
  roll: 'allmanhet',
  aadId: '00000000-0000-4000-8000-000000000060',
  jobTitle: 'Konto för kommunens publika webbplats'
};

export const DEMO_ANVANDARE: readonly IEmulatorAnvandare[] = [
  person(7, 'Siv', 'Sahlström', 'ledamot', 'Ledamot i kommunstyrelsen', true),
  person(8, 'Erik', 'Nordin', 'ledamot', 'Ordförande i kommunstyrelsen', true),
  person(9, 'Amina', 'Haddad', 'ledamot', 'Ledamot i kommunfullmäktige', true),
  person(10, 'Per', 'Ågren', 'ledamot', 'Ersättare i barn- och utbildningsnämnden', true),
  person(11, 'Lena', 'Björk', 'ledamot', 'Ordförande i socialnämnden', true),
  person(12, 'Johan', 'Öberg', 'ledamot', 'Ledamot i samhällsbyggnadsnämnden', true),
  person(20, 'Karin', 'Lund', 'handlaggare', 'Utredare, kommunledningskontoret'),
  person(21, 'Mats', 'Ek', 'handlaggare', 'Handläggare, samhällsbyggnadsförvaltningen'),
  person(22, 'Sara', 'Holm', 'handlaggare', 'Handläggare, socialförvaltningen'),
  person(30, 'Majvor', 'Byström', 'namndsekreterare', 'Nämndsekreterare, administrativa enheten'),
  person(31, 'Anders', 'Wikström', 'namndsekreterare', 'Nämndsekreterare, barn- och utbildning'),
  person(40, 'Tove', 'Sjölund', 'kommunservice', 'Kommunservice, IT-support'),
  person(50, 'Admin', 'Ärendeportalen', 'admin', 'Webbplatsägare'),
  ...fler(),
  PUBLIK_LASARE
];

/** More ledamöter and ersättare, so that 40+ tablets have borrowers; names are fixed, not random. */
function fler(): IEmulatorAnvandare[] {
  const fornamn = ['Anna', 'Björn', 'Cecilia', 'David', 'Elin', 'Fredrik', 'Gunilla', 'Hassan', 'Ingrid', 'Jonas', 'Karin', 'Leif',
    'Maria', 'Nils', 'Olivia', 'Patrik', 'Rut', 'Stefan', 'Therese', 'Ulf', 'Vera', 'Wilhelm', 'Yasmin', 'Åsa', 'Östen', 'Agneta',
    'Bengt', 'Camilla', 'Dragan', 'Eva', 'Fatima', 'Gustav', 'Helena', 'Ivar'];
  const efternamn = ['Andersson', 'Berglund', 'Dahl', 'Eriksson', 'Forsberg', 'Gran', 'Hedlund', 'Isaksson', 'Jonsson', 'Karlsson',
    'Lindqvist', 'Mattsson', 'Nyström', 'Olofsson', 'Persson', 'Rask', 'Sundberg', 'Tjärnlund', 'Strand', 'Viklund', 'Wallin',
    'Backman', 'Zetterlund', 'Åström', 'Öhman', 'Näslund', 'Hägglund', 'Sjöberg', 'Lundgren', 'Norberg', 'Edlund', 'Falk', 'Holmgren', 'Kvist'];
  const uppdrag = ['Ledamot i kommunfullmäktige', 'Ersättare i kommunfullmäktige', 'Ledamot i barn- och utbildningsnämnden',
    'Ledamot i socialnämnden', 'Ersättare i samhällsbyggnadsnämnden', 'Ledamot i kommunstyrelsen'];
  return fornamn.map((f, i) => person(100 + i, f, efternamn[i], 'ledamot', uppdrag[i % uppdrag.length], true));
}

/** The registrator's address that diarieförda mails are forwarded to. */
export const REGISTRATOR = `registrator@${domän}`;

/**
 * The first user of each role: what the workbench's role switcher signs in as. allmanhet has none:
 * the public reads signed out; the public-site builder signs in as PUBLIK_LASARE explicitly.
 */
export function forstaMedRoll(roll: IEmulatorAnvandare['roll']): IEmulatorAnvandare | undefined {
  return roll === 'allmanhet' ? undefined : DEMO_ANVANDARE.find((a) => a.roll === roll);
}

/** The ledamöter who have a tablet on loan; device i of the register and of Intune is theirs. */
export const DEMO_LANTAGARE: readonly IEmulatorAnvandare[] = DEMO_ANVANDARE.filter((a) => a.roll === 'ledamot').slice(0, 36);

/**
 * Who holds device i of the register and of Intune (its loan is handed out and not returned):
 * the borrowers of devices 1–35. Device 0 was returned by the workbench's ledamot, whose new
 * device (36) waits for her receipt and is not enrolled to her yet; the rest are in stock, on
 * service, scrapped or lost (emulator/demo/surfplattor.ts).
 */
export const DEMO_INNEHAV: ReadonlyArray<IEmulatorAnvandare | undefined> =
  Array.from({ length: 44 }, (_, i) => (i >= 1 && i <= 35 ? DEMO_LANTAGARE[i] : undefined));

/** Ledamöter who held a tablet in earlier terms and none now: their returned loans are old enough to anonymise. */
export const DEMO_TIDIGARE_LANTAGARE: readonly IEmulatorAnvandare[] = DEMO_ANVANDARE.filter((a) => a.roll === 'ledamot').slice(36);
