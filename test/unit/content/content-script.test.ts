// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_PHRASE_LISTS } from '../../../src/phrases';
import { createBlockMatcher } from '../../../src/matcher/build-matcher';
import { prefilterCandidates } from '../../../src/matcher/prefilter-bits';
import { restartSchedule } from '../../../src/content/scan-recovery';
import type { PageSummary } from '../../../src/shared/protocol/messages';
import { foundIn } from '../../../src/shared/protocol/scan-replies';

/*
 * The content script as a whole against a stand-in browser whose worker can go silent: a scan the
 * worker stopped answering stops watching the page, and starts again later on its own, unless the
 * script has outlived its extension.
 */

const matcher = createBlockMatcher(BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries));

interface Message {
  type: string;
  state?: number;
  texts?: string[];
  blocks?: string[][];
  summary?: PageSummary;
}

/** The browser the script sees: its worker answers as src/background does, or with nonsense while `down`. */
function fakeBrowser() {
  const fake = {
    id: 'tipline' as string | undefined,
    down: false,
    /** While set, the worker's exact scans wait for it. */
    hold: undefined as Promise<void> | undefined,
    requests: [] as string[],
    summaries: [] as PageSummary[],
    messageListeners: [] as ((message: unknown, sender: { id?: string }) => unknown)[],
  };
  const answer = (message: Message): unknown => {
    if (message.type === 'content/summary' && message.summary) {
      fake.summaries.push(message.summary);
      return { ok: true, data: null };
    }
    fake.requests.push(message.type);
    if (fake.down) return { ok: true, data: 'nonsense' };
    if (message.type === 'content/scan-plan') return { ok: true, data: { scan: true, stealth: false, policy: 'p' } };
    if (message.type === 'content/prefilter-texts') return { ok: true, data: prefilterCandidates(matcher.prefilter, message.texts ?? [], message.state ?? 0) };
    if (message.type === 'content/scan-blocks') return { ok: true, data: foundIn((message.blocks ?? []).map((texts) => matcher.scanBlock(texts))) };
    return undefined;
  };
  const browser = {
    runtime: {
      get id() {
        return fake.id;
      },
      sendMessage: (message: Message) => {
        if (message.type === 'content/scan-blocks' && fake.hold) {
          fake.requests.push('held scan');
          return fake.hold.then(() => answer(message));
        }
        return Promise.resolve(answer(message));
      },
      onMessage: { addListener: (listener: (message: unknown, sender: { id?: string }) => unknown) => fake.messageListeners.push(listener) },
    },
  };
  // What the worker sends every tab when the settings change (src/background/scan-inputs.ts).
  const settingsChanged = () => {
    for (const listener of fake.messageListeners) listener({ type: 'content/settings-changed' }, { id: fake.id });
  };
  return { fake, browser, settingsChanged };
}

let current: ReturnType<typeof fakeBrowser>;
// The module is mocked once per file: it hands over to the current test's stand-in.
vi.mock('webextension-polyfill', () => ({
  default: {
    get runtime() {
      return current.browser.runtime;
    },
  },
}));

const QUICK = { patience: { timeoutMs: 200, retryAfterMs: [5, 5] } };
const LISTING = '<article><p>出售枪支 气狗 微信 abc12345 价格 1800元</p></article>';

