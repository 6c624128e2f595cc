import { defineConfig, type UserConfig } from 'vite';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, 'src');
const outDir = resolve(import.meta.dirname, 'dist/chrome');

/**
 * Five builds share one output folder: the two extension pages (Preact, ES modules), and the background
 * worker, the content script's bootstrap and the scanner the worker injects, each a single classic
 * script because content scripts cannot be modules and one file keeps the worker's start-up to a single
 * fetch. `scripts/build.ts` runs them in turn.
 */
const single = (name: 'background' | 'content' | 'bootstrap', entry = resolve(root, name, 'index.ts'), out = outDir): UserConfig => ({
  root,
  publicDir: false,
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
    plugins: [preact()],
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
