import { z } from 'zod/mini';
import { startContentScript } from './content-script';

// zod compiles its object parsers with `new Function` unless told not to. The extension's CSP forbids
// eval, so zod would probe, fail and fall back on every page: a failed eval is a CSP violation a page
// could observe, and the probe costs start-up time.
z.config({ jitless: true });

// Thin entry point (docs/ARCHITECTURE.md, style): the work lives in modules that tests import directly.
startContentScript();
