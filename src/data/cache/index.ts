export { CACHEPREFIX, FRAN_CACHE_HUVUD, OfflineCache } from './OfflineCache';
export type { IOfflineCacheAlternativ } from './OfflineCache';
export { FRAN_CACHE, lyssnaPaCache, ONLINE } from './handelser';
export type { ICacheHandelse } from './handelser';
export { skapaMinneslager, standardLager } from './lager';
export type { ICacheLager, ISvarscacheGranser } from './lager';
