/**
 * What the command-line tools (provisioning, the public site) share: reading `--namn värde`
 * arguments and signing in to SharePoint through CLI for Microsoft 365 — no app registration of
 * our own, and the kommun's usual sign-in (MFA, conditional access) applies.
 */
import { execFileSync } from 'child_process';

export function argument(namn: string): string | undefined {
  const i = process.argv.indexOf(namn);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A SharePoint access token for the site's host; `vem` names the account to sign in as, in the error. */
export function tokenFranM365(webbplats: string, vem: string): string {
  const resurs = new URL(webbplats).origin;
  try {
    return execFileSync('m365', ['util', 'accesstoken', 'get', '--resource', resurs, '--new', '--output', 'text'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Kunde inte hämta en åtkomsttoken med CLI för Microsoft 365. Installera den (npm i -g @pnp/cli-microsoft365), '
      + `logga in med "m365 login" som ${vem} och försök igen, eller ange --token.`);
  }
}
