/*
 * How much the worker has scanned for pages since it started: the end-to-end tests read these to see
 * where scans run (in the worker, not in the page).
 */

let blocksScanned = 0;
let textsPrefiltered = 0;

export function countBlocksScanned(blocks: number): void {
  blocksScanned += blocks;
}

export function countTextsPrefiltered(texts: number): void {
  textsPrefiltered += texts;
}

/** Blocks scanned since the worker started. */
export function blockScanCount(): number {
  return blocksScanned;
}

/** Text nodes prefiltered since the worker started. */
export function prefilterCount(): number {
  return textsPrefiltered;
}
