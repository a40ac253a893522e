/**
 * Which web holds the portal's lists: the tenant property Arendeportalen.PortalUrl when it is a
 * usable address on the page's host, else the page's own web (a personal app in Teams and Outlook
 * runs on the tenant's root site, a page on the portal is the portal).
 */
import { tolkaPortalUrl, valjPortalwebb } from '../../src/domain/portalwebb';

const ROT = { url: 'https://kommun.sharepoint.com', sokvag: '/' };
const PORTAL = 'https://kommun.sharepoint.com/sites/arendeportalen';

describe('valjPortalwebb', () => {
  it('tar klientorganisationsinställningen när den pekar på en webbplats på sidans värd', () => {
    expect(valjPortalwebb(ROT, { varde: PORTAL })).toEqual({ url: PORTAL, sokvag: '/sites/arendeportalen', kalla: 'klientorganisation' });
    // Spaces and a trailing slash, as an administrator may paste it.
    expect(valjPortalwebb(ROT, { varde: ` ${PORTAL}/ ` })).toEqual({ url: PORTAL, sokvag: '/sites/arendeportalen', kalla: 'klientorganisation' });
    // On a page of another site too: the lists are the portal's wherever the part is.
    expect(valjPortalwebb({ url: 'https://kommun.sharepoint.com/sites/intranat', sokvag: '/sites/intranat' }, { varde: PORTAL }).url).toBe(PORTAL);
  });

  it('faller tillbaka på sidans egen webb när inställningen saknas, inte gick att läsa eller är tom', () => {
    const egen = { url: `${PORTAL}/`, sokvag: '/sites/arendeportalen' };
    for (const klient of [undefined, { varde: undefined }, { fel: new Error('500') }, { varde: '  ' }]) {
      expect(valjPortalwebb(egen, klient)).toEqual({ url: PORTAL, sokvag: '/sites/arendeportalen', kalla: 'sidan' });
      expect(valjPortalwebb(ROT, klient)).toEqual({ url: 'https://kommun.sharepoint.com', sokvag: '/', kalla: 'sidan' });
    }
  });

  it('följer bara https på sidans egen värd; en annan värd, http eller en sida är ingen portal', () => {
    for (const varde of [
      'https://annan.sharepoint.com/sites/arendeportalen',
      'https://kommun-my.sharepoint.com/personal/siv',
      'http://kommun.sharepoint.com/sites/arendeportalen',
      'https://kommun.sharepoint.com:8443/sites/arendeportalen',
      'javascript:alert(1)',
      '/sites/arendeportalen',
      'arendeportalen',
      `${PORTAL}?web=1`,
      `${PORTAL}#hem`,
      `${PORTAL}/SitePages/Hem.aspx`,
      `${PORTAL}/_layouts/15/viewlsts.aspx`,
      'https://siv:hemligt@kommun.sharepoint.com/sites/arendeportalen'
    ]) {
      expect([varde, valjPortalwebb(ROT, { varde }).kalla]).toEqual([varde, 'sidan']);
    }
  });

  it('tar emot http bara på den egna datorn (arbetsbänken och emulatorn), och då på samma port', () => {
    const lokal = { url: 'http://127.0.0.1:4321', sokvag: '/' };
    expect(valjPortalwebb(lokal, { varde: 'http://127.0.0.1:4321/sites/arendeportalen' }))
      .toEqual({ url: 'http://127.0.0.1:4321/sites/arendeportalen', sokvag: '/sites/arendeportalen', kalla: 'klientorganisation' });
    expect(valjPortalwebb(lokal, { varde: 'http://127.0.0.1:5000/sites/arendeportalen' }).kalla).toBe('sidan');
    expect(valjPortalwebb({ url: 'http://localhost:4321', sokvag: '/' }, { varde: 'http://localhost:4321/sites/a' }).kalla).toBe('klientorganisation');
  });
});

describe('tolkaPortalUrl', () => {
  it('ger sökvägen avkodad, som pageContext.web.serverRelativeUrl, och adressen som den skrevs', () => {
    expect(tolkaPortalUrl('https://kommun.sharepoint.com/sites/n%C3%A4mnd', ROT.url))
      .toEqual({ url: 'https://kommun.sharepoint.com/sites/n%C3%A4mnd', sokvag: '/sites/nämnd' });
  });

  it('godtar rotwebbplatsen själv som portal', () => {
    expect(tolkaPortalUrl('https://kommun.sharepoint.com/', ROT.url)).toEqual({ url: 'https://kommun.sharepoint.com', sokvag: '/' });
  });

  it('ger undefined för ett värde som inte är en adress, och när sidans adress saknas', () => {
    expect(tolkaPortalUrl(undefined, ROT.url)).toBeUndefined();
    expect(tolkaPortalUrl('inte en adress', ROT.url)).toBeUndefined();
    expect(tolkaPortalUrl(PORTAL, '')).toBeUndefined();
    expect(tolkaPortalUrl('https://kommun.sharepoint.com/sites/%E0%A4%A', ROT.url)).toBeUndefined();
  });
});
