/** Users in Graph: `/me`, `/users` (with $select, $filter, $top and paging) and `/users/{id | upn}`. */
import { Emulator, graphFel, IEmulatorAnvandare, IForfragan } from '../core';
import { graphSvar, inloggad, kontext, lankMed, lasFragealternativ, lasSkiptoken, lasSokvag, skapaSkiptoken, uppfyller } from './odata';

/** The default properties of a user (the `GET /me` sample's keys, in its order). */
export const ANVANDAR_STANDARD = [
  'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation',
  'preferredLanguage', 'surname', 'userPrincipalName', 'id'
] as const;

/** Properties beyond the default set that $select may name. */
const ANVANDAR_OVRIGA = [
  'accountEnabled', 'city', 'companyName', 'country', 'department', 'employeeId', 'identities', 'mailNickname', 'otherMails',
  'postalCode', 'proxyAddresses', 'state', 'streetAddress', 'usageLocation', 'userType'
];

function fullAnvandare(a: IEmulatorAnvandare): Record<string, unknown> {
  const [fornamn, ...efternamn] = a.title.split(' ');
  return {
    businessPhones: [],
    displayName: a.title,
    givenName: fornamn ?? null,
    jobTitle: a.jobTitle ?? null,
    mail: a.email,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'sv-SE',
    surname: efternamn.join(' ') || null,
    userPrincipalName: a.email,
    id: a.aadId,
    accountEnabled: true,
    city: null,
    companyName: null,
    country: 'Sverige',
    department: null,
    employeeId: null,
    identities: [{ signInType: 'userPrincipalName', issuer: a.email.split('@')[1], issuerAssignedId: a.email }],
    mailNickname: a.email.split('@')[0],
    otherMails: [],
    postalCode: null,
    proxyAddresses: [`SMTP:${a.email}`],
    state: null,
    streetAddress: null,
    usageLocation: 'SE',
    userType: 'Member'
  };
}

/** Without $select Graph returns the default set; with it, only what was asked (id is not forced here). */
export function anvandarJson(a: IEmulatorAnvandare, select?: string[]): Record<string, unknown> {
  const full = fullAnvandare(a);
  const nycklar = select ?? [...ANVANDAR_STANDARD];
  const ut: Record<string, unknown> = {};
  for (const n of nycklar) {
    const nyckel = Object.keys(full).find((k) => k.toLowerCase() === n.toLowerCase());
    if (nyckel) ut[nyckel] = full[nyckel];
  }
  return ut;
}

const EGENSKAPER = [...ANVANDAR_STANDARD, ...ANVANDAR_OVRIGA];

function valtKontext(f: IForfragan, select: string[] | undefined, entitet: boolean): string {
  return kontext(f, `users${select ? `(${select.join(',')})` : ''}${entitet ? '/$entity' : ''}`);
}

export function registreraAnvandare(emulator: Emulator): void {
  const enSelect = (f: IForfragan): string[] | undefined =>
    lasFragealternativ(emulator, f, { tillatna: ['$select'], egenskaper: EGENSKAPER, typnamn: 'microsoft.graph.user' }).select;

  emulator.rutt('GET', /^\/v1\.0\/me$/i, (f) => {
    const jag = inloggad(emulator, f);
    const select = enSelect(f);
    return graphSvar({ '@odata.context': valtKontext(f, select, true), ...anvandarJson(jag, select) });
  });

  emulator.rutt('GET', /^\/v1\.0\/users$/i, (f) => {
    inloggad(emulator, f);
    const alt = lasFragealternativ(emulator, f, {
      tillatna: ['$select', '$filter', '$top', '$skiptoken'],
      egenskaper: EGENSKAPER,
      typnamn: 'microsoft.graph.user',
      filtrerbara: ['displayName', 'mail', 'userPrincipalName', 'givenName', 'surname', 'id', 'jobTitle'],
      topGrans: [1, 999],
      topFel: (top) => graphFel(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`)
    });
    let start = 0;
    if (alt.skiptoken !== undefined) {
      const tolkat = lasSkiptoken(alt.skiptoken);
      if (tolkat === undefined) {
        return graphFel(400, 'Directory_ExpiredPageToken', 'The specified page token value has expired and can no longer be included in your request.');
      }
      start = tolkat;
    }
    let alla = emulator.anvandare.slice();
    if (alt.filter) {
      const filter = alt.filter;
      alla = alla.filter((a) => uppfyller(filter, (e) => lasSokvag(fullAnvandare(a), e)));
    }
    const top = alt.top ?? 100;
    const svar: Record<string, unknown> = {
      '@odata.context': valtKontext(f, alt.select, false),
      value: alla.slice(start, start + top).map((a) => anvandarJson(a, alt.select))
    };
    if (start + top < alla.length) {
      svar['@odata.nextLink'] = lankMed(f, { $skiptoken: skapaSkiptoken(start + top) });
    }
    return graphSvar(svar);
  });

  // Only ids and UPNs: `/users/delta` and other functions fall through to the unknown handling.
  emulator.rutt('GET', /^\/v1\.0\/users\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[^/]+@[^/]+)$/i, (f, traff) => {
    inloggad(emulator, f);
    const select = enSelect(f);
    const nyckel = traff[1].toLowerCase();
    const hittad = emulator.anvandare.find((a) => a.aadId.toLowerCase() === nyckel || a.email.toLowerCase() === nyckel);
    if (!hittad) {
      return graphFel(404, 'Request_ResourceNotFound', `Resource '${traff[1]}' does not exist or one of its queried reference-property objects are not present.`);
    }
    return graphSvar({ '@odata.context': valtKontext(f, select, true), ...anvandarJson(hittad, select) });
  });
}
