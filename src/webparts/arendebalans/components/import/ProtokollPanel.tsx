import * as React from 'react';
import { Checkbox, DefaultButton, Dropdown, IDropdownOption, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, Spinner, SpinnerSize, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'ArendebalansImportStrings';
import { kontrolleraUppdrag, tolkaBeslutsinstans, tolkaParagraf } from '../../../../domain/importera';
import { foreslaUppdrag, IUppdragsforslag } from '../../../../domain/protokollUppdrag';
import { tolkaDataFel } from '../../../../data/fel';
import { IProtokoll, IProtokollTjanst } from '../../../../data/moten/ProtokollTjanst';
import { IUppdragTjanst } from '../../../../data/uppdrag/UppdragTjanst';
import { BESLUTSINSTANSER } from '../../../../schema/uppdrag';
import { felText } from '../../../../ui/felText';
import { fyll } from '../../../../ui/format';
import { Laddningsstatus } from '../../../../ui/Laddningsstatus';
import { useLaddning } from '../../../../ui/useLaddning';
import { filensBytes, IFilLasare, lataFilLasare } from './filLasare';
import { FOT_MED_BAKGRUND } from '../../../../ui/panelStilar';
import { faltText, problemText } from './texter';

export interface IProtokollPanelProps {
  uppdragTjanst: IUppdragTjanst;
  /** Without it only a file chosen from the computer can be read. */
  protokollTjanst?: IProtokollTjanst;
  onKlar: (antalSkapade: number) => void;
  onStang: () => void;
  filLasare?: IFilLasare;
}

type Redigerbart = 'rubrik' | 'uppdragstext' | 'forvaltning' | 'beslutsinstans' | 'beslutsdatum' | 'paragraf' | 'diarienummer' | 'aterrapporteraSenast';

interface IForslagRad {
  kallNyckel: string;
  varden: Record<Redigerbart, string>;
  bekraftad: boolean;
  finnsRedan: boolean;
}

function tillRad(f: IUppdragsforslag, finnsRedan: boolean): IForslagRad {
  return {
    kallNyckel: f.kallNyckel,
    finnsRedan,
    bekraftad: false,
    varden: {
      rubrik: f.rubrik, uppdragstext: f.uppdragstext, forvaltning: f.forvaltning, beslutsinstans: f.beslutsinstans ?? '',
      beslutsdatum: f.beslutsdatum ?? '', paragraf: f.paragraf, diarienummer: f.diarienummer ?? '', aterrapporteraSenast: f.aterrapporteraSenast ?? ''
    }
  };
}

const INSTANSVAL: IDropdownOption[] = BESLUTSINSTANSER.map((b) => ({ key: b, text: b }));

/** Uppdrag from a justerat protokoll: each proposal is checked and confirmed by a handläggare before it is created. */
export function ProtokollPanel({ uppdragTjanst, protokollTjanst, onKlar, onStang, filLasare = lataFilLasare }: IProtokollPanelProps): JSX.Element {
  const protokoll = useLaddning<IProtokoll[]>(() => (protokollTjanst ? protokollTjanst.hamtaJusterade() : Promise.resolve([])), [protokollTjanst]);
  const [valt, satValt] = React.useState<number>();
  const [rader, satRader] = React.useState<IForslagRad[]>();
  const [laser, satLaser] = React.useState(false);
  const [sparar, satSparar] = React.useState(false);
  const [fel, satFel] = React.useState<string>();

  const las = async (hamta: () => Promise<{ namn: string; data: ArrayBuffer; kalla: string; organ?: string; datum?: string }>): Promise<void> => {
    satFel(undefined);
    satRader(undefined);
    satLaser(true);
    try {
      let underlag: { namn: string; data: ArrayBuffer; kalla: string; organ?: string; datum?: string };
      try {
        underlag = await hamta();
      } catch (f) {
        satFel(felText(tolkaDataFel(f).orsak));
        return;
      }
      let text: string;
      try {
        text = await filLasare.lasaProtokollText(underlag.namn, underlag.data);
      } catch {
        satFel(strings.ProtokollKundeInteLasas);
        return;
      }
      const forslag = foreslaUppdrag(text, { kalla: underlag.kalla, organ: underlag.organ, datum: underlag.datum });
      const finns = forslag.length ? await uppdragTjanst.befintligaKallNycklar(forslag.map((f) => f.kallNyckel)) : new Set<string>();
      satRader(forslag.map((f) => tillRad(f, finns.has(f.kallNyckel))));
    } catch (f) {
      satFel(felText(tolkaDataFel(f).orsak));
    } finally {
      satLaser(false);
    }
  };

  const valjProtokoll = (id: number): void => {
    const p = protokoll.data?.find((x) => x.id === id);
    if (!p || !protokollTjanst) return;
    satValt(id);
    void las(async () => ({ namn: p.filnamn, data: await protokollTjanst.hamtaFil(p.filUrl), kalla: String(p.id), organ: p.organ, datum: p.motesdatum }));
  };

  const valjFil = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const fil = e.target.files?.[0];
    if (!fil) return;
    satValt(undefined);
    void las(async () => ({ namn: fil.name, data: await filensBytes(fil), kalla: fil.name }));
  };

  const andra = (i: number, andring: Partial<IForslagRad> | { falt: Redigerbart; varde: string }): void => {
    satRader((r) => r?.map((rad, j) => {
      if (j !== i) return rad;
      if ('falt' in andring) return { ...rad, varden: { ...rad.varden, [andring.falt]: andring.varde } };
      return { ...rad, ...andring };
    }));
  };

  const problemFor = (rad: IForslagRad): ReturnType<typeof kontrolleraUppdrag> => kontrolleraUppdrag(rad.varden);
  const bekraftade = (rader ?? []).filter((r) => r.bekraftad && !r.finnsRedan);
  const kanSkapa = bekraftade.length > 0 && bekraftade.every((r) => problemFor(r).length === 0) && !sparar;

  const skapa = async (): Promise<void> => {
    satSparar(true);
    satFel(undefined);
    try {
      const svar = await uppdragTjanst.skapa(bekraftade.map(({ kallNyckel, varden: v }) => ({
        kallNyckel,
        uppdrag: {
          rubrik: v.rubrik.trim(),
          uppdragstext: v.uppdragstext.trim() || v.rubrik.trim(),
          beslutsinstans: tolkaBeslutsinstans(v.beslutsinstans) ?? v.beslutsinstans,
          beslutsdatum: v.beslutsdatum || undefined,
          paragraf: tolkaParagraf(v.paragraf),
          diarienummer: v.diarienummer.trim() || undefined,
          forvaltning: v.forvaltning.trim(),
          status: 'EjPaborjat',
          aterrapporteraSenast: v.aterrapporteraSenast || undefined
        }
      })));
      onKlar(svar.filter((s) => s.nytt).length);
    } catch (f) {
      satFel(fyll(strings.IngetSkapades, felText(tolkaDataFel(f).orsak)));
    } finally {
      satSparar(false);
    }
  };

  const textfalt = (i: number, rad: IForslagRad, falt: Redigerbart, extra: { multiline?: boolean; datum?: boolean } = {}): JSX.Element => (
    <TextField label={faltText(falt)} value={rad.varden[falt]} multiline={extra.multiline} autoAdjustHeight={extra.multiline}
      placeholder={extra.datum ? strings.DatumPlatshallare : undefined} disabled={rad.finnsRedan || sparar}
      onChange={(_e, v) => andra(i, { falt, varde: v ?? '' })} />
  );

  const fot = (
    <Stack horizontal tokens={{ childrenGap: 8 }}>
      <PrimaryButton text={sparar ? strings.Sparar : fyll(strings.SkapaBekraftade, bekraftade.length)} disabled={!kanSkapa} onClick={() => { void skapa(); }} />
      <DefaultButton text={strings.Avbryt} onClick={onStang} disabled={sparar} />
    </Stack>
  );

  return (
    <Panel isOpen type={PanelType.large} headerText={strings.ProtokollRubrik} closeButtonAriaLabel={strings.Stang}
      onDismiss={onStang} onRenderFooterContent={() => fot} isFooterAtBottom
      styles={FOT_MED_BAKGRUND}>
      <Stack tokens={{ childrenGap: 16 }}>
        <Text as="p" block>{strings.ProtokollBeskrivning}</Text>
        {protokollTjanst && (
          <>
            <Laddningsstatus laddar={protokoll.laddar} fel={protokoll.fel} laddaOm={protokoll.laddaOm} />
            {protokoll.data && protokoll.data.length === 0 && <MessageBar>{strings.IngaJusterade}</MessageBar>}
            {protokoll.data && protokoll.data.length > 0 && (
              <Dropdown label={strings.ValjProtokoll} placeholder={strings.ValjProtokollPlatshallare} selectedKey={valt ?? null}
                options={protokoll.data.map((p) => ({ key: p.id, text: p.sammantrade || p.rubrik }))}
                onChange={(_e, o) => { if (o) valjProtokoll(Number(o.key)); }} disabled={laser || sparar} />
            )}
          </>
        )}
        <Stack tokens={{ childrenGap: 4 }}>
          <label htmlFor="uppdrag-protokoll-fil"><Text styles={{ root: { fontWeight: 600 } }}>{strings.EllerFil}</Text></label>
          <input id="uppdrag-protokoll-fil" type="file" accept=".docx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={valjFil} disabled={laser || sparar} />
        </Stack>
        {laser && <Spinner size={SpinnerSize.medium} label={strings.LaserFil} ariaLive="polite" />}
        {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{fel}</MessageBar>}
        {rader && rader.length === 0 && <MessageBar>{strings.IngaForslag}</MessageBar>}
        {rader && rader.length > 0 && (
          <Text as="p" block role="status">{fyll(strings.AntalForslag, rader.length, rader.filter((r) => r.finnsRedan).length)}</Text>
        )}
        {rader && bekraftade.some((r) => problemFor(r).length > 0) && (
          <MessageBar messageBarType={MessageBarType.warning}>{strings.RattaBekraftade}</MessageBar>
        )}
        {rader?.map((rad, i) => {
          const problem = rad.bekraftad ? problemFor(rad) : [];
          return (
            <section key={rad.kallNyckel} aria-label={fyll(strings.ForslagRubrik, rad.varden.paragraf, rad.varden.rubrik)}
              style={{ border: '1px solid #c8c6c4', borderRadius: 4, padding: 12 }}>
              <Stack tokens={{ childrenGap: 8 }}>
                <Text as="h3" variant="mediumPlus" block styles={{ root: { margin: 0, fontWeight: 600 } }}>
                  {fyll(strings.ForslagRubrik, rad.varden.paragraf, rad.varden.rubrik)}
                </Text>
                {rad.finnsRedan && <MessageBar>{strings.FinnsRedan}</MessageBar>}
                {textfalt(i, rad, 'rubrik')}
                {textfalt(i, rad, 'uppdragstext', { multiline: true })}
                <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
                  {textfalt(i, rad, 'forvaltning')}
                  <Dropdown label={faltText('beslutsinstans')} options={INSTANSVAL} selectedKey={tolkaBeslutsinstans(rad.varden.beslutsinstans) ?? null}
                    styles={{ root: { minWidth: 140 } }} disabled={rad.finnsRedan || sparar}
                    onChange={(_e, o) => { if (o) andra(i, { falt: 'beslutsinstans', varde: String(o.key) }); }} />
                  {textfalt(i, rad, 'beslutsdatum', { datum: true })}
                  {textfalt(i, rad, 'paragraf')}
                  {textfalt(i, rad, 'diarienummer')}
                  {textfalt(i, rad, 'aterrapporteraSenast', { datum: true })}
                </Stack>
                {problem.length > 0 && (
                  <MessageBar messageBarType={MessageBarType.error} isMultiline>
                    <ul style={{ margin: 0, paddingLeft: 16 }}>{problem.map((p, j) => <li key={j}>{problemText(p)}</li>)}</ul>
                  </MessageBar>
                )}
                {!rad.finnsRedan && (
                  <Checkbox label={strings.Bekrafta} checked={rad.bekraftad} disabled={sparar} onChange={(_e, v) => andra(i, { bekraftad: !!v })} />
                )}
              </Stack>
            </section>
          );
        })}
      </Stack>
    </Panel>
  );
}
