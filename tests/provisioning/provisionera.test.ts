import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import { provisionera } from '../../provisioning/provisionera';
import { ALLA_LISTOR } from '../../src/schema';
import { UppdragFalt, UppdragLista } from '../../src/schema/uppdrag';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';

let miljo: IEmulatorMiljo;

beforeAll(async () => {
  miljo = await startaEmulator();
});
afterAll(() => miljo.stang());
afterEach(() => miljo.emulator.forvantaIngaOkanda());

describe('provisionering av webbplatsen', () => {
  it('visar vad som skulle ändras vid en torrkörning, utan att ändra något', async () => {
    const { andringar } = await provisionera(miljo.sp('admin'), { torrkorning: true });
    expect(andringar).toContain('+ lista Uppdrag (Lists/Uppdrag)');
    expect(andringar).toContain('+ bibliotek Handlingar (Handlingar)');
    expect(andringar.some((a) => a.startsWith('+ grupp Ärendeportalen – Ledamöter'))).toBe(true);
    expect(miljo.lager.listor).toHaveLength(0);
    expect(miljo.lager.grupper).toHaveLength(0);
  });

  it('skapar varje lista, fält, vy och behörighet ur schemat', async () => {
    await provisionera(miljo.sp('admin'));
    expect(miljo.lager.listor.map((l) => l.Title).sort()).toEqual(ALLA_LISTOR.map((l) => l.title).sort());
    const uppdrag = miljo.lager.listaMedTitel('Uppdrag')!;
    expect(uppdrag.url).toBe('/sites/arendeportalen/Lists/Uppdrag');
    const status = miljo.lager.falt(uppdrag, UppdragFalt.Status)!;
    expect(status).toMatchObject({ Title: 'Status', TypeAsString: 'Choice', Indexed: true, Required: true, DefaultValue: 'Ej påbörjat' });
    expect(status.Choices).toHaveLength(6);
    expect(status.ClientSideComponentId).toBe('2d1e4241-29ff-443b-bd44-349023085db9');
    expect(miljo.lager.falt(uppdrag, UppdragFalt.PlaneratKlart)).toMatchObject({ TypeAsString: 'DateTime', DisplayFormat: 'DateOnly' });
    expect(uppdrag.atgarder.map((a) => a.ClientSideComponentId)).toEqual(['595012dd-4f26-49ad-bea1-85cccab8f4dc']);
    expect(uppdrag.vyer.find((v) => v.DefaultView)).toMatchObject({ Title: 'Alla uppdrag', falt: UppdragLista.views[0].fields });
    // The Swedish title, the ASCII URL.
    expect(miljo.lager.listaMedTitel('Sammanträden')!.url).toBe('/sites/arendeportalen/Lists/Sammantraden');
    const organ = miljo.lager.listaMedTitel('Organ')!;
    const sammantraden = miljo.lager.listaMedTitel('Sammanträden')!;
    expect(miljo.lager.falt(sammantraden, 'Organ')!.LookupList).toBe(organ.Id);
    expect(miljo.lager.falt(organ, 'Title')).toMatchObject({ Title: 'Namn', Indexed: true, EnforceUniqueValues: true });
    expect(uppdrag.unika).toBeDefined();
  });

  it('ändrar ingenting vid en andra körning', async () => {
    const fore = miljo.emulator.statistik.forfragningar;
    const { andringar, varningar } = await provisionera(miljo.sp('admin'));
    expect(andringar).toEqual([]);
    expect(varningar).toEqual([]);
    expect(miljo.emulator.statistik.forfragningar - fore).toBeLessThan(80);
  });

  it('rättar en kolumn som någon ändrat för hand, och bara den', async () => {
    const uppdrag = miljo.lager.listaMedTitel('Uppdrag')!;
    miljo.lager.falt(uppdrag, UppdragFalt.PlaneratKlart)!.Indexed = false;
    const { andringar } = await provisionera(miljo.sp('admin'));
    expect(andringar).toEqual(['~ fält Uppdrag.PlaneratKlart: Indexed false → true']);
    expect(miljo.lager.falt(uppdrag, UppdragFalt.PlaneratKlart)!.Indexed).toBe(true);
  });

  it('nekas för den som inte äger webbplatsen', async () => {
    await expect(provisionera(miljo.sp('handlaggare'))).rejects.toThrow(/403|Access denied/);
  });
});
