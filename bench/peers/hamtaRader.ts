/** How both peer web parts read the Uppdrag list: SharePoint's own SPHttpClient, part of the page like React. */
import { SPHttpClient } from '@microsoft/sp-http';
import { IListRad } from './listRad';

interface IListobjekt {
  Id: number;
  Title: string;
  Diarienummer?: string;
  Beslutsinstans: string;
  Beslutsdatum?: string;
  Paragraf: string;
  AnsvarigForvaltning: string;
  UppdragStatus: string;
  PlaneratKlart?: string;
  Modified?: string;
}

const dag = (v: string | undefined): string | undefined => (v ? v.slice(0, 10) : undefined);

/** The Uppdrag list's rows, 5,000 per page, the way a plain SPFx web part reads them. */
export async function hamtaRader(klient: SPHttpClient, webbUrl: string): Promise<IListRad[]> {
  const falt = 'Id,Title,Diarienummer,Beslutsinstans,Beslutsdatum,Paragraf,AnsvarigForvaltning,UppdragStatus,PlaneratKlart,Modified';
  const svar = await klient.get(`${webbUrl}/_api/web/lists/getbytitle('Uppdrag')/items?$select=${falt}&$top=5000`, SPHttpClient.configurations.v1);
  if (!svar.ok) throw new Error(`${svar.status} ${svar.statusText}`);
  const { value } = (await svar.json()) as { value: IListobjekt[] };
  return value.map((o) => ({
    id: o.Id,
    rubrik: o.Title,
    diarienummer: o.Diarienummer,
    beslut: [o.Beslutsinstans, dag(o.Beslutsdatum), o.Paragraf].filter(Boolean).join(' '),
    forvaltning: o.AnsvarigForvaltning,
    status: o.UppdragStatus,
    planeratKlart: dag(o.PlaneratKlart),
    senastAndrad: dag(o.Modified)
  }));
}
