import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  centralDifference,
  crossEntropyGrad,
  distributionCrossEntropyGrad,
  softmax,
  softmaxJacobian,
  softmaxJacobianParts,
  symmetricEigenvalues,
} from '../../src/core';
import { formatNumber } from '../../src/format/formatNumber';
import { clampLogit, LIMITS } from '../../src/url/labInputs';
import { jacobianNumpy, jacobianTorch } from '../../src/tools/copyAsCode/programs';
import { jacobianCellTex, jacobianCellText } from '../../src/chapters/jacobian/jacobianFormula';
import { eigenvalueText, EXACT, FD_TOLERANCE, jacobianChecks } from '../../src/chapters/jacobian/jacobianMath';
import { big, div, exp, mul, ONE, sub, sumOf, toNumber, type BigFloat } from '../core/reference/bigFloat';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 3, "The softmax Jacobian". Every check replays what the explorer computes (the core's
 * softmaxJacobian and softmaxJacobianParts, its checks in jacobianMath, its written-out entry in
 * jacobianFormula) on the sliders' own grid: logits in [−10, 10] in steps of 0.1, two to eight
 * classes, at T = 1 as the explorer uses. Reference values come from the 60-digit BigFloat (J_ij =
 * p_i(δ_ij − p_j) from exact exponentials), closed forms, or central differences, never from the
 * code under test.
 */

const SEED = 20240611;
const { min: Z_MIN, max: Z_MAX } = LIMITS.logit;

const sliderLogits = (minLength: number = LIMITS.minClasses) =>
  fc.array(
    fc.integer({ min: Z_MIN * 10, max: Z_MAX * 10 }).map((k) => clampLogit(k / 10)),
    { minLength, maxLength: LIMITS.maxClasses },
  );
const property = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void, numRuns = 300) =>
  fc.assert(fc.property(arbitrary, check), { seed: SEED, numRuns });

