/**
 * Reporters may add their own phrases as regular expressions. A backtracking engine runs them on every
 * block of every page, so a pattern that can run away — a quantified group that itself holds a
 * quantifier or an alternation, as in `(a+)+`, `(a|a)*` or `(.*a){20}` — would freeze pages; such
 * patterns are refused, as are back-references, patterns that match the empty string (they would
 * match everywhere) and long ones.
 */

export const MAX_REGEX_LENGTH = 200;
/**
 * Each open-ended repetition multiplies the work of a failing match by the length of text it can
 * cover: `.*.*.*x` took 1.4 s on 300 characters and over a minute on 1,000. One is allowed (and the
 * text is matched in windows, regex-phrases.ts); a bounded one over 10 counts as open-ended, and the
 * ranges of the bounded ones may not multiply past MAX_BOUNDED_PRODUCT (`\d{1,50}` five times: 33 s).
 */
const MAX_UNBOUNDED = 1;
const WIDE_BOUND = 10;
const MAX_BOUNDED_PRODUCT = 10_000;

export type RegexProblem = 'too-long' | 'syntax' | 'nested-quantifier' | 'backreference' | 'too-many-quantifiers' | 'empty-match';

export type RegexCheck = { ok: true; regex: RegExp } | { ok: false; problem: RegexProblem; detail?: string };

/** The flags every custom regular expression runs with: all matches, any case, Unicode. */
export const CUSTOM_REGEX_FLAGS = 'giu';

export function checkRegex(source: string): RegexCheck {
  if (source.length === 0 || source.length > MAX_REGEX_LENGTH) return { ok: false, problem: 'too-long' };
  let regex: RegExp;
  try {
    regex = new RegExp(source, CUSTOM_REGEX_FLAGS);
  } catch (error) {
    return { ok: false, problem: 'syntax', detail: error instanceof Error ? error.message : String(error) };
  }
  const shape = shapeOf(source);
  if (shape.backreference) return { ok: false, problem: 'backreference' };
  if (shape.nested) return { ok: false, problem: 'nested-quantifier' };
  if (shape.unbounded > MAX_UNBOUNDED || shape.boundedProduct > MAX_BOUNDED_PRODUCT) return { ok: false, problem: 'too-many-quantifiers' };
  regex.lastIndex = 0;
  if (regex.test('')) return { ok: false, problem: 'empty-match' };
  regex.lastIndex = 0;
  return { ok: true, regex };
}

interface Group {
  /** A quantifier or an alternation inside: repeating the group could then backtrack exponentially. */
  risky: boolean;
}

/** One pass over a syntactically valid pattern: groups, quantifiers, escapes and classes. */
function shapeOf(source: string): { nested: boolean; backreference: boolean; unbounded: number; boundedProduct: number } {
  const stack: Group[] = [{ risky: false }];
  let nested = false;
  let backreference = false;
  let unbounded = 0;
  let boundedProduct = 1;
  /** What the last atom was: a closed group (and whether it was risky), or anything else. */
  let lastGroup: Group | null = null;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    const top = stack[stack.length - 1] as Group;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) backreference = true;
      i++;
      lastGroup = null;
      continue;
    }
    if (ch === '[') {
      // A class is one atom: skip to its closing bracket (escapes inside included).
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      lastGroup = null;
      continue;
    }
    if (ch === '(') {
      stack.push({ risky: false });
      // Skip the group's prefix: (?: (?= (?! (?<= (?<! (?<name>
      if (source[i + 1] === '?') {
        i++;
        if (source[i + 1] === '<' && source[i + 2] !== '=' && source[i + 2] !== '!') {
          const close = source.indexOf('>', i);
          if (close > 0) i = close;
        } else {
          i++;
          if (source[i] === '<') i++;
        }
      }
      lastGroup = null;
      continue;
    }
    if (ch === ')') {
      const closed = stack.length > 1 ? (stack.pop() as Group) : { risky: false };
      const parent = stack[stack.length - 1] as Group;
      if (closed.risky) parent.risky = true;
      lastGroup = closed;
      continue;
    }
    if (ch === '|') {
      top.risky = true;
      lastGroup = null;
      continue;
    }
    const quantifier = quantifierAt(source, i);
    if (quantifier) {
      if (quantifier.unbounded || quantifier.max > WIDE_BOUND) unbounded++;
      else if (quantifier.repeats) boundedProduct *= quantifier.max + 1;
      if (quantifier.repeats && lastGroup?.risky) nested = true;
      top.risky = true;
      i = quantifier.end - 1;
      // A lazy or possessive marker belongs to the quantifier.
      if (source[i + 1] === '?') i++;
      lastGroup = null;
      continue;
    }
    lastGroup = null;
  }
  return { nested, backreference, unbounded, boundedProduct };
}

/** A quantifier at `i`: whether it can repeat more than once, and whether it has no upper bound. */
function quantifierAt(source: string, i: number): { end: number; repeats: boolean; unbounded: boolean; max: number } | null {
  const ch = source[i];
  if (ch === '*' || ch === '+') return { end: i + 1, repeats: true, unbounded: true, max: Infinity };
  if (ch === '?') return { end: i + 1, repeats: false, unbounded: false, max: 1 };
  if (ch === '{') {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!match) return null;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    return { end: i + match[0].length, repeats: max > 1, unbounded: max === Infinity, max };
  }
  return null;
}
