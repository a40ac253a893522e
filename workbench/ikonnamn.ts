/**
 * Icons the workbench registers from @fluentui/react-icons-mdl2's SVGs, because Fluent's icon
 * font comes from a Microsoft CDN that this page must never call. The build adds every literal
 * `iconName="…"` / `iconName: '…'` (or Pivot's `itemIcon`) it finds under src/; this list holds the rest: names passed
 * through variables in src/ and the ones Fluent's own controls ask for.
 */
export const EXTRA_IKONER: readonly string[] = [
  // src/webparts/motesportal: tom(rubrik, ikon) passes these through a variable.
  'Calendar', 'History', 'Pinned',
  // src/webparts/surfplattor/components/Handelser.tsx: an Intune step's icon is picked by a ternary.
  'Delete', 'Permissions',
  // src/webparts/epostrutin/components/EpostrutinApp.tsx: the folder tabs' icons come from a map.
  'Inbox', 'Send',
  // Fluent: MessageBar (Info, ErrorBadge, Blocked2, Warning, Completed, Clear, expand chevrons),
  // Dropdown and Pivot overflow (ChevronDown, More), Checkbox (CheckMark), DetailsList (sort,
  // group chevrons), Dialog and Panel close (Cancel).
  'Info', 'ErrorBadge', 'Blocked2', 'Warning', 'Completed', 'Clear', 'DoubleChevronUp', 'DoubleChevronDown',
  'ChevronDown', 'ChevronRight', 'ChevronUp', 'More', 'CheckMark', 'SortUp', 'SortDown', 'Cancel', 'Search',
  'Filter', 'StatusCircleCheckmark', 'CircleRing'
];

/** Literal icon names in a source file (JSX attribute or object property). */
export function ikonnamnIKallkod(kalla: string): string[] {
  // iconName, and Pivot's itemIcon, which names an icon the same way.
  const traffar = kalla.matchAll(/(?:iconName|itemIcon)\s*(?:=\s*\{?|:)\s*["'`]([A-Za-z0-9]+)["'`]/g);
  return Array.from(traffar, (t) => t[1]);
}
