import { describe, expect, it } from 'vitest';
import { checkRegex, MAX_REGEX_LENGTH } from '../../../src/shared/regex-safety';

const problem = (source: string) => {
  const result = checkRegex(source);
  return result.ok ? null : result.problem;
};

describe('checkRegex', () => {
  it('accepts the patterns reporters write', () => {
    for (const source of ['fake\\s+pass(port)?s?', '出售.{0,3}枪', '\\bak-?47\\b', 'glock\\s*(17|19)', '[0-9]{3}-[0-9]{4}', '(?:cvv|fullz)\\b', 'w(?:eed|eeds)']) {
      expect(problem(source), source).toBeNull();
    }
  });

  it('refuses nested quantifiers and quantified alternations that can run away', () => {
    for (const source of ['(a+)+', '(a*)*', '(a|a)*', '(.*a){20}', '(?:x+y?)+', '((ab)+c)*', '(a|b|ab)+z', '(\\w+\\s?)*$']) {
      expect(problem(source), source).toBe('nested-quantifier');
    }
  });

  it('allows a quantifier on a group that repeats at most once', () => {
    expect(problem('(a+)?b')).toBeNull();
    expect(problem('(ab|cd){1}x')).toBeNull();
  });

  it('refuses back-references, syntax errors, empty matches, long patterns and too many unbounded quantifiers', () => {
    expect(problem('(a)\\1')).toBe('backreference');
    expect(problem('(?<x>a)\\k<x>')).toBe('backreference');
    expect(problem('(unclosed')).toBe('syntax');
    expect(problem('[z-a]')).toBe('syntax');
    expect(problem('a*')).toBe('empty-match');
    expect(problem('x?|y?')).toBe('empty-match');
    expect(problem('a'.repeat(MAX_REGEX_LENGTH + 1))).toBe('too-long');
    expect(problem('')).toBe('too-long');
    expect(problem('a.*b.*c.*d.*e')).toBe('too-many-quantifiers');
    // Polynomial on a failing match: 1.4 s on 300 characters, over a minute on 800, 33 s on 120 digits.
    expect(problem('.*.*.*x')).toBe('too-many-quantifiers');
    expect(problem('[a-z]+[a-z]+[a-z]+\\d')).toBe('too-many-quantifiers');
    expect(problem('\\d{1,50}\\d{1,50}\\d{1,50}\\d{1,50}\\d{1,50}\\$')).toBe('too-many-quantifiers');
    expect(problem('\\d{0,9}\\d{0,9}\\d{0,9}\\d{0,9}\\d{0,9}x')).toBe('too-many-quantifiers');
  });

  it('does not take escaped or bracketed characters for structure', () => {
    expect(problem('\\(a+\\){2}')).toBeNull();
    expect(problem('[(|)]+x')).toBeNull();
  });

  it('returns a compiled expression with all-match, any-case, Unicode flags', () => {
    const result = checkRegex('Glock');
    expect(result.ok && result.regex.flags).toBe('giu');
  });
});
