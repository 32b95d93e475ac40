import { hardLabel } from '../../url/labels';
import { plainList, plainNumber, pyFloat, pyFloatList } from './pythonLiteral';

/**
 * "Copy as code": short, self-contained Python programs that recompute what a widget shows, from the
 * exact inputs on screen, in float64. Each prints its results as `name = value` lines, the values as
 * Python's repr (shortest round-trip), lists via .tolist(), so a reader (or a test) gets every digit.
 * The NumPy programs use the textbook stable formulas; the PyTorch ones the library calls whose
 * semantics the core matches (torch.softmax, F.cross_entropy with a class index or probabilities),
 * except the Jacobian's, which writes softmax out as exp, sum and division so that autograd's J is a
 * derivative obtained independently of the closed form (torch.softmax's backward is that formula).
 */

export interface SoftmaxState {
  readonly logits: readonly number[];
  readonly temperature: number;
}

export interface JacobianState {
  readonly logits: readonly number[];
}

export interface CrossEntropyState {
  readonly logits: readonly number[];
  /** the target distribution y; one-hot for a hard label */
  readonly labels: readonly number[];
}

const lines = (...rows: readonly string[]): string => `${rows.join('\n')}\n`;

function softmaxHeader({ logits, temperature }: SoftmaxState): string {
  return `# Logit Lab, softmax: z = ${plainList(logits)}, T = ${plainNumber(temperature)}`;
}

function jacobianHeader({ logits }: JacobianState): string {
  return `# Logit Lab, softmax Jacobian: z = ${plainList(logits)}`;
}

function crossEntropyHeader({ logits, labels }: CrossEntropyState): string {
  const k = hardLabel(labels);
  const label = k === undefined ? `soft label y = ${plainList(labels)}` : `label: class ${k + 1} (index ${k})`;
  return `# Logit Lab, cross-entropy through softmax: z = ${plainList(logits)}, ${label}`;
}

export function softmaxNumpy(state: SoftmaxState): string {
  return lines(
    softmaxHeader(state),
    'import numpy as np',
    '',
    `z = np.array(${pyFloatList(state.logits)})`,
    `T = ${pyFloat(state.temperature)}`,
    '# Subtracting max z changes no probability and keeps exp from overflowing.',
    'p = np.exp((z - z.max()) / T)',
    'p /= p.sum()',
    "print('p =', p.tolist())",
  );
}

export function softmaxTorch(state: SoftmaxState): string {
  return lines(
    softmaxHeader(state),
    'import torch',
    '',
    `z = torch.tensor(${pyFloatList(state.logits)}, dtype=torch.float64)`,
    `T = ${pyFloat(state.temperature)}`,
    'p = torch.softmax(z / T, dim=0)',
    "print('p =', p.tolist())",
  );
}

export function jacobianNumpy(state: JacobianState): string {
  return lines(
    jacobianHeader(state),
    'import numpy as np',
    '',
    `z = np.array(${pyFloatList(state.logits)})`,
    'p = np.exp(z - z.max())',
    'p /= p.sum()',
    '# J[i, j] = dp_i/dz_j = p_i (delta_ij - p_j)',
    'J = np.diag(p) - np.outer(p, p)',
    "print('p =', p.tolist())",
    "print('J =', J.tolist())",
  );
}

export function jacobianTorch(state: JacobianState): string {
  return lines(
    jacobianHeader(state),
    'import torch',
    '',
    'def softmax(z):',
    '    # written out, so that autograd differentiates exp, sum and division itself',
    '    # (torch.softmax has its own backward, which is the closed form this checks)',
    '    e = torch.exp(z - z.max())  # the shift changes no probability',
    '    return e / e.sum()',
    '',
    `z = torch.tensor(${pyFloatList(state.logits)}, dtype=torch.float64)`,
    'p = softmax(z)',
    'J = torch.autograd.functional.jacobian(softmax, z)  # J[i, j] = dp_i/dz_j',
    "print('p =', p.tolist())",
    "print('J =', J.tolist())",
  );
}

export function crossEntropyNumpy(state: CrossEntropyState): string {
  const k = hardLabel(state.labels);
  return lines(
    crossEntropyHeader(state),
    'import numpy as np',
    '',
    `z = np.array(${pyFloatList(state.logits)})`,
    `y = np.array(${pyFloatList(state.labels)})${k === undefined ? '  # a soft label' : `  # one-hot: the true class is ${k + 1}`}`,
    'e = np.exp(z - z.max())',
    'p = e / e.sum()',
    '# log softmax without overflow: log p_i = z_i - max z - log(sum of e)',
    'log_p = z - z.max() - np.log(e.sum())',
    k === undefined ? 'loss = -(y * log_p).sum()' : `loss = -log_p[${k}]`,
    'grad = p - y  # dL/dz',
    "print('p =', p.tolist())",
    "print('loss =', float(loss))",
    "print('grad =', grad.tolist())",
  );
}

export function crossEntropyTorch(state: CrossEntropyState): string {
  const k = hardLabel(state.labels);
  const target =
    k === undefined
      ? [
          '# A soft label: F.cross_entropy takes class probabilities as the target.',
          `y = torch.tensor([${pyFloatList(state.labels)}], dtype=torch.float64)`,
        ]
      : [`y = torch.tensor([${k}])  # the true class ${k + 1}, as a class index`];
  return lines(
    crossEntropyHeader(state),
    'import torch',
    'import torch.nn.functional as F',
    '',
    `z = torch.tensor(${pyFloatList(state.logits)}, dtype=torch.float64, requires_grad=True)`,
    ...target,
    'loss = F.cross_entropy(z.unsqueeze(0), y)',
    'loss.backward()  # z.grad = dL/dz = p - y',
    "print('p =', torch.softmax(z.detach(), dim=0).tolist())",
    "print('loss =', loss.item())",
    "print('grad =', z.grad.tolist())",
  );
}
