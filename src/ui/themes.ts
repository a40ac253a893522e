import { createTheme, ITheme, PartialTheme } from '@fluentui/react';

/** The themes a Teams client reports through `app.getContext()`. */
export type TeamsTema = 'default' | 'dark' | 'contrast';

export function arTeamsTema(value: unknown): value is TeamsTema {
  return value === 'default' || value === 'dark' || value === 'contrast';
}

const morkt: PartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#7f85f5', themeLighterAlt: '#05050a', themeLighter: '#2f2f4a', themeLight: '#3d3e66',
    themeTertiary: '#5b5fc7', themeSecondary: '#7074e4', themeDarkAlt: '#8b90f6', themeDark: '#9ea2f7',
    themeDarker: '#babdf9', neutralLighterAlt: '#1f1f1f', neutralLighter: '#292929', neutralLight: '#333333',
    neutralQuaternaryAlt: '#3d3d3d', neutralQuaternary: '#454545', neutralTertiaryAlt: '#5c5c5c',
    neutralTertiary: '#c8c8c8', neutralSecondary: '#d6d6d6', neutralPrimaryAlt: '#e0e0e0',
    neutralPrimary: '#ffffff', neutralDark: '#f4f4f4', black: '#f8f8f8', white: '#1f1f1f'
  },
  semanticColors: {
    errorText: '#f9a3ae', errorBackground: '#3e1f25', warningBackground: '#463100', successBackground: '#0d3c1a',
    bodyStandoutBackground: '#2b2b2b'
  }
};

const hogKontrast: PartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#ffff00', themeLighterAlt: '#000000', themeLighter: '#000000', themeLight: '#000000',
    themeTertiary: '#ffff00', themeSecondary: '#ffff00', themeDarkAlt: '#ffff00', themeDark: '#ffff00',
    themeDarker: '#ffff00', neutralLighterAlt: '#000000', neutralLighter: '#000000', neutralLight: '#000000',
    neutralQuaternaryAlt: '#ffffff', neutralQuaternary: '#ffffff', neutralTertiaryAlt: '#ffffff',
    neutralTertiary: '#ffffff', neutralSecondary: '#ffffff', neutralPrimaryAlt: '#ffffff',
    neutralPrimary: '#ffffff', neutralDark: '#ffffff', black: '#ffffff', white: '#000000'
  },
  semanticColors: {
    errorText: '#ffffff', errorBackground: '#000000', warningBackground: '#000000', successBackground: '#000000',
    bodyStandoutBackground: '#000000', bodyDivider: '#ffffff', inputBorder: '#ffffff', link: '#ffff00'
  }
};

/** A full Fluent theme for a Teams client theme; 'default' is Fluent's light theme. */
export function teamsTema(tema: TeamsTema): ITheme {
  switch (tema) {
    case 'dark': return createTheme(morkt);
    case 'contrast': return createTheme(hogKontrast);
    default: return createTheme({});
  }
}
