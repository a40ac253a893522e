import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Panel, PanelType, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'ArendebalansWebPartStrings';
import { IsoDate } from '../../../../domain/dates';
import { bedomLage, IUppdrag } from '../../../../domain/uppdrag';
import { IUppdragTjanst } from '../../../../data/uppdrag/UppdragTjanst';
import { fyll } from '../../../../ui/format';
import { Laddningsstatus } from '../../../../ui/Laddningsstatus';
import { StatusPill } from '../../../../ui/StatusPill';
import { useLaddning } from '../../../../ui/useLaddning';
import { RadBristBesked } from '../RadBrister';
import { Historik } from './Historik';
import { faltnamn } from './texter';
import { UppdragFormular } from './UppdragFormular';

export interface IUppdragDetaljProps {
  tjanst: IUppdragTjanst;
  id: number;
  idag: IsoDate;
  dagarTillInaktuell: number;
  kanRedigera: boolean;
  /** Why nothing can be saved now (the view is the offline cache's); the edit button is then off and this said beside it. */
  skrivskydd?: string;
  /** A link that opens this uppdrag (Teams deep link or page link), offered for copying. */
  lank?: string;
  onStang: () => void;
  /** After a save, so the list can reload. */
  onSparat: () => void;
}

function Falt({ namn, varde }: { namn: string; varde?: string }): JSX.Element | null {
  if (!varde) return null;
  return (
    <div>
      <Text as="h4" variant="smallPlus" block styles={{ root: { margin: 0, fontWeight: 600 } }}>{namn}</Text>
      <Text as="p" block styles={{ root: { margin: 0, whiteSpace: 'pre-wrap' } }}>{varde}</Text>
    </div>
  );
}

/** Everything about one uppdrag and its history; the handläggare edits it here. */
export function UppdragDetalj({ tjanst, id, idag, dagarTillInaktuell, kanRedigera, skrivskydd, lank, onStang, onSparat }: IUppdragDetaljProps): JSX.Element {
  const [redigerar, satRedigerar] = React.useState(false);
  const [sparat, satSparat] = React.useState(false);
  const [omgang, satOmgang] = React.useState(0);
  const { data, fel, laddar, laddaOm } = useLaddning(
    async () => ({ rad: await tjanst.hamta(id), historik: await tjanst.hamtaHistorik(id) }), [tjanst, id, omgang]);
  const u: IUppdrag | undefined = data?.rad.uppdrag;
  const flyttningar = (data?.historik ?? []).filter((h) => {
    const p = h.andringar.planeratKlart;
    return p && p[0] !== undefined && p[1] !== undefined && p[1] > p[0];
  }).length;

  return (
    <Panel isOpen type={PanelType.medium} onDismiss={onStang} headerText={u ? u.rubrik.trim() || `#${u.id}` : ''} closeButtonAriaLabel={strings.Stang} isLightDismiss>
      <Stack tokens={{ childrenGap: 16 }}>
        {/* A row whose status is not a choice is only being read: say that, not the shared "could not be saved". */}
        <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} egnaTexter={{ olasbar: strings.FelOlasbarUppdrag }} />
        {sparat && <MessageBar messageBarType={MessageBarType.success}>{strings.Sparat}</MessageBar>}
        {u && data && redigerar && (
          <UppdragFormular tjanst={tjanst} uppdrag={u} etag={data.rad.etag} idag={idag}
            onAvbryt={() => satRedigerar(false)}
            onSparat={() => { satRedigerar(false); satSparat(true); satOmgang((n) => n + 1); onSparat(); }} />
        )}
        {u && data && !redigerar && (
          <>
            {data.rad.brister && data.rad.brister.length > 0 && <RadBristBesked brister={data.rad.brister} />}
            <StatusPill lage={bedomLage(u, idag, dagarTillInaktuell)} dagarTillInaktuell={dagarTillInaktuell} />
            <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 8 }}>
              {kanRedigera && (
                <DefaultButton iconProps={{ iconName: 'Edit' }} text={strings.Redigera} disabled={!!skrivskydd}
                  onClick={() => { satSparat(false); satRedigerar(true); }} />
              )}
              {lank && <TextField readOnly label={strings.Lank} value={lank} onFocus={(e) => e.currentTarget.select()} styles={{ root: { minWidth: 260, flexGrow: 1 } }} />}
            </Stack>
            {kanRedigera && skrivskydd && <Text as="p" block>{skrivskydd}</Text>}
            <Falt namn={faltnamn('textForPolitiker')} varde={u.textForPolitiker} />
            <Falt namn={strings.FaltUppdragstext} varde={u.uppdragstext} />
            <section aria-label={strings.RubrikBeslut}>
              <Text as="h3" variant="mediumPlus" block>{strings.RubrikBeslut}</Text>
              <Falt namn={strings.FaltBeslutsinstans} varde={u.beslutsinstans} />
              <Falt namn={strings.FaltBeslutsdatum} varde={u.beslutsdatum} />
              <Falt namn={strings.FaltParagraf} varde={u.paragraf} />
              <Falt namn={strings.FaltDiarienummer} varde={u.diarienummer} />
              <Falt namn={strings.FaltForvaltning} varde={u.forvaltning} />
              <Falt namn={strings.FaltHandlaggare} varde={u.handlaggare} />
            </section>
            <section aria-label={strings.RubrikLage}>
              <Text as="h3" variant="mediumPlus" block>{strings.RubrikLage}</Text>
              <Falt namn={faltnamn('varIHanteringen')} varde={u.varIHanteringen} />
              <Falt namn={faltnamn('planeratKlart')} varde={u.planeratKlart} />
              <Falt namn={strings.FaltForstPlanerat} varde={u.forstPlaneratKlart !== u.planeratKlart ? u.forstPlaneratKlart : undefined} />
              {flyttningar > 0 && <Text as="p" block>{flyttningar === 1 ? strings.FlyttatEnGang : fyll(strings.Flyttat, flyttningar)}</Text>}
              <Falt namn={faltnamn('orsakKod')} varde={u.orsakKod} />
              <Falt namn={faltnamn('orsakText')} varde={u.orsakText} />
              <Falt namn={faltnamn('aterrapporteraSenast')} varde={u.aterrapporteraSenast} />
              <Falt namn={faltnamn('kommentar')} varde={u.kommentar} />
            </section>
            <section aria-label={strings.RubrikHistorik}>
              <Text as="h3" variant="mediumPlus" block>{strings.RubrikHistorik}</Text>
              <Historik handelser={data.historik} />
            </section>
          </>
        )}
      </Stack>
    </Panel>
  );
}
