import { z } from 'zod/mini';

/** How long a "pick a listing" request stands, on the page and in the worker, before the reporter must ask again. */
export const PICK_WINDOW_MS = 5 * 60_000;

/**
 * Background → content script (docs/ARCHITECTURE.md, protocol); the other directions are in messages.ts.
 * Built on the first message, not at start-up: the content script loads on every page, most of which
 * never get one, and even a `z.lazy` wrapper runs zod code while the page loads.
 */
const backgroundToContentSchema = () => z.discriminatedUnion('type', [
  z.object({ type: z.literal('content/get-summary') }),
  z.object({
    type: z.literal('content/get-listing'),
    hints: z.object({
      linkUrl: z.optional(z.string().check(z.maxLength(8192))),
      srcUrl: z.optional(z.string().check(z.maxLength(8192))),
      selectionText: z.optional(z.string().check(z.maxLength(20_000))),
    }),
    /** Which of the reporter's gestures names the listing: the last right-click (the default) or the tap of pick mode. */
    from: z.optional(z.enum(['right-click', 'pick'])),
  }),
  /** Pick mode: the next trusted tap or click on the page names the listing (content/pick-mode.ts). */
  z.object({ type: z.literal('content/pick-listing') }),
  z.object({ type: z.literal('content/scroll-to'), phrase: z.string().check(z.maxLength(200)) }),
  z.object({ type: z.literal('content/settings-changed') }),
  z.object({ type: z.literal('content/page-metrics') }),
  z.object({ type: z.literal('content/scroll-for-slice'), y: z.number().check(z.nonnegative()), hideFixed: z.boolean() }),
  z.object({ type: z.literal('content/end-capture'), x: z.number(), y: z.number() }),
  z.object({ type: z.literal('content/snapshot') }),
]);
export type BackgroundToContentMessage = z.infer<ReturnType<typeof backgroundToContentSchema>>;

let built: ReturnType<typeof backgroundToContentSchema> | undefined;

export const backgroundToContent = {
  safeParse(message: unknown) {
    built ??= backgroundToContentSchema();
    return built.safeParse(message);
  },
};
