import { pyFloat, pyFloatList } from '../../tools/copyAsCode/pythonLiteral';
import { classCount, rowCount, type Batch, type BceInputs } from './pytorchLossInputs';

/**
 * "Copy as NumPy / PyTorch" for chapter 11: programs that recompute the option explorer's loss,
 * per-sample losses and gradient (and the BCEWithLogits widget's), from the exact numbers on screen, in
 * float64. They print `name = value` lines as the other chapters' programs do (tools/copyAsCode). The
 * NumPy program writes out what nn.CrossEntropyLoss does with each option, only the lines the current
 * options need; the PyTorch one calls nn.CrossEntropyLoss with them, and then nn.NLLLoss after
 * nn.LogSoftmax, which must print the same loss.
 */

const lines = (...rows: readonly (string | false)[]): string => `${rows.filter((r) => r !== false).join('\n')}\n`;

/** A matrix as a Python list of lists, one row per line under `indent`. */
function pyMatrix(rows: readonly (readonly number[])[], indent: string): string {
  return `[${rows.map((row, i) => (i === 0 ? '' : `${indent} `) + pyFloatList(row)).join(',\n')}]`;
}

const pyInts = (values: readonly number[]) => `[${values.join(', ')}]`;

/** Σ w[tₙ] over the kept samples (their count without weight): what the mean divides class indices by. */
function keptWeight(b: Batch): number {
  return b.indices.filter((t) => t !== b.ignoreIndex).reduce((s, t) => s + (b.weighted ? (b.weight[t] as number) : 1), 0);
}

/**
 * The nn.CrossEntropyLoss call for the options on screen, only those that are not PyTorch's defaults,
 * as the explorer shows it under the result: `loss = nn.CrossEntropyLoss(label_smoothing=0.2)(z, t)`, one option
 * a line when that is longer than 60 characters.
 */
export function torchLossCall(b: Batch): string {
  const options = [
    b.weighted && `weight=torch.tensor(${pyFloatList(b.weight)}, dtype=torch.float64)`,
    b.reduction !== 'mean' && `reduction='${b.reduction}'`,
    b.smoothing > 0 && `label_smoothing=${pyFloat(b.smoothing)}`,
    // probability rows take no ignore_index: PyTorch refuses one that is not negative
    b.targetKind === 'index' && b.ignoreIndex !== -100 && `ignore_index=${b.ignoreIndex}`,
  ].filter((o) => o !== false);
  const oneLine = `loss = nn.CrossEntropyLoss(${options.join(', ')})(z, t)`;
  // a long call gets one option a line, as black would write it, so a phone scrolls less
  return oneLine.length <= 60 ? oneLine : `loss = nn.CrossEntropyLoss(\n${options.map((o) => `    ${o},\n`).join('')})(z, t)`;
}

/**
 * The NumPy lines of the same loss, from the logits z and the targets (t, or the rows Y) as on screen:
 * log-softmax, the target rows (one-hot, smoothed, an ignored sample's row 0), the weighted losses, and
 * the reduction with the denominator the options give. Only the lines the options need.
 */
export function numpyLossLines(b: Batch): string[] {
  const index = b.targetKind === 'index';
  const eps = pyFloat(b.smoothing);
  const w = b.weighted ? 'w * ' : '';
  const zeroWeights = index && b.reduction === 'mean' && b.indices.some((t) => t !== b.ignoreIndex) && keptWeight(b) === 0;
  const reduce =
    b.reduction === 'sum'
      ? 'loss = losses.sum()'
      : b.reduction === 'none'
        ? "loss = losses  # reduction='none'"
        : zeroWeights
          ? 'loss = np.nan  # the kept classes weigh 0: PyTorch’s nll part is 0 / 0'
          : !index
            ? 'loss = losses.mean()  # probability rows: divided by N, whatever w is'
            : b.weighted
              ? 'loss = losses.sum() / w[t[kept]].sum()  # not / N'
              : 'loss = losses.sum() / kept.sum()';
  return [
    index ? '# z: the logits, t: the targets, as in the tables' : '# z: the logits, Y: the probability rows, as in the tables',
    'N, C = z.shape',
    'm = z.max(axis=1, keepdims=True)',
    'log_p = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))',
    ...(b.weighted ? [`w = np.array(${pyFloatList(b.weight)})`] : []),
    ...(index ? [`kept = t != ${b.ignoreIndex}`, 'Y = np.eye(C)[np.where(kept, t, 0)] * kept[:, None]  # one-hot; 0 if ignored'] : []),
    ...(b.smoothing > 0 ? [index ? `Y = (1 - ${eps}) * Y + ${eps} / C * kept[:, None]` : `Y = (1 - ${eps}) * Y + ${eps} / C`] : []),
    `losses = (${w}Y * -log_p).sum(axis=1)`,
    reduce,
  ];
}

