/**
 * Microsoft To Do through Graph (`/me/todo/lists`, their tasks): what Ärendeportalen needs for the
 * weekday reminder of the e-mail routine. Shapes follow the todoTaskList and todoTask reference pages
 * and their samples; To Do answers instants in UTC with seven decimals, whatever zone they were given in.
 */
import { Emulator, graphFel, IEmulatorAnvandare, IForfragan } from '../core';
import { attGoraFor, IAttGora, IDatumTidszon, IGraphLagerData, ITodoLista, ITodoUppgift, nyttUppgiftsId } from './lager';
import { base64url, ejStodd, graphSvar, inloggad, kontext, lankMed, lasFragealternativ, lasKropp, lasSokvag, tomtSvar, uppfyller, valj } from './odata';

const UPPGIFT_EGENSKAPER = [
  'id', 'title', 'body', 'status', 'importance', 'isReminderOn', 'reminderDateTime', 'dueDateTime', 'startDateTime',
  'completedDateTime', 'recurrence', 'categories', 'createdDateTime', 'lastModifiedDateTime', 'bodyLastModifiedDateTime',
  'hasAttachments'
];
const LIST_EGENSKAPER = ['id', 'displayName', 'isOwner', 'isShared', 'wellknownListName'];

const STATUSAR: ReadonlyArray<ITodoUppgift['status']> = ['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred'];
const VIKTIGHETER: ReadonlyArray<ITodoUppgift['importance']> = ['low', 'normal', 'high'];
const VECKODAGAR = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONSTERTYPER = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'];
const INTERVALLTYPER = ['endDate', 'noEnd', 'numbered'];

// ---- Time zones --------------------------------------------------------------------------------

/** The Windows zone names clients send most; Graph also takes IANA names. */
const WINDOWS_ZONER: Record<string, string> = {
  'utc': 'UTC',
  'w. europe standard time': 'Europe/Stockholm',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'romance standard time': 'Europe/Paris',
  'gmt standard time': 'Europe/London',
  'fle standard time': 'Europe/Helsinki',
  'eastern standard time': 'America/New_York',
  'pacific standard time': 'America/Los_Angeles'
};

function ianaZon(zon: string): string | undefined {
  const namn = WINDOWS_ZONER[zon.trim().toLowerCase()] ?? zon.trim();
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: namn });
    return namn;
  } catch {
    return undefined;
  }
}

/** The zone's offset from UTC at an instant, in ms. */
function forskjutning(ms: number, zon: string): number {
  const delar = new Intl.DateTimeFormat('en-US', {
    timeZone: zon, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'
  }).formatToParts(new Date(ms));
  const v = (typ: string): number => Number(delar.find((d) => d.type === typ)?.value);
  return Date.UTC(v('year'), v('month') - 1, v('day'), v('hour'), v('minute'), v('second')) - Math.floor(ms / 1000) * 1000;
}

/** A wall-clock time in a zone as an instant (an explicit offset in the text wins). */
function tillUtc(lokal: string, zon: string): number {
  if (/(Z|[+-]\d{2}:\d{2})$/i.test(lokal)) return Date.parse(lokal);
  const naiv = Date.parse(`${lokal.replace(/(\.\d{3})\d*$/, '$1')}Z`);
  const forsta = naiv - forskjutning(naiv, zon);
  return naiv - forskjutning(forsta, zon);
}

/** `2020-08-25T04:00:00.0000000`: To Do's form, seven decimals and no offset. */
function sjuDecimaler(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000');
}

function lokalDag(ms: number, zon: string): string {
  return new Date(ms + forskjutning(ms, zon)).toISOString().slice(0, 10);
}

function tidsfel(zon: string): Response {
  return graphFel(400, 'BadRequest', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zon}'.`);
}

// ---- Reading a body -------------------------------------------------------------------------

function olasbar(meddelande: string): Response {
  return graphFel(400, 'RequestBodyRead', meddelande);
}

type Andring = (u: ITodoUppgift) => void;

/** A dateTimeTimeZone as the instant it names, or the answer refusing it. */
function lasTid(namn: string, varde: unknown): { ms: number; zon: string } | Response {
  const v = varde as { dateTime?: unknown; timeZone?: unknown } | null;
  if (!v || typeof v !== 'object' || typeof v.dateTime !== 'string' || isNaN(Date.parse(`${v.dateTime.replace(/(\.\d{3})\d*$/, '$1').replace(/(Z|[+-]\d{2}:\d{2})$/i, '')}Z`))) {
    return olasbar(`Cannot read the value of property '${namn}'.`);
  }
  const zon = ianaZon(typeof v.timeZone === 'string' && v.timeZone !== '' ? v.timeZone : 'UTC');
  if (!zon) return tidsfel(String(v.timeZone));
  return { ms: tillUtc(v.dateTime, zon), zon };
}

