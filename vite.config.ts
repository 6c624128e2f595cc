import { defineConfig, type UserConfig } from 'vite';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, 'src');
const outDir = resolve(import.meta.dirname, 'dist/chrome');

/**
 * Three builds share one output folder: the extension pages (Preact, ES modules), and the background
 * worker and content script, each a single classic script because content scripts cannot be modules
 * and one file keeps the worker's start-up to a single fetch. `scripts/build.ts` runs them in turn.
 */
const single = (name: 'background' | 'content'): UserConfig => ({
  root,
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2022',
    minify: process.env.TIPLINE_NO_MINIFY ? false : true,
    sourcemap: false,
    lib: { entry: resolve(root, name, 'index.ts'), formats: ['iife'], name: `tipline_${name}`, fileName: () => `${name}.js` },
  },
});

export default defineConfig(({ mode }) => {
  if (mode === 'background' || mode === 'content') return single(mode);
  return {
    root,
    base: './',
    publicDir: resolve(import.meta.dirname, 'public'),
    plugins: [preact()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      modulePreload: false,
      rollupOptions: {
        input: { popup: resolve(root, 'popup/index.html'), options: resolve(root, 'options/index.html') },
      },
    },
  };
});
