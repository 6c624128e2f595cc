import type { PhraseAutomaton } from './automaton';

/**
 * Full transition rows for the units page text is mostly made of: folded Latin letters and digits.
 *
 * On Latin text nearly every character leaves the root, and a mismatch in a deep state walks the
 * failure chain with an edge search at each step: the prefilter spent ~50 ns a letter there. With the
 * failure links resolved into one row per state, a letter is one array read. Only these 36 columns
 * are dense: a row over every unit the phrases use (hundreds of Han characters) would cost tens of
 * megabytes for 5,000 phrases, while Han text mostly reads units that no phrase holds (see
 * `phraseUnits`), which send the automaton straight back to the root.
 */
export const DENSE_WIDTH = 36;

const DENSE_UNITS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Dense column of a folded unit plus one, or 0 for a unit without one. */
export const DENSE_COLUMN = new Uint8Array(0x10000);
for (let k = 0; k < DENSE_UNITS.length; k++) DENSE_COLUMN[DENSE_UNITS.charCodeAt(k)] = k + 1;

/** Set in a row's entry when phrases end in its state: one read gives the next state and whether to look. */
export const ROW_REPORTS = 0x20000000;
export const ROW_STATE = ROW_REPORTS - 1;

/**
 * `rows[s * DENSE_WIDTH + column - 1]`: the state after reading that column's unit in state `s`, with
 * ROW_REPORTS set where phrases end there.
 */
export function denseRows(automaton: PhraseAutomaton): Uint32Array {
  const { root, fail, edgeStart, edgeCode, edgeTarget, report } = automaton;
  const states = automaton.stateCount;
  const rows = new Uint32Array(states * DENSE_WIDTH);
  // Runs on every page load, mostly before the compiler has seen it: few steps, no pass over 64K units.
  const entry = (target: number) => ((report[target] ?? -1) >= 0 ? target | ROW_REPORTS : target);
  for (let k = 0; k < DENSE_UNITS.length; k++) rows[k] = entry(root[DENSE_UNITS.charCodeAt(k)] ?? 0);
  // Breadth first: a state's failure target is shallower, so its row is complete before it is copied.
  const queue = new Uint32Array(states);
  let tail = 0;
  for (let e = edgeStart[0] ?? 0; e < (edgeStart[1] ?? 0); e++) queue[tail++] = edgeTarget[e] ?? 0;
  for (let head = 0; head < tail; head++) {
    const s = queue[head] ?? 0;
    const f = fail[s] ?? 0;
    rows.copyWithin(s * DENSE_WIDTH, f * DENSE_WIDTH, f * DENSE_WIDTH + DENSE_WIDTH);
    for (let e = edgeStart[s] ?? 0; e < (edgeStart[s + 1] ?? 0); e++) {
      const target = edgeTarget[e] ?? 0;
      const column = DENSE_COLUMN[edgeCode[e] ?? 0] ?? 0;
      if (column !== 0) rows[s * DENSE_WIDTH + column - 1] = entry(target);
      queue[tail++] = target;
    }
  }
  return rows;
}

/** 1 for every unit some phrase holds: any other unit sends the automaton back to the root. */
export function phraseUnits(automaton: PhraseAutomaton): Uint8Array {
  const units = new Uint8Array(0x10000);
  const codes = automaton.edgeCode;
  for (let e = 0; e < codes.length; e++) units[codes[e] ?? 0] = 1;
  return units;
}