function ogiltigUpprepning(meddelande: string): Response {
  return graphFel(400, 'invalidRequest', meddelande);
}

/** patternedRecurrence with every property filled in, as Outlook answers it. */
function lasUpprepning(varde: unknown): ITodoUppgift['recurrence'] | Response {
  const r = varde as { pattern?: Record<string, unknown>; range?: Record<string, unknown> } | null;
  if (!r || typeof r !== 'object' || !r.pattern || !r.range) return olasbar("Cannot read the value of property 'recurrence'.");
  const p = r.pattern;
  const typ = MONSTERTYPER.find((t) => typeof p.type === 'string' && t.toLowerCase() === p.type.toLowerCase());
  if (!typ) return ogiltigUpprepning(`Requested value '${String(p.type)}' was not found.`);
  const intervall = p.interval === undefined ? 1 : p.interval;
  if (typeof intervall !== 'number' || !Number.isInteger(intervall) || intervall < 1) return ogiltigUpprepning('The recurrence pattern interval must be a positive integer.');
  const dagar = Array.isArray(p.daysOfWeek) ? p.daysOfWeek.map((d) => String(d).toLowerCase()) : [];
  if (dagar.some((d) => !VECKODAGAR.includes(d))) return ogiltigUpprepning(`Requested value '${dagar.find((d) => !VECKODAGAR.includes(d))}' was not found.`);
  if ((typ === 'weekly' || typ.startsWith('relative')) && dagar.length === 0) return ogiltigUpprepning('The recurrence pattern must specify at least one day of the week.');
  const q = r.range;
  const intervalltyp = INTERVALLTYPER.find((t) => typeof q.type === 'string' && t.toLowerCase() === q.type.toLowerCase());
  if (!intervalltyp) return ogiltigUpprepning(`Requested value '${String(q.type)}' was not found.`);
  const datum = (x: unknown): boolean => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) && !isNaN(Date.parse(x));
  if (!datum(q.startDate)) return ogiltigUpprepning('The recurrence range must have a valid start date.');
  if (intervalltyp === 'endDate' && !datum(q.endDate)) return ogiltigUpprepning('The recurrence range must have a valid end date.');
  const antal = typeof q.numberOfOccurrences === 'number' ? q.numberOfOccurrences : 0;
  if (intervalltyp === 'numbered' && (!Number.isInteger(antal) || antal < 1)) return ogiltigUpprepning('The recurrence range must have a positive number of occurrences.');
  return {
    pattern: {
      type: typ,
      interval: intervall,
      month: typeof p.month === 'number' ? p.month : 0,
      dayOfMonth: typeof p.dayOfMonth === 'number' ? p.dayOfMonth : 0,
      daysOfWeek: dagar,
      firstDayOfWeek: typeof p.firstDayOfWeek === 'string' ? p.firstDayOfWeek.toLowerCase() : 'sunday',
      index: typeof p.index === 'string' ? p.index : 'first'
    },
    range: {
      type: intervalltyp,
      startDate: q.startDate,
      endDate: intervalltyp === 'endDate' ? q.endDate : '0001-01-01',
      recurrenceTimeZone: typeof q.recurrenceTimeZone === 'string' ? q.recurrenceTimeZone : '',
      numberOfOccurrences: intervalltyp === 'numbered' ? antal : 0
    }
  };
}

