/**
 * List item attachments in the emulator, as SharePoint REST has them and PnPjs v4 asks for them
 * (item.attachmentFiles): add (refusing a name in use), list, read, read by server-relative path,
 * delete — all with the item's permissions and the list's ReadSecurity/WriteSecurity.
 */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI } from '@pnp/sp';
import '@pnp/sp/attachments';
import '@pnp/sp/files';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import '@pnp/sp/webs';
import { Emulator } from '../../emulator/core';
import { DEMO_ANVANDARE } from '../../emulator/demo/anvandare';
import { ROLLDEFINITIONER } from '../../emulator/sharepoint/lager';
import { skapaSp } from '../../src/data/pnp';
import { KvittenserLista, KvittensFalt, LanFalt, LanLista } from '../../src/schema/surfplattor';
import { IEmulatorMiljo, startaEmulator } from '../support/emulatorMiljo';

let miljo: IEmulatorMiljo;
const SIV = DEMO_ANVANDARE.find((a) => a.email === 'siv.sahlstrom@pol.kommun.se')!;
const ERIK = DEMO_ANVANDARE.find((a) => a.email === 'erik.nordin@pol.kommun.se')!;
const som = (email: string): SPFI => skapaSp(miljo.webbplats, SPBrowser(), InjectHeaders({ Cookie: Emulator.cookie(email) }));
const text = (b: ArrayBuffer): string => new TextDecoder().decode(b);

beforeAll(async () => {
  miljo = await startaEmulator({}, true);
});
afterAll(() => miljo.stang());
afterEach(() => miljo.emulator.forvantaIngaOkanda());

/** A receipt row of Siv's own, as "Min surfplatta" adds it. */
async function nyKvittens(sp: SPFI, rubrik: string): Promise<number> {
  const lan = Array.from(miljo.lager.listaMedTitel(LanLista.title)!.objekt.values())[0];
  const rad = await sp.web.lists.getByTitle(KvittenserLista.title).items.add({
    [KvittensFalt.Rubrik]: rubrik, [`${KvittensFalt.Lan}Id`]: lan.Id, [KvittensFalt.Typ]: 'Utlämning',
    [KvittensFalt.RiktlinjeVersion]: '2.0', [KvittensFalt.Signeringssatt]: 'Skrivet namn', [KvittensFalt.SkrivetNamn]: SIV.title
  });
  return (rad as { Id: number }).Id;
}