/** A fresh content script on `html`, talking to a fresh stand-in browser. */
async function load(html: string, restartAfterMs: number[]) {
  current = fakeBrowser();
  if (document.body) document.body.innerHTML = html;
  vi.resetModules();
  const { startContentScript } = await import('../../../src/content/content-script');
  startContentScript({ ...QUICK, restartAfterMs });
  return current;
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lastSummary = (fake: { summaries: PageSummary[] }) => fake.summaries[fake.summaries.length - 1];

// The script says why it stopped; the tests read what it did instead.
vi.spyOn(console, 'warn').mockImplementation(() => undefined);

afterEach(async () => {
  // The script of a finished test stops for good: its extension is gone.
  current.fake.id = undefined;
  current.fake.down = true;
  current.settingsChanged();
  await wait(100);
});

describe('a worker that stops answering', () => {
  it('stops the page’s watch, clears its badge, and scans the page again once the worker is back', async () => {
    const { fake } = await load('', [400]);
    fake.down = true;
    document.body.innerHTML = LISTING;
    await until(() => fake.summaries.length > 0);
    expect(lastSummary(fake)?.suspectBlocks).toBe(0);
    const asked = fake.requests.length;
    // The stopped scan does not watch the page: a new post sends nothing until the restart.
    document.body.insertAdjacentHTML('beforeend', '<article><p>fake passports for sale, DM on Telegram @docs4u, $900</p></article>');
    await wait(150);
    expect(fake.requests.length).toBe(asked);
    fake.down = false;
    await until(() => (lastSummary(fake)?.suspectBlocks ?? 0) > 0);
    expect(lastSummary(fake)?.suspectBlocks).toBe(2);
  });

  it('tries again and again, waiting longer each time, while the worker stays silent', async () => {
    const { fake } = await load(LISTING, [100, 300]);
    await until(() => (lastSummary(fake)?.suspectBlocks ?? 0) > 0);
    fake.down = true;
    const before = fake.requests.filter((type) => type === 'content/scan-plan').length;
    current.settingsChanged();
    await wait(900);
    // Three tries of a plan per start: at once, then 100, 300 and 300 ms after each failure.
    const plans = fake.requests.filter((type) => type === 'content/scan-plan').length - before;
    expect(plans).toBeGreaterThanOrEqual(3 * 3);
    expect(plans).toBeLessThanOrEqual(3 * 4);
  });

  it('stops for good when the script has outlived its extension', async () => {
    const { fake } = await load(LISTING, [50]);
    await until(() => (lastSummary(fake)?.suspectBlocks ?? 0) > 0);
    fake.down = true;
    fake.id = undefined;
    current.settingsChanged();
    // The first start's plan, then the three tries of the restart's.
    await until(() => fake.requests.filter((type) => type === 'content/scan-plan').length === 4);
    const asked = fake.requests.length;
    await wait(300);
    expect(fake.requests.length).toBe(asked);
  });
});

describe('a document the scanner cannot start on', () => {
  it('is tried again later rather than left unscanned', async () => {
    const root = document.documentElement;
    root.remove();
    try {
      const { fake } = await load('', [50]);
      await until(() => fake.requests.filter((type) => type === 'content/scan-plan').length >= 2);
    } finally {
      document.appendChild(root);
    }
  });
});

describe('the restart schedule', () => {
  it('waits longer after each failure, repeats its last wait, and starts over after a scan got through', () => {
    const schedule = restartSchedule([1, 2, 3]);
    expect([schedule.next(), schedule.next(), schedule.next(), schedule.next()]).toEqual([1, 2, 3, 3]);
    schedule.reset();
    expect(schedule.next()).toBe(1);
  });
});

describe('the plan handed over with the scanner', () => {
  const hand = (at: number) => void ((globalThis as { tipline_plan?: unknown }).tipline_plan = { plan: { scan: true, stealth: false, policy: 'p' }, at });

  it('starts from the plan the worker left with the injection, without asking for one, and asks on a restart', async () => {
    hand(Date.now());
    const { fake } = await load(LISTING, [400]);
    await until(() => (lastSummary(fake)?.suspectBlocks ?? 0) > 0);
    expect(fake.requests).not.toContain('content/scan-plan');
    expect(fake.requests).toContain('content/prefilter-texts');
    expect((globalThis as { tipline_plan?: unknown }).tipline_plan).toBeUndefined();
    current.settingsChanged();
    await until(() => fake.requests.includes('content/scan-plan'));
  });

  it('asks for a plan when the one left behind is old (an injection that failed)', async () => {
    hand(Date.now() - 60_000);
    const { fake } = await load(LISTING, [400]);
    await until(() => (lastSummary(fake)?.suspectBlocks ?? 0) > 0);
    expect(fake.requests[0]).toBe('content/scan-plan');
  });
});

describe('the summary the report form asks for', () => {
  it('waits for the page’s first scan, so that a form opened mid-scan shows its findings', async () => {
    const { fake } = await load('', [1000]);
    let release = () => undefined as void;
    fake.hold = new Promise<void>((resolve) => (release = resolve));
    document.body.innerHTML = LISTING;
    await until(() => fake.requests.includes('held scan'));
    const replies = fake.messageListeners.map((listener) => listener({ type: 'content/get-summary' }, { id: fake.id }));
    const reply = replies.find((answer): answer is Promise<{ ok: boolean; data: PageSummary }> => answer instanceof Promise);
    let settled = false;
    void reply?.then(() => (settled = true));
    await wait(100);
    expect(settled).toBe(false);
    release();
    expect((await reply)?.data.suspectBlocks).toBe(1);
  });
});
