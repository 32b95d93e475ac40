import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { START_BATCH, normalisedRow, oneHotRow, type Batch, type BceInputs } from '../../../../src/chapters/pytorch-loss/pytorchLossInputs';
import { bceReport, lossReport } from '../../../../src/chapters/pytorch-loss/pytorchLossMath';
import { PRESETS } from '../../../../src/chapters/pytorch-loss/pytorchLossPresets';
import {
  bceWithLogitsNumpy,
  bceWithLogitsTorch,
  crossEntropyOptionsNumpy,
  crossEntropyOptionsTorch,
  numpyLossLines,
  torchLossCall,
} from '../../../../src/chapters/pytorch-loss/pytorchLossPrograms';
import { matrix, runPython, vector } from '../../tools/copyAsCode/runPython';

/*
 * Chapter 11's "Copy as NumPy" programs, run with python3 and numpy, against the core's numbers for
 * the same options: the per-sample losses, the loss and the gradient. The programs write the options
 * out in plain float64 (log-softmax by the max shift, the weighted targets A = w·Y, the denominator
 * by the option's rule), and the core computes the same quantities with compensated sums, so they
 * agree to rounding: 1e-12 relative to the size of the terms is many thousand times the rounding and
 * a million times below any mistake of semantics (a wrong denominator moves the loss by 10⁻² or more).
 * The PyTorch programs cannot be run here (no torch): they are checked to be Python that parses, and
 * to call nn.CrossEntropyLoss with the options on screen.
 */

const TOLERANCE = 1e-12;
const close = (a: number, b: number) => (Number.isNaN(b) ? Number.isNaN(a) : Math.abs(a - b) <= TOLERANCE * (1 + Math.abs(b)));

function expectLossesMatch(b: Batch): void {
  const out = runPython(crossEntropyOptionsNumpy(b));
  const r = lossReport(b);
  const what = JSON.stringify(b);
  const losses = vector(out, 'losses');
  expect(losses).toHaveLength(r.perSample.length);
  losses.forEach((l, n) => expect(close(l, r.perSample[n] as number), `losses[${n}] ${l} vs ${r.perSample[n]} of ${what}`).toBe(true));
  if (b.reduction === 'none') {
    vector(out, 'loss').forEach((l, n) => expect(close(l, r.perSample[n] as number), `loss[${n}] of ${what}`).toBe(true));
  } else {
    const loss = out.get('loss') as number;
    expect(close(loss, r.undefinedMean ? NaN : r.value), `loss ${loss} vs ${r.value} of ${what}`).toBe(true);
  }
  const grad = matrix(out, 'grad');
  grad.forEach((row, n) => row.forEach((g, j) => expect(close(g, r.gradient[n]?.[j] as number), `grad[${n}][${j}] ${g} vs ${r.gradient[n]?.[j]} of ${what}`).toBe(true)));
}

function expectBceMatches(s: BceInputs): void {
  const out = runPython(bceWithLogitsNumpy(s));
  const r = bceReport(s);
  const what = JSON.stringify(s);
  vector(out, 'losses').forEach((l, n) => expect(close(l, r.perSample[n] as number), `losses[${n}] of ${what}`).toBe(true));
  if (s.reduction === 'none') vector(out, 'loss').forEach((l, n) => expect(close(l, r.perSample[n] as number)).toBe(true));
  else expect(close(out.get('loss') as number, r.value), `loss of ${what}`).toBe(true);
  vector(out, 'grad').forEach((g, n) => expect(close(g, r.gradient[n] as number), `grad[${n}] ${g} vs ${r.gradient[n]} of ${what}`).toBe(true));
}

