import { CHAR_CLASS, CLS_WORD } from './char-class';
import { normaliseText } from './normalise';
import { packTables, unpackTables, type PackedArray } from './table-pack';

// Local copies for the scan loop: some loaders turn each use of an import into a getter call.
const L_CHAR_CLASS = CHAR_CLASS;
const L_CLS_WORD = CLS_WORD;

/** A match in normalised coordinates: `text.slice(start, end)` is the normalised phrase. */
export interface AutomatonMatch {
  start: number;
  end: number;
  phraseIndex: number;
}

const STARTS_WITH_WORD = 1;
const ENDS_WITH_WORD = 2;
/** Above this many edges a state's children are looked up in the hash instead of scanned. */
export const LINEAR_LIMIT = 4;

/** The root's dense table from its edges (the first slice of the edge arrays). */
function rootTable(edgeStart: Uint32Array, edgeCode: Uint16Array, edgeTarget: Uint32Array): Uint32Array {
  const root = new Uint32Array(0x10000);
  for (let e = edgeStart[0] ?? 0; e < (edgeStart[1] ?? 0); e++) root[edgeCode[e] ?? 0] = edgeTarget[e] ?? 0;
  return root;
}

/**
 * Aho-Corasick automaton over UTF-16 units of normalised phrases: one pass over a text finds every
 * occurrence of every phrase, whatever the number of phrases (docs/ARCHITECTURE.md, performance floor).
 *
 * Memory layout: the root has a dense 64K table (most characters of a page fail at the root, so that
 * lookup must be one array read); every other state keeps its children as a sorted slice of two flat
 * typed arrays. 5,000 phrases take about a megabyte instead of the tens a Map per state would.
 */
export class PhraseAutomaton {
  /** Phrases as matched (normalised, trimmed); an empty one never matches. */
  readonly patterns: readonly string[];
  readonly root: Uint32Array;
  readonly edgeStart: Uint32Array;
  readonly edgeCode: Uint16Array;
  readonly edgeTarget: Uint32Array;
  readonly fail: Uint32Array;
  /**
   * Children of states with more than LINEAR_LIMIT edges, in an open-addressing hash keyed by
   * (state, unit): in CJK text most characters are read in such states (the first character of
   * many phrases), where a binary search costs a handful of unpredictable branches.
   */
  readonly hashState: Int32Array;
  readonly hashCode: Uint16Array;
  readonly hashTarget: Uint32Array;
  readonly hashMask: number;
  /** The state itself when phrases end there, else its `dict` link: one read per character. */
  readonly report: Int32Array;
  /** First pattern ending exactly at a state (-1 when none); more in `nextSame`. */
  readonly outFirst: Int32Array;
  /** Nearest state on the failure chain that has output, or -1. */
  readonly dict: Int32Array;
  readonly nextSame: Int32Array;
  readonly patLen: Uint32Array;
  private readonly patFlags: Uint8Array;

  /** Build from raw phrases; they are normalised with the same function as page text. */
  static build(phrases: readonly string[]): PhraseAutomaton {
    return new PhraseAutomaton(phrases.map((p) => normaliseText(p).trim()));
  }

  /** Build from patterns already in the form they are matched in (the page prefilter strips them). */
  static fromPatterns(patterns: readonly string[]): PhraseAutomaton {
    return new PhraseAutomaton(patterns);
  }

  /** The tables, for building at build time and loading on the page (`fromBytes`). */
  toBytes(): Uint8Array {
    return packTables(
      [this.hashMask],
      [
        this.edgeStart,
        this.edgeCode,
        this.edgeTarget,
        this.fail,
        this.hashState,
        this.hashCode,
        this.hashTarget,
        this.report,
        this.outFirst,
        this.dict,
        this.nextSame,
        this.patLen,
        this.patFlags,
      ],
    );
  }

