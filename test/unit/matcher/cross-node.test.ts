import { describe, expect, it } from 'vitest';
import { createMatcher, splitByNode, type NodeRange } from '../../../src/matcher/index';
import { normalise } from '../../../src/matcher/normalise';
import { toNodeRange } from '../../../src/matcher/node-ranges';
import { int, pick, prng } from './prng';

const matcher = createMatcher(
  [
    { phrase: '出售枪支', category: 'firearms-explosives', strength: 'strong' },
    { phrase: 'fake id', category: 'identity-documents', strength: 'strong' },
  ],
  { saleIntent: ['出售'] },
);

/** The text a node range covers, read back from the node strings. */
function readRange(nodes: readonly string[], r: NodeRange): string {
  if (r.startNode === r.endNode) return (nodes[r.startNode] ?? '').slice(r.startOffset, r.endOffset);
  let out = (nodes[r.startNode] ?? '').slice(r.startOffset);
  for (let k = r.startNode + 1; k < r.endNode; k++) out += nodes[k] ?? '';
  return out + (nodes[r.endNode] ?? '').slice(0, r.endOffset);
}

describe('matches across text nodes', () => {
  it('finds "出<b>售</b>枪支" and returns a Range spanning three nodes', () => {
    const nodes = ['价格优惠 出', '售', '枪支，联系'];
    const scan = matcher.scanText(nodes);
    const hit = scan.phrases.find((p) => p.phrase === '出售枪支');
    expect(hit?.range).toEqual({ startNode: 0, startOffset: 5, endNode: 2, endOffset: 2 });
    expect(splitByNode(scan.normalised.nodeStarts, hit!.range)).toEqual([
      { node: 0, start: 5, end: 6 },
      { node: 1, start: 0, end: 1 },
      { node: 2, start: 0, end: 2 },
    ]);
    expect(scan.saleWords[0]?.range).toEqual({ startNode: 0, startOffset: 5, endNode: 1, endOffset: 1 });
  });

  it('ends a range in the node of the last matched character, not the next node', () => {
    const nodes = ['a fake', ' id', '!'];
    const hit = matcher.scanText(nodes).phrases[0];
    expect(hit?.range).toEqual({ startNode: 0, startOffset: 2, endNode: 1, endOffset: 3 });
    const tail = matcher.scanText(['出售枪支', '后面']).phrases[0];
    expect(tail?.range).toEqual({ startNode: 0, startOffset: 0, endNode: 0, endOffset: 4 });
  });

  it('skips empty nodes and separators split over nodes', () => {
    const nodes = ['', '出 ', '', '\u200b售-', '枪', ' 支', ''];
    const hit = matcher.scanText(nodes).phrases[0];
    expect(hit).toBeDefined();
    expect(readRange(nodes, hit!.range)).toBe('出 \u200b售-枪 支');
    expect(hit!.range.startNode).toBe(1);
    expect(hit!.range.endNode).toBe(5);
  });

  it('maps back exactly for random splits of a block (property)', () => {
    const rnd = prng(99);
    const pieces = ['出售', '枪支', '出 售', '枪-支', ' fake id ', 'hello ', '，', '\u200b', '<b>'];
    for (let c = 0; c < 400; c++) {
      let text = '';
      for (let k = int(rnd, 1, 8); k > 0; k--) text += pick(rnd, pieces);
      // Cut the same text into random nodes: matches must not depend on where the cuts are.
      const nodes: string[] = [];
      let at = 0;
      while (at < text.length) {
        const len = int(rnd, 0, 4);
        nodes.push(text.slice(at, at + len));
        at += len;
      }
      const whole = matcher.scanText(text);
      const split = matcher.scanText(nodes);
      expect(split.phrases.map((p) => [p.start, p.end, p.phraseIndex])).toEqual(
        whole.phrases.map((p) => [p.start, p.end, p.phraseIndex]),
      );
      const nt = normalise(nodes);
      for (const p of split.phrases) {
        const r = toNodeRange(nt, p.start, p.end);
        expect(p.range).toEqual(r);
        const wr = whole.phrases.find((w) => w.start === p.start && w.phraseIndex === p.phraseIndex)!.range;
        expect(readRange(nodes, p.range)).toBe(text.slice(wr.startOffset, wr.endOffset));
      }
    }
  });

  it('highlights only disjoint phrases', () => {
    const m = createMatcher([
      { phrase: '枪支', category: 'firearms-explosives', strength: 'weak' },
      { phrase: '出售枪支', category: 'firearms-explosives', strength: 'strong' },
    ]);
    const scan = m.scanText(['出', '售枪支 枪支']);
    expect(scan.phrases).toHaveLength(3);
    expect(m.highlights(scan).map((h) => h.range)).toEqual([
      { startNode: 0, startOffset: 0, endNode: 1, endOffset: 3 },
      { startNode: 1, startOffset: 4, endNode: 1, endOffset: 6 },
    ]);
  });
});
