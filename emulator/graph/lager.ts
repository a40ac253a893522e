/**
 * The in-memory store behind the Graph routes: one mailbox per user (keyed by the Entra object
 * id, as Exchange keys mailboxes), the mail that left the tenant, and the Intune devices.
 */
import { IEmulatorAnvandare } from '../core';
import { base64url } from './odata';

/** Exchange's well-known folder names; the product only shows inbox, sent items and deleted items. */
export type ValkandMapp =
  | 'msgfolderroot' | 'inbox' | 'sentitems' | 'deleteditems' | 'drafts' | 'junkemail' | 'outbox' | 'archive'
  | 'conversationhistory' | 'recoverableitemsdeletions';

interface IMappmall {
  namn: ValkandMapp;
  displayName: string;
  foralder: ValkandMapp | 'recoverableitemsroot' | 'root';
  dold: boolean;
}

/** The folders of a mailbox with a Swedish client language (what Outlook shows a Swedish user). */
const MAPPAR: readonly IMappmall[] = [
  { namn: 'msgfolderroot', displayName: 'Top of Information Store', foralder: 'root', dold: false },
  { namn: 'archive', displayName: 'Arkiv', foralder: 'msgfolderroot', dold: false },
  { namn: 'deleteditems', displayName: 'Borttaget', foralder: 'msgfolderroot', dold: false },
  { namn: 'inbox', displayName: 'Inkorgen', foralder: 'msgfolderroot', dold: false },
  { namn: 'conversationhistory', displayName: 'Konversationshistorik', foralder: 'msgfolderroot', dold: false },
  { namn: 'sentitems', displayName: 'Skickat', foralder: 'msgfolderroot', dold: false },
  { namn: 'junkemail', displayName: 'Skräppost', foralder: 'msgfolderroot', dold: false },
  { namn: 'drafts', displayName: 'Utkast', foralder: 'msgfolderroot', dold: false },
  { namn: 'outbox', displayName: 'Utkorgen', foralder: 'msgfolderroot', dold: false },
  // Recoverable Items sits outside the folder tree the user sees; DELETE moves mail here.
  { namn: 'recoverableitemsdeletions', displayName: 'Deletions', foralder: 'recoverableitemsroot', dold: true }
];

export interface IEpostadress {
  name: string;
  address: string;
}

export interface ILagratMeddelande {
  /** The id Graph answers by default: it changes when the item moves to another folder. */
  id: string;
  /**
   * The id answered with `Prefer: IdType="ImmutableId"`: the same for the item's whole life in the
   * mailbox, across moves, and a sent draft keeps it in Sent Items (outlook-immutable-id).
   */
  fastId: string;
  mapp: ValkandMapp;
  skapad: string;
  andrad: string;
  mottaget: string;
  skickat: string;
  amne: string;
  /** Plain text; served as HTML unless the client prefers text. */
  text: string;
  fran: IEpostadress;
  till: IEpostadress[];
  kopia: IEpostadress[];
  last: boolean;
  viktighet: 'low' | 'normal' | 'high';
  bilagor: boolean;
  konversation: string;
  internetId: string;
  utkast: boolean;
  /** Outlook categories (their display names), in the order set. */
  kategorier: string[];
  /** The follow-up flag as Graph's followupFlag; absent means notFlagged. */
  flagga?: IFoljUppFlagga;
  inferens?: 'focused' | 'other';
  /** Bumped on every change; the change key and the etag follow it. */
  version: number;
  /** singleValueExtendedProperties set by a client (`id` as given, e.g. `String {guid} Name X`). */
  utokade?: Array<{ id: string; value: string }>;
  /**
   * A sent message Exchange has not filed in Sent Items yet: the number of further requests to the
   * mailbox before it is; until then Graph finds no item by its id (outlook-immutable-id: "might not
   * succeed immediately after sending").
   */
  iTransit?: number;
  /** A forward draft: the default id of the message it forwards (what tests count forwards by; not Graph's). */
  ursprung?: string;
}

export interface IDatumTidszon {
  dateTime: string;
  timeZone: string;
}

export interface IFoljUppFlagga {
  flagStatus: 'notFlagged' | 'complete' | 'flagged';
  startDateTime?: IDatumTidszon;
  dueDateTime?: IDatumTidszon;
  completedDateTime?: IDatumTidszon;
}

export interface IMapp {
  id: string;
  namn: ValkandMapp;
  displayName: string;
  parentFolderId: string;
  dold: boolean;
}

