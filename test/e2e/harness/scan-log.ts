/// <reference types="chrome" />
/*
 * Records, in the test build's worker, the blocks of every exact-scan request a page sends
 * (`content/scan-blocks`), in the order they arrive, so that a test can see which blocks a page had
 * scanned first. Installed before the worker's modules run: webextension-polyfill registers its
 * message listener through this `addListener`. The worker never removes that listener.
 */

export interface ScanRequest {
  tabId: number;
  /** Each block's texts joined. */
  blocks: string[];
}

const log: ScanRequest[] = [];
const onMessage = chrome.runtime.onMessage;
const addListener = onMessage.addListener.bind(onMessage);

type Listener = Parameters<typeof onMessage.addListener>[0];

Object.defineProperty(onMessage, 'addListener', {
  configurable: true,
  writable: true,
  value: (listener: Listener) =>
    addListener((message, sender, sendResponse) => {
      const { type, blocks } = (message ?? {}) as { type?: unknown; blocks?: unknown };
      if (type === 'content/scan-blocks' && Array.isArray(blocks)) {
        log.push({ tabId: sender.tab?.id ?? -1, blocks: blocks.map((block) => (Array.isArray(block) ? block.join('') : '')) });
      }
      return listener(message, sender, sendResponse);
    }),
});

/** A copy of the requests so far. */
export function scanLog(): ScanRequest[] {
  return structuredClone(log);
}
