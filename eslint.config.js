import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The house plan's one direction of imports (ARCHITECTURE.md): a folder of src imports only folders
 * below it. Folders on one row are siblings and do not import each other. src/build runs at build
 * time and may read anything; nothing in the app imports it. src/styles holds CSS only.
 */
const LAYERS = [['core'], ['format'], ['url'], ['state'], ['math', 'plots', 'controls'], ['tools', 'exercises'], ['chapters'], ['embed'], ['app']];

/** no-restricted-imports patterns for a folder: every relative path into a folder on its row or above. */
function importDirection(folder) {
  const row = LAYERS.findIndex((names) => names.includes(folder));
  const forbidden = [...LAYERS.slice(row).flat().filter((name) => name !== folder), 'build'];
  return [
    {
      regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
      message: `src/${folder} imports only folders below it: ${LAYERS.slice(0, row).flat().join(', ') || 'none'} (see ARCHITECTURE.md).`,
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-output', 'bench/results', 'coverage', '.stryker-tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bench/**/*.{js,mjs}', '.ci/**/*.{js,mjs}', '*.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  ...LAYERS.flat()
    .filter((folder) => folder !== 'core')
    .map((folder) => ({
      files: folder === 'app' ? ['src/app/**/*.{ts,tsx}', 'src/main.tsx'] : [`src/${folder}/**/*.{ts,tsx}`],
      rules: { 'no-restricted-imports': ['error', { patterns: importDirection(folder) }] },
    })),
  {
    // A chapter's folder is its own: chapters share only what lies below them (and src/chapters' own
    // files, such as the opener frame and the chapter list, which alone imports every chapter's page).
    files: ['src/chapters/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...importDirection('chapters'),
            { regex: '^\\.\\./[^./][^/]*/', message: "A chapter imports no other chapter's folder: move what two chapters share below src/chapters." },
          ],
        },
      ],
    },
  },
  {
    // The address is the URL layer's business (src/url): a store or widget follows it through
    // currentRoute(), onHashChange() and useHash(), never by reading location.hash itself.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/url/**', 'src/build/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='hash'][object.name='location']", message: 'Read the address through src/url (currentRoute, useHash).' },
        { selector: "MemberExpression[property.name='hash'][object.property.name='location']", message: 'Read the address through src/url (currentRoute, useHash).' },
        { selector: "Literal[value='hashchange']", message: 'Follow the address through src/url (onHashChange, useHash).' },
      ],
    },
  },
  {
    // The core is pure math: the same module runs in node tests, in workers and in the page.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./)',
              message: 'src/core imports only its own modules (no React, DOM, d3, zustand or KaTeX).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      // A skipped or focused test is a test that silently stops guarding anything.
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'skip' },
        { object: 'it', property: 'only' },
        { object: 'test', property: 'skip' },
        { object: 'test', property: 'only' },
        { object: 'describe', property: 'skip' },
        { object: 'describe', property: 'only' },
        { object: 'it', property: 'todo' },
        { object: 'test', property: 'todo' },
      ],
    },
  },
);