  /** An automaton from `toBytes`, without building anything but the root's dense table. */
  static fromBytes(bytes: Uint8Array): PhraseAutomaton {
    const { numbers, arrays } = unpackTables(bytes);
    const [edgeStart, edgeCode, edgeTarget, fail, hashState, hashCode, hashTarget, report, outFirst, dict, nextSame, patLen, patFlags] = arrays;
    const typed = <T extends PackedArray>(array: PackedArray | undefined, type: new (n: number) => T): T => {
      if (!(array instanceof type)) throw new Error('automaton tables do not fit');
      return array;
    };
    const automaton = Object.create(PhraseAutomaton.prototype) as { -readonly [K in keyof PhraseAutomaton]: PhraseAutomaton[K] } & {
      patFlags: Uint8Array;
    };
    automaton.edgeStart = typed(edgeStart, Uint32Array);
    automaton.edgeCode = typed(edgeCode, Uint16Array);
    automaton.edgeTarget = typed(edgeTarget, Uint32Array);
    automaton.fail = typed(fail, Uint32Array);
    automaton.hashState = typed(hashState, Int32Array);
    automaton.hashCode = typed(hashCode, Uint16Array);
    automaton.hashTarget = typed(hashTarget, Uint32Array);
    automaton.hashMask = numbers[0] ?? 0;
    automaton.report = typed(report, Int32Array);
    automaton.outFirst = typed(outFirst, Int32Array);
    automaton.dict = typed(dict, Int32Array);
    automaton.nextSame = typed(nextSame, Int32Array);
    automaton.patLen = typed(patLen, Uint32Array);
    automaton.patFlags = typed(patFlags, Uint8Array);
    automaton.patterns = [];
    automaton.root = rootTable(automaton.edgeStart, automaton.edgeCode, automaton.edgeTarget);
    return automaton as unknown as PhraseAutomaton;
  }

  private constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    const count = patterns.length;
    this.nextSame = new Int32Array(count).fill(-1);
    this.patLen = new Uint32Array(count);
    this.patFlags = new Uint8Array(count);

