import browser from 'webextension-polyfill';
import { backoffDelay, nextAttemptDelay } from './backoff';
import { getPart } from '../store/part-store';
import { getReport, reportsWithStatus, updateReport } from '../store/report-store';
import { loadSettings } from './settings-store';
import { sendReport, SEND_TIMEOUT_MS } from './send-report';
import { signedReceiptToKeep } from './signed-receipt';
import { settleTimestamp, TSA_TIMEOUT_MS } from './stamp-report';
import type { PartRecord, ReportRecord } from '../store/records';
import { t } from '../shared/i18n';
import { hasEndpointAccess } from './endpoint-access';
import { endpointHost } from '../shared/endpoint-access';

export const QUEUE_ALARM = 'tipline-queue';
/** Longer than a send (and the timestamp before it) can take, so a live send is never taken over; a dead worker's lease lapses. */
export const LEASE_MS = TSA_TIMEOUT_MS + SEND_TIMEOUT_MS + 30_000;

/** This worker's identity for leases; a new worker (after a crash or shutdown) gets a new one. */
const WORKER_INSTANCE = crypto.randomUUID();

let draining: Promise<void> | undefined;
let wakeTimer: ReturnType<typeof setTimeout> | undefined;

/** Sends every due report. Concurrent calls share one run; the lease guards against other workers too. */
export function drainQueue(): Promise<void> {
  draining ??= runDue().finally(() => {
    draining = undefined;
  });
  return draining;
}

async function runDue(now = Date.now()): Promise<void> {
  const candidates = await reportsWithStatus(['queued', 'retry', 'sending']);
  const due = candidates
    .filter((record) => isDue(record, now))
    .sort((a, b) => (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0));
  // One at a time keeps the order and the load modest; a failing report only costs its own attempt.
  try {
    for (const record of due) {
      try {
        await attempt(record.id);
      } catch (error) {
        // A store that refused a write (a full disk, a database closed for an upgrade): the report
        // stays where it was, to be taken up again at the next wake, and the others still go.
        console.warn('tipline: a send attempt failed', record.id, error);
      }
    }
  } finally {
    await scheduleWake();
  }
}

/** Sends of a report left by a stopped worker that are taken over at once; later ones wait. */
const TAKEOVERS_AT_ONCE = 3;

function isDue(record: ReportRecord, now: number): boolean {
  if (record.status !== 'sending') return (record.nextAttemptAt ?? 0) <= now;
  const leaseUntil = record.leaseUntil ?? 0;
  if (leaseUntil <= now) return true;
  if (record.leaseOwner === WORKER_INSTANCE) return false;
  // A send left by a worker that was stopped mid-request is taken over at once, not after the lease;
  // but a report whose sends keep ending with their worker (one that makes it crash) waits as a
  // retry would, the lease at most, so that it cannot take every new worker down with it.
  if (record.attempts < TAKEOVERS_AT_ONCE) return true;
  return leaseUntil - LEASE_MS + backoffDelay(record.attempts, () => 0) <= now;
}

/** Takes the lease in one transaction: only the caller that flips the record to `sending` may send it. */
async function acquire(id: string, now: number): Promise<ReportRecord | undefined> {
  let acquired = false;
  const record = await updateReport(id, (current) => {
    if (!isDue(current, now)) return undefined;
    if (!['queued', 'retry', 'sending'].includes(current.status)) return undefined;
    acquired = true;
    return { ...current, status: 'sending', leaseUntil: now + LEASE_MS, leaseOwner: WORKER_INSTANCE, attempts: current.attempts + 1 };
  });
  return acquired ? record : undefined;
}

