import { describe, expect, it, vi } from 'vitest';
import { draftReducer, initialDraftState, type DraftAction, type DraftState } from '../../../src/popup/draft-state';
import { part, reportView, tabContext, uuid } from './fixtures';

vi.mock('webextension-polyfill', () => import('./fake-polyfill'));
const { backgroundClientDouble } = await import('../../../src/shared/protocol/ui-client-double');
const { draftToSubmit, submitBlocked, submitReport } = await import('../../../src/popup/submit-step');

const fields = { note: 'n', includeContact: false, contact: '' };
const captured = [
  { type: 'first-capture-ended', generation: 0, shots: [{ ...part(), stored: false }], error: null },
  { type: 'category-chosen', category: 'firearms-explosives' },
] as const satisfies readonly DraftAction[];
const capturedState = captured.reduce<DraftState>(draftReducer, initialDraftState());
const chosen = (draft: DraftState) => ({ ...draft, category: draft.category ?? 'other' });

describe('the submit step', () => {
  it('is blocked without a page, during a send, and while a capture is under way', () => {
    const context = tabContext();
    expect(submitBlocked({ context: null, sending: false, draft: capturedState })).toBe('no-page');
    expect(submitBlocked({ context, sending: true, draft: capturedState })).toBe('sending');
    expect(submitBlocked({ context, sending: false, draft: initialDraftState() })).toBe('capturing');
    expect(submitBlocked({ context, sending: false, draft: draftReducer(capturedState, { type: 'capture-started', kind: 'snapshot' }) })).toBe('capturing');
    expect(submitBlocked({ context, sending: false, draft: draftReducer(capturedState, { type: 'keep-started' }) })).toBe('capturing');
    expect(submitBlocked({ context, sending: false, draft: capturedState })).toBeNull();
  });

  it('leaves out the listing and screenshot the reporter unticked', () => {
    const withListing = draftReducer(capturedState, { type: 'prepared', listing: { text: 'x' }, matches: [] });
    const unticked = [
      { type: 'included', part: 'listing', included: false },
      { type: 'included', part: 'screenshot', included: false },
    ] as const;
    const draft = unticked.reduce(draftReducer, withListing);
    const sent = draftToSubmit({ draftId: uuid(), tabId: 7, context: tabContext(), fields, draft: chosen(draft) });
    expect(sent.listing).toBeUndefined();
    expect(sent.partIds).toEqual([]);
    expect(draftToSubmit({ draftId: uuid(), tabId: 7, context: tabContext(), fields, draft: chosen(withListing) }).listing).toEqual({ text: 'x' });
  });

  it('sends the page\'s address alone for child sexual abuse: no title, no evidence, no matches', () => {
    const draft = draftReducer(capturedState, { type: 'category-chosen', category: 'child-sexual-abuse' });
    const sent = draftToSubmit({ draftId: uuid(), tabId: 7, context: tabContext(), fields, draft: chosen(draft) });
    expect(sent).toMatchObject({ category: 'child-sexual-abuse', page: { url: 'https://shop.example/item/1', title: '' }, matches: [], partIds: [] });
  });

  it('turns a refusal into the sentence the form shows, and a stored report into the record', async () => {
    const client = backgroundClientDouble({ 'report/submit': () => { throw new Error('error_evidence_gone'); } });
    const draft = draftToSubmit({ draftId: uuid(), tabId: 7, context: tabContext(), fields, draft: chosen(capturedState) });
    expect(await submitReport(client, draft)).toEqual({ ok: false, error: 'error_submit(error_evidence_gone)' });
    client.handle('report/submit', (message) => reportView(message.draft, { status: 'queued' }));
    const outcome = await submitReport(client, draft);
    expect(outcome.ok && outcome.record.status).toBe('queued');
  });
});
