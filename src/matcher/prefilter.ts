import { LINEAR_LIMIT, PhraseAutomaton, hashOf } from './automaton';
import { CHAR_CLASS, CLS_SEP, CLS_SPACE, CLS_WORD } from './char-class';
import { FOLD_DROP, FOLD_KIND_MASK, FOLD_MARK_BIT, FOLD_SINGLE, foldAstral, foldKind, foldedString, foldedUnit } from './char-fold';
import { DENSE_COLUMN, DENSE_WIDTH, ROW_REPORTS, ROW_STATE, denseRows, phraseUnits } from './dense-rows';
import { isLeetSymbol, leetLetter } from './leet';
import { normaliseText } from './normalise';
import { unpackTables, packTables } from './table-pack';

/**
 * The page prefilter: one cheap pass over every text node of a page that tells which nodes may hold a
 * phrase, so that only their blocks get the exact (normalised, offset-mapped, scored) scan.
 *
 * It reads the text with every space and separator removed and phrases stripped the same way.
 * Deleting one class of characters from both sides keeps every substring a substring, and the exact
 * normaliser only folds characters and then drops, collapses or keeps separators, so whatever the exact
 * scan finds in a run of text, the prefilter finds there too (a superset: "plug" in "plugin" is a
 * candidate, which the exact scan's word boundaries then reject). Characters that the exact scan
 * composes with their neighbours (combining marks) cannot be folded one by one: a node holding one is
 * always a candidate.
 *
 * The state runs on from one text node into the next, which finds a phrase split by markup
 * ("出<b>售</b>枪支"); the hit is reported on the node where the phrase ends.
 */

import { PREFILTER_HIT, PREFILTER_ODD, PREFILTER_STATE } from './prefilter-bits';

export { PREFILTER_HIT, PREFILTER_ODD, PREFILTER_STATE };

// Per-unit table learnt on first sight: the folded unit, or one of these.
const UNKNOWN = -1;
const SKIP = -2;
const SLOW = -3;
/** Invisible characters: dropped, so the characters on either side of one are neighbours. */
const DROP = -4;
const table = new Int32Array(0x10000).fill(UNKNOWN);

// Local copies for the loop (see normalise.ts: some loaders turn imported bindings into getters).
const L_TABLE = table;
const L_DENSE_WIDTH = DENSE_WIDTH;
const L_ROW_REPORTS = ROW_REPORTS;
const L_ROW_STATE = ROW_STATE;

/*
 * What one raw unit means to one prefilter, learnt on first sight so that most characters cost a single
 * read: a dense column (CODE_DENSE + column - 1), a unit no phrase holds, or one of the other paths.
 */
const CODE_UNKNOWN = 0;
const CODE_SKIP = 1;
const CODE_RESET = 2;
const CODE_SPARSE = 3;
const CODE_SLOW = 4;
const CODE_DENSE = 8;

/** Units read before the fast path is built: a few pages of text. */
const FAST_PATH_AFTER = 32_768;
/**
 * Above this many states the dense rows (144 bytes a state) are not built: 14 MB at the limit, while
 * 5,000 phrases make ~36,000 states. Operator lists can hold far more (50 lists of 20,000 entries);
 * such a prefilter keeps the sparse path rather than asking a page for gigabytes.
 */
export const DENSE_MAX_STATES = 100_000;
const NO_ROWS = new Uint32Array(0);

function learn(c: number): number {
  let value: number;
  if (c >= 0xd800 && c <= 0xdfff) {
    value = SLOW;
  } else {
    const kind = foldKind(c);
    const base = kind & FOLD_KIND_MASK;
    if ((kind & FOLD_MARK_BIT) !== 0) value = SLOW;
    else if (base === FOLD_DROP) value = DROP;
    else if (base === FOLD_SINGLE) value = keep(foldedUnit(c)) ? leetFold(foldedUnit(c)) : SKIP;
    else value = SLOW;
  }
  table[c] = value;
  return value;
}

