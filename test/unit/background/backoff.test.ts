import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_CAP_MS, nextAttemptDelay, RETRY_AFTER_CAP_MS } from '../../../src/background/backoff';

describe('backoff', () => {
  it('doubles from 5 s with jitter in the upper half, capped at 30 minutes', () => {
    const low = (attempt: number) => backoffDelay(attempt, () => 0);
    const high = (attempt: number) => backoffDelay(attempt, () => 1);
    expect([1, 2, 3, 4].map(high)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect([1, 2, 3, 4].map(low)).toEqual([2_500, 5_000, 10_000, 20_000]);
    expect(high(20)).toBe(BACKOFF_CAP_MS);
    expect(low(1000)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('waits at least as long as Retry-After asks, within a day', () => {
    expect(nextAttemptDelay(1, 120_000, () => 1)).toBe(120_000);
    expect(nextAttemptDelay(1, 1_000, () => 1)).toBe(5_000);
    expect(nextAttemptDelay(1, 10 * RETRY_AFTER_CAP_MS, () => 1)).toBe(RETRY_AFTER_CAP_MS);
  });
});
