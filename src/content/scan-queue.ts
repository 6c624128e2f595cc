export interface ScanQueue {
  /** Runs a scan after those queued before it; the promise settles when it has run, and never rejects. */
  run(scan: () => Promise<void>): Promise<void>;
}

/**
 * Rescans of changes and of reloaded frames run one after another, so that two never read and apply
 * the same block at once. A scan that fails is reported and the next one runs all the same.
 */
export function createScanQueue(failed: (error: unknown) => void): ScanQueue {
  let running: Promise<void> = Promise.resolve();
  return {
    run(scan) {
      running = running.then(scan).catch(failed);
      return running;
    },
  };
}
