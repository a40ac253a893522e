/**
 * SPFx component ids that provisioning binds to lists. They must equal the ids in the
 * components' manifests; a test compares them.
 */
export const KOMPONENT_ID = {
  uppdragStatusFalt: '2d1e4241-29ff-443b-bd44-349023085db9',
  uppdragKommandon: '595012dd-4f26-49ad-bea1-85cccab8f4dc'
} as const;
