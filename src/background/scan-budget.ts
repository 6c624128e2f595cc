import { WORKER_BUSY } from '../shared/protocol/block-scan-limits';

/**
 * Text a tab may have scanned here: a bucket of UTF-16 units per tab that refills with time. One
 * worker serves every tab, and a page that keeps changing its text could otherwise keep it busy. Past
 * the budget a request waits for the bucket to refill (the bucket may go into debt, so that even the
 * biggest request is served in time), and past a few seconds of waiting it is sent back: a tab that
 * asks too much is slowed down.
 */
export const BUDGET_UNITS = 4_000_000;
const REFILL_UNITS_PER_MS = 2_000;
/** The prefilter reads a unit ~5x faster than the exact scan: its requests cost a quarter. */
export const PREFILTER_UNIT_COST = 0.25;
const budgets = new Map<number, { units: number; at: number }>();

/** The longest a request waits for its tab's budget; past it the page is told to ask again later. */
export const MAX_BUDGET_WAIT_MS = 5_000;

/**
 * Takes `units` from the tab's budget; returns how long to wait (ms) before serving the request, or -1
 * (nothing taken) when that would be longer than MAX_BUDGET_WAIT_MS. Requests waiting here stay
 * bounded (a few seconds of refill a tab), however many frames of a tab ask at once.
 */
export function takeFromBudget(tabId: number, units: number, now = Date.now(), mayRefuse = true): number {
  const last = budgets.get(tabId);
  const available = last ? Math.min(BUDGET_UNITS, last.units + (now - last.at) * REFILL_UNITS_PER_MS) : BUDGET_UNITS;
  let wait = available >= units ? 0 : Math.ceil((units - available) / REFILL_UNITS_PER_MS);
  if (wait > MAX_BUDGET_WAIT_MS) {
    if (mayRefuse) return -1;
    wait = MAX_BUDGET_WAIT_MS;
  }
  budgets.set(tabId, { units: available - units, at: now });
  // Closed tabs leave entries behind; a full bucket says nothing, so those are dropped now and then.
  if (budgets.size > 200) for (const [id, bucket] of budgets) if (now - bucket.at > 60_000) budgets.delete(id);
  return wait;
}

/**
 * Waits until the tab's budget covers `units`; throws WORKER_BUSY (nothing taken) when that would take
 * too long, unless the request was already let in (`mayRefuse` false: it waits at most the limit).
 */
export async function waitForBudget(tabId: number, units: number, mayRefuse = true): Promise<void> {
  const wait = takeFromBudget(tabId, units, Date.now(), mayRefuse);
  if (wait < 0) throw new Error(WORKER_BUSY);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
