/**
 * Signing a receipt: a signature drawn on a canvas (signature_pad, loaded on first use) or the
 * signer's own name typed. The typed name is the text alternative of the canvas, so a keyboard or
 * screen reader user signs as fully as someone with a pen (WCAG 2.1.1).
 */
import * as React from 'react';
import { ChoiceGroup, DefaultButton, getId, Label, MessageBar, MessageBarType, Spinner, SpinnerSize, Stack, Text, TextField, useTheme } from '@fluentui/react';
import * as strings from 'SurfplattorWebPartStrings';
import type SignaturePad from 'signature_pad';
import { Kvittensfel, Signeringssatt } from '../../../domain/surfplatta';
import { IKvittens } from '../../../data/surfplattor/typer';
import { fyll } from '../../../ui/format';
import { kodText } from './texter';

export interface ISignaturVal {
  satt: Signeringssatt;
  skrivetNamn: string;
  /** PNG bytes of the drawing, once something is drawn. */
  ritning?: Uint8Array;
}

export const TOM_SIGNATUR: ISignaturVal = { satt: 'Skrivet namn', skrivetNamn: '' };

export function tillKvittens(v: ISignaturVal): IKvittens {
  return v.satt === 'Ritad signatur' ? { satt: v.satt, signatur: v.ritning } : { satt: v.satt, skrivetNamn: v.skrivetNamn.trim() };
}

/** `data:image/png;base64,…` → the PNG's bytes. */
function pngBytes(dataUrl: string): Uint8Array {
  const binar = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binar.length);
  for (let i = 0; i < binar.length; i++) bytes[i] = binar.charCodeAt(i);
  return bytes;
}

const HOJD = 160;

/** The canvas and its pad; `onRitning` gets the PNG after each stroke and undefined when cleared. */
function Rityta({ onRitning, disabled }: { onRitning: (png: Uint8Array | undefined) => void; disabled?: boolean }): JSX.Element {
  const theme = useTheme();
  const canvas = React.useRef<HTMLCanvasElement>(null);
  const pad = React.useRef<SignaturePad>();
  const [lage, satLage] = React.useState<'laddar' | 'klar' | 'fel'>('laddar');
  const [ritad, satRitad] = React.useState(false);
  const meddela = React.useRef(onRitning);
  meddela.current = onRitning;

  React.useEffect(() => {
    let aktiv = true;
    let stada: (() => void) | undefined;
    import(/* webpackChunkName: 'signatur' */ 'signature_pad').then(({ default: Pad }) => {
      const yta = canvas.current;
      if (!aktiv || !yta) return;
      // Sharp lines on high-density screens: the bitmap follows the device pixels, drawing stays in CSS pixels.
      const skala = Math.max(window.devicePixelRatio || 1, 1);
      yta.width = (yta.offsetWidth || 400) * skala;
      yta.height = HOJD * skala;
      yta.getContext('2d')?.scale(skala, skala);
      // Black on white whatever the theme: the picture goes onto a white PDF page.
      const ny = new Pad(yta, { penColor: 'rgb(0, 0, 0)', backgroundColor: 'rgb(255, 255, 255)' });
      const efterDrag = (): void => {
        satRitad(!ny.isEmpty());
        meddela.current(ny.isEmpty() ? undefined : pngBytes(ny.toDataURL('image/png')));
      };
      ny.addEventListener('endStroke', efterDrag);
      pad.current = ny;
      stada = () => { ny.removeEventListener('endStroke', efterDrag); ny.off(); };
      satLage('klar');
    }, () => { if (aktiv) satLage('fel'); });
    return () => { aktiv = false; stada?.(); };
  }, []);

  React.useEffect(() => {
    if (!pad.current) return;
    if (disabled) pad.current.off(); else pad.current.on();
  }, [disabled, lage]);

  const rensa = (): void => {
    pad.current?.clear();
    satRitad(false);
    onRitning(undefined);
  };

  if (lage === 'fel') return <MessageBar messageBarType={MessageBarType.warning} isMultiline>{strings.SignaturFel}</MessageBar>;
  return (
    <Stack tokens={{ childrenGap: 6 }}>
      {lage === 'laddar' && <Spinner size={SpinnerSize.small} label={strings.SignaturLaddar} labelPosition="right" />}
      <canvas ref={canvas} role="img" aria-label={strings.Rityta} height={HOJD}
        style={{ width: '100%', maxWidth: 480, height: HOJD, touchAction: 'none', background: '#ffffff', borderRadius: 2,
          border: `1px solid ${theme.semanticColors.inputBorder}`, display: lage === 'klar' ? 'block' : 'none' }} />
      {lage === 'klar' && (
        <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
          <DefaultButton text={strings.RensaSignatur} iconProps={{ iconName: 'Clear' }} onClick={rensa} disabled={disabled || !ritad} />
          <Text variant="small" aria-live="polite">{ritad ? strings.SignaturRitad : strings.SignaturTom}</Text>
        </Stack>
      )}
    </Stack>
  );
}

export interface ISignaturProps {
  varde: ISignaturVal;
  onChange: (v: ISignaturVal) => void;
  /** The signer's name in Microsoft 365, which a typed name must match. */
  namnIM365: string;
  /** The refusal to show, from valideraKvittens (only the signing ones are shown here). */
  fel?: Kvittensfel;
  disabled?: boolean;
}

export function Signatur({ varde, onChange, namnIM365, fel, disabled }: ISignaturProps): JSX.Element {
  const theme = useTheme();
  const [id] = React.useState(() => getId('signatur'));
  const felText = fel && fel !== 'RiktlinjeEjLast' ? kodText(fel) ?? fel : undefined;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <ChoiceGroup label={strings.FaltSignaturSatt} required selectedKey={varde.satt} disabled={disabled}
        options={[
          { key: 'Skrivet namn', text: strings.SattSkrivet },
          { key: 'Ritad signatur', text: strings.SattRitad }
        ]}
        // The pad starts empty when it is shown again: a drawing no longer on screen must not be signed.
        onChange={(_e, o) => o && onChange({ satt: o.key as Signeringssatt, skrivetNamn: varde.skrivetNamn, ritning: undefined })} />
      {varde.satt === 'Skrivet namn' ? (
        <TextField label={strings.FaltSkrivetNamn} required value={varde.skrivetNamn} disabled={disabled} autoComplete="name"
          description={fyll(strings.NamnIM365, namnIM365)}
          onChange={(_e, v) => onChange({ ...varde, skrivetNamn: v ?? '' })} errorMessage={felText} />
      ) : (
        <div>
          <Label id={`${id}-etikett`} required>{strings.SattRitad}</Label>
          {/* The error describes the drawing area, as a field's error does its field. */}
          <div aria-labelledby={`${id}-etikett`} aria-describedby={felText ? `${id}-fel` : undefined} role="group">
            <Rityta disabled={disabled} onRitning={(ritning) => onChange({ ...varde, ritning })} />
          </div>
          {felText && (
            <Text id={`${id}-fel`} role="alert" variant="small" block styles={{ root: { color: theme.semanticColors.errorText, marginTop: 4 } }}>{felText}</Text>
          )}
        </div>
      )}
    </Stack>
  );
}
