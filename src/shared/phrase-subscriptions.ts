import { z } from 'zod/mini';
import { MAX_ENTRIES, phraseEntrySchema, type PhraseEntry } from './phrase-list';
import type { Settings } from './settings';


export const listErrorSchema = z.lazy(() =>
  z.object({
    code: z.enum(['url', 'network', 'timeout', 'http', 'too-big', 'not-json', 'invalid']),
    detail: z._default(z.string().check(z.maxLength(500)), ''),
  }),
);
export type ListError = z.infer<typeof listErrorSchema>;

/**
 * One subscription's state: the last good list (if any) and how the last attempt went. Lazy: the
 * content script imports this on every page, and most have no subscription to read.
 */
export const storedListSchema = z.lazy(() =>
  z.object({
    name: z.optional(z.string().check(z.maxLength(200))),
    version: z.optional(z.string().check(z.maxLength(50))),
    entries: z._default(z.array(phraseEntrySchema).check(z.maxLength(MAX_ENTRIES)), []),
    /** When the kept entries were downloaded. */
    fetchedAt: z.optional(z.iso.datetime()),
    lastAttemptAt: z.iso.datetime(),
    lastError: z.optional(listErrorSchema),
  }),
);
export type StoredList = z.infer<typeof storedListSchema>;
export type StoredLists = Record<string, StoredList>;

/** Reads the stored lists, dropping any entry that does not validate rather than all of them. */
export function readStoredLists(raw: unknown): StoredLists {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: StoredLists = {};
  for (const [url, value] of Object.entries(raw)) {
    const parsed = storedListSchema.safeParse(value);
    if (parsed.success) out[url] = parsed.data;
  }
  return out;
}

/** Entries of the enabled subscriptions, for the matcher. */
export function subscribedEntries(settings: Settings, stored: StoredLists): { entries: PhraseEntry[] }[] {
  return settings.subscriptions.filter((s) => s.enabled).flatMap((s) => (stored[s.url]?.entries.length ? [{ entries: stored[s.url]!.entries }] : []));
}
