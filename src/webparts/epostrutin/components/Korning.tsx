/**
 * A run: one choice for many mails (hantera) or finishing the runs cut short (slutforAvbrutna).
 * Progress "x av y" while it runs, then what was done and, per mail, why not, with a retry of
 * the failed ones only. The service journals every mail first, so closing the page mid-way loses
 * nothing; the reader is told so.
 */
import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, ProgressIndicator, Stack, Text } from '@fluentui/react';
import * as strings from 'EpostrutinWebPartStrings';
import { DataFel, tolkaDataFel } from '../../../data/fel';
import { IEpostrutinTjanst, IFramsteg, IHanteringsresultat, IMeddelandeRad } from '../../../data/epost/typer';
import { IAtgardsval } from '../../../domain/epostrutin';
import { fyll } from '../../../ui/format';
import { amneText, motpartText, orsakText, rutinfelText } from './texter';

export type Korning =
  | { typ: 'val'; val: IAtgardsval; meddelanden: readonly IMeddelandeRad[] }
  | { typ: 'slutfor'; antal: number };

export interface IKorningsutfall {
  korning: Korning;
  resultat?: IHanteringsresultat[];
  /** The whole run failed (e.g. no network): what was journaled is finished by Slutför or a retry. */
  fel?: DataFel;
}

export interface IKorningar {
  pagaende?: { korning: Korning; framsteg: IFramsteg };
  utfall?: IKorningsutfall;
  kor: (k: Korning) => Promise<void>;
  rensa: () => void;
}

/** One run at a time; `efter` reloads what the run changed. Nothing is set after unmount. */
export function useKorning(tjanst: IEpostrutinTjanst, efter: () => void): IKorningar {
  const [pagaende, satPagaende] = React.useState<IKorningar['pagaende']>();
  const [utfall, satUtfall] = React.useState<IKorningsutfall>();
  const monterad = React.useRef(true);
  React.useEffect(() => () => { monterad.current = false; }, []);
  const efterRef = React.useRef(efter);
  efterRef.current = efter;

  const kor = React.useCallback(async (korning: Korning): Promise<void> => {
    satUtfall(undefined);
    const totalt = korning.typ === 'val' ? korning.meddelanden.length : korning.antal;
    satPagaende({ korning, framsteg: { klara: 0, totalt } });
    const vidFramsteg = (framsteg: IFramsteg): void => {
      if (monterad.current) satPagaende({ korning, framsteg });
    };
    let nytt: IKorningsutfall;
    try {
      const resultat = korning.typ === 'val'
        ? await tjanst.hantera(korning.meddelanden, korning.val, vidFramsteg)
        : await tjanst.slutforAvbrutna(vidFramsteg);
      nytt = { korning, resultat };
    } catch (e) {
      nytt = { korning, fel: tolkaDataFel(e) };
    }
    if (!monterad.current) return;
    satPagaende(undefined);
    satUtfall(nytt);
    efterRef.current();
  }, [tjanst]);

  // Closing mid-way loses nothing (the journal), but the reader would have to come back to finish.
  const kors = pagaende !== undefined;
  React.useEffect(() => {
    if (!kors) return undefined;
    const varna = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', varna);
    return () => window.removeEventListener('beforeunload', varna);
  }, [kors]);

  const rensa = React.useCallback(() => satUtfall(undefined), []);
  return { pagaende, utfall, kor, rensa };
}

function pagarText(k: Korning, totalt: number): string {
  if (k.typ === 'slutfor') return fyll(strings.PagarSlutfor, totalt);
  switch (k.val.atgard) {
    case 'Diarieför': return fyll(strings.PagarDiariefor, totalt);
    case 'Gallra': return fyll(strings.PagarGallra, totalt);
    case 'Behåll': return fyll(strings.PagarBehall, totalt);
  }
}

