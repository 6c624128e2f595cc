import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser';
import { freshDatabase } from './fresh-database';

/*
 * Right after a browser start Chromium takes seconds to answer the first `storage.managed` read. The
 * extension's pages are answered under the policy the worker kept from its last read (or at once under
 * none when none is kept: src/background/ui-policy.ts); saving and delivering wait for the
 * browser's own policy; one that differs from the kept one is kept for the next start and treated as
 * a change of policy.
 */

const ORIGIN = 'chrome-extension://test-extension/';
const fake = fakeBrowser();

/** The browser's policy, as read by the current worker: unanswered until a test answers it, as right after a browser start. */
let answerPolicy: (value: unknown) => void = () => undefined;
let browserPolicy: Promise<unknown> = Promise.resolve({});
const managedGet = vi.fn(() => browserPolicy);
const browser = {
  ...fake,
  runtime: { ...fake.runtime, getURL: (path: string) => `${ORIGIN}${path}` },
  storage: { ...fake.storage, managed: { get: managedGet } },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));

const fromOptions = { id: 'test-extension', url: `${ORIGIN}options/index.html` };
const POLICY_URL = 'https://tips.example.org/policy-inbox';
const OTHER_URL = 'https://reports.example.net/inbox';
const LIST = 'https://lists.example.org/policy.json';

