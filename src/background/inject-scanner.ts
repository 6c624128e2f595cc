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
  executeScript(details: { target: Target; files?: string[]; func?: () => unknown }): Promise<{ result?: unknown }[]>;
  insertCSS(details: { target: Target; files: string[] }): Promise<void>;
};
// The polyfill's typings know no documentIds; the browser's API does (Chrome).
const scripting = () => browser.scripting as unknown as Scripting;

/**
 * The bootstrap of a loaded page asks for the scanner. A frame named by its id alone (Firefox) may hold
 * a newer document by now (a navigation while the message was on its way); the scanner goes only into a
 * document whose bootstrap asked, and the newer one asks in its turn once it has loaded. A document id
 * (Chrome) that is gone fails the injection.
 */
export async function injectForBootstrap(sender: Runtime.MessageSender): Promise<boolean> {
  const target = targetOf(sender);
  if (!target) return false;
  if (!target.documentIds) {
    const [asked] = await scripting().executeScript({ target, func: () => (globalThis as { tipline_asked?: unknown }).tipline_asked === true });
    if (asked?.result !== true) return false;
  }
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

/**
 * The highlight colours for a page that has just started, asked for by its bootstrap at document_start:
 * put in then, before the page's first style calculation, they cost it nothing; put in after its first
 * layout, they make the browser compute the style of every element again, in one task (870 ms on the
 * 5 MB page of `npm run bench`, README, performance). Only where the page is to be highlighted: not on
 * a paused site, with highlighting off, or in stealth mode, where a page must see no trace of us.
 * The answer (true: the colours are in) lets the scanner skip its own request (content/content-script.ts).
 */
export async function insertEarlyHighlightCss(sender: Runtime.MessageSender, planFor: (site: string) => Promise<{ scan: boolean; stealth: boolean }>): Promise<boolean> {
  const target = targetOf(sender);
  if (!target || !sender.url) return false;
  let site: string;
  try {
    site = new URL(sender.url).hostname;
  } catch {
    return false;
  }
  const plan = await planFor(site);
  if (!plan.scan || plan.stealth) return false;
  await scripting().insertCSS({ target, files: ['highlight.css'] });
  return true;
}

/** The highlight colours (highlight.css, built from src/content/highlighter.ts) for the document that asks. */
export async function insertHighlightCss(sender: Runtime.MessageSender): Promise<null> {
  const target = targetOf(sender);
  if (target) await scripting().insertCSS({ target, files: ['highlight.css'] });
  return null;
}
