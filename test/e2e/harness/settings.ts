/// <reference types="chrome" />
import type { Worker } from 'playwright-core';

/** Writes settings straight into the extension's storage, as an operator's preset would. */
export async function setSettings(worker: Worker, patch: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (change) => {
    const stored = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { ...stored, ...change } });
  }, patch);
}

/** Reads every stored report record from the extension's IndexedDB. */
export async function storedReports(worker: Worker): Promise<Array<{ id: string; status: string; attempts: number; receipt?: string; lastError?: string }>> {
  return worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tipline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('reports').objectStore('reports').getAll();
          request.onsuccess = () => {
            resolve(request.result.map((r: { id: string; status: string; attempts: number; receipt?: string; lastError?: string }) => ({ id: r.id, status: r.status, attempts: r.attempts, receipt: r.receipt, lastError: r.lastError })));
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
