/** Chrome allows two captureVisibleTab calls a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND). */
export const CAPTURE_INTERVAL_MS = 550;

let last = 0;

/** Spaces capture calls across the whole worker, whoever asks. */
export async function captureSlot(now: () => number = Date.now): Promise<void> {
  const wait = last + CAPTURE_INTERVAL_MS - now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  last = now();
}
