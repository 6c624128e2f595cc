/**
 * `PagePrefilter.feed` result bits (prefilter.ts): a phrase ended in this text; this text needs the
 * exact scan anyway. All below 2^30, so that states stay small integers (V8's Smis): a result with
 * bit 30 set was a heap number, and the compiled loop was thrown away the first time a hit came back.
 * A module of their own, so that code reading results does not load the prefilter's tables.
 */
export const PREFILTER_HIT = 0x20000000;
export const PREFILTER_ODD = 0x10000000;
export const PREFILTER_STATE = 0x0fffffff;

/** A result that makes its text a candidate for the exact scan. */
export const PREFILTER_CANDIDATE = PREFILTER_HIT | PREFILTER_ODD;

/**
 * Feeds texts in walk order to a prefilter from `state`: the indices of the texts after which a
 * phrase may end, and the state to carry into the next texts. A state the automaton does not have
 * (sent by a hostile page) starts from the root. After a settings change a state from the previous
 * automaton is only a wrong start: at worst a phrase split by markup at that one batch edge is
 * missed, or a block is a candidate for nothing.
 */
export function prefilterCandidates(
  prefilter: { feed(data: string, state: number): number; readonly stateCount: number },
  texts: readonly string[],
  state: number,
): { state: number; candidates: number[] } {
  const candidates: number[] = [];
  let carried = state < prefilter.stateCount ? state : 0;
  for (let index = 0; index < texts.length; index++) {
    carried = prefilter.feed(texts[index] as string, carried);
    if ((carried & PREFILTER_CANDIDATE) !== 0) candidates.push(index);
  }
  return { state: carried & PREFILTER_STATE, candidates };
}
