import { describe, expect, it, vi } from 'vitest';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

const browser = {
  runtime: { id: EXTENSION_ID, getURL: (path: string) => `${ORIGIN}${path}` },
  action: { setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined) },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));
const handleUiMessage = vi.fn(async () => 'done');
vi.mock('../../../src/background/ui-handlers', () => ({ handleUiMessage }));

const { routeMessage } = await import('../../../src/background/router');

/** Seeded so that a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const UI_TYPES = ['tab/context', 'capture/visible', 'report/submit', 'history/delete', 'settings/save', 'data/clear', 'endpoint/test', 'history/list'];
const VALID_UI: Record<string, unknown>[] = [
  { type: 'settings/get' },
  { type: 'data/clear' },
  { type: 'history/list', limit: 10 },
  { type: 'tab/context', tabId: 3 },
];

function randomValue(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * 10);
  switch (pick) {
    case 0: return null;
    case 1: return undefined;
    case 2: return Math.floor(random() * 2 ** 40) * (random() < 0.5 ? -1 : 1);
    case 3: return 'x'.repeat(Math.floor(random() * 5000));
    case 4: return random() < 0.5;
    case 5: return depth < 3 ? Array.from({ length: Math.floor(random() * 5) }, () => randomValue(random, depth + 1)) : [];
    case 6: return '\u202e<script>alert(1)</script>';
    case 7: return Number.NaN;
    default:
      return depth < 3 ? Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, i) => [`k${i}`, randomValue(random, depth + 1)])) : {};
  }
}

function randomMessage(random: () => number): unknown {
  const r = random();
  if (r < 0.1) return randomValue(random);
  if (r < 0.2) return 'x'.repeat(100_000 + Math.floor(random() * 1_000_000));
  const type = random() < 0.7 ? UI_TYPES[Math.floor(random() * UI_TYPES.length)] : randomValue(random);
  const message: Record<string, unknown> = { type };
  for (let i = 0; i < Math.floor(random() * 4); i++) message[['tabId', 'draft', 'settings', 'id', 'limit', 'summary'][Math.floor(random() * 6)]!] = randomValue(random);
  if (random() < 0.1) message.summary = { url: 'x', matches: [], suspectBlocks: Math.floor(random() * 10), weakHits: 0, strongHits: 0 };
  return message;
}

type Sender = { id?: string; url?: string; tab?: { id: number }; frameId?: number };

function randomForeignSender(random: () => number): Sender {
  const r = random();
  if (r < 0.25) return { id: 'another-extension', url: `chrome-extension://another-extension/popup.html` };
  if (r < 0.5) return { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 7 }, frameId: 0 };
  if (r < 0.7) return { id: EXTENSION_ID, url: `https://evil.example/${ORIGIN}`, tab: { id: 7 } };
  if (r < 0.85) return { id: EXTENSION_ID };
  return { url: ORIGIN };
}

describe('message fuzzing', () => {
  it('takes no privileged action for 10,000 malformed or spoofed messages, throws nothing, logs each refusal kind once', async () => {
    const random = prng(20261124);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let uncaught = 0;
    let answered = 0;
    for (let i = 0; i < 10_000; i++) {
      const sender = randomForeignSender(random) as never;
      try {
        const reply = routeMessage(randomMessage(random), sender);
        if (reply) {
          answered++;
          const settled = await reply;
          expect(settled).toHaveProperty('ok');
        }
      } catch {
        uncaught++;
      }
    }
    expect(uncaught).toBe(0);
    expect(handleUiMessage).not.toHaveBeenCalled();
    // Only well-formed content summaries from a tab may be answered at all.
    expect(answered).toBeLessThan(10_000);
    const messages = warn.mock.calls.map((call) => call.slice(1).join(' '));
    expect(new Set(messages).size).toBe(messages.length);
    console.log(`fuzz: 10000 messages, ${answered} answered as content summaries, ${messages.length} distinct refusals logged, 0 privileged actions`);
    warn.mockRestore();
  });

  it('still serves the extension’s own pages', async () => {
    for (const message of VALID_UI) {
      const reply = await routeMessage(message, { id: EXTENSION_ID, url: `${ORIGIN}popup/index.html` } as never);
      expect(reply).toEqual({ ok: true, data: 'done' });
    }
    expect(handleUiMessage).toHaveBeenCalledTimes(VALID_UI.length);
  });

  it('answers a content script only with its own kind of message', async () => {
    const sender = { id: EXTENSION_ID, url: 'https://shop.example/', tab: { id: 4 }, frameId: 0 } as never;
    const summary = { type: 'content/summary', summary: { url: 'https://shop.example/', matches: [], suspectBlocks: 2, weakHits: 0, strongHits: 1 } };
    expect(await routeMessage(summary, sender)).toEqual({ ok: true, data: null });
    expect(browser.action.setBadgeText).toHaveBeenCalledWith({ tabId: 4, text: '2' });
    expect(routeMessage({ type: 'settings/get' }, sender)).toBeUndefined();
  });
});
