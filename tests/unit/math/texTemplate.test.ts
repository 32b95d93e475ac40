import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import { softmax, softmaxTerms } from '../../../src/core';
import { liveKatexOptions } from '../../../src/math/katexOptions';
import { fillTemplate, learnTemplate, parseTypeset, splitNumbers, toHtml } from '../../../src/math/texTemplate';
import { softmaxFractionTex } from '../../../src/chapters/softmax/softmaxFormula';

const render = (tex: string) => katex.renderToString(tex, liveKatexOptions(true));
const SEED = 20261127;

function fractionPieces(logits: number[], temperature: number, shown: number) {
  const probabilities = softmax(logits, temperature);
  const { exponentials, sum } = softmaxTerms(logits, temperature);
  return Object.values(softmaxFractionTex({ logits, temperature, probabilities, exponentials, sum, shown }));
}

const logit = fc.integer({ min: -100, max: 100 }).map((n) => n / 10);
const state = fc
  .record({
    logits: fc.array(logit, { minLength: 2, maxLength: 8 }),
    temperature: fc.constantFrom(1, 0.5, 2.35),
    shown: fc.nat(7),
    moved: fc.nat(7),
    delta: fc.integer({ min: -30, max: 30 }).map((n) => n / 10),
  })
  .map((s) => ({ ...s, shown: s.shown % s.logits.length, moved: s.moved % s.logits.length }));

describe('splitNumbers', () => {
  it('splitNumbers masks every number and leaves term ids alone', () => {
    expect(splitNumbers('p_{3} = \\term{p-3}{0.665} + e^{-2.50}')).toEqual({
      shape: 'p_{#} = \\term{p-3}{#} + e^{-#}',
      numbers: ['3', '0.665', '2.50'],
    });
  });

  it('splitNumbers leaves a digit after an unbraced _ or ^ in the shape: \\log_2 and )_1 are not numbers', () => {
    expect(splitNumbers('-1.000\\,\\log_2 0.731 + ([z, 0])_1 + x^2')).toEqual({
      shape: '-#\\,\\log_2 # + ([z, #])_1 + x^2',
      numbers: ['1.000', '0.731', '0'],
    });
  });
});

describe('parseTypeset and toHtml', () => {
  it('parseTypeset(toHtml(f)) gives back f, entities included', () => {
    const f = parseTypeset(render('a < b \\;\\&\\; \\text{"x"} = 1.5'));
    expect(parseTypeset(toHtml(f))).toEqual(f);
    expect(f.texts.join('')).toContain('<');
  });
});

describe('learnTemplate and fillTemplate', () => {
  it('a template filled with another state’s numbers equals KaTeX’s own typesetting of that state', () => {
    let compared = 0;
    fc.assert(
      fc.property(state, ({ logits, temperature, shown, moved, delta }) => {
        const before = fractionPieces(logits, temperature, shown);
        const nextLogits = logits.map((z, i) => (i === moved ? Math.round((z + delta) * 10) / 10 : z));
        const after = fractionPieces(nextLogits, temperature, shown);
        before.forEach((tex, i) => {
          const next = after[i] as string;
          const a = splitNumbers(tex);
          const b = splitNumbers(next);
          const template = learnTemplate(tex, render);
          expect(template, tex).not.toBeNull();
          if (!template || a.shape !== b.shape) return;
          compared += 1;
          expect(fillTemplate(template, b.numbers)).toEqual(parseTypeset(render(next)));
        });
      }),
      { seed: SEED, numRuns: 60 },
    );
    // the property is only worth something if many pairs actually shared a shape
    expect(compared).toBeGreaterThan(60);
  });

  it('learnTemplate refuses a shape where KaTeX splits a number, as 10^{-4} (the power binds to the 0)', () => {
    expect(learnTemplate('4.53 \\times 10^{-4}', render)).toBeNull();
    expect(learnTemplate('4.53 \\times {10}^{-4}', render)).not.toBeNull();
  });

  it('learnTemplate learns shapes with a one-digit subscript, as chapter 1\'s log_2 and chapter 5\'s softmax(…)_1', () => {
    for (const [tex, next] of [
      ['{} = -1.000\\,\\log_2 0.731', '{} = -0.250\\,\\log_2 0.118'],
      ['\\operatorname{softmax}([-7.60, 0])_1 = 0.001', '\\operatorname{softmax}([-7.50, 0])_1 = 0.002'],
    ] as const) {
      const template = learnTemplate(tex, render);
      expect(template, tex).not.toBeNull();
      if (template) expect(fillTemplate(template, splitNumbers(next).numbers)).toEqual(parseTypeset(render(next)));
    }
  });

  it('learnTemplate of a formula without numbers is null: there is nothing to fill in', () => {
    expect(learnTemplate('x + y', render)).toBeNull();
  });
});
