import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softmax } from '../../../../src/core';
import { InformationChecks } from '../../../../src/chapters/information/InformationChecks';
import { informationTex, informationText } from '../../../../src/chapters/information/informationFormula';
import { informationMeasures, type InformationUnit } from '../../../../src/chapters/information/informationMath';
import { InformationTable } from '../../../../src/chapters/information/InformationTable';

/*
 * The explorer prints arithmetic: −(0.300 × log₂ 0.574 + 0.700 × log₂ 0.426) = …, 0.930 − 0.881 = …,
 * 0.881 + 0.048 = …, 1.103 nats ÷ 0.6931 = …, and a column of terms above its sum. Each result is
 * computed from unrounded values and rounded on its own, so the printed operands need not give it.
 * These tests read what is printed, as a learner would, redo the arithmetic on the printed numbers
 * (with Math.log, not the code's formatter), and require "=" exactly when that arithmetic, rounded as
 * the result is printed, gives the printed result, and "≈" otherwise.
 */

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A printed number: "0.245", "−1.50", "4.12 × 10⁻⁹", "∞". */
const NUMBER = String.raw`−?(?:∞|\d+\.\d+(?: × 10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?)`;

interface Printed {
  value: number;
  /** half a unit in the last printed digit: how far the unrounded value may lie from `value` */
  half: number;
}

function read(text: string): Printed {
  const negative = text.startsWith('−');
  const body = negative ? text.slice(1) : text;
  const sign = negative ? -1 : 1;
  if (body === '∞') return { value: sign * Infinity, half: 0 };
  const [mantissa = '', power] = body.split(' × 10');
  const exponent = power === undefined ? 0 : Number([...power].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT.indexOf(c)))).join(''));
  const decimals = mantissa.split('.')[1]?.length ?? 0;
  return { value: sign * Number(mantissa) * 10 ** exponent, half: 0.5 * 10 ** (exponent - decimals) };
}

/**
 * What a relation sign must be: "=" when `computed` (from the printed operands) rounds to the printed
 * result, "≈" when it does not. Undecided (null) within 10⁻⁹ of a rounding boundary, where float
 * arithmetic in the test could land either side.
 */
function expectedRelation(computed: number, result: Printed): '=' | '≈' | null {
  if (!Number.isFinite(result.value)) return computed === result.value ? '=' : '≈';
  const off = Math.abs(computed - result.value);
  if (Math.abs(off - result.half) <= 1e-9 * Math.max(result.half, 1e-300) + 1e-15) return null;
  return off < result.half ? '=' : '≈';
}

const logIn = (unit: InformationUnit) => (x: number) => (unit === 'bits' ? Math.log(x) / Math.LN2 : Math.log(x));

const state = fc
  .integer({ min: 2, max: 8 })
  .chain((c) =>
    fc.tuple(
      fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1, noNaN: true })), { minLength: c, maxLength: c }),
      fc.array(fc.integer({ min: -60, max: 60 }).map((k) => k / 10), { minLength: c, maxLength: c }),
      fc.constantFrom<InformationUnit>('bits', 'nats'),
    ),
  )
  .filter(([w]) => w.some((v) => v > 0))
  .map(([w, z, unit]) => {
    const total = w.reduce((a, b) => a + b, 0);
    return { labels: w.map((v) => v / total), logits: z, unit };
  });

function render(labels: number[], logits: number[], unit: InformationUnit) {
  const probabilities = Array.from(softmax(logits));
  const measures = informationMeasures(labels, probabilities, unit);
  const input = { labels, probabilities, unit, measures };
  const markup = (el: ReturnType<typeof createElement>) => renderToStaticMarkup(el).replace(/<!-- -->/g, '');
  return {
    text: informationText(input),
    tex: informationTex(input),
    checks: markup(createElement(InformationChecks, input)),
    table: markup(createElement(InformationTable, input)),
  };
}

