import { z } from 'zod';
import { evidencePartNameSchema } from '../shared/report';
import { reportViewSchema } from '../shared/protocol/ui-replies';

/** A stored report: what the UI sees of it, and the lease of a send in progress. */
export const reportRecordSchema = reportViewSchema.extend({
  /** A send in progress holds the report until this time; a worker killed mid-send lets it lapse. */
  leaseUntil: z.number().optional(),
  /** Which worker instance holds the lease: only one extension worker runs at a time, so any other holder is dead. */
  leaseOwner: z.string().optional(),
});
export type ReportRecord = z.infer<typeof reportRecordSchema>;

export const partRecordSchema = z.object({
  id: z.uuid(),
  draftId: z.string(),
  reportId: z.string().optional(),
  name: evidencePartNameSchema,
  mediaType: z.enum(['image/png', 'text/html', 'multipart/related']),
  blob: z.instanceof(Blob),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
  createdAt: z.number(),
  /** Kind of screenshot, for the preview's caption. */
  variant: z.enum(['visible', 'listing', 'full-page', 'dom', 'mhtml']).optional(),
});
export type PartRecord = z.infer<typeof partRecordSchema>;

