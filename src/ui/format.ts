/** Fills `{0}`, `{1}` … in a localized string, the way SPFx strings are written. */
export function fyll(mall: string, ...varden: Array<string | number>): string {
  return mall.replace(/\{(\d+)\}/g, (hel, index: string) => {
    const varde = varden[Number(index)];
    return varde === undefined ? hel : String(varde);
  });
}