/** A worker's start: its modules fresh, nothing read from the browser yet. */
async function startWorker() {
  vi.resetModules();
  managedGet.mockClear();
  browserPolicy = new Promise((resolve) => (answerPolicy = resolve));
  const router = await import('../../../src/background/router');
  const policy = await import('../../../src/background/ui-policy');
  const store = await import('../../../src/background/settings-store');
  const kept = await import('../../../src/store/policy-store');
  const ask = async <T>(message: unknown) => {
    const reply = (await router.routeMessage(message, fromOptions)) as { ok: boolean; data: T; error?: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  };
  return { ...policy, ...store, ...kept, ask };
}

type Shown = { endpoint: { url: string; token?: string } | null; subscriptions: { url: string }[]; highlight: { enabled: boolean } };

/** Whether `promise` has settled once every pending callback and the database's work have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

beforeEach(async () => {
  await freshDatabase();
  fake._storage.clear();
});

describe('the pages are answered before the browser has read its policy', () => {
  it('answers with no policy at once when none is kept, and keeps the browser’s once read', async () => {
    const worker = await startWorker();
    // A page is not made to wait for a timer (issue 19: the first answer within 100 ms of the worker's
    // start); the database's own scheduling uses no delay.
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const [settings, locked] = await Promise.all([worker.ask<Shown>({ type: 'settings/get' }), worker.ask<string[]>({ type: 'settings/locked' })]);
    expect(timers.mock.calls.filter(([, delay]) => (delay ?? 0) > 0)).toEqual([]);
    timers.mockRestore();
    expect(await settled(worker.readManaged())).toBe(false);
    expect(settings.endpoint).toBeNull();
    expect(locked).toEqual([]);
    expect(managedGet).toHaveBeenCalledTimes(1);

    const kept = worker.keepLivePolicy();
    answerPolicy({ endpointUrl: POLICY_URL });
    // Nothing was kept before: this is the first read, not a change.
    expect(await kept).toEqual([]);
    expect(await worker.readKeptPolicy()).toEqual({ value: { endpointUrl: POLICY_URL } });
  });

  it('answers under the kept policy at once, without waiting for the browser', async () => {
    const first = await startWorker();
    const keeping = first.keepLivePolicy();
    answerPolicy({ endpointUrl: POLICY_URL, highlightEnabled: false });
    await keeping;

    const worker = await startWorker();
    const settings = await worker.ask<Shown>({ type: 'settings/get' });
    const locked = await worker.ask<string[]>({ type: 'settings/locked' });
    expect(settings.endpoint).toEqual({ url: POLICY_URL });
    expect(settings.highlight.enabled).toBe(false);
    expect(locked).toEqual(['endpoint', 'highlight.enabled']);
    // The browser was asked, and has not answered yet.
    expect(managedGet).toHaveBeenCalledTimes(1);
    expect(await settled(worker.readManaged())).toBe(false);
  });

  it('answers under the browser’s policy once it has read it, whatever was kept', async () => {
    const worker = await startWorker();
    await worker.keepPolicy({ endpointUrl: OTHER_URL });
    const ready = worker.ask<{ settings: Shown; locked: string[] }>({ type: 'settings/policy-ready' });
    expect(await settled(ready)).toBe(false);
    answerPolicy({ endpointUrl: POLICY_URL, subscriptions: [LIST] });
    const live = await ready;
    expect(live.settings.endpoint).toEqual({ url: POLICY_URL });
    expect(live.locked).toEqual(['endpoint', 'subscriptions']);
    expect((await worker.ask<Shown>({ type: 'settings/get' })).endpoint).toEqual({ url: POLICY_URL });
  });
});

describe('a kept policy that the browser’s own contradicts', () => {
  it('is a change of policy: the fields that differ are named and the browser’s is kept', async () => {
    const worker = await startWorker();
    await worker.keepPolicy({ endpointUrl: OTHER_URL, highlightEnabled: true, retentionDays: 30 });
    const fields = worker.keepLivePolicy();
    answerPolicy({ endpointUrl: POLICY_URL, endpointToken: 't0ken', subscriptions: [LIST], retentionDays: 30 });
    expect((await fields).sort()).toEqual(['endpointToken', 'endpointUrl', 'highlightEnabled', 'subscriptions']);
    expect(await worker.readKeptPolicy()).toEqual({ value: { endpointUrl: POLICY_URL, endpointToken: 't0ken', subscriptions: [LIST], retentionDays: 30 } });
    // The token stays out of storage.local.
    expect(JSON.stringify([...fake._storage.values()])).not.toContain('t0ken');
  });

  it('is no change when the browser’s policy is the same, or differs only in values the policy ignores', async () => {
    const worker = await startWorker();
    await worker.keepPolicy({ endpointUrl: POLICY_URL });
    const fields = worker.keepLivePolicy();
    answerPolicy({ endpointUrl: POLICY_URL, unknownField: 1, retentionDays: -4 });
    expect(await fields).toEqual([]);
  });
});

describe('what acts on the settings waits for the browser’s policy', () => {
  it('saves under the browser’s policy: a field it locks keeps the stored value, however the page was shown', async () => {
    const worker = await startWorker();
    // Kept: no policy; the browser's, once it answers, locks the endpoint.
    await worker.keepPolicy(undefined);
    const shown = await worker.ask<Shown>({ type: 'settings/get' });
    expect(shown.endpoint).toBeNull();

    const save = worker.ask<Shown>({ type: 'settings/save', settings: { ...shown, endpoint: { url: OTHER_URL, token: 'mine' } } });
    expect(await settled(save)).toBe(false);
    expect(fake._storage.get('settings')).toBeUndefined();
    answerPolicy({ endpointUrl: POLICY_URL });
    const saved = await save;
    expect(saved.endpoint).toEqual({ url: POLICY_URL });
    expect(JSON.stringify(fake._storage.get('settings') ?? {})).not.toContain(OTHER_URL);
  });

  it('delivers under the browser’s policy: loadSettings waits for it rather than taking the kept one', async () => {
    const worker = await startWorker();
    await worker.keepPolicy({ endpointUrl: OTHER_URL, endpointToken: 'old' });
    expect((await worker.ask<Shown>({ type: 'settings/get' })).endpoint).toEqual({ url: OTHER_URL, token: 'old' });
    const loaded = worker.loadSettings();
    expect(await settled(loaded)).toBe(false);
    answerPolicy({ endpointUrl: POLICY_URL, endpointToken: 'new' });
    expect((await loaded).endpoint).toEqual({ url: POLICY_URL, token: 'new' });
  });
});
