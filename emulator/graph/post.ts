/**
 * Outlook mail through Graph: mail folders, messages, delete (to Recoverable Items), permanent
 * delete, move, forward, createForward and send of a draft, and sendMail, for the signed-in user's
 * own mailbox (`/me`). Shapes follow the message and mailFolder samples of the Graph v1.0
 * reference; `Prefer: IdType="ImmutableId"` answers with ids that survive moves and sending.
 */
import { Emulator, graphFel, IEmulatorAnvandare, IForfragan } from '../core';
import {
  brevladaFor, changeKey, flytta, hittaMapp, hittaMeddelande, IBrevlada, IEpostadress, IGraphLagerData, ILagratMeddelande, IMapp,
  IFoljUppFlagga, laggIMapp, NyttMeddelande, synligMapp
} from './lager';
import { base64url, ejStodd, graphSvar, inloggad, kontext, lankMed, lasFragealternativ, lasKropp, lasSokvag, tomtSvar, uppfyller, valj } from './odata';

/** Graph's instants in mail carry whole seconds and a Z. */
export function iso(tid: Date): string {
  return tid.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The properties of a message as Graph lists them (the message sample's keys). */
export const MEDDELANDE_EGENSKAPER = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'receivedDateTime', 'sentDateTime',
  'hasAttachments', 'internetMessageId', 'subject', 'bodyPreview', 'importance', 'parentFolderId', 'conversationId',
  'conversationIndex', 'isDeliveryReceiptRequested', 'isReadReceiptRequested', 'isRead', 'isDraft', 'webLink',
  'inferenceClassification', 'body', 'sender', 'from', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'flag',
  // Valid in $select, not part of the default answer.
  'uniqueBody'
] as const;

const MAPP_EGENSKAPER = ['id', 'displayName', 'parentFolderId', 'childFolderCount', 'unreadItemCount', 'totalItemCount', 'isHidden'];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function somHtml(text: string): string {
  const stycken = text.split(/\n{2,}/).map((s) => `<p>${escapeHtml(s).replace(/\n/g, '<br>')}</p>`).join('\r\n');
  return `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${stycken}\r\n</body>\r\n</html>\r\n`;
}

function franHtml(html: string): string {
  return html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>/gi, '\n\n').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
}

/** `Prefer: outlook.body-content-type="text"` asks for text bodies instead of HTML. */
function vilTexter(f: IForfragan): boolean {
  return /outlook\.body-content-type\s*=\s*"?text"?/i.test(f.req.headers.get('Prefer') ?? '');
}

/** `Prefer: IdType="ImmutableId"` asks for immutable ids in the answer (the URL may carry either kind). */
function vilFastaId(f: IForfragan): boolean {
  return /IdType\s*=\s*"?ImmutableId"?/i.test(f.req.headers.get('Prefer') ?? '');
}

function preferensHuvud(f: IForfragan): Record<string, string> {
  const tillampade = [
    ...(vilTexter(f) ? ['outlook.body-content-type="text"'] : []),
    ...(vilFastaId(f) ? ['IdType="ImmutableId"'] : [])
  ];
  return tillampade.length > 0 ? { 'Preference-Applied': tillampade.join(', ') } : {};
}

