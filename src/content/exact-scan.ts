import { unitsOf } from '../shared/protocol/scan-replies';
import type { BlockFindings } from './block-findings';
import type { BlockReadings, PreparedBlock } from './block-readings';
import { NO_FINDING, type ScanEngine } from './scan-engine';
import { SLICE_MS, yieldToPage } from './yield-main-thread';

export interface ExactScanContext {
  engine: ScanEngine;
  readings: BlockReadings;
  findings: BlockFindings;
  signal: AbortSignal;
  /** The page's title and headline as they are now (page-headline.ts). */
  page: () => string;
}

/**
 * Exact scans of blocks, in batches to the engine within its limits; the findings are laid on the page
 * in time slices. An answer whose block changed meanwhile is dropped: its mutation asked for a rescan.
 */
export async function scanBlocks(blocks: Iterable<Element>, { engine, readings, findings, signal, page }: ExactScanContext): Promise<void> {
  const { limits } = engine;
  let sliceStart = performance.now();
  const sliceOver = () => performance.now() - sliceStart > SLICE_MS;
  const nextSlice = async () => {
    await yieldToPage();
    sliceStart = performance.now();
  };
  let batch: PreparedBlock[] = [];
  let batchUnits = 0;
  const send = async () => {
    const sent = batch;
    batch = [];
    batchUnits = 0;
    const answer = await engine.scanBlocks(sent.map((prepared) => prepared.texts), page());
    if (signal.aborted) return;
    // The wait was another thread's time, not the page's.
    if (engine.offThread) sliceStart = performance.now();
    for (let index = 0; index < sent.length; index++) {
      const prepared = sent[index] as PreparedBlock;
      if (!readings.isCurrent(prepared)) continue;
      findings.apply(prepared, answer[index] ?? NO_FINDING);
      if (sliceOver()) {
        await nextSlice();
        if (signal.aborted) return;
      }
    }
  };
  for (const block of blocks) {
    const prepared = readings.read(block);
    const units = unitsOf([prepared.texts]);
    if (batch.length > 0 && (batch.length === limits.blocks || batchUnits + units > limits.units)) {
      await send();
      if (signal.aborted) return;
    }
    batch.push(prepared);
    batchUnits += units;
    if (sliceOver()) {
      await nextSlice();
      if (signal.aborted) return;
    }
  }
  if (batch.length > 0) await send();
}
