import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const domainFolders = ['src/protocol/**', 'src/catalog/**', 'src/chat/**', 'src/tokens/**', 'src/payments/**'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'coverage', '.test-results', 'bench/.build', 'bench/results.json', 'demo/public/**', 'custom-elements.json', '**/*.css.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', process: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The kit declares reactive properties in `static properties` and defines its elements with
    // `customElements.define`: decorators cost every component their helper and one call per field.
    files: ['ui-kit/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'lit/decorators.js', message: 'The kit uses static properties, not decorators.' }],
        patterns: [{ group: ['lit/decorators/*', '@lit/reactive-element/decorators/*'], message: 'The kit uses static properties, not decorators.' }],
      }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests play hostile and malformed peers on purpose.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Pure domains: no DOM, no UI, no runtime sides, no I/O. They run in a browser and in Node alike.
    files: domainFolders,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'], message: 'Domains must not import UI code.' },
          { group: ['**/host/**', '**/sdk/**', '**/backend/**', '**/ui-kit/**', '**/demo/**'], message: 'Domains depend only on protocol.' },
          { group: ['node:*', 'fs', 'path', 'http', 'https', 'idb', 'msw', 'msw/*', 'hono', 'hono/*'], message: 'Domains do no I/O.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'fetch', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'XMLHttpRequest', 'WebSocket'],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Inject a clock.' },
        { object: 'Math', property: 'random', message: 'Inject a random source.' },
      ],
    },
  },
);
