// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { BlockFinding } from '../../../src/shared/protocol/block-scan';
import { createBlockFindings } from '../../../src/content/block-findings';
import { createBlockReadings } from '../../../src/content/block-readings';
import { newBlockCache } from '../../../src/content/blocks';
import { scanBlocks } from '../../../src/content/exact-scan';
import type { Highlighter } from '../../../src/content/highlighter';
import { prefilterSubtrees } from '../../../src/content/prefilter-walk';
import type { ScanEngine } from '../../../src/content/scan-engine';

/*
 * The page goes on while the worker answers (prefilter-walk.ts, exact-scan.ts): one prefilter request
 * in flight, each sent from the state the one before ended in; exact scans sent ahead of the answers
 * before them, their findings applied in the order the batches were sent.
 */

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Lets the scanner's awaited work run (happy-dom has MessageChannel: yields are macrotasks). */
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

function engineWith(overrides: Partial<ScanEngine>, limits = { prefilterTexts: 2, units: 1_000_000, blocks: 1 }): ScanEngine {
  return {
    limits,
    offThread: true,
    prefilter: async () => ({ state: 0, candidates: [] }),
    scanBlocks: async (blocks) => blocks.map(() => ({ spans: [], suspect: false })),
    ...overrides,
  };
}

describe('requests to the worker while the page goes on', () => {
  it('sends each prefilter batch once the one before has answered, from its state, and keeps its candidates', async () => {
    document.body.innerHTML = ['a', 'b', 'c', 'd', 'e'].map((text) => `<article><p>${text}</p></article>`).join('');
    const calls: { texts: string[]; state: number; answer: ReturnType<typeof deferred<{ state: number; candidates: number[] }>> }[] = [];
    const engine = engineWith({
      prefilter: (texts, state) => {
        const answer = deferred<{ state: number; candidates: number[] }>();
        calls.push({ texts: [...texts], state, answer });
        return answer.promise;
      },
    });
    const done = prefilterSubtrees([document.body], { engine, blockCache: newBlockCache(), walkContext: {}, signal: new AbortController().signal });
    await flush();
    // The walk has read the next batch, but its request waits for the first answer's state.
    expect(calls.map((call) => call.texts)).toEqual([['a', 'b']]);
    calls[0]!.answer.resolve({ state: 7, candidates: [1] });
    await flush();
    expect(calls.map((call) => [call.texts, call.state])).toEqual([[['a', 'b'], 0], [['c', 'd'], 7]]);
    calls[1]!.answer.resolve({ state: 9, candidates: [0] });
    await flush();
    expect(calls[2]?.state).toBe(9);
    calls[2]!.answer.resolve({ state: 0, candidates: [0] });
    const candidates = await done;
    expect([...candidates].map((block) => block.textContent)).toEqual(['b', 'c', 'e']);
  });

  it('sends the next exact scan before the answer to the one before, and applies the answers in order', async () => {
    document.body.innerHTML = ['one', 'two', 'three'].map((text) => `<article><p>${text}</p></article>`).join('');
    const blocks = [...document.querySelectorAll('article')];
    const answers: ReturnType<typeof deferred<BlockFinding[]>>[] = [];
    const engine = engineWith({
      scanBlocks: () => {
        const answer = deferred<BlockFinding[]>();
        answers.push(answer);
        return answer.promise;
      },
    });
    const applied: string[] = [];
    const highlighter: Highlighter = {
      set: (block) => void applied.push(block.textContent ?? ''),
      remove: () => undefined,
      adoptRoot: () => undefined,
      rangeFor: () => null,
      clear: () => undefined,
    };
    const findings = createBlockFindings(highlighter);
    const found = (node: number): BlockFinding[] => [{ spans: [{ startNode: node, startOffset: 0, endNode: node, endOffset: 1, phrase: 'x', category: 'jammers', strength: 'strong' }], suspect: true }];
    const done = scanBlocks(blocks, { engine, readings: createBlockReadings(newBlockCache()), findings, signal: new AbortController().signal, page: () => '' });
    await flush();
    // Two batches out, no answer yet.
    expect(answers).toHaveLength(2);
    answers[1]!.resolve(found(0));
    await flush();
    // The second answer waits for the first.
    expect(applied).toEqual([]);
    answers[0]!.resolve(found(0));
    await flush();
    expect(answers).toHaveLength(3);
    answers[2]!.resolve(found(0));
    await done;
    expect(applied).toEqual(['one', 'two', 'three']);
  });
});