function resultatText(k: Korning, klara: number, totalt: number): string {
  if (k.typ === 'slutfor') return fyll(strings.ResultatSlutfor, klara, totalt);
  switch (k.val.atgard) {
    case 'Diarieför': return fyll(strings.ResultatDiariefor, klara, totalt);
    case 'Gallra': return fyll(strings.ResultatGallra, klara, totalt);
    case 'Behåll': return fyll(strings.ResultatBehall, klara, totalt);
  }
}

export const Framsteg = React.forwardRef<HTMLDivElement, { korning: Korning; framsteg: IFramsteg }>(function Framsteg({ korning, framsteg }, ref) {
  const { klara, totalt } = framsteg;
  const text = fyll(strings.FramstegText, klara, totalt);
  return (
    <div ref={ref} tabIndex={-1}>
      <ProgressIndicator label={pagarText(korning, totalt)} percentComplete={totalt > 0 ? klara / totalt : 0} ariaValueText={text}
        description={<span role="status" aria-live="polite">{text}</span>} />
      <Text variant="small" block>{strings.FramstegNotis}</Text>
    </div>
  );
});

export interface IKorningsresultatProps {
  utfall: IKorningsutfall;
  /** A new run: the failed mails with the same choice, or the whole run again when it failed as a whole. */
  onForsokIgen: (k: Korning) => void;
  onStang: () => void;
}

/** What a run did; focusable, so focus lands here when the run ends. */
export const Korningsresultat = React.forwardRef<HTMLDivElement, IKorningsresultatProps>(function Korningsresultat({ utfall, onForsokIgen, onStang }, ref) {
  const { korning, resultat, fel } = utfall;
  if (fel || !resultat) {
    return (
      <div ref={ref} tabIndex={-1} role="region" aria-label={strings.ResultatEtikett}>
        <MessageBar messageBarType={MessageBarType.error} isMultiline onDismiss={onStang} dismissButtonAriaLabel={strings.Stang}
          actions={<DefaultButton text={strings.ForsokIgen} onClick={() => onForsokIgen(korning)} />}>
          {fyll(strings.KorningFel, fel ? rutinfelText(fel) : orsakText(undefined))}
        </MessageBar>
      </div>
    );
  }
  const misslyckade = resultat.filter((r) => !r.klar);
  const klara = resultat.length - misslyckade.length;
  // Done in the mailbox but not in the log: the not-finished banner and Slutför take it from here.
  const ejLoggad = resultat.some((r) => r.ejLoggad);
  const igen = (): void => onForsokIgen(korning.typ === 'val'
    ? { typ: 'val', val: korning.val, meddelanden: misslyckade.map((r) => r.meddelande) }
    : { typ: 'slutfor', antal: misslyckade.length });
  return (
    <div ref={ref} tabIndex={-1} role="region" aria-label={strings.ResultatEtikett}>
      <MessageBar messageBarType={misslyckade.length || ejLoggad ? MessageBarType.warning : MessageBarType.success} isMultiline onDismiss={onStang}
        dismissButtonAriaLabel={strings.Stang}
        actions={misslyckade.length ? <DefaultButton text={fyll(strings.ForsokIgenMisslyckade, misslyckade.length)} onClick={igen} /> : undefined}>
        <Stack tokens={{ childrenGap: 4 }}>
          <Text block>{resultatText(korning, klara, resultat.length)}</Text>
          {ejLoggad && <Text block>{strings.EjLoggad}</Text>}
          {misslyckade.length > 0 && (
            <>
              <Text block>{fyll(strings.MisslyckadeRubrik, misslyckade.length)}</Text>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {misslyckade.map((r) => (
                  <li key={r.meddelande.id}>
                    <Text>{fyll(strings.MisslyckadRad, amneText(r.meddelande), motpartText(r.meddelande), orsakText(r.fel))}</Text>
                    {r.atgard === 'Diarieför' && r.gjorda.includes('Vidarebefordra') && <Text block variant="small">{strings.VidarebefordratEjRaderat}</Text>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Stack>
      </MessageBar>
    </div>
  );
});
