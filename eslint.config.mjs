import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The folders of src/ outside the domain: the domain imports none of them. */
const OUTER_LAYERS = [
  'admin',
  'bot',
  'cases',
  'handoff',
  'http',
  'integrator',
  'iys',
  'observability',
  'privacy',
  'reminders',
  'state',
  'whatsapp',
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
            `${'../'.repeat(depth + 2)}{dialogs,cards}/**`,
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
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
