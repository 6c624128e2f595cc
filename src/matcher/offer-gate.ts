/*
 * The offer gate: a second reading of a block the lists' rules call suspect. A logistic regression over
 * the block's character n-grams, the text around it and the page's headline, trained on the tuning pages
 * of the evaluation set (scripts/train/offer-gate.train.ts) to tell a seller's offer from a shop's, a
 * club's, a report's or a help page's block that names the same goods beside a price or a sale word
 * (docs/PHRASE-LISTS.md, "The offer gate"). It takes a finding away where it reads no offer, and makes one where
 * it reads an offer past doubt in a block the rules let pass.
 */

/** What the gate reads of a block, the text around it and the page's headline (characters). */
export const GATE_BLOCK_CHARS = 2000;
export const GATE_NEARBY_CHARS = 600;
export const GATE_HEADLINE_CHARS = 300;
/** The n-grams read: one to three characters within a word, as spaces bound it. */
const MAX_GRAM = 3;

export interface OfferGateModel {
  /** log2 of the number of hashed features. */
  bits: number;
  bias: number;
  /** Each weight is `scale × int8`. */
  scale: number;
  weights: Int8Array;
  /** A suspect block whose probability of being an offer is under this is no finding. */
  threshold: number;
  /** A block the rules let pass whose probability is this or more is a finding. */
  finds: number;
}

/** The one string the gate reads, in the order and lengths the model was trained on. */
export function gateText(block: string, nearby = '', headline = ''): string {
  return `${block.slice(0, GATE_BLOCK_CHARS)} \u241e ${nearby.slice(0, GATE_NEARBY_CHARS)} \u241e ${headline.slice(0, GATE_HEADLINE_CHARS)}`;
}

/** What `\s` matches, by code unit: words are split as a regular expression's \s would split them. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Counts per hashed feature, reused from call to call (cleared after each): no map, no allocation per block. */
let scratch: { bits: number; counts: Uint16Array; touched: Uint32Array } | undefined;

/** Hashed n-gram features of a text: indices and their values (1 + ln count), of unit length. */
export function gateFeatures(text: string, bits: number): { index: Uint32Array; value: Float32Array } {
  const mask = (1 << bits) - 1;
  if (scratch?.bits !== bits) scratch = { bits, counts: new Uint16Array(1 << bits), touched: new Uint32Array(1024) };
  const { counts } = scratch;
  let touched = scratch.touched;
  let size = 0;
  let wordStart = -1;
  // Words as spaces bound them, each read as " word " (a space before and after), as n-grams of one to three units.
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text.charCodeAt(i));
    if (!space) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (wordStart < 0) continue;
    const padded = ` ${text.slice(wordStart, i)} `;
    wordStart = -1;
    for (let start = 0; start < padded.length; start++) {
      // FNV-1a over the n-gram's code units, one n-gram length after another from the same start.
      let hash = 0x811c9dc5;
      for (let n = 1; n <= MAX_GRAM && start + n <= padded.length; n++) {
        hash ^= padded.charCodeAt(start + n - 1);
        hash = Math.imul(hash, 0x01000193) >>> 0;
        // The length is mixed in so that a gram of one unit and one of two that hash alike stay apart.
        const key = (Math.imul(hash ^ n, 0x9e3779b1) >>> 0) & mask;
        const count = counts[key] as number;
        if (count === 0) {
          if (size === touched.length) {
            const grown = new Uint32Array(size * 2);
            grown.set(touched);
            touched = scratch.touched = grown;
          }
          touched[size++] = key;
        }
        if (count < 0xffff) counts[key] = count + 1;
      }
    }
  }
  const index = new Uint32Array(size);
  const value = new Float32Array(size);
  let norm = 0;
  for (let i = 0; i < size; i++) {
    const key = touched[i] as number;
    const v = 1 + Math.log(counts[key] as number);
    counts[key] = 0;
    index[i] = key;
    value[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < size; j++) value[j] = (value[j] as number) / norm;
  return { index, value };
}

/** The model's probability that the block is a seller's offer. */
export function offerProbability(model: OfferGateModel, text: string): number {
  const { index, value } = gateFeatures(text, model.bits);
  let z = 0;
  for (let i = 0; i < index.length; i++) z += (model.weights[index[i] as number] as number) * (value[i] as number);
  z = model.bias + model.scale * z;
  return 1 / (1 + Math.exp(-z));
}

/** Reads a model packed by the trainer: base64 of its int8 weights. */
export function unpackGateModel(packed: { bits: number; bias: number; scale: number; threshold: number; finds: number; weights: string }, decode: (base64: string) => Uint8Array): OfferGateModel {
  const bytes = decode(packed.weights);
  if (bytes.length !== 1 << packed.bits) throw new Error(`offer gate: ${bytes.length} weights, expected ${1 << packed.bits}`);
  return { bits: packed.bits, bias: packed.bias, scale: packed.scale, threshold: packed.threshold, finds: packed.finds, weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
}
