import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import autoImports from './.wxt/eslint-auto-imports.mjs';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'dist/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  autoImports,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Page text is untrusted: render it as text.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Page text is untrusted: never assign it as HTML.',
        },
      ],
    },
  },
  {
    // CommonJS files: the command line's launcher, which Node loads without its ES module
    // loader, and a build stub.
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The pure pipeline must not reach for browser APIs or DOM globals; nor must the corpus
    // lists' checks (their `fetch` is passed in, so tests and the extension give their own)
    // or the capped body reader they share with the command line (it is given a Response);
    // nor the ingest code the command line and followed sites share, nor following a site.
    files: [
      'src/text/**',
      'src/fingerprint/**',
      'src/corpus/**',
      'src/match/**',
      'src/detect/**',
      'src/report/**',
      'src/classify/**',
      'src/check/**',
      'src/lists/**',
      'src/net/**',
      'src/credit/**',
      'src/ingest/**',
      'src/follow/**',
    ],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'browser',
        'chrome',
        'navigator',
        'fetch',
        'localStorage',
      ],
    },
  },
  // A check runs one way: extract → fingerprint → retrieve → compare → accept → detect →
  // report, run by src/check. Each stage imports only the stages before it.
  ...boundary(['src/match/**', 'src/classify/**'], /(?:^|\/)(?:detect|report|check)\//.source, {
    message: 'Retrieval, comparison and acceptance come before the detectors and the report.',
  }),
  ...boundary(['src/detect/**'], /(?:^|\/)(?:check\/|match\/accept$)/.source, {
    message: 'Detectors read an accepted comparison (match/compare.ts), not acceptance or the orchestrator.',
  }),
  ...boundary(['src/corpus/**'], /(?:^|\/)(?:extract|check)\//.source, {
    message: 'The corpus is data: it never reads pages (take what you need of one as a parameter).',
  }),
  {
    // Shared with the extension's background (an MV3 service worker): no Node modules.
    files: ['src/ingest/**', 'src/follow/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'Runs in the service worker too.' }] },
      ],
    },
  },
);

/** Files matching `files` may not import a module whose path matches `regex`. */
function boundary(files, regex, { message }) {
  return [{ files, rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] } }];
}
