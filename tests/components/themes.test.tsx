import { createTheme, getColorFromString, getContrastRatio, ITheme } from '@fluentui/react';
import { teamsTema } from '../../src/ui/themes';

const kontrast = (a: string, b: string): number => getContrastRatio(getColorFromString(a)!, getColorFromString(b)!);

const teman: Array<[string, ITheme]> = [
  ['SharePoint ljust', createTheme({})],
  ['Teams standard', teamsTema('default')],
  ['Teams mörkt', teamsTema('dark')],
  ['Teams hög kontrast', teamsTema('contrast')]
];

describe.each(teman)('kontrast i temat %s (WCAG 1.4.3, minst 4,5:1)', (_namn, tema) => {
  const s = tema.semanticColors;
  it('brödtext mot bakgrund', () => {
    expect(kontrast(s.bodyText, s.bodyBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('statuspillrens text mot deras bakgrund', () => {
    const par: Array<[string, string]> = [
      [s.errorText, s.errorBackground],
      [s.bodyText, s.warningBackground],
      [s.bodyText, s.successBackground],
      [s.bodyText, tema.palette.themeLighter],
      [s.bodyText, s.bodyStandoutBackground],
      [s.errorText, s.bodyBackground]
    ];
    for (const [text, bakgrund] of par) {
      expect(kontrast(text, bakgrund)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
