import { describe, expect, it } from 'vitest';
import { BUILTIN_PHRASE_LISTS } from '../../../src/phrases';
import { createBlockMatcher } from '../../../src/matcher/build-matcher';
import { createRemoteEngine, type SendMessage } from '../../../src/content/remote-engine';
import { contextAfter, CONTEXT_UNITS, PART_UNITS } from '../../../src/content/text-pieces';
import { INVISIBLE_RANGES } from '../../../src/matcher/invisible';
import { normaliseText } from '../../../src/matcher/normalise';
import { prefilterCandidates } from '../../../src/matcher/prefilter-bits';
import { foundIn } from '../../../src/shared/protocol/scan-replies';

/*
 * The text a part of an oversized block is sent with after it: runs of spaces and invisible
 * characters are sent as the exact scan reads them, so padding cannot push a phrase's end out of reach.
 */

const matcher = createBlockMatcher(BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries));
const send: SendMessage = async (message) => {
  const request = message as { type: string; texts: string[]; state: number; blocks: string[][] };
  if (request.type === 'content/prefilter-texts') return { ok: true, data: prefilterCandidates(matcher.prefilter, request.texts, request.state) };
  return { ok: true, data: foundIn(request.blocks.map((texts) => matcher.scanBlock(texts))) };
};
const found = (spans: readonly { phrase: string; startNode: number; startOffset: number; endNode: number; endOffset: number }[]) =>
  spans.filter((span) => span.phrase === 'fake passports').map((span) => `${span.startNode}:${span.startOffset}-${span.endNode}:${span.endOffset}`);

describe('the text sent after a part', () => {
  it('reads a run of spaces and invisible characters as the exact scan does', () => {
    const spaces = [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0xa0, 0x2000, 0x2005, 0x200a, 0x202f, 0x205f, 0x3000];
    for (const code of spaces) expect(normaliseText(`a${String.fromCharCode(code).repeat(3)}b`)).toBe(normaliseText('a b'));
    for (const [from, to] of INVISIBLE_RANGES) {
      for (const code of [from, to]) expect(normaliseText(`ab${String.fromCharCode(code)}c`)).toBe(normaliseText('abc'));
    }
  });

  it('sends a long run as one space, keeping each piece’s place in the text', () => {
    const pieces = { texts: ['own', `x  ${' '.repeat(9_000)}\u200b\u200byz`, '\u200b\u200b', ' tail'], origins: [[0, 0], [1, 0], [2, 0], [3, 0]] as [number, number][] };
    const after = contextAfter(pieces, 1);
    expect(after.texts).toEqual(['x', ' ', 'yz', ' tail']);
    expect(after.origins).toEqual([[1, 0], [1, 1], [1, 9_005], [3, 0]]);
  });

  it('stops at its budget of units that count, however much padding comes before them', () => {
    const text = `${' '.repeat(50_000)}${'a'.repeat(2 * CONTEXT_UNITS)}`;
    const after = contextAfter({ texts: [text], origins: [[0, 0]] }, 0);
    expect(after.texts.join('')).toHaveLength(CONTEXT_UNITS);
  });
});

describe('a phrase padded across a cut', () => {
  it('is found when thousands of spaces sit inside it after a cut by text nodes', async () => {
    const texts = Array.from({ length: 6_000 }, (_, i) => `note ${i} `);
    texts[4487] = 'fake';
    texts[4488] = `${' '.repeat(9_000)}passports for sale`;
    const whole = found(matcher.scanBlock(texts).spans);
    expect(whole).toEqual(['4487:0-4488:9009']);
    const [finding] = await createRemoteEngine('p', send).scanBlocks([texts]);
    expect(found(finding!.spans)).toEqual(whole);
  });

  it('is found when spaces and zero-width characters pad it across a cut in one long text', async () => {
    const pad = 'the garden market by the river ';
    const head = `${pad.repeat(Math.ceil(PART_UNITS / pad.length)).slice(0, PART_UNITS - 6)} fake `;
    const text = `${head}${' \u200b'.repeat(6_000)}passports for sale ${pad.repeat(2_000)}`;
    const [finding] = await createRemoteEngine('p', send).scanBlocks([[text]]);
    expect(found(finding!.spans)).toEqual([`0:${PART_UNITS - 5}-0:${head.length + 12_000 + 9}`]);
  });
});
