import { describe, expect, it, vi } from 'vitest';
import { draftReducer, initialDraftState } from '../../../src/popup/draft-state';
import { part, reportView, tabContext, uuid } from './fixtures';

vi.mock('webextension-polyfill', () => import('./fake-polyfill'));
const { backgroundClientDouble } = await import('../../../src/shared/protocol/ui-client-double');
const { draftToSubmit, submitBlocked, submitReport } = await import('../../../src/popup/submit-step');

const fields = { note: 'n', includeContact: false, contact: '' };
const captured = draftReducer(initialDraftState(), { type: 'first-capture-ended', generation: 0, shots: [{ ...part(), variant: 'visible' }], error: null });

describe('the submit step', () => {
  it('is blocked without a page, during a send, and while a capture is under way', () => {
    const context = tabContext();
    expect(submitBlocked({ context: null, sending: false, draft: captured })).toBe('no-page');
    expect(submitBlocked({ context, sending: true, draft: captured })).toBe('sending');
    expect(submitBlocked({ context, sending: false, draft: initialDraftState() })).toBe('capturing');
    expect(submitBlocked({ context, sending: false, draft: draftReducer(captured, { type: 'capture-started', kind: 'snapshot' }) })).toBe('capturing');
    expect(submitBlocked({ context, sending: false, draft: captured })).toBeNull();
  });

  it('leaves out the listing and screenshot the reporter unticked', () => {
    const withListing = draftReducer(captured, { type: 'prepared', listing: { text: 'x' }, matches: [] });
    const unticked = [
      { type: 'included', part: 'listing', included: false },
      { type: 'included', part: 'screenshot', included: false },
    ] as const;
    const draft = unticked.reduce(draftReducer, withListing);
    const sent = draftToSubmit({ draftId: uuid(), tabId: 7, context: tabContext(), fields, draft });
    expect(sent.listing).toBeUndefined();
    expect(sent.partIds).toEqual([]);
    expect(draftToSubmit({ draftId: uuid(), tabId: 7, context: tabContext(), fields, draft: withListing }).listing).toEqual({ text: 'x' });
  });

  it('turns a refusal into the sentence the form shows, and a stored report into the record', async () => {
    const client = backgroundClientDouble({ 'report/submit': () => { throw new Error('error_evidence_gone'); } });
    const draft = draftToSubmit({ draftId: uuid(), tabId: 7, context: tabContext(), fields, draft: captured });
    expect(await submitReport(client, draft)).toEqual({ ok: false, error: 'error_submit(error_evidence_gone)' });
    client.handle('report/submit', (message) => reportView(message.draft, { status: 'queued' }));
    const outcome = await submitReport(client, draft);
    expect(outcome.ok && outcome.record.status).toBe('queued');
  });
});
