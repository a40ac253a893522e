import * as React from 'react';
import {
  DefaultButton, Dropdown, IDropdownOption, Link, MessageBar, MessageBarType, PrimaryButton, ProgressIndicator, Stack, Text
} from '@fluentui/react';
import * as strings from 'ArendebalansRedovisningStrings';
import { IsoDate } from '../../../../domain/dates';
import {
  IRedovisning, IRedovisningsperiod, jamforPerioder, nastaPeriod, Redovisningsmanad, redovisningFilnamn, skapaRedovisning
} from '../../../../domain/redovisning';
import { IUppdrag } from '../../../../domain/uppdrag';
import { DataFel, tolkaDataFel } from '../../../../data/fel';
import { IRedovisningTjanst, ISparadRedovisning } from '../../../../data/redovisning/RedovisningTjanst';
import { IUppdragTjanst } from '../../../../data/uppdrag/UppdragTjanst';
import { EmptyState } from '../../../../ui/EmptyState';
import { felText } from '../../../../ui/felText';
import { fyll } from '../../../../ui/format';
import { Laddningsstatus } from '../../../../ui/Laddningsstatus';
import { useLaddning } from '../../../../ui/useLaddning';

export interface IRedovisningPanelProps {
  uppdragTjanst: IUppdragTjanst;
  redovisningTjanst: IRedovisningTjanst;
  idag: IsoDate;
  onStang?: () => void;
}

type Steg = 'hamtarUppdrag' | 'hamtarForra' | 'bygger' | 'sparar';
const STEG: readonly Steg[] = ['hamtarUppdrag', 'hamtarForra', 'bygger', 'sparar'];
const STEGTEXT: Record<Steg, string> = {
  hamtarUppdrag: strings.StegHamtarUppdrag,
  hamtarForra: strings.StegHamtarForra,
  bygger: strings.StegBygger,
  sparar: strings.StegSparar
};

interface IResultat {
  rapport: IRedovisning;
  docxUrl: string;
  xlsxUrl: string;
  felaktiga: number;
}

type Fel = { typ: 'data'; fel: DataFel } | { typ: 'export' };

function periodText(period: IRedovisningsperiod): string {
  return fyll(period.manad === 6 ? strings.PeriodJuni : strings.PeriodDecember, period.ar);
}

const uppdragText = (u: IUppdrag): string =>
  fyll(strings.UppdragRad, u.rubrik, [u.beslutsinstans, u.beslutsdatum, u.paragraf].filter((s) => s).join(' '), u.forvaltning);

/** One group of the diff: a heading with the count and a real list (or "Inga."), for screen readers' list navigation. */
function Forandringslista({ id, rubrik, poster }: { id: string; rubrik: string; poster: string[] }): JSX.Element {
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Text as="h4" id={id} variant="mediumPlus" block styles={{ root: { margin: 0 } }}>{fyll(rubrik, poster.length)}</Text>
      {poster.length > 0
        ? <ul aria-labelledby={id} style={{ margin: 0 }}>{poster.map((p, i) => <li key={i}>{p}</li>)}</ul>
        : <Text as="p" block styles={{ root: { margin: 0 } }}>{strings.Inga}</Text>}
    </Stack>
  );
}

function Forandringar({ rapport, idPrefix }: { rapport: IRedovisning; idPrefix: string }): JSX.Element {
  const { diff } = rapport;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Text as="h3" variant="large" block styles={{ root: { margin: 0 } }}>
        {diff ? fyll(strings.ForandringarRubrik, periodText(diff.forraPeriod)) : strings.ForandringarUtanForra}
      </Text>
      {!diff && <Text as="p" block styles={{ root: { margin: 0 } }}>{strings.IngenForra}</Text>}
      {diff && (
        <>
          <Forandringslista id={`${idPrefix}-nya`} rubrik={strings.Nya} poster={diff.nya.map(uppdragText)} />
          <Forandringslista id={`${idPrefix}-verkstallda`} rubrik={strings.Verkstallda} poster={diff.verkstallda.map(uppdragText)} />
          <Forandringslista
            id={`${idPrefix}-flyttade`}
            rubrik={strings.Flyttade}
            poster={diff.flyttade.map((f) => fyll(strings.FlyttadRad, uppdragText(f.uppdrag), f.fran, f.till))}
          />
          <Forandringslista id={`${idPrefix}-borttagna`} rubrik={strings.Borttagna} poster={diff.borttagna.map(uppdragText)} />
        </>
      )}
    </Stack>
  );
}