/** softmax(z) to 60 digits: e^{z_i} / Σ_k e^{z_k}, from BigFloat alone. */
function bigSoftmax(z: readonly number[]): BigFloat[] {
  const e = z.map((v) => exp(big(v)));
  const total = sumOf(e);
  return e.map((v) => div(v, total));
}
/** J_ij = p_i(δ_ij − p_j), to 60 digits, rounded once. */
function referenceJacobian(z: readonly number[]): number[][] {
  const p = bigSoftmax(z);
  return p.map((pi, i) => p.map((pj, j) => toNumber(mul(pi, sub(i === j ? ONE : big(0), pj)))));
}
/** 1 − p_i to 60 digits, as Σ_{k≠i} e^{z_k} / Σ_k e^{z_k}. */
function referenceOneMinus(z: readonly number[], i: number): number {
  const e = z.map((v) => exp(big(v)));
  return toNumber(div(sumOf(e.filter((_, k) => k !== i)), sumOf(e)));
}
const largest = (m: readonly ArrayLike<number>[]) => Math.max(...m.flatMap((row) => Array.from(row, Math.abs)));
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
/** Runs a program with python3 (NumPy installed, as for tests/unit/tools/copyAsCode/copyAsCodeNumpy.test.ts) and reads `J = [[…]]`. */
function printedJacobian(program: string): number[][] {
  const run = spawnSync('python3', ['-c', program], { encoding: 'utf8', timeout: 30_000 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(/^J = (.*)$/m.exec(run.stdout)?.[1] ?? 'null') as number[][];
}

/**
 * What autograd computes for the PyTorch program's `jacobian(softmax, z)`, replayed in float64: the
 * program's softmax is e = exp(z − max z), e / Σe, and row i of J is the vector-Jacobian product with
 * the i-th unit vector, pushed back through each operation by that operation's own derivative (the rules
 * of PyTorch's derivatives.yaml: a/b → (g/b, −Σ g·(a/b)/b), sum → broadcast, exp → g·result, a − b →
 * (g, −Σg), max → g at the maximum, shared evenly by ties). No step uses the closed form.
 */
function autogradJacobian(z: readonly number[]): number[][] {
  const m = Math.max(...z);
  const ties = z.filter((v) => v === m).length;
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return z.map((_, i) => {
    const gy = z.map((__, k): number => (k === i ? 1 : 0));
    const gSum = gy.reduce((s, g, k) => s + -g * ((e[k] ?? NaN) / sum / sum), 0); // division, denominator side
    const gE = gy.map((g) => g / sum + gSum); // division, numerator side, plus the sum's broadcast
    const gD = gE.map((g, k) => g * (e[k] ?? NaN)); // exp
    const gMax = gD.reduce((s, g) => s + -g, 0); // z − max z, the max side
    return gD.map((g, k) => g + (z[k] === m ? gMax / ties : 0)); // z's two uses, added
  });
}

/** J^T g, the backward step of the chapter's last section */
const backward = (jacobian: readonly Float64Array[], g: ArrayLike<number>) =>
  jacobian.map((_, j) => jacobian.reduce((sum, row, i) => sum + (row[j] ?? NaN) * (g[i] ?? NaN), 0));

describeClaims('jacobian', (claim) => {
  // ---- Introduction ----

  claim('push $z_3$ up and $p_3$ grows while all the others shrink to make room', () => {
    property(sliderLogits(3), (z) => {
      if ((z[2] ?? 0) + 0.1 > Z_MAX) return;
      const before = softmax(z);
      const after = softmax(z.map((v, k) => (k === 2 ? clampLogit(v + 0.1) : v)));
      after.forEach((v, i) => (i === 2 ? expect(v).toBeGreaterThan(before[i] ?? NaN) : expect(v).toBeLessThan(before[i] ?? NaN)));
    });
  });

  // ---- Two cases of the quotient rule ----

  claim('\\frac{\\partial p_i}{\\partial z_j} \\;=\\; p_i\\,(\\delta_{ij} - p_j).', () => {
    property(sliderLogits(), (z) => {
      const jacobian = softmaxJacobian(z);
      const reference = referenceJacobian(z);
      jacobian.forEach((row, i) =>
        row.forEach((v, j) => {
          // within a few ulp of the entry
          expect(Math.abs(v - (reference[i]?.[j] ?? NaN))).toBeLessThanOrEqual(1e-15 * Math.abs(reference[i]?.[j] ?? NaN));
          const slope = centralDifference((h) => softmax(z.map((zk, k) => (k === j ? zk + h : zk)))[i] ?? NaN, 0);
          expect(Math.abs(slope - v)).toBeLessThan(FD_TOLERANCE);
        }),
      );
    }, 60);
  });

  // ---- A diagonal minus an outer product ----

  claim('The explorer shows both parts and their sum.', () => {
    property(sliderLogits(), (z) => {
      const { diagonal, outer } = softmaxJacobianParts(z);
      const p = softmax(z);
      const jacobian = softmaxJacobian(z);
      diagonal.forEach((row, i) =>
        row.forEach((d, j) => {
          expect(d).toBe(i === j ? p[i] : 0);
          expect(outer[i]?.[j]).toBe(0 - (p[i] ?? NaN) * (p[j] ?? NaN));
          // their sum is J up to the rounding of p_i − p_i² on the diagonal (about 10⁻¹⁶)
          expect(Math.abs(d + (outer[i]?.[j] ?? NaN) - (jacobian[i]?.[j] ?? NaN))).toBeLessThan(3e-16);
        }),
      );
    });
  });

  claim('the formula below writes that entry out with your numbers, $\\delta_{ij}$ shown as the 1 or 0 it is; the two probabilities it is made of light up in the bars.', () => {
    // z = [2, 3, 4]: p = [1, e, e²]/(1 + e + e²) = [0.090, 0.245, 0.665], by hand
    const E = Math.E;
    const S = 1 + E + E * E;
    const p = [1 / S, E / S, (E * E) / S];
    const j = (a: number, b: number) => (p[a] ?? NaN) * ((a === b ? 1 : 0) - (p[b] ?? NaN));
    const text = (i: number, k: number) => jacobianCellText({ probabilities: softmax([2, 3, 4]), value: softmaxJacobian([2, 3, 4])[i]?.[k] ?? NaN, i, j: k });
    expect(text(1, 1)).toBe(`J22 = ∂p2/∂z2 = p2 × (δ22 − p2) = 0.245 × (1 − 0.245) = ${j(1, 1).toFixed(3)}`);
    expect(text(1, 2)).toBe(`J23 = ∂p2/∂z3 = p2 × (δ23 − p3) = 0.245 × (0 − 0.665) = −${(-j(1, 2)).toFixed(3)}`);
    // p_i and p_j carry the term ids of their bars
    const [, numbers] = jacobianCellTex({ probabilities: softmax([2, 3, 4]), value: softmaxJacobian([2, 3, 4])[1]?.[2] ?? NaN, i: 1, j: 2 });
    expect(numbers).toContain('\\term{p-2}{0.245}');
    expect(numbers).toContain('\\term{p-3}{0.665}');
  });

  // The PyTorch program is not run by these tests: the test machines have no torch. Its text is checked,
  // and what autograd does with it is replayed below (autogradJacobian). Run by hand once with Debian's
  // python3-torch 1.13 at eight states (those of copyAsCodeNumpy.test.ts, [10, −10, −10], [10, −10], …), it
  // agreed with the 60-digit J to within 8 × 10⁻¹⁶ relative, J₁₁ at [10, −10, −10] included, and with
  // autogradJacobian bit for bit at six of them, within 3 × 10⁻¹⁶ at the other two.

  claim('"Copy as NumPy" and "Copy as PyTorch", at the bottom of the explorer, give you a short float64 program that recomputes $\\mathbf p$ and $J$ from exactly the logits you set and prints every entry in full.', () => {
    const z = [2.9, -1.3, 0.1];
    const numpy = jacobianNumpy({ logits: z });
    const torch = jacobianTorch({ logits: z });
    for (const program of [numpy, torch]) {
      expect(program.split('\n').length).toBeLessThan(16);
      expect(program).toContain('[2.9, -1.3, 0.1]');
      // tolist() gives Python floats, printed as repr: the shortest digits that give back the same double
      expect(program).toContain("print('p =', p.tolist())");
      expect(program).toContain("print('J =', J.tolist())");
    }
    expect(torch).toContain('dtype=torch.float64');
    const printed = printedJacobian(numpy);
    expect(printed).toHaveLength(3);
    const reference = referenceJacobian(z);
    printed.forEach((row, i) => row.forEach((v, k) => expect(Math.abs(v - (reference[i]?.[k] ?? NaN))).toBeLessThan(1e-15)));
    // in full: 0.1 + 0.2 comes back as 0.30000000000000004, not 0.3
    const repr = spawnSync('python3', ['-c', 'import numpy as np\nprint(np.array([0.1 + 0.2]).tolist())'], { encoding: 'utf8' });
    expect(repr.stdout.trim()).toBe('[0.30000000000000004]');
  });

  claim("The NumPy version builds $J$ from this chapter's formula, `np.diag(p) - np.outer(p, p)`. Its diagonal is then $p_i - p_i^2$, a subtraction, so at saturated logits such as $[10, -10, -10]$ only about half the digits of $J_{11}$ are right", () => {
    expect(jacobianNumpy({ logits: [2, 3, 4] })).toContain('J = np.diag(p) - np.outer(p, p)');
    const z = [10, -10, -10];
    const printed = printedJacobian(jacobianNumpy({ logits: z }));
    const reference = referenceJacobian(z); // J₁₁ = 2e⁻²⁰/(1 + 2e⁻²⁰)² = 4.1223072108903 × 10⁻⁹
    const error = relative(printed[0]?.[0] ?? NaN, reference[0]?.[0] ?? NaN);
    // about half of 16 digits: a relative error between 10⁻¹⁰ and 10⁻⁶ (it is 4 × 10⁻⁸ here) …
    expect(error).toBeGreaterThan(1e-10);
    expect(error).toBeLessThan(1e-6);
    // … in J₁₁ alone: the other entries, with no subtraction near 1, keep their digits
    printed.forEach((row, i) =>
      row.forEach((v, k) => (i === 0 && k === 0) || expect(relative(v, reference[i]?.[k] ?? NaN)).toBeLessThan(1e-14)),
    );
    // and the page's own J₁₁ (the core's, p₁ × the sum of the others) is right to the last digit or so
    expect(relative(softmaxJacobian(z)[0]?.[0] ?? NaN, reference[0]?.[0] ?? NaN)).toBeLessThan(1e-15);
    // with logits close together nothing is lost
    const mild = printedJacobian(jacobianNumpy({ logits: [2, 3, 4] }));
    const exact = referenceJacobian([2, 3, 4]);
    mild.forEach((row, i) => row.forEach((v, k) => expect(relative(v, exact[i]?.[k] ?? NaN)).toBeLessThan(1e-15)));
  });

  // (the <wbr /> let a phone of 360 px break the long name instead of running it off the screen)
  claim('The PyTorch version writes softmax out as an exponential, a sum and a division, and lets autograd differentiate those, with <code>torch.autograd.<wbr />functional.<wbr />jacobian</code>: it never sees the formula.', () => {
    const torch = jacobianTorch({ logits: [2, 3, 4] });
    const code = torch
      .split('\n')
      .map((line) => line.replace(/#.*$/, ''))
      .join('\n');
    expect(code).toContain('e = torch.exp(z - z.max())');
    expect(code).toContain('return e / e.sum()');
    expect(code).toContain('J = torch.autograd.functional.jacobian(softmax, z)');
    expect(code).toContain('p = softmax(z)');
    // the closed form and softmax's hand-written backward appear in no line of code
    expect(code).not.toMatch(/diag|outer|torch\.softmax|log_softmax|functional as F|\.backward/);
  });

  claim("(`torch.softmax` would not do here: its backward is this chapter's formula, written by hand.)", () => {
    // A fact about PyTorch, not checked here (no torch on the test machines): derivatives.yaml gives
    // _softmax the backward _softmax_backward_data, whose CPU kernel computes (g − Σ g·p)·p, that is
    // (diag(p) − ppᵀ)g. What is checked is the consequence for the program: it does not call torch.softmax.
    expect(jacobianTorch({ logits: [0.5, -1.2, 1.7, 0.1] }).split('\n').filter((line) => /torch\.softmax/.test(line.replace(/#.*$/, '')))).toEqual([]);
    // and (g − Σ g·p)·p is this chapter's Jᵀg, for any g
    property(fc.tuple(sliderLogits(), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 8, maxLength: 8 })), ([z, w]) => {
      const p = softmax(z);
      const g = z.map((_, i) => w[i] ?? 0);
      const dot = g.reduce((s, gi, i) => s + gi * (p[i] ?? NaN), 0);
      const handWritten = g.map((gi, i) => (gi - dot) * (p[i] ?? NaN));
      backward(softmaxJacobian(z), g).forEach((v, i) => expect(Math.abs(v - (handWritten[i] ?? NaN))).toBeLessThan(1e-14));
    }, 100);
  });

  claim('Run that one and you have checked the formula against an independent derivative, at logits of your choosing.', () => {
    // The derivative autograd takes of the program's softmax, replayed operation by operation, agrees with
    // the formula (the 60-digit p_i(δ_ij − p_j)) to a few ulp everywhere on the sliders, saturated logits
    // included; a wrong formula (a sign, a missing δ_ij, p_i p_j on the diagonal) would be off by O(1)
    property(sliderLogits(), (z) => {
      const independent = autogradJacobian(z);
      const formula = referenceJacobian(z);
      independent.forEach((row, i) => row.forEach((v, j) => expect(relative(v, formula[i]?.[j] ?? NaN)).toBeLessThan(1e-13)));
    }, 300);
    for (const z of [[10, -10, -10], [1, 1, 1, 1, 1, 1, 1, 1], [-10, 10, 10, 10, 10, 10, 10, 10]]) {
      const formula = referenceJacobian(z);
      autogradJacobian(z).forEach((row, i) => row.forEach((v, j) => expect(relative(v, formula[i]?.[j] ?? NaN)).toBeLessThan(1e-13)));
    }
    // independent: the same function's derivative by central differences agrees too
    const z = [2.9, -1.3, 0.1, 7.4];
    const programSoftmax = (v: number[]) => {
      const e = v.map((x) => Math.exp(x - Math.max(...v)));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((x) => x / s);
    };
    const jacobian = softmaxJacobian(z);
    z.forEach((_, j) =>
      z.forEach((__, i) => {
        const slope = centralDifference((h) => programSoftmax(z.map((v, k) => (k === j ? v + h : v)))[i] ?? NaN, 0);
        expect(Math.abs(slope - (jacobian[i]?.[j] ?? NaN))).toBeLessThan(FD_TOLERANCE);
      }),
    );
  });

  // ---- What the matrix tells you ----

  claim('It is symmetric.', () => {
    property(sliderLogits(), (z) => {
      const jacobian = softmaxJacobian(z);
      // p_i·p_j and p_j·p_i are the same product, so the explorer's check finds exactly 0
      expect(jacobianChecks(z, jacobian, [0, 1]).asymmetry).toBe(0);
    });
  });

  claim('Every row sums to zero.', () => {
    property(sliderLogits(), (z) => {
      const jacobian = softmaxJacobian(z);
      const checks = jacobianChecks(z, jacobian, [0, 1]);
      expect(checks.rowSum).toBeLessThanOrEqual(EXACT);
      // and not because the entries are tiny: a row holds entries as large as p_i(1 − p_i)
    });
    expect(jacobianChecks([0, 0], softmaxJacobian([0, 0]), [0, 0]).rowSum).toBe(0);
  });

  claim('So $\\mathbf 1$ is an eigenvector with eigenvalue 0, and $J$ is never invertible.', () => {
    property(sliderLogits(), (z) => {
      const jacobian = softmaxJacobian(z);
      const ones = backward(jacobian, z.map(() => 1)); // J is symmetric, so Jᵀ1 = J1
      for (const v of ones) expect(Math.abs(v)).toBeLessThanOrEqual(EXACT);
      const eigenvalues = jacobianChecks(z, jacobian, [0, 0]).eigenvalues;
      expect(Math.abs(Math.min(...eigenvalues))).toBeLessThanOrEqual(EXACT);
    });
  });

  claim('which is the variance of the values $v_i$ when class $i$ has probability $p_i$: never negative.', () => {
    property(fc.tuple(sliderLogits(), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 8, maxLength: 8 })), ([z, w]) => {
      const v = z.map((_, i) => w[i] ?? 0);
      const p = softmax(z);
      const jv = backward(softmaxJacobian(z), v);
      const quadratic = v.reduce((s, vi, i) => s + vi * (jv[i] ?? NaN), 0);
      const mean = v.reduce((s, vi, i) => s + (p[i] ?? NaN) * vi, 0);
      const variance = v.reduce((s, vi, i) => s + (p[i] ?? NaN) * (vi - mean) ** 2, 0);
      expect(variance).toBeGreaterThanOrEqual(0);
      expect(Math.abs(quadratic - variance)).toBeLessThan(1e-13);
    });
  });

  claim('Every eigenvalue is therefore at least 0, and exactly one is 0 when no probability is 0.', () => {
    property(sliderLogits(), (z) => {
      const checks = jacobianChecks(z, softmaxJacobian(z), [0, 0]);
      const sorted = [...checks.eigenvalues].sort((a, b) => a - b);
      expect(sorted[0]).toBeGreaterThanOrEqual(-EXACT);
      // the explorer reads exactly one of them as "0"
      expect(checks.eigenvalues.map(eigenvalueText).filter((t) => t === '0')).toHaveLength(1);
      // the others interlace with the sorted p (eigenvalues of diag(p) − ppᵀ against those of diag(p)),
      // so the second smallest is at least min p, 2.9 × 10⁻¹⁰ at worst on the sliders: far from 0
      const pMin = Math.min(...softmax(z));
      expect(sorted[1]).toBeGreaterThanOrEqual(pMin * (1 - 1e-9));
    });
    // the worst case on the sliders, eight classes with one at −10 and seven at 10
    const worst = [-10, 10, 10, 10, 10, 10, 10, 10];
    const pMin = 1 / (1 + 7 * Math.exp(20));
    expect(pMin).toBeGreaterThan(2.8e-10);
    expect(Math.min(...Array.from(symmetricEigenvalues(softmaxJacobian(worst))).filter((v) => v > EXACT))).toBeGreaterThanOrEqual(pMin * (1 - 1e-9));
    // a probability of exactly 0 (a masked class, logit −∞) adds a second zero
    const masked = Array.from(symmetricEigenvalues(softmaxJacobian([0, -Infinity, 1])));
    expect(masked.filter((v) => Math.abs(v) <= EXACT)).toHaveLength(2);
  });

  claim('A diagonal entry $p_i(1 - p_i)$ is positive and at most $\\tfrac14$, reached when $p_i = \\tfrac12$', () => {
    property(sliderLogits(), (z) => {
      softmaxJacobian(z).forEach((row, i) => {
        expect(row[i]).toBeGreaterThan(0);
        expect(row[i]).toBeLessThanOrEqual(0.25);
      });
    });
    expect(softmaxJacobian([0.7, 0.7])[0]?.[0]).toBe(0.25);
    // p₁ = ½ with three classes: e^{z₁} = e^{z₂} + e^{z₃}, z = [ln 2, 0, 0]
    expect(softmaxJacobian([Math.LN2, 0, 0])[0]?.[0]).toBeCloseTo(0.25, 15);
  });

  claim('an off-diagonal entry $-p_i p_j$ is never positive, and never below $-\\tfrac14$ either, since $p_i + p_j \\le 1$.', () => {
    property(sliderLogits(), (z) => {
      softmaxJacobian(z).forEach((row, i) =>
        row.forEach((v, j) => {
          if (i === j) return;
          expect(v).toBeLessThan(0);
          expect(v).toBeGreaterThanOrEqual(-0.25);
        }),
      );
    });
    expect(softmaxJacobian([1.5, 1.5])[0]?.[1]).toBe(-0.25);
  });

  claim('Raising one logit can only take probability away from the other classes.', () => {
    property(fc.tuple(sliderLogits(), fc.nat()), ([z, k]) => {
      const j = k % z.length;
      if ((z[j] ?? 0) + 0.1 > Z_MAX) return;
      const before = softmax(z);
      const after = softmax(z.map((v, i) => (i === j ? clampLogit(v + 0.1) : v)));
      after.forEach((v, i) => i !== j && expect(v).toBeLessThan(before[i] ?? NaN));
    });
  });

  // ---- It fades when softmax saturates ----

  claim('Drag one logit far above the rest and watch the whole matrix fade towards zero.', () => {
    const sizes = [4, 5, 7, 10].map((z1) => largest(softmaxJacobian([z1, 3, 4])));
    sizes.slice(1).forEach((s, k) => expect(s).toBeLessThan(sizes[k] ?? NaN));
    // z₁ at the top of its slider: p₁ = 1/(1 + e⁻⁷ + e⁻⁶), the largest entry p₁(1 − p₁) ≈ 0.0034
    const p1 = 1 / (1 + Math.exp(-7) + Math.exp(-6));
    expect(relative(sizes[3] ?? NaN, p1 * (1 - p1))).toBeLessThan(1e-12);
    expect(formatNumber(sizes[3] ?? NaN, 3)).toBe('0.003');
  });

  claim("every entry of $J$ has one of those small numbers as a factor (the top class's own diagonal entry has $1 - p_i$)", () => {
    const z = [10, -10, -10];
    const p = softmax(z);
    const small = Math.max(...Array.from(p).slice(1), 1 - (p[0] ?? NaN));
    softmaxJacobian(z).forEach((row) => row.forEach((v) => expect(Math.abs(v)).toBeLessThanOrEqual(small * (1 + 1e-7))));
  });

  claim("At the sliders' limits, $\\mathbf z = [10, -10, -10]$, no entry is larger than about $4 \\times 10^{-9}$: a saturated softmax hardly responds to its logits.", () => {
    // the largest is J₁₁ = p₁(1 − p₁) = 2e⁻²⁰/(1 + 2e⁻²⁰)² = 4.12 × 10⁻⁹
    const byHand = (2 * Math.exp(-20)) / (1 + 2 * Math.exp(-20)) ** 2;
    const jacobian = softmaxJacobian([10, -10, -10]);
    expect(relative(largest(jacobian), byHand)).toBeLessThan(1e-14);
    expect(largest(jacobian)).toBeGreaterThan(3.5e-9);
    expect(largest(jacobian)).toBeLessThan(4.5e-9);
    // as the explorer's heatmap reads it
    expect(formatNumber(jacobian[0]?.[0] ?? NaN, 3)).toBe('4.12 × 10⁻⁹');
  });

  claim('Cross-entropy with true class $t$ hands back $\\partial L / \\partial p_t = -1/p_t$, which grows just as fast as row $t$ of $J$ shrinks, and the product is $\\mathbf p - \\mathbf y$', () => {
    property(fc.tuple(sliderLogits(), fc.nat()), ([z, k]) => {
      const t = k % z.length;
      const y = z.map((_, i) => (i === t ? 1 : 0));
      const p = softmax(z);
      const dLdp = distributionCrossEntropyGrad(y, p);
      expect(dLdp[t]).toBe(-1 / (p[t] ?? NaN));
      const g = backward(softmaxJacobian(z), dLdp);
      const direct = crossEntropyGrad([z], [t])[0] ?? [];
      g.forEach((v, i) => {
        expect(Math.abs(v - ((p[i] ?? NaN) - (y[i] ?? NaN)))).toBeLessThan(1e-15);
        expect(Math.abs(v - (direct[i] ?? NaN))).toBeLessThan(1e-15);
      });
    });
  });

  claim('at $\\mathbf z = [10, -10, -10]$ with $t = 2$, they differ from $\\pm 1$ by less than $10^{-8}$.', () => {
    const z = [10, -10, -10];
    const p = softmax(z);
    const g = backward(softmaxJacobian(z), distributionCrossEntropyGrad([0, 1, 0], p));
    // p − y = [1 − 2e⁻²⁰/(1 + 2e⁻²⁰), e⁻²⁰/(1 + 2e⁻²⁰) − 1, …]: off from ±1 by 4.1 × 10⁻⁹ and 2.1 × 10⁻⁹
    expect(Math.abs((g[0] ?? NaN) - 1)).toBeLessThan(1e-8);
    expect(Math.abs((g[1] ?? NaN) + 1)).toBeLessThan(1e-8);
    expect(Math.abs((g[0] ?? NaN) - 1)).toBeGreaterThan(1e-9);
    // while no entry of J is above 5 × 10⁻⁹
    expect(largest(softmaxJacobian(z))).toBeLessThan(5e-9);
  });

  claim('With cross-entropy the gradient vanishes only when the prediction is confidently right ($\\mathbf p \\approx \\mathbf y$, nothing left to fix).', () => {
    // its entry for the true class is p_t − 1: a gradient below ε in every entry needs p_t > 1 − ε
    property(fc.tuple(sliderLogits(), fc.nat()), ([z, k]) => {
      const t = k % z.length;
      const g = crossEntropyGrad([z], [t])[0] ?? [];
      const p = softmax(z);
      expect(Math.max(...Array.from(g, Math.abs))).toBeGreaterThanOrEqual(1 - (p[t] ?? NaN) - 1e-16);
    });
    // confidently right, t = 1 at [10, −10, −10]: every entry below 5 × 10⁻⁹
    const right = crossEntropyGrad([[10, -10, -10]], [0])[0] ?? [];
    expect(Math.max(...Array.from(right, Math.abs))).toBeLessThan(5e-9);
  });

  claim('With a loss whose $\\partial L / \\partial \\mathbf p$ stays bounded instead of growing like $1/p_t$, nothing cancels the small $J$, and the gradient vanishes right or wrong.', () => {
    // at [10, −10, −10] with t = 2 (confidently wrong): cross-entropy's ∂L/∂p_t = −1/p_t is about −5 × 10⁸
    // and its gradient p − y about ±1; squared error's ∂L/∂p_t = p_t − 1 stays near −1 and its gradient vanishes
    const z = [10, -10, -10];
    const p = softmax(z);
    const y = [0, 1, 0];
    expect(distributionCrossEntropyGrad(y, p)[1]).toBeLessThan(-4e8);
    expect(Math.max(...Array.from(crossEntropyGrad([z], [1])[0] ?? [], Math.abs))).toBeGreaterThan(0.99);
    const squared = backward(softmaxJacobian(z), Array.from(p, (pi, i) => pi - (y[i] ?? NaN)));
    expect(Math.max(...squared.map(Math.abs))).toBeLessThan(1e-8);
  });

  claim('Squared error on the probabilities, $L = \\tfrac12 \\lVert \\mathbf p - \\mathbf y \\rVert^2$, is one: its $\\partial L / \\partial \\mathbf p = \\mathbf p - \\mathbf y$ has no entry above 1 in size, so at $\\mathbf z = [10, -10, -10]$ no entry of its gradient is above $10^{-8}$, with $t = 1$ (right) or $t = 2$ (confidently wrong).', () => {
    const halfSquared = (p: readonly number[], y: readonly number[]) => 0.5 * p.reduce((s, pi, i) => s + (pi - (y[i] ?? NaN)) ** 2, 0);
    // ∂L/∂p = p − y, by central differences in p; and |p_i − y_i| ≤ 1 since both lie in [0, 1]
    property(fc.tuple(sliderLogits(), fc.nat()), ([z, k]) => {
      const t = k % z.length;
      const y = z.map((_, i) => (i === t ? 1 : 0));
      const p = Array.from(softmax(z));
      p.forEach((pi, i) => {
        const slope = centralDifference((h) => halfSquared(p.map((v, j) => (j === i ? v + h : v)), y), 0);
        expect(Math.abs(slope - (pi - (y[i] ?? NaN)))).toBeLessThan(1e-9);
        expect(Math.abs(pi - (y[i] ?? NaN))).toBeLessThanOrEqual(1);
      });
    }, 100);
    const z = [10, -10, -10];
    for (const t of [0, 1]) {
      const y = [0, 1, 2].map((i) => (i === t ? 1 : 0));
      const loss = (logits: number[]) => halfSquared(Array.from(softmax(logits)), y);
      const p = softmax(z);
      const dLdp = Array.from(p, (pi, i) => pi - (y[i] ?? NaN));
      const g = backward(softmaxJacobian(z), dLdp);
      // right (t = 1) or confidently wrong (t = 2): every entry below 10⁻⁸, as central differences of L agree
      expect(Math.max(...g.map(Math.abs))).toBeLessThan(1e-8);
      g.forEach((v, i) => expect(Math.abs(v - centralDifference((h) => loss(z.map((zk, k) => (k === i ? zk + h : zk))), 0))).toBeLessThan(1e-9));
      // not because ∂L/∂p is small: when wrong, two of its entries are about ±1
      if (t === 1) expect(Math.max(...dLdp.map(Math.abs))).toBeGreaterThan(0.99);
    }
    // and not by a wide margin either way: the wrong case's largest entry is J₁₁ + |J₁₂| ≈ 6.2 × 10⁻⁹
    const wrong = backward(softmaxJacobian(z), Array.from(softmax(z), (pi, i) => pi - (i === 1 ? 1 : 0)));
    expect(Math.max(...wrong.map(Math.abs))).toBeGreaterThan(5e-9);
  });

  // ---- Why we need it ----

  claim('\\frac{\\partial L}{\\partial \\mathbf z} \\;=\\; J^{\\mathsf T}\\, \\frac{\\partial L}{\\partial \\mathbf p}.', () => {
    // any loss of p: here L(p) = Σ w_i p_i², ∂L/∂p_i = 2 w_i p_i, against central differences through softmax
    property(fc.tuple(sliderLogits(), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 8, maxLength: 8 })), ([z, w]) => {
      const loss = (logits: number[]) => Array.from(softmax(logits)).reduce((s, pi, i) => s + (w[i] ?? 0) * pi * pi, 0);
      const p = softmax(z);
      const g = backward(softmaxJacobian(z), Array.from(p, (pi, i) => 2 * (w[i] ?? 0) * pi));
      g.forEach((v, i) => expect(Math.abs(v - centralDifference((h) => loss(z.map((zk, k) => (k === i ? zk + h : zk))), 0))).toBeLessThan(1e-8));
    }, 100);
  });

  claim('Doubles just below 1 are spaced $2^{-53} \\approx 1.1 \\times 10^{-16}$ apart', () => {
    const below = 1 - 2 ** -53;
    expect(below).toBeLessThan(1);
    expect(1 - below).toBe(2 ** -53);
    // nothing between: the halfway point rounds to one end or the other
    const half = 2 ** -54;
    expect([1, below]).toContain(1 - half);
    expect(Math.abs(2 ** -53 - 1.1e-16)).toBeLessThan(0.05e-16);
  });

  claim('a relative error of up to about $10^{-16} / (1 - p_i)$', () => {
    // 1 − p₁ by subtraction against its 60-digit value, from a logit gap of 1 to one of 36
    for (let gap = 1; gap <= 36; gap += 0.5) {
      const z = [gap, 0, 0];
      const exact = referenceOneMinus(z, 0);
      const subtracted = 1 - (softmax(z)[0] ?? NaN);
      // the absolute error stays within two spacings of the doubles below 1 …
      expect(Math.abs(subtracted - exact)).toBeLessThanOrEqual(2 * 2 ** -53);
      // … so the relative error is at most about 10⁻¹⁶/(1 − p₁)
      expect(relative(subtracted, exact)).toBeLessThanOrEqual((2.3e-16 / exact) * (1 + 1e-9));
    }
  });

  claim('At $\\mathbf z = [10, -10, -10]$, where $1 - p_1 \\approx 4 \\times 10^{-9}$, about half of the 16 digits are gone', () => {
    const z = [10, -10, -10];
    const exact = referenceOneMinus(z, 0); // 2e⁻²⁰/(1 + 2e⁻²⁰) = 4.122 × 10⁻⁹
    expect(relative(exact, (2 * Math.exp(-20)) / (1 + 2 * Math.exp(-20)))).toBeLessThan(1e-14);
    expect(Math.abs(exact - 4e-9)).toBeLessThan(0.5e-9);
    const error = relative(1 - (softmax(z)[0] ?? NaN), exact);
    // about 8 of 16 digits right: a relative error between 10⁻¹⁰ and 10⁻⁶
    expect(error).toBeGreaterThan(1e-10);
    expect(error).toBeLessThan(1e-6);
  });

  claim('once $1 - p_i$ is below about $5 \\times 10^{-17}$, $p_i$ rounds to exactly 1 and all of them are.', () => {
    // z = [40, 0, 0]: 1 − p₁ = 2e⁻⁴⁰/(1 + 2e⁻⁴⁰) ≈ 8.5 × 10⁻¹⁸
    expect(softmax([40, 0, 0])[0]).toBe(1);
    expect(1 - (softmax([40, 0, 0])[0] ?? NaN)).toBe(0);
    // z = [37, 0, 0]: 1 − p₁ ≈ 1.7 × 10⁻¹⁶, above the halfway point 2⁻⁵⁴ ≈ 5.6 × 10⁻¹⁷: not 1
    expect(softmax([37, 0, 0])[0]).toBeLessThan(1);
    expect(2 ** -54).toBeCloseTo(5.55e-17, 19);
  });

  claim("Logit Lab's core computes $1 - p_i$ as $\\sum_{k \\ne i} p_k$, a sum of small numbers that keeps full relative accuracy.", () => {
    for (const z of [[10, -10, -10], [40, 0, 0], [700, 0, -3], [10, -10, -10, -10, -10, -10, -10, -10]]) {
      const p = bigSoftmax(z);
      // p₁(1 − p₁) to 60 digits, with 1 − p₁ = Σ_{k≠1} e^{z_k}/Σ e^{z_k} exactly (at z₁ = 700, 1 − p₁ ≈ e⁻⁷⁰⁰
      // is far below the 200 bits a BigFloat p₁ keeps, so it cannot come from a subtraction either)
      const exactOneMinus = referenceOneMinus(z, 0);
      const exactDiagonal = toNumber(mul(p[0] as BigFloat, div(sumOf(z.slice(1).map((v) => exp(big(v)))), sumOf(z.map((v) => exp(big(v)))))));
      expect(exactOneMinus).toBeGreaterThan(0);
      expect(relative(softmaxJacobian(z)[0]?.[0] ?? NaN, exactDiagonal)).toBeLessThan(1e-15);
    }
    // where subtraction would give 0, the core's entry keeps its digits
    expect(softmaxJacobian([40, 0, 0])[0]?.[0]).toBeGreaterThan(8e-18);
  });
  // ---- What to take away ----

  claim('The softmax Jacobian is $\\partial p_i / \\partial z_j = p_i(\\delta_{ij} - p_j)$, in matrix form $J = \\operatorname{diag}(\\mathbf p) - \\mathbf p\\,\\mathbf p^{\\mathsf T}$.', () => {
    property(sliderLogits(), (z) => {
      const jacobian = softmaxJacobian(z);
      const reference = referenceJacobian(z);
      const p = softmax(z);
      jacobian.forEach((row, i) =>
        row.forEach((v, j) => {
          // the 60-digit p_i(δ_ij − p_j), to a few ulp of the entry's size
          expect(relative(v, reference[i]?.[j] ?? NaN)).toBeLessThan(1e-15);
          // diag(p) − ppᵀ, entry by entry: off the diagonal to a few ulp; on it, p_i − p_i² is a subtraction that
          // can lose digits near p_i = 1, so to within a few spacings of the doubles below 1
          const matrix = (i === j ? (p[i] ?? NaN) : 0) - (p[i] ?? NaN) * (p[j] ?? NaN);
          if (i === j) expect(Math.abs(v - matrix)).toBeLessThanOrEqual(4 * 2 ** -53);
          else expect(relative(v, matrix)).toBeLessThan(1e-15);
        }),
      );
    }, 100);
    // and it is the derivative: central differences of softmax at the worked example
    const z = [2, 3, 4];
    softmaxJacobian(z).forEach((row, i) =>
      row.forEach((v, j) => expect(Math.abs(v - centralDifference((h) => softmax(z.map((zk, k) => (k === j ? zk + h : zk)))[i] ?? NaN, 0))).toBeLessThan(FD_TOLERANCE)),
    );
  });

  claim('$J$ is symmetric and every row sums to 0 ($J\\mathbf 1 = \\mathbf 0$: raising every logit by the same amount changes no probability), so it is never invertible. It is positive semidefinite: $\\mathbf v^{\\mathsf T} J \\mathbf v$ is a variance.', () => {
    property(fc.tuple(sliderLogits(), fc.double({ min: -5, max: 5, noNaN: true })), ([z, c]) => {
      const jacobian = softmaxJacobian(z);
      jacobian.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(jacobian[j]?.[i])));
      for (const row of jacobian) expect(Math.abs(Array.from(row).reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(EXACT);
      // the same amount on every logit: the probabilities move by rounding only (z + c itself is rounded)
      const shifted = softmax(z.map((v) => v + c));
      softmax(z).forEach((pi, i) => expect(relative(shifted[i] ?? NaN, pi)).toBeLessThan(1e-13));
      // one eigenvalue 0 (so the determinant is 0), none below 0
      const eigenvalues = Array.from(symmetricEigenvalues(jacobian)).sort((a, b) => a - b);
      expect(Math.abs(eigenvalues[0] ?? NaN)).toBeLessThanOrEqual(EXACT);
      expect(eigenvalues[0]).toBeGreaterThanOrEqual(-EXACT);
    }, 200);
  });

  claim('Every entry lies between $-\\tfrac14$ and $\\tfrac14$: positive on the diagonal, never positive off it.', () => {
    property(sliderLogits(), (z) => {
      softmaxJacobian(z).forEach((row, i) =>
        row.forEach((v, j) => {
          expect(v).toBeGreaterThanOrEqual(-0.25);
          expect(v).toBeLessThanOrEqual(0.25);
          if (i === j) expect(v).toBeGreaterThan(0);
          else expect(v).toBeLessThanOrEqual(0);
        }),
      );
    });
    // both ends are reached: p_i = ½ on the diagonal, p_i = p_j = ½ off it
    expect(softmaxJacobian([0.7, 0.7])[0]?.[0]).toBe(0.25);
    expect(softmaxJacobian([1.5, 1.5])[0]?.[1]).toBe(-0.25);
  });

  claim('When softmax saturates, every entry fades towards 0 (no entry larger than about $4 \\times 10^{-9}$ at $\\mathbf z = [10, -10, -10]$).', () => {
    // the largest entry shrinks as the gap grows: 0 → 5 → 10 → 20 between the top logit and the rest
    const sizes = [0, 5, 10, 20].map((gap) => largest(softmaxJacobian([gap / 2, -gap / 2, -gap / 2])));
    sizes.slice(1).forEach((v, k) => expect(v).toBeLessThan((sizes[k] ?? NaN) / 10));
    // at the corner, J₁₁ = 2e⁻²⁰/(1 + 2e⁻²⁰)² = 4.12 × 10⁻⁹, from the 60-digit reference
    const corner = largest(referenceJacobian([10, -10, -10]));
    expect(relative(corner, (2 * Math.exp(-20)) / (1 + 2 * Math.exp(-20)) ** 2)).toBeLessThan(1e-14);
    expect(corner).toBeGreaterThan(3.5e-9);
    expect(corner).toBeLessThan(4.5e-9);
    expect(relative(largest(softmaxJacobian([10, -10, -10])), corner)).toBeLessThan(1e-14);
  });

  claim("Cross-entropy's $\\partial L / \\partial p_t = -1/p_t$ cancels that, so its gradient $\\mathbf p - \\mathbf y$ vanishes only when the prediction is confidently right; squared error on $\\mathbf p$ has nothing to cancel it, and its gradient vanishes right or wrong.", () => {
    const z = [10, -10, -10];
    const p = softmax(z);
    for (const t of [0, 1]) {
      const y = [0, 1, 2].map((i) => (i === t ? 1 : 0));
      const crossEntropy = backward(softmaxJacobian(z), distributionCrossEntropyGrad(y, p));
      const squared = backward(softmaxJacobian(z), Array.from(p, (pi, i) => pi - (y[i] ?? NaN)));
      // squared error: every entry below 10⁻⁸, right (t = 1) or wrong (t = 2)
      expect(Math.max(...squared.map(Math.abs)), `t = ${t + 1}`).toBeLessThan(1e-8);
      // cross-entropy: below 10⁻⁸ only when right; when wrong, entries within 10⁻⁸ of ±1
      if (t === 0) expect(Math.max(...crossEntropy.map(Math.abs))).toBeLessThan(1e-8);
      else expect(Math.min(Math.abs((crossEntropy[0] ?? NaN) - 1), Math.abs((crossEntropy[1] ?? NaN) + 1))).toBeLessThan(1e-8);
    }
    // and it vanishes only when right: its largest entry is at least 1 − p_t, anywhere on the sliders
    property(fc.tuple(sliderLogits(), fc.nat()), ([logits, k]) => {
      const t = k % logits.length;
      const g = crossEntropyGrad([logits], [t])[0] ?? [];
      expect(Math.max(...Array.from(g, Math.abs))).toBeGreaterThanOrEqual(1 - (softmax(logits)[t] ?? NaN) - 1e-16);
    }, 100);
  });

  claim('Backpropagation through softmax is $\\partial L / \\partial \\mathbf z = J^{\\mathsf T}\\, \\partial L / \\partial \\mathbf p$.', () => {
    // for a loss of p chosen here, L(p) = Σ_i w_i ln(1 + p_i), against central differences through softmax
    property(fc.tuple(sliderLogits(), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 8, maxLength: 8 })), ([z, w]) => {
      const loss = (logits: number[]) => Array.from(softmax(logits)).reduce((s, pi, i) => s + (w[i] ?? 0) * Math.log1p(pi), 0);
      const p = softmax(z);
      const g = backward(softmaxJacobian(z), Array.from(p, (pi, i) => (w[i] ?? 0) / (1 + pi)));
      g.forEach((v, i) => expect(Math.abs(v - centralDifference((h) => loss(z.map((zk, k) => (k === i ? zk + h : zk))), 0))).toBeLessThan(1e-8));
    }, 100);
  });

  claim('Near $p_i = 1$, $1 - p_i$ computed by subtraction loses digits (about half of them at $\\mathbf z = [10, -10, -10]$); $\\sum_{k \\ne i} p_k$ keeps them all.', () => {
    const z = [10, -10, -10];
    const exact = referenceOneMinus(z, 0);
    const p = softmax(z);
    // by subtraction: a relative error between 10⁻¹⁰ and 10⁻⁶, about 8 of 16 digits
    expect(relative(1 - (p[0] ?? NaN), exact)).toBeGreaterThan(1e-10);
    expect(relative(1 - (p[0] ?? NaN), exact)).toBeLessThan(1e-6);
    // as a sum of the others: to the last couple of bits
    expect(relative((p[1] ?? NaN) + (p[2] ?? NaN), exact)).toBeLessThan(4 * 2 ** -53);
  });
});
