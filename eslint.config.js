// One flat config for the whole workspace. Each project's `lint` script (`eslint src test`, …)
// runs from its own folder and ESLint finds this file by walking up.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Module boundaries (see docs/decisions.md): @nx/eslint-plugin has no release for nx 24, so the
// one-way graph (libs never import apps, web never imports api) is kept with
// no-restricted-imports. Packages are matched by name; relative paths by the folders they climb
// into (`api/src`, not `features/x/api/`). Dynamic import() is not checked.
const RELATIVE = '^\\.\\.?/(.*/)?';
const NO_APPS_IN_LIBS = 'libs/* never import apps: move the shared part into a lib.';
const NO_API_IN_WEB = 'The web app never imports the API: share it through @chat/contracts.';
const NO_WEB_IN_API = 'The API never imports the web app.';
const LIBS_BY_NAME = 'Import libs by package name (@chat/contracts), not by path.';

const restrict = (...patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns: patterns.map(([regex, message]) => ({ regex, message })) },
  ],
});

const libBoundaries = restrict(
  ['^@chat/(api|web)(/|$)', NO_APPS_IN_LIBS],
  [`${RELATIVE}apps/`, NO_APPS_IN_LIBS],
);
const webBoundaries = restrict(
  ['^@chat/api(/|$)', NO_API_IN_WEB],
  [`${RELATIVE}(apps/api|api/(src|dist|test))(/|$)`, NO_API_IN_WEB],
  [`${RELATIVE}libs/`, LIBS_BY_NAME],
);
const apiBoundaries = restrict(
  ['^@chat/web(/|$)', NO_WEB_IN_API],
  [`${RELATIVE}(apps/web|web/(src|dist|e2e))(/|$)`, NO_WEB_IN_API],
  [`${RELATIVE}libs/`, LIBS_BY_NAME],
);

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/.data/',
    '**/.nx/',
    '**/coverage/',
    '**/test-results/',
    '**/playwright-report/',
    'apps/web/e2e/artifacts/',
    // Tool configs (eslint, jest, vite, playwright) are plain wiring, checked by their tools.
    '**/*.config.{js,mjs,cjs,ts,mts}',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  // Globals are set per place (they merge, so a wide default could not be taken back).
  {
    files: ['apps/api/**', 'tools/**', 'apps/web/e2e/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['apps/web/**'],
    languageOptions: { globals: globals.browser },
  },
  // Shared code runs in Node and in the browser: only the globals both have.
  {
    files: ['libs/**'],
    languageOptions: { globals: globals['shared-node-browser'] },
  },

  { files: ['libs/**'], rules: libBoundaries },
  { files: ['apps/web/**'], rules: webBoundaries },
  { files: ['apps/api/**'], rules: apiBoundaries },

  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Setting state from an effect is how a component syncs with something outside React (a
      // socket session, a timer); the rule cannot tell that from a derived value. A hint only.
      'react-hooks/set-state-in-effect': 'warn',
    },
  },

  // Tests may be loose with types: fakes, partial mocks and poking at internals.
  {
    files: ['**/test/**', '**/*.spec.{ts,tsx}', '**/*.test.{ts,tsx}', '**/e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
]);
