import type { Activation, BatchReduction } from '../../core/network';
import { formatNumber, texNumber } from '../../format/formatNumber';
import { term } from '../../format/terms';
import { backwardPass, hiddenWeightChain, outputWeightChain, sampleRows, type HiddenWeightChain, type OutputWeightChain, type SampleRows } from './backwardPassMath';
import { EXPLORER_START } from './backpropLimits';
import { initialBackpropInputs } from './backpropStore';

/**
 * The live formulas of chapter 8's backward-pass explorer, as LaTeX built only from fixed templates
 * and texNumber(), and the same formulas in words. Shapes are written under each matrix with the live
 * batch size m and hidden width h, so a learner sees dW₂ (h × C) = A₁ᵀ (h × m) · dZ₂ (m × C) with the
 * numbers of the run in front of them. Indices shown to the learner count from 1.
 */

/**
 * Decimals that keep three significant digits of v (at least 3, at most 6): per-sample terms of a
 * mean are of order 1/m, and "0.001" would hide the digits that matter.
 */
export function decimalsFor(v: number): number {
  if (!Number.isFinite(v) || v === 0) return 3;
  return Math.min(6, Math.max(3, 2 - Math.floor(Math.log10(Math.abs(v)))));
}
/** one formatter call for a number whose size is not known in advance */
export const show = (v: number) => formatNumber(v, decimalsFor(v));
const tex = (v: number) => texNumber(v, decimalsFor(v));

/** The largest |v|'s decimals, for a table or heatmap whose numbers should line up. */
export function decimalsForAll(values: Iterable<number>): number {
  let max = 0;
  for (const v of values) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  return decimalsFor(max);
}

export interface BackwardShapes {
  m: number;
  inputs: number;
  hidden: number;
  outputs: number;
  reduction: BatchReduction;
  activation: Activation;
}

const shaped = (symbol: string, rows: number, cols: number) => `\\underset{${rows} \\times ${cols}}{${symbol}}`;

/** f′ of the activation, in the activation's own terms, of a pre-activation u (z is kept for the logits) */
const SLOPE_TEX: Record<Activation, string> = {
  relu: "f'(u) = [u > 0]",
  tanh: "f'(u) = 1 - \\tanh^2 u",
  sigmoid: "f'(u) = \\sigma(u)\\,(1 - \\sigma(u))",
};
const SLOPE_TEXT: Record<Activation, string> = {
  relu: 'f′(u) = 1 where u > 0, else 0',
  tanh: 'f′(u) = 1 − tanh² u',
  sigmoid: 'f′(u) = σ(u)(1 − σ(u))',
};

/** The seven lines of the backward pass, each as pieces (symbols with shapes, then the matrix product). */
export function backwardShapesTex(s: BackwardShapes): string[][] {
  const { m, inputs: n, hidden: h, outputs: c } = s;
  const mean = s.reduction === 'mean';
  return [
    [
      `${shaped('dZ_2', m, c)} = ${mean ? `\\tfrac{1}{${m}}\\,` : ''}(${shaped('P', m, c)} - ${shaped('Y', m, c)})`,
    ],
    [`${shaped('dW_2', h, c)} = ${shaped('A_1^{\\top}', h, m)}\\,${shaped('dZ_2', m, c)}`, `{} = \\textstyle\\sum_{i=1}^{${m}} a_{1,i}^{\\top}\\, dz_{2,i}`],
    [`${shaped('db_2', 1, c)} = \\textstyle\\sum_{i=1}^{${m}} dz_{2,i}`],
    [`${shaped('dA_1', m, h)} = ${shaped('dZ_2', m, c)}\\,${shaped('W_2^{\\top}', c, h)}`],
    [`${shaped('dZ_1', m, h)} = dA_1 \\odot f'(Z_1),`, `\\quad\\text{where } ${SLOPE_TEX[s.activation]}`],
    [`${shaped('dW_1', n, h)} = ${shaped('X^{\\top}', n, m)}\\,${shaped('dZ_1', m, h)}`],
    [`${shaped('db_1', 1, h)} = \\textstyle\\sum_{i=1}^{${m}} dz_{1,i}`],
  ];
}

