import { plainList, pyFloatList } from '../../tools/copyAsCode/pythonLiteral';
import { FD_STEP } from './hessianMath';
import { TENSOR_TERMS } from './tensorMath';

/**
 * The NumPy program of the third-derivative explorer: it builds T from p with the five einsum terms
 * the page shows, prints it, and checks it against central differences of the Hessian
 * diag(p) − ppᵀ, as the page does. tests/unit/chapters/higher-derivatives runs it with python3.
 */

/** The five einsum lines, as the page shows them: the tensor is their sum. */
export function einsumLines(): string[] {
  return TENSOR_TERMS.map((term) => term.einsum);
}

/** `T = (…)`: the five terms summed, one per line, each line copyable on its own. */
export function einsumExpression(lines: readonly string[] = einsumLines()): string {
  const [first, ...rest] = lines;
  return ['T = (' + first, ...rest.map((l) => '     ' + l)].join('\n') + ')';
}

export function tensorNumpy(logits: readonly number[], lines: readonly string[] = einsumLines()): string {
  return [
    `# Logit Lab, the third derivative of cross-entropy in the logits: z = ${plainList(logits)}`,
    'import numpy as np',
    '',
    `z = np.array(${pyFloatList(logits)})`,
    'p = np.exp(z - z.max())',
    'p /= p.sum()',
    'I = np.eye(len(p))',
    '# T[i, j, k] = d^3 L / dz_i dz_j dz_k, for any target y that sums to 1',
    einsumExpression(lines),
    '',
    '# the check: T[:, :, k] is the derivative of the Hessian diag(p) - p p^T in z_k',
    'def hessian(z):',
    '    q = np.exp(z - z.max())',
    '    q /= q.sum()',
    '    return np.diag(q) - np.outer(q, q)',
    '',
    `h = ${String(FD_STEP)}`,
    'E = np.eye(len(z))',
    'fd = np.stack([(hessian(z + h * E[k]) - hessian(z - h * E[k])) / (2 * h) for k in range(len(z))], axis=2)',
    "print('T =', T.tolist())",
    "print('max_error =', float(np.abs(T - fd).max()))",
  ].join('\n');
}
