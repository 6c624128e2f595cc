/*
 * The manifest's content script (bootstrap.js, ≤ 2 KB built), run at document_start: it does nothing
 * while the page loads. Once `load` has fired (or, for a page that never finishes loading, FALLBACK_MS
 * after its HTML was parsed) and the main thread is idle, it looks for text to scan and asks the worker
 * to inject the scanner, content.js (src/background/inject-scanner.ts). It imports nothing, so that the
 * script every page compiles stays small (docs/ARCHITECTURE.md, "The bootstrap").
 *
 * Why document_start: Chromium lays a page out before it injects a document_end or document_idle
 * script, and a page without subresources fires `load` only after that script ran, so the page's first
 * layout moved in front of its `load` (+120-150 ms on a 100 KB page, even for a script that does
 * nothing); a document_start script is in place before the page exists and asks nothing of its layout.
 */

/** A page still loading this long after its HTML was parsed (a slow image, a stalled request) is scanned anyway. */
const FALLBACK_MS = 1000;
/** A document whose HTML never ends (a stream) is scanned this long after it started, loaded or not. */
const NEVER_PARSED_MS = 10_000;
/** requestIdleCallback's deadline: a page that is never idle still gets its scan soon after. */
const IDLE_DEADLINE_MS = 200;
/** How long changes gather before a page with no text yet is looked at again. */
const RECHECK_MS = 500;

/*
 * `chrome`, with a callback, in both browsers: Chrome has no `browser` global, so a page's
 * `<form id="browser">` would stand in for it (DOM clobbering); `chrome` is the isolated world's own.
 */
const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown, callback: () => void): void; lastError?: unknown } } }).chrome;

const SKIPPED = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/;

/**
 * Whether the document has anything the scanner reads: a text node with a letter outside scripts and
 * styles, or a frame or an open shadow root (the scanner enters both; their text is not seen from
 * here). Stops at the first one, so a page of text costs a few node visits.
 */
function hasText(doc: Document): boolean {
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (!SKIPPED.test(node.parentNode?.nodeName ?? '') && /\S/.test(node.nodeValue ?? '')) return true;
    } else if ((node as Element).shadowRoot || /^I?FRAME$/.test(node.nodeName)) {
      return true;
    }
  }
  return false;
}

function ask(): void {
  // Set before asking: the worker injects content.js only into a document that asked (inject-scanner.ts).
  (globalThis as { tipline_asked?: boolean }).tipline_asked = true;
  runtime.sendMessage({ type: 'content/inject-scanner' }, () => void runtime.lastError);
}

/** A page without text yet (an app that renders later) is looked at again when it changes. */
function check(): void {
  if (hasText(document)) return ask();
  const observer = new MutationObserver(() => {
    observer.disconnect();
    setTimeout(() => whenIdle(check), RECHECK_MS);
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

function whenIdle(then: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => then(), { timeout: IDLE_DEADLINE_MS });
  else setTimeout(then, 0);
}

function start(): void {
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    clearTimeout(fallback);
    removeEventListener('load', go);
    whenIdle(check);
  };
  let fallback = setTimeout(go, NEVER_PARSED_MS);
  const parsed = () => {
    clearTimeout(fallback);
    fallback = setTimeout(go, FALLBACK_MS);
  };
  if (document.readyState === 'complete') go();
  else {
    addEventListener('load', go);
    if (document.readyState === 'interactive') parsed();
    else document.addEventListener('DOMContentLoaded', parsed, { once: true });
  }
}

start();
