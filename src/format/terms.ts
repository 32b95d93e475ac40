/**
 * Named terms: the ids that link a symbol in a formula to the element of a plot that shows it.
 * A formula writes `\term{p-2}{p_2}` (→ `data-term="p-2"` in KaTeX's output); the plot puts
 * `data-term="p-2"` on its bar. Focus on either sets the store's `focus` to the id, and one CSS
 * rule lights up both. Ids are built here only, so a typo cannot silently unlink a pair.
 */

export const term = {
  logit: (i: number) => `z-${i + 1}`,
  probability: (i: number) => `p-${i + 1}`,
  temperature: () => 'T',
  /** J_ij = ∂p_i/∂z_j, and its two parts: the diagonal diag(p) and the outer product −p pᵀ */
  jacobian: (i: number, j: number) => `J-${i + 1}-${j + 1}`,
  jacobianDiagonal: (i: number, j: number) => `D-${i + 1}-${j + 1}`,
  jacobianOuter: (i: number, j: number) => `O-${i + 1}-${j + 1}`,
  /** chapter 4: the label y_i, ∂L/∂p_i = −y_i/p_i, the gradient ∂L/∂z_i = p_i − y_i, the loss L */
  label: (i: number) => `y-${i + 1}`,
  probabilityGradient: (i: number) => `dp-${i + 1}`,
  gradient: (i: number) => `g-${i + 1}`,
  loss: () => 'L',
  /** chapter 5, the binary case: one logit z, ŷ = σ(z), label t, σ′(z), and the BCE with its derivatives per t */
  binaryLogit: () => 'z',
  binaryPrediction: () => 'y-hat',
  binaryComplement: () => 'one-minus-y-hat',
  binaryTarget: () => 't',
  sigmoidSlope: () => 'sigma-prime',
  binaryLoss: (t: 0 | 1) => `bce-t${t}`,
  binaryLossGradPrediction: (t: 0 | 1) => `dbce-dyhat-t${t}`,
  binaryLossGradLogit: (t: 0 | 1) => `dbce-dz-t${t}`,
  /** softmax([z, 0])_i, the two-class softmax that equals [σ(z), 1 − σ(z)] */
  pairSoftmax: (i: number) => `q-${i + 1}`,
  /** σ(z_i), one sigmoid per class (multi-label) */
  classSigmoid: (i: number) => `s-${i + 1}`,
  /** chapter 7, at ŷ = σ(z): ∂L/∂z of squared error and of cross-entropy, and σ′(z) = ŷ(1 − ŷ) between them */
  squaredErrorGradZ: () => 'dse-dz',
  crossEntropyGradZ: () => 'dce-dz',
  saturationSlope: () => 'sigma-prime',
  /** chapter 9: the step h of a finite difference, and the relative error of each scheme in each precision */
  differenceStep: () => 'h-step',
  differenceError: (scheme: 'forward' | 'central', precision: 'float64' | 'float32') => `err-${scheme}-${precision}`,
  /** chapter 6, logistic regression: the weights w, the cost L(w), its gradient ∇L, the boundary z = 0 */
  logisticWeights: () => 'lr-w',
  logisticCost: () => 'lr-cost',
  logisticGradient: () => 'lr-grad',
  logisticBoundary: () => 'lr-boundary',
  /**
   * chapter 8, the backward pass of one sample: input x_r, hidden a₁ⱼ, f′(z₁ⱼ), dA₁ⱼ, dZ₁ⱼ, the output
   * gradient dz₂ₖ, and the gradient cells of W₁ (input r → hidden j) and W₂ (hidden j → output k)
   */
  backpropInput: (r: number) => `bp-x-${r + 1}`,
  backpropHidden: (j: number) => `bp-a1-${j + 1}`,
  backpropSlope: (j: number) => `bp-fp-${j + 1}`,
  backpropHiddenUpstream: (j: number) => `bp-da1-${j + 1}`,
  backpropHiddenGrad: (j: number) => `bp-dz1-${j + 1}`,
  backpropOutputGrad: (k: number) => `bp-dz2-${k + 1}`,
  backpropW1: (r: number, j: number) => `bp-w1-${r + 1}-${j + 1}`,
  backpropW2: (j: number, k: number) => `bp-w2-${j + 1}-${k + 1}`,
  /** chapter 10: the true loss −log p_y, the error the log(p + ε) trick adds, the fused and the unfused ∂L/∂z */
  stabilityTrueLoss: () => 'loss-true',
  stabilityLossError: () => 'eps-error',
  stabilityRelativeGradient: () => 'eps-grad-error',
  stabilityFused: () => 'grad-fused',
  stabilityChain: () => 'grad-chain',
  /**
   * chapter 11, counted from 0 as PyTorch counts: sample n (its row of logits, its loss ℓ_n and its
   * class weight w_{t_n} in the mean's fraction), the logit z[n, c] and the gradient cell ∂L/∂z[n, c]
   */
  lossSample: (n: number) => `ptl-s-${n}`,
  lossLogit: (n: number, c: number) => `ptl-z-${n}-${c}`,
  lossGradient: (n: number, c: number) => `ptl-g-${n}-${c}`,
  lossSmoothing: () => 'ptl-eps',
  lossPosWeight: () => 'ptl-pw',
  lossWeightOpener: () => 'ptl-w0',
  /** chapter 12: H = ∂²L/∂z² and its two parts diag(p) and −ppᵀ; the k-th eigenvalue; the five terms of ∂³L/∂z³ */
  hessian: (i: number, j: number) => `H-${i + 1}-${j + 1}`,
  hessianDiagonal: (i: number, j: number) => `HD-${i + 1}-${j + 1}`,
  hessianOuter: (i: number, j: number) => `HO-${i + 1}-${j + 1}`,
  eigenvalue: (k: number) => `lam-${k + 1}`,
  tensorTerm: (n: number) => `Tt-${n}`,
  tensorCell: (i: number, j: number, k: number) => `Tc-${i + 1}-${j + 1}-${k + 1}`,
  /** chapter 12's models along d: the true loss L(z + sd), the quadratic L + s gᵀd + ½s² dᵀHd, the cubic one */
  quadraticTrue: () => 'quad-true',
  quadraticModel: () => 'quad-model',
  quadraticCubic: () => 'quad-cubic',
  /**
   * chapter 13: a gate of the LSTM cell (i, f, g, o) and its value, the previous and new cell state,
   * the new hidden state; and each curve of the gradient-through-time figure
   */
  lstmGate: (gate: 'i' | 'f' | 'g' | 'o') => `lstm-${gate}`,
  lstmCellPrev: () => 'lstm-c',
  lstmCellNext: () => 'lstm-c-next',
  lstmHiddenNext: () => 'lstm-h-next',
  gradientFlow: (curve: 'cell' | 'hidden' | 'cut' | 'rnn') => `flow-${curve}`,
} as const;

