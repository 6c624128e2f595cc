import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundaryConfigs } from './eslint-boundaries.js';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-test/**', 'node_modules/**', 'data/**', 'docs/schemas/**', 'test/fixtures/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Page data never reaches the DOM as markup (docs/SECURITY.md).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build nodes instead: page data must never become markup.' },
        { property: 'outerHTML', message: 'Build nodes instead: page data must never become markup.' },
        { property: 'insertAdjacentHTML', message: 'Build nodes instead: page data must never become markup.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML in the UI.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // Tests read pages as a person's browser shows them (outerHTML included); nothing of theirs ships.
    files: ['test/**', 'bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  ...boundaryConfigs,
);