    // Trie in flat typed arrays: a hash from (parent, unit) to child while inserting, then the edges
    // grouped by parent and sorted by unit. A Map per state cost more than the rest of the build
    // together, and the build runs on every page load.
    let total = 0;
    for (const text of patterns) total += text.length;
    let hashSize = 16;
    while (hashSize < total * 2) hashSize *= 2;
    const buildMask = hashSize - 1;
    const slotParent = new Int32Array(hashSize).fill(-1);
    const slotCode = new Uint16Array(hashSize);
    const slotChild = new Uint32Array(hashSize);
    const parentOf = new Uint32Array(total + 1);
    const codeOf = new Uint16Array(total + 1);
    const ends = new Int32Array(total + 1).fill(-1);
    let states = 1;
    for (let p = 0; p < count; p++) {
      const text = patterns[p] ?? '';
      if (text.length === 0) continue;
      let s = 0;
      for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k);
        let h = hashOf(s, c) & buildMask;
        for (;;) {
          const owner = slotParent[h] ?? -1;
          if (owner === -1) {
            slotParent[h] = s;
            slotCode[h] = c;
            slotChild[h] = states;
            parentOf[states] = s;
            codeOf[states] = c;
            s = states++;
            break;
          }
          if (owner === s && slotCode[h] === c) {
            s = slotChild[h] ?? 0;
            break;
          }
          h = (h + 1) & buildMask;
        }
      }
      this.nextSame[p] = ends[s] ?? -1;
      ends[s] = p;
      this.patLen[p] = text.length;
      this.patFlags[p] =
        (L_CHAR_CLASS[text.charCodeAt(0)] === L_CLS_WORD ? STARTS_WITH_WORD : 0) |
        (L_CHAR_CLASS[text.charCodeAt(text.length - 1)] === L_CLS_WORD ? ENDS_WITH_WORD : 0);
    }

    // Counting sort of the edges (every state but the root has one, from its parent) by parent.
    const edges = states - 1;
    this.edgeStart = new Uint32Array(states + 1);
    this.edgeCode = new Uint16Array(edges);
    this.edgeTarget = new Uint32Array(edges);
    for (let t = 1; t < states; t++) {
      const slot = (parentOf[t] ?? 0) + 1;
      this.edgeStart[slot] = (this.edgeStart[slot] ?? 0) + 1;
    }
    for (let st = 0; st < states; st++) this.edgeStart[st + 1] = (this.edgeStart[st + 1] ?? 0) + (this.edgeStart[st] ?? 0);
    const fillAt = this.edgeStart.slice(0, states);
    for (let t = 1; t < states; t++) {
      const parent = parentOf[t] ?? 0;
      const c = codeOf[t] ?? 0;
      // Insertion into the parent's slice, kept sorted by unit: slices are short but for the root's.
      const from = this.edgeStart[parent] ?? 0;
      let at = fillAt[parent] ?? 0;
      fillAt[parent] = at + 1;
      while (at > from && (this.edgeCode[at - 1] ?? 0) > c) {
        this.edgeCode[at] = this.edgeCode[at - 1] ?? 0;
        this.edgeTarget[at] = this.edgeTarget[at - 1] ?? 0;
        at--;
      }
      this.edgeCode[at] = c;
      this.edgeTarget[at] = t;
    }
    this.outFirst = ends.slice(0, states);

    this.root = rootTable(this.edgeStart, this.edgeCode, this.edgeTarget);
    let hashed = 0;
    for (let st = 1; st < states; st++) {
      const degree = (this.edgeStart[st + 1] ?? 0) - (this.edgeStart[st] ?? 0);
      if (degree > LINEAR_LIMIT) hashed += degree;
    }
    let size = 16;
    while (size < hashed * 2) size *= 2;
    this.hashMask = size - 1;
    this.hashState = new Int32Array(size).fill(-1);
    this.hashCode = new Uint16Array(size);
    this.hashTarget = new Uint32Array(size);
    for (let st = 1; st < states; st++) {
      const from = this.edgeStart[st] ?? 0;
      const to = this.edgeStart[st + 1] ?? 0;
      if (to - from <= LINEAR_LIMIT) continue;
      for (let e = from; e < to; e++) {
        const c = this.edgeCode[e] ?? 0;
        let h = hashOf(st, c) & this.hashMask;
        while ((this.hashState[h] ?? -1) !== -1) h = (h + 1) & this.hashMask;
        this.hashState[h] = st;
        this.hashCode[h] = c;
        this.hashTarget[h] = this.edgeTarget[e] ?? 0;
      }
    }

    this.fail = new Uint32Array(states);
    this.dict = new Int32Array(states).fill(-1);
    this.linkFailures(states);
    this.report = new Int32Array(states);
    for (let st = 0; st < states; st++) this.report[st] = (this.outFirst[st] ?? -1) >= 0 ? st : (this.dict[st] ?? -1);
  }

  /** Breadth-first, so every state's failure target is finished before its children need it. */
  private linkFailures(states: number): void {
    const queue = new Uint32Array(states);
    let head = 0;
    let tail = 0;
    for (let e = this.edgeStart[0] ?? 0; e < (this.edgeStart[1] ?? 0); e++) queue[tail++] = this.edgeTarget[e] ?? 0;
    while (head < tail) {
      const s = queue[head++] ?? 0;
      const end = this.edgeStart[s + 1] ?? 0;
      for (let e = this.edgeStart[s] ?? 0; e < end; e++) {
        const c = this.edgeCode[e] ?? 0;
        const t = this.edgeTarget[e] ?? 0;
        let f = this.fail[s] ?? 0;
        let g = this.step(f, c);
        while (g === 0 && f !== 0) {
          f = this.fail[f] ?? 0;
          g = this.step(f, c);
        }
        this.fail[t] = g;
        this.dict[t] = (this.outFirst[g] ?? -1) >= 0 ? g : (this.dict[g] ?? -1);
        queue[tail++] = t;
      }
    }
  }

  /** Child of `s` on `c`, or 0 (the root never is a child, so 0 means "none"). */
  step(s: number, c: number): number {
    if (s === 0) return this.root[c] ?? 0;
    let lo = this.edgeStart[s] ?? 0;
    const hi = this.edgeStart[s + 1] ?? 0;
    const codes = this.edgeCode;
    if (hi - lo <= LINEAR_LIMIT) {
      for (; lo < hi; lo++) if (codes[lo] === c) return this.edgeTarget[lo] ?? 0;
      return 0;
    }
    for (let h = hashOf(s, c) & this.hashMask; ; h = (h + 1) & this.hashMask) {
      const hs = this.hashState[h] ?? -1;
      if (hs === -1) return 0;
      if (hs === s && this.hashCode[h] === c) return this.hashTarget[h] ?? 0;
    }
  }

  get stateCount(): number {
    return this.fail.length;
  }

  /** Normalised length of a phrase (0 for one that normalises to nothing). */
  patternLength(phraseIndex: number): number {
    return this.patLen[phraseIndex] ?? 0;
  }

  /**
   * Every occurrence of every phrase in already-normalised text, overlaps included, ordered by end.
   * A phrase that starts (ends) with a Latin letter or digit only matches where the text has no
   * letter or digit just before (after) it: "gun" is not found in "begun" or "gunmetal".
   */
  scan(text: string | Uint16Array, out: AutomatonMatch[] = []): AutomatonMatch[] {
    const units = typeof text === 'string' ? toUnits(text) : text;
    const n = units.length;
    // Everything in locals and the child search inlined: this loop runs once per character of a page.
    const { root, fail, report, outFirst, dict, nextSame, patLen, patFlags, edgeStart, edgeCode, edgeTarget } = this;
    const { hashState, hashCode, hashTarget, hashMask } = this;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const c = units[i] ?? 0;
      let next = 0;
      for (;;) {
        if (s === 0) {
          next = root[c] ?? 0;
          break;
        }
        let lo = edgeStart[s] ?? 0;
        const hi = edgeStart[s + 1] ?? 0;
        let t = 0;
        if (hi - lo <= LINEAR_LIMIT) {
          for (; lo < hi; lo++) {
            if (edgeCode[lo] === c) {
              t = edgeTarget[lo] ?? 0;
              break;
            }
          }
        } else {
          for (let h = hashOf(s, c) & hashMask; ; h = (h + 1) & hashMask) {
            const hs = hashState[h] ?? -1;
            if (hs === -1) break;
            if (hs === s && hashCode[h] === c) {
              t = hashTarget[h] ?? 0;
              break;
            }
          }
        }
        if (t !== 0) {
          next = t;
          break;
        }
        s = fail[s] ?? 0;
      }
      s = next;
      let o = report[s] ?? -1;
      while (o >= 0) {
        for (let p = outFirst[o] ?? -1; p >= 0; p = nextSame[p] ?? -1) {
          const end = i + 1;
          const start = end - (patLen[p] ?? 0);
          const flags = patFlags[p] ?? 0;
          if ((flags & STARTS_WITH_WORD) !== 0 && start > 0 && L_CHAR_CLASS[units[start - 1] ?? 0] === L_CLS_WORD) continue;
          if ((flags & ENDS_WITH_WORD) !== 0 && end < n && L_CHAR_CLASS[units[end] ?? 0] === L_CLS_WORD) continue;
          out.push({ start, end, phraseIndex: p });
        }
        o = dict[o] ?? -1;
      }
    }
    return out;
  }

  /** Bytes held by the automaton's tables and phrase strings. */
  memoryEstimateBytes(): number {
    let bytes = 0;
    for (const a of [
      this.root,
      this.edgeStart,
      this.edgeCode,
      this.edgeTarget,
      this.hashState,
      this.hashCode,
      this.hashTarget,
      this.fail,
      this.outFirst,
      this.dict,
      this.report,
      this.nextSame,
      this.patLen,
      this.patFlags,
    ]) {
      bytes += a.byteLength;
    }
    for (const p of this.patterns) bytes += 2 * p.length + 16;
    return bytes;
  }
}

/** Multiplicative hash; callers mask it, so the well-mixed high bits are folded into the low ones. */
export function hashOf(state: number, code: number): number {
  const h = Math.imul(state, 0x85ebca6b) ^ Math.imul(code, 0x9e3779b1);
  return (h ^ (h >>> 16)) >>> 0;
}

function toUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}
