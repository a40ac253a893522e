/**
 * Links that open one meeting: `?sammantrade=<id>` on the SharePoint page, or the sub-entity a
 * Teams deep link hands the tab (`page.subPageId`).
 */
export const URL_PARAMETER = 'sammantrade';

export function sidLank(sidaUtanFraga: string, id: number): string {
  return `${sidaUtanFraga}?${URL_PARAMETER}=${id}`;
}

/** The meeting a link asks for; undefined if none or not a number. */
export function sammantradeFranLank(undersida: string | undefined, fraga: string): number | undefined {
  const varde = undersida || new URLSearchParams(fraga).get(URL_PARAMETER) || '';
  return /^\d+$/.test(varde) ? Number(varde) : undefined;
}
