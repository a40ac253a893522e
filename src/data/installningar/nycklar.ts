/**
 * The keys of the tenant properties the product reads, apart from the service so that texts and
 * provisioning can name them without loading PnPjs.
 */

/** The tenant property with the registrator's address: where Diarieför forwards to (issue 7). */
export const REGISTRATOR_NYCKEL = 'Arendeportalen.RegistratorAdress';

/**
 * The tenant property with the portal site's absolute URL. A personal app in Teams, Outlook or the
 * Microsoft 365 app runs on the tenant's root site, where the portal's lists are not: this says
 * where they are. Provisioning sets it to the site it provisions.
 */
export const PORTAL_NYCKEL = 'Arendeportalen.PortalUrl';
