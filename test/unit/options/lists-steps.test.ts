import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../../src/shared/settings';
import type { StoredLists } from '../../../src/shared/phrase-subscriptions';

vi.mock('webextension-polyfill', () => import('../popup/fake-polyfill'));
const { backgroundClientDouble } = await import('../../../src/shared/protocol/ui-client-double');
const { addList, loadLists, refreshLists, withSubscription } = await import('../../../src/options/lists-steps');

const A = 'https://lists.example.org/a.json';
const B = 'https://lists.example.org/b.json';
const at = '2025-01-02T03:04:05.000Z';

/** Records what a step shows, in order. */
function view() {
  const seen: unknown[] = [];
  return {
    seen,
    lists: (next: StoredLists) => void seen.push({ lists: Object.keys(next) }),
    status: (message: { text: string; error: boolean }) => void seen.push(message),
    busy: (on: boolean) => void seen.push({ busy: on }),
    added: () => void seen.push('added'),
  };
}

describe('the lists section', () => {
  it('refresh: busy, fetching, the lists, then how many failed', async () => {
    const client = backgroundClientDouble({
      'lists/refresh': () => ({ [A]: { entries: [], lastAttemptAt: at }, [B]: { entries: [], lastAttemptAt: at, lastError: { code: 'timeout', detail: '' } } }),
    });
    const shown = view();
    await refreshLists(client, shown);
    expect(shown.seen).toEqual([{ busy: true }, { text: 'listFetching', error: false }, { lists: [A, B] }, { text: 'listsRefreshedFailures(1)', error: true }, { busy: false }]);
    expect(client.callsOf('lists/refresh')).toEqual([{ type: 'lists/refresh' }]);
  });

  it('refresh: all fetched', async () => {
    const shown = view();
    await refreshLists(backgroundClientDouble({ 'lists/refresh': () => ({ [A]: { entries: [], lastAttemptAt: at } }) }), shown);
    expect(shown.seen.at(-2)).toEqual({ text: 'listsRefreshed', error: false });
  });

  it('refresh: a failure of the background is shown, and the button comes back', async () => {
    const shown = view();
    await refreshLists(backgroundClientDouble({ 'lists/refresh': () => { throw new Error('error_offline'); } }), shown);
    expect(shown.seen.slice(-2)).toEqual([{ text: 'Error: error_offline', error: true }, { busy: false }]);
  });

  it('add: saves the subscription, then says what the fetch gave', async () => {
    const onSave = vi.fn(async (_next: Settings) => undefined);
    const client = backgroundClientDouble({ 'lists/status': () => ({ [A]: { name: 'Guns', entries: [], lastAttemptAt: at } }) });
    const shown = view();
    await addList(client, { settings: defaultSettings(), url: ` ${A} `, onSave }, shown);
    expect(onSave.mock.calls[0]?.[0].subscriptions).toEqual([{ url: A, enabled: true }]);
    expect(shown.seen).toContainEqual({ text: 'listAdded(Guns)', error: false });
    expect(shown.seen.slice(-2)).toEqual(['added', { busy: false }]);
  });

  it('add: refuses a list already subscribed, or a URL it may not fetch, without saving', async () => {
    const onSave = vi.fn(async (_next: Settings) => undefined);
    const settings = { ...defaultSettings(), subscriptions: [{ url: A, enabled: true }] };
    const shown = view();
    await addList(backgroundClientDouble(), { settings, url: A, onSave }, shown);
    await addList(backgroundClientDouble(), { settings, url: 'http://lists.example.org/x.json', onSave }, shown);
    expect(shown.seen).toEqual([{ text: 'listAlready', error: true }, { text: 'listUrlInvalid', error: true }]);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('load: a failure to ask is said in the status line', async () => {
    const shown = view();
    await loadLists(backgroundClientDouble(), shown);
    expect(shown.seen).toEqual([{ text: 'Error: error_no_answer', error: true }]);
  });

  it('switches a subscription off, or removes it, leaving the others', () => {
    const settings = { ...defaultSettings(), subscriptions: [{ url: A, enabled: true }, { url: B, enabled: true }] };
    expect(withSubscription(settings, A, { enabled: false }).subscriptions).toEqual([{ url: A, enabled: false }, { url: B, enabled: true }]);
    expect(withSubscription(settings, A, { remove: true }).subscriptions).toEqual([{ url: B, enabled: true }]);
  });
});
