/** Which registrator address Diarieför uses (issue 7): the page's property, else the tenant property. */
import { valjRegistrator } from '../../src/domain/registrator';

describe('valjRegistrator', () => {
  it('tar webbdelens egenskap först, när den är en e-postadress', () => {
    expect(valjRegistrator(' sida@kommun.se ', { varde: 'klient@kommun.se' })).toEqual({ adress: 'sida@kommun.se', kalla: 'egenskap' });
    expect(valjRegistrator('sida@kommun.se', undefined)).toEqual({ adress: 'sida@kommun.se', kalla: 'egenskap' });
  });

  it('faller tillbaka på klientorganisationsinställningen när egenskapen är tom eller ogiltig', () => {
    expect(valjRegistrator('', { varde: ' klient@kommun.se ' })).toEqual({ adress: 'klient@kommun.se', kalla: 'klientorganisation' });
    expect(valjRegistrator(undefined, { varde: 'klient@kommun.se' })).toEqual({ adress: 'klient@kommun.se', kalla: 'klientorganisation' });
    expect(valjRegistrator('registrator', { varde: 'klient@kommun.se' })).toEqual({ adress: 'klient@kommun.se', kalla: 'klientorganisation' });
  });

  it('saknas när ingen av dem är en e-postadress; oläst när inställningen inte gick att läsa', () => {
    expect(valjRegistrator('', { varde: undefined })).toEqual({ adress: '', kalla: 'saknas' });
    expect(valjRegistrator('', { varde: 'inte en adress' })).toEqual({ adress: '', kalla: 'saknas' });
    expect(valjRegistrator('', undefined)).toEqual({ adress: '', kalla: 'saknas' });
    expect(valjRegistrator('', { fel: new Error('500') })).toEqual({ adress: '', kalla: 'olast' });
  });
});
