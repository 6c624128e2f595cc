import { BUSY_RETRY_MS, POLICY_CHANGED, PREFILTER_BATCH_TEXTS, WORKER_BUSY, SCAN_BATCH_BLOCKS, SCAN_BATCH_UNITS, SCAN_BLOCK_NODES, SCAN_TIMEOUT_MS } from '../shared/protocol/block-scan-limits';
import type { BlockFinding, FoundSpan } from '../shared/protocol/block-scan';
import { readPrefilterReply, readScanBlocksReply } from './read-replies';
import type { ScanEngine } from './scan-engine';
import { CONTEXT_TEXTS, contextAfter, contextBefore, cut, PART_UNITS, runs } from './text-pieces';
import { findingsOf, unitsOf } from '../shared/protocol/scan-replies';

/** The policy the page scanned under has changed: the page starts again with a new plan. */
export class PolicyChangedError extends Error {
  constructor() {
    super(POLICY_CHANGED);
  }
}

/** Sends one message to the background and resolves with its reply (`browser.runtime.sendMessage`). */
export type SendMessage = (message: unknown) => Promise<unknown>;

/** Waits before each new try of a request that got no valid answer; then the scan gives up. */
const RETRY_AFTER_MS = [250, 2_000, 8_000];

/** Reads a reply (read-replies.ts): its data, or undefined when it is not a valid answer. */
type Reader<T> = (reply: unknown) => T | undefined;

/**
 * Asks the background worker, validating its reply. A request without a valid answer in time (the
 * browser stopped the worker, or it is busy) is tried again a few times; a refusal under another
 * policy is not: the page must start again.
 */