export function backwardShapesText(s: BackwardShapes): string {
  const { m, inputs: n, hidden: h, outputs: c } = s;
  const by = (r: number, k: number) => `(${r} × ${k})`;
  return [
    `dZ₂ ${by(m, c)} = ${s.reduction === 'mean' ? `(P − Y)/${m}` : 'P − Y'}.`,
    `dW₂ ${by(h, c)} = A₁ᵀ ${by(h, m)} times dZ₂ ${by(m, c)}, the sum over the ${m} samples of a₁ᵢᵀ dz₂ᵢ.`,
    `db₂ ${by(1, c)} = the sum of the rows of dZ₂.`,
    `dA₁ ${by(m, h)} = dZ₂ ${by(m, c)} times W₂ᵀ ${by(c, h)}.`,
    `dZ₁ ${by(m, h)} = dA₁ times f′(Z₁) entry by entry, ${SLOPE_TEXT[s.activation]}.`,
    `dW₁ ${by(n, h)} = Xᵀ ${by(n, m)} times dZ₁ ${by(m, h)}.`,
    `db₁ ${by(1, h)} = the sum of the rows of dZ₁.`,
  ].join(' ');
}

const vector = (values: readonly number[], digits: number) => `[${values.map((v) => texNumber(v, digits)).join(',\\ ')}]`;
const vectorText = (values: readonly number[], digits: number) => `[${values.map((v) => formatNumber(v, digits)).join(', ')}]`;

/** Row i of dZ₂ = scale · (p − y), with the sample's numbers. */
export function outputRowTex(rows: SampleRows, m: number, reduction: BatchReduction): string[] {
  const d = decimalsForAll(rows.dz2);
  const i = rows.index + 1;
  const scaled = reduction === 'mean' ? `\\tfrac{1}{${m}}\\big(` : '\\big(';
  return [
    `dz_{2,${i}} = ${scaled}${vector(rows.p, 3)} - ${vector(rows.y, 0)}\\big)`,
    `{} = ${vector(rows.dz2, d)}`,
  ];
}

export function outputRowText(rows: SampleRows, m: number, reduction: BatchReduction): string {
  const d = decimalsForAll(rows.dz2);
  return `Row ${rows.index + 1} of dZ₂ = ${reduction === 'mean' ? `(1/${m})` : ''}(${vectorText(rows.p, 3)} − ${vectorText(rows.y, 0)}) = ${vectorText(rows.dz2, d)}.`;
}

/**
 * ∂L/∂(W₂)_{jk} as the sum over samples, sample i's term multiplied out, and the whole sum, written
 * with `totalDigits` decimals: those of the dW₂ heatmap, so the same number reads the same in both.
 */
export function outputChainTex(c: OutputWeightChain, m: number, reduction: BatchReduction, totalDigits: number): string[][] {
  const [j, k, i] = [c.j + 1, c.k + 1, c.i + 1];
  const a1 = term.backpropHidden(c.j);
  const dz2 = term.backpropOutputGrad(c.k);
  const cell = term.backpropW2(c.j, c.k);
  const over = reduction === 'mean' ? `\\frac{P_{i,${k}} - Y_{i,${k}}}{${m}}` : `(P_{i,${k}} - Y_{i,${k}})`;
  const scale = reduction === 'mean' ? ` \\times \\tfrac{1}{${m}}` : '';
  return [
    [`\\term{${cell}}{\\frac{\\partial L}{\\partial (W_2)_{${j},${k}}}} = \\sum_{i=1}^{${m}} (A_1)_{i,${j}}\\,(dZ_2)_{i,${k}}`, `{} = \\sum_{i=1}^{${m}} (A_1)_{i,${j}} \\cdot ${over}`],
    [
      `\\text{sample } ${i}\\text{:}\\ \\term{${a1}}{(A_1)_{${i},${j}}} \\cdot \\term{${dz2}}{(P - Y)_{${i},${k}}}${reduction === 'mean' ? ' \\cdot \\tfrac{1}{m}' : ''}`,
      `{} = \\term{${a1}}{${tex(c.a1)}} \\times \\term{${dz2}}{${tex(c.pMinusY)}}${scale} = ${tex(c.term)}`,
    ],
    [`\\text{all ${m} samples:}\\ \\textstyle\\sum_{i} = \\term{${cell}}{${texNumber(c.chainSum, totalDigits)}}`],
  ];
}

export function outputChainText(c: OutputWeightChain, m: number, reduction: BatchReduction, totalDigits: number): string {
  const [j, k, i] = [c.j + 1, c.k + 1, c.i + 1];
  return (
    `∂L/∂(W₂)${j},${k} = the sum over the ${m} samples of (A₁)i,${j} times (dZ₂)i,${k}${reduction === 'mean' ? `, where (dZ₂)i,${k} = (P − Y)i,${k}/${m}` : ''}. ` +
    `Sample ${i}: ${show(c.a1)} × ${show(c.pMinusY)}${reduction === 'mean' ? ` × 1/${m}` : ''} = ${show(c.term)}. ` +
    `All ${m} samples: ${formatNumber(c.chainSum, totalDigits)}.`
  );
}

