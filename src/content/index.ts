import { startContentScript } from './content-script';

// Thin entry point (DESIGN.md §8): the work lives in modules that tests import directly.
startContentScript();
