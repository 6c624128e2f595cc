import { z } from 'zod/mini';

/**
 * The prefilter of the reporter's own phrases and subscribed lists with the built-in ones, built by the
 * background when they change (storage.local, key `prefilterCache`) so that pages do not build it on
 * every load: 5,000 phrases cost 50-130 ms cold. A page uses it only when its key names the very
 * phrases, in order, and the extension version it would build from itself.
 */
export const PREFILTER_CACHE_KEY = 'prefilterCache';

/** Lazy: most pages have no cache to read (built-in phrases only). */
export const prefilterCacheSchema = z.lazy(() =>
  z.object({
    key: z.string().check(z.maxLength(200)),
    /** Packed tables (match/table-pack.ts) in base64. */
    tables: z.string().check(z.maxLength(40_000_000)),
  }),
);
export type PrefilterCache = z.infer<typeof prefilterCacheSchema>;

/** Two 32-bit FNV-1a variants over the phrases, their count and the version: cheap on a page, collisions unlikely. */
export function phraseSetKey(phrases: readonly { phrase: string }[], version: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    a = Math.imul(a ^ 0xffff, 0x01000193);
    b = Math.imul(b ^ 0xffff, 0x5bd1e995);
  };
  mix(version);
  for (const entry of phrases) mix(entry.phrase);
  return `${version}:${phrases.length}:${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}