/** ∂L/∂(W₁)_{rj}: the longer chain through hidden unit j, written out for sample i. */
export function hiddenChainTex(c: HiddenWeightChain, m: number, totalDigits: number): string[][] {
  const [r, j, i] = [c.r + 1, c.j + 1, c.i + 1];
  const x = term.backpropInput(c.r);
  const fp = term.backpropSlope(c.j);
  const da1 = term.backpropHiddenUpstream(c.j);
  const cell = term.backpropW1(c.r, c.j);
  // one piece per class, so a phone can break the inner sum between its terms
  // (a negative weight after the first reads "− 0.506 ·", not "+ −0.506 ·")
  const inner = c.w2.map((w, k) => {
    const open = k === 0 ? '\\times \\big(' : w < 0 ? '-' : '+';
    const shown = k === 0 ? tex(w) : tex(Math.abs(w));
    return `${open}\\term{${da1}}{${shown} \\cdot ${tex(c.dz2[k] ?? NaN)}}${k === c.w2.length - 1 ? '\\big)' : ''}`;
  });
  return [
    [
      `\\term{${cell}}{\\frac{\\partial L}{\\partial (W_1)_{${r},${j}}}} = \\sum_{i=1}^{${m}} X_{i,${r}}\\; f'\\big((Z_1)_{i,${j}}\\big)`,
      `\\cdot \\textstyle\\sum_{k} (W_2)_{${j},k}\\,(dZ_2)_{i,k}`,
    ],
    [
      `\\text{sample } ${i}\\text{:}\\ \\term{${x}}{${tex(c.x)}} \\times \\term{${fp}}{${tex(c.slope)}}`,
      ...inner,
      `{} = ${tex(c.x)} \\times ${tex(c.slope)} \\times \\term{${da1}}{${tex(c.upstream)}} = ${tex(c.term)}`,
    ],
    [`\\text{all ${m} samples:}\\ \\textstyle\\sum_{i} = \\term{${cell}}{${texNumber(c.chainSum, totalDigits)}}`],
  ];
}

export function hiddenChainText(c: HiddenWeightChain, m: number, totalDigits: number): string {
  const [r, j, i] = [c.r + 1, c.j + 1, c.i + 1];
  const inner = c.w2.map((w, k) => `${k === 0 ? show(w) : `${w < 0 ? '− ' : '+ '}${show(Math.abs(w))}`} × ${show(c.dz2[k] ?? NaN)}`).join(' ');
  return (
    `∂L/∂(W₁)${r},${j} = the sum over the ${m} samples of X i,${r} times f′((Z₁)i,${j}) times the sum over k of (W₂)${j},k (dZ₂)i,k. ` +
    `Sample ${i}: ${show(c.x)} × ${show(c.slope)} × (${inner}) = ${show(c.x)} × ${show(c.slope)} × ${show(c.upstream)} = ${show(c.term)}. ` +
    `All ${m} samples: ${formatNumber(c.chainSum, totalDigits)}.`
  );
}

/** Where the explorer starts: sample 1, the weights (W₂)₁,₁ and (W₁)₁,₁ (all zero-based here). */
export { EXPLORER_START };

/**
 * The explorer's formulas in the chapter's starting state (the store's initial run, both reductions),
 * for src/build/prerenderedFormulas.ts: typeset at build time, so the chapter opens without KaTeX's
 * runtime.
 */
export function backwardPassStartFormulas(): { tex: string; display: boolean }[] {
  const start = initialBackpropInputs();
  const { network, dataset } = start;
  return (['mean', 'sum'] as const).flatMap((reduction) => {
    const pass = backwardPass(network, dataset, reduction);
    const shapes: BackwardShapes = { m: pass.m, inputs: pass.inputs, hidden: pass.hidden, outputs: pass.outputs, reduction, activation: network.shape.activation };
    const rows = sampleRows(pass, EXPLORER_START.sample);
    const w2 = outputWeightChain(pass, EXPLORER_START.w2[0], EXPLORER_START.w2[1], EXPLORER_START.sample);
    const w1 = hiddenWeightChain(pass, EXPLORER_START.w1[0], EXPLORER_START.w1[1], EXPLORER_START.sample);
    const digits2 = decimalsForAll(pass.ws.grads.w2);
    const digits1 = decimalsForAll(pass.ws.grads.w1);
    return [
      ...backwardShapesTex(shapes),
      outputRowTex(rows, pass.m, reduction),
      ...outputChainTex(w2, pass.m, reduction, digits2),
      ...hiddenChainTex(w1, pass.m, digits1),
    ]
      .flat()
      .map((t) => ({ tex: t, display: false }));
  });
}
