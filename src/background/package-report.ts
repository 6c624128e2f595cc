import { reportSchema, REPORT_SCHEMA_ID, type Report } from '../shared/report';
import type { Draft } from '../shared/protocol/messages';
import { evidencePolicy } from '../shared/taxonomy';
import { siteOf, stripUserInfo } from '../shared/url';
import type { PartRecord, ReportRecord } from '../store/records';
import { provenanceForPage, type Navigation } from './provenance';

export interface PackageInput {
  draft: Draft;
  parts: readonly PartRecord[];
  client: Report['client'];
  hasEndpoint: boolean;
  /** The latest top-level navigation of the draft's tab (navigation-recorder.ts), if one was seen. */
  navigation?: Navigation;
  now?: Date;
}

function cleanUrl(url: string | undefined): string | undefined {
  return url === undefined ? undefined : stripUserInfo(url);
}

/** Builds the protocol v1 document and its stored record. Throws a zod error when the draft is unusable. */
export function packageReport({ draft, parts, client, hasEndpoint, navigation, now = new Date() }: PackageInput): ReportRecord {
  // docs/ARCHITECTURE.md, evidence rules: nothing captured from a CSAM page is ever kept or sent, whatever the form held.
  const forbidden = evidencePolicy(draft.category) === 'forbidden';
  const chosen = forbidden ? [] : parts.filter((part) => draft.partIds.includes(part.id));
  const listing = forbidden || !draft.listing
    ? undefined
    : {
        ...draft.listing,
        linkUrl: cleanUrl(draft.listing.linkUrl),
        imageUrl: cleanUrl(draft.listing.imageUrl),
      };
  const id = crypto.randomUUID();
  const createdAt = now.toISOString();
  // Each part says when its bytes were taken (the form may have stood open for an hour); the page was
  // first captured with the earliest of them, or, with none, when the report was made.
  const takenAt = (part: PartRecord) => new Date(Math.min(part.createdAt, now.getTime())).toISOString();
  const capturedAt = chosen.length > 0 ? new Date(Math.min(now.getTime(), ...chosen.map((part) => part.createdAt))).toISOString() : createdAt;
  // Provenance only of the page the report names, and none for CSAM: the URL alone (docs/PROTOCOL.md).
  const provenance = forbidden ? undefined : provenanceForPage(navigation, draft.page.url);
  const report = reportSchema.parse({
    schema: REPORT_SCHEMA_ID,
    id,
    createdAt,
    category: draft.category,
    page: {
      url: stripUserInfo(draft.page.url),
      // The title and language are read off the page too: such a report carries its URL alone.
      title: forbidden ? '' : draft.page.title,
      capturedAt,
      ...(draft.page.lang && !forbidden ? { lang: draft.page.lang } : {}),
      ...(provenance ? { provenance } : {}),
    },
    ...(listing ? { listing } : {}),
    matches: forbidden ? [] : draft.matches,
    note: draft.note,
    reporter: draft.includeContact && draft.contact.trim() ? { contact: draft.contact.trim() } : null,
    evidence: chosen.map((part) => ({ part: part.name, mediaType: part.mediaType, bytes: part.bytes, sha256: part.sha256, capturedAt: takenAt(part) })),
    client,
  });
  return {
    id,
    createdAt,
    report,
    status: hasEndpoint ? 'queued' : 'local',
    attempts: 0,
    nextAttemptAt: hasEndpoint ? now.getTime() : undefined,
    partIds: chosen.map((part) => part.id),
    site: siteOf(report.page.url),
    // Asked for at the first send, if a Time-Stamp Authority is set then (background/stamp-report.ts).
    timestamp: { state: 'pending' },
  };
}
