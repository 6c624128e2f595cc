import { z } from 'zod/mini';
import { categorySchema } from './category-schema';
import { signedReceiptSchema } from './signed-receipt';
import { provenanceSchema } from './provenance';

/** Protocol v1 (docs/PROTOCOL.md) — a contract with every tip endpoint. */
export const REPORT_SCHEMA_ID = 'tipline.report/v1';

// Every schema here is `z.lazy`: the worker imports this module when it starts and needs a report's
// schemas only once one is made, sent or shown (shared/protocol/lazy-union.ts).

const httpUrl = () =>
  z.string().check(
    z.maxLength(8192),
    z.refine((value) => /^(https?|ftp|file):/i.test(value) || value === '', {
      message: 'must be an http(s) URL',
    }),
  );

export const pageSchema = z.lazy(() =>
  z.object({
    url: z.string().check(z.minLength(1), z.maxLength(8192)),
    title: z.string().check(z.maxLength(2000)),
    capturedAt: z.iso.datetime(),
    referrer: z.optional(z.string().check(z.maxLength(8192))),
    lang: z.optional(z.string().check(z.maxLength(35))),
    /** How the browser reached the page (shared/provenance.ts); optional in v1, which is additive. */
    provenance: z.optional(provenanceSchema),
  }),
);

export const listingSchema = z.lazy(() =>
  z.object({
    text: z.optional(z.string().check(z.maxLength(20_000))),
    linkUrl: z.optional(httpUrl()),
    imageUrl: z.optional(z.string().check(z.maxLength(8192))),
    selection: z.optional(z.string().check(z.maxLength(20_000))),
  }),
);

export const matchSchema = z.lazy(() =>
  z.object({
    phrase: z.string().check(z.minLength(1), z.maxLength(200)),
    category: categorySchema,
    count: z.number().check(z.int(), z.positive()),
  }),
);

export const evidencePartNameSchema = z.lazy(() => z.enum(['screenshot', 'snapshot']));

export const evidenceSchema = z.lazy(() =>
  z.object({
    part: evidencePartNameSchema,
    mediaType: z.enum(['image/png', 'text/html', 'multipart/related']),
    bytes: z.number().check(z.int(), z.nonnegative()),
    sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be lowercase hex SHA-256')),
    /** When the part's bytes were taken (UTC); optional in v1, which is additive. */
    capturedAt: z.optional(z.iso.datetime()),
  }),
);

export const reporterSchema = z.lazy(() => z.nullable(z.object({ contact: z.string().check(z.minLength(1), z.maxLength(500)) })));

export const clientSchema = z.lazy(() =>
  z.object({
    name: z.literal('tipline'),
    version: z.string().check(z.maxLength(50)),
    browser: z.string().check(z.maxLength(200)),
  }),
);

export const reportSchema = z.lazy(() =>
  z
    .object({
      schema: z.literal(REPORT_SCHEMA_ID),
      id: z.uuid({ version: 'v4' }),
      createdAt: z.iso.datetime(),
      category: categorySchema,
      page: pageSchema,
      listing: z.optional(listingSchema),
      matches: z.array(matchSchema).check(z.maxLength(5000)),
      note: z.string().check(z.maxLength(10_000)),
      reporter: reporterSchema,
      evidence: z.array(evidenceSchema).check(z.maxLength(2)),
      client: clientSchema,
    })
    .check(
      z.superRefine((report, ctx) => {
        const parts = report.evidence.map((e) => e.part);
        if (new Set(parts).size !== parts.length) {
          ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'each evidence part may appear once' });
        }
        // docs/ARCHITECTURE.md, evidence rules: CSAM reports carry the URL and the reporter's note, nothing captured from the page.
        if (report.category === 'child-sexual-abuse' && (report.evidence.length > 0 || report.listing)) {
          ctx.addIssue({
            code: 'custom',
            path: ['evidence'],
            message: 'child-sexual-abuse reports carry no evidence parts and no listing content',
          });
        }
        // The URL only: not even what the page's server answered.
        if (report.category === 'child-sexual-abuse' && report.page.provenance) {
          ctx.addIssue({ code: 'custom', path: ['page', 'provenance'], message: 'child-sexual-abuse reports carry no provenance' });
        }
      }),
    ),
);

export type Report = z.infer<typeof reportSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Listing = z.infer<typeof listingSchema>;
export type Match = z.infer<typeof matchSchema>;

/** What a tip endpoint answers on acceptance. */
export const receiptSchema = z.lazy(() =>
  z.object({
    receipt: z.string().check(z.minLength(1), z.maxLength(500)),
    status: z.optional(z.string().check(z.maxLength(200))),
    /** Additive in v1: a malformed signed receipt is dropped, never a reason to refuse the acceptance. */
    signed: z.catch(z.optional(signedReceiptSchema), undefined),
  }),
);
export type Receipt = z.infer<typeof receiptSchema>;

/**
 * The bytes of `report.json` as a report is sent, on every attempt, and as its evidence package holds
 * it: one serialisation, so that the package's SHA-256 of report.json equals the copy the endpoint stored.
 */
export function reportJson(report: Report): string {
  return JSON.stringify(report);
}
