/**
 * Links that open one uppdrag: in Teams a deep link to the personal tab with the uppdrag as its
 * sub-entity (Teams hands it to the web part as `page.subPageId`), in SharePoint the page with
 * `?uppdrag=<id>`.
 */
import { TEAMS_APP } from '../../schema/komponenter';

export const URL_PARAMETER = 'uppdrag';

export function teamsLank(id: number): string {
  const kontext = encodeURIComponent(JSON.stringify({ subEntityId: String(id) }));
  return `https://teams.microsoft.com/l/entity/${TEAMS_APP.id}/${TEAMS_APP.arendebalansFlik}?context=${kontext}`;
}

export function sidLank(sidaUtanFraga: string, id: number): string {
  return `${sidaUtanFraga}?${URL_PARAMETER}=${id}`;
}

/** The uppdrag a link asks for, from Teams' sub-page id or the page's query; undefined if none or not a number. */
export function uppdragFranLank(undersida: string | undefined, fraga: string): number | undefined {
  const varde = undersida || new URLSearchParams(fraga).get(URL_PARAMETER) || '';
  return /^\d+$/.test(varde) ? Number(varde) : undefined;
}
