import { describe, expect, it } from 'vitest';
import { slotNames } from '../../../src/build/slotNames';

describe('slotNames', () => {
  it('slotNames lists each component the MDX uses once, in order of first use', () => {
    const mdx = '<Opener />\n\nText.\n\n<Explorer/>\n\n## Exercise\n\n<Explorer />\n<AnExercise>\n</AnExercise>\n';
    expect(slotNames(mdx)).toEqual(['Opener', 'Explorer', 'AnExercise']);
  });

  it('slotNames leaves out what the MDX imports itself, and lower-case HTML', () => {
    const mdx = "import Notation from './shared/notation.mdx';\n\n<Notation />\n\n<details><summary>x</summary></details>\n\n<Opener />\n";
    expect(slotNames(mdx)).toEqual(['Opener']);
  });

  it('slotNames skips components only named in an MDX comment', () => {
    expect(slotNames('{/* shown with <Notation /> */}\n\n<Opener />\n')).toEqual(['Opener']);
  });
});
