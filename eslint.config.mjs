import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The folders of src/ outside the domain: the domain imports none of them. */
const OUTER_LAYERS = [
  'admin',
  'bot',
  'cases',
  'channels',
  'handoff',
  'http',
  'integrator',
  'iys',
  'observability',
  'privacy',
  'reminders',
  'state',
];

/**
 * The lowest layers of src/ and which outer folders each may import (src/domain and src/errors always).
 * src/iys implements a port the dialogs own (the İYSKod/BrandKod check), so it may import dialogs/.
 */
const LOWER_LAYERS = { state: [], cases: ['state'], iys: ['dialogs'], observability: [], i18n: [] };

/** Imports a file `depth` folders below src/<layer>/ may not make: the other layers, dialogs and cards. */
const lowerLayerPatterns = (layer, allowed, depth) => [
  ...OUTER_LAYERS.filter((l) => l !== layer && !allowed.includes(l)).map(
    (l) => `${'../'.repeat(depth + 1)}${l}/**`,
  ),
  ...(allowed.includes('dialogs') ? [] : [`${'../'.repeat(depth + 2)}dialogs/**`]),
  `${'../'.repeat(depth + 2)}cards/**`,
];

export default tseslint.config(
  { ignores: ['node_modules', '.ci/.node', 'dist', 'coverage', 'docs', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Layering (DESIGN.md): the domain stays free of frameworks and infrastructure, at every folder depth
  // (a relative path's depth is what tells src/reminders from src/domain/reminders).
  ...['src/domain/*.ts', 'src/domain/*/*.ts', 'src/domain/*/*/*.ts'].map((files, depth) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'botbuilder*',
            'botframework-*',
            '@microsoft/*',
            'redis',
            'bullmq',
            'restify',
            ...OUTER_LAYERS.map((layer) => `${'../'.repeat(depth + 1)}${layer}/**`),
            `${'../'.repeat(depth + 2)}dialogs/**`,
            `${'../'.repeat(depth + 2)}cards/**`,
          ],
        },
      ],
    },
  })),
  {
    files: ['cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'botbuilder*',
            '@microsoft/*',
            'redis',
            'bullmq',
            'restify',
            '**/dialogs/**',
            '**/src/bot/**',
            '**/src/http/**',
            '**/src/state/**',
          ],
        },
      ],
    },
  },
  // The lowest layers import nothing above them.
  ...Object.entries(LOWER_LAYERS).flatMap(([layer, allowed]) =>
    [`src/${layer}/*.ts`, `src/${layer}/*/*.ts`].map((files, depth) => ({
      files: [files],
      rules: {
        'no-restricted-imports': ['error', { patterns: lowerLayerPatterns(layer, allowed, depth) }],
      },
    })),
  ),
  {
    // Dialogs reach storage, reminders and handoff only through the ports they own (dialogs/ports.ts).
    files: ['dialogs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'redis',
            'bullmq',
            'restify',
            'botframework-connector',
            ...[...OUTER_LAYERS, 'config', 'backend'].map((layer) => `**/src/${layer}/**`),
            ...['app', 'app-*', 'config', 'main', 'worker-main', 'process-runner'].map(
              (file) => `**/src/${file}`,
            ),
          ],
        },
      ],
    },
  },
  {
    // Files by concern, each readable on its own (DESIGN.md): under 300 lines, functions under 60.
    files: ['src/**/*.ts', 'dialogs/**/*.ts', 'cards/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
