import browser, { type Runtime } from 'webextension-polyfill';

/**
 * Start-up work (queue drain, daily cleanup, list refresh, prefilter cache rebuild, sending what was
 * kept locally) waits until the worker has answered its first message, or until a short idle delay
 * when none comes: a page that opens as the browser starts is answered first (README, Performance).
 * MV3 can stop the worker at any time, so what onStartup and onInstalled ask for is written to
 * storage.local before it waits, and taken off only once it has run: a start that finds it there
 * runs it again. Every task is safe to run twice.
 */
export const STARTUP_WORK_KEY = 'startupWork';

export type StartupTask = 'drain-queue' | 'send-local' | 'cleanup' | 'refresh-lists' | 'rebuild-prefilter';

export interface StartupTiming {
  /** With no message, the work starts this long after the worker. */
  idleMs: number;
  /** After an answer, the work waits until no answer has gone out for this long… */
  quietMs: number;
  /** …but starts no later than this long after the worker. */
  latestMs: number;
}

const TIMING: StartupTiming = { idleMs: 1000, quietMs: 250, latestMs: 5000 };

type Listener = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined;

export function createStartupWork(tasks: Record<StartupTask, () => Promise<unknown>>, timing: StartupTiming = TIMING) {
  const startedAt = Date.now();
  const pending = new Set<StartupTask>();
  let released = false;
  let running: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // One storage write at a time, so that concurrent requests do not drop each other's tasks.
  let writes: Promise<unknown> = Promise.resolve();

  function schedule(delayMs: number): void {
    if (released) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(release, Math.max(0, Math.min(delayMs, timing.latestMs - (Date.now() - startedAt))));
  }

  function edit(change: (stored: Set<StartupTask>) => void): Promise<unknown> {
    writes = writes
      .then(async () => {
        const stored = new Set(((await browser.storage.local.get(STARTUP_WORK_KEY))[STARTUP_WORK_KEY] as StartupTask[] | undefined) ?? []);
        change(stored);
        await browser.storage.local.set({ [STARTUP_WORK_KEY]: [...stored].filter((name) => name in tasks) });
      })
      .catch((error: unknown) => console.warn('tipline: start-up work record', error));
    return writes;
  }

  /** Runs the pending tasks one after another, each taken off the record once it has run. */
  function run(): Promise<void> {
    running ??= (async () => {
      for (let next = first(); next; next = first()) {
        pending.delete(next);
        try {
          await tasks[next]();
        } catch (error) {
          console.warn(`tipline: start-up ${next}`, error);
        }
        await edit((stored) => stored.delete(next));
      }
      running = undefined;
    })();
    return running;
  }

  function first(): StartupTask | undefined {
    return pending.values().next().value;
  }

  function release(): void {
    timer = undefined;
    released = true;
    void run();
  }

  schedule(timing.idleMs);

  return {
    /**
     * Runs `names` once the first answer is out (at once if it is). With `record`, they are kept in
     * storage until they have run, for an event that does not come again (onInstalled, onStartup).
     */
    defer(names: readonly StartupTask[], record = false): Promise<unknown> {
      for (const name of names) pending.add(name);
      const recorded = record ? edit((stored) => names.forEach((name) => stored.add(name))) : Promise.resolve();
      if (released) void recorded.then(run);
      return recorded;
    },
    /** What an earlier start recorded and did not finish. */
    async resume(): Promise<void> {
      const items: Record<string, unknown> = await browser.storage.local.get(STARTUP_WORK_KEY).catch(() => ({}));
      const stored = items[STARTUP_WORK_KEY] as StartupTask[] | undefined;
      for (const name of stored ?? []) if (name in tasks) pending.add(name);
      if (released) void run();
    },
    /** The message listener, unchanged, but each answer pushes the start-up work behind it. */
    answerFirst(listener: Listener): Listener {
      return (message, sender) => {
        const reply = listener(message, sender);
        if (reply && !released) {
          const answered = () => schedule(timing.quietMs);
          reply.then(answered, answered);
        }
        return reply;
      };
    },
  };
}
