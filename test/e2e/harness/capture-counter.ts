/// <reference types="chrome" />
/*
 * Counts, in the test build's worker, every call that takes something from a page: the visible-tab
 * screenshot, Chrome's MHTML snapshot, and each message to a page's content script by type (the
 * listing, the snapshot, the scroll of a full-page shot). Installed before the worker's modules run,
 * so that webextension-polyfill, which reads `chrome.tabs` methods on their first use, wraps these.
 */

export interface CaptureCounts {
  captureVisibleTab: number;
  saveAsMHTML: number;
  /** Messages sent to pages, by their `type`. */
  toPages: Record<string, number>;
}

const counts: CaptureCounts = { captureVisibleTab: 0, saveAsMHTML: 0, toPages: {} };

function wrap<T extends object>(target: T, name: keyof T & string, count: (args: unknown[]) => void): void {
  const original = target[name] as unknown as (...args: unknown[]) => unknown;
  if (typeof original !== 'function') return;
  Object.defineProperty(target, name, {
    configurable: true,
    writable: true,
    value: (...args: unknown[]) => {
      count(args);
      return original.apply(target, args);
    },
  });
}

wrap(chrome.tabs, 'captureVisibleTab', () => counts.captureVisibleTab++);
if (chrome.pageCapture) wrap(chrome.pageCapture, 'saveAsMHTML', () => counts.saveAsMHTML++);
wrap(chrome.tabs, 'sendMessage', (args) => {
  const type = String((args[1] as { type?: unknown } | null)?.type ?? '?');
  counts.toPages[type] = (counts.toPages[type] ?? 0) + 1;
});

/** A copy of the counts so far. */
export function captureCounts(): CaptureCounts {
  return structuredClone(counts);
}
