/**
 * A person on the site, as every part names someone: a justerare, a borrower, whoever reported an
 * incident. It lives in the domain because the domain's rules (justering) name people too;
 * src/data/personer.ts reads them from SharePoint.
 */
export interface IPerson {
  /** The person's SharePoint user id on the site. */
  id: number;
  namn: string;
  epost: string;
}
