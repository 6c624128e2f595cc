import { describe, expect, it } from 'vitest';
import { foldLeet } from '../../../src/matcher/leet';
import { normaliseText } from '../../../src/matcher/normalise';
import { builtinMatcher, suspect } from './builtin-verdicts';

/* Digits and symbols that sellers write for letters (src/matcher/leet.ts). */

const folded = (text: string): string | null => {
  const codes = Uint16Array.from(normaliseText(text), (c) => c.charCodeAt(0));
  const out = foldLeet(codes);
  return out ? String.fromCharCode(...out) : null;
};

describe('digits and symbols written for letters', () => {
  it('folds one that stands between two letters, and nothing else', () => {
    expect(folded('pr1v@te a1mb0t + w@llh@ck')).toBe('private aimbot + wallhack');
    expect(folded('Trustp1lot and Amaz0n')).toBe('trustpilot and amazon');
    // Quantities, models and prices keep their digits.
    expect(folded('1g £80, 5g jammer, AK47, G19, $450')).toBeNull();
  });

  it('finds a phrase spelt so, and marks it where the page wrote it', () => {
    expect(suspect('🎯 pr1v@te a1mb0t + w@llh@ck for this game, $25 a month, DM @x_undetect_store_x')).toBe(true);
    expect(suspect('private aimbot for this game, $25 a month, DM @x_undetect_store_x')).toBe(true);
    const text = 'Real b@lis0ng and oc spray, £40, text 07700 900418';
    const spans = builtinMatcher.scanBlock([text]).spans;
    const knife = spans.find((span) => span.phrase === 'balisong');
    expect(knife).toBeDefined();
    expect(text.slice(knife!.startOffset, knife!.endOffset)).toBe('b@lis0ng');
  });
});
