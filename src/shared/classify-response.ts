import { receiptSchema, type Receipt } from './report';

/** How one delivery attempt ended (docs/PROTOCOL.md). */
export type DeliveryOutcome =
  | { kind: 'accepted'; receipt: Receipt }
  | { kind: 'rejected'; status: number; message: string }
  | { kind: 'retry'; reason: string; retryAfterMs?: number };

const MAX_MESSAGE = 500;

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function serverMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      for (const key of ['error', 'message', 'detail']) {
        const value = record[key];
        if (typeof value === 'string' && value.trim()) return value.trim().slice(0, MAX_MESSAGE);
      }
    }
  } catch {
    // Not JSON: fall back to the plain text below.
  }
  return body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_MESSAGE);
}

export function classifyResponse(status: number, body: string, retryAfter: string | null = null): DeliveryOutcome {
  if (status >= 200 && status < 300) {
    try {
      const parsed = receiptSchema.safeParse(JSON.parse(body));
      if (parsed.success) return { kind: 'accepted', receipt: parsed.data };
    } catch {
      // fall through: a 2xx without a JSON receipt is not an acceptance (a captive portal, a proxy page).
    }
    return { kind: 'retry', reason: `HTTP ${status} without a receipt` };
  }
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'retry', reason: `HTTP ${status}`, retryAfterMs: parseRetryAfter(retryAfter) };
  }
  if (status >= 400) {
    return { kind: 'rejected', status, message: serverMessage(body) || `HTTP ${status}` };
  }
  // 1xx/3xx reaching us means a redirect we did not follow or a broken server: try again later.
  return { kind: 'retry', reason: `HTTP ${status}` };
}