function TidigareRedovisningar({ sparade }: { sparade: ISparadRedovisning[] }): JSX.Element {
  if (sparade.length === 0) return <EmptyState iconName="DocumentSet" title={strings.IngaTidigare} />;
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {sparade.map((s) => {
        const etikett = periodText(s.period);
        return (
          <li key={`${s.period.ar}-${s.period.manad}`}>
            <Text>{s.antalUppdrag !== undefined ? fyll(strings.TidigareRad, etikett, s.antalUppdrag) : etikett}</Text>
            <ul aria-label={fyll(strings.FilerFor, etikett)}>
              {s.filer.map((f) => <li key={f.url}><Link href={f.url} download={f.namn}>{f.namn}</Link></li>)}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

/** Creates the KF report for a period, stores it with its frozen basis and lists the earlier ones. */
export function RedovisningPanel({ uppdragTjanst, redovisningTjanst, idag, onStang }: IRedovisningPanelProps): JSX.Element {
  const forslag = React.useMemo(() => nastaPeriod(idag), [idag]);
  const [manad, satManad] = React.useState<Redovisningsmanad>(forslag.manad);
  const [ar, satAr] = React.useState<number>(forslag.ar);
  const [steg, satSteg] = React.useState<Steg | undefined>(undefined);
  const [fel, satFel] = React.useState<Fel | undefined>(undefined);
  const [resultat, satResultat] = React.useState<IResultat | undefined>(undefined);
  const tidigare = useLaddning(() => redovisningTjanst.lista(), [redovisningTjanst]);
  const monterad = React.useRef(true);
  const idPrefix = React.useRef(`redovisning-${Math.random().toString(36).slice(2, 8)}`).current;

  // Object URLs hold the files in memory until revoked: free them when replaced or unmounted.
  React.useEffect(() => () => {
    if (resultat) {
      URL.revokeObjectURL(resultat.docxUrl);
      URL.revokeObjectURL(resultat.xlsxUrl);
    }
  }, [resultat]);
  React.useEffect(() => () => { monterad.current = false; }, []);

  const period: IRedovisningsperiod = { ar, manad };
  const arVal: IDropdownOption[] = [forslag.ar - 1, forslag.ar, forslag.ar + 1].map((a) => ({ key: a, text: String(a) }));
  const manadVal: IDropdownOption[] = [{ key: 6, text: strings.Juni }, { key: 12, text: strings.December }];
  const finnsRedan = tidigare.data?.some((s) => jamforPerioder(s.period, period) === 0) ?? false;

  const skapa = async (): Promise<void> => {
    satFel(undefined);
    satResultat(undefined);
    const valdPeriod = { ar, manad };
    let rapport: IRedovisning;
    let felaktiga: number;
    try {
      satSteg('hamtarUppdrag');
      const lasning = await uppdragTjanst.hamtaAlla();
      felaktiga = lasning.felaktiga.length;
      if (!monterad.current) return;
      satSteg('hamtarForra');
      const forra = await redovisningTjanst.hamtaForraUnderlag(valdPeriod);
      rapport = skapaRedovisning(lasning.rader.map((r) => r.uppdrag), valdPeriod, idag, forra);
    } catch (e) {
      if (monterad.current) { satFel({ typ: 'data', fel: tolkaDataFel(e) }); satSteg(undefined); }
      return;
    }
    let filer: { docx: Uint8Array | Blob; xlsx: Uint8Array | Blob };
    let typer: { docx: string; xlsx: string };
    try {
      if (!monterad.current) return;
      satSteg('bygger');
      // Loaded on demand: docx and exceljs are large and only this action needs them.
      const exportera = await import(/* webpackChunkName: 'redovisning-export' */ '../../export');
      const [docx, xlsx] = await Promise.all([exportera.byggDocx(rapport), exportera.byggXlsx(rapport)]);
      filer = { docx, xlsx };
      typer = { docx: exportera.DOCX_TYP, xlsx: exportera.XLSX_TYP };
    } catch {
      if (monterad.current) { satFel({ typ: 'export' }); satSteg(undefined); }
      return;
    }
    try {
      if (!monterad.current) return;
      satSteg('sparar');
      await redovisningTjanst.spara(rapport, filer);
    } catch (e) {
      if (monterad.current) { satFel({ typ: 'data', fel: tolkaDataFel(e) }); satSteg(undefined); }
      return;
    }
    if (!monterad.current) return;
    satSteg(undefined);
    satResultat({
      rapport,
      felaktiga,
      docxUrl: URL.createObjectURL(new Blob([filer.docx], { type: typer.docx })),
      xlsxUrl: URL.createObjectURL(new Blob([filer.xlsx], { type: typer.xlsx }))
    });
    tidigare.laddaOm();
  };

  const arbetar = steg !== undefined;
  return (
    <section aria-labelledby={`${idPrefix}-rubrik`}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Stack horizontal horizontalAlign="space-between" verticalAlign="center" wrap tokens={{ childrenGap: 8 }}>
          <Text as="h2" id={`${idPrefix}-rubrik`} variant="xLarge" block styles={{ root: { margin: 0 } }}>{strings.Rubrik}</Text>
          {onStang && <DefaultButton text={strings.Stang} onClick={onStang} />}
        </Stack>
        <Text as="p" block styles={{ root: { margin: 0 } }}>{strings.Beskrivning}</Text>

        <Stack as="fieldset" tokens={{ childrenGap: 8 }} styles={{ root: { border: 'none', padding: 0, margin: 0 } }}>
          <Text as="legend" variant="mediumPlus">{strings.PeriodRubrik}</Text>
          <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
            <Dropdown
              label={strings.Manad}
              options={manadVal}
              selectedKey={manad}
              disabled={arbetar}
              onChange={(_e, val) => val && satManad(val.key as Redovisningsmanad)}
              styles={{ root: { minWidth: 140 } }}
            />
            <Dropdown
              label={strings.Ar}
              options={arVal}
              selectedKey={ar}
              disabled={arbetar}
              onChange={(_e, val) => val && satAr(val.key as number)}
              styles={{ root: { minWidth: 100 } }}
            />
            <PrimaryButton text={strings.SkapaRedovisning} onClick={() => { skapa().catch(() => undefined); }} disabled={arbetar} />
          </Stack>
        </Stack>

        {finnsRedan && !arbetar && !resultat && (
          <MessageBar messageBarType={MessageBarType.info} isMultiline>{fyll(strings.FinnsRedan, periodText(period))}</MessageBar>
        )}
        {steg && (
          <ProgressIndicator
            label={strings.Framsteg}
            description={STEGTEXT[steg]}
            percentComplete={STEG.indexOf(steg) / STEG.length}
            progressHidden={false}
            ariaValueText={STEGTEXT[steg]}
          />
        )}
        {/* Announced when it appears: the reader started the work and waits for its end. */}
        <div role="status" aria-live="polite">
          {fel && (
            <MessageBar messageBarType={MessageBarType.error} isMultiline>
              {fel.typ === 'data' ? felText(fel.fel.orsak) : strings.ExportFel}
            </MessageBar>
          )}
          {resultat && (
            <MessageBar messageBarType={MessageBarType.success} isMultiline>
              {fyll(strings.Klar, periodText(resultat.rapport.period), resultat.rapport.sammanfattning.totalt)}
            </MessageBar>
          )}
        </div>
        {resultat && resultat.felaktiga > 0 && (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline>{fyll(strings.FelaktigaRader, resultat.felaktiga)}</MessageBar>
        )}
        {resultat && (
          <Stack tokens={{ childrenGap: 12 }}>
            <Stack horizontal wrap tokens={{ childrenGap: 16 }}>
              <Link href={resultat.docxUrl} download={redovisningFilnamn(resultat.rapport.period, 'docx')}>{strings.LaddaNedDocx}</Link>
              <Link href={resultat.xlsxUrl} download={redovisningFilnamn(resultat.rapport.period, 'xlsx')}>{strings.LaddaNedXlsx}</Link>
            </Stack>
            <Forandringar rapport={resultat.rapport} idPrefix={idPrefix} />
          </Stack>
        )}

        <Text as="h3" variant="large" block styles={{ root: { margin: 0 } }}>{strings.TidigareRubrik}</Text>
        <Laddningsstatus laddar={tidigare.laddar && !tidigare.data} fel={tidigare.fel} laddaOm={tidigare.laddaOm} />
        {tidigare.data && <TidigareRedovisningar sparade={tidigare.data} />}
      </Stack>
    </section>
  );
}