/** Python's own parser on a program: the PyTorch snippets are at least valid Python. */
function parses(program: string): boolean {
  const run = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: program, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${run.stderr}\n${program}`);
  return true;
}

const weighted: Batch = { ...START_BATCH, weighted: true, weight: [2, 0.5, 1] };

// Reachable batches: 2–6 samples, 2–8 classes, logits on the 0.1 grid, weights on the 0.1 grid in
// [0.1, 5] (a weight of 0 can make the mean 0/0, tested apart), class indices with −100 now and then,
// or probability rows on the 0.05 grid, every reduction, smoothing on its 0.05 grid.
const batchArb = fc
  .record({ n: fc.integer({ min: 2, max: 6 }), c: fc.integer({ min: 2, max: 8 }) })
  .chain(({ n, c }) =>
    fc.record({
      logits: fc.array(fc.array(fc.integer({ min: -100, max: 100 }).map((k) => k / 10), { minLength: c, maxLength: c }), { minLength: n, maxLength: n }),
      targetKind: fc.constantFrom('index' as const, 'probs' as const),
      indices: fc.array(fc.oneof(fc.integer({ min: 0, max: c - 1 }), fc.constant(-100)), { minLength: n, maxLength: n }),
      probabilities: fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: c, maxLength: c }).map(normalisedRow), { minLength: n, maxLength: n }),
      weighted: fc.boolean(),
      weight: fc.array(fc.integer({ min: 1, max: 50 }).map((k) => k / 10), { minLength: c, maxLength: c }),
      reduction: fc.constantFrom('mean' as const, 'sum' as const, 'none' as const),
      smoothing: fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
      ignoreIndex: fc.constant(-100),
    }),
  );

describe('chapter 11: Copy as NumPy, run with python3 and numpy', { timeout: 60_000 }, () => {
  it.each(PRESETS.map((p) => [p.id, p.batch] as const))('crossEntropyOptionsNumpy(the "%s" preset) prints the core losses, loss and gradient', (_id, batch) => {
    expectLossesMatch(batch);
  });

  it.each<[string, Batch]>([
    ['weights, smoothing and an ignored sample, reduction sum', { ...weighted, smoothing: 0.35, indices: [2, -100, 1], reduction: 'sum' }],
    ['ignore_index = 1, a class, without weights', { ...START_BATCH, ignoreIndex: 1, indices: [0, 1, 2] }],
    ['probability targets with smoothing, no weights, reduction none', { ...START_BATCH, targetKind: 'probs', smoothing: 0.5, reduction: 'none', probabilities: [[0.25, 0.25, 0.5], [0, 0, 1], [0.6, 0.4, 0]] }],
    ['label_smoothing = 1, every target uniform', { ...weighted, smoothing: 1 }],
    [
      '2 samples × 8 classes, weighted, mean',
      {
        ...START_BATCH,
        logits: [[1, -2, 3.5, 0, 0.1, -9.9, 10, 2], [0, 0, 0, 0, 0, 0, 0, 0]],
        indices: [6, 3],
        probabilities: [oneHotRow(8, 6), oneHotRow(8, 3)],
        weighted: true,
        weight: [1, 2, 3, 4, 5, 0.5, 0.1, 1],
      },
    ],
    ['every sample ignored, reduction sum: the empty sum 0', { ...weighted, indices: [-100, -100, -100], reduction: 'sum' }],
    ['every sample ignored, no weights, mean: nan and a zero gradient', { ...START_BATCH, indices: [-100, -100, -100] }],
    ['kept classes weighing 0 with smoothing (w = [0, 0.5, 1], t = [0, −100, 0], ε = 0.2): nan, nan in the kept rows', { ...weighted, weight: [0, 0.5, 1], indices: [0, -100, 0], smoothing: 0.2 }],
  ])('crossEntropyOptionsNumpy(%s) prints the core numbers', (_what, batch) => {
    expectLossesMatch(batch);
  });

  it("the weights of the kept samples' classes adding up to 0 give nan in the NumPy program as in the core", () => {
    const b: Batch = { ...weighted, weight: [0, 0.5, 1], indices: [0, -100, 0] };
    expect(lossReport(b).undefinedMean).toBe(true);
    const loss = runPython(crossEntropyOptionsNumpy(b)).get('loss');
    expect(Number.isNaN(loss)).toBe(true);
  });

  it("prints an ignored sample's loss as 0.0, as PyTorch does, not -0.0", () => {
    const run = spawnSync('python3', ['-c', crossEntropyOptionsNumpy(PRESETS.find((p) => p.id === 'none')?.batch ?? START_BATCH)], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/^losses = \[0\.0, /m);
    expect(run.stdout).not.toContain('-0.0');
  });

  it('crossEntropyOptionsNumpy prints the core numbers for generated batches', () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        expectLossesMatch({ ...START_BATCH, ...batch });
      }),
      { seed: 42, numRuns: 6 },
    );
  });

  it.each<BceInputs>([
    { logits: [2, -1, 0.5, -3], targets: [1, 1, 0, 0], posWeight: 1, reduction: 'mean' },
    { logits: [2, -1, 0.5, -3], targets: [1, 1, 0, 0], posWeight: 3, reduction: 'mean' },
    { logits: [10, -10, 0, 0.1], targets: [0.3, 1, 0.5, 0], posWeight: 0.1, reduction: 'sum' },
    { logits: [-7.5, 9.9, 1, -1], targets: [1, 0, 0.9, 0.1], posWeight: 10, reduction: 'none' },
  ])('bceWithLogitsNumpy(%j) prints the core losses, loss and gradient', (s) => {
    expectBceMatches(s);
  });
});

/** numpyLossLines after the logits and targets as the tables show them, printing the loss. */
function runLossLines(b: Batch): Map<string, unknown> {
  const data = [
    'import numpy as np',
    `z = np.array(${JSON.stringify(b.logits)}, dtype=float)`,
    b.targetKind === 'index' ? `t = np.array(${JSON.stringify(b.indices)})` : `Y = np.array(${JSON.stringify(b.probabilities)}, dtype=float)`,
    "import warnings; warnings.simplefilter('ignore')",
  ];
  const print = b.reduction === 'none' ? "print('loss =', loss.tolist())" : "print('loss =', float(loss))";
  return runPython([...data, ...numpyLossLines(b), print].join('\n'));
}

describe('chapter 11: the lines shown under the result', { timeout: 60_000 }, () => {
  it.each<[string, Batch]>([
    ...PRESETS.map((p) => [p.id, p.batch] as [string, Batch]),
    ['smoothing, an ignored sample, no weights', { ...START_BATCH, smoothing: 0.35, indices: [2, -100, 1] }],
    ['ignore_index = 1, a class, weighted, sum', { ...weighted, ignoreIndex: 1, indices: [0, 1, 2], reduction: 'sum' }],
    ['probability rows with smoothing, reduction none', { ...weighted, targetKind: 'probs', smoothing: 0.5, reduction: 'none' }],
    ['kept classes weighing 0 with smoothing', { ...weighted, weight: [0, 0.5, 1], indices: [0, 0, 0], smoothing: 0.2 }],
  ])('numpyLossLines(%s), run with python3, print the core loss', (_what, b) => {
    const r = lossReport(b);
    const loss = runLossLines(b).get('loss');
    if (b.reduction === 'none') (loss as number[]).forEach((l, n) => expect(close(l, r.perSample[n] as number)).toBe(true));
    else expect(close(loss as number, r.undefinedMean ? NaN : r.value), `${String(loss)} vs ${r.value}`).toBe(true);
  });

  it('torchLossCall names only the options that are not PyTorch defaults', () => {
    expect(torchLossCall(START_BATCH)).toBe('loss = nn.CrossEntropyLoss()(z, t)');
    expect(torchLossCall({ ...START_BATCH, smoothing: 0.1 })).toBe('loss = nn.CrossEntropyLoss(label_smoothing=0.1)(z, t)');
    // longer than 60 characters: one option a line
    expect(torchLossCall({ ...weighted, smoothing: 0.1, reduction: 'sum', ignoreIndex: 2 })).toBe(
      "loss = nn.CrossEntropyLoss(\n    weight=torch.tensor([2.0, 0.5, 1.0], dtype=torch.float64),\n    reduction='sum',\n    label_smoothing=0.1,\n    ignore_index=2,\n)(z, t)",
    );
    expect(parses(`import torch\nimport torch.nn as nn\n${torchLossCall({ ...weighted, smoothing: 0.1, reduction: 'sum', ignoreIndex: 2 })}`)).toBe(true);
    // probability rows take no ignore_index (PyTorch refuses a non-negative one)
    expect(torchLossCall({ ...START_BATCH, targetKind: 'probs', ignoreIndex: 2 })).toBe('loss = nn.CrossEntropyLoss()(z, t)');
    expect(parses(`import torch\nimport torch.nn as nn\n${torchLossCall({ ...weighted, smoothing: 0.1 })}`)).toBe(true);
  });
});

describe('chapter 11: the PyTorch programs', { timeout: 60_000 }, () => {
  it('call nn.CrossEntropyLoss with every option on screen, in float64, and are valid Python', () => {
    const program = crossEntropyOptionsTorch({ ...weighted, smoothing: 0.2, indices: [-100, 1, 0] });
    expect(program).toContain("loss = nn.CrossEntropyLoss(weight=w, reduction='mean', label_smoothing=0.2, ignore_index=-100)(z, t)");
    expect(program).toContain("losses = nn.CrossEntropyLoss(weight=w, reduction='none', label_smoothing=0.2, ignore_index=-100)(z, t)");
    expect(program).toContain('w = torch.tensor([2.0, 0.5, 1.0], dtype=torch.float64)');
    expect(program).toContain('t = torch.tensor([-100, 1, 0])');
    expect(program).toContain('dtype=torch.float64, requires_grad=True)');
    // NLLLoss has no label_smoothing: the two-step check is left out
    expect(program).not.toContain('NLLLoss');
    expect(parses(program)).toBe(true);
  });

  it('add the LogSoftmax + NLLLoss route for class indices without smoothing, with the same weight, reduction and ignore_index', () => {
    const program = crossEntropyOptionsTorch({ ...weighted, reduction: 'sum' });
    expect(program).toContain("nll = nn.NLLLoss(weight=w, reduction='sum', ignore_index=-100)(nn.LogSoftmax(dim=1)(z), t)");
    expect(parses(program)).toBe(true);
  });

  it("take probability rows as a float64 target without ignore_index, and differentiate the sum for reduction='none'", () => {
    const program = crossEntropyOptionsTorch({ ...START_BATCH, targetKind: 'probs', reduction: 'none' });
    expect(program).toContain("nn.CrossEntropyLoss(weight=None, reduction='none', label_smoothing=0.0)(z, t)");
    expect(program).toContain('[0.8, 0.1, 0.1],');
    expect(program).not.toContain('ignore_index');
    expect(program).toContain('loss.sum().backward()');
    expect(parses(program)).toBe(true);
  });

  it("say that kept classes weighing 0 print nan", () => {
    const program = crossEntropyOptionsTorch({ ...weighted, weight: [0, 0.5, 1], indices: [0, 0, 0], smoothing: 0.2 });
    expect(program).toContain('# the kept samples’ class weights add up to 0: the nll part is 0 / 0, and PyTorch prints nan');
    expect(parses(program)).toBe(true);
  });

  it('say that every sample ignored prints nan', () => {
    const program = crossEntropyOptionsTorch({ ...weighted, indices: [-100, -100, -100] });
    expect(program).toContain('# every sample is ignored: the mean is 0 / 0, and PyTorch prints nan');
    expect(parses(program)).toBe(true);
  });

  it('bceWithLogitsTorch passes pos_weight as a float64 tensor of one element', () => {
    const program = bceWithLogitsTorch({ logits: [2, -1, 0.5, -3], targets: [1, 1, 0, 0], posWeight: 3, reduction: 'mean' });
    expect(program).toContain('pw = torch.tensor([3.0], dtype=torch.float64)');
    expect(program).toContain("loss = nn.BCEWithLogitsLoss(pos_weight=pw, reduction='mean')(x, y)");
    expect(parses(program)).toBe(true);
  });
});
