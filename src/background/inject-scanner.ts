import browser, { type Runtime } from 'webextension-polyfill';

/*
 * The scanner (content.js) is not a manifest content script: the manifest's bootstrap.js asks for it once
 * the page has loaded and is idle (src/content/bootstrap.ts), and the worker injects it into that
 * document; reports that need the page inject it on demand. content.js guards itself against a second
 * injection (src/content/index.ts). The highlight colours are inserted into a document only when its
 * first highlight is made, so that pages without findings never pay a stylesheet (docs/ARCHITECTURE.md,
 * "The bootstrap").
 */

interface Target {
  tabId: number;
  frameIds?: number[];
  documentIds?: string[];
}

/** The document that sent a message: by its id where the browser names it (Chrome), else by its frame. */
function targetOf(sender: Runtime.MessageSender): Target | null {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return null;
  const documentId = (sender as { documentId?: unknown }).documentId;
  return typeof documentId === 'string' ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [sender.frameId ?? 0] };
}

type Scripting = {
  executeScript(details: { target: Target; files?: string[]; func?: (...args: never[]) => unknown; args?: unknown[] }): Promise<{ result?: unknown }[]>;
  insertCSS(details: { target: Target; files: string[] }): Promise<void>;
};
// The polyfill's typings know no documentIds; the browser's API does (Chrome).
const scripting = () => browser.scripting as unknown as Scripting;

/** The part of a scan plan (shared/protocol/block-scan.ts) the worker decides per site. */
type PlanFor = (site: string) => Promise<{ scan: boolean; stealth: boolean; policy: string }>;

/** The site of the document that sent a message, as the scanner names it (`location.hostname`). */
function siteOf(sender: Runtime.MessageSender): string | null {
  try {
    return sender.url ? new URL(sender.url).hostname : null;
  } catch {
    return null;
  }
}

/**
 * Run in the document before the scanner: only a document whose bootstrap asked goes on (a frame named
 * by its id alone may hold a newer document), and the scanner finds its plan there, with the time it
 * was made, rather than asking for it (content/content-script.ts). Self-contained: it is sent as text.
 */
function handOver(plan: unknown, at: number): boolean {
  const world = globalThis as { tipline_asked?: unknown; tipline_plan?: unknown };
  if (world.tipline_asked !== true) return false;
  if (plan) world.tipline_plan = { plan, at };
  return true;
}

/**
 * The bootstrap of a loaded page asks for the scanner. A frame named by its id alone (Firefox) may hold
 * a newer document by now (a navigation while the message was on its way); the scanner goes only into a
 * document whose bootstrap asked, and the newer one asks in its turn once it has loaded. A document id
 * (Chrome) that is gone fails the injection. The page's scan plan goes with the scanner (`planFor`), so
 * that its first request to the worker is already for the page's text.
 */
export async function injectForBootstrap(sender: Runtime.MessageSender, planFor?: PlanFor): Promise<boolean> {
  const target = targetOf(sender);
  if (!target) return false;
  const site = siteOf(sender);
  const plan = planFor && site !== null ? await planFor(site).catch(() => null) : null;
  const [asked] = await scripting().executeScript({ target, func: handOver, args: [plan, Date.now()] });
  if (asked?.result !== true) return false;
  await scripting().executeScript({ target, files: ['content.js'] });
  return true;
}

/**
 * Makes sure the tab's top frame runs the scanner before the worker asks it for a listing, a snapshot or
 * the page's size: a page still loading, or one without text, has none yet. Where nothing can be
 * injected (a browser page) the message that follows fails and says so.
 */
export async function ensureScanner(tabId: number): Promise<void> {
  try {
    await scripting().executeScript({ target: { tabId, frameIds: [0] }, files: ['content.js'] });
  } catch {
    // Said by the message that follows.
  }
}

/** The highlight colours (highlight.css, built from src/content/highlighter.ts) for the document that asks. */
export async function insertHighlightCss(sender: Runtime.MessageSender): Promise<null> {
  const target = targetOf(sender);
  if (target) await scripting().insertCSS({ target, files: ['highlight.css'] });
  return null;
}
