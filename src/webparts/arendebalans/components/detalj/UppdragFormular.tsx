import * as React from 'react';
import {
  ChoiceGroup, DefaultButton, Dropdown, IDropdownOption, MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, Stack, TextField
} from '@fluentui/react';
import * as strings from 'ArendebalansWebPartStrings';
import { IsoDate } from '../../../../domain/dates';
import { IUppdrag, RedigerbartFalt, UPPDRAG_STATUSAR, UppdragAndring, UppdragStatus } from '../../../../domain/uppdrag';
import { ISammanslagning, losKonflikter, skillnad, slaSamman, validera } from '../../../../domain/uppdragRedigering';
import { DataFel, tolkaDataFel } from '../../../../data/fel';
import { IUppdragTjanst } from '../../../../data/uppdrag/UppdragTjanst';
import { ORSAK_TILL_DROJSMAL } from '../../../../schema/uppdrag';
import { felText } from '../../../../ui/felText';
import { fyll } from '../../../../ui/format';
import { statusText } from '../../../../ui/statusText';
import { faltnamn, feltext, visatVarde } from './texter';

export interface IUppdragFormularProps {
  tjanst: IUppdragTjanst;
  /** The uppdrag as it was when the form opened, and its ETag. */
  uppdrag: IUppdrag;
  etag: string;
  idag: IsoDate;
  onSparat: () => void;
  onAvbryt: () => void;
}

type Formular = Pick<IUppdrag, RedigerbartFalt>;

/**
 * The handläggare's form. Saves only what changed, with the ETag it opened; when someone else saved
 * first it shows both values of every field both changed and saves the user's choices on top of
 * the newer version. What the user typed stays in the form through every error.
 */