const WORD = 1;
const NOT_WORD = 0;
const UNSURE = 2;

function isWord(unit: number): boolean {
  return CHAR_CLASS[unit] === CLS_WORD;
}

/** The folded unit of raw unit `c`, or SKIP, SLOW or DROP. */
function unitOf(c: number): number {
  const u = table[c] ?? UNKNOWN;
  return u === UNKNOWN ? learn(c) : u;
}

function unitAt(data: string, k: number): number {
  return unitOf(data.charCodeAt(k));
}

/**
 * A digit or symbol that sellers write for a letter, read as that letter ("kn1ves", "w@llh@ck"): the exact scan
 * folds it between two letters only (src/matcher/leet.ts), the prefilter everywhere, which finds a superset.
 */
function leetFold(unit: number): number {
  return leetLetter(unit) || unit;
}

/** Class of the first visible unit from `k` in direction `step`: a word unit, not one, or unsure. */
function neighbour(data: string, k: number, step: 1 | -1): number {
  for (; k >= 0 && k < data.length; k += step) {
    // A symbol read as a letter is no word unit to the exact scan's first read: a phrase may end beside it.
    if (isLeetSymbol(data.charCodeAt(k))) return UNSURE;
    const u = unitAt(data, k);
    if (u === DROP) continue;
    if (u === SLOW) return UNSURE;
    return u >= 0 && isWord(u) ? WORD : NOT_WORD;
  }
  return UNSURE;
}

function keep(unit: number): boolean {
  const cls = CHAR_CLASS[unit] ?? 0;
  return cls !== CLS_SPACE && cls !== CLS_SEP;
}

/** A phrase as the prefilter sees it: normalised like page text, then without spaces and separators. */
export function stripForPrefilter(phrase: string): string {
  return strip(normaliseText(phrase));
}

function strip(normalised: string): string {
  let out = '';
  for (let i = 0; i < normalised.length; i++) {
    const unit = normalised.charCodeAt(i);
    if (keep(unit)) out += String.fromCharCode(leetFold(unit));
  }
  return out;
}

const STARTS_WITH_WORD = 1;
const ENDS_WITH_WORD = 2;

export class PagePrefilter {
  private readonly automaton: PhraseAutomaton;
  /** Word-boundary needs of each phrase as the exact scan matches it (before stripping). */
  private readonly edges: Uint8Array;
  private readonly seen: Uint8Array;
  /**
   * Resolved transitions on Latin letters and digits, and the units any phrase holds (dense-rows.ts):
   * built once the prefilter has read FAST_PATH_AFTER units. Building them takes 5-7 ms of a page
   * load before the compiler has warmed up, more than an ordinary page's whole text costs without.
   */
  private rows: Uint32Array | undefined;
  private units: Uint8Array | undefined;
  private readonly codes = new Uint8Array(0x10000);
  private unitsRead = 0;
  private fastPathBuilt = false;
  private readonly seenIds: number[] = [];
  private unsure = false;

  /**
   * From phrases as the exact scan matches them (normalised and trimmed: `Matcher.phrasePatterns`), or
   * from the tables of `toBytes`.
   */
  constructor(source: readonly string[] | Uint8Array) {
    if (source instanceof Uint8Array) {
      const { arrays } = unpackTables(source);
      const [automaton, edges] = arrays;
      if (!(automaton instanceof Uint8Array) || !(edges instanceof Uint8Array)) throw new Error('prefilter tables do not fit');
      this.automaton = PhraseAutomaton.fromBytes(automaton);
      this.edges = edges;
    } else {
      this.automaton = PhraseAutomaton.fromPatterns(source.map(strip));
      this.edges = Uint8Array.from(source, (exact) => {
        return (isWord(exact.charCodeAt(0)) ? STARTS_WITH_WORD : 0) | (isWord(exact.charCodeAt(exact.length - 1)) ? ENDS_WITH_WORD : 0);
      });
    }
    this.seen = new Uint8Array(this.edges.length);
  }

