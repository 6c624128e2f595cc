import { z } from 'zod/mini';
import { MAX_SNAPSHOT_CHARS, SNAPSHOT_MAX_RESOURCES } from '../snapshot-css';

/*
 * The content script's answer to `content/snapshot` (src/content/snapshot.ts): the inert copy of the page
 * with a token where each image, stylesheet or CSS url() the page used stands, and the list of those
 * resources, which the worker fetches and inlines within its caps (src/background/snapshot-inline.ts).
 * The content script imports the type only, so no zod code runs on the page.
 */

/** `image`: an element's picture; `css-url`: a url() in CSS (a picture or a font); `style`: a stylesheet's text. */
export const snapshotResourceKindSchema = z.enum(['image', 'css-url', 'style']);

export const snapshotDraftSchema = z.object({
  html: z.string().check(z.maxLength(MAX_SNAPSHOT_CHARS)),
  /** Random per snapshot: tokens are `tipline-resource-<nonce>-<index>`, which a page cannot guess. */
  nonce: z.string().check(z.regex(/^[0-9a-f]{32}$/)),
  pageUrl: z.string().check(z.maxLength(8192)),
  resources: z.array(z.object({ url: z.string().check(z.maxLength(8192)), kind: snapshotResourceKindSchema })).check(z.maxLength(SNAPSHOT_MAX_RESOURCES)),
});

export type SnapshotDraft = z.infer<typeof snapshotDraftSchema>;
export type SnapshotResourceKind = z.infer<typeof snapshotResourceKindSchema>;
