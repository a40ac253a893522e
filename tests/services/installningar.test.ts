/**
 * The tenant-wide settings (issue 7: E-postrutin as a personal app has no property pane): the
 * tenant property is read from the site's own web against the emulator over loopback HTTP, as
 * the web part reads it, and a failed read comes back as a cause instead of breaking the part.
 */
import { KlientinstallningTjanst, lasRegistratorinstallning, REGISTRATOR_NYCKEL } from '../../src/data/installningar';
import { valjRegistrator } from '../../src/domain/registrator';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';
import { forvantaDataFel } from '../support/testdata';

let miljo: IEmulatorMiljo;
const ADRESS = 'registrator@kramfors.se';
const installningar = (): KlientinstallningTjanst => new KlientinstallningTjanst(miljo.sp('ledamot'));

beforeAll(async () => {
  miljo = await startaEmulator();
});
afterAll(() => miljo.stang());
afterEach(() => {
  miljo.lager.klientegenskaper.clear();
  miljo.emulator.satFel(undefined);
  miljo.emulator.forvantaIngaOkanda();
});

describe('klientorganisationsinställningen', () => {
  it('läser värdet som administratören satt i appkatalogen, från webbplatsens egen webb', async () => {
    miljo.lager.klientegenskaper.set(REGISTRATOR_NYCKEL, { Value: ` ${ADRESS} `, Description: 'Registratorns adress', Comment: '' });
    expect(await installningar().hamtaInstallning(REGISTRATOR_NYCKEL)).toBe(ADRESS);
    const svar = await lasRegistratorinstallning(installningar());
    expect(svar).toEqual({ varde: ADRESS });
    expect(valjRegistrator('', svar)).toEqual({ adress: ADRESS, kalla: 'klientorganisation' });
  });

  it('ger undefined för en nyckel som aldrig satts (odata.null) och för ett tomt värde', async () => {
    expect(await installningar().hamtaInstallning(REGISTRATOR_NYCKEL)).toBeUndefined();
    miljo.lager.klientegenskaper.set(REGISTRATOR_NYCKEL, { Value: '  ', Description: '', Comment: '' });
    expect(await installningar().hamtaInstallning(REGISTRATOR_NYCKEL)).toBeUndefined();
    const svar = await lasRegistratorinstallning(installningar());
    expect(svar).toEqual({ varde: undefined });
    expect(valjRegistrator('', svar)).toEqual({ adress: '', kalla: 'saknas' });
  });

  it('ett fel vid läsningen blir ett DataFel, och delen får orsaken i stället för ett avvisat löfte', async () => {
    miljo.lager.klientegenskaper.set(REGISTRATOR_NYCKEL, { Value: ADRESS, Description: '', Comment: '' });
    miljo.emulator.satFel((f) => (/GetStorageEntity/i.test(f.sokvag) ? 500 : undefined));
    expect((await forvantaDataFel(installningar().hamtaInstallning(REGISTRATOR_NYCKEL))).orsak).toBe('okant');
    const svar = await lasRegistratorinstallning(installningar());
    expect(svar.varde).toBeUndefined();
    expect(svar.fel?.orsak).toBe('okant');
    expect(valjRegistrator('', svar)).toEqual({ adress: '', kalla: 'olast' });
    // The page's own property still wins; the failed read does not matter there.
    expect(valjRegistrator(' egen@kramfors.se ', svar)).toEqual({ adress: 'egen@kramfors.se', kalla: 'egenskap' });

    miljo.emulator.satFel((f) => (/GetStorageEntity/i.test(f.sokvag) ? 403 : undefined));
    expect((await lasRegistratorinstallning(installningar())).fel?.orsak).toBe('behorighet');
  });

  it('en utloggad läsare får orsaken inloggning', async () => {
    const svar = await lasRegistratorinstallning(new KlientinstallningTjanst(miljo.sp('allmanhet')));
    expect(svar.fel?.orsak).toBe('inloggning');
  });
});
