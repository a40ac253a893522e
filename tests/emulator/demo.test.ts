import { skapaDemo } from '../../emulator/demo';
import { UPPDRAG_STATUS_VAL, UppdragFalt } from '../../src/schema/uppdrag';

describe('demodata', () => {
  it('fyller den provisionerade webbplatsen med det issue och seeds kräver, likadant varje gång', async () => {
    const a = await skapaDemo({}, '2026-11-27');
    const b = await skapaDemo({}, '2026-11-27');
    expect(a.data).toEqual(b.data);
    expect(a.data.uppdrag).toBeGreaterThanOrEqual(25);
    expect(a.data.surfplattor).toBeGreaterThanOrEqual(40);
    expect(a.data.sammantraden).toBeGreaterThanOrEqual(4 * 10);
    expect(a.data.protokoll).toBeGreaterThan(0);
    expect(a.data.anslag).toBeGreaterThan(0);
    const uppdrag = a.lager.listaMedTitel('Uppdrag')!;
    const statusar = new Set(Array.from(uppdrag.objekt.values()).map((o) => o.varden[UppdragFalt.Status]));
    expect([...statusar].sort()).toEqual(Object.values(UPPDRAG_STATUS_VAL).sort());
    const varden = (o: { varden: Record<string, unknown> }) => o.varden;
    expect(Array.from(uppdrag.objekt.values()).map(varden)).toEqual(Array.from(b.lager.listaMedTitel('Uppdrag')!.objekt.values()).map(varden));
    // Slipped planned dates are in the history.
    expect(Array.from(uppdrag.objekt.values()).some((o) => o.versioner.some((v) => v.varden[UppdragFalt.PlaneratKlart] !== o.varden[UppdragFalt.PlaneratKlart]))).toBe(true);
    const handlingar = a.lager.listaMedTitel('Handlingar')!;
    const klasser = new Set(Array.from(handlingar.objekt.values()).map((o) => o.varden.Klassificering));
    expect(klasser).toEqual(new Set(['Offentlig', 'Arbetsmaterial']));
    expect(a.lager.listaMedTitel('Sekretess')!.objekt.size).toBeGreaterThan(0);
    // Nothing is saved in the future: "senast ändrad" and "ändrat sedan" rely on it.
    for (const lista of a.lager.listor) {
      for (const o of lista.objekt.values()) expect(o.andrad < '2026-11-28').toBe(true);
    }
  });
});

describe('surfplattorna i registret och i Intune', () => {
  it('är samma enheter med samma låntagare', async () => {
    const { lager, emulator } = await skapaDemo({}, '2026-11-27');
    const plattor = Array.from(lager.listaMedTitel('Surfplattor')!.objekt.values());
    const lan = Array.from(lager.listaMedTitel('Lån')!.objekt.values());
    const svar = await emulator.fetch(`${new URL(emulator.konfig.webbplats).origin}/v1.0/deviceManagement/managedDevices?$top=100`, {
      headers: { Authorization: 'Bearer emu-tove.sjolund%40kommun.se' }
    });
    const enheter = (await svar.json()).value as Array<{ id: string; serialNumber: string; userId: string }>;
    for (const platta of plattor) {
      const enhet = enheter.find((e) => e.id === platta.varden.IntuneEnhetsId);
      expect(enhet?.serialNumber).toBe(platta.varden.Serienummer);
      const lanet = lan.find((l) => l.varden.Surfplatta === platta.Id);
      const lantagare = emulator.anvandare.find((a) => a.id === lanet?.varden.Lantagare);
      expect(enhet?.userId ?? '').toBe(lantagare?.aadId ?? '');
    }
  });
});
