/** The workbench's four themes: the Fluent theme the parts get, and the colours of the page's top bar. */
import { createTheme, ITheme } from '@fluentui/react';
import { teamsTema } from '../src/ui/themes';
import { TemaId } from './typer';

/** The top bar stands in for SharePoint's suite bar or Teams' title bar; white text on each keeps ≥ 7:1. */
export interface ISvitfarger {
  bakgrund: string;
  text: string;
  kant: string;
}

const cache = new Map<TemaId, ITheme>();

/** SharePoint's default site theme is Fluent's default theme; the others are the product's Teams themes. */
export function fluentTema(id: TemaId): ITheme {
  let tema = cache.get(id);
  if (!tema) {
    switch (id) {
      case 'teams': tema = teamsTema('default'); break;
      case 'teams-dark': tema = teamsTema('dark'); break;
      case 'teams-contrast': tema = teamsTema('contrast'); break;
      default: tema = createTheme({});
    }
    cache.set(id, tema);
  }
  return tema;
}

export function svitfarger(id: TemaId): ISvitfarger {
  switch (id) {
    case 'teams': return { bakgrund: '#464775', text: '#ffffff', kant: '#464775' };
    case 'teams-dark': return { bakgrund: '#0a0a0a', text: '#ffffff', kant: '#3d3d3d' };
    case 'teams-contrast': return { bakgrund: '#000000', text: '#ffffff', kant: '#ffffff' };
    default: return { bakgrund: '#005a9e', text: '#ffffff', kant: '#005a9e' };
  }
}
