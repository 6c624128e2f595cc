import { z } from 'zod';

/** Background → content script (DESIGN.md §8); `messages.ts` re-exports it with the other directions. */
export const backgroundToContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('content/get-summary') }),
  z.object({
    type: z.literal('content/get-listing'),
    hints: z.object({ linkUrl: z.string().max(8192).optional(), srcUrl: z.string().max(8192).optional(), selectionText: z.string().max(20_000).optional() }),
  }),
  z.object({ type: z.literal('content/scroll-to'), phrase: z.string().max(200) }),
  z.object({ type: z.literal('content/settings-changed') }),
  z.object({ type: z.literal('content/page-metrics') }),
  z.object({ type: z.literal('content/scroll-for-slice'), y: z.number().finite().nonnegative(), hideFixed: z.boolean() }),
  z.object({ type: z.literal('content/end-capture'), x: z.number().finite(), y: z.number().finite() }),
  z.object({ type: z.literal('content/snapshot') }),
]);
export type BackgroundToContentMessage = z.infer<typeof backgroundToContent>;

/** Replies never reject: rejections do not cross contexts reliably. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export function ok<T>(data: T): Reply<T> {
  return { ok: true, data };
}

export function fail(error: string): Reply<never> {
  return { ok: false, error };
}