/**
 * Every term that lights up with `id`. Most terms stand alone; a Jacobian cell (i, j) is built from
 * p_i and p_j, and its place in J, in diag(p) and in −ppᵀ is one place: all of them light up together.
 */
export function relatedTerms(id: string): string[] {
  // chapter 8: a gradient cell of W₂ or W₁ lights up the factors of its chain rule
  const w2 = /^bp-w2-(\d+)-(\d+)$/.exec(id);
  if (w2) return [id, `bp-a1-${w2[1]}`, `bp-dz2-${w2[2]}`];
  const w1 = /^bp-w1-(\d+)-(\d+)$/.exec(id);
  if (w1) return [id, `bp-x-${w1[1]}`, `bp-fp-${w1[2]}`, `bp-da1-${w1[2]}`];
  // chapter 11: a gradient cell ∂L/∂z[n, c] lights up its logit z[n, c], and the logit its gradient
  const loss = /^ptl-[gz]-(\d+)-(\d+)$/.exec(id);
  if (loss) return [`ptl-z-${loss[1]}-${loss[2]}`, `ptl-g-${loss[1]}-${loss[2]}`];
  // chapter 12: a Hessian cell, like a Jacobian cell, in H, diag(p) and −ppᵀ at once, with p_i and p_j
  const hessian = /^H[DO]?-(\d+)-(\d+)$/.exec(id);
  if (hessian) return [`H-${hessian[1]}-${hessian[2]}`, `HD-${hessian[1]}-${hessian[2]}`, `HO-${hessian[1]}-${hessian[2]}`, `p-${hessian[1]}`, `p-${hessian[2]}`];
  const cell = /^[JDO]-(\d+)-(\d+)$/.exec(id);
  if (!cell) return [id];
  const [, i, j] = cell;
  return [`J-${i}-${j}`, `D-${i}-${j}`, `O-${i}-${j}`, `p-${i}`, `p-${j}`];
}

/** Ids are plain: letters, digits and dashes. Anything else is refused before it reaches a CSS rule. */
const TERM_ID = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;

export function isTermId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= 32 && TERM_ID.test(id);
}

/** Class colours, by index, shared by every plot and formula that colours per class. */
export const CLASS_COLOURS = [
  'var(--class-1)',
  'var(--class-2)',
  'var(--class-3)',
  'var(--class-4)',
  'var(--class-5)',
  'var(--class-6)',
  'var(--class-7)',
  'var(--class-8)',
] as const;

export function classColour(i: number): string {
  return CLASS_COLOURS[i % CLASS_COLOURS.length] ?? 'currentColor';
}
