import { describe, expect, it, vi } from 'vitest';
import type { StoredPart } from '../../../src/shared/protocol/ui-replies';
import { deferred, part, uuid } from './fixtures';

vi.mock('webextension-polyfill', () => import('./fake-polyfill'));
const { backgroundClientDouble } = await import('../../../src/shared/protocol/ui-client-double');
const { createDraftStore, EvidenceSteps } = await import('../../../src/popup/evidence-steps');
const { captureUnderWay } = await import('../../../src/popup/draft-state');

function setUp(handlers: Parameters<typeof backgroundClientDouble>[0] = {}) {
  const client = backgroundClientDouble({ 'draft/discard': () => ({ removed: 1 }), ...handlers });
  const store = createDraftStore();
  store.dispatch({ type: 'no-tab' });
  const draftId = uuid();
  return { client, store, draftId, steps: new EvidenceSteps(client, store, draftId) };
}

describe('the evidence steps', () => {
  it('discard a full-page shot under way when the child-sexual-abuse category is chosen, as it lands', async () => {
    const shot = deferred<StoredPart>();
    const { client, store, steps, draftId } = setUp({ 'capture/full-page': () => shot.promise });
    const taking = steps.fullPage(7);
    expect(store.get().extrasUnderWay).toEqual(['full-page']);
    steps.chooseCategory('child-sexual-abuse');
    expect(client.callsOf('draft/discard')).toEqual([{ type: 'draft/discard', draftId }]);
    shot.resolve(part());
    await taking;
    expect(store.get().shots).toEqual([]);
    expect(captureUnderWay(store.get())).toBe(false);
  });

  it('discard a snapshot under way the same way', async () => {
    const snapshot = deferred<StoredPart & { mediaType: string }>();
    const { store, steps } = setUp({ 'capture/snapshot': () => snapshot.promise });
    const taking = steps.snapshot(7);
    steps.chooseCategory('child-sexual-abuse');
    snapshot.resolve({ ...part(), mediaType: 'text/html' });
    await taking;
    expect(store.get().snapshot).toBeNull();
  });

  it('discard the first screenshot when the category was chosen while it was being taken', async () => {
    const shot = deferred<StoredPart>();
    const { store, steps } = setUp({ 'capture/visible': () => shot.promise });
    const taking = steps.first(7, null);
    steps.chooseCategory('child-sexual-abuse');
    shot.resolve(part());
    await taking;
    expect(store.get().shots).toEqual([]);
  });

  it('keep a capture that lands when nothing was discarded, asking for it with the draft\'s id', async () => {
    const landed = part();
    const { client, store, steps, draftId } = setUp({ 'capture/full-page': () => landed });
    await steps.fullPage(7);
    expect(client.callsOf('capture/full-page')).toEqual([{ type: 'capture/full-page', tabId: 7, draftId }]);
    expect(store.get()).toMatchObject({ shots: [{ ...landed, variant: 'full-page' }], chosenShot: landed.partId, extrasUnderWay: [] });
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
