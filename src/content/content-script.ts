import browser, { type Runtime } from 'webextension-polyfill';
import { backgroundToContent, PICK_WINDOW_MS } from '../shared/protocol/content-messages';
import type { PageSummary } from '../shared/protocol/messages';
import type { ScanPlan } from '../shared/protocol/block-scan';
import { readScanPlan } from './read-replies';
import { createCssHighlighter, createInvisibleHighlighter, supportsCssHighlights, type Highlighter } from './highlighter';
import { startPageScanner, type PageScanner } from './page-scanner';
import { createWrapHighlighter } from './wrap-highlighter';
import { captureListing, rememberRightClicks } from './listing-picker';
import { startPickMode } from './pick-mode';
import { endCapture, pageMetrics, scrollForSlice } from './page-capture';
import { snapshotDraft } from './snapshot';
import { askWorker, createRemoteEngine, PolicyChangedError, type Patience } from './remote-engine';
import { isOrphaned, restartSchedule, RESTART_AFTER_MS } from './scan-recovery';

import { ok } from '../shared/protocol/reply';

const send = (message: unknown) => browser.runtime.sendMessage(message);

const EMPTY: Omit<PageSummary, 'url'> = { matches: [], suspectBlocks: 0, weakHits: 0, strongHits: 0 };
/** How long the report form's request for the summary waits for a page's first scan to end. */
const SUMMARY_WAIT_MS = 3_000;

function chooseHighlighter(plan: ScanPlan): Highlighter {
  if (plan.stealth) return createInvisibleHighlighter();
  return supportsCssHighlights() ? createCssHighlighter(document, askForStyle) : createWrapHighlighter(document);
}

let styleAsked = false;
/** The worker inserts the highlight colours into this document once (src/background/inject-scanner.ts), however often the scan restarts. */
function askForStyle(): void {
  if (styleAsked) return;
  styleAsked = true;
  void send({ type: 'content/highlight-style' }).catch(() => {
    styleAsked = false;
  });
}

/** A plan older than this, left by an injection that failed, is asked for again. */
const HANDED_PLAN_MS = 5_000;

/**
 * The scan plan the worker left in this isolated world when it injected the scanner for the bootstrap
 * (src/background/inject-scanner.ts), taken once: a restart asks the worker, whose settings may have
 * changed since. Read with the same guard as the worker's reply.
 */
function handedPlan(): ScanPlan | undefined {
  const world = globalThis as { tipline_plan?: { plan?: unknown; at?: unknown } };
  const handed = world.tipline_plan;
  delete world.tipline_plan;
  if (!handed || typeof handed.at !== 'number' || Math.abs(Date.now() - handed.at) > HANDED_PLAN_MS) return undefined;
  return readScanPlan({ ok: true, data: handed.plan });
}

/** What tests shorten: how long the page waits for the worker, and before it starts a stopped scan again. */
export interface ContentScriptTiming {
  patience?: Omit<Patience, 'signal'>;
  restartAfterMs?: readonly number[];
}

/**
 * Runs the scanner as the background worker's scan plan says, and restarts it when the settings or
 * the policy change. The settings and the matching stay in the worker: the page walks its text, hands
 * it over and highlights what comes back (docs/ARCHITECTURE.md, performance floor), so that the script that runs on every page
 * is small and starts fast.
 */
