// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/**
 * DESIGN §2 layering, enforced here rather than remembered:
 * shared/ imports nothing outside shared/ (and no Node or Electron); shared/sim imports only
 * shared/model and itself; renderer/ never imports main/, Electron or Node; main/ never imports
 * renderer/. test/unit/lint/ proves the rule fires.
 */
const layering = {
  plugins: { boundaries },
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    'boundaries/include': ['shared/**', 'main/**', 'renderer/**', 'test/fixtures/lint/**'],
    'boundaries/elements': [
      { type: 'sim', pattern: ['shared/sim/**', 'test/fixtures/lint/shared/sim/**'], partialMatch: false },
      { type: 'model', pattern: ['shared/model/**', 'test/fixtures/lint/shared/model/**'], partialMatch: false },
      { type: 'shared', pattern: ['shared/**', 'test/fixtures/lint/shared/**'], partialMatch: false },
      { type: 'main', pattern: ['main/**', 'test/fixtures/lint/main/**'], partialMatch: false },
      { type: 'renderer', pattern: ['renderer/**', 'test/fixtures/lint/renderer/**'], partialMatch: false },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'allow',
        checkAllOrigins: true,
        policies: [
          {
            from: { element: { type: 'sim' } },
            disallow: { to: { element: { types: { anyOf: ['shared', 'main', 'renderer'] } } } },
            message: 'shared/sim may import only shared/model and its own files (DESIGN §2)',
          },
          {
            from: { element: { types: { anyOf: ['model', 'shared'] } } },
            disallow: { to: { element: { types: { anyOf: ['main', 'renderer', 'sim'] } } } },
            message: 'shared/ must not import main/ or renderer/, and only shared/sim itself imports the simulation (DESIGN §2)',
          },
          {
            from: { element: { type: 'renderer' } },
            disallow: { to: { element: { type: 'main' } } },
            message: 'renderer/ must not import main/ (DESIGN §2)',
          },
          {
            from: { element: { type: 'main' } },
            disallow: { to: { element: { type: 'renderer' } } },
            message: 'main/ must not import renderer/ (DESIGN §2)',
          },
          {
            from: { element: { types: { anyOf: ['sim', 'model', 'shared', 'renderer'] } } },
            disallow: { to: { module: { origin: 'core' } } },
            message: 'shared/ and renderer/ run without Node: no Node built-in modules (DESIGN §2)',
          },
          {
            from: { element: { types: { anyOf: ['sim', 'model', 'shared', 'renderer'] } } },
            disallow: { to: { module: { origin: 'external', source: 'electron' } } },
            message: 'only main/ imports electron (DESIGN §2)',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'dist-web/', 'dist-web-*/', 'release/', 'test-results/', 'playwright-report/', 'test/fixtures/lint/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Use a seeded stream (shared/sim/random), never Math.random.' },
      ],
    },
  },
  {
    files: ['shared/sim/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'performance', message: 'The simulation has no wall clock.' }, { name: 'Date', message: 'The simulation has no wall clock.' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  layering,
);
