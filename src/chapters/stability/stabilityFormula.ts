import { DIGITS, formatNumber, texNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { backwardAt, epsilonAt, formatResult, texResult, type BackwardAt, type EpsilonAt } from './stabilityMath';
import { STABILITY_START } from './stabilityInputs';

/**
 * The live formulas of chapter 10, as LaTeX built only from fixed templates and texResult() (the
 * shared texNumber, with NaN written "NaN"), and the same formulas in words for screen readers.
 */


const texVector = (v: ArrayLike<number>, digits: number = DIGITS.value) => `\\left[${Array.from(v, (x) => texResult(x, digits)).join(',\\ ')}\\right]`;
const textVector = (v: ArrayLike<number>, digits: number = DIGITS.value) => `[${Array.from(v, (x) => formatResult(x, digits)).join(', ')}]`;
/** ε as the page writes it: 10⁻⁸ rather than 1.00 × 10⁻⁸, and 0 for no trick */
export const texEpsilon = (eps: number) => (eps === 0 ? '0' : `10^{${Math.round(Math.log10(eps))}}`);
export const textEpsilon = (eps: number) => (eps === 0 ? '0' : formatNumber(eps, 1).replace(/^1(\.0)? × /, ''));

export function epsilonTex(e: EpsilonAt, epsilon: number, label: number): string[][] {
  const t = label + 1;
  const p = texNumber(Math.exp(e.logP), DIGITS.value);
  return [
    [`\\displaystyle L = -\\ln p_{${t}}`, `\\displaystyle {} = \\term{${term.stabilityTrueLoss()}}{${texResult(e.trueLoss, DIGITS.value)}}`],
    [
      `\\displaystyle L_\\varepsilon = -\\ln(p_{${t}} + \\varepsilon)`,
      `\\displaystyle {} = -\\ln(${p} + ${texEpsilon(epsilon)}) = ${texResult(e.trickLoss, DIGITS.value)}`,
    ],
    [
      `\\displaystyle L_\\varepsilon - L = -\\ln\\Bigl(1 + \\frac{\\varepsilon}{p_{${t}}}\\Bigr)`,
      `\\displaystyle {} = \\term{${term.stabilityLossError()}}{${texResult(e.error, DIGITS.value)}}`,
    ],
  ];
}

export function epsilonText(e: EpsilonAt, epsilon: number, label: number): string {
  const t = label + 1;
  return [
    `L = −ln p${t} = ${formatResult(e.trueLoss, DIGITS.value)}.`,
    `With the trick, L_ε = −ln(p${t} + ${textEpsilon(epsilon)}) = ${formatResult(e.trickLoss, DIGITS.value)}.`,
    `The error it adds, L_ε − L = −ln(1 + ε/p${t}) = ${formatResult(e.error, DIGITS.value)}.`,
  ].join(' ');
}

/**
 * The backward pass both ways: fused, p − y; unfused as autograd runs it, u_t = −1/(p_t + ε), the dot
 * ⟨u, p⟩, and softmax's backward p ⊙ (u − ⟨u, p⟩), which never builds the C×C Jacobian.
 */
export function backwardTex(b: BackwardAt, epsilon: number, label: number): string[][] {
  const t = label + 1;
  const p = texResult(b.probabilities[label] as number, DIGITS.value);
  return [
    [
      `\\displaystyle \\frac{\\partial L}{\\partial \\mathbf z} = \\mathbf p - \\mathbf y`,
      `\\displaystyle {} = \\term{${term.stabilityFused()}}{${texVector(b.fused)}}`,
    ],
    [
      `\\displaystyle u_{${t}} = -\\frac{1}{p_{${t}} + \\varepsilon}`,
      `\\displaystyle {} = -\\frac{1}{${p} + ${texEpsilon(epsilon)}} = ${texResult(b.upstream, DIGITS.value)}`,
    ],
    [`\\displaystyle \\langle \\mathbf u, \\mathbf p \\rangle = \\textstyle\\sum_k u_k\\, p_k`, `\\displaystyle {} = ${texResult(b.dot, DIGITS.value)}`],
    [
      `\\displaystyle \\frac{\\partial L_\\varepsilon}{\\partial \\mathbf z} = \\mathbf p \\odot \\bigl(\\mathbf u - \\langle \\mathbf u, \\mathbf p \\rangle\\bigr)`,
      `\\displaystyle {} = \\term{${term.stabilityChain()}}{${texVector(b.chain)}}`,
    ],
    [`\\displaystyle \\text{difference}`, `\\displaystyle {} = ${texVector(b.difference, 2)}`],
  ];
}

export function backwardText(b: BackwardAt, epsilon: number, label: number): string {
  const t = label + 1;
  return [
    `Fused: ∂L/∂z = p − y = ${textVector(b.fused)}.`,
    `Unfused, as autograd runs it: u${t} = −1/(p${t} + ${textEpsilon(epsilon)}) = ${formatResult(b.upstream, DIGITS.value)},`,
    `⟨u, p⟩ = Σ u_k p_k = ${formatResult(b.dot, DIGITS.value)}, and ∂L_ε/∂z = p ⊙ (u − ⟨u, p⟩) = ${textVector(b.chain)}.`,
    `Difference: ${textVector(b.difference, 2)}.`,
  ].join(' ');
}

/** The chapter's starting formulas, typeset at build time (src/build/prerenderedFormulas.ts). */
export function stabilityStartFormulas(): { tex: string; display: boolean }[] {
  const { logits, label, epsilon, precision } = STABILITY_START;
  return [
    ...epsilonTex(epsilonAt(logits, label, epsilon), epsilon, label),
    ...backwardTex(backwardAt(logits, label, epsilon, precision), epsilon, label),
  ]
    .flat()
    .map((tex) => ({ tex, display: false }));
}
