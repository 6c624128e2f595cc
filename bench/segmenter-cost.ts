import { BUILTIN_PHRASE_LISTS } from '../src/phrases';
import { createBlockMatcher } from '../src/matcher/build-matcher';
import { median } from './median';
import { generatePage } from './page-generator';

/*
 * What the Chinese word-boundary check costs (src/matcher/word-boundaries.ts): the built-in matcher
 * scans every post of a generated 5 MB page with short Chinese terms planted in some of them (冰 in
 * 冰箱 and in 出售冰, 糖 in 冰糖), and the time spent inside Intl.Segmenter is taken out of the total.
 */

export interface SegmenterCost {
  blocks: number;
  candidates: number;
  segmentations: number;
  scanMs: number;
  segmenterMs: number;
}

const PLANTS = ['双开门冰箱 价格 2999元', '出售冰 一克 300元 微信 ice2024x', '冰糖雪梨 每斤 12元', '纯冰 货到付款 加V:abc12345'];

export function measureSegmenterCost(repeat = 3): SegmenterCost {
  const html = generatePage(5 * 1024 * 1024, PLANTS, 11);
  const blocks = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' '));
  // Every fiftieth post also names a short term, as a page of mixed shop and listing posts would.
  blocks.forEach((block, index) => {
    if (index % 50 === 0) blocks[index] = `${block} ${PLANTS[(index / 50) % PLANTS.length]}`;
  });
  const proto = Intl.Segmenter.prototype;
  const original = proto.segment;
  let segmenterMs = 0;
  let segmentations = 0;
  proto.segment = function (this: Intl.Segmenter, input: string) {
    const start = performance.now();
    // The matcher iterates the segments at once: iterating them here times all of its work.
    const segments = [...original.call(this, input)];
    segmenterMs += performance.now() - start;
    segmentations++;
    return segments as unknown as Intl.Segments;
  };
  const scans: number[] = [];
  const inside: number[] = [];
  let candidates = 0;
  let calls = 0;
  try {
    for (let run = 0; run < repeat; run++) {
      const matcher = createBlockMatcher(BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries));
      segmenterMs = 0;
      segmentations = 0;
      candidates = 0;
      const start = performance.now();
      for (const block of blocks) if (matcher.scanBlock([block]).spans.length > 0) candidates++;
      scans.push(performance.now() - start);
      inside.push(segmenterMs);
      calls = segmentations;
    }
  } finally {
    proto.segment = original;
  }
  return { blocks: blocks.length, candidates, segmentations: calls, scanMs: median(scans), segmenterMs: median(inside) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(measureSegmenterCost());
