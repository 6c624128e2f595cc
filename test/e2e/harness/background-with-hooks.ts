/*
 * The worker of the test build (dist-test/chrome, made by scripts/build-test.ts): the real worker,
 * plus entry points the end-to-end tests and the bench call from the worker's console. Headless
 * Chromium cannot click a context menu, so the tests call the menu's handler directly; the counters
 * show where pages' text was matched. None of this is in dist/: the production build never reads
 * this file, and scripts/check-bundle.ts fails on a `tipline…` hook name there.
 */
import '../../../src/background/index';
import { reportListing } from '../../../src/background/report-listing';
import { blockScanCount, prefilterCount } from '../../../src/background/scan-counters';

Object.assign(globalThis, { tiplineReportListing: reportListing, tiplineBlocksScanned: blockScanCount, tiplineTextsPrefiltered: prefilterCount });
