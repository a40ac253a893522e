import * as React from 'react';
import {
  CommandBar, ICommandBarItemProps, Link, MessageBar, MessageBarType, Panel, PanelType, Stack, Text, TextField
} from '@fluentui/react';
import * as strings from 'MotesportalWebPartStrings';
import { IsoDate } from '../../../domain/dates';
import { IHandling, IJusteringTjanst, IMotesRedigering, IMotesTjanst } from '../../../data/moten/typer';
import { Flagga } from '../../../ui/Flagga';
import { fyll } from '../../../ui/format';
import { Laddningsstatus } from '../../../ui/Laddningsstatus';
import { useLaddning } from '../../../ui/useLaddning';
import { IBesokslager } from './besok';
import { Beslut, NyPunkt, Uppladdning } from './Formular';
import { grupperaHandlingar, HandlingRad, publiceringshinder } from './Handlingar';
import { MotespaketByggare } from './motespaket';
import { ProtokollDel } from './ProtokollDel';
import { useSkrivning } from '../../../ui/skrivning';
import { klockslag, kungorelseNiva, kungorelseText, skrivfelText } from './texter';

export interface IMotesVyProps {
  tjanst: IMotesTjanst;
  /** The nämndsekreterare's writes; used only when `kanRedigera`. */
  redigering?: IMotesRedigering;
  justering: IJusteringTjanst;
  sammantradeId: number;
  idag: IsoDate;
  kanRedigera: boolean;
  /** Why writes are off now (the view came from the offline cache), or undefined. */
  skrivskydd?: string;
  besok: IBesokslager;
  nu: () => Date;
  motespaket: MotespaketByggare;
  /** A link that opens this meeting, offered for copying. */
  lank?: string;
  onStang: () => void;
  /** After a write that the meeting list shows (the kungörelse). */
  onAndrat: () => void;
}

type Formular = { typ: 'punkt' } | { typ: 'handling'; punkt?: number } | { typ: 'beslut'; punktId: number };

interface INotis {
  typ: MessageBarType;
  text: string;
  rader?: string[];
}