describe('the printed arithmetic of the information explorer is exact or marked ≈', () => {
  it('in 1,000 random states: the live formula, its text alternative, the sum and unit checks and the table’s sum', () => {
    const seen = { '=': 0, '≈': 0 };
    const count = (r: '=' | '≈') => (seen[r] += 1);
    fc.assert(
      fc.property(state, ({ labels, logits, unit }) => {
        const { text, tex, checks, table } = render(labels, logits, unit);
        const log = logIn(unit);

        // H(y, p) = −Σ y_i log p_i = −(Y × log P + …) R H unit. KL(y‖p) = H(y, p) − H(y) = A − B R K unit.
        const re = new RegExp(
          String.raw`^H\(y, p\) = −Σ y_i (?:log₂|ln) p_i = −\((.*)\) ([=≈]) (${NUMBER}) ${unit}\. ` +
            String.raw`KL\(y‖p\) = H\(y, p\) − H\(y\) = (${NUMBER}) − (${NUMBER}) ([=≈]) (${NUMBER}) ${unit}\.$`,
        );
        const m = re.exec(text);
        expect(m, text).not.toBeNull();
        const [, terms = '', hRel, h = '', a = '', b = '', kRel, k = ''] = m ?? [];
        const products = terms.split(' + ').map((t) => {
          const tm = new RegExp(String.raw`^(${NUMBER}) × (?:log₂|ln) (${NUMBER})$`).exec(t);
          expect(tm, t).not.toBeNull();
          return read(tm?.[1] ?? '').value * log(read(tm?.[2] ?? '').value);
        });
        expect(products).toHaveLength(labels.filter((y) => y > 0).length);
        const hExpected = expectedRelation(-products.reduce((s, v) => s + v, 0), read(h));
        if (hExpected) expect(hRel, text).toBe(hExpected);
        const kExpected = expectedRelation(read(a).value - read(b).value, read(k));
        if (kExpected) expect(kRel, text).toBe(kExpected);
        count(hRel as '=' | '≈');
        count(kRel as '=' | '≈');

        // the typeset formula says the same
        const texRelation = (r: string | undefined) => (r === '≈' ? '\\approx' : '=');
        expect(tex.crossEntropy[2]).toMatch(new RegExp(String.raw`^\\displaystyle \{\} ${texRelation(hRel).replace('\\', '\\\\')} `));
        expect(tex.kl[1]).toContain(` ${texRelation(kRel)} `);

        // H(y) + KL(y ‖ p) = A + B R C unit
        const sum = new RegExp(String.raw`H\(y\) \+ KL\(y ‖ p\) = (${NUMBER}) \+ (${NUMBER}) ([=≈]) (${NUMBER}) ${unit}`).exec(checks);
        expect(sum, checks).not.toBeNull();
        const sumExpected = expectedRelation(read(sum?.[1] ?? '').value + read(sum?.[2] ?? '').value, read(sum?.[4] ?? ''));
        if (sumExpected) expect(sum?.[3]).toBe(sumExpected);
        count(sum?.[3] as '=' | '≈');

        // H(y, p) = N nats ÷ 0.6931 R M bits
        const bits = new RegExp(String.raw`H\(y, p\) = (${NUMBER}) nats ÷ (${NUMBER}) ([=≈]) (${NUMBER}) bits`).exec(checks);
        expect(bits, checks).not.toBeNull();
        expect(bits?.[2]).toBe('0.6931');
        const bitsExpected = expectedRelation(read(bits?.[1] ?? '').value / 0.6931, read(bits?.[4] ?? ''));
        if (bitsExpected) expect(bits?.[3]).toBe(bitsExpected);
        count(bits?.[3] as '=' | '≈');

        // the table: the last column, and its sum (≈ when the printed column does not add up to it)
        const rows = [...table.matchAll(/<tr><th scope="row">\d+<\/th>(.*?)<\/tr>/g)].map((r) =>
          [...(r[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => (c[1] ?? '').replace(/<[^>]+>/g, '')),
        );
        expect(rows).toHaveLength(labels.length);
        const column = rows.reduce((s, r) => s + read(r[3] ?? '').value, 0);
        const total = /data-testid="cross-entropy-total">(≈ )?(.*?)<\/td>/.exec(table);
        expect(total, table).not.toBeNull();
        const totalExpected = expectedRelation(column, read(total?.[2] ?? ''));
        if (totalExpected) expect(total?.[1] ? '≈' : '=').toBe(totalExpected);
        count(total?.[1] ? '≈' : '=');
      }),
      { seed: 20240613, numRuns: 1000 },
    );
    // both signs occur: the test sees states where the arithmetic checks out and where it does not
    expect(seen['=']).toBeGreaterThan(500);
    expect(seen['≈']).toBeGreaterThan(500);
  }, 30_000);

  it('y = [0.3, 0.7], z = [0, 0.3]: "0.930 − 0.881 ≈ 0.048" (0.930 − 0.881 is 0.049; H(y, p) − H(y) = 0.92961 − 0.88129 = 0.04832)', () => {
    const { text } = render([0.3, 0.7], [0, 0.3], 'bits');
    expect(text).toContain('KL(y‖p) = H(y, p) − H(y) = 0.930 − 0.881 ≈ 0.048 bits.');
  });

  it('y uniform, z = [0.2, 0, 0]: the bits check of H(y, p) = 1.103 nats writes "1.103 nats ÷ 0.6931 ≈ 1.592 bits" (1.103 ÷ 0.6931 = 1.5914)', () => {
    // a uniform y against p = softmax([0.2, 0, 0]): H(y, p) = ln(e^0.2 + 2) − 0.2/3 = 1.10318 nats = 1.59155 bits
    const { checks, text } = render([1 / 3, 1 / 3, 1 / 3], [0.2, 0, 0], 'nats');
    const nats = /H\(y, p\) = (\d\.\d{3}) nats/.exec(checks)?.[1];
    expect(nats).toBe('1.103');
    expect(checks).toContain('1.103 nats ÷ 0.6931 ≈ 1.592 bits');
    // and KL = 1.10318 − ln 3 = 1.10318 − 1.09861 = 0.00457: "1.103 − 1.099 ≈ 0.005"
    expect(text).toContain('= 1.103 − 1.099 ≈ 0.005 nats.');
  });
});
