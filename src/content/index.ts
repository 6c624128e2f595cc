import { z } from 'zod/mini';
import { startContentScript } from './content-script';

type Guard = { tipline_scanner?: boolean };

// The worker injects this script (src/background/inject-scanner.ts) when the bootstrap asks and when a
// report needs the page; a second injection into the same document would run a second scanner and
// answer every message twice. The flag lives in the extension's isolated world, out of the page's reach.
if (!(globalThis as Guard).tipline_scanner) {
  (globalThis as Guard).tipline_scanner = true;
  // zod compiles its object parsers with `new Function` unless told not to. The extension's CSP forbids
  // eval, so zod would probe, fail and fall back on every page: a failed eval is a CSP violation a page
  // could observe, and the probe costs start-up time.
  z.config({ jitless: true });

  // Thin entry point (docs/ARCHITECTURE.md, style): the work lives in modules that tests import directly.
  startContentScript();
}
