/**
 * The measuring side of the rendering bench's pages (bench/rendering.ts drives them in Chromium).
 * Both pages, ours and the PnP ListView's, install the same functions; only what they mount differs.
 *
 * A time runs from a start (just before ReactDOM.render, or the moment the input or click event
 * reaches the window, before React sees it) to the first animation frame in which the condition
 * holds in the DOM. Both lists are Fluent DetailsLists that virtualize, so "rendered" is "the rows
 * of the first screen are in the DOM": the last rendered row reaches the bottom of the window (or
 * every row is rendered).
 *
 * Fluent's icons are registered as on a SharePoint page (the icon font's code points; the font files
 * themselves are not served), so neither list pays for a console warning per unregistered icon.
 */
import { initializeIcons } from '@fluentui/react';

export interface IVillkor {
  /** Exactly this many rows in the DOM. */
  antal?: number;
  /** Every rendered row contains this text (case-sensitive). */
  text?: string;
  /** The rows fill the window (or are all rendered). */
  fylld?: boolean;
}

export interface IBenchSida {
  /** Mounts the list and resolves with the ms until the first screen of rows is in the DOM. */
  rendera(): Promise<number>;
  /** Starts the clock at the next event of this type (capture phase on window) and watches for the condition. */
  armera(handelse: 'input' | 'click', villkor: IVillkor): void;
  /** The ms of the armed measurement. */
  resultat(): Promise<number>;
  /** Resolves when the condition holds (no clock): used to wait for the list after a reset. */
  vanta(villkor: IVillkor): Promise<void>;
}

declare global {
  interface Window {
    bench?: IBenchSida;
  }
}

const GRANS_MS = 30_000;

function rader(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.ms-DetailsRow'));
}

function uppfyllt(villkor: IVillkor, totalt: number): boolean {
  const r = rader();
  if (r.length === 0) return false;
  if (villkor.antal !== undefined && r.length !== villkor.antal) return false;
  if (villkor.text !== undefined && !r.every((rad) => (rad.textContent ?? '').indexOf(villkor.text!) >= 0)) return false;
  if (villkor.fylld && r.length < totalt && r[r.length - 1].getBoundingClientRect().bottom < window.innerHeight) return false;
  return true;
}

function nar(villkor: IVillkor, totalt: number, start: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const steg = (): void => {
      if (uppfyllt(villkor, totalt)) {
        resolve(performance.now() - start);
      } else if (performance.now() - start > GRANS_MS) {
        reject(new Error(`Villkoret ${JSON.stringify(villkor)} uppfylldes inte på ${GRANS_MS} ms (${rader().length} rader i DOM)`));
      } else {
        requestAnimationFrame(steg);
      }
    };
    requestAnimationFrame(steg);
  });
}

/** `montera` renders the list into the element; `totalt` is the number of rows it gets. */
export function installera(montera: (rot: HTMLElement) => void, totalt: number): void {
  initializeIcons(`${window.location.origin}/ikonfonter/`, { disableWarnings: true });
  let pagaende: Promise<number> | undefined;
  window.bench = {
    rendera: () => {
      const rot = document.getElementById('rot')!;
      const start = performance.now();
      montera(rot);
      return nar({ fylld: true }, totalt, start);
    },
    armera: (handelse, villkor) => {
      pagaende = new Promise((resolve, reject) => {
        window.addEventListener(handelse, () => {
          nar(villkor, totalt, performance.now()).then(resolve, reject);
        }, { capture: true, once: true });
      });
    },
    resultat: () => pagaende ?? Promise.reject(new Error('Ingen mätning armerad')),
    vanta: (villkor) => nar(villkor, totalt, performance.now()).then(() => undefined)
  };
}