/** The header comment: what the program reproduces. */
function header(b: Batch): string {
  const options = [
    `weight=${b.weighted ? pyFloatList(b.weight) : 'None'}`,
    `reduction='${b.reduction}'`,
    `label_smoothing=${pyFloat(b.smoothing)}`,
    ...(b.targetKind === 'index' ? [`ignore_index=${b.ignoreIndex}`] : ['probability targets']),
  ];
  return `# Logit Lab, nn.CrossEntropyLoss: ${rowCount(b)} samples × ${classCount(b)} classes, ${options.join(', ')}`;
}

export function crossEntropyOptionsNumpy(b: Batch): string {
  const index = b.targetKind === 'index';
  const smoothed = b.smoothing > 0;
  const kept = b.indices.filter((t) => t !== b.ignoreIndex);
  // PyTorch's mean is 0/0 here; its gradient is 0 in every entry, as no sample counts
  const noneKept = index && b.reduction === 'mean' && kept.length === 0;
  // the kept samples' classes weigh 0: PyTorch's nll part is 0/0, so its mean is nan (with smoothing
  // too, where Σ/0 would be inf) and its gradient is nan in every entry of a kept row
  const zeroWeights = index && b.reduction === 'mean' && kept.length > 0 && keptWeight(b) === 0;
  const denominatorLine = index
    ? b.weighted
      ? 'denominator = w[t[kept]].sum()  # the weighted mean divides by the kept samples’ class weights, not by N'
      : 'denominator = kept.sum()  # the mean divides by the number of kept samples'
    : 'denominator = N  # probability targets: the mean divides by N, whatever the weights';
  return lines(
    header(b),
    'import numpy as np',
    '',
    `z = np.array(${pyMatrix(b.logits, '             ')})`,
    index
      ? `t = np.array(${pyInts(b.indices)})  # class indices${b.indices.includes(b.ignoreIndex) ? `; ${b.ignoreIndex} is ignore_index` : ''}`
      : `Y = np.array(${pyMatrix(b.probabilities, '             ')})  # a probability row per sample`,
    b.weighted ? `w = np.array(${pyFloatList(b.weight)})  # weight: one per class` : `w = np.ones(${classCount(b)})  # no weight: every class counts 1`,
    smoothed && `eps = ${pyFloat(b.smoothing)}  # label_smoothing`,
    index && `ignore_index = ${b.ignoreIndex}`,
    'N, C = z.shape',
    '',
    '# log-softmax of each row, shifted by its largest logit so that nothing overflows',
    'log_p = z - z.max(axis=1, keepdims=True)',
    'log_p -= np.log(np.exp(log_p).sum(axis=1, keepdims=True))',
    'p = np.exp(log_p)',
    '',
    index && 'kept = t != ignore_index',
    index && 'Y = np.zeros((N, C))',
    index && 'Y[kept, t[kept]] = 1.0  # one-hot rows; an ignored sample’s row stays 0',
    smoothed &&
      (index
        ? 'Y = (1 - eps) * Y + eps / C * kept[:, None]  # mixed with the uniform distribution, kept samples only'
        : 'Y = (1 - eps) * Y + eps / C  # mixed with the uniform distribution'),
    'A = w * Y  # A[n, c] = w[c] * y[n, c]',
    // A·(−log p), not −(A·log p): an ignored row's 0·(positive) is 0.0, where −(0·negative) printed −0.0
    "losses = (A * -log_p).sum(axis=1)  # reduction='none'",
    ...(b.reduction === 'mean'
      ? [
          denominatorLine,
          ...(noneKept
            ? [
                '# no sample is kept: 0 / 0, which PyTorch returns as nan (NumPy would warn)',
                "with np.errstate(invalid='ignore'):",
                '    loss = losses.sum() / denominator',
                'grad = np.zeros((N, C))  # PyTorch’s gradient: no sample counts, so every entry is 0',
              ]
            : zeroWeights
              ? [
                  '# the kept samples’ class weights add up to 0: PyTorch’s nll part is 0 / 0, so it returns nan',
                  'loss = np.nan',
                  'grad = np.where(kept[:, None], np.nan, np.zeros((N, C)))  # nan in every entry of a kept row',
                ]
              : ['loss = losses.sum() / denominator', 'grad = (p * A.sum(axis=1, keepdims=True) - A) / denominator  # dL/dz']),
        ]
      : b.reduction === 'sum'
        ? ['loss = losses.sum()', 'grad = p * A.sum(axis=1, keepdims=True) - A  # dL/dz']
        : ["loss = losses  # reduction='none' returns the per-sample losses", 'grad = p * A.sum(axis=1, keepdims=True) - A  # d(losses.sum())/dz']),
    "print('losses =', losses.tolist())",
    b.reduction === 'none' ? "print('loss =', loss.tolist())" : "print('loss =', float(loss))",
    "print('grad =', grad.tolist())",
  );
}

