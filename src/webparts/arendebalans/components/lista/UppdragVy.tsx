import * as React from 'react';
import {
  Checkbox, CollapseAllVisibility, DefaultButton, DetailsList, DetailsListLayoutMode, Dropdown, IColumn, IDropdownOption, IGroup,
  Link, SelectionMode, Stack, Text, TextField
} from '@fluentui/react';
import * as strings from 'ArendebalansListaStrings';
import { IsoDate } from '../../../../domain/dates';
import { bedomLage, IUppdrag, UPPDRAG_STATUSAR, UppdragStatus } from '../../../../domain/uppdrag';
import {
  distinktaVarden, filtrera, gruppera, Gruppering, IUrvalKriterier, Riktning, sortera, SorteringsKolumn
} from '../../../../domain/uppdragUrval';
import { IRadBrist } from '../../../../data/uppdrag/UppdragTjanst';
import { EmptyState } from '../../../../ui/EmptyState';
import { fyll } from '../../../../ui/format';
import { StatusPill } from '../../../../ui/StatusPill';
import { statusText } from '../../../../ui/statusText';
import { RadBristFlagga } from '../RadBrister';

export interface IUppdragVyProps {
  uppdrag: IUppdrag[];
  idag: IsoDate;
  /** The web part's "ej uppdaterad på N dagar". */
  dagarTillInaktuell: number;
  onOppna: (id: number) => void;
  /** Rows stored with missing or unreadable values, by id: shown like the others, and flagged. */
  brister?: ReadonlyMap<number, readonly IRadBrist[]>;
}

// Dropdown keys must not collide with a real förvaltning's name.
const ALLA = '\u0000alla';

interface ISortering {
  kolumn: SorteringsKolumn;
  riktning: Riktning;
}

/**
 * The backlog as the ledamot reads it: filters, grouping, sortable columns and a count. DetailsList
 * virtualizes, so a list of hundreds of uppdrag stays fast on a tablet.
 */