export interface IBrevlada {
  aadId: string;
  mappar: Map<ValkandMapp, IMapp>;
  meddelanden: Map<string, ILagratMeddelande>;
  /** Next number for a new item id. */
  lopnummer: number;
}

/** A mail that left a mailbox: forwarded or sent. Tests read these to see what reached whom. */
export interface IUtgaendePost {
  typ: 'forward' | 'sendMail';
  fran: string;
  till: string[];
  kopia: string[];
  amne: string;
  text: string;
  tid: string;
  /** For a forward: the id of the message that was forwarded. */
  ursprung?: string;
}

export interface IIntuneAtgard {
  enhetId: string;
  serialNumber: string;
  atgard: 'wipe' | 'retire' | 'remoteLock' | 'resetPasscode';
  /** The user principal name of who asked for it. */
  av: string;
  tid: string;
}

/** A Microsoft To Do task; instants are kept in UTC, as To Do answers them. */
export interface ITodoUppgift {
  id: string;
  title: string;
  body: { content: string; contentType: 'text' | 'html' };
  status: 'notStarted' | 'inProgress' | 'completed' | 'waitingOnOthers' | 'deferred';
  importance: 'low' | 'normal' | 'high';
  isReminderOn: boolean;
  reminderDateTime?: IDatumTidszon;
  dueDateTime?: IDatumTidszon;
  startDateTime?: IDatumTidszon;
  completedDateTime?: IDatumTidszon;
  /** patternedRecurrence with every property filled in. */
  recurrence?: { pattern: Record<string, unknown>; range: Record<string, unknown> };
  categories: string[];
  createdDateTime: string;
  lastModifiedDateTime: string;
  bodyLastModifiedDateTime: string;
  /** The zone the due date was given in: the next occurrence falls on a day in that zone. Not answered. */
  zon?: string;
  version: number;
}

export interface ITodoLista {
  id: string;
  displayName: string;
  wellknownListName: 'none' | 'defaultList' | 'flaggedEmails';
  isOwner: boolean;
  isShared: boolean;
  uppgifter: Map<string, ITodoUppgift>;
}

/** A user's To Do: the built-in lists (Tasks, Flagged email) and any made later. */
export interface IAttGora {
  aadId: string;
  listor: ITodoLista[];
  lopnummer: number;
}

/** A managed device as Graph's managedDevice resource; kept as Graph's own JSON. */
export type HanteradEnhet = Record<string, unknown> & { id: string; serialNumber: string };

/** Stable ids of a mailbox's items and folders: opaque like Exchange's, but repeatable. */
function mappId(aadId: string, namn: string): string {
  return `AQMkAD${base64url(`${aadId.slice(-12)}|${namn}`)}AAA=`;
}

export function nyttMeddelandeId(brevlada: IBrevlada): string {
  brevlada.lopnummer += 1;
  return `AAMkAD${base64url(`${brevlada.aadId.slice(-12)}|m${brevlada.lopnummer}`)}AAA=`;
}

/** Immutable ids look different from the default ones (Exchange's start with AAkAL…). */
function nyttFastId(brevlada: IBrevlada): string {
  return `AAkALg${base64url(`${brevlada.aadId.slice(-12)}|f${brevlada.lopnummer}`)}AAA=`;
}

/** An item by either of its ids, as Graph accepts both in a URL; an item in transit is not found. */
export function hittaMeddelande(brevlada: IBrevlada, id: string): ILagratMeddelande | undefined {
  const m = brevlada.meddelanden.get(id) ?? Array.from(brevlada.meddelanden.values()).find((x) => x.fastId === id);
  return m && !m.iTransit ? m : undefined;
}

export function skapaBrevlada(aadId: string): IBrevlada {
  const mappar = new Map<ValkandMapp, IMapp>();
  for (const m of MAPPAR) {
    mappar.set(m.namn, {
      id: mappId(aadId, m.namn),
      namn: m.namn,
      displayName: m.displayName,
      parentFolderId: m.foralder === 'root' ? '' : mappId(aadId, m.foralder),
      dold: m.dold
    });
  }
  return { aadId, mappar, meddelanden: new Map(), lopnummer: 0 };
}

/** A folder by id or well-known name (Graph accepts both in the URL and in `destinationId`). */
export function hittaMapp(brevlada: IBrevlada, idEllerNamn: string): IMapp | undefined {
  const namn = idEllerNamn.toLowerCase();
  for (const mapp of Array.from(brevlada.mappar.values())) {
    if (mapp.id === idEllerNamn || mapp.namn === namn) {
      return mapp;
    }
  }
  return undefined;
}

