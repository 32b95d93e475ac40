import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_GROUP_MODULES, CHUNK_GROUPS } from '../../../src/build/chunkGroups';

const SRC = resolve(__dirname, '../../../src');

/** The file a path under src/ names, whichever of the module extensions it has. */
function fileOf(path: string): string | undefined {
  return ['.ts', '.tsx'].map((ext) => `${SRC}/${path}${ext}`).find((file) => existsSync(file));
}

describe('CHUNK_GROUPS', () => {
  it('every module a group names is a file in src/: a rename cannot silently drop it from its group', () => {
    const missing = Object.values(CHUNK_GROUP_MODULES)
      .flat()
      .filter((path) => fileOf(path) === undefined);
    expect(missing).toEqual([]);
  });

  it("each group's test matches its own modules' absolute paths and no other group's", () => {
    for (const [name, paths] of Object.entries(CHUNK_GROUP_MODULES)) {
      for (const path of paths) {
        const file = fileOf(path)!;
        const matching = CHUNK_GROUPS.filter((group) => group.test.test(file)).map((group) => group.name);
        expect(matching, file).toEqual([name]);
      }
    }
  });

  it('a test matches whole module names: core/softmax takes softmax.ts, not softmaxTerms.ts or a folder', () => {
    const softmaxCore = CHUNK_GROUPS.find((group) => group.name === 'softmaxCore')!;
    expect(softmaxCore.test.test(`${SRC}/core/softmax.ts`)).toBe(true);
    expect(softmaxCore.test.test(`${SRC}/core/softmaxTerms.ts`)).toBe(false);
    expect(softmaxCore.test.test(`${SRC}/chapters/softmax/index.ts`)).toBe(false);
    expect(softmaxCore.test.test(`/elsewhere/core/softmax.ts`)).toBe(false);
  });
});
