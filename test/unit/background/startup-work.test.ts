import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser';

const ORIGIN = 'chrome-extension://test-extension/';
const fake = fakeBrowser();
const browser = {
  ...fake,
  runtime: { ...fake.runtime, getURL: (path: string) => `${ORIGIN}${path}` },
  storage: { ...fake.storage, managed: { get: vi.fn(async () => ({})) } },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { createStartupWork, STARTUP_WORK_KEY } = await import('../../../src/background/startup-work');
const { routeMessage } = await import('../../../src/background/router');

const fromOptions = { id: 'test-extension', url: `${ORIGIN}options/index.html` };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tasks that record their calls; `drain-queue` never finishes until `finish` is called. */
function tasks() {
  let finish = () => undefined as void;
  const calls: string[] = [];
  const record = (name: string) => async () => void calls.push(name);
  return {
    calls,
    finish: () => finish(),
    tasks: {
      'drain-queue': vi.fn(() => {
        calls.push('drain-queue');
        return new Promise<void>((resolve) => (finish = resolve));
      }),
      'send-local': vi.fn(record('send-local')),
      cleanup: vi.fn(record('cleanup')),
      'refresh-lists': vi.fn(record('refresh-lists')),
      'rebuild-prefilter': vi.fn(record('rebuild-prefilter')),
    },
  };
}

describe('start-up work behind the first answer', () => {
  it('answers a UI message while the start-up work waits, and runs the work after the answer', async () => {
    const work = tasks();
    const startup = createStartupWork(work.tasks, { idleMs: 60_000, quietMs: 30, latestMs: 60_000 });
    const listener = startup.answerFirst(routeMessage);
    await startup.defer(['refresh-lists', 'rebuild-prefilter'], true);

    const reply = (await listener({ type: 'settings/get' }, fromOptions)) as { ok: boolean; data: { highlight: unknown } };
    expect(reply.ok).toBe(true);
    expect(reply.data.highlight).toBeDefined();
    // Answered, and none of the start-up work has begun.
    expect(work.calls).toEqual([]);
    expect(fake._storage.get(STARTUP_WORK_KEY)).toEqual(['refresh-lists', 'rebuild-prefilter']);

    await wait(120);
    expect(work.calls).toEqual(['refresh-lists', 'rebuild-prefilter']);
    expect(fake._storage.get(STARTUP_WORK_KEY)).toEqual([]);
  });

  it('answers while a start-up task is still running', async () => {
    const work = tasks();
    const startup = createStartupWork(work.tasks, { idleMs: 0, quietMs: 0, latestMs: 0 });
    const listener = startup.answerFirst(routeMessage);
    void startup.defer(['drain-queue', 'cleanup']);
    await wait(20);
    expect(work.calls).toEqual(['drain-queue']);

    const reply = (await listener({ type: 'settings/locked' }, fromOptions)) as { ok: boolean };
    expect(reply.ok).toBe(true);
    expect(work.calls).toEqual(['drain-queue']);

    work.finish();
    await wait(20);
    expect(work.calls).toEqual(['drain-queue', 'cleanup']);
  });

  it('keeps what an event asked for until it has run: a worker stopped before then runs it on its next start', async () => {
    fake._storage.delete(STARTUP_WORK_KEY);
    const first = tasks();
    // A worker that is stopped before its work was let go (the timers never fire within the test).
    const stopped = createStartupWork(first.tasks, { idleMs: 60_000, quietMs: 60_000, latestMs: 60_000 });
    await stopped.defer(['cleanup', 'send-local'], true);
    expect(first.calls).toEqual([]);
    expect(fake._storage.get(STARTUP_WORK_KEY)).toEqual(['cleanup', 'send-local']);

    // The next start: nothing fires onStartup again, the record alone brings the work back.
    const second = tasks();
    const next = createStartupWork(second.tasks, { idleMs: 10, quietMs: 10, latestMs: 1000 });
    await next.resume();
    await wait(80);
    expect(second.calls).toEqual(['cleanup', 'send-local']);
    expect(fake._storage.get(STARTUP_WORK_KEY)).toEqual([]);
  });

  it('starts the work after the idle delay when no message comes', async () => {
    const work = tasks();
    const startup = createStartupWork(work.tasks, { idleMs: 30, quietMs: 10, latestMs: 1000 });
    void startup.defer(['rebuild-prefilter']);
    await wait(10);
    expect(work.calls).toEqual([]);
    await wait(80);
    expect(work.calls).toEqual(['rebuild-prefilter']);
  });
});
