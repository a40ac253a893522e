import { arSekretessSida } from '../../src/extensions/tjanstestatus/sekretessSida';
import { arEpostadress } from '../../src/domain/epost';

describe('sekretessnotisen', () => {
  it('gäller sidor i sekretessbiblioteket, oavsett skiftläge och kodning', () => {
    expect(arSekretessSida('/sites/moten/Sekretess/Forms/AllItems.aspx', 'Sekretess')).toBe(true);
    expect(arSekretessSida('/sites/moten/sekretess', 'Sekretess')).toBe(true);
    expect(arSekretessSida('/sites/m%C3%B6ten/Sekretess/2025/KS.pdf', '/Sekretess/')).toBe(true);
  });

  it('gäller inte andra bibliotek, inte ens med liknande namn', () => {
    expect(arSekretessSida('/sites/moten/Handlingar/Forms/AllItems.aspx', 'Sekretess')).toBe(false);
    expect(arSekretessSida('/sites/moten/SekretessArkiv/Forms/AllItems.aspx', 'Sekretess')).toBe(false);
    expect(arSekretessSida('/sites/moten/SekretessArkiv/Sekretess/a.pdf', 'Sekretess')).toBe(true);
  });

  it('visas inte alls när inget bibliotek är inställt', () => {
    expect(arSekretessSida('/sites/moten/Sekretess/a.pdf', undefined)).toBe(false);
    expect(arSekretessSida('/sites/moten/Sekretess/a.pdf', '')).toBe(false);
  });

  it('tål en felkodad adress', () => {
    expect(arSekretessSida('/sites/moten/Sekretess/%E0%A4%A', 'Sekretess')).toBe(true);
  });
});

describe('registratorns e-postadress', () => {
  it('fångar de vanligaste felskrivningarna', () => {
    expect(arEpostadress('registrator@kramfors.se')).toBe(true);
    expect(arEpostadress('registrator@kramfors')).toBe(false);
    expect(arEpostadress('registrator kramfors.se')).toBe(false);
    expect(arEpostadress('')).toBe(false);
  });
});
