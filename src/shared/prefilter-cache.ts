import { z } from 'zod/mini';
import { quickHash } from './hash';

/**
 * The prefilter of the reporter's own phrases and subscribed lists with the built-in ones, built by the
 * background when they change (storage.local, key `prefilterCache`) so that the worker, which MV3
 * stops after 30 s idle, does not build it on every start: 5,000 phrases cost 50-130 ms cold. The
 * worker uses it only when its key names the very phrases, in order, and the extension version it
 * would build from itself.
 */
export const PREFILTER_CACHE_KEY = 'prefilterCache';

/** Lazy: most workers have no cache to read (built-in phrases only). */
export const prefilterCacheSchema = z.lazy(() =>
  z.object({
    key: z.string().check(z.maxLength(200)),
    /** Packed tables (matcher/table-pack.ts) in base64. */
    tables: z.string().check(z.maxLength(40_000_000)),
  }),
);
export type PrefilterCache = z.infer<typeof prefilterCacheSchema>;

/** A hash of the phrases, their count and the version (`quickHash`). */
export function phraseSetKey(phrases: readonly { phrase: string }[], version: string): string {
  return `${version}:${phrases.length}:${quickHash([version, ...phrases.map((entry) => entry.phrase)])}`;
}
