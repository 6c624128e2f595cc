import { describe, expect, it } from 'vitest';
import { captureUnderWay, draftMatches, draftReducer, holdsUnstored, initialDraftState, partIdsToSend, toKeep, type DraftAction, type DraftState } from '../../../src/popup/draft-state';
import type { Shot } from '../../../src/popup/evidence-preview';
import { part } from './fixtures';

const shot = (variant: Shot['variant'], stored = true): Shot => ({ ...part(variant), stored });
const run = (actions: DraftAction[], state: DraftState = initialDraftState()) => actions.reduce(draftReducer, state);

describe('the draft state', () => {
  it('starts with no category, and holds a capture unstored until one other than child sexual abuse is known', () => {
    expect(initialDraftState().category).toBeNull();
    const held = shot('visible', false);
    const landed = run([{ type: 'first-capture-ended', generation: 0, shots: [held], error: null }]);
    expect(holdsUnstored(landed)).toBe(true);
    expect(toKeep(landed)).toEqual([]);
    expect(partIdsToSend({ ...landed, category: 'jammers' })).toEqual([]);
    expect(toKeep(draftReducer(landed, { type: 'category-chosen', category: 'child-sexual-abuse' }))).toEqual([]);
    const chosen = draftReducer(landed, { type: 'category-chosen', category: 'jammers' });
    expect(toKeep(chosen)).toEqual([held]);
    const stored = draftReducer(chosen, { type: 'kept', generation: 0, partIds: [held.partId] });
    expect(toKeep(stored)).toEqual([]);
    expect(partIdsToSend(stored)).toEqual([held.partId]);
    // A keep answered after a discard changes nothing.
    expect(draftReducer({ ...chosen, generation: 1 }, { type: 'kept', generation: 0, partIds: [held.partId] }).shots[0]?.stored).toBe(false);
  });

  it('takes the suggested category as known: what is held may then be stored', () => {
    const held = shot('visible', false);
    const state = run([{ type: 'first-capture-ended', generation: 0, shots: [held], error: null }, { type: 'suggested', category: 'drugs-precursors' }]);
    expect(toKeep(state)).toEqual([held]);
  });

  it('as URL-only: child sexual abuse, nothing held, and no capture to wait for', () => {
    const state = run([{ type: 'first-capture-ended', generation: 0, shots: [shot('visible', false)], error: null }, { type: 'url-only' }]);
    expect(state).toMatchObject({ category: 'child-sexual-abuse', shots: [], capturing: false, generation: 1 });
    expect(run([{ type: 'url-only' }]).capturing).toBe(false);
  });

  it('drops every piece of evidence when the child-sexual-abuse category is chosen, and sends none', () => {
    const visible = shot('visible');
    const snapshot = { ...part('dom'), stored: true };
    const before = run([
      { type: 'prepared', listing: { text: 'guns' }, matches: [{ phrase: 'x', category: 'jammers', count: 1 }] },
      { type: 'first-capture-ended', generation: 0, shots: [visible], error: null },
      { type: 'snapshot-landed', generation: 0, snapshot },
    ]);
    expect(partIdsToSend(before)).toEqual([visible.partId, snapshot.partId]);
    const after = draftReducer(before, { type: 'category-chosen', category: 'child-sexual-abuse' });
    expect(after).toMatchObject({ generation: 1, shots: [], chosenShot: null, listing: undefined, snapshot: null });
    expect(partIdsToSend(after)).toEqual([]);
    expect(draftMatches(after, [{ phrase: 'y', category: 'drugs-precursors', count: 2 }])).toEqual([]);
  });

  it('ignores a capture that lands under an older generation, but no longer counts it as under way', () => {
    const started = run([{ type: 'no-tab' }, { type: 'capture-started', kind: 'full-page' }]);
    const generation = started.generation;
    const discarded = draftReducer(started, { type: 'category-chosen', category: 'child-sexual-abuse' });
    expect(captureUnderWay(discarded)).toBe(true);
    const landed = run(
      [
        { type: 'shot-landed', generation, shot: shot('full-page') },
        { type: 'capture-failed', generation, error: 'late' },
        { type: 'capture-ended', kind: 'full-page' },
      ],
      discarded,
    );
    expect(landed.shots).toEqual([]);
    expect(landed.captureError).toBeNull();
    expect(captureUnderWay(landed)).toBe(false);
    // Back to a category that allows evidence: the late capture does not come back with it.
    expect(partIdsToSend(draftReducer(landed, { type: 'category-chosen', category: 'jammers' }))).toEqual([]);
  });

  it('drops the first screenshot too when it lands after a discard', () => {
    const discarded = run([{ type: 'category-chosen', category: 'child-sexual-abuse' }]);
    const landed = draftReducer(discarded, { type: 'first-capture-ended', generation: 0, shots: [shot('visible')], error: null });
    expect(landed.shots).toEqual([]);
    expect(landed.capturing).toBe(false);
  });

  it('counts each full-page shot and snapshot under way, so one ending does not free the submit while the other runs', () => {
    const both = run([{ type: 'no-tab' }, { type: 'capture-started', kind: 'full-page' }, { type: 'capture-started', kind: 'snapshot' }]);
    const oneLeft = draftReducer(both, { type: 'capture-ended', kind: 'snapshot' });
    expect(oneLeft.extrasUnderWay).toEqual(['full-page']);
    expect(captureUnderWay(oneLeft)).toBe(true);
    expect(captureUnderWay(draftReducer(oneLeft, { type: 'capture-ended', kind: 'full-page' }))).toBe(false);
  });

  it('takes the page\'s suggested category until the reporter chooses one, and asks to opt in for pornography', () => {
    expect(run([{ type: 'suggested', category: 'jammers' }]).category).toBe('jammers');
    expect(run([{ type: 'category-chosen', category: 'drugs-precursors' }, { type: 'suggested', category: 'jammers' }]).category).toBe('drugs-precursors');
    const optIn = run([{ type: 'category-chosen', category: 'drugs-precursors' }, { type: 'suggested', category: 'pornography' }]);
    expect(optIn).toMatchObject({ category: 'drugs-precursors', includeScreenshot: false });
  });

  it('offers a new visible screenshot unticked under an opt-in category, replacing the old one', () => {
    const first = shot('visible');
    const again = shot('visible');
    const state = run([
      { type: 'first-capture-ended', generation: 0, shots: [first], error: null },
      { type: 'category-chosen', category: 'pornography' },
      { type: 'included', part: 'screenshot', included: true },
      { type: 'shot-landed', generation: 0, shot: again },
    ]);
    expect(state.shots).toEqual([again]);
    expect(state.chosenShot).toBe(again.partId);
    expect(state.includeScreenshot).toBe(false);
  });
});