export function crossEntropyOptionsTorch(b: Batch): string {
  const index = b.targetKind === 'index';
  const args = [
    b.weighted ? 'weight=w' : 'weight=None',
    `label_smoothing=${pyFloat(b.smoothing)}`,
    ...(index ? [`ignore_index=${b.ignoreIndex}`] : []),
  ];
  const lossFn = (reduction: string) => `nn.CrossEntropyLoss(${[args[0], `reduction='${reduction}'`, ...args.slice(1)].join(', ')})`;
  const nllArgs = [b.weighted ? 'weight=w' : 'weight=None', `reduction='${b.reduction}'`, ...(index ? [`ignore_index=${b.ignoreIndex}`] : [])].join(', ');
  return lines(
    header(b),
    'import torch',
    'import torch.nn as nn',
    '',
    `z = torch.tensor(${pyMatrix(b.logits, '                 ')}, dtype=torch.float64, requires_grad=True)`,
    index
      ? `t = torch.tensor(${pyInts(b.indices)})  # class indices (int64)`
      : `t = torch.tensor(${pyMatrix(b.probabilities, '                 ')}, dtype=torch.float64)  # a probability row per sample`,
    b.weighted && `w = torch.tensor(${pyFloatList(b.weight)}, dtype=torch.float64)  # one per class, in the logits’ dtype`,
    '',
    `losses = ${lossFn('none')}(z, t)`,
    `loss = ${lossFn(b.reduction)}(z, t)`,
    b.reduction === 'none' ? 'loss.sum().backward()  # a vector has no .backward() of its own' : 'loss.backward()',
    "print('losses =', losses.tolist())",
    b.reduction === 'mean' && index && b.indices.every((t) => t === b.ignoreIndex) && '# every sample is ignored: the mean is 0 / 0, and PyTorch prints nan',
    b.reduction === 'mean' && index && b.indices.some((t) => t !== b.ignoreIndex) && keptWeight(b) === 0 &&
      '# the kept samples’ class weights add up to 0: the nll part is 0 / 0, and PyTorch prints nan',
    "print('loss =', loss.tolist())",
    "print('grad =', z.grad.tolist())",
    ...(index && b.smoothing === 0
      ? [
          '',
          '# the same loss in two steps: log-softmax, then the negative log-likelihood',
          `nll = nn.NLLLoss(${nllArgs})(nn.LogSoftmax(dim=1)(z), t)`,
          "print('nll =', nll.tolist())",
        ]
      : []),
  );
}

const bceHeader = (s: BceInputs) =>
  `# Logit Lab, nn.BCEWithLogitsLoss: x = ${pyFloatList(s.logits)}, y = ${pyFloatList(s.targets)}, pos_weight=${pyFloat(s.posWeight)}, reduction='${s.reduction}'`;

export function bceWithLogitsNumpy(s: BceInputs): string {
  return lines(
    bceHeader(s),
    'import numpy as np',
    '',
    `x = np.array(${pyFloatList(s.logits)})  # one logit per sample`,
    `y = np.array(${pyFloatList(s.targets)})`,
    `pos_weight = ${pyFloat(s.posWeight)}`,
    'N = len(x)',
    '',
    'def softplus(v):  # log(1 + e^v), without overflow',
    '    return np.logaddexp(0.0, v)',
    '',
    'def sigmoid(v):',
    '    return np.exp(-softplus(-v))',
    '',
    '# -[pos_weight * y * log sigmoid(x) + (1 - y) * log(1 - sigmoid(x))]',
    'losses = pos_weight * y * softplus(-x) + (1 - y) * softplus(x)',
    'grad = (1 - y) * sigmoid(x) - pos_weight * y * sigmoid(-x)  # d losses[n] / d x[n]',
    ...(s.reduction === 'mean'
      ? ['loss = losses.sum() / N  # the mean divides by N, whatever pos_weight is', 'grad = grad / N']
      : s.reduction === 'sum'
        ? ['loss = losses.sum()']
        : ['loss = losses']),
    "print('losses =', losses.tolist())",
    s.reduction === 'none' ? "print('loss =', loss.tolist())" : "print('loss =', float(loss))",
    "print('grad =', grad.tolist())",
  );
}

export function bceWithLogitsTorch(s: BceInputs): string {
  const fn = (reduction: string) => `nn.BCEWithLogitsLoss(pos_weight=pw, reduction='${reduction}')`;
  return lines(
    bceHeader(s),
    'import torch',
    'import torch.nn as nn',
    '',
    `x = torch.tensor(${pyFloatList(s.logits)}, dtype=torch.float64, requires_grad=True)`,
    `y = torch.tensor(${pyFloatList(s.targets)}, dtype=torch.float64)`,
    `pw = torch.tensor([${pyFloat(s.posWeight)}], dtype=torch.float64)  # pos_weight: one per output, here one output`,
    '',
    `losses = ${fn('none')}(x, y)`,
    `loss = ${fn(s.reduction)}(x, y)`,
    s.reduction === 'none' ? 'loss.sum().backward()' : 'loss.backward()',
    "print('losses =', losses.tolist())",
    "print('loss =', loss.tolist())",
    "print('grad =', x.grad.tolist())",
  );
}
