/**
 * When a page's scan stopped because the worker gave no valid answer (it crashed, hung or was stuck
 * in a long job): how long the page waits before it starts again. A page is not left unscanned until
 * it is reloaded, and a broken worker is asked once every ten minutes at most by each tab.
 */
export const RESTART_AFTER_MS: readonly number[] = [30_000, 120_000, 600_000];

export interface RestartSchedule {
  /** The wait before the next start: the last one repeats. */
  next(): number;
  /** A scan got through: the next outage starts from the first wait again. */
  reset(): void;
}

export function restartSchedule(delaysMs: readonly number[] = RESTART_AFTER_MS): RestartSchedule {
  let failures = 0;
  return {
    next: () => delaysMs[Math.min(failures++, delaysMs.length - 1)] ?? RESTART_AFTER_MS[0]!,
    reset: () => {
      failures = 0;
    },
  };
}

/**
 * Whether this script outlived its extension (reloaded, updated or removed): its messages can never
 * be answered, so it stops for good. Chromium then leaves `runtime.id` undefined; Firefox unloads the
 * script with its extension.
 */
export function isOrphaned(runtime: { id?: string } | undefined): boolean {
  try {
    return !runtime?.id;
  } catch {
    return true;
  }
}
