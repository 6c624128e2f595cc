import { describe, expect, it } from 'vitest';
import { createBlockMatcher, type GateSample } from '../../../src/matcher/build-matcher';
import { builtinOfferGate } from '../../../src/matcher/builtin-gate';
import { GATE_BLOCK_CHARS, GATE_HEADLINE_CHARS, GATE_NEARBY_CHARS, gateFeatures, gateText, offerProbability, unpackGateModel, type OfferGateModel } from '../../../src/matcher/offer-gate';
import { toBase64 } from '../../../src/matcher/table-pack';
import { BUILTIN_PHRASE_LISTS } from '../../../src/phrases';

const entries = BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries);
const ADVERT = 'Glock 19 gen 5 for sale, $650, message me on telegram @fastguns_uk';
/** Goods words beside a price and a sale word, and nothing more: what a lawful shop writes too. */
const PRICED = 'Hunting rifles in stock from $650';

/** A model that says the same of every block: its bias alone decides. */
function flat(bias: number): OfferGateModel {
  return { bits: 8, bias, scale: 1, weights: new Int8Array(256), threshold: 0.5, finds: 0.9 };
}

describe('offer gate', () => {
  it('reads hashed n-grams within words, of unit length, the same however the words are spaced', () => {
    const a = gateFeatures('sale  $650\n dm', 12);
    const b = gateFeatures('sale $650 dm', 12);
    expect([...a.index]).toEqual([...b.index]);
    expect([...a.value]).toEqual([...b.value]);
    const length = Math.sqrt([...a.value].reduce((sum, v) => sum + v * v, 0));
    expect(length).toBeCloseTo(1, 5);
    // "ab cd" is two words, "abcd" one: the n-gram "bc" is only in the second.
    expect([...gateFeatures('ab cd', 16).index].sort()).not.toEqual([...gateFeatures('abcd', 16).index].sort());
    expect(gateFeatures('   ', 12).index.length).toBe(0);
  });

  it('reads the block, the text around it and the headline, each cut to its length', () => {
    const text = gateText('b'.repeat(5000), 'n'.repeat(5000), 'h'.repeat(5000));
    expect(text.split('b').length - 1).toBe(GATE_BLOCK_CHARS);
    expect(text.split('n').length - 1).toBe(GATE_NEARBY_CHARS);
    expect(text.split('h').length - 1).toBe(GATE_HEADLINE_CHARS);
  });

  it('refuses a packed model whose weights are not 2^bits', () => {
    const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    expect(() => unpackGateModel({ bits: 8, bias: 0, scale: 1, threshold: 0.5, finds: 0.9, weights: toBase64(new Uint8Array(100)) }, decode)).toThrow(/100 weights, expected 256/);
    const model = unpackGateModel({ bits: 8, bias: 0, scale: 1, threshold: 0.5, finds: 0.9, weights: toBase64(Uint8Array.of(...new Array(256).fill(255))) }, decode);
    expect(model.weights[0]).toBe(-1);
  });

  it('takes a suspect finding away when the model reads no offer, and only a block read with the text around it', () => {
    const never = createBlockMatcher(entries, [], undefined, { model: flat(-20) });
    const always = createBlockMatcher(entries, [], undefined, { model: flat(20) });
    const rulesOnly = createBlockMatcher(entries, [], undefined, { model: null });
    expect(rulesOnly.scanBlock([PRICED], 'Shop', '').suspect).toBe(true);
    expect(always.scanBlock([PRICED], 'Shop', '').suspect).toBe(true);
    expect(never.scanBlock([PRICED], 'Shop', '').suspect).toBe(false);
    // No reasons for a finding the gate took away, and its highlights stay.
    const taken = never.scanBlock([PRICED], 'Shop', '');
    expect(taken.why).toBeUndefined();
    expect(taken.spans.length).toBeGreaterThan(0);
    // Scanned alone (no text around it), a block keeps the rules' verdict.
    expect(never.scanBlock([PRICED], 'Shop').suspect).toBe(true);
  });

  it('never takes away an offer the rules read past doubt: a strong phrase or a messenger handle beside a price or a handle', () => {
    const never = createBlockMatcher(entries, [], undefined, { model: flat(-20) });
    expect(never.scanBlock([ADVERT], 'Classifieds', '').suspect).toBe(true);
    expect(never.scanBlock(['handgun for sale 价格 1800元'], 'bench', 'the garden market').suspect).toBe(true);
    expect(never.scanBlock(['K粉 有货 微信 abc123 1g 300'], '', '').suspect).toBe(true);
  });

  it('makes a finding of a block the rules let pass when it reads an offer past doubt, and says so', () => {
    const always = createBlockMatcher(entries, [], undefined, { model: flat(20) });
    const rulesOnly = createBlockMatcher(entries, [], undefined, { model: null });
    const history = 'The AK-47 was designed in 1947.';
    expect(rulesOnly.scanBlock([history], 'History of the rifle', '').suspect).toBe(false);
    const found = always.scanBlock([history], 'History of the rifle', '');
    expect(found.suspect).toBe(true);
    expect(found.why).toMatchObject({ category: 'firearms-explosives', read: true, price: false, contact: false });
    // What the rules find themselves carries no such reason.
    expect(always.scanBlock([ADVERT], 'Classifieds', '').why?.read).toBeUndefined();
    // Only with the text around it.
    expect(always.scanBlock([history], 'History of the rifle').suspect).toBe(false);
  });

  it('gives its trainer every block that holds a phrase, with the rules verdict before the gate', () => {
    const samples: GateSample[] = [];
    const matcher = createBlockMatcher(entries, [], undefined, { model: flat(-20), observe: (sample) => void samples.push(sample) });
    matcher.scanBlock([ADVERT], 'Classifieds', 'posted 2 h ago');
    matcher.scanBlock(['Our club range opens at nine.'], 'Classifieds', '');
    matcher.scanBlock(['The AK-47 was designed in 1947.'], 'History of the rifle', '');
    expect(samples).toHaveLength(2);
    expect(samples[0]).toMatchObject({ suspect: true, text: gateText(samples[0]?.text.split(' \u241e ')[0] ?? '', 'posted 2 h ago', 'classifieds') });
    expect(samples[0]?.terms).toBeGreaterThanOrEqual(2);
    expect(samples[1]?.suspect).toBe(false);
  });

  it('ships a trained model that reads a plain advert on a classified page as an offer', () => {
    const model = builtinOfferGate();
    expect(model).not.toBeNull();
    if (!model) return;
    expect(model.weights.length).toBe(1 << model.bits);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(offerProbability(model, gateText(ADVERT.toLowerCase(), 'posted 2 h ago · reply', 'pistols for sale | local classifieds'))).toBeGreaterThan(model.threshold);
  });
});