  /** States of the automaton: a state carried in from elsewhere must be below this. */
  get stateCount(): number {
    return this.automaton.stateCount;
  }

  toBytes(): Uint8Array {
    return packTables([], [this.automaton.toBytes(), this.edges]);
  }

  /**
   * The phrases (indices into the constructor's patterns) read so far: a superset of those the exact
   * scan can find in any text fed here, so the exact matcher need only hold these. `all` when some
   * text could not be read closely enough to tell (combining marks).
   */
  seenPhrases(): { all: boolean; ids: readonly number[] } {
    return { all: this.unsure, ids: this.seenIds };
  }

  private see(p: number): void {
    if (this.seen[p] === 0) {
      this.seen[p] = 1;
      this.seenIds.push(p);
    }
  }

  private learnCode(c: number): number {
    const u = unitOf(c);
    const column = u >= 0 ? (DENSE_COLUMN[u] ?? 0) : 0;
    let code: number;
    if (u === SKIP || u === DROP) code = CODE_SKIP;
    else if (u === SLOW) code = CODE_SLOW;
    else if (!this.units) code = CODE_SPARSE;
    else if (column !== 0 && this.rows) code = CODE_DENSE + column - 1;
    else code = this.units[u] === 0 ? CODE_RESET : CODE_SPARSE;
    this.codes[c] = code;
    return code;
  }

  memoryEstimateBytes(): number {
    return this.automaton.memoryEstimateBytes() + (this.rows?.byteLength ?? 0) + (this.units?.byteLength ?? 0) + this.codes.byteLength;
  }

  /** The fast path's tables; units learnt before them are learnt again. */
  private buildFastPath(): void {
    this.fastPathBuilt = true;
    if (this.automaton.stateCount <= DENSE_MAX_STATES) this.rows = denseRows(this.automaton);
    this.units = phraseUnits(this.automaton);
    this.codes.fill(CODE_UNKNOWN);
  }

