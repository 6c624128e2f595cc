/*
 * The worker of the test build (dist-test/chrome, made by scripts/build-test.ts): the real worker,
 * plus entry points the end-to-end tests and the bench call from the worker's console. Headless
 * Chromium cannot click a context menu, so the tests call the menu's handler directly; the counters
 * show where pages' text was matched and how often a page was captured. None of this is in dist/: the
 * production build never reads this file, and scripts/check-bundle.ts fails on a `tipline…` hook name there.
 */
// First: the capture counter wraps chrome.tabs before the worker's modules first use it.
import { captureCounts } from './capture-counter';
// Also first: the log of exact-scan requests wraps the listener the worker registers.
import { scanLog } from './scan-log';
import '../../../src/background/index';
import { menuClicked } from '../../../src/background/context-menu';
import { reportListing } from '../../../src/background/report-listing';
import { blockScanCount, prefilterCount } from '../../../src/background/scan-counters';

Object.assign(globalThis, {
  tiplineReportListing: reportListing,
  tiplineMenuClicked: menuClicked,
  tiplineCaptureCounts: captureCounts,
  tiplineBlocksScanned: blockScanCount,
  tiplineTextsPrefiltered: prefilterCount,
  tiplineScanLog: scanLog,
});
