import { describe, expect, it, vi } from 'vitest';
import type { HeldCapture } from '../../../src/shared/protocol/messages';
import { deferred, kept, part, uuid } from './fixtures';

vi.mock('webextension-polyfill', () => import('./fake-polyfill'));
const { backgroundClientDouble } = await import('../../../src/shared/protocol/ui-client-double');
const { createDraftStore, EvidenceSteps } = await import('../../../src/popup/evidence-steps');
const { captureUnderWay, partIdsToSend } = await import('../../../src/popup/draft-state');

function setUp(handlers: Parameters<typeof backgroundClientDouble>[0] = {}) {
  const client = backgroundClientDouble({ 'draft/discard': () => ({ removed: 1 }), 'draft/keep': kept, ...handlers });
  const store = createDraftStore();
  store.dispatch({ type: 'no-tab' });
  const draftId = uuid();
  return { client, store, draftId, steps: new EvidenceSteps(client, store, draftId) };
}

/** Lets the keep the store's subscription started come back. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the evidence steps', () => {
  it('discard a full-page shot under way when the child-sexual-abuse category is chosen, as it lands', async () => {
    const shot = deferred<HeldCapture>();
    const { client, store, steps, draftId } = setUp({ 'capture/full-page': () => shot.promise });
    const taking = steps.fullPage(7);
    expect(store.get().extrasUnderWay).toEqual(['full-page']);
    steps.chooseCategory('child-sexual-abuse');
    expect(client.callsOf('draft/discard')).toEqual([{ type: 'draft/discard', draftId }]);
    shot.resolve(part('full-page'));
    await taking;
    expect(store.get().shots).toEqual([]);
    expect(captureUnderWay(store.get())).toBe(false);
    expect(client.callsOf('draft/keep')).toEqual([]);
  });

  it('discard a snapshot under way the same way', async () => {
    const snapshot = deferred<HeldCapture>();
    const { store, steps } = setUp({ 'capture/snapshot': () => snapshot.promise });
    const taking = steps.snapshot(7);
    steps.chooseCategory('child-sexual-abuse');
    snapshot.resolve(part('dom'));
    await taking;
    expect(store.get().snapshot).toBeNull();
  });

  it('discard the first screenshot when the category was chosen while it was being taken', async () => {
    const shot = deferred<HeldCapture>();
    const { store, steps } = setUp({ 'capture/visible': () => shot.promise });
    const taking = steps.first(7, null);
    steps.chooseCategory('child-sexual-abuse');
    shot.resolve(part());
    await taking;
    expect(store.get().shots).toEqual([]);
  });

  it('take no first screenshot when child sexual abuse was chosen before the form knew its tab', async () => {
    const { client, store, steps } = setUp();
    steps.urlOnly();
    await steps.first(7, null);
    expect(client.callsOf('capture/visible')).toEqual([]);
    expect(store.get()).toMatchObject({ category: 'child-sexual-abuse', shots: [], capturing: false });
    const other = setUp();
    other.steps.chooseCategory('child-sexual-abuse');
    await other.steps.first(7, { draftId: other.draftId, tabId: 7, matches: [], parts: [part('listing')] });
    expect(other.store.get().shots).toEqual([]);
  });

  it('hold a capture in memory while no category is known, and ask to store it only once one other than child sexual abuse is', async () => {
    const landed = part('full-page');
    const { client, store, steps, draftId } = setUp({ 'capture/full-page': () => landed });
    await steps.fullPage(7);
    expect(client.callsOf('capture/full-page')).toEqual([{ type: 'capture/full-page', tabId: 7 }]);
    expect(store.get()).toMatchObject({ shots: [{ ...landed, stored: false }], chosenShot: landed.partId, extrasUnderWay: [] });
    await settle();
    expect(client.callsOf('draft/keep')).toEqual([]);
    expect(partIdsToSend({ ...store.get(), category: 'jammers' })).toEqual([]);

    steps.chooseCategory('jammers');
    expect(captureUnderWay(store.get())).toBe(true);
    await settle();
    expect(client.callsOf('draft/keep')).toEqual([{ type: 'draft/keep', draftId, category: 'jammers', parts: [landed] }]);
    expect(store.get().shots).toEqual([{ ...landed, stored: true }]);
    expect(captureUnderWay(store.get())).toBe(false);
    expect(partIdsToSend(store.get())).toEqual([landed.partId]);
    // Another category later does not store it again.
    steps.chooseCategory('drugs-precursors');
    await settle();
    expect(client.callsOf('draft/keep')).toHaveLength(1);
  });

  it('store a capture at once when it lands under a known category', async () => {
    const landed = part();
    const { client, store, steps } = setUp({ 'capture/visible': () => landed });
    steps.chooseCategory('drugs-precursors');
    await steps.visible(7);
    await settle();
    expect(client.callsOf('draft/keep').map((m) => m.parts.map((p) => p.partId))).toEqual([[landed.partId]]);
    expect(store.get().shots[0]?.stored).toBe(true);
  });

  it('say why a capture could not be stored, and send it not', async () => {
    const { client, store, steps } = setUp({ 'capture/visible': () => part(), 'draft/keep': () => { throw new Error('error_disk_full'); } });
    steps.chooseCategory('jammers');
    await steps.visible(7);
    await settle();
    expect(client.callsOf('draft/keep')).toHaveLength(1);
    expect(store.get().captureError).toBe('error_disk_full');
    expect(partIdsToSend(store.get())).toEqual([]);
    expect(captureUnderWay(store.get())).toBe(false);
  });

  it('take nothing for a URL-only draft, and from the form\'s URL-only button drop what is held and store nothing', async () => {
    const { client, store, steps, draftId } = setUp({ 'capture/visible': () => part() });
    await steps.first(7, { draftId, tabId: 7, matches: [], parts: [], urlOnly: true });
    expect(client.callsOf('capture/visible')).toEqual([]);
    expect(store.get()).toMatchObject({ category: 'child-sexual-abuse', capturing: false, shots: [] });

    const other = setUp({ 'capture/visible': () => part() });
    await other.steps.first(7, null);
    expect(other.store.get().shots).toHaveLength(1);
    other.steps.urlOnly();
    await settle();
    expect(other.store.get()).toMatchObject({ category: 'child-sexual-abuse', shots: [], chosenShot: null });
    expect(other.client.callsOf('draft/discard')).toEqual([{ type: 'draft/discard', draftId: other.draftId }]);
    expect(other.client.callsOf('draft/keep')).toEqual([]);
    expect(other.client.callsOf('capture/visible')).toHaveLength(1);
  });

  it('say why a capture failed, and a snapshot\'s failure in its own sentence', async () => {
    const { store, steps } = setUp({
      'capture/full-page': () => { throw new Error('error_page_too_tall'); },
      'capture/snapshot': () => { throw new Error('Some raw failure'); },
    });
    await steps.fullPage(7);
    expect(store.get().captureError).toBe('error_page_too_tall');
    await steps.snapshot(7);
    expect(store.get().captureError).toBe('error_snapshot(Some raw failure)');
  });

  it('discard nothing for a category that allows evidence', () => {
    const { client, steps } = setUp();
    steps.chooseCategory('pornography');
    expect(client.callsOf('draft/discard')).toEqual([]);
  });
});
