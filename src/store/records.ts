import { z } from 'zod/mini';
import { evidencePartNameSchema } from '../shared/report';
import { reportViewObject } from '../shared/protocol/ui-replies';

// Lazy, as the schemas they are made of (shared/protocol/lazy-union.ts).

/** A stored report: what the UI sees of it, and the lease of a send in progress. */
export const reportRecordSchema = z.lazy(() =>
  z.extend(reportViewObject(), {
    /** A send in progress holds the report until this time; a worker killed mid-send lets it lapse. */
    leaseUntil: z.optional(z.number()),
    /** Which worker instance holds the lease: only one extension worker runs at a time, so any other holder is dead. */
    leaseOwner: z.optional(z.string()),
  }),
);
export type ReportRecord = z.infer<typeof reportRecordSchema>;

export const partRecordSchema = z.lazy(() =>
  z.object({
    id: z.uuid(),
    draftId: z.string(),
    reportId: z.optional(z.string()),
    name: evidencePartNameSchema,
    mediaType: z.enum(['image/png', 'text/html', 'multipart/related']),
    blob: z.instanceof(Blob),
    bytes: z.number().check(z.int(), z.nonnegative()),
    sha256: z.string(),
    createdAt: z.number(),
    /** Kind of screenshot, for the preview's caption. */
    variant: z.optional(z.enum(['visible', 'listing', 'full-page', 'dom', 'mhtml'])),
  }),
);
export type PartRecord = z.infer<typeof partRecordSchema>;

