import { beforeEach, describe, expect, it, vi } from 'vitest';

type Details = { target: { tabId: number; frameIds?: number[]; documentIds?: string[] }; files?: string[]; func?: (...args: never[]) => unknown; args?: unknown[] };
const executeScript = vi.fn<(details: Details) => Promise<{ result?: unknown }[]>>();
const insertCSS = vi.fn<(details: Details) => Promise<void>>();
vi.mock('webextension-polyfill', () => ({ default: { scripting: { executeScript, insertCSS } } }));
const { ensureScanner, injectForBootstrap, insertHighlightCss } = await import('../../../src/background/inject-scanner');

describe('injecting the scanner (src/background/inject-scanner.ts)', () => {
  beforeEach(() => {
    executeScript.mockReset().mockResolvedValue([{ result: undefined }]);
    insertCSS.mockReset().mockResolvedValue(undefined);
  });

  it('injects content.js into the very document that asked, where the browser names it, with its scan plan', async () => {
    executeScript.mockResolvedValueOnce([{ result: true }]);
    const planFor = vi.fn(async () => ({ scan: true, stealth: false, policy: 'p1' }));
    expect(await injectForBootstrap({ tab: { id: 7 } as never, frameId: 0, documentId: 'doc-1', url: 'https://shop.example/a' } as never, planFor)).toBe(true);
    expect(planFor).toHaveBeenCalledWith('shop.example');
    const [handOver, files] = executeScript.mock.calls.map(([details]) => details);
    expect(handOver?.target).toEqual({ tabId: 7, documentIds: ['doc-1'] });
    expect(handOver?.args?.[0]).toEqual({ scan: true, stealth: false, policy: 'p1' });
    expect(files).toEqual({ target: { tabId: 7, documentIds: ['doc-1'] }, files: ['content.js'] });
    // The function runs in the page's isolated world: it leaves the plan there only for a document whose bootstrap asked.
    const world = globalThis as { tipline_asked?: boolean; tipline_plan?: unknown };
    const run = handOver!.func as unknown as (plan: unknown, at: number) => boolean;
    expect(run({ scan: true }, 5)).toBe(false);
    expect(world.tipline_plan).toBeUndefined();
    world.tipline_asked = true;
    expect(run({ scan: true }, 5)).toBe(true);
    expect(world.tipline_plan).toEqual({ plan: { scan: true }, at: 5 });
    delete world.tipline_asked;
    delete world.tipline_plan;
  });

  it('injects only into a document whose bootstrap asked (a navigation meanwhile leaves one that did not)', async () => {
    executeScript.mockResolvedValueOnce([{ result: false }]);
    expect(await injectForBootstrap({ tab: { id: 7 } as never, frameId: 0 } as never)).toBe(false);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript.mock.calls[0]![0].files).toBeUndefined();

    executeScript.mockResolvedValueOnce([{ result: true }]);
    expect(await injectForBootstrap({ tab: { id: 7 } as never, frameId: 0 } as never)).toBe(true);
    expect(executeScript.mock.calls.at(-1)![0]).toEqual({ target: { tabId: 7, frameIds: [0] }, files: ['content.js'] });
  });

  it('ignores a sender without a tab', async () => {
    expect(await injectForBootstrap({ id: 'x' } as never)).toBe(false);
    await insertHighlightCss({ id: 'x' } as never);
    expect(executeScript).not.toHaveBeenCalled();
    expect(insertCSS).not.toHaveBeenCalled();
  });

  it('inserts the highlight colours into the document that asks', async () => {
    await insertHighlightCss({ tab: { id: 3 } as never, frameId: 0, documentId: 'doc-2' } as never);
    expect(insertCSS).toHaveBeenCalledWith({ target: { tabId: 3, documentIds: ['doc-2'] }, files: ['highlight.css'] });
  });

  it('makes sure of the scanner before a report, and leaves a refusal to the message that follows', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access a chrome:// URL'));
    await expect(ensureScanner(5)).resolves.toBeUndefined();
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 5, frameIds: [0] }, files: ['content.js'] });
  });
});
