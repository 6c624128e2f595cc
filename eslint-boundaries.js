/*
 * The parts of src/ and what each may import (docs/ARCHITECTURE.md, "Parts and their imports").
 * ESLint's own no-restricted-imports reads the import as written: every relative import here names
 * the part's folder (`../background/…`, `../../store/…`), so a pattern on the folder name is enough,
 * and a violation is reported with the file, the line and the rule that forbids it.
 */

const part = (name) => `(^|/)${name}(/|$)`;
const forbid = (names, why) => names.map((name) => ({ regex: part(name), message: why }));

const browserModules = [
  { regex: '^webextension-polyfill$', message: 'The matcher is pure text matching: no browser APIs (docs/ARCHITECTURE.md).' },
  { regex: '^(preact|idb|fflate)(/|$)', message: 'The matcher is pure text matching: no UI, storage or archive code (docs/ARCHITECTURE.md).' },
];

/** Which parts each part must not import, as `files` globs with their forbidden patterns. */
export const boundaries = [
  {
    files: ['src/popup/**', 'src/options/**', 'src/ui/**'],
    patterns: [
      ...forbid(['background', 'content', 'matcher', 'phrases'], 'The extension pages reach the worker through src/shared/protocol/ui-client.ts, never by importing it (docs/ARCHITECTURE.md).'),
      // The pages may read evidence parts from the store; writes are the worker's.
      { regex: '(^|/)store/(?!part-store$)', message: 'The extension pages may read evidence parts (store/part-store) only; the worker owns the store (docs/ARCHITECTURE.md).' },
    ],
  },
  {
    files: ['src/background/**'],
    patterns: forbid(['content', 'popup', 'options', 'ui'], 'The worker never imports page or UI code (docs/ARCHITECTURE.md).'),
  },
  {
    files: ['src/content/**'],
    patterns: [
      ...forbid(['background', 'store', 'popup', 'options', 'ui', 'phrases'], 'The content script holds page code only; it talks to the worker through src/shared/protocol (docs/ARCHITECTURE.md).'),
      // Its bundle needs one helper of the matcher: which characters render as nothing.
      { regex: '(^|/)matcher/(?!invisible$)', message: 'The content script imports no matcher internals beyond matcher/invisible: matching runs in the worker (docs/ARCHITECTURE.md).' },
      { regex: '(^|/)matcher$', message: 'The content script imports no matcher internals beyond matcher/invisible: matching runs in the worker (docs/ARCHITECTURE.md).' },
    ],
  },
  {
    files: ['src/matcher/**'],
    patterns: [
      ...browserModules,
      ...forbid(['background', 'content', 'store', 'popup', 'options', 'ui'], 'The matcher is pure: it imports only src/shared and src/phrases (docs/ARCHITECTURE.md).'),
      { regex: '(^|/)shared/(i18n|protocol/ui-client)$', message: 'The matcher is pure text matching: no browser APIs (docs/ARCHITECTURE.md).' },
    ],
  },
  {
    files: ['src/store/**'],
    patterns: forbid(['background', 'content', 'matcher', 'popup', 'options', 'ui'], 'The store holds IndexedDB records and parts; it imports only src/shared (docs/ARCHITECTURE.md).'),
  },
  {
    files: ['src/shared/**', 'src/phrases/**'],
    patterns: forbid(['background', 'content', 'matcher', 'store', 'popup', 'options', 'ui'], 'src/shared and src/phrases are imported by the other parts and import none of them (docs/ARCHITECTURE.md).'),
  },
];

/** The flat-config blocks that enforce them. */
export const boundaryConfigs = boundaries.map(({ files, patterns }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}));
