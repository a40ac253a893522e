/** Every list and library of the product, in the order they can be created (lookups last). */
import { AnslagLista, DagordningLista, HandlingarBibliotek, JusteringarLista, OrganLista, ProtokollBibliotek, SammantradenLista, SekretessBibliotek } from './moten';
import { EpostloggLista } from './epost';
import { HandelserLista, KvittenserLista, LanLista, RiktlinjerBibliotek, SurfplattorLista } from './surfplattor';
import { IListDef } from './types';
import { RedovisningarBibliotek, UppdragLista } from './uppdrag';

export const ALLA_LISTOR: readonly IListDef[] = [
  UppdragLista,
  OrganLista,
  SammantradenLista,
  DagordningLista,
  HandlingarBibliotek,
  SekretessBibliotek,
  ProtokollBibliotek,
  JusteringarLista,
  AnslagLista,
  SurfplattorLista,
  LanLista,
  HandelserLista,
  KvittenserLista,
  RiktlinjerBibliotek,
  RedovisningarBibliotek,
  EpostloggLista
];

export function listaMedNyckel(nyckel: string): IListDef {
  const lista = ALLA_LISTOR.find((l) => l.key === nyckel);
  if (!lista) {
    throw new Error(`Listan ${nyckel} finns inte i schemat.`);
  }
  return lista;
}

export * from './skapande';
export * from './types';
