/** Work slices stay well under the 50 ms long-task line (docs/ARCHITECTURE.md, performance floor). */
export const SLICE_MS = 8;

type Scheduler = { yield?: () => Promise<void> };

/** Gives the page's own tasks a turn. MessageChannel avoids setTimeout's 4 ms clamp on nested calls. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
