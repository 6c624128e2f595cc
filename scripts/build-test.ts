/**
 * The test build, dist-test/chrome: dist/chrome as `npm run build` made it, with one file changed, the
 * worker, built from test/e2e/harness/background-with-hooks.ts (the real worker plus the hooks the
 * end-to-end tests and the bench call in it). The production build never runs this script, and
 * scripts/check-bundle.ts fails on a hook found in dist/.
 */
import { build } from 'vite';
import { cp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { workerTables } from './worker-tables';

const here = resolve(import.meta.dirname, '..');
const chromeDir = join(here, 'dist/chrome');
const testDist = join(here, 'dist-test');
const testChromeDir = join(testDist, 'chrome');

if (!existsSync(join(chromeDir, 'manifest.json'))) throw new Error('dist/chrome is missing: run npm run build first');
const started = Date.now();
await rm(testDist, { recursive: true, force: true });
await cp(chromeDir, testChromeDir, { recursive: true, filter: (path) => resolve(path) !== join(chromeDir, 'background.js') });
await build({ configFile: join(here, 'vite.config.ts'), mode: 'background-with-hooks', logLevel: 'warn', define: workerTables() });
// A worker without the hooks would make the tests that need them fail far from the cause.
if (!(await readFile(join(testChromeDir, 'background.js'), 'utf8')).includes('tiplineReportListing')) throw new Error('dist-test/chrome/background.js lacks the test hooks');
console.log(`built dist-test/chrome in ${Date.now() - started} ms (dist/chrome with the test hooks in its worker)`);