export function meddelandeJson(m: ILagratMeddelande, brevlada: IBrevlada, somText = false, fastaId = false): Record<string, unknown> {
  const ck = changeKey(m);
  const mapp = brevlada.mappar.get(m.mapp) as IMapp;
  const mottagare = (lista: IEpostadress[]): unknown[] => lista.map((a) => ({ emailAddress: { name: a.name, address: a.address } }));
  return {
    '@odata.etag': `W/"${ck}"`,
    id: fastaId ? m.fastId : m.id,
    createdDateTime: m.skapad,
    lastModifiedDateTime: m.andrad,
    changeKey: ck,
    categories: [...m.kategorier],
    receivedDateTime: m.mottaget,
    sentDateTime: m.skickat,
    hasAttachments: m.bilagor,
    internetMessageId: m.internetId,
    subject: m.amne,
    // Exchange keeps the first 255 characters of the text body.
    bodyPreview: m.text.slice(0, 255),
    importance: m.viktighet,
    parentFolderId: mapp.id,
    conversationId: m.konversation,
    conversationIndex: `Ad${base64url(m.konversation).slice(0, 20)}==`,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: m.last,
    isDraft: m.utkast,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(m.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: m.inferens ?? 'focused',
    body: somText ? { contentType: 'text', content: m.text } : { contentType: 'html', content: somHtml(m.text) },
    sender: { emailAddress: { ...m.fran } },
    from: { emailAddress: { ...m.fran } },
    toRecipients: mottagare(m.till),
    ccRecipients: mottagare(m.kopia),
    bccRecipients: [],
    replyTo: [],
    flag: m.flagga ? kopieraFlagga(m.flagga) : { flagStatus: 'notFlagged' }
  };
}

function kopieraFlagga(f: IFoljUppFlagga): IFoljUppFlagga {
  const ut: IFoljUppFlagga = { flagStatus: f.flagStatus };
  if (f.completedDateTime) ut.completedDateTime = { ...f.completedDateTime };
  if (f.dueDateTime) ut.dueDateTime = { ...f.dueDateTime };
  if (f.startDateTime) ut.startDateTime = { ...f.startDateTime };
  return ut;
}

export function mappJson(mapp: IMapp, brevlada: IBrevlada): Record<string, unknown> {
  let total = 0;
  let olasta = 0;
  brevlada.meddelanden.forEach((m) => {
    if (m.mapp === mapp.namn) {
      total++;
      if (!m.last) olasta++;
    }
  });
  const barn = mapp.namn === 'msgfolderroot'
    ? Array.from(brevlada.mappar.values()).filter((b) => b.parentFolderId === mapp.id && !b.dold).length
    : 0;
  return {
    id: mapp.id,
    displayName: mapp.displayName,
    parentFolderId: mapp.parentFolderId,
    childFolderCount: barn,
    unreadItemCount: olasta,
    totalItemCount: total,
    isHidden: mapp.dold
  };
}

function hittaInte(): Response {
  return graphFel(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

/** Reads recipients in Graph's `[{ emailAddress: { address, name } }]` form. */
function lasMottagare(varde: unknown): IEpostadress[] {
  if (!Array.isArray(varde)) return [];
  const ut: IEpostadress[] = [];
  for (const post of varde) {
    const adress = (post as { emailAddress?: { address?: unknown; name?: unknown } })?.emailAddress;
    if (typeof adress?.address === 'string' && adress.address.includes('@')) {
      ut.push({ address: adress.address, name: typeof adress.name === 'string' ? adress.name : adress.address });
    }
  }
  return ut;
}

/** OData's answer to a body it cannot read (message as Graph gives it for an unknown property). */
function olasbarKropp(meddelande: string): Response {
  return graphFel(400, 'RequestBodyRead', meddelande);
}

const FLAGGSTATUS = ['notFlagged', 'complete', 'flagged'] as const;

function arDatumTidszon(varde: unknown): varde is { dateTime: string; timeZone: string } {
  const v = varde as { dateTime?: unknown; timeZone?: unknown } | null;
  return !!v && typeof v === 'object' && typeof v.dateTime === 'string' && !isNaN(Date.parse(v.dateTime)) && typeof v.timeZone === 'string';
}

/**
 * Reads a PATCH body of a message into the changes to make, or the answer refusing it. Nothing is
 * changed before the whole body has been read, so a refused PATCH leaves the message as it was.
 */
function lasAndringar(emulator: Emulator, f: IForfragan, kropp: Record<string, unknown>): Array<(m: ILagratMeddelande) => void> | Response {
  const andringar: Array<(m: ILagratMeddelande) => void> = [];
  for (const [nyckel, varde] of Object.entries(kropp)) {
    if (nyckel.startsWith('@')) continue;
    switch (nyckel) {
      case 'categories':
        if (!Array.isArray(varde) || varde.some((k) => typeof k !== 'string')) {
          return olasbarKropp("Cannot convert the value of property 'categories' to the expected type 'Collection(Edm.String)'.");
        }
        andringar.push((m) => { m.kategorier = [...(varde as string[])]; });
        break;
      case 'isRead':
        if (typeof varde !== 'boolean') return olasbarKropp(`Cannot convert the literal '${String(varde)}' to the expected type 'Edm.Boolean'.`);
        andringar.push((m) => { m.last = varde; });
        break;
      case 'importance': {
        const v = typeof varde === 'string' ? varde.toLowerCase() : '';
        if (v !== 'low' && v !== 'normal' && v !== 'high') return olasbarKropp(`The value '${String(varde)}' is not valid for property 'importance'.`);
        andringar.push((m) => { m.viktighet = v; });
        break;
      }
      case 'inferenceClassification': {
        const v = typeof varde === 'string' ? varde.toLowerCase() : '';
        if (v !== 'focused' && v !== 'other') return olasbarKropp(`The value '${String(varde)}' is not valid for property 'inferenceClassification'.`);
        andringar.push((m) => { m.inferens = v; });
        break;
      }
      case 'flag': {
        const flagga = varde as Record<string, unknown> | null;
        if (!flagga || typeof flagga !== 'object' || Array.isArray(flagga)) return olasbarKropp("Cannot read the value of property 'flag'.");
        const ny: IFoljUppFlagga = { flagStatus: 'notFlagged' };
        for (const [k, v] of Object.entries(flagga)) {
          if (k.startsWith('@')) continue;
          if (k === 'flagStatus') {
            const status = FLAGGSTATUS.find((s) => typeof v === 'string' && s.toLowerCase() === v.toLowerCase());
            if (!status) return olasbarKropp(`The value '${String(v)}' is not valid for property 'flagStatus'.`);
            ny.flagStatus = status;
          } else if (k === 'startDateTime' || k === 'dueDateTime' || k === 'completedDateTime') {
            if (v === null) continue;
            if (!arDatumTidszon(v)) return olasbarKropp(`Cannot read the value of property '${k}'.`);
            ny[k] = { dateTime: v.dateTime, timeZone: v.timeZone };
          } else {
            return olasbarKropp(`The property '${k}' does not exist on type 'Microsoft.OutlookServices.FollowupFlag'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
          }
        }
        andringar.push((m) => { m.flagga = ny.flagStatus === 'notFlagged' ? undefined : ny; });
        break;
      }
      default:
        // A real message property the emulator does not change (subject, body, recipients, …): unknown, never ignored.
        if ((MEDDELANDE_EGENSKAPER as readonly string[]).includes(nyckel) || /^(singleValueExtendedProperties|multiValueExtendedProperties|extensions|attachments)$/.test(nyckel)) {
          return ejStodd(emulator, f, `PATCH av ${nyckel}`);
        }
        return olasbarKropp(`The property '${nyckel}' does not exist on type 'Microsoft.OutlookServices.Message'. Make sure to only use property names that are defined by the type or mark the type as open type.`);
    }
  }
  return andringar;
}

function ogiltigaMottagare(): Response {
  return graphFel(400, 'ErrorInvalidRecipients', "At least one recipient isn't valid.");
}

export function registreraPost(emulator: Emulator, lager: IGraphLagerData, nu: () => Date): void {
  /** The caller's mailbox; 403 when the token carries no mail permission. */
  const brevlada = (f: IForfragan): { anvandare: IEmulatorAnvandare; brevlada: IBrevlada } => {
    const anvandare = inloggad(emulator, f);
    if (lager.utanEpostbehorighet.has(anvandare.aadId)) {
      throw graphFel(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
    const b = brevladaFor(lager, anvandare);
    arkiveraSkickade(b);
    return { anvandare, brevlada: b };
  };

  /** Each request to a mailbox brings the sent messages in transit one step closer to Sent Items. */
  const arkiveraSkickade = (b: IBrevlada): void => {
    for (const m of Array.from(b.meddelanden.values())) {
      if (m.iTransit === undefined) continue;
      m.iTransit -= 1;
      if (m.iTransit <= 0) {
        delete m.iTransit;
        flytta(b, m, 'sentitems', nu());
      }
    }
  };

  const avsandare = (a: IEmulatorAnvandare): IEpostadress => ({ name: a.title, address: a.email });

  /** Mail to someone with a mailbox in the emulator lands in that inbox, unread. */
  const leverera = (mottagare: IEpostadress[], kopia: NyttMeddelande): void => {
    for (const m of mottagare) {
      const anv = emulator.anvandare.find((a) => a.email.toLowerCase() === m.address.toLowerCase());
      if (anv) {
        laggIMapp(brevladaFor(lager, anv), 'inbox', { ...kopia, last: false });
      }
    }
  };

  const lista = (f: IForfragan, b: IBrevlada, urval: (m: ILagratMeddelande) => boolean, vag: string, anvandare: IEmulatorAnvandare): Response => {
    const alt = lasFragealternativ(emulator, f, {
      tillatna: ['$select', '$top', '$skip', '$filter', '$orderby', '$count'],
      egenskaper: MEDDELANDE_EGENSKAPER,
      typnamn: 'Microsoft.OutlookServices.Message',
      filtrerbara: [
        'receivedDateTime', 'sentDateTime', 'isRead', 'subject', 'hasAttachments', 'importance', 'from/emailAddress/address', 'conversationId',
        'categories', 'singleValueExtendedProperties'
      ],
      sorterbara: ['receivedDateTime', 'sentDateTime'],
      topGrans: [1, 1000],
      topFel: (top) => graphFel(400, 'ErrorInvalidParameter', `The value '${top}' of parameter 'Top' should be between 1 and 1000.`)
    });
    // Outlook's documented rule (message-list, "Using $filter and $orderby in the same query").
    if (alt.orderby && alt.filter && alt.filter.villkor[0].egenskap.toLowerCase() !== alt.orderby.egenskap.toLowerCase()) {
      return graphFel(400, 'InefficientFilter', 'The restriction or sort order is too complex for this operation.');
    }
    const somText = vilTexter(f);
    const fasta = vilFastaId(f);
    let par = Array.from(b.meddelanden.values()).filter((m) => !m.iTransit && urval(m)).map((m) => ({ m, r: meddelandeJson(m, b, somText, fasta) }));
    if (alt.filter) {
      const filter = alt.filter;
      // Extended properties are not part of the message's JSON unless expanded; the filter reads the stored ones.
      par = par.filter(({ m, r }) => uppfyller(filter, (e) => (e.toLowerCase() === 'singlevalueextendedproperties' ? m.utokade ?? [] : lasSokvag(r, e))));
    }
    let rader = par.map(({ r }) => r);
    const ordning = alt.orderby ?? { egenskap: 'receivedDateTime', fallande: true };
    rader.sort((x, y) => {
      const a = String(x[ordning.egenskap]);
      const c = String(y[ordning.egenskap]);
      const d = a < c ? -1 : a > c ? 1 : String(x.id) < String(y.id) ? -1 : 1;
      return ordning.fallande ? -d : d;
    });
    const top = alt.top ?? 10;
    const sida = rader.slice(alt.skip, alt.skip + top).map((r) => valj(r, alt.select));
    const svar: Record<string, unknown> = {
      '@odata.context': kontext(f, `users('${anvandare.aadId}')/${vag}${alt.select ? `(${alt.select.join(',')})` : ''}`)
    };
    if (alt.count) svar['@odata.count'] = rader.length;
    svar.value = sida;
    if (alt.skip + top < rader.length) {
      svar['@odata.nextLink'] = lankMed(f, { $skip: String(alt.skip + top) });
    }
    return graphSvar(svar, 200, preferensHuvud(f));
  };

  const meddelande = (b: IBrevlada, id: string): ILagratMeddelande => {
    const m = hittaMeddelande(b, id);
    if (!m) throw hittaInte();
    return m;
  };

  emulator.rutt('GET', /^\/v1\.0\/me\/mailFolders$/i, (f) => {
    const { anvandare, brevlada: b } = brevlada(f);
    const alt = lasFragealternativ(emulator, f, { tillatna: ['$select', '$top', '$skip'], egenskaper: MAPP_EGENSKAPER, typnamn: 'Microsoft.OutlookServices.MailFolder' });
    const alla = Array.from(b.mappar.values())
      .filter((m) => synligMapp(m.namn))
      .sort((x, y) => x.displayName.localeCompare(y.displayName, 'sv'))
      .map((m) => mappJson(m, b));
    const top = alt.top ?? 10;
    const svar: Record<string, unknown> = {
      '@odata.context': kontext(f, `users('${anvandare.aadId}')/mailFolders${alt.select ? `(${alt.select.join(',')})` : ''}`),
      value: alla.slice(alt.skip, alt.skip + top).map((m) => valj(m, alt.select))
    };
    if (alt.skip + top < alla.length) svar['@odata.nextLink'] = lankMed(f, { $skip: String(alt.skip + top) });
    return graphSvar(svar);
  });

  emulator.rutt('GET', /^\/v1\.0\/me\/mailFolders\/(?!delta$)([^/]+)$/i, (f, traff) => {
    const { anvandare, brevlada: b } = brevlada(f);
    const alt = lasFragealternativ(emulator, f, { tillatna: ['$select'], egenskaper: MAPP_EGENSKAPER, typnamn: 'Microsoft.OutlookServices.MailFolder' });
    const mapp = hittaMapp(b, traff[1]);
    if (!mapp) return hittaInte();
    return graphSvar({
      '@odata.context': kontext(f, `users('${anvandare.aadId}')/mailFolders${alt.select ? `(${alt.select.join(',')})` : ''}/$entity`),
      ...valj(mappJson(mapp, b), alt.select)
    });
  });

  emulator.rutt('GET', /^\/v1\.0\/me\/mailFolders\/(?!delta$)([^/]+)\/messages$/i, (f, traff) => {
    const { anvandare, brevlada: b } = brevlada(f);
    const mapp = hittaMapp(b, traff[1]);
    if (!mapp) return hittaInte();
    return lista(f, b, (m) => m.mapp === mapp.namn, `mailFolders('${traff[1]}')/messages`, anvandare);
  });

  // Every folder the user sees, Deleted Items included; Recoverable Items is not part of it.
  emulator.rutt('GET', /^\/v1\.0\/me\/messages$/i, (f) => {
    const { anvandare, brevlada: b } = brevlada(f);
    return lista(f, b, (m) => synligMapp(m.mapp), 'messages', anvandare);
  });

  emulator.rutt('GET', /^\/v1\.0\/me\/messages\/(?!delta$)([^/]+)$/i, (f, traff) => {
    const { anvandare, brevlada: b } = brevlada(f);
    const alt = lasFragealternativ(emulator, f, { tillatna: ['$select'], egenskaper: MEDDELANDE_EGENSKAPER, typnamn: 'Microsoft.OutlookServices.Message' });
    const m = meddelande(b, traff[1]);
    return graphSvar({
      '@odata.context': kontext(f, `users('${anvandare.aadId}')/messages${alt.select ? `(${alt.select.join(',')})` : ''}/$entity`),
      ...valj(meddelandeJson(m, b, vilTexter(f), vilFastaId(f)), alt.select)
    }, 200, preferensHuvud(f));
  });

  // Only the properties a user changes on received mail: categories, read state, flag, importance, focused/other.
  emulator.rutt('PATCH', /^\/v1\.0\/me\/(?:mailFolders\/[^/]+\/)?messages\/(?!delta$)([^/]+)$/i, async (f, traff) => {
    const { anvandare, brevlada: b } = brevlada(f);
    const m = meddelande(b, traff[1]);
    const villkor = f.req.headers.get('If-Match');
    if (villkor && villkor.trim() !== '*' && villkor.replace(/^W\//, '').replace(/"/g, '').trim() !== changeKey(m)) {
      return graphFel(412, 'ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.');
    }
    const andringar = lasAndringar(emulator, f, await lasKropp(f));
    if (andringar instanceof Response) return andringar;
    andringar.forEach((andra) => andra(m));
    m.version += 1;
    m.andrad = iso(nu());
    return graphSvar({
      '@odata.context': kontext(f, `users('${anvandare.aadId}')/messages/$entity`),
      ...meddelandeJson(m, b, vilTexter(f), vilFastaId(f))
    }, 200, { ...preferensHuvud(f), ETag: `W/"${changeKey(m)}"` });
  });

  // Exchange's DELETE is a soft delete: the item goes to Recoverable Items\Deletions.
  emulator.rutt('DELETE', /^\/v1\.0\/me\/messages\/(?!delta$)([^/]+)$/i, (f, traff) => {
    const { brevlada: b } = brevlada(f);
    const m = meddelande(b, traff[1]);
    flytta(b, m, 'recoverableitemsdeletions', nu());
    return tomtSvar(204);
  });

  emulator.rutt('POST', /^\/v1\.0\/me\/messages\/([^/]+)\/permanentDelete$/i, (f, traff) => {
    const { brevlada: b } = brevlada(f);
    const m = meddelande(b, traff[1]);
    b.meddelanden.delete(m.id);
    return tomtSvar(204);
  });

  emulator.rutt('POST', /^\/v1\.0\/me\/messages\/([^/]+)\/move$/i, async (f, traff) => {
    const { anvandare, brevlada: b } = brevlada(f);
    const m = meddelande(b, traff[1]);
    const kropp = await lasKropp(f);
    if (typeof kropp.destinationId !== 'string' || kropp.destinationId === '') {
      return graphFel(400, 'ErrorInvalidParameter', "The value of the parameter 'DestinationId' is empty.");
    }
    const mal = hittaMapp(b, kropp.destinationId);
    if (!mal || mal.namn === 'msgfolderroot') return hittaInte();
    const flyttat = flytta(b, m, mal.namn, nu());
    return graphSvar({
      '@odata.context': kontext(f, `users('${anvandare.aadId}')/messages/$entity`),
      '@odata.type': '#microsoft.graph.message',
      ...meddelandeJson(flyttat, b, vilTexter(f), vilFastaId(f))
    }, 201, preferensHuvud(f));
  });

  /** A forward of `m` as Outlook writes it (Swedish mailbox language: "VB:" and the quoted header). */
  const vidarebefordran = (m: ILagratMeddelande, anvandare: IEmulatorAnvandare, till: IEpostadress[], kommentar: string, utkast: boolean): NyttMeddelande => {
    const tid = iso(nu());
    const text = `${kommentar}\n\n-----Ursprungligt meddelande-----\nFrån: ${m.fran.name} <${m.fran.address}>\nSkickat: ${m.skickat}\n` +
      `Till: ${m.till.map((a) => a.address).join('; ')}\nÄmne: ${m.amne}\n\n${m.text}`;
    return {
      skapad: tid, andrad: tid, mottaget: tid, skickat: tid, amne: `VB: ${m.amne}`, text, fran: avsandare(anvandare), till, kopia: [], last: true,
      viktighet: m.viktighet, bilagor: m.bilagor, konversation: m.konversation,
      internetId: `<${base64url(`${m.id}|fw|${tid}|${utkast ? 'u' : 's'}`).slice(0, 32)}@pol.kommun.se>`, utkast
    };
  };

  /** Sends a message out of the mailbox: the recipients get it, the log of outgoing mail records it. */
  const skicka = (skickat: ILagratMeddelande | NyttMeddelande, ursprung?: string): void => {
    lager.utgaende.push({
      typ: 'forward', fran: skickat.fran.address, till: skickat.till.map((a) => a.address), kopia: [], amne: skickat.amne, text: skickat.text,
      tid: skickat.skickat, ...(ursprung ? { ursprung } : {})
    });
    const { id: _id, fastId: _fast, mapp: _mapp, version: _version, utokade: _utokade, iTransit: _transit, ursprung: _ursprung, ...kopia } = skickat as ILagratMeddelande;
    leverera(skickat.till, { ...kopia, utkast: false });
  };

  emulator.rutt('POST', /^\/v1\.0\/me\/messages\/([^/]+)\/forward$/i, async (f, traff) => {
    const { anvandare, brevlada: b } = brevlada(f);
    const m = meddelande(b, traff[1]);
    const kropp = await lasKropp(f);
    const inbaddat = (kropp.message ?? {}) as Record<string, unknown>;
    const till = lasMottagare(kropp.toRecipients ?? inbaddat.toRecipients);
    if (till.length === 0) return ogiltigaMottagare();
    const kopia = vidarebefordran(m, anvandare, till, typeof kropp.comment === 'string' ? kropp.comment : '', false);
    laggIMapp(b, 'sentitems', kopia);
    skicka(kopia, m.id);
    return tomtSvar(202);
  });

  // A forward as a draft in Drafts, to be sent later (message-createforward): its answer is the draft.
  emulator.rutt('POST', /^\/v1\.0\/me\/messages\/([^/]+)\/createForward$/i, async (f, traff) => {
    const { anvandare, brevlada: b } = brevlada(f);
    const m = meddelande(b, traff[1]);
    const kropp = await lasKropp(f);
    const inbaddat = (kropp.message ?? {}) as Record<string, unknown>;
    if ((kropp.toRecipients !== undefined) === (inbaddat.toRecipients !== undefined)) {
      return graphFel(400, 'ErrorInvalidParameter', 'Specify either the toRecipients parameter or the toRecipients property of the message parameter.');
    }
    if (kropp.comment !== undefined && inbaddat.body !== undefined) {
      return graphFel(400, 'ErrorInvalidParameter', 'Specify either a comment or the body property of the message parameter.');
    }
    const till = lasMottagare(kropp.toRecipients ?? inbaddat.toRecipients);
    if (till.length === 0) return ogiltigaMottagare();
    const utokade: Array<{ id: string; value: string }> = [];
    for (const [nyckel, varde] of Object.entries(inbaddat)) {
      if (nyckel === 'toRecipients' || nyckel.startsWith('@')) continue;
      if (nyckel !== 'singleValueExtendedProperties') return ejStodd(emulator, f, `createForward med message.${nyckel}`);
      if (!Array.isArray(varde) || varde.some((e: { id?: unknown; value?: unknown }) => typeof e?.id !== 'string' || typeof e?.value !== 'string')) {
        return olasbarKropp("Cannot read the value of property 'singleValueExtendedProperties'.");
      }
      utokade.push(...(varde as Array<{ id: string; value: string }>).map((e) => ({ id: e.id, value: e.value })));
    }
    const utkast = laggIMapp(b, 'drafts', vidarebefordran(m, anvandare, till, typeof kropp.comment === 'string' ? kropp.comment : '', true));
    if (utokade.length > 0) utkast.utokade = utokade;
    utkast.ursprung = m.id;
    return graphSvar({
      '@odata.context': kontext(f, `users('${anvandare.aadId}')/messages/$entity`),
      ...meddelandeJson(utkast, b, vilTexter(f), vilFastaId(f))
    }, 201, preferensHuvud(f));
  });

  // Sends a draft (message-send): 202, and the message is filed in Sent Items (after a moment, see transitForfragningar).
  emulator.rutt('POST', /^\/v1\.0\/me\/messages\/([^/]+)\/send$/i, (f, traff) => {
    const { brevlada: b } = brevlada(f);
    const m = meddelande(b, traff[1]);
    if (!m.utkast) {
      return graphFel(400, 'ErrorInvalidOperation', 'Only a draft message can be sent.');
    }
    if (m.till.length + m.kopia.length === 0) return ogiltigaMottagare();
    const tid = iso(nu());
    m.utkast = false;
    m.skickat = tid;
    m.mottaget = tid;
    m.andrad = tid;
    m.version += 1;
    skicka(m, m.ursprung);
    if (lager.transitForfragningar > 0) {
      m.mapp = 'outbox';
      m.iTransit = lager.transitForfragningar;
    } else {
      flytta(b, m, 'sentitems', nu());
    }
    return tomtSvar(202);
  });

  emulator.rutt('POST', /^\/v1\.0\/me\/sendMail$/i, async (f) => {
    const { anvandare, brevlada: b } = brevlada(f);
    const kropp = await lasKropp(f);
    const msg = kropp.message as Record<string, unknown> | undefined;
    if (!msg || typeof msg !== 'object') {
      return graphFel(400, 'ErrorInvalidParameter', "The value of the parameter 'Message' is empty.");
    }
    const till = lasMottagare(msg.toRecipients);
    const kopiaTill = lasMottagare(msg.ccRecipients);
    const dold = lasMottagare(msg.bccRecipients);
    if (till.length + kopiaTill.length + dold.length === 0) return ogiltigaMottagare();
    const kroppen = (msg.body ?? {}) as { contentType?: string; content?: string };
    const innehall = typeof kroppen.content === 'string' ? kroppen.content : '';
    const text = /^html$/i.test(kroppen.contentType ?? 'text') ? franHtml(innehall) : innehall;
    const tid = iso(nu());
    const fran = avsandare(anvandare);
    const amne = typeof msg.subject === 'string' ? msg.subject : '';
    const kopia = {
      skapad: tid, andrad: tid, mottaget: tid, skickat: tid, amne, text, fran, till, kopia: kopiaTill, last: true,
      viktighet: (['low', 'normal', 'high'].includes(String(msg.importance)) ? msg.importance : 'normal') as ILagratMeddelande['viktighet'],
      bilagor: false, konversation: `AAQkAD${base64url(`${anvandare.aadId}|${tid}|${amne}`).slice(0, 24)}=`,
      internetId: `<${base64url(`${anvandare.aadId}|${tid}`).slice(0, 32)}@pol.kommun.se>`, utkast: false
    };
    if (kropp.saveToSentItems !== false && kropp.saveToSentItems !== 'false') {
      laggIMapp(b, 'sentitems', kopia);
    }
    lager.utgaende.push({
      typ: 'sendMail', fran: fran.address, till: till.map((a) => a.address), kopia: kopiaTill.map((a) => a.address), amne, text, tid
    });
    leverera([...till, ...kopiaTill, ...dold], kopia);
    return tomtSvar(202);
  });
}
