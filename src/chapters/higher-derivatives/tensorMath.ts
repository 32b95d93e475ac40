import { crossEntropyHessian, crossEntropyThirdDerivative, softmax } from '../../core';
import { FD_STEP } from './hessianMath';

/**
 * The third derivative T_ijk = ∂³L/∂z_i∂z_j∂z_k of cross-entropy in the logits, from the core
 * (crossEntropyThirdDerivative), and its decomposition into a diagonal tensor and outer products:
 *
 *   T_ijk = δ_ij δ_ik p_i − δ_ij p_i p_k − δ_ik p_i p_j − δ_jk p_i p_j + 2 p_i p_j p_k,
 *
 * which follows from differentiating H_ij = δ_ij p_i − p_i p_j once more with ∂p_i/∂z_k = p_i(δ_ik − p_k).
 * Each term is one `np.einsum` of p and the identity I. The terms' numbers are products of p, shown to
 * teach the decomposition; a live check holds their sum to the core's tensor.
 */

export interface TensorTerm {
  /** 1 … 5, for the term ids that link a term of the formula to its heatmap */
  n: number;
  /** the term in TeX, with its sign: '-\\delta_{ij}\\,p_i p_k' */
  tex: string;
  /** as plain text, for captions and text alternatives: '−δ_ij p_i p_k' (Unicode subscript letters print too small to read) */
  text: string;
  /** the shape it has, for the caption under its heatmap */
  shape: string;
  /** the NumPy expression that builds the whole C × C × C term from p and I = np.eye(C) */
  einsum: string;
  value(p: ArrayLike<number>, i: number, j: number, k: number): number;
}

const d = (a: number, b: number) => (a === b ? 1 : 0);
const at = (p: ArrayLike<number>, i: number) => p[i] as number;

export const TENSOR_TERMS: readonly TensorTerm[] = [
  {
    n: 1,
    tex: '\\delta_{ij}\\delta_{ik}\\,p_i',
    text: 'δ_ij δ_ik p_i',
    shape: 'a diagonal tensor: p on the line i = j = k',
    einsum: "np.einsum('i,ij,ik->ijk', p, I, I)",
    value: (p, i, j, k) => d(i, j) * d(i, k) * at(p, i),
  },
  {
    n: 2,
    tex: '-\\,\\delta_{ij}\\,p_i p_k',
    text: '−δ_ij p_i p_k',
    shape: 'diag(p) times p, along k',
    einsum: "- np.einsum('ij,i,k->ijk', I, p, p)",
    value: (p, i, j, k) => -d(i, j) * at(p, i) * at(p, k),
  },
  {
    n: 3,
    tex: '-\\,\\delta_{ik}\\,p_i p_j',
    text: '−δ_ik p_i p_j',
    shape: 'diag(p) times p, along j',
    einsum: "- np.einsum('ik,i,j->ijk', I, p, p)",
    value: (p, i, j, k) => -d(i, k) * at(p, i) * at(p, j),
  },
  {
    n: 4,
    tex: '-\\,\\delta_{jk}\\,p_i p_j',
    text: '−δ_jk p_i p_j',
    shape: 'diag(p) times p, along i',
    einsum: "- np.einsum('jk,i,j->ijk', I, p, p)",
    value: (p, i, j, k) => -d(j, k) * at(p, i) * at(p, j),
  },
  {
    n: 5,
    tex: '+\\,2\\,p_i p_j p_k',
    text: '+2 p_i p_j p_k',
    shape: 'the outer product p ⊗ p ⊗ p, twice',
    einsum: "+ 2 * np.einsum('i,j,k->ijk', p, p, p)",
    value: (p, i, j, k) => 2 * at(p, i) * at(p, j) * at(p, k),
  },
];

/** Slice k of a C × C × C tensor: the matrix M[i][j] = T[i][j][k]. */
export function slice(tensor: readonly (readonly (readonly number[])[])[], k: number): number[][] {
  return tensor.map((plane) => plane.map((line) => line[k] as number));
}

/** Slice k of one term: term.value(p, i, j, k) for every i, j. */
export function termSlice(term: TensorTerm, p: ArrayLike<number>, k: number): number[][] {
  const n = p.length;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => 0 + term.value(p, i, j, k)));
}

/** Five products of p, each below 1, summed: a few ulp of 1 at most. */
export const TERMS_TOLERANCE = 1e-15;

export interface TensorChecks {
  /** max over i, j, k of |T_ijk − (H(z + h e_k) − H(z − h e_k))_ij / 2h|, h = FD_STEP */
  fdError: number;
  /** max over i, j, k of |T_ijk − the sum of the five terms| */
  termsError: number;
  /** max over i, j, k of |T_ijk − T_jik| and |T_ijk − T_ikj|: symmetric in its three indices */
  asymmetry: number;
}

/** The tensor's claims checked on the learner's logits: central differences of the Hessian, the five terms, its symmetry. */
export function tensorChecks(z: readonly number[], tensor: readonly (readonly (readonly number[])[])[]): TensorChecks {
  const n = z.length;
  const p = softmax(z);
  let fdError = 0;
  let termsError = 0;
  let asymmetry = 0;
  for (let k = 0; k < n; k++) {
    const up = z.map((v, m) => (m === k ? v + FD_STEP : v));
    const down = z.map((v, m) => (m === k ? v - FD_STEP : v));
    const step = (up[k] as number) - (down[k] as number);
    const Hup = crossEntropyHessian(up);
    const Hdown = crossEntropyHessian(down);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const t = tensor[i]?.[j]?.[k] as number;
        const estimate = ((Hup[i]?.[j] as number) - (Hdown[i]?.[j] as number)) / step;
        fdError = Math.max(fdError, Math.abs(estimate - t));
        const sum = TENSOR_TERMS.reduce((s, term) => s + term.value(p, i, j, k), 0);
        termsError = Math.max(termsError, Math.abs(sum - t));
        asymmetry = Math.max(asymmetry, Math.abs(t - (tensor[j]?.[i]?.[k] as number)), Math.abs(t - (tensor[i]?.[k]?.[j] as number)));
      }
    }
  }
  return { fdError, termsError, asymmetry };
}

/** The core's tensor: z's third derivative. */
export function thirdDerivative(z: readonly number[]): number[][][] {
  return crossEntropyThirdDerivative(z);
}