export function UppdragVy({ uppdrag, idag, dagarTillInaktuell, onOppna, brister }: IUppdragVyProps): JSX.Element {
  const [kriterier, satKriterier] = React.useState<IUrvalKriterier>({});
  const [gruppering, satGruppering] = React.useState<Gruppering>('ingen');
  const [sortering, satSortering] = React.useState<ISortering>({ kolumn: 'planeratKlart', riktning: 'stigande' });
  const andra = (del: Partial<IUrvalKriterier>): void => satKriterier((k) => ({ ...k, ...del }));

  const forvaltningar = React.useMemo(() => distinktaVarden(uppdrag, 'forvaltning'), [uppdrag]);
  const instanser = React.useMemo(() => distinktaVarden(uppdrag, 'beslutsinstans'), [uppdrag]);
  const urval = React.useMemo(() => {
    const bedomning = { idag, dagarTillInaktuell };
    return gruppera(sortera(filtrera(uppdrag, kriterier, bedomning), sortering.kolumn, sortering.riktning, bedomning), gruppering);
  }, [uppdrag, kriterier, sortering, gruppering, idag, dagarTillInaktuell]);

  const tomtNamn = gruppering === 'forvaltning' ? strings.IngenForvaltning : strings.IngenBeslutsinstans;
  const grupper = React.useMemo<IGroup[] | undefined>(() => gruppering === 'ingen' ? undefined : urval.grupper.map((g) => {
    const namn = g.nyckel || tomtNamn;
    return { key: `g:${g.nyckel}`, name: namn, startIndex: g.startIndex, count: g.antal, level: 0, ariaLabel: fyll(strings.GruppEtikett, namn, g.antal) };
  }), [urval, gruppering, tomtNamn]);

  const kolumner = React.useMemo<IColumn[]>(() => {
    const sorterbar = (key: SorteringsKolumn, name: string, minWidth: number, del: Partial<IColumn>): IColumn => ({
      key, name, minWidth,
      isSorted: sortering.kolumn === key,
      isSortedDescending: sortering.kolumn === key && sortering.riktning === 'fallande',
      sortAscendingAriaLabel: strings.SorteradStigande,
      sortDescendingAriaLabel: strings.SorteradFallande,
      // Same column again turns the order round; a new column starts ascending.
      onColumnClick: () => satSortering((s) => ({
        kolumn: key,
        riktning: s.kolumn === key && s.riktning === 'stigande' ? 'fallande' : 'stigande'
      })),
      ...del
    });
    return [
      sorterbar('rubrik', strings.KolumnRubrik, 200, {
        isMultiline: true, isRowHeader: true,
        onRender: (u: IUppdrag) => {
          const radensBrister = brister?.get(u.id);
          return (
            <Stack tokens={{ childrenGap: 2 }}>
              {/* A row without a title must still be a link, or it could only be opened by keyboard invoke. */}
              <Link onClick={() => onOppna(u.id)}>{u.rubrik.trim() || fyll(strings.UtanRubrik, u.id)}</Link>
              {u.diarienummer && <Text variant="small">{fyll(strings.Diarienummer, u.diarienummer)}</Text>}
              {radensBrister && radensBrister.length > 0 && <RadBristFlagga brister={radensBrister} />}
            </Stack>
          );
        }
      }),
      sorterbar('beslut', strings.KolumnBeslut, 120, {
        onRender: (u: IUppdrag) => <Text variant="small">{[u.beslutsinstans, u.beslutsdatum, u.paragraf].filter(Boolean).join(' ')}</Text>
      }),
      sorterbar('forvaltning', strings.KolumnForvaltning, 140, { fieldName: 'forvaltning', isMultiline: true }),
      sorterbar('status', strings.KolumnStatus, 180, {
        onRender: (u: IUppdrag) => <StatusPill lage={bedomLage(u, idag, dagarTillInaktuell)} dagarTillInaktuell={dagarTillInaktuell} />
      }),
      sorterbar('planeratKlart', strings.KolumnPlaneratKlart, 100, {
        onRender: (u: IUppdrag) => <Text variant="small">{u.planeratKlart ?? strings.SaknasDatum}</Text>
      }),
      sorterbar('senastAndrad', strings.KolumnSenastAndrad, 100, { fieldName: 'senastAndrad' })
    ];
  }, [sortering, idag, dagarTillInaktuell, onOppna, brister]);

  if (uppdrag.length === 0) {
    return (
      <EmptyState iconName="TaskManager" title={strings.TomRubrik}>
        <Text as="p" block>{strings.TomText}</Text>
      </EmptyState>
    );
  }

  const statusVal: IDropdownOption[] = UPPDRAG_STATUSAR.map((s) => ({ key: s, text: statusText(s) }));
  const allaOch = (varden: string[]): IDropdownOption[] => [{ key: ALLA, text: strings.Alla }, ...varden.map((v) => ({ key: v, text: v }))];
  const grupperingsVal: IDropdownOption[] = [
    { key: 'ingen', text: strings.GrupperaIngen },
    { key: 'beslutsinstans', text: strings.GrupperaBeslutsinstans },
    { key: 'forvaltning', text: strings.GrupperaForvaltning }
  ];
  const valdaStatusar = kriterier.statusar ?? [];
  const filtrerat = Object.keys(kriterier).some((k) => {
    const v = kriterier[k as keyof IUrvalKriterier];
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== false && v !== '';
  });

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <div role="group" aria-label={strings.FilterEtikett}>
        <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }}>
          <Dropdown
            label={strings.FiltStatus}
            placeholder={strings.FiltStatusAlla}
            multiSelect
            options={statusVal}
            selectedKeys={valdaStatusar as string[]}
            onChange={(_e, val) => {
              if (!val) return;
              const status = val.key as UppdragStatus;
              andra({ statusar: val.selected ? [...valdaStatusar, status] : valdaStatusar.filter((s) => s !== status) });
            }}
            styles={{ root: { minWidth: 180 } }}
          />
          <Dropdown
            label={strings.FiltForvaltning}
            options={allaOch(forvaltningar)}
            selectedKey={kriterier.forvaltning ?? ALLA}
            onChange={(_e, val) => val && andra({ forvaltning: val.key === ALLA ? undefined : String(val.key) })}
            styles={{ root: { minWidth: 180 } }}
          />
          <Dropdown
            label={strings.FiltBeslutsinstans}
            options={allaOch(instanser)}
            selectedKey={kriterier.beslutsinstans ?? ALLA}
            onChange={(_e, val) => val && andra({ beslutsinstans: val.key === ALLA ? undefined : String(val.key) })}
            styles={{ root: { minWidth: 140 } }}
          />
          <TextField
            label={strings.Sok}
            type="search"
            placeholder={strings.SokPlatshallare}
            value={kriterier.sok ?? ''}
            onChange={(_e, v) => andra({ sok: v ?? '' })}
            styles={{ root: { minWidth: 240 } }}
          />
          <Dropdown
            label={strings.Gruppera}
            options={grupperingsVal}
            selectedKey={gruppering}
            onChange={(_e, val) => val && satGruppering(val.key as Gruppering)}
            styles={{ root: { minWidth: 160 } }}
          />
        </Stack>
        <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 16 }} styles={{ root: { marginTop: 8 } }}>
          <Checkbox label={strings.BaraForsenade} checked={!!kriterier.baraForsenade} onChange={(_e, c) => andra({ baraForsenade: !!c })} />
          <Checkbox
            label={fyll(strings.EjUppdaterade, dagarTillInaktuell)}
            checked={!!kriterier.baraInaktuella}
            onChange={(_e, c) => andra({ baraInaktuella: !!c })}
          />
          {filtrerat && <DefaultButton text={strings.RensaFilter} onClick={() => satKriterier({})} />}
        </Stack>
      </div>
      {/* role=status: the new count is read out when a filter changes, without moving focus. */}
      <Text role="status" block>{fyll(strings.Antal, urval.uppdrag.length, uppdrag.length)}</Text>
      {urval.uppdrag.length === 0 ? (
        <EmptyState iconName="Filter" title={strings.IngaTraffarRubrik}>
          <Text as="p" block>{strings.IngaTraffarText}</Text>
        </EmptyState>
      ) : (
        <DetailsList
          items={urval.uppdrag}
          groups={grupper}
          groupProps={{
            showEmptyGroups: false,
            // The header's collapse-all button has no Swedish name; each group keeps its own toggle.
            collapseAllVisibility: CollapseAllVisibility.hidden,
            headerProps: { expandButtonProps: { 'aria-label': strings.GruppVaxla } }
          }}
          columns={kolumner}
          selectionMode={SelectionMode.none}
          layoutMode={DetailsListLayoutMode.justified}
          ariaLabelForGrid={strings.ListaEtikett}
          getKey={(u: IUppdrag) => String(u.id)}
          setKey="uppdrag"
          onItemInvoked={(u: IUppdrag) => onOppna(u.id)}
        />
      )}
    </Stack>
  );
}