/** One meeting: its agenda with the documents under each item, the protokoll, and the secretary's tools. */
export function MotesVy(props: IMotesVyProps): JSX.Element {
  const { tjanst, redigering, justering, sammantradeId, idag, kanRedigera, skrivskydd, besok, nu, motespaket, lank, onStang, onAndrat } = props;
  const { data: vy, fel, laddar, laddaOm } = useLaddning(async () => {
    const mote = await tjanst.hamtaMote(sammantradeId, idag);
    if (mote.protokoll) return mote;
    // MotesTjanst.hamtaMote reads the Protokoll library not at all: the protokoll, its justering and
    // the approve button come from the justering service. Kept in the view, so the meeting package has it too.
    const protokoll = await justering.hamtaProtokoll(sammantradeId, mote.sammantrade.datum, idag);
    return protokoll ? { ...mote, protokoll } : mote;
  }, [tjanst, justering, sammantradeId, idag]);
  // The visit before this one decides what is new; this visit is recorded once the view is shown.
  const [senastBesok] = React.useState(() => besok.hamta(sammantradeId));
  const registrerat = React.useRef(false);
  React.useEffect(() => {
    if (vy && !registrerat.current) {
      registrerat.current = true;
      besok.spara(sammantradeId, nu().toISOString());
    }
  }, [vy, besok, sammantradeId, nu]);

  const [formular, satFormular] = React.useState<Formular>();
  const [notis, satNotis] = React.useState<INotis>();
  const [paket, satPaket] = React.useState<{ url: string; filnamn: string }>();
  const [publicerar, satPublicerar] = React.useState<number>();
  const skrivning = useSkrivning();
  const skriver = skrivning.sparar;
  React.useEffect(() => () => { if (paket && typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(paket.url); }, [paket]);

  const redigera = kanRedigera && !!redigering;

  const publicera = async (h: IHandling): Promise<void> => {
    if (!vy || !redigering) return;
    satNotis(undefined);
    satPublicerar(h.id);
    const svar = await skrivning.kor(() => redigering.publicera(h, vy.dagordning));
    satPublicerar(undefined);
    if (svar) {
      satNotis({ typ: MessageBarType.success, text: fyll(strings.PubliceradKlar, h.rubrik || h.filnamn) });
      laddaOm();
    }
  };

  const publiceraAlla = async (): Promise<void> => {
    if (!vy || !redigering) return;
    satNotis(undefined);
    const svar = await skrivning.kor(() => redigering.publiceraAllt(vy));
    if (!svar) return;
    satNotis({
      typ: svar.kvar.length > 0 ? MessageBarType.warning : MessageBarType.success,
      text: svar.kvar.length > 0 ? fyll(strings.PubliceradeAllaMedKvar, svar.publicerade.length, svar.kvar.length) : fyll(strings.PubliceradeAlla, svar.publicerade.length),
      rader: svar.kvar.map((h) => `${h.rubrik || h.filnamn}: ${publiceringshinder(h) ?? strings.Hinder_Okant}`)
    });
    laddaOm();
  };

  const kungora = async (): Promise<void> => {
    if (!vy || !redigering) return;
    satNotis(undefined);
    const anslag = await skrivning.kor(() => redigering.kungora(vy.sammantrade, idag));
    if (!anslag) return;
    satNotis({ typ: MessageBarType.success, text: fyll(strings.Kungjord, anslag.uppsatt) });
    laddaOm();
    onAndrat();
  };

  const laddaNedPaket = async (): Promise<void> => {
    if (!vy) return;
    satNotis(undefined);
    satPaket(undefined);
    const resultat = await skrivning.kor(() => motespaket(vy));
    if (!resultat) return;
    const blob = resultat.data instanceof Blob ? resultat.data : new Blob([resultat.data], { type: 'application/zip' });
    satPaket({ url: URL.createObjectURL(blob), filnamn: resultat.filnamn });
    satNotis({
      typ: resultat.saknas.length > 0 ? MessageBarType.warning : MessageBarType.success,
      text: resultat.saknas.length > 0 ? fyll(strings.PaketMedMissar, resultat.antal, resultat.saknas.length) : fyll(strings.PaketKlart, resultat.antal),
      rader: resultat.saknas
    });
  };

  const kommandon: ICommandBarItemProps[] = vy ? [
    // File contents are never cached, so without SharePoint every file of the package would be missing.
    { key: 'paket', text: strings.LaddaNedPaket, iconProps: { iconName: 'ZipFolder' }, disabled: skriver || !!skrivskydd, onClick: () => { void laddaNedPaket(); } },
    ...(redigera ? [
      { key: 'punkt', text: strings.NyPunkt, iconProps: { iconName: 'Add' }, disabled: !!skrivskydd, onClick: () => satFormular({ typ: 'punkt' }) },
      { key: 'ladda', text: strings.LaddaUppHandling, iconProps: { iconName: 'Upload' }, disabled: !!skrivskydd, onClick: () => satFormular({ typ: 'handling' }) },
      {
        key: 'publicera', text: strings.PubliceraAlla, iconProps: { iconName: 'Globe' }, disabled: !!skrivskydd || skriver,
        onClick: () => { void publiceraAlla(); }
      },
      ...(vy.kungorelse && !vy.sammantrade.kallelseAnslagen ? [{
        key: 'kungora', text: strings.AnslaKungorelse, iconProps: { iconName: 'Pinned' }, disabled: !!skrivskydd || skriver,
        onClick: () => { void kungora(); }
      }] : [])
    ] : [])
  ] : [];

  const efterSkrivning = (text: string): void => {
    satFormular(undefined);
    satNotis({ typ: MessageBarType.success, text });
    laddaOm();
  };

  const s = vy?.sammantrade;
  const grupper = vy ? grupperaHandlingar(vy) : [];
  const rubrik = s ? `${s.organ} ${s.datum}` : strings.Sammantrade;

  return (
    <Panel isOpen type={PanelType.large} onDismiss={onStang} headerText={rubrik} closeButtonAriaLabel={strings.Stang} isLightDismiss>
      <Stack tokens={{ childrenGap: 16 }}>
        <Laddningsstatus laddar={laddar && !vy} fel={fel} laddaOm={laddaOm} />
        {skrivskydd && vy && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{skrivskydd}</MessageBar>}
        {vy?.sekretessOtillganglig && <MessageBar messageBarType={MessageBarType.info} isMultiline>{strings.SekretessOtillganglig}</MessageBar>}
        {vy && s && (
          <>
            <Stack tokens={{ childrenGap: 4 }}>
              {s.rubrik && s.rubrik !== rubrik && <Text block variant="mediumPlus">{s.rubrik}</Text>}
              <Text block>{fyll(strings.MotetsTid, s.datum, klockslag(s.start))}</Text>
              {s.plats && <Text block>{fyll(strings.MotetsPlats, s.plats)}</Text>}
              <Text block>{fyll(strings.MotetsStatus, s.status)}</Text>
              {vy.kungorelse && (
                <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
                  <Flagga niva={kungorelseNiva(vy.kungorelse)} etikett={strings.EtikettKungorelse} text={kungorelseText(vy.kungorelse)} />
                  {s.kallelseAnslagen && <Text variant="small">{fyll(strings.KungjordDen, s.kallelseAnslagen)}</Text>}
                </Stack>
              )}
              {lank && <TextField readOnly label={strings.Lank} value={lank} onFocus={(e) => e.currentTarget.select()} styles={{ root: { maxWidth: 520 } }} />}
            </Stack>
            <CommandBar items={kommandon} ariaLabel={strings.MotetsKommandon} />
            {notis && (
              <MessageBar messageBarType={notis.typ} isMultiline onDismiss={() => satNotis(undefined)} dismissButtonAriaLabel={strings.Stang}>
                {notis.text}
                {notis.rader && notis.rader.length > 0 && (
                  <ul style={{ margin: '4px 0 0 0', paddingLeft: 20 }}>{notis.rader.map((r) => <li key={r}>{r}</li>)}</ul>
                )}
              </MessageBar>
            )}
            {skrivning.fel && <MessageBar messageBarType={MessageBarType.error} isMultiline>{skrivfelText(skrivning.fel)}</MessageBar>}
            {paket && (
              <Link href={paket.url} download={paket.filnamn}>{fyll(strings.SparaPaket, paket.filnamn)}</Link>
            )}
            {redigera && redigering && formular?.typ === 'punkt' && (
              <NyPunkt redigering={redigering} vy={vy} skrivskydd={skrivskydd} onAvbryt={() => satFormular(undefined)}
                onKlar={(p) => efterSkrivning(fyll(strings.PunktTillagd, p.punkt, p.rubrik))} />
            )}
            {redigera && redigering && formular?.typ === 'handling' && (
              <Uppladdning redigering={redigering} vy={vy} punkt={formular.punkt} skrivskydd={skrivskydd} onAvbryt={() => satFormular(undefined)}
                onKlar={(h) => efterSkrivning(fyll(strings.Uppladdad, h.rubrik || h.filnamn))} />
            )}
            <section aria-labelledby="motesportal-handlingar">
              <Text as="h2" id="motesportal-handlingar" variant="large" block styles={{ root: { margin: '0 0 8px 0' } }}>{strings.RubrikHandlingar}</Text>
              {grupper.map((g) => {
                const p = g.punkt;
                const gruppRubrik = p ? fyll(strings.PunktRubrik, p.punkt, p.rubrik) : g.nyckel === 'kallelse' ? strings.GruppKallelse : strings.GruppOvriga;
                const beslutForm = p && formular?.typ === 'beslut' && formular.punktId === p.id;
                return (
                  <section key={g.nyckel} aria-label={gruppRubrik} style={{ marginBottom: 16 }}>
                    <Text as="h3" variant="mediumPlus" block styles={{ root: { margin: '8px 0 4px 0' } }}>{gruppRubrik}</Text>
                    {p?.diarienummer && <Text block variant="small">{fyll(strings.Diarienummer, p.diarienummer)}</Text>}
                    {p?.beslut && (
                      <Text block>{fyll(strings.BeslutVisas, p.beslutsdatum ?? '', p.beslut)}</Text>
                    )}
                    {p && redigera && !beslutForm && (
                      <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
                        <Link onClick={() => satFormular({ typ: 'beslut', punktId: p.id })} disabled={!!skrivskydd}
                          aria-label={fyll(strings.RegistreraBeslutFor, p.punkt)}>
                          {p.beslut ? strings.AndraBeslut : strings.RegistreraBeslut}
                        </Link>
                        <Link onClick={() => satFormular({ typ: 'handling', punkt: p.punkt })} disabled={!!skrivskydd}
                          aria-label={fyll(strings.LaddaUppFor, p.punkt)}>
                          {strings.LaddaUppHandling}
                        </Link>
                      </Stack>
                    )}
                    {p && redigera && redigering && beslutForm && (
                      <Beslut redigering={redigering} punkt={p} motesdag={s.datum} idag={idag} skrivskydd={skrivskydd}
                        onAvbryt={() => satFormular(undefined)} onKonflikt={laddaOm}
                        onKlar={(ny) => efterSkrivning(fyll(strings.BeslutSparat, ny.punkt))} />
                    )}
                    {g.handlingar.length === 0
                      ? <Text as="p" block variant="small">{strings.IngaHandlingar}</Text>
                      : (
                        <ul style={{ margin: 0, padding: 0 }}>
                          {g.handlingar.map((h) => (
                            <HandlingRad key={`${h.bibliotek}-${h.id}`} handling={h} senastBesok={senastBesok} kanRedigera={redigera}
                              skrivskydd={skrivskydd} publicerar={publicerar === h.id || skriver} onPublicera={(x) => { void publicera(x); }} />
                          ))}
                        </ul>
                      )}
                  </section>
                );
              })}
            </section>
            <ProtokollDel vy={vy} justering={justering} kanRedigera={redigera} idag={idag} skrivskydd={skrivskydd} onAndrat={laddaOm} />
          </>
        )}
      </Stack>
    </Panel>
  );
}
