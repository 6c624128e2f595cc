/// <reference types="chrome" />
/*
 * Records, in the test build's worker, every message a page sends, in the order they arrive, with the
 * blocks of each exact-scan request (`content/scan-blocks`), so that a test can see which blocks a page
 * had scanned first and which requests it made. Installed before the worker's modules run: webextension-polyfill registers its
 * message listener through this `addListener`. The worker never removes that listener.
 */

export interface ScanRequest {
  tabId: number;
  type: string;
  /** Each block's texts joined (exact scans only). */
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
      if (typeof type === 'string' && sender.tab?.id !== undefined) {
        log.push({ tabId: sender.tab.id, type, blocks: type === 'content/scan-blocks' && Array.isArray(blocks) ? blocks.map((block) => (Array.isArray(block) ? block.join('') : '')) : [] });
      }
      return listener(message, sender, sendResponse);
    }),
});

/** A copy of the requests so far. */
export function scanLog(): ScanRequest[] {
  return structuredClone(log);
}
