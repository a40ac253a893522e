/**
 * Intune managed devices: list (with $filter on serialNumber), get, and the remote actions wipe,
 * retire, remoteLock and resetPasscode. Only kommunservice and the site admin may use them; Graph answers
 * everyone else 403. The demo fleet is the kommun's iPads for its förtroendevalda.
 */
import { DEMO_INNEHAV } from '../demo/anvandare';
import { Emulator, graphFel, IEmulatorAnvandare, IForfragan, skapaSlump } from '../core';
import { IGraphLagerData, HanteradEnhet, IIntuneAtgard } from './lager';
import { graphSvar, inloggad, kontext, lankMed, lasFragealternativ, lasSkiptoken, lasSokvag, skapaSkiptoken, tomtSvar, uppfyller, valj } from './odata';

export interface IDemoEnhet {
  /** The Intune managedDevice id. */
  id: string;
  serialNumber: string;
  deviceName: string;
  model: string;
}

const MODELLER = ['iPad (9th generation)', 'iPad (10th generation)', 'iPad Air (5th generation)'] as const;
const OS_VERSIONER: Record<string, string> = {
  'iPad (9th generation)': '17.6.1',
  'iPad (10th generation)': '18.5',
  'iPad Air (5th generation)': '18.5'
};
/** Apple serial numbers leave out O and I, which read as 0 and 1. */
const SERIETECKEN = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function guid(slump: () => number): string {
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(slump() * 16).toString(16)).join('');
  // Version 4 layout, so the ids look like Intune's.
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(slump() * 4)]}${hex(3)}-${hex(12)}`;
}

function skapaDemoEnheter(antal: number): IDemoEnhet[] {
  const slump = skapaSlump(4004);
  const sedda = new Set<string>();
  const ut: IDemoEnhet[] = [];
  while (ut.length < antal) {
    const serie = `DMPX${Array.from({ length: 8 }, () => SERIETECKEN[Math.floor(slump() * SERIETECKEN.length)]).join('')}`;
    const id = guid(slump);
    if (sedda.has(serie)) continue;
    sedda.add(serie);
    const nummer = String(ut.length + 1).padStart(3, '0');
    // Older models first: the kommun bought the fleet in three rounds.
    const model = MODELLER[ut.length < 18 ? 0 : ut.length < 34 ? 1 : 2];
    ut.push({ id, serialNumber: serie, deviceName: `POL-IPAD-${nummer}`, model });
  }
  return ut;
}

/**
 * The demo fleet: 44 iPads with fixed ids and serial numbers. The SharePoint tablet register
 * uses the same serial numbers, so a loan in the register and a device in Intune can be matched.
 */
export const DEMO_ENHETER: readonly IDemoEnhet[] = skapaDemoEnheter(44);

/** Who may manage devices: Intune administrators are kommunservice and the site admin here. */
export function farHanteraEnheter(a: IEmulatorAnvandare): boolean {
  return a.roll === 'kommunservice' || a.roll === 'admin';
}

/**
 * Graph's managedDevice (v1.0) with the managedDevice sample's properties. Devices with a user
 * are enrolled through Apple Business Manager with user affinity; the rest are in stock.
 */
export function skapaHanteradEnhet(enhet: IDemoEnhet, anvandare: IEmulatorAnvandare | undefined, index: number): HanteradEnhet {
  const slump = skapaSlump(9000 + index);
  const mac = Array.from({ length: 6 }, () => Math.floor(slump() * 256).toString(16).padStart(2, '0')).join(':');
  const registrerad = new Date(Date.UTC(2023, 0, 16) + index * 86400000 * 9).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const totalt = enhet.model.startsWith('iPad Air') ? 256 : 64;
  return {
    id: enhet.id,
    userId: anvandare?.aadId ?? '',
    deviceName: enhet.deviceName,
    managedDeviceOwnerType: 'company',
    deviceActionResults: [],
    enrolledDateTime: registrerad,
    lastSyncDateTime: new Date(Date.UTC(2025, 0, 1) + index * 3600000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    operatingSystem: 'iOS',
    complianceState: anvandare ? 'compliant' : 'unknown',
    jailBroken: 'False',
    managementAgent: 'mdm',
    osVersion: OS_VERSIONER[enhet.model],
    easActivated: false,
    easDeviceId: '',
    easActivationDateTime: '0001-01-01T00:00:00Z',
    azureADRegistered: anvandare !== undefined,
    deviceEnrollmentType: anvandare ? 'appleBulkWithUser' : 'appleBulkWithoutUser',
    activationLockBypassCode: null,
    emailAddress: anvandare?.email ?? '',
    azureADDeviceId: anvandare ? guid(slump) : '00000000-0000-0000-0000-000000000000',
    deviceRegistrationState: anvandare ? 'registered' : 'notRegistered',
    deviceCategoryDisplayName: 'Förtroendevalda',
    isSupervised: true,
    exchangeLastSuccessfulSyncDateTime: '0001-01-01T00:00:00Z',
    exchangeAccessState: 'none',
    exchangeAccessStateReason: 'none',
    remoteAssistanceSessionUrl: null,
    remoteAssistanceSessionErrorDetails: null,
    isEncrypted: true,
    userPrincipalName: anvandare?.email ?? '',
    model: enhet.model,
    manufacturer: 'Apple',
    imei: '',
    complianceGracePeriodExpirationDateTime: '9999-12-31T23:59:59Z',
    serialNumber: enhet.serialNumber,
    phoneNumber: '',
    androidSecurityPatchLevel: '',
    userDisplayName: anvandare?.title ?? '',
    configurationManagerClientEnabledFeatures: null,
    wiFiMacAddress: mac.replace(/:/g, ''),
    deviceHealthAttestationState: null,
    subscriberCarrier: '',
    meid: '',
    totalStorageSpaceInBytes: totalt * 1024 * 1024 * 1024,
    freeStorageSpaceInBytes: Math.floor(totalt * (0.3 + slump() * 0.5)) * 1024 * 1024 * 1024,
    managedDeviceName: anvandare ? `${anvandare.email.split('@')[0]}_iPad_${registrerad.slice(0, 10)}` : `${enhet.deviceName}_${registrerad.slice(0, 10)}`,
    partnerReportedThreatState: 'unknown',
    requireUserEnrollmentApproval: false,
    managementCertificateExpirationDate: new Date(Date.parse(registrerad) + 365 * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    iccid: '',
    udid: guid(slump).replace(/-/g, '').toUpperCase().slice(0, 25),
    notes: null,
    ethernetMacAddress: null,
    physicalMemoryInBytes: 0,
    enrollmentProfileName: anvandare ? 'Förtroendevalda med användare' : 'Förtroendevalda i lager'
  };
}

/** Seeds the fleet: each device enrolled to whoever has it on loan in the register, the rest without a user. */
export function seedaDemoEnheter(lager: IGraphLagerData, emulator: Emulator): void {
  // The same borrowers, device for device, as the register's loans that are handed out (emulator/demo/surfplattor.ts).
  const lantagare = DEMO_INNEHAV.map((l) => emulator.anvandare.find((a) => a.id === l?.id));
  DEMO_ENHETER.forEach((enhet, i) => {
    lager.enheter.set(enhet.id, skapaHanteradEnhet(enhet, lantagare[i], i));
  });
}

const ENHETS_EGENSKAPER = [
  'id', 'userId', 'deviceName', 'managedDeviceOwnerType', 'deviceActionResults', 'enrolledDateTime', 'lastSyncDateTime',
  'operatingSystem', 'complianceState', 'jailBroken', 'managementAgent', 'osVersion', 'easActivated', 'easDeviceId',
  'easActivationDateTime', 'azureADRegistered', 'deviceEnrollmentType', 'activationLockBypassCode', 'emailAddress',
  'azureADDeviceId', 'deviceRegistrationState', 'deviceCategoryDisplayName', 'isSupervised',
  'exchangeLastSuccessfulSyncDateTime', 'exchangeAccessState', 'exchangeAccessStateReason', 'remoteAssistanceSessionUrl',
  'remoteAssistanceSessionErrorDetails', 'isEncrypted', 'userPrincipalName', 'model', 'manufacturer', 'imei',
  'complianceGracePeriodExpirationDateTime', 'serialNumber', 'phoneNumber', 'androidSecurityPatchLevel', 'userDisplayName',
  'configurationManagerClientEnabledFeatures', 'wiFiMacAddress', 'deviceHealthAttestationState', 'subscriberCarrier', 'meid',
  'totalStorageSpaceInBytes', 'freeStorageSpaceInBytes', 'managedDeviceName', 'partnerReportedThreatState',
  'requireUserEnrollmentApproval', 'managementCertificateExpirationDate', 'iccid', 'udid', 'notes', 'ethernetMacAddress',
  'physicalMemoryInBytes', 'enrollmentProfileName'
];

export function registreraIntune(emulator: Emulator, lager: IGraphLagerData, nu: () => Date): void {
  const behorig = (f: IForfragan): IEmulatorAnvandare => {
    const a = inloggad(emulator, f);
    if (!farHanteraEnheter(a)) {
      throw graphFel(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    }
    return a;
  };
  const enhet = (id: string): HanteradEnhet => {
    const e = lager.enheter.get(id.toLowerCase());
    if (!e) throw graphFel(404, 'ResourceNotFound', `Resource not found for the segment 'managedDevices'.`);
    return e;
  };

  emulator.rutt('GET', /^\/v1\.0\/deviceManagement\/managedDevices$/i, (f) => {
    behorig(f);
    const alt = lasFragealternativ(emulator, f, {
      tillatna: ['$select', '$filter', '$top', '$skiptoken'],
      egenskaper: ENHETS_EGENSKAPER,
      typnamn: 'microsoft.graph.managedDevice',
      filtrerbara: ['serialNumber', 'userPrincipalName', 'deviceName', 'operatingSystem', 'complianceState', 'userId'],
      topGrans: [1, 1000]
    });
    let alla = Array.from(lager.enheter.values());
    if (alt.filter) {
      const filter = alt.filter;
      alla = alla.filter((e) => uppfyller(filter, (p) => lasSokvag(e, p)));
    }
    const start = alt.skiptoken !== undefined ? lasSkiptoken(alt.skiptoken) : 0;
    if (start === undefined) return graphFel(400, 'BadRequest', 'Invalid $skiptoken.');
    const top = alt.top ?? 1000;
    const svar: Record<string, unknown> = {
      '@odata.context': kontext(f, `deviceManagement/managedDevices${alt.select ? `(${alt.select.join(',')})` : ''}`),
      value: alla.slice(start, start + top).map((e) => valj(e, alt.select))
    };
    if (start + top < alla.length) svar['@odata.nextLink'] = lankMed(f, { $skiptoken: skapaSkiptoken(start + top) });
    return graphSvar(svar);
  });

  emulator.rutt('GET', /^\/v1\.0\/deviceManagement\/managedDevices\/([0-9a-f-]{36})$/i, (f, traff) => {
    behorig(f);
    const alt = lasFragealternativ(emulator, f, { tillatna: ['$select'], egenskaper: ENHETS_EGENSKAPER, typnamn: 'microsoft.graph.managedDevice' });
    return graphSvar({
      '@odata.context': kontext(f, 'deviceManagement/managedDevices/$entity'),
      '@odata.type': '#microsoft.graph.managedDevice',
      ...valj(enhet(traff[1]), alt.select)
    });
  });

  emulator.rutt('POST', /^\/v1\.0\/deviceManagement\/managedDevices\/([0-9a-f-]{36})\/(wipe|retire|remoteLock|resetPasscode)$/i, (f, traff) => {
    const a = behorig(f);
    const e = enhet(traff[1]);
    const atgard = (['wipe', 'retire', 'remoteLock', 'resetPasscode'] as const).find((x) => x.toLowerCase() === traff[2].toLowerCase()) as IIntuneAtgard['atgard'];
    const tid = nu().toISOString();
    // Intune reports an action as pending until the device checks in; the emulator's devices never do.
    const resultat = (e.deviceActionResults as Array<Record<string, unknown>>).filter((r) => r.actionName !== atgard);
    resultat.push({ actionName: atgard, actionState: 'pending', startDateTime: tid, lastUpdatedDateTime: tid });
    e.deviceActionResults = resultat;
    lager.intuneAtgarder.push({ enhetId: e.id, serialNumber: e.serialNumber, atgard, av: a.email, tid });
    return tomtSvar(204);
  });
}