describe('bilagor på listobjekt', () => {
  it('låntagaren lägger till en PDF på sin egen rad; den listas, läses och nås via sin serverrelativa adress', async () => {
    const sp = som(SIV.email);
    const id = await nyKvittens(sp, 'Kvittens bilaga 1');
    const objekt = sp.web.lists.getByTitle(KvittenserLista.title).items.getById(id);
    const pdf = new TextEncoder().encode('%PDF-1.7 kvittens');
    await objekt.attachmentFiles.add('kvittens.pdf', pdf);

    const url = `${miljo.emulator.sitePath}/Lists/Kvittenser/Attachments/${id}/kvittens.pdf`;
    expect(await objekt.attachmentFiles()).toEqual([expect.objectContaining({ FileName: 'kvittens.pdf', ServerRelativeUrl: url })]);
    expect(text(await objekt.attachmentFiles.getByName('kvittens.pdf').getBuffer())).toBe('%PDF-1.7 kvittens');
    expect(await objekt.select('Attachments')()).toMatchObject({ Attachments: true });
    const medBilagor = await objekt.select('Id', 'AttachmentFiles').expand('AttachmentFiles')();
    expect(medBilagor.AttachmentFiles).toEqual([expect.objectContaining({ FileName: 'kvittens.pdf', ServerRelativeUrl: url })]);

    // Kommunservice (Full Control) reads it as a file by the URL kept on the loan.
    const ks = miljo.sp('kommunservice');
    expect(text(await ks.web.getFileByServerRelativePath(url).getBuffer())).toBe('%PDF-1.7 kvittens');
    expect(await ks.web.getFileByServerRelativePath(url)()).toMatchObject({ Name: 'kvittens.pdf', ServerRelativeUrl: url, Length: String(pdf.length) });
    // getByFileName addresses the same attachment.
    const viaNamn = await fetch(`${miljo.webbplats}/_api/web/lists/getbytitle('Kvittenser')/items(${id})/AttachmentFiles/getByFileName('kvittens.pdf')/$value`,
      { headers: { Authorization: Emulator.token(SIV.email) } });
    expect(await viaNamn.text()).toBe('%PDF-1.7 kvittens');
  });

  it('vägrar ett namn som redan finns på objektet, som SharePoint (ingen överskrivning)', async () => {
    const sp = som(SIV.email);
    const id = await nyKvittens(sp, 'Kvittens bilaga 2');
    const bilagor = sp.web.lists.getByTitle(KvittenserLista.title).items.getById(id).attachmentFiles;
    await bilagor.add('kvittens.pdf', new TextEncoder().encode('första'));
    await expect(bilagor.add('KVITTENS.pdf', new TextEncoder().encode('andra'))).rejects.toMatchObject({ status: 400 });
    expect(text(await bilagor.getByName('kvittens.pdf').getBuffer())).toBe('första');
    expect(await bilagor()).toHaveLength(1);
  });

  it('en annan ledamot ser varken raden eller dess bilaga (ReadSecurity: egna), inte heller via sökvägen: 404', async () => {
    const id = await nyKvittens(som(SIV.email), 'Kvittens bilaga 3');
    await som(SIV.email).web.lists.getByTitle(KvittenserLista.title).items.getById(id).attachmentFiles.add('hemlig.pdf', new TextEncoder().encode('x'));
    const erik = som(ERIK.email);
    const objekt = erik.web.lists.getByTitle(KvittenserLista.title).items.getById(id);
    await expect(objekt.attachmentFiles()).rejects.toMatchObject({ status: 404 });
    await expect(objekt.attachmentFiles.getByName('hemlig.pdf').getBuffer()).rejects.toMatchObject({ status: 404 });
    await expect(erik.web.getFileByServerRelativePath(`${miljo.emulator.sitePath}/Lists/Kvittenser/Attachments/${id}/hemlig.pdf`).getBuffer())
      .rejects.toMatchObject({ status: 404 });
    // Nor may he add one to her row.
    await expect(objekt.attachmentFiles.add('intrang.pdf', new TextEncoder().encode('x'))).rejects.toMatchObject({ status: 404 });
    expect(miljo.lager.listaMedTitel(KvittenserLista.title)!.objekt.get(id)!.bilagor!.map((b) => b.namn)).toEqual(['hemlig.pdf']);
  });

  it('en ledamot når inte bilagor i registret där hon inget har; en bilaga på ett objekt som delats med henne kan hon läsa', async () => {
    const ks = miljo.sp('kommunservice');
    const lan = miljo.lager.listaMedTitel(LanLista.title)!;
    const andras = Array.from(lan.objekt.values()).filter((o) => o.varden[LanFalt.Lantagare] !== SIV.id);
    const ettLan = andras[0];
    await ks.web.lists.getByTitle(LanLista.title).items.getById(ettLan.Id).attachmentFiles.add('intern.txt', new TextEncoder().encode('intern'));
    await expect(som(SIV.email).web.getFileByServerRelativePath(`${lan.url}/Attachments/${ettLan.Id}/intern.txt`).getBuffer()).rejects.toMatchObject({ status: 404 });
    // Kommunservice shares a loan with her as the check-out does: own permissions, her Read.
    const eget = andras[1];
    const item = ks.web.lists.getByTitle(LanLista.title).items.getById(eget.Id);
    await item.breakRoleInheritance(true);
    await item.roleAssignments.add(SIV.id, ROLLDEFINITIONER.find((r) => r.Name === 'Läsa')!.Id);
    await item.attachmentFiles.add('eget.txt', new TextEncoder().encode('eget'));
    expect(text(await som(SIV.email).web.getFileByServerRelativePath(`${lan.url}/Attachments/${eget.Id}/eget.txt`).getBuffer())).toBe('eget');
    // Read is not edit: she cannot add to the loan shared with her.
    await expect(som(SIV.email).web.lists.getByTitle(LanLista.title).items.getById(eget.Id).attachmentFiles.add('mitt.txt', new TextEncoder().encode('x')))
      .rejects.toMatchObject({ status: 403 });
  });

  it('tar bort en bilaga; när objektet raderas försvinner dess bilagor med det', async () => {
    const sp = som(SIV.email);
    const id = await nyKvittens(sp, 'Kvittens bilaga 4');
    const objekt = sp.web.lists.getByTitle(KvittenserLista.title).items.getById(id);
    await objekt.attachmentFiles.add('a.pdf', new TextEncoder().encode('a'));
    await objekt.attachmentFiles.add('b.pdf', new TextEncoder().encode('b'));
    await objekt.attachmentFiles.getByName('a.pdf').delete();
    expect((await objekt.attachmentFiles()).map((b: { FileName: string }) => b.FileName)).toEqual(['b.pdf']);
    await expect(objekt.attachmentFiles.getByName('a.pdf').getBuffer()).rejects.toMatchObject({ status: 404 });

    const ks = miljo.sp('kommunservice');
    const url = `${miljo.emulator.sitePath}/Lists/Kvittenser/Attachments/${id}/b.pdf`;
    expect(text(await ks.web.getFileByServerRelativePath(url).getBuffer())).toBe('b');
    await ks.web.lists.getByTitle(KvittenserLista.title).items.getById(id).delete();
    await expect(ks.web.getFileByServerRelativePath(url).getBuffer()).rejects.toMatchObject({ status: 404 });
    await expect(ks.web.lists.getByTitle(KvittenserLista.title).items.getById(id).attachmentFiles()).rejects.toMatchObject({ status: 404 });
  });
});
