// ESLint flat config: typescript-eslint's type-checked recommended rules over every TypeScript file,
// React hooks rules for the renderer, and the globals each side of the Electron process split really has.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    'out/',
    'node_modules/',
    'tests/fixtures/generated/',
    'bench/generated/',
    'test-results/',
    'playwright-report/',
    '.scratch/',
  ]),

  js.configs.recommended,

  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The two projects the typecheck script builds: Node side (main, preload, shared, tests, bench,
        // scripts, tool configs) and web side (renderer, shared). Every linted .ts file is in one of them.
        project: ['./tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // Everything that runs in Node: main process, preload, CLI, tests, benchmark, scripts, tool configs.
  {
    files: [
      'src/main/**',
      'src/preload/**',
      'tests/**',
      'bench/**',
      'scripts/**',
      'bin/**',
      '*.config.{ts,mts,js,mjs,cjs}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },

  // node:test's describe/it/test return promises the runner itself tracks; awaiting them at top level
  // would serialise nothing and only add noise. Any other unawaited promise in a test is still an error.
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
    },
  },

  // The renderer is a sandboxed web page: browser globals only, no Node.
  {
    files: ['src/renderer/**'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },

  // The published CLI launcher is plain CommonJS, loaded by Node directly.
  {
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
]);
