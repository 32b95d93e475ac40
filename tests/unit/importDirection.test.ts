import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/**
 * The house plan (ARCHITECTURE.md) as the linter enforces it: each case lints a line of source as if
 * it stood in a file of src, and asserts which rule, if any, refuses it. `npm run lint` runs the same
 * configuration over the tree; this shows the configuration refuses what it must and lets the rest by.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const USE = '\nexport const used = [x];\n';

describe('eslint.config.js: one direction of imports', () => {
  it.each([
    ['src/format/probe.ts', "import { x } from '../url/hashRoute';", 'src/format imports only folders below it: core'],
    ['src/url/probe.ts', "import { x } from '../state/LabContext';", 'src/url imports only folders below it'],
    ['src/state/probe.ts', "import { x } from '../embed/widgetRegistry';", 'src/state imports only folders below it'],
    ['src/plots/probe.ts', "import { x } from '../controls/NumberField';", 'src/plots imports only folders below it'],
    ['src/math/probe.ts', "import { x } from '../chapters/chapterList';", 'src/math imports only folders below it'],
    ['src/tools/probe.ts', "import { x } from '../chapters/backprop/index';", 'src/tools imports only folders below it'],
    ['src/tools/probe.ts', "import { x } from '../exercises/Exercise';", 'src/tools imports only folders below it'],
    ['src/exercises/probe.ts', "import { x } from '../tools/clipboard';", 'src/exercises imports only folders below it'],
    ['src/chapters/softmax/probe.ts', "import { x } from '../../embed/widgetRegistry';", 'src/chapters imports only folders below it'],
    ['src/chapters/softmax/probe.ts', "import { x } from '../backprop/backpropStore';", "A chapter imports no other chapter's folder"],
    ['src/embed/probe.ts', "import { x } from '../app/App';", 'src/embed imports only folders below it'],
    ['src/app/probe.ts', "import { x } from '../build/prerenderedFormulas';", 'src/app imports only folders below it'],
    ['src/core/probe.ts', "import { x } from '../format/formatNumber';", 'src/core imports only its own modules'],
  ])('%s: %s is refused', async (file, line, message) => {
    const found = await problems(file, line + USE);
    expect(found.some((p) => p.startsWith('no-restricted-imports') && p.includes(message))).toBe(true);
  });

  it.each([
    ['src/format/probe.ts', "import { x } from '../core/softmax';"],
    ['src/state/probe.ts', "import { x } from '../url/hashRoute';"],
    ['src/plots/probe.ts', "import { x } from '../format/formatNumber';"],
    ['src/tools/probe.ts', "import { x } from '../controls/NumberField';"],
    ['src/exercises/probe.ts', "import { x } from '../controls/parseTypedNumber';"],
    ['src/chapters/softmax/probe.ts', "import { x } from '../../exercises/Exercise';"],
    ['src/chapters/softmax/probe.ts', "import { x } from '../../tools/share/embeddable';"],
    ['src/chapters/softmax/probe.ts', "import { x } from '../Opener';"],
    ['src/embed/probe.ts', "import { x } from '../chapters/backprop/index';"],
    ['src/app/probe.ts', "import { x } from '../embed/EmbedPage';"],
  ])('%s: %s is allowed', async (file, line) => {
    expect(await problems(file, line + USE)).toEqual([]);
  });
});

describe('eslint.config.js: the address is src/url’s business', () => {
  it('a widget reading location.hash is refused, and told where to go', async () => {
    const found = await problems('src/chapters/softmax/probe.ts', 'export const hash = () => window.location.hash;\n');
    expect(found).toEqual(['no-restricted-syntax: Read the address through src/url (currentRoute, useHash).']);
  });

  it('a store listening for hashchange itself is refused', async () => {
    const found = await problems('src/state/probe.ts', "export const follow = (f: () => void) => window.addEventListener('hashchange', f);\n");
    expect(found).toEqual(['no-restricted-syntax: Follow the address through src/url (onHashChange, useHash).']);
  });

  it('src/url itself reads it', async () => {
    expect(await problems('src/url/probe.ts', "export const hash = () => window.location.hash;\nexport const on = (f: () => void) => window.addEventListener('hashchange', f);\n")).toEqual([]);
  });
});
