import type { BlockFinding } from '../shared/protocol/block-scan';
import { unitsOf } from '../shared/protocol/scan-replies';
import type { BlockFindings } from './block-findings';
import type { BlockReadings, PreparedBlock } from './block-readings';
import { NO_FINDING, type ScanEngine } from './scan-engine';
import { SLICE_MS, yieldToPage } from './yield-main-thread';
import { NEARBY_SIDE_UNITS } from '../shared/protocol/block-scan-limits';
import { isHiddenElement, textEnd, textStart } from './text-ends';

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
 * The page reads the next batch while the worker scans the one before (one request in flight), and
 * answers are applied in the order their batches were sent.
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
  /** The batch in flight and its answer. */
  let inFlight: { sent: PreparedBlock[]; answer: Promise<BlockFinding[]> } | undefined;
  const apply = async () => {
    if (!inFlight) return;
    const { sent, answer: pending } = inFlight;
    inFlight = undefined;
    const answer = await pending;
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
  const send = async () => {
    const sent = batch;
    batch = [];
    batchUnits = 0;
    const answer = engine.scanBlocks(sent.map((prepared) => prepared.texts), page(), sent.map((prepared) => nearbyText(prepared.block)));
    // Applied after the batch before it; a failure is seen there, not as an unhandled rejection.
    answer.catch(() => undefined);
    await apply();
    inFlight = { sent, answer };
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
  if (!signal.aborted) await apply();
}

/** Siblings looked at on either side of a block for the text next to it. */
const NEARBY_SIBLINGS = 8;

/**
 * The text just before and after a block: the nearest sibling before it that holds text, and the
 * next siblings after it that hold text, up to NEARBY_AFTER_TEXTS of them (a text node or an element;
 * empty ones, an avatar, a time stamp without text, a script, are stepped over),
 * or, where the block has none on that side, that of its nearest ancestor that has one, up to three
 * levels. A chat message's next message, a product name's price box, a report's "the advert read:".
 */
export function nearbyText(block: Element): string {
  if (isHiddenElement(block)) return '';
  const before = sideText(block, 'before');
  const after = sideText(block, 'after');
  return before || after ? `${before}\n${after}` : '';
}

/**
 * The text on one side of a block: its own sibling's, or its nearest ancestor's (up to three levels).
 * Each side climbs on its own: a chat message's bubble has its sender's name before it and nothing
 * after it, and the next message is its parent's next sibling.
 */
function sideText(block: Element, side: 'before' | 'after'): string {
  let element: Element | null = block;
  for (let level = 0; element && level < 3; level++, element = element.parentElement) {
    const text = besideText(element, side);
    if (text) return text;
  }
  return '';
}

/** Siblings with text read after a block: in a chat the seller gives the terms and the handle a few messages after the goods. */
const NEARBY_AFTER_TEXTS = 5;

function besideText(element: Element, side: 'before' | 'after'): string {
  let node: Node | null = side === 'before' ? element.previousSibling : element.nextSibling;
  let out = '';
  let found = 0;
  for (let looked = 0; node && looked < NEARBY_SIBLINGS; looked++, node = side === 'before' ? node.previousSibling : node.nextSibling) {
    let text = '';
    if (node.nodeType === Node.TEXT_NODE) text = (node as Text).data.replace(/\s+/g, ' ').trim();
    else if (node.nodeType === Node.ELEMENT_NODE && !isHiddenElement(node)) text = side === 'before' ? textEnd(node as Element, NEARBY_SIDE_UNITS) : textStart(node as Element, NEARBY_SIDE_UNITS);
    if (!text) continue;
    if (side === 'before') return text.slice(-NEARBY_SIDE_UNITS);
    // One line each: a handle is not made of the end of one message and the start of the next.
    out = out ? `${out}\n${text}` : text;
    if (++found >= NEARBY_AFTER_TEXTS || out.length >= NEARBY_SIDE_UNITS) break;
  }
  return out.slice(0, NEARBY_SIDE_UNITS);
}