  /**
   * Reads one text node's data from automaton state `state` (0 at the start of a page); returns the
   * state to carry into the next node, plus PREFILTER_HIT and PREFILTER_ODD bits.
   */
  feed(data: string, state: number): number {
    const { root, fail, report, edgeStart, edgeCode, edgeTarget, hashState, hashCode, hashTarget, hashMask } = this.automaton;
    const n = data.length;
    if (!this.fastPathBuilt) {
      this.unitsRead += n;
      if (this.unitsRead > FAST_PATH_AFTER) this.buildFastPath();
    }
    const { codes } = this;
    const rows = this.rows ?? NO_ROWS;
    let s = state & PREFILTER_STATE;
    let flags = 0;
    for (let i = 0; i < n; i++) {
      const c = data.charCodeAt(i);
      let code = codes[c] ?? CODE_UNKNOWN;
      if (code === CODE_UNKNOWN) code = this.learnCode(c);
      if (code >= CODE_DENSE) {
        const entry = rows[s * L_DENSE_WIDTH + code - CODE_DENSE] ?? 0;
        s = entry & L_ROW_STATE;
        if ((entry & L_ROW_REPORTS) !== 0 && this.confirm(data, i, s)) flags |= PREFILTER_HIT;
        continue;
      }
      if (code === CODE_RESET) {
        s = 0;
        continue;
      }
      if (code === CODE_SKIP) continue;
      if (code === CODE_SLOW) {
        const result = this.slow(data, i, s);
        s = result.state;
        flags |= result.flags;
        i = result.next - 1;
        continue;
      }
      const u = L_TABLE[c] ?? 0;
      // Child of s on u, following failure links (the automaton's scan loop, inlined).
      let next = 0;
      for (;;) {
        if (s === 0) {
          next = root[u] ?? 0;
          break;
        }
        let lo = edgeStart[s] ?? 0;
        const hi = edgeStart[s + 1] ?? 0;
        let t = 0;
        if (hi - lo <= LINEAR_LIMIT) {
          for (; lo < hi; lo++) {
            if (edgeCode[lo] === u) {
              t = edgeTarget[lo] ?? 0;
              break;
            }
          }
        } else {
          for (let h = hashOf(s, u) & hashMask; ; h = (h + 1) & hashMask) {
            const hs = hashState[h] ?? -1;
            if (hs === -1) break;
            if (hs === s && hashCode[h] === u) {
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
      if ((report[s] ?? -1) >= 0 && this.confirm(data, i, s)) flags |= PREFILTER_HIT;
    }
    return s | flags;
  }

  /**
   * Whether some phrase ending at `data[end]` in state `s` can also pass the exact scan's word
   * boundaries. Only a letter or digit right next to the phrase in the source (invisible characters
   * aside) rules it out: the normaliser never puts anything between two characters that touch. "ice"
   * in "office" is the case that matters: a weak phrase inside a common word would otherwise make
   * half the blocks of a page candidates. Anything unsure (a phrase that began in an earlier node, a
   * rare character nearby) counts as a hit.
   */
  private confirm(data: string, end: number, s: number): boolean {
    const { report, dict, outFirst, nextSame } = this.automaton;
    let hit = false;
    for (let o = report[s] ?? -1; o >= 0; o = dict[o] ?? -1) {
      for (let p = outFirst[o] ?? -1; p >= 0; p = nextSame[p] ?? -1) {
        if (this.fits(data, end, p)) {
          hit = true;
          this.see(p);
        }
      }
    }
    return hit;
  }

  /** Every phrase ending in state `s`, unchecked (the rare units' path cannot check boundaries). */
  private seeAll(s: number): void {
    const { report, dict, outFirst, nextSame } = this.automaton;
    for (let o = report[s] ?? -1; o >= 0; o = dict[o] ?? -1) {
      for (let p = outFirst[o] ?? -1; p >= 0; p = nextSame[p] ?? -1) this.see(p);
    }
  }

  private fits(data: string, end: number, p: number): boolean {
    const edges = this.edges[p] ?? 0;
    if ((edges & ENDS_WITH_WORD) !== 0 && neighbour(data, end + 1, 1) === WORD) return false;
    if ((edges & STARTS_WITH_WORD) === 0) return true;
    let need = this.automaton.patLen[p] ?? 0;
    let k = end;
    for (; k >= 0; k--) {
      const u = unitAt(data, k);
      if (u === SLOW) return true;
      if (u >= 0 && --need === 0) break;
    }
    return k < 0 || neighbour(data, k - 1, -1) !== WORD;
  }

  /** The rare units: astral characters, expansions ("㎏" → "kg"), combining marks, lone surrogates. */
  private slow(data: string, i: number, state: number): { state: number; flags: number; next: number } {
    const c = data.charCodeAt(i);
    let folded: string;
    let next = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < data.length) {
      const low = data.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        folded = foldAstral(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        next = i + 2;
      } else {
        folded = '\ufffd';
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      folded = '\ufffd';
    } else if ((foldKind(c) & FOLD_MARK_BIT) !== 0) {
      // A mark composes with the character before it, which was already read: leave it to the exact scan.
      this.unsure = true;
      return { state, flags: PREFILTER_ODD, next };
    } else {
      folded = foldedString(c);
    }
    let s = state;
    let flags = 0;
    for (let k = 0; k < folded.length; k++) {
      const raw = folded.charCodeAt(k);
      if (!keep(raw)) continue;
      const u = leetFold(raw);
      let t = this.automaton.step(s, u);
      while (t === 0 && s !== 0) {
        s = this.automaton.fail[s] ?? 0;
        t = this.automaton.step(s, u);
      }
      s = t;
      if ((this.automaton.report[s] ?? -1) >= 0) {
        flags |= PREFILTER_HIT;
        this.seeAll(s);
      }
    }
    return { state: s, flags, next };
  }
}