export function UppdragFormular({ tjanst, uppdrag, etag, idag, onSparat, onAvbryt }: IUppdragFormularProps): JSX.Element {
  const [varden, satVarden] = React.useState<Formular>(() => ({ ...uppdrag }));
  const [bas, satBas] = React.useState({ uppdrag, etag });
  const [visaFel, satVisaFel] = React.useState(false);
  const [sparar, satSparar] = React.useState(false);
  const [fel, satFel] = React.useState<DataFel | undefined>();
  const [konflikt, satKonflikt] = React.useState<{ sammanslagning: ISammanslagning; val: Partial<Record<RedigerbartFalt, 'mitt' | 'deras'>> } | undefined>();

  const andring = skillnad(bas.uppdrag, varden);
  const valideringsfel = validera(bas.uppdrag, andring, idag);
  const harFel = Object.keys(valideringsfel).length > 0;
  const satt = (falt: RedigerbartFalt) => (_e: unknown, v?: string): void => satVarden((f) => ({ ...f, [falt]: v === '' ? undefined : v }));
  const felFor = (falt: RedigerbartFalt): string | undefined => (visaFel && valideringsfel[falt] ? feltext(valideringsfel[falt]!) : undefined);

  const spara = async (att: UppdragAndring, medEtag: string): Promise<void> => {
    satSparar(true);
    satFel(undefined);
    try {
      await tjanst.spara(uppdrag.id, att, medEtag);
    } catch (e) {
      await efterFel(tolkaDataFel(e), att);
      satSparar(false);
      return;
    }
    // The form closes on success, so no state is set after this.
    onSparat();
  };

  const efterFel = async (f: DataFel, att: UppdragAndring): Promise<void> => {
    if (f.orsak !== 'konflikt') {
      satFel(f);
      return;
    }
    // Someone saved in between: fetch their version and let the user choose, field by field.
    try {
      const deras = await tjanst.hamta(uppdrag.id);
      satKonflikt({ sammanslagning: slaSamman(bas.uppdrag, att, deras.uppdrag), val: {} });
      satBas({ uppdrag: deras.uppdrag, etag: deras.etag });
    } catch (e2) {
      satFel(tolkaDataFel(e2));
    }
  };

  const onSpara = (): void => {
    satVisaFel(true);
    if (harFel) return;
    void spara(andring, bas.etag);
  };

  if (konflikt) {
    const { sammanslagning, val } = konflikt;
    return (
      <Stack tokens={{ childrenGap: 12 }}>
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          <strong>{strings.KonfliktRubrik}. </strong>{strings.KonfliktText}
        </MessageBar>
        {sammanslagning.konflikter.length === 0 && <MessageBar>{strings.KonfliktIngen}</MessageBar>}
        {sammanslagning.konflikter.map((k) => (
          <ChoiceGroup
            key={k.falt}
            label={faltnamn(k.falt)}
            selectedKey={val[k.falt] ?? 'deras'}
            options={[
              { key: 'mitt', text: fyll(strings.KonfliktMitt, visatVarde(k.falt, k.mitt)) },
              { key: 'deras', text: fyll(strings.KonfliktDeras, visatVarde(k.falt, k.deras)) }
            ]}
            onChange={(_e, o) => satKonflikt({ sammanslagning, val: { ...val, [k.falt]: o?.key as 'mitt' | 'deras' } })}
          />
        ))}
        {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{felText(fel.orsak)}</MessageBar>}
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={strings.KonfliktSpara} disabled={sparar}
            onClick={() => { const att = losKonflikter(sammanslagning, val); satKonflikt(undefined); void spara(att, bas.etag); }} />
          <DefaultButton text={strings.Avbryt} onClick={onAvbryt} disabled={sparar} />
        </Stack>
      </Stack>
    );
  }

  const statusval: IDropdownOption[] = UPPDRAG_STATUSAR.map((s) => ({ key: s, text: statusText(s) }));
  const orsaker: IDropdownOption[] = [{ key: '', text: strings.IngenOrsak }, ...ORSAK_TILL_DROJSMAL.map((o) => ({ key: o, text: o }))];
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      {visaFel && harFel && <MessageBar messageBarType={MessageBarType.error}>{strings.FelFormular}</MessageBar>}
      {fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{felText(fel.orsak)}</MessageBar>}
      <Dropdown label={faltnamn('status')} options={statusval} selectedKey={varden.status} placeholder={strings.Statusval}
        onChange={(_e, o) => satVarden((f) => ({ ...f, status: o?.key as UppdragStatus }))} />
      <TextField label={faltnamn('varIHanteringen')} multiline autoAdjustHeight value={varden.varIHanteringen ?? ''}
        onChange={satt('varIHanteringen')} errorMessage={felFor('varIHanteringen')} />
      <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
        <TextField label={faltnamn('planeratKlart')} type="date" value={varden.planeratKlart ?? ''} onChange={satt('planeratKlart')}
          errorMessage={felFor('planeratKlart')} />
        <TextField label={faltnamn('aterrapporteraSenast')} type="date" value={varden.aterrapporteraSenast ?? ''}
          onChange={satt('aterrapporteraSenast')} errorMessage={felFor('aterrapporteraSenast')} />
      </Stack>
      <Dropdown label={faltnamn('orsakKod')} options={orsaker} selectedKey={varden.orsakKod ?? ''}
        onChange={(_e, o) => satVarden((f) => ({ ...f, orsakKod: o?.key ? String(o.key) : undefined }))}
        errorMessage={felFor('orsakKod')} />
      <TextField label={faltnamn('orsakText')} multiline autoAdjustHeight value={varden.orsakText ?? ''} onChange={satt('orsakText')}
        errorMessage={felFor('orsakText')} />
      <TextField label={faltnamn('textForPolitiker')} multiline autoAdjustHeight value={varden.textForPolitiker ?? ''}
        onChange={satt('textForPolitiker')} errorMessage={felFor('textForPolitiker')} />
      <TextField label={faltnamn('kommentar')} multiline autoAdjustHeight value={varden.kommentar ?? ''} onChange={satt('kommentar')}
        errorMessage={felFor('kommentar')} />
      <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="center">
        <PrimaryButton text={strings.Spara} onClick={onSpara} disabled={sparar} />
        <DefaultButton text={strings.Avbryt} onClick={onAvbryt} disabled={sparar} />
        {sparar && <Spinner size={SpinnerSize.small} label={strings.Sparar} labelPosition="right" />}
      </Stack>
    </Stack>
  );
}
