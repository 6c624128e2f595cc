import { z } from 'zod/mini';
import { finalResponseShape, MAX_HEADER_VALUE, MAX_REDIRECTS, PROVENANCE_HEADERS, provenanceSchema, redirectSchema, type Provenance, type ProvenanceHeader } from '../shared/provenance';
import { stripUserInfo } from '../shared/url';

/*
 * The pure half of a page's provenance: what is kept of a top-level navigation, and whether it
 * describes the page a report names. The listeners that feed it are in navigation-recorder.ts.
 */

/** The latest top-level navigation of a tab, as kept in storage.session: under way, or finished. */
export const navigationSchema = z.lazy(() =>
  z.object({
    requestId: z.string().check(z.maxLength(100)),
    redirects: z.array(redirectSchema).check(z.maxLength(MAX_REDIRECTS)),
    final: z.optional(
      z.object({
        url: z.string().check(z.minLength(1), z.maxLength(8192)),
        ...finalResponseShape(),
      }),
    ),
  }),
);
export type Navigation = z.infer<typeof navigationSchema>;

const ALLOWED = new Set<string>(PROVENANCE_HEADERS);

/**
 * The allow-listed headers of a response, names in lower case. A header sent twice is joined with
 * ", " as HTTP combines repeated fields (RFC 9110, 5.3); one that would be longer than the limit, or
 * that the browser gives only as bytes, is left out.
 */
export function allowedHeaders(headers: readonly { name: string; value?: string }[] | undefined): Provenance['headers'] {
  const kept: Provenance['headers'] = {};
  for (const { name, value } of headers ?? []) {
    const key = name.toLowerCase();
    if (!ALLOWED.has(key) || typeof value !== 'string') continue;
    const header = key as ProvenanceHeader;
    const before = kept[header];
    kept[header] = before === undefined ? value : `${before}, ${value}`;
  }
  for (const header of PROVENANCE_HEADERS) if ((kept[header]?.length ?? 0) > MAX_HEADER_VALUE) delete kept[header];
  return kept;
}

/** The document a URL names: without its fragment (never sent to a server) and without credentials. */
function documentOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    url.hash = '';
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return null;
  }
}

/** Whether two URLs name the same document: equal once their fragments and credentials are set aside. */
export function sameDocument(a: string, b: string): boolean {
  const left = documentOf(a);
  return left !== null && left === documentOf(b);
}

/**
 * The provenance to send for a page: only from a finished navigation whose final URL is the page's.
 * A page reached without a request of its own (the back/forward cache, a single-page route change,
 * an activated prerender) does not match, and then none is sent rather than another page's.
 */
export function provenanceForPage(navigation: Navigation | undefined, pageUrl: string): Provenance | undefined {
  const final = navigation?.final;
  if (!navigation || !final || !sameDocument(final.url, pageUrl)) return undefined;
  const parsed = provenanceSchema.safeParse({
    redirects: navigation.redirects.map((hop) => ({ url: stripUserInfo(hop.url), status: hop.status })),
    status: final.status,
    ...(final.ip ? { ip: final.ip } : {}),
    headers: final.headers,
  });
  return parsed.success ? parsed.data : undefined;
}
