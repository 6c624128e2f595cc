/** First retries come within seconds; the wait doubles up to half an hour (docs/PROTOCOL.md). */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 30 * 60_000;
/** A Retry-After beyond a day is a broken server, not a schedule. */
export const RETRY_AFTER_CAP_MS = 24 * 3600_000;

/**
 * Delay before attempt number `attempt` (1 = the first retry). "Equal jitter": half fixed, half random,
 * so that many reporters coming back online do not hammer an endpoint in step, yet no wait collapses to zero.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function nextAttemptDelay(attempt: number, retryAfterMs?: number, random?: () => number): number {
  const backoff = backoffDelay(attempt, random);
  if (retryAfterMs === undefined) return backoff;
  return Math.max(backoff, Math.min(retryAfterMs, RETRY_AFTER_CAP_MS));
}