/** Folders a user sees under the root: what `/me/mailFolders` lists and `/me/messages` spans. */
export function synligMapp(mapp: ValkandMapp): boolean {
  return mapp !== 'msgfolderroot' && mapp !== 'recoverableitemsdeletions';
}

export function changeKey(m: ILagratMeddelande): string {
  return `CQAAABYAAA${base64url(`${m.id.slice(6, 30)}|v${m.version}`)}`;
}

export interface IGraphLagerData {
  /** Mailboxes by the user's aadId; created on first use. */
  readonly brevlador: Map<string, IBrevlada>;
  /** Every mail that left a mailbox through forward or sendMail, oldest first. */
  readonly utgaende: IUtgaendePost[];
  /** Intune managed devices by id. */
  readonly enheter: Map<string, HanteradEnhet>;
  /** Every remote action asked of Intune, oldest first. */
  readonly intuneAtgarder: IIntuneAtgard[];
  /**
   * Users whose token lacks consent to Mail.Read: their mailbox answers 403, as Exchange does when
   * the tenant has not approved the permission.
   */
  readonly utanEpostbehorighet: Set<string>;
  /** Microsoft To Do per user's aadId; created with the built-in lists on first use. */
  readonly attGora: Map<string, IAttGora>;
  /** Users whose token lacks consent to Tasks.ReadWrite: To Do answers 403. */
  readonly utanUppgiftsbehorighet: Set<string>;
  /**
   * How many further requests to a mailbox pass before a sent message is filed in Sent Items
   * (0: at once). Exchange files the copy a moment after it accepted the send.
   */
  transitForfragningar: number;
}

function todoId(aadId: string, namn: string): string {
  return `AAMkAD${base64url(`${aadId.slice(-12)}|todo|${namn}`)}AAA=`;
}

export function attGoraFor(lager: IGraphLagerData, anvandare: Pick<IEmulatorAnvandare, 'aadId'>): IAttGora {
  let attGora = lager.attGora.get(anvandare.aadId);
  if (!attGora) {
    const aadId = anvandare.aadId;
    // The built-in lists with a Swedish client language; neither can be renamed or deleted.
    const lista = (namn: string, displayName: string, wellknownListName: ITodoLista['wellknownListName']): ITodoLista =>
      ({ id: todoId(aadId, namn), displayName, wellknownListName, isOwner: true, isShared: false, uppgifter: new Map() });
    attGora = { aadId, listor: [lista('uppgifter', 'Uppgifter', 'defaultList'), lista('flaggad', 'Flaggad e-post', 'flaggedEmails')], lopnummer: 0 };
    lager.attGora.set(aadId, attGora);
  }
  return attGora;
}

export function nyttUppgiftsId(attGora: IAttGora): string {
  attGora.lopnummer += 1;
  return todoId(attGora.aadId, `t${attGora.lopnummer}`);
}

export function brevladaFor(lager: IGraphLagerData, anvandare: Pick<IEmulatorAnvandare, 'aadId'>): IBrevlada {
  let brevlada = lager.brevlador.get(anvandare.aadId);
  if (!brevlada) {
    brevlada = skapaBrevlada(anvandare.aadId);
    lager.brevlador.set(anvandare.aadId, brevlada);
  }
  return brevlada;
}

/** What a new message is made of; categories default to none. */
export type NyttMeddelande = Omit<ILagratMeddelande, 'id' | 'fastId' | 'mapp' | 'version' | 'kategorier'> & { kategorier?: string[] };

/** Files a message into a folder of a mailbox; used by the seed and by delivery. */
export function laggIMapp(brevlada: IBrevlada, mapp: ValkandMapp, m: NyttMeddelande): ILagratMeddelande {
  const id = nyttMeddelandeId(brevlada);
  const lagrat: ILagratMeddelande = { ...m, kategorier: [...(m.kategorier ?? [])], id, fastId: nyttFastId(brevlada), mapp, version: 1 };
  brevlada.meddelanden.set(lagrat.id, lagrat);
  return lagrat;
}

/**
 * Moves an item the way Exchange does: the item gets a new default id in its new folder; its
 * immutable id stays.
 */
export function flytta(brevlada: IBrevlada, m: ILagratMeddelande, till: ValkandMapp, nu: Date): ILagratMeddelande {
  brevlada.meddelanden.delete(m.id);
  const flyttat: ILagratMeddelande = { ...m, id: nyttMeddelandeId(brevlada), mapp: till, version: m.version + 1, andrad: nu.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  brevlada.meddelanden.set(flyttat.id, flyttat);
  return flyttat;
}
