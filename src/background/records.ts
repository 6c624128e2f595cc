import { z } from 'zod';
import { reportSchema, evidencePartNameSchema } from '../shared/report';

/** Delivery states a stored report moves through. */
export const reportStatusSchema = z.enum(['local', 'queued', 'sending', 'retry', 'delivered', 'rejected', 'cancelled']);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const reportRecordSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  report: reportSchema,
  status: reportStatusSchema,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number().optional(),
  /** A send in progress holds the report until this time; a worker killed mid-send lets it lapse. */
  leaseUntil: z.number().optional(),
  /** Which worker instance holds the lease: only one extension worker runs at a time, so any other holder is dead. */
  leaseOwner: z.string().optional(),
  lastError: z.string().optional(),
  receipt: z.string().optional(),
  deliveredAt: z.string().optional(),
  endpointUrl: z.string().optional(),
  partIds: z.array(z.string()),
  /** Parts left out for lack of space, so the history can say so. */
  droppedParts: z.array(evidencePartNameSchema).optional(),
  site: z.string(),
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

/** What the UI sees of a report: the record less the heavy bits. */
export type ReportView = Omit<ReportRecord, 'leaseUntil' | 'leaseOwner'>;
