import { z } from 'zod/mini';

/*
 * Provenance of the reported page (docs/PROTOCOL.md, `page.provenance`): how the browser reached the
 * top-level document it shows, as the worker saw it (src/background/navigation-recorder.ts).
 */

/**
 * The response headers kept, and no others: they date and describe the document without carrying
 * cookies, tokens or anything about the reporter. Lower case, as HTTP/2 writes them.
 */
export const PROVENANCE_HEADERS = ['date', 'server', 'content-type', 'content-length', 'last-modified', 'etag'] as const;
export type ProvenanceHeader = (typeof PROVENANCE_HEADERS)[number];

/** A header value longer than this is left out rather than cut: evidence is kept whole or not at all. */
export const MAX_HEADER_VALUE = 1000;
/** Browsers stop after 20 redirects; internal ones (HSTS upgrades) may add a few. */
export const MAX_REDIRECTS = 30;

/** HTTP status codes are three digits (RFC 9110, 15). */
const status = () => z.number().check(z.int(), z.gte(100), z.lte(999));

// Lazy, as the report's schemas (report.ts): the worker needs them once a page is reached or reported.
export const redirectSchema = z.lazy(() =>
  z.object({
    url: z.string().check(z.minLength(1), z.maxLength(8192)),
    status: status(),
  }),
);

/** What is kept of the final response, in a report's provenance and in a navigation (background/provenance.ts). */
export const finalResponseShape = () => ({
  /** The final response's status. */
  status: status(),
  /** The address the browser sent the final request to (a proxy's, when one is used); absent when the browser did not say (a cached response). */
  ip: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  headers: z.partialRecord(z.enum(PROVENANCE_HEADERS), z.string().check(z.maxLength(MAX_HEADER_VALUE))),
});

export const provenanceSchema = z.lazy(() =>
  z.object({
    /** Each address that answered with a redirect, in order, and the status it answered with. */
    redirects: z.array(redirectSchema).check(z.maxLength(MAX_REDIRECTS)),
    ...finalResponseShape(),
  }),
);

export type Provenance = z.infer<typeof provenanceSchema>;
