// One lint configuration for the whole repository (run by `npm run lint` and CI).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      'test-artifacts/**',
      '.tools/**',
      '.data/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Inject an id generator instead of Math.random().',
        },
      ],
    },
  },
  {
    // The domain packages are pure: no frameworks, no ambient time or randomness.
    files: ['packages/protocol/src/**', 'packages/engine/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['express', 'mongoose', 'mongodb', 'react', 'react-dom', 'node:fs', 'fs', 'node:http'] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Inject a clock.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Inject a clock.' },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Inject an id generator.',
        },
      ],
    },
  },
);
