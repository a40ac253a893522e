/** Loans whose borrower's mandate ends within N days (or has ended), with return reminders by mail. */
import * as React from 'react';
import {
  Checkbox, DetailsList, DetailsListLayoutMode, IColumn, MessageBar, MessageBarType, PrimaryButton, SelectionMode, Spinner, SpinnerSize, SpinButton,
  Stack, Text
} from '@fluentui/react';
import * as strings from 'SurfplattorWebPartStrings';
import { IsoDate } from '../../../domain/dates';
import { ILan, IMandatTjanst, IPaminnelseResultat } from '../../../data/surfplattor/typer';
import { EmptyState } from '../../../ui/EmptyState';
import { Flagga } from '../../../ui/Flagga';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { useLaddning } from '../../../ui/useLaddning';
import { useSkrivning } from '../../../ui/skrivning';
import { DataFelorsak } from '../../../data/fel';
import { felText } from '../../../ui/felText';
import { skrivfelText } from './texter';

export interface IMandatProps {
  mandat: IMandatTjanst;
  idag: IsoDate;
  /** Days ahead, the web part's setting (default 60). */
  dagar: number;
}

/** The reminder as the borrower reads it, in the words of the sender's language files (read when sent). */
export function paminnelseTexter(): { amne: string; text: (l: ILan) => string } {
  return { amne: strings.PaminnelseAmne, text: (l) => fyll(strings.PaminnelseText, l.lantagare?.namn ?? '', l.stoldmarkning, l.mandatSlut) };
}

const ORSAKER: readonly string[] = ['inloggning', 'behorighet', 'saknas', 'konflikt', 'ogiltig', 'olasbar', 'troskel', 'strypt', 'natverk', 'okant'];

/** Why one reminder failed: the service gives the cause (DataFelorsak), shown in the reader's words. */
const orsakText = (fel: string | undefined): string => (fel && ORSAKER.includes(fel) ? felText(fel as DataFelorsak) : fel || strings.OkantFel);

/** The days field's arrow step. */
const DAGSTEG = 10;

export function Mandat({ mandat, idag, dagar: standardDagar }: IMandatProps): JSX.Element {
  const [dagar, satDagar] = React.useState(standardDagar);
  const { data, fel, laddar, laddaOm } = useLaddning(() => mandat.hamtaSlutande(idag, dagar), [mandat, idag, dagar]);
  const [valda, satValda] = React.useState<Set<number>>(new Set());
  const [resultat, satResultat] = React.useState<Record<number, IPaminnelseResultat>>({});
  const { sparar, fel: skickfel, kor } = useSkrivning();
  React.useEffect(() => { satValda(new Set((data ?? []).map((l) => l.id))); }, [data]);

  const lan = data ?? [];
  const misslyckade = lan.filter((l) => resultat[l.id] && !resultat[l.id].ok);
  const skicka = async (urval: readonly ILan[]): Promise<void> => {
    if (urval.length === 0) return;
    const svar = await kor(() => mandat.skickaPaminnelser(urval, paminnelseTexter()));
    if (!svar) return;
    satResultat((r) => ({ ...r, ...Object.fromEntries(svar.map((s) => [s.lan.id, s])) }));
  };
  const vaxla = (id: number, pa: boolean): void => satValda((v) => {
    const ny = new Set(v);
    if (pa) ny.add(id); else ny.delete(id);
    return ny;
  });
  const senast = Object.values(resultat);

  const kolumner: IColumn[] = [
    {
      key: 'val', name: strings.KolumnVal, minWidth: 40, maxWidth: 50, onRender: (l: ILan) => (
        <Checkbox ariaLabel={fyll(strings.ValjLan, l.stoldmarkning, l.lantagare?.namn ?? '')} checked={valda.has(l.id)} disabled={sparar}
          onChange={(_e, c) => vaxla(l.id, !!c)} />
      )
    },
    { key: 'enhet', name: strings.KolumnStoldmarkning, fieldName: 'stoldmarkning', minWidth: 90, maxWidth: 120, isRowHeader: true },
    { key: 'lantagare', name: strings.KolumnLantagare, minWidth: 140, onRender: (l: ILan) => l.lantagare?.namn ?? strings.IngenLantagare },
    { key: 'epost', name: strings.KolumnEpost, minWidth: 160, onRender: (l: ILan) => l.lantagare?.epost ?? '' },
    {
      key: 'mandat', name: strings.KolumnMandatSlut, minWidth: 130, onRender: (l: ILan) => (
        <Flagga niva={l.mandatSlut < idag ? 'fel' : 'varning'} text={fyll(l.mandatSlut < idag ? strings.MandatSlutade : strings.MandatSlutar, l.mandatSlut)} />
      )
    },
    {
      key: 'resultat', name: strings.KolumnPaminnelse, minWidth: 180, onRender: (l: ILan) => {
        const r = resultat[l.id];
        if (!r) return null;
        return <Flagga niva={r.ok ? 'ok' : 'fel'} text={r.ok ? strings.PaminnelseSkickad : fyll(strings.PaminnelseMisslyckades, orsakText(r.fel))} />;
      }
    }
  ];

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text as="p" block>{fyll(strings.MandatBeskrivning, dagar)}</Text>
      {/* The arrow buttons are out of the tab order but still buttons: they need names too. */}
      <SpinButton label={strings.FaltDagar} min={0} max={730} step={DAGSTEG} value={String(dagar)} styles={{ root: { maxWidth: 200 } }}
        incrementButtonAriaLabel={fyll(strings.DagarFler, DAGSTEG)} decrementButtonAriaLabel={fyll(strings.DagarFarre, DAGSTEG)}
        onChange={(_e, v) => { const n = Number(v); if (Number.isInteger(n) && n >= 0) satDagar(n); }} />
      <Laddningsstatus laddar={laddar && !data} fel={fel} laddaOm={laddaOm} />
      {skickfel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(skickfel)}</MessageBar>}
      {senast.length > 0 && !sparar && (
        <MessageBar messageBarType={senast.some((r) => !r.ok) ? MessageBarType.warning : MessageBarType.success} isMultiline>
          {fyll(strings.PaminnelseResultat, senast.filter((r) => r.ok).length, senast.filter((r) => !r.ok).length)}
        </MessageBar>
      )}
      {data && lan.length === 0 && <EmptyState iconName="Calendar" title={fyll(strings.TomMandat, dagar)} />}
      {data && lan.length > 0 && (
        <>
          <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
            <PrimaryButton text={fyll(strings.SkickaPaminnelser, valda.size)} iconProps={{ iconName: 'Mail' }} disabled={sparar || valda.size === 0}
              onClick={() => void skicka(lan.filter((l) => valda.has(l.id)))} />
            {misslyckade.length > 0 && (
              <PrimaryButton text={fyll(strings.ForsokIgenMisslyckade, misslyckade.length)} iconProps={{ iconName: 'Refresh' }} disabled={sparar}
                onClick={() => void skicka(misslyckade)} />
            )}
            {sparar && <Spinner size={SpinnerSize.small} label={strings.Skickar} labelPosition="right" />}
          </Stack>
          <DetailsList items={lan} columns={kolumner} selectionMode={SelectionMode.none} layoutMode={DetailsListLayoutMode.justified}
            ariaLabelForGrid={strings.MandatEtikett} getKey={(l: ILan) => String(l.id)} />
        </>
      )}
    </Stack>
  );
}
