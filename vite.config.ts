import { defineConfig, type Plugin, type UserConfig } from 'vite';
import preact from '@preact/preset-vite';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, 'src');
const outDir = resolve(import.meta.dirname, 'dist/chrome');

/**
 * webextension-polyfill as an ES module. Bundled as CommonJS, its export is wrapped in a namespace
 * object that copies every property of what it exports: where the browser has its own `browser`
 * (Chromium 14x and later), the polyfill exports that, and the copy reads every API namespace at start-up,
 * which makes the browser set up each one's bindings (windows, webRequest, contextMenus…): 10–30 ms in
 * every extension context, the worker included, before its first answer (README, Performance). The
 * polyfill's own code runs unchanged.
 */
const polyfillAsModule = (): Plugin => ({
  name: 'tipline-polyfill-as-module',
  enforce: 'pre',
  async load(id) {
    if (!/[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/.test(id)) return null;
    const code = await readFile(id, 'utf8');
    return `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`;
  },
});

/**
 * Five builds share one output folder: the two extension pages (Preact, ES modules), and the background
 * worker, the content script's bootstrap and the scanner the worker injects, each a single classic
 * script because content scripts cannot be modules and one file keeps the worker's start-up to a single
 * fetch. `scripts/build.ts` runs them in turn.
 */
const single = (name: 'background' | 'content' | 'bootstrap', entry = resolve(root, name, 'index.ts'), out = outDir): UserConfig => ({
  root,
  publicDir: false,
  plugins: [polyfillAsModule()],
  build: {
    outDir: out,
    emptyOutDir: false,
    target: 'es2022',
    minify: process.env.TIPLINE_NO_MINIFY ? false : true,
    sourcemap: false,
    lib: { entry, formats: ['iife'], name: `tipline_${name}`, fileName: () => `${name}.js` },
  },
});

/**
 * The test build's worker (`scripts/build-test.ts`): the same worker with the end-to-end tests' hooks,
 * from outside src/ and into dist-test/, so that nothing of it can reach dist/.
 */
const backgroundWithHooks = (): UserConfig =>
  single('background', resolve(import.meta.dirname, 'test/e2e/harness/background-with-hooks.ts'), resolve(import.meta.dirname, 'dist-test/chrome'));

export default defineConfig(({ mode }) => {
  if (mode === 'background' || mode === 'content') return single(mode);
  if (mode === 'bootstrap') return single(mode, resolve(root, 'content', 'bootstrap.ts'));
  if (mode === 'background-with-hooks') return backgroundWithHooks();
  // Each extension page is built on its own (the popup first, which empties the folder): a module both
  // pages import is then shaken for each page alone, so the report form carries no zod that only the
  // options page needs (src/shared/taxonomy.ts), and no chunk is shared between them (README, Performance).
  const page = mode === 'options' ? 'options' : 'popup';
  return {
    root,
    base: './',
    publicDir: page === 'popup' ? resolve(import.meta.dirname, 'public') : false,
    plugins: [polyfillAsModule(), preact()],
    build: {
      outDir,
      emptyOutDir: page === 'popup',
      target: 'es2022',
      sourcemap: false,
      modulePreload: false,
      rollupOptions: {
        input: { [page]: resolve(root, page, 'index.html') },
      },
    },
  };
});
