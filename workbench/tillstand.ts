/**
 * The header's choices live in the URL query (so a person or a test can deep-link) and in
 * sessionStorage (so a bare URL in the same tab keeps what was chosen). The URL wins.
 */
import { DELAR, DelVal, IWorkbenchTillstand, Roll, ROLLER, Sprak, SPRAK, STANDARD_TILLSTAND, TemaId, TEMAN } from './typer';

export const LAGRINGSNYCKEL = 'arendeportalen.workbench';

function valjBland<T extends string>(varden: readonly T[], varde: string | null | undefined): T | undefined {
  if (!varde) return undefined;
  // Case-insensitive, so ?sprak=en-us and ?sprak=en-US both work.
  return varden.find((v) => v.toLowerCase() === varde.toLowerCase());
}

function tolka(sok: URLSearchParams | Record<string, unknown>): Partial<IWorkbenchTillstand> {
  const hamta = (namn: string): string | undefined => {
    const v = sok instanceof URLSearchParams ? sok.get(namn) : sok[namn];
    return typeof v === 'string' ? v : undefined;
  };
  return {
    roll: valjBland<Roll>(ROLLER, hamta('roll')),
    sprak: valjBland<Sprak>(SPRAK, hamta('sprak')),
    tema: valjBland<TemaId>(TEMAN, hamta('tema')),
    del: valjBland<DelVal>([...DELAR, 'alla'], hamta('del'))
  };
}

function utanTomma(t: Partial<IWorkbenchTillstand>): Partial<IWorkbenchTillstand> {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as Partial<IWorkbenchTillstand>;
}

/** URL query first, then what sessionStorage held, then the defaults; unknown values are ignored. */
export function lasTillstand(sokstrang: string, sparat: string | null): IWorkbenchTillstand {
  let franLagring: Partial<IWorkbenchTillstand> = {};
  if (sparat) {
    try {
      const tolkat: unknown = JSON.parse(sparat);
      if (tolkat && typeof tolkat === 'object') franLagring = tolka(tolkat as Record<string, unknown>);
    } catch {
      // A damaged entry is ignored rather than breaking the page.
    }
  }
  return { ...STANDARD_TILLSTAND, ...utanTomma(franLagring), ...utanTomma(tolka(new URLSearchParams(sokstrang))) };
}

export function tillSokstrang(t: IWorkbenchTillstand): string {
  return `?${new URLSearchParams({ roll: t.roll, sprak: t.sprak, tema: t.tema, del: t.del }).toString()}`;
}