export function startContentScript({ patience = {}, restartAfterMs = RESTART_AFTER_MS }: ContentScriptTiming = {}): void {
  let controller: AbortController | undefined;
  let scanner: PageScanner | undefined;
  const lastRightClick = rememberRightClicks();
  // Pick mode (content/pick-mode.ts): the listing the reporter tapped, and how to leave the mode.
  let picked: Element | null = null;
  let stopPicking: (() => void) | undefined;
  const pickedListing = () => {
    if (!picked?.isConnected) throw new Error('error_listing_gone');
    return picked;
  };
  const pickListing = () => {
    stopPicking?.();
    picked = null;
    const stop = startPickMode({
      doc: document,
      labels: { hint: browser.i18n.getMessage('pickBanner'), cancel: browser.i18n.getMessage('cancel') },
      timeoutMs: PICK_WINDOW_MS,
      onPick: (target) => {
        picked = target;
        void send({ type: 'content/listing-picked' }).catch(() => undefined);
      },
      onEnd: () => {
        if (stopPicking === stop) stopPicking = undefined;
      },
    });
    stopPicking = stop;
  };
  const schedule = restartSchedule(restartAfterMs);
  let restartTimer: ReturnType<typeof setTimeout> | undefined;

  const report = (summary: PageSummary) => {
    void browser.runtime.sendMessage({ type: 'content/summary', summary }).catch(() => undefined);
  };

  async function start() {
    clearTimeout(restartTimer);
    restartTimer = undefined;
    controller?.abort();
    const current = new AbortController();
    controller = current;
    scanner = undefined;
    const asked = { ...patience, signal: current.signal };
    // The same as siteOf(location.href), without parsing a URL: the first `new URL` on a page cost ~1 ms.
    const site = location.hostname;
    let plan: ScanPlan;
    try {
      plan = handedPlan() ?? (await askWorker(send, { type: 'content/scan-plan', site }, readScanPlan, asked));
    } catch (error) {
      // No plan came (a start that a newer one replaced has nothing to do).
      if (controller === current && !current.signal.aborted) {
        console.warn('tipline: content script could not start', error);
        startLater();
      }
      return;
    }
    if (current.signal.aborted) return;
    if (!plan.scan) {
      schedule.reset();
      report({ url: location.href, ...EMPTY });
      return;
    }
    try {
      scanner = startPageScanner({
        doc: document,
        engine: createRemoteEngine(plan.policy, send, asked),
        highlighter: chooseHighlighter(plan),
        signal: current.signal,
        onSummary: (summary) => {
          schedule.reset();
          report(summary);
        },
        onError: (error) => {
          // The worker read a new policy: a new plan, under it.
          if (error instanceof PolicyChangedError) {
            void restart();
            return;
          }
          // The worker does not answer: stop watching the page rather than piling up requests that
          // will not be answered, and start afresh a while later.
          console.warn('tipline: the scan stopped', error);
          current.abort();
          if (controller !== current) return;
          scanner = undefined;
          report({ url: location.href, ...EMPTY });
          startLater();
        },
      });
    } catch (error) {
      // A document the scanner cannot start on (no body yet, say): tried again later.
      console.warn('tipline: the scan could not start', error);
      current.abort();
      startLater();
    }
  }

  /** A stopped scan starts again later, unless this script has outlived its extension. */
  function startLater() {
    if (isOrphaned(browser.runtime)) return;
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => void restart(), schedule.next());
  }

  /**
   * The page's summary once its first scan is done (at most SUMMARY_WAIT_MS): a report form opened
   * while the scan runs shows the page's findings, not the part of them read so far.
   */
  async function summaryOnceScanned(): Promise<PageSummary> {
    const running = scanner;
    if (running) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, SUMMARY_WAIT_MS)));
      await Promise.race([running.ready.catch(() => undefined), late]).finally(() => clearTimeout(timer));
    }
    return scanner?.summary() ?? { url: location.href, ...EMPTY };
  }

  const restart = () => start().catch((error: unknown) => console.warn('tipline: content script could not start', error));

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = backgroundToContent.safeParse(message);
    if (!parsed.success) return undefined;
    switch (parsed.data.type) {
      case 'content/get-summary':
        return summaryOnceScanned().then(ok);
      case 'content/scroll-to': {
        const range = scanner?.findRange(parsed.data.phrase);
        const element = range?.startContainer.parentElement;
        element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        return Promise.resolve(ok(Boolean(element)));
      }
      case 'content/get-listing': {
        const { hints, from } = parsed.data;
        return Promise.resolve()
          .then(() => captureListing(from === 'pick' ? pickedListing() : lastRightClick(), hints, (container) => scanner?.findingsWithin(container) ?? []))
          .then(ok, (error: unknown) => ({
          ok: false as const,
          error: error instanceof Error ? error.message : String(error),
        }));
      }
      case 'content/pick-listing':
        pickListing();
        return Promise.resolve(ok(null));
      case 'content/page-metrics':
        return Promise.resolve(ok(pageMetrics()));
      case 'content/scroll-for-slice':
        return scrollForSlice(parsed.data.y, parsed.data.hideFixed).then(ok);
      case 'content/end-capture':
        endCapture(parsed.data.x, parsed.data.y);
        return Promise.resolve(ok(null));
      case 'content/snapshot':
        try {
          return Promise.resolve(ok(snapshotDraft()));
        } catch (error) {
          return Promise.resolve({ ok: false as const, error: error instanceof Error ? error.message : String(error) });
        }
      // The worker tells every tab when the settings, the lists or the policy changed
      // (src/background/scan-inputs.ts): this script reads no storage of its own.
      case 'content/settings-changed':
        void restart();
        return Promise.resolve(ok(null));
      default:
        return undefined;
    }
  });

  void restart();
}