export async function attempt(id: string): Promise<void> {
  const now = Date.now();
  const record = await acquire(id, now);
  if (!record) return;
  const settings = await loadSettings();
  if (!settings.endpoint) {
    await updateReport(id, (current) => ({ ...current, status: 'local', leaseUntil: undefined, nextAttemptAt: undefined }));
    return;
  }
  // Site access withheld by the user: a send could only fail (the inbox sends no CORS headers), so
  // the report waits, says why, and goes as soon as access is granted (retryWaitingNow).
  if (!(await hasEndpointAccess(settings.endpoint.url))) {
    const reason = t('deliveryNoAccess', endpointHost(settings.endpoint.url));
    await updateReport(id, (current) =>
      current.status === 'cancelled'
        ? { ...current, leaseUntil: undefined, leaseOwner: undefined }
        : { ...current, status: 'retry', leaseUntil: undefined, leaseOwner: undefined, lastError: reason, nextAttemptAt: Date.now() + nextAttemptDelay(current.attempts) },
    );
    return;
  }
  const parts: PartRecord[] = [];
  for (const partId of record.partIds) {
    const part = await getPart(partId);
    if (part) parts.push(part);
  }
  // Evidence that is gone (deleted, unreadable) is taken out of the report and named, rather than
  // declared and not sent, which an endpoint rejects for good.
  let sending = parts.length === record.partIds.length ? record : ((await updateReport(id, (current) => withoutMissingParts(current, parts))) ?? record);
  // Before the first send or never: stored before anything is sent, so every retry sends the same bytes.
  const timestamp = await settleTimestamp(sending, settings.timestampUrl);
  if (timestamp !== sending.timestamp) {
    const stamped = await updateReport(id, (current) => ({ ...current, timestamp }));
    // Cancelled (or deleted) while the Time-Stamp Authority was asked: nothing was sent, so nothing is.
    if (stamped?.status !== 'sending') {
      if (stamped) await updateReport(id, (current) => ({ ...current, leaseUntil: undefined, leaseOwner: undefined }));
      return;
    }
    sending = stamped;
  }
  const outcome = await sendReport(sending, parts, settings.endpoint);
  const signedReceipt = outcome.kind === 'accepted' ? await signedReceiptToKeep(outcome.receipt.signed, sending.report, settings.endpoint.url) : undefined;
  await updateReport(id, (current) => {
    const base = { ...current, leaseUntil: undefined, leaseOwner: undefined, endpointUrl: settings.endpoint?.url };
    switch (outcome.kind) {
      case 'accepted':
        return { ...base, status: 'delivered', receipt: outcome.receipt.receipt, signedReceipt, deliveredAt: new Date().toISOString(), lastError: undefined, nextAttemptAt: undefined };
      case 'rejected':
        return { ...base, status: 'rejected', lastError: outcome.message, nextAttemptAt: undefined };
      case 'retry':
        // The user may have cancelled while the request was in flight: keep their decision.
        if (current.status === 'cancelled') return base;
        return {
          ...base,
          status: 'retry',
          lastError: outcome.reason,
          nextAttemptAt: Date.now() + nextAttemptDelay(current.attempts, outcome.retryAfterMs),
        };
    }
  });
}

/** The record without the evidence whose parts could not be read, and those parts' names in `droppedParts`. */
function withoutMissingParts(record: ReportRecord, found: readonly PartRecord[]): ReportRecord {
  const present = new Set(found.map((part) => part.id));
  // partIds and report.evidence are built in the same order (package-report.ts).
  const kept = record.partIds.map((partId) => present.has(partId));
  const dropped = record.report.evidence.filter((_, index) => !kept[index]).map((entry) => entry.part);
  return {
    ...record,
    partIds: record.partIds.filter((_, index) => kept[index]),
    report: { ...record.report, evidence: record.report.evidence.filter((_, index) => kept[index]) },
    droppedParts: [...new Set([...(record.droppedParts ?? []), ...dropped])],
  };
}

/** Wakes the worker for the next due report: an alarm survives worker shutdown and browser restarts. */
export async function scheduleWake(): Promise<void> {
  const pending = await reportsWithStatus(['queued', 'retry', 'sending']);
  const times = pending.map((record) => (record.status === 'sending' ? record.leaseUntil ?? 0 : record.nextAttemptAt ?? 0));
  if (wakeTimer) clearTimeout(wakeTimer);
  wakeTimer = undefined;
  if (times.length === 0) {
    await browser.alarms.clear(QUEUE_ALARM);
    return;
  }
  const when = Math.max(Math.min(...times), Date.now() + 1_000);
  // Chrome holds alarms to 30 s at the least; a timer covers the first quick retries while the worker lives.
  await browser.alarms.create(QUEUE_ALARM, { when: Math.max(when, Date.now() + 30_000) });
  if (when - Date.now() < 30_000) wakeTimer = setTimeout(() => void drainQueue(), when - Date.now());
}

/** Puts a report back in line at once (the user's "retry now", or an endpoint newly set). */
export async function requeue(id: string): Promise<ReportRecord | undefined> {
  const record = await updateReport(id, (current) =>
    ['retry', 'rejected', 'local', 'cancelled', 'queued'].includes(current.status)
      ? { ...current, status: 'queued', nextAttemptAt: Date.now(), lastError: undefined }
      : undefined,
  );
  void drainQueue();
  return record ?? (await getReport(id));
}

/** Makes every waiting retry due now and sends them: the browser has just granted access they waited for. */
export async function retryWaitingNow(): Promise<void> {
  const now = Date.now();
  for (const record of await reportsWithStatus(['retry'])) {
    await updateReport(record.id, (current) => (current.status === 'retry' ? { ...current, nextAttemptAt: now } : undefined));
  }
  await drainQueue();
}

export async function cancel(id: string): Promise<ReportRecord | undefined> {
  const record = await updateReport(id, (current) =>
    ['queued', 'retry', 'sending'].includes(current.status) ? { ...current, status: 'cancelled', nextAttemptAt: undefined } : undefined,
  );
  await scheduleWake();
  return record ?? (await getReport(id));
}