/** Reads the whole body before anything changes, so a refused request leaves the task as it was. */
function lasUppgiftskropp(emulator: Emulator, f: IForfragan, kropp: Record<string, unknown>, nu: () => Date): Andring[] | Response {
  const andringar: Andring[] = [];
  for (const [nyckel, varde] of Object.entries(kropp)) {
    if (nyckel.startsWith('@')) continue;
    switch (nyckel) {
      case 'title':
        if (typeof varde !== 'string') return olasbar("Cannot convert the value of property 'title' to the expected type 'Edm.String'.");
        andringar.push((u) => { u.title = varde; });
        break;
      case 'body': {
        const b = varde as { content?: unknown; contentType?: unknown } | null;
        if (!b || typeof b !== 'object') return olasbar("Cannot read the value of property 'body'.");
        const typ = typeof b.contentType === 'string' && b.contentType.toLowerCase() === 'html' ? 'html' : 'text';
        const innehall = typeof b.content === 'string' ? b.content : '';
        andringar.push((u) => {
          u.body = { content: innehall, contentType: typ };
          u.bodyLastModifiedDateTime = sjuDecimaler(nu().getTime()) + 'Z';
        });
        break;
      }
      case 'status': {
        const status = STATUSAR.find((s) => typeof varde === 'string' && s.toLowerCase() === varde.toLowerCase());
        if (!status) return olasbar(`Requested value '${String(varde)}' was not found.`);
        andringar.push((u) => {
          // To Do keeps the day a task was completed, as midnight UTC; reopening clears it.
          if (status === 'completed' && u.status !== 'completed') {
            u.completedDateTime = { dateTime: `${nu().toISOString().slice(0, 10)}T00:00:00.0000000`, timeZone: 'UTC' };
          } else if (status !== 'completed') {
            delete u.completedDateTime;
          }
          u.status = status;
        });
        break;
      }
      case 'importance': {
        const viktighet = VIKTIGHETER.find((s) => typeof varde === 'string' && s === varde.toLowerCase());
        if (!viktighet) return olasbar(`Requested value '${String(varde)}' was not found.`);
        andringar.push((u) => { u.importance = viktighet; });
        break;
      }
      case 'isReminderOn':
        if (typeof varde !== 'boolean') return olasbar(`Cannot convert the literal '${String(varde)}' to the expected type 'Edm.Boolean'.`);
        andringar.push((u) => { u.isReminderOn = varde; });
        break;
      case 'categories':
        if (!Array.isArray(varde) || varde.some((k) => typeof k !== 'string')) return olasbar("Cannot convert the value of property 'categories' to the expected type 'Collection(Edm.String)'.");
        andringar.push((u) => { u.categories = [...(varde as string[])]; });
        break;
      case 'reminderDateTime':
      case 'completedDateTime': {
        if (varde === null) {
          andringar.push((u) => { delete u[nyckel]; });
          break;
        }
        const tid = lasTid(nyckel, varde);
        if (tid instanceof Response) return tid;
        andringar.push((u) => { u[nyckel] = { dateTime: sjuDecimaler(tid.ms), timeZone: 'UTC' }; });
        break;
      }
      case 'dueDateTime':
      case 'startDateTime': {
        if (varde === null) {
          andringar.push((u) => { delete u[nyckel]; });
          break;
        }
        const tid = lasTid(nyckel, varde);
        if (tid instanceof Response) return tid;
        // To Do keeps only the day: midnight of that day in the zone given, answered in UTC (the update sample).
        const midnatt = tillUtc(`${lokalDag(tid.ms, tid.zon)}T00:00:00`, tid.zon);
        andringar.push((u) => {
          u[nyckel] = { dateTime: sjuDecimaler(midnatt), timeZone: 'UTC' };
          if (nyckel === 'dueDateTime') u.zon = tid.zon;
        });
        break;
      }
      case 'recurrence': {
        if (varde === null) {
          andringar.push((u) => { delete u.recurrence; });
          break;
        }
        const upprepning = lasUpprepning(varde);
        if (upprepning instanceof Response) return upprepning;
        andringar.push((u) => { u.recurrence = upprepning; });
        break;
      }
      case 'id':
      case 'createdDateTime':
      case 'lastModifiedDateTime':
      case 'bodyLastModifiedDateTime':
      case 'hasAttachments':
        // Read-only; the reference lists them in the request body table, so they are accepted and not applied.
        break;
      default:
        if (/^(linkedResources|checklistItems|attachments|extensions|attachmentSessions)$/.test(nyckel)) {
          return ejStodd(emulator, f, `${nyckel} på To Do-uppgifter`);
        }
        return olasbar(`The property '${nyckel}' does not exist on type 'microsoft.graph.todoTask'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
    }
  }
  return andringar;
}

// ---- Answers ----------------------------------------------------------------------------------

function etag(u: ITodoUppgift): string {
  // The tail carries the version, so the etag changes with every change.
  return `W/"${base64url(`${u.id}|v${u.version}`).slice(-28)}=="`;
}

/** `Prefer: outlook.timezone="…"` gives the instants in that zone instead of UTC. */
function svarszon(f: IForfragan): { namn: string; iana: string } | undefined {
  const m = /outlook\.timezone\s*=\s*"?([^";]+)"?/i.exec(f.req.headers.get('Prefer') ?? '');
  const iana = m ? ianaZon(m[1]) : undefined;
  return m && iana ? { namn: m[1].trim(), iana } : undefined;
}

function iZon(t: IDatumTidszon, zon: { namn: string; iana: string } | undefined): IDatumTidszon {
  if (!zon) return { ...t };
  const ms = Date.parse(`${t.dateTime.slice(0, 23)}Z`);
  return { dateTime: sjuDecimaler(ms + forskjutning(ms, zon.iana)), timeZone: zon.namn };
}

export function uppgiftJson(u: ITodoUppgift, zon?: { namn: string; iana: string }): Record<string, unknown> {
  // Key order and the absent-unless-set date properties as in the list and create samples.
  const ut: Record<string, unknown> = {
    '@odata.etag': etag(u),
    importance: u.importance,
    isReminderOn: u.isReminderOn,
    status: u.status,
    title: u.title,
    createdDateTime: u.createdDateTime,
    lastModifiedDateTime: u.lastModifiedDateTime,
    hasAttachments: false,
    categories: [...u.categories],
    bodyLastModifiedDateTime: u.bodyLastModifiedDateTime,
    id: u.id,
    body: { content: u.body.content, contentType: u.body.contentType }
  };
  if (u.completedDateTime) ut.completedDateTime = iZon(u.completedDateTime, zon);
  if (u.dueDateTime) ut.dueDateTime = iZon(u.dueDateTime, zon);
  if (u.startDateTime) ut.startDateTime = iZon(u.startDateTime, zon);
  if (u.reminderDateTime) ut.reminderDateTime = iZon(u.reminderDateTime, zon);
  if (u.recurrence) ut.recurrence = { pattern: { ...u.recurrence.pattern }, range: { ...u.recurrence.range } };
  return ut;
}

function listJson(l: ITodoLista): Record<string, unknown> {
  return { '@odata.type': '#microsoft.graph.todoTaskList', id: l.id, displayName: l.displayName, isOwner: l.isOwner, isShared: l.isShared, wellknownListName: l.wellknownListName };
}

function hittaInte(): Response {
  return graphFel(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

/** Days from a local date (YYYY-MM-DD) to the next occurrence of a daily or weekly pattern. */
function dagarTillNasta(dag: string, monster: Record<string, unknown>): number | undefined {
  const intervall = Number(monster.interval ?? 1);
  if (monster.type === 'daily') return intervall;
  if (monster.type !== 'weekly') return undefined;
  const dagar = (monster.daysOfWeek as string[]).map((d) => VECKODAGAR.indexOf(d));
  const start = new Date(`${dag}T00:00:00Z`).getUTCDay();
  for (let steg = 1; steg <= 7; steg++) {
    const veckodag = (start + steg) % 7;
    if (dagar.includes(veckodag)) {
      // Past the end of the week: skip the weeks the interval leaves out.
      return steg + (start + steg >= 7 ? (intervall - 1) * 7 : 0);
    }
  }
  return undefined;
}

/**
 * Completing a recurring task, To Do keeps the completed one without its recurrence and creates the
 * next occurrence as a new task (new id), due on the next day of the pattern. Daily and weekly only.
 */
function nastaForekomst(attGora: IAttGora, lista: ITodoLista, u: ITodoUppgift, nu: Date): void {
  if (!u.recurrence || !u.dueDateTime) return;
  const zon = u.zon ?? 'UTC';
  const forfallMs = Date.parse(`${u.dueDateTime.dateTime.slice(0, 23)}Z`);
  const steg = dagarTillNasta(lokalDag(forfallMs, zon), u.recurrence.pattern);
  if (steg === undefined) return;
  const nyDag = new Date(Date.parse(`${lokalDag(forfallMs, zon)}T00:00:00Z`) + steg * 86400000).toISOString().slice(0, 10);
  const nyForfall = tillUtc(`${nyDag}T00:00:00`, zon);
  const tid = sjuDecimaler(nu.getTime()) + 'Z';
  const ny: ITodoUppgift = {
    ...u,
    id: nyttUppgiftsId(attGora),
    status: 'notStarted',
    categories: [...u.categories],
    body: { ...u.body },
    dueDateTime: { dateTime: sjuDecimaler(nyForfall), timeZone: 'UTC' },
    createdDateTime: tid,
    lastModifiedDateTime: tid,
    version: 1
  };
  delete ny.completedDateTime;
  if (u.reminderDateTime) {
    const paminnelse = Date.parse(`${u.reminderDateTime.dateTime.slice(0, 23)}Z`);
    ny.reminderDateTime = { dateTime: sjuDecimaler(paminnelse + (nyForfall - forfallMs)), timeZone: 'UTC' };
  }
  delete u.recurrence;
  lista.uppgifter.set(ny.id, ny);
}

export function registreraTodo(emulator: Emulator, lager: IGraphLagerData, nu: () => Date): void {
  const attGora = (f: IForfragan): { anvandare: IEmulatorAnvandare; attGora: IAttGora } => {
    const anvandare = inloggad(emulator, f);
    if (lager.utanUppgiftsbehorighet.has(anvandare.aadId)) {
      throw graphFel(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
    return { anvandare, attGora: attGoraFor(lager, anvandare) };
  };
  const lista = (a: IAttGora, id: string): ITodoLista => {
    const hittad = a.listor.find((l) => l.id === id);
    if (!hittad) throw hittaInte();
    return hittad;
  };
  const uppgift = (l: ITodoLista, id: string): ITodoUppgift => {
    const hittad = l.uppgifter.get(id);
    if (!hittad) throw hittaInte();
    return hittad;
  };
  const tidsstampel = (): string => sjuDecimaler(nu().getTime()) + 'Z';

  emulator.rutt('GET', /^\/v1\.0\/me\/todo\/lists$/i, (f) => {
    const { anvandare, attGora: a } = attGora(f);
    const alt = lasFragealternativ(emulator, f, { tillatna: ['$select', '$top', '$skip', '$filter'], egenskaper: LIST_EGENSKAPER, typnamn: 'microsoft.graph.todoTaskList', filtrerbara: ['displayName', 'wellknownListName'] });
    let rader = a.listor.map(listJson);
    if (alt.filter) {
      const filter = alt.filter;
      rader = rader.filter((r) => uppfyller(filter, (e) => lasSokvag(r, e)));
    }
    const top = alt.top ?? 100;
    const svar: Record<string, unknown> = {
      '@odata.context': kontext(f, `users('${anvandare.aadId}')/todo/lists${alt.select ? `(${alt.select.join(',')})` : ''}`),
      value: rader.slice(alt.skip, alt.skip + top).map((r) => valj(r, alt.select))
    };
    if (alt.skip + top < rader.length) svar['@odata.nextLink'] = lankMed(f, { $skip: String(alt.skip + top) });
    return graphSvar(svar);
  });

  emulator.rutt('GET', /^\/v1\.0\/me\/todo\/lists\/(?!delta$)([^/]+)$/i, (f, traff) => {
    const { anvandare, attGora: a } = attGora(f);
    const alt = lasFragealternativ(emulator, f, { tillatna: ['$select'], egenskaper: LIST_EGENSKAPER, typnamn: 'microsoft.graph.todoTaskList' });
    return graphSvar({
      '@odata.context': kontext(f, `users('${anvandare.aadId}')/todo/lists/$entity`),
      ...valj(listJson(lista(a, traff[1])), alt.select)
    });
  });

  emulator.rutt('GET', /^\/v1\.0\/me\/todo\/lists\/([^/]+)\/tasks$/i, (f, traff) => {
    const { anvandare, attGora: a } = attGora(f);
    const l = lista(a, traff[1]);
    const alt = lasFragealternativ(emulator, f, {
      tillatna: ['$select', '$top', '$skip', '$filter'],
      egenskaper: UPPGIFT_EGENSKAPER,
      typnamn: 'microsoft.graph.todoTask',
      filtrerbara: ['title', 'status', 'importance', 'isReminderOn', 'categories'],
      topGrans: [1, 1000]
    });
    const zon = svarszon(f);
    let rader = Array.from(l.uppgifter.values()).map((u) => uppgiftJson(u, zon));
    if (alt.filter) {
      const filter = alt.filter;
      rader = rader.filter((r) => uppfyller(filter, (e) => lasSokvag(r, e)));
    }
    const top = alt.top ?? 10;
    const svar: Record<string, unknown> = {
      '@odata.context': kontext(f, `users('${anvandare.aadId}')/todo/lists('${l.id}')/tasks${alt.select ? `(${alt.select.join(',')})` : ''}`),
      value: rader.slice(alt.skip, alt.skip + top).map((r) => valj(r, alt.select, ['id', '@odata.etag']))
    };
    if (alt.skip + top < rader.length) svar['@odata.nextLink'] = lankMed(f, { $skip: String(alt.skip + top) });
    return graphSvar(svar, 200, zon ? { 'Preference-Applied': `outlook.timezone="${zon.namn}"` } : {});
  });

  const enUppgift = (f: IForfragan, anvandare: IEmulatorAnvandare, l: ITodoLista, u: ITodoUppgift, status = 200, select?: string[]): Response => {
    const zon = svarszon(f);
    return graphSvar({
      '@odata.context': kontext(f, `users('${anvandare.aadId}')/todo/lists('${l.id}')/tasks${select ? `(${select.join(',')})` : ''}/$entity`),
      ...valj(uppgiftJson(u, zon), select)
    }, status, zon ? { 'Preference-Applied': `outlook.timezone="${zon.namn}"` } : {});
  };

  /** To Do will not repeat a task without a due date (assumed: the client always gives one). */
  const utanForfallodag = (u: ITodoUppgift): Response | undefined => (u.recurrence && !u.dueDateTime
    ? graphFel(400, 'invalidRequest', 'A recurring task must have a due date.')
    : undefined);

  emulator.rutt('POST', /^\/v1\.0\/me\/todo\/lists\/([^/]+)\/tasks$/i, async (f, traff) => {
    const { anvandare, attGora: a } = attGora(f);
    const l = lista(a, traff[1]);
    const andringar = lasUppgiftskropp(emulator, f, await lasKropp(f), nu);
    if (andringar instanceof Response) return andringar;
    const tid = tidsstampel();
    const ny: ITodoUppgift = {
      id: '', title: '', body: { content: '', contentType: 'text' }, status: 'notStarted', importance: 'normal', isReminderOn: false,
      categories: [], createdDateTime: tid, lastModifiedDateTime: tid, bodyLastModifiedDateTime: tid, version: 1
    };
    andringar.forEach((andra) => andra(ny));
    const fel = utanForfallodag(ny);
    if (fel) return fel;
    ny.id = nyttUppgiftsId(a);
    l.uppgifter.set(ny.id, ny);
    return enUppgift(f, anvandare, l, ny, 201);
  });

  emulator.rutt('GET', /^\/v1\.0\/me\/todo\/lists\/([^/]+)\/tasks\/(?!delta$)([^/]+)$/i, (f, traff) => {
    const { anvandare, attGora: a } = attGora(f);
    const alt = lasFragealternativ(emulator, f, { tillatna: ['$select'], egenskaper: UPPGIFT_EGENSKAPER, typnamn: 'microsoft.graph.todoTask' });
    const l = lista(a, traff[1]);
    return enUppgift(f, anvandare, l, uppgift(l, traff[2]), 200, alt.select);
  });

  emulator.rutt('PATCH', /^\/v1\.0\/me\/todo\/lists\/([^/]+)\/tasks\/([^/]+)$/i, async (f, traff) => {
    const { anvandare, attGora: a } = attGora(f);
    const l = lista(a, traff[1]);
    const u = uppgift(l, traff[2]);
    const andringar = lasUppgiftskropp(emulator, f, await lasKropp(f), nu);
    if (andringar instanceof Response) return andringar;
    const prov = { ...u };
    andringar.forEach((andra) => andra(prov));
    const fel = utanForfallodag(prov);
    if (fel) return fel;
    const blevKlar = u.status !== 'completed' && prov.status === 'completed';
    Object.assign(u, prov, { version: u.version + 1, lastModifiedDateTime: tidsstampel() });
    if (!prov.recurrence) delete u.recurrence;
    if (!prov.reminderDateTime) delete u.reminderDateTime;
    if (!prov.dueDateTime) delete u.dueDateTime;
    if (!prov.startDateTime) delete u.startDateTime;
    if (!prov.completedDateTime) delete u.completedDateTime;
    if (blevKlar) nastaForekomst(a, l, u, nu());
    return enUppgift(f, anvandare, l, u);
  });

  emulator.rutt('DELETE', /^\/v1\.0\/me\/todo\/lists\/([^/]+)\/tasks\/([^/]+)$/i, (f, traff) => {
    const { attGora: a } = attGora(f);
    const l = lista(a, traff[1]);
    l.uppgifter.delete(uppgift(l, traff[2]).id);
    return tomtSvar(204);
  });
}
