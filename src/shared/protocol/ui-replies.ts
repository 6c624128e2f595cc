import { z } from 'zod/mini';
import { reportSchema, evidencePartNameSchema } from '../report';
import { signedReceiptSchema } from '../signed-receipt';
import type { Settings } from '../settings';
import type { LockedSetting } from '../managed-settings';
import type { StoredLists } from '../phrase-subscriptions';
import type { HeldCapture, PageSummary, PreparedDraft } from './messages';

/*
 * What the background answers to the extension pages (popup, report window, options). The pages
 * import these types from here, never from the background or the store (docs/ARCHITECTURE.md).
 */

/** Delivery states a stored report moves through. */
export const reportStatusSchema = z.lazy(() => z.enum(['local', 'queued', 'sending', 'retry', 'delivered', 'rejected', 'cancelled']));
export type ReportStatus = z.infer<typeof reportStatusSchema>;

/**
 * A report's trusted timestamp (docs/PROTOCOL.md, "Trusted timestamp"), decided once, before its first
 * send, so that every retry sends the same bytes: `pending` until then; `off` when no Time-Stamp
 * Authority was set; `stamped` with the TSA's DER reply (base64) over the report's hash list; `none`
 * when the TSA failed and the report went without one.
 */
export const timestampStateSchema = z.lazy(() =>
  z.discriminatedUnion('state', [
    z.object({ state: z.literal('pending') }),
    z.object({ state: z.literal('off') }),
    z.object({ state: z.literal('stamped'), tsaUrl: z.string(), genTime: z.string(), hashListSha256: z.string(), reply: z.base64() }),
    z.object({ state: z.literal('none'), tsaUrl: z.string(), problem: z.enum(['unreachable', 'refused', 'evidence-changed']), detail: z.string() }),
  ]),
);
export type TimestampState = z.infer<typeof timestampStateSchema>;

/** Built on first use (lazy-union.ts); a stored report's record adds its send lease to it (store/records.ts). */
export const reportViewObject = () =>
  z.object({
    id: z.uuid(),
    createdAt: z.string(),
    report: reportSchema,
    status: reportStatusSchema,
    attempts: z.number().check(z.int(), z.nonnegative()),
    nextAttemptAt: z.optional(z.number()),
    lastError: z.optional(z.string()),
    receipt: z.optional(z.string()),
    /** The endpoint's signed receipt, its `keyUrl` made absolute (background/signed-receipt.ts); unreadable ones are dropped, not the report. */
    signedReceipt: z.catch(z.optional(signedReceiptSchema), undefined),
    deliveredAt: z.optional(z.string()),
    endpointUrl: z.optional(z.string()),
    partIds: z.array(z.string()),
    /** Parts left out for lack of space, so the history can say so. */
    droppedParts: z.optional(z.array(evidencePartNameSchema)),
    site: z.string(),
    /** Absent on reports made before timestamps existed: those are never stamped. */
    timestamp: z.optional(timestampStateSchema),
  });
export const reportViewSchema = z.lazy(reportViewObject);
/** What the UI sees of a stored report: the record less its send lease (store/records.ts). */
export type ReportView = z.infer<typeof reportViewSchema>;

/** What *Delete all local data* deleted (background/clear-data.ts), counted for the options page. */
export interface ClearedData {
  /** Report records in IndexedDB. */
  reports: number;
  /** Evidence parts (screenshots, snapshots) in IndexedDB. */
  parts: number;
  /** Drafts of the report form in storage.session. */
  drafts: number;
  /** Keys of storage.local: settings, phrase lists, the prefilter cache, pending start-up work. */
  storedItems: number;
  /** The endpoint token and the contact. */
  secrets: number;
}

/** The report form's view of a tab: its address and the content script's live findings. */
export interface TabContext {
  tabId: number;
  url: string;
  title: string;
  restricted: boolean;
  summary: PageSummary | null;
}

/** "Test connection": whether an endpoint speaks protocol v1 (docs/PROTOCOL.md). */
export type EndpointCheck =
  | { ok: true }
  | { ok: false; problem: 'unreachable' | 'unauthorized' | 'wrong-protocol' | 'http-error' | 'no-access'; detail: string };

/** A piece of evidence just stored for a draft. */
export interface StoredPart {
  partId: string;
  bytes: number;
  sha256: string;
}

/** What the background answers to each UI message, so call sites get typed results. */
export interface UiReplies {
  'tab/context': TabContext;
  'capture/visible': HeldCapture;
  'capture/full-page': HeldCapture;
  'capture/snapshot': HeldCapture;
  'draft/keep': StoredPart[];
  'draft/discard': { removed: number };
  'draft/get': PreparedDraft | null;
  'report/submit': ReportView;
  'history/list': ReportView[];
  'history/get': ReportView | null;
  'history/retry': ReportView | null;
  'history/cancel': ReportView | null;
  'history/delete': null;
  'settings/get': Settings;
  'settings/save': Settings;
  'endpoint/test': EndpointCheck;
  'page/scroll-to': unknown;
  'page/pick-listing': null;
  'data/clear': ClearedData;
  'settings/locked': LockedSetting[];
  'settings/policy-ready': { settings: Settings; locked: LockedSetting[] };
  'lists/status': StoredLists;
  'lists/refresh': StoredLists;
}
