// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const platformModules = [
  'electron',
  'electron/*',
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'dexie',
  'dexie-react-hooks',
  'pdf-lib',
  '@pdf-lib/*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'node:*',
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'dist-web/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Gebruik een `as const`-union in plaats van enum.',
        },
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Geen default exports (style.md regel 11).',
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The rule core is pure: it runs in main, renderer, server and CLI alike (style.md rule 1).
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: platformModules,
              message:
                'src/shared blijft platformvrij: geen electron/react/zustand/dexie/pdf-lib/node-imports.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/shared kent geen window.' },
        { name: 'document', message: 'src/shared kent geen document.' },
        { name: 'indexedDB', message: 'src/shared kent geen opslag.' },
      ],
    },
  },
  {
    // Documents render from models and bytes: no UI, no storage, no node.
    files: ['src/documents/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', 'zustand', 'dexie', 'node:*', 'fs', 'path'],
              message: 'src/documents gebruikt geen UI, opslag of node-modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // Dexie is only touched by the storage layer (repositories are its only door).
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/storage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'Dexie alleen via src/renderer/storage (repositories).' },
          ],
        },
      ],
    },
  },
  {
    // Main is a thin shell (docs/adr/0008): no sync server, no database, no HTTP server in its
    // process, so nothing personal can end up in a plain store in the app's data folder.
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server', '**/server/**', '**/src/server/**'],
              message: 'src/main importeert niets uit src/server (ADR 0008: geen server in main).',
            },
            {
              group: ['@electric-sql/pglite', '@electric-sql/pglite/*', 'pg', 'pg/*', 'pg-*'],
              message: 'src/main opent geen database (ADR 0008).',
            },
            {
              group: ['fastify', 'fastify/*', '@fastify/*'],
              message: 'src/main draait geen HTTP-server (ADR 0008).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['*.config.{js,mjs,ts,mts}', 'eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
)
