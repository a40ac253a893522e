/**
 * SPFx component ids that provisioning binds to lists. They must equal the ids in the
 * components' manifests; a test compares them.
 */
export const KOMPONENT_ID = {
  uppdragStatusFalt: '2d1e4241-29ff-443b-bd44-349023085db9',
  uppdragKommandon: '595012dd-4f26-49ad-bea1-85cccab8f4dc'
} as const;

/** The main Teams app (teams/manifest.json) and its personal tab for the backlog, for deep links. */
export const TEAMS_APP = {
  id: 'f7693b96-c8e3-4235-9204-e223f135d744',
  arendebalansFlik: 'arendebalans'
} as const;
