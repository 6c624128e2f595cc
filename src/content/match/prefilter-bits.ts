/**
 * `PagePrefilter.feed` result bits (prefilter.ts): a phrase ended in this text; this text needs the
 * exact scan anyway. All below 2^30, so that states stay small integers (V8's Smis): a result with
 * bit 30 set was a heap number, and the compiled loop was thrown away the first time a hit came back.
 * A module of their own, so that code reading results does not load the prefilter's tables.
 */
export const PREFILTER_HIT = 0x20000000;
export const PREFILTER_ODD = 0x10000000;
export const PREFILTER_STATE = 0x0fffffff;