export async function askWorker<T>(
  send: SendMessage,
  message: unknown,
  read: Reader<T>,
  { timeoutMs = SCAN_TIMEOUT_MS, retryAfterMs = RETRY_AFTER_MS, busyRetryMs = BUSY_RETRY_MS, signal }: Patience = {},
): Promise<T> {
  for (let attempt = 0; ; ) {
    if (signal?.aborted) throw new Error('tipline: the scan was stopped');
    const reply = await withTimeout(send(message), timeoutMs).catch(() => undefined);
    const data = read(reply);
    if (data !== undefined) return data;
    const error = (reply as { error?: unknown } | undefined)?.error;
    if (error === POLICY_CHANGED) throw new PolicyChangedError();
    // A tab over its budget is slowed down, not failed: the wait does not count as a try.
    const wait = error === WORKER_BUSY ? busyRetryMs : retryAfterMs[attempt++];
    if (wait === undefined) throw new Error(`tipline: no valid answer from the worker to ${(message as { type?: string }).type ?? 'a request'}`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** How long to wait for answers, and when to stop. */
export interface Patience {
  timeoutMs?: number;
  retryAfterMs?: readonly number[];
  busyRetryMs?: number;
  /** The scan the requests are for: once it is stopped, no request is tried again. */
  signal?: AbortSignal;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Matching in the background worker, for the policy the scan plan named. */
export function createRemoteEngine(policy: string, send: SendMessage, patience: Patience = {}): ScanEngine {
  const ask = <T>(message: unknown, read: Reader<T>) => askWorker(send, message, read, patience);
  const prefilterOnce = (texts: string[], state: number) => ask({ type: 'content/prefilter-texts', policy, state, texts }, readPrefilterReply);

  const scanOnce = async (blocks: string[][], page: string | undefined, nearby?: string[]): Promise<BlockFinding[]> => {
    const around = nearby?.some((text) => text.length > 0) ? { nearby } : {};
    const found = await ask({ type: 'content/scan-blocks', policy, blocks, ...(page ? { page } : {}), ...around }, readScanBlocksReply);
    const findings = findingsOf(found, blocks.length);
    if (!findings) throw new Error('tipline: the worker answered for blocks it was not asked about');
    return findings;
  };

  /**
   * A block over one request's limits, in parts; their findings put back in the block's coordinates.
   * Each part is sent with the units on either side of it, so that a phrase across a cut is whole in
   * the part where it starts and words at the cut keep their neighbours (a page cannot hide a phrase,
   * or make "gun" of "gunmetal", by padding its block past the limits).
   */
  const scanBig = async (texts: readonly string[], page: string | undefined, nearby: string | undefined): Promise<BlockFinding> => {
    const pieces = cut(texts, PART_UNITS);
    const spans: FoundSpan[] = [];
    let suspect = false;
    let why: BlockFinding['why'];
    for (const [start, end] of runs(pieces.texts, SCAN_BLOCK_NODES - 2 * CONTEXT_TEXTS, PART_UNITS)) {
      const before = contextBefore(pieces, start);
      const after = contextAfter(pieces, end);
      const origins = [...before.origins, ...pieces.origins.slice(start, end), ...after.origins];
      const [finding] = await scanOnce([[...before.texts, ...pieces.texts.slice(start, end), ...after.texts]], page, nearby === undefined ? undefined : [nearby]);
      if (!finding) continue;
      suspect ||= finding.suspect;
      // The block's reasons are those of its first suspect part.
      why ??= finding.why;
      for (const span of finding.spans) {
        // A phrase belongs to the part where it starts: the parts on either side report their own.
        if (span.startNode < before.texts.length || span.startNode >= before.texts.length + end - start) continue;
        const first = origins[span.startNode];
        const last = origins[span.endNode];
        if (!first || !last) continue;
        spans.push({ ...span, startNode: first[0], startOffset: first[1] + span.startOffset, endNode: last[0], endOffset: last[1] + span.endOffset });
      }
    }
    return why ? { spans, suspect, why } : { spans, suspect };
  };

  return {
    limits: { prefilterTexts: PREFILTER_BATCH_TEXTS, units: SCAN_BATCH_UNITS, blocks: SCAN_BATCH_BLOCKS },
    offThread: true,
    async prefilter(texts, state) {
      if (texts.every((text) => text.length <= SCAN_BATCH_UNITS) && texts.length <= PREFILTER_BATCH_TEXTS) return prefilterOnce(texts, state);
      // A text node of more than a million characters: its pieces, in order, carry the state on.
      const pieces = cut(texts, SCAN_BATCH_UNITS);
      const candidates = new Set<number>();
      let carried = state;
      for (const [start, end] of runs(pieces.texts, PREFILTER_BATCH_TEXTS, SCAN_BATCH_UNITS)) {
        const reply = await prefilterOnce(pieces.texts.slice(start, end), carried);
        carried = reply.state;
        for (const index of reply.candidates) {
          const origin = pieces.origins[start + index];
          if (origin) candidates.add(origin[0]);
        }
      }
      return { state: carried, candidates: [...candidates] };
    },
    async scanBlocks(blocks, page, nearby) {
      const units = blocks.map((texts) => unitsOf([texts]));
      const fits = (index: number) => (units[index] ?? 0) <= SCAN_BATCH_UNITS && (blocks[index]?.length ?? 0) <= SCAN_BLOCK_NODES;
      if (blocks.every((_, index) => fits(index))) return scanOnce(blocks, page, nearby);
      // An oversized block goes in parts on its own; the blocks around it still go together.
      const out: BlockFinding[] = new Array<BlockFinding>(blocks.length);
      let together: number[] = [];
      const sendTogether = async () => {
        if (together.length === 0) return;
        const sent = together;
        together = [];
        const found = await scanOnce(
          sent.map((index) => blocks[index] as string[]),
          page,
          nearby && sent.map((index) => nearby[index] ?? ''),
        );
        sent.forEach((index, at) => (out[index] = found[at] as BlockFinding));
      };
      for (let index = 0; index < blocks.length; index++) {
        if (fits(index)) {
          together.push(index);
          continue;
        }
        await sendTogether();
        out[index] = await scanBig(blocks[index] as string[], page, nearby?.[index]);
      }
      await sendTogether();
      return out;
    },
  };
}
