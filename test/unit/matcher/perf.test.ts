import { describe, expect, it } from 'vitest';
import { PhraseAutomaton } from '../../../src/matcher/automaton';
import { createMatcher } from '../../../src/matcher/index';
import { normalise } from '../../../src/matcher/normalise';
import { detectSaleSignals } from '../../../src/matcher/sale-signals';
import { int, pick, prng } from './prng';

const LATIN = 'abcdefghijklmnopqrstuvwxyz';

function word(rnd: () => number): string {
  let w = '';
  if (rnd() < 0.5) {
    for (let k = int(rnd, 2, 5); k > 0; k--) w += String.fromCharCode(0x4e00 + int(rnd, 0, 3000));
  } else {
    for (let k = int(rnd, 3, 9); k > 0; k--) w += pick(rnd, [...LATIN]);
  }
  return w;
}

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};

function best(runs: number, f: () => unknown): number {
  let min = Infinity;
  for (let k = 0; k < runs; k++) min = Math.min(min, time(f)[1]);
  return min;
}

// Prints timings for a human to read; the machine running CI is too noisy for tight assertions.
describe('performance sanity', () => {
  it('handles 5 MB of text with 5,000 phrases', () => {
    const rnd = prng(1);
    const phrases = Array.from({ length: 5000 }, () => (rnd() < 0.3 ? `${word(rnd)} ${word(rnd)}` : word(rnd)));
    const lines: string[] = [];
    let size = 0;
    while (size < 5_000_000) {
      const parts: string[] = [];
      for (let k = 0; k < 12; k++) parts.push(rnd() < 0.01 ? pick(rnd, phrases) : word(rnd));
      // Chinese runs without spaces, as Chinese is written; Latin words with them.
      const line = parts.join(rnd() < 0.5 ? '' : ' ') + '。\n';
      lines.push(line);
      size += line.length;
    }
    const text = lines.join('');

    // The first call includes JIT warm-up; later ones are what a long-lived content script sees.
    const [nt, tNormCold] = time(() => normalise(text));
    const tNorm = best(3, () => normalise(text));
    const [automaton, tBuild] = time(() => PhraseAutomaton.build(phrases));
    const [matches, tScanCold] = time(() => automaton.scan(nt.codes));
    const tScan = best(3, () => automaton.scan(nt.codes));
    const matcher = createMatcher(phrases.map((phrase) => ({ phrase, category: 'other', strength: 'weak' as const })));
    const [scan, tAll] = time(() => matcher.scanText(lines.slice(0, 2000)));
    console.log(
      `normalise ${(text.length / 1e6).toFixed(1)}M chars: ${tNorm.toFixed(0)} ms (first call ${tNormCold.toFixed(0)} ms); ` +
        `build ${phrases.length} phrases: ${tBuild.toFixed(0)} ms; ` +
        `scan: ${tScan.toFixed(0)} ms (first call ${tScanCold.toFixed(0)} ms), ${matches.length} matches; ` +
        `automaton ~${(automaton.memoryEstimateBytes() / 1024).toFixed(0)} KiB; ` +
        `scanText of ${(lines.slice(0, 2000).join('').length / 1000).toFixed(0)}k chars in 2000 nodes: ${tAll.toFixed(0)} ms`,
    );
    expect(nt.length).toBeGreaterThan(4_000_000);
    expect(matches.length).toBeGreaterThan(0);
    expect(scan.phrases.length).toBeGreaterThan(0);
    expect(automaton.memoryEstimateBytes()).toBeLessThan(20 * 1024 * 1024);
  }, 60_000);
});

describe('sale-signal patterns on hostile text', () => {
  // Each price and contact pattern is tried at every position of a block: a pattern that backtracks
  // over a run of its own characters would make a page of such runs cost quadratic time. 200,000
  // characters of one short piece repeated must each take well under a second (milliseconds, linear).
  const pieces = ['1', '1 ', '1,', '1-', '13', '13x', '+1 ', 'a.', 'a-', '@', 'a@', '@a.', 'x', '*', 'qq ', 'qq1', 'text ', 'buy ', '价格', 'usd', '$1', '50g ', 'v:', 'tg ', '飞机', 'signal:', 'dm @', '0', 'add snap a_', 'tele @', 'looks ', '藏在', 'message a1 ', 'kik:'];
  it('finds prices and contacts in linear time', () => {
    let slowest = { piece: '', ms: 0 };
    for (const piece of pieces) {
      const text = piece.repeat(Math.ceil(200_000 / piece.length));
      const ms = best(2, () => detectSaleSignals(text));
      if (ms > slowest.ms) slowest = { piece, ms };
    }
    console.log(`sale signals over 200k characters of one piece repeated: slowest ${JSON.stringify(slowest.piece)} ${slowest.ms.toFixed(0)} ms`);
    expect(slowest.ms).toBeLessThan(2_000);
  }, 60_000);

  it('finds them in linear time after a single digit, which switches on the patterns that need one', () => {
    let slowest = { piece: '', ms: 0 };
    for (const piece of ['v-ab-', '威 ❤ ab-', '+v-ab-', '加薇 ~ a', '加 ❤ ab-', '薇 ab-', '微信同号', '138 0013 8000 ', '(晚上打)']) {
      const text = `1 ${piece.repeat(Math.ceil(200_000 / piece.length))}`;
      const ms = best(2, () => detectSaleSignals(text));
      if (ms > slowest.ms) slowest = { piece, ms };
    }
    console.log(`sale signals over 200k characters after one digit: slowest ${JSON.stringify(slowest.piece)} ${slowest.ms.toFixed(0)} ms`);
    expect(slowest.ms).toBeLessThan(2_000);
  }, 60_000);

  it('skips the e-mail and price patterns in a block without an "@" or a digit', () => {
    const prose = 'the garden market by the river window 今天天气市场自行车 '.repeat(20_000);
    const ms = best(3, () => detectSaleSignals(prose));
    console.log(`sale signals over ${(prose.length / 1000).toFixed(0)}k characters of prose: ${ms.toFixed(0)} ms`);
    expect(detectSaleSignals(prose)).toEqual([]);
    expect(detectSaleSignals(`${prose} mail me at seller@example.com, 200元`).map((s) => s.type)).toEqual(['email', 'price']);
  }, 60_000);
});
