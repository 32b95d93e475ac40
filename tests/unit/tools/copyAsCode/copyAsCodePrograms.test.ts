import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainList, pyFloat, pyFloatList } from '../../../../src/tools/copyAsCode/pythonLiteral';
import {
  crossEntropyNumpy,
  crossEntropyTorch,
  jacobianNumpy,
  jacobianTorch,
  softmaxNumpy,
  softmaxTorch,
} from '../../../../src/tools/copyAsCode/programs';

/*
 * The text of the copied programs. The PyTorch programs are NOT executed (this machine and CI have no
 * torch): these tests check their structure (the exact numbers, float64, the library calls, the label
 * handling) and that python3 parses them. The NumPy programs are run in copyAsCodeNumpy.test.ts.
 */

/** The numbers of the first Python list literal after `prefix` in a program. */
function listAfter(program: string, prefix: string): number[] {
  const start = program.indexOf(prefix);
  if (start < 0) throw new Error(`"${prefix}" not in:\n${program}`);
  const m = /\[([^\]]*)\]/.exec(program.slice(start + prefix.length));
  if (!m?.[1]) throw new Error(`no list after "${prefix}"`);
  return m[1].split(',').map((t) => Number(t.trim()));
}

/** Whether python3 parses the program (compile only: nothing is imported or run). */
function pythonSyntaxError(program: string): string {
  const run = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], {
    input: program,
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (run.error) throw new Error(`could not run python3 (${run.error.message}): install python3 (.ci/run does)`);
  return run.status === 0 ? '' : run.stderr;
}

describe('pyFloat', () => {
  it('pyFloat writes integers as floats and keeps the shortest round-trip digits', () => {
    expect(pyFloat(2)).toBe('2.0');
    expect(pyFloat(-10)).toBe('-10.0');
    expect(pyFloat(2.9)).toBe('2.9');
    expect(pyFloat(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(pyFloat(1 / 3)).toBe('0.3333333333333333');
    expect(pyFloat(1e-7)).toBe('1e-7');
    expect(pyFloat(1e21)).toBe('1e+21');
    expect(pyFloat(-0)).toBe('-0.0');
    expect(pyFloatList([2, 3, 4])).toBe('[2.0, 3.0, 4.0]');
    expect(plainList([2, 2.9, -0.1])).toBe('[2, 2.9, -0.1]');
  });

  it('Number(pyFloat(v)) is v for any finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => Object.is(Number(pyFloat(v)), v)),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('python3 reads every literal back as the same double', () => {
    const values = fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), { seed: 7, numRuns: 300 });
    values.push(2.9, -0.1, 0.35, 1e-300, 5e-324, Number.MAX_VALUE, -0);
    const program = `import struct\nfor v in ${pyFloatList(values)}:\n    print(struct.pack('>d', v).hex())`;
    const run = spawnSync('python3', ['-c', program], { encoding: 'utf8', timeout: 20_000 });
    if (run.error) throw new Error(`could not run python3 (${run.error.message}): install python3 (.ci/run does)`);
    expect(run.stderr).toBe('');
    const bits = (v: number) => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, v);
      return [...new Uint8Array(view.buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
    };
    expect(run.stdout.trim().split('\n')).toEqual(values.map(bits));
  });
});

describe('the programs say where they came from and are short', () => {
  const state = { logits: [2, 2.9, -0.1], temperature: 0.35, labels: [0, 1, 0] };
  const programs = {
    softmaxNumpy: softmaxNumpy(state),
    softmaxTorch: softmaxTorch(state),
    jacobianNumpy: jacobianNumpy(state),
    jacobianTorch: jacobianTorch(state),
    crossEntropyNumpy: crossEntropyNumpy(state),
    crossEntropyTorch: crossEntropyTorch(state),
  };

  it.each(Object.entries(programs))('%s starts with a "# Logit Lab, …" line naming the state', (name, program) => {
    const first = program.split('\n')[0] ?? '';
    expect(first).toMatch(/^# Logit Lab, (softmax|softmax Jacobian|cross-entropy through softmax): z = \[2, 2\.9, -0\.1\]/);
    if (name.startsWith('softmax')) expect(first).toBe('# Logit Lab, softmax: z = [2, 2.9, -0.1], T = 0.35');
    if (name.startsWith('crossEntropy')) expect(first).toContain('label: class 2 (index 1)');
  });

  it.each(Object.entries(programs))('%s is at most 20 lines and parses as Python', (_name, program) => {
    expect(program.trimEnd().split('\n').length).toBeLessThanOrEqual(20);
    expect(pythonSyntaxError(program)).toBe('');
  });

  it.each(Object.entries(programs))('%s carries the logits exactly, as float literals', (name, program) => {
    const prefix = name.endsWith('Torch') ? 'z = torch.tensor(' : 'z = np.array(';
    expect(program).toContain(`${prefix}[2.0, 2.9, -0.1]`);
    expect(listAfter(program, prefix)).toEqual(state.logits);
  });
});

describe('the PyTorch programs (checked as text, not run: no torch here)', () => {
  it('softmaxTorch divides float64 logits by T and calls torch.softmax over dim 0', () => {
    const program = softmaxTorch({ logits: [2, 2.9, -0.1], temperature: 0.35 });
    expect(program).toContain('import torch\n');
    expect(program).toContain('z = torch.tensor([2.0, 2.9, -0.1], dtype=torch.float64)\n');
    expect(program).toContain('T = 0.35\n');
    expect(program).toContain('p = torch.softmax(z / T, dim=0)\n');
    expect(program).toMatch(/print\('p =', p\.tolist\(\)\)\n$/);
  });

  it('jacobianTorch lets autograd differentiate softmax written out as exp, sum and division, at float64 logits', () => {
    const program = jacobianTorch({ logits: [0.5, -1.2, 1.7, 0.1] });
    expect(program).toContain('z = torch.tensor([0.5, -1.2, 1.7, 0.1], dtype=torch.float64)\n');
    expect(program).toContain('def softmax(z):\n');
    expect(program).toContain('    e = torch.exp(z - z.max())  # the shift changes no probability\n    return e / e.sum()\n');
    expect(program).toContain('p = softmax(z)\n');
    expect(program).toContain('J = torch.autograd.functional.jacobian(softmax, z)  # J[i, j] = dp_i/dz_j\n');
    expect(program).toMatch(/print\('p =', p\.tolist\(\)\)\nprint\('J =', J\.tolist\(\)\)\n$/);
    // torch.softmax's backward is the closed form (diag(p) − ppᵀ)g: no line of code may call it, or the
    // closed form, or the derivative would not be independent of the formula it checks
    const code = program.split('\n').map((line) => line.replace(/#.*$/, ''));
    expect(code.filter((line) => /torch\.softmax|diag|outer/.test(line))).toEqual([]);
  });

  it('crossEntropyTorch with a hard label passes the class index to F.cross_entropy', () => {
    const program = crossEntropyTorch({ logits: [2, 3, 4, 1], labels: [0, 0, 1, 0] });
    expect(program).toContain('import torch.nn.functional as F\n');
    expect(program).toContain('z = torch.tensor([2.0, 3.0, 4.0, 1.0], dtype=torch.float64, requires_grad=True)\n');
    // A class index is an int64 tensor: no float dtype, and index 2 for the third class.
    expect(program).toMatch(/^y = torch\.tensor\(\[2\]\) {2}# the true class 3, as a class index$/m);
    expect(program).toContain('loss = F.cross_entropy(z.unsqueeze(0), y)\n');
    expect(program).toContain('loss.backward()');
    expect(program).toContain("print('grad =', z.grad.tolist())");
    expect(program).toContain("print('loss =', loss.item())");
  });

  it('crossEntropyTorch with a soft label passes float64 class probabilities, one row', () => {
    const labels = [1 / 3, 2 / 3, 0];
    const program = crossEntropyTorch({ logits: [2, 3, 4], labels });
    expect(program).toContain('y = torch.tensor([[0.3333333333333333, 0.6666666666666666, 0.0]], dtype=torch.float64)\n');
    expect(listAfter(program, 'y = torch.tensor([')).toEqual(labels);
    expect(program).toContain('loss = F.cross_entropy(z.unsqueeze(0), y)\n');
    expect(program).not.toMatch(/y = torch\.tensor\(\[\d\]\)/);
    expect(program.split('\n')[0]).toBe('# Logit Lab, cross-entropy through softmax: z = [2, 3, 4], soft label y = [0.3333333333333333, 0.6666666666666666, 0]');
  });
});

describe('the NumPy programs (text; they are run in copyAsCodeNumpy.test.ts)', () => {
  it('softmaxNumpy uses the stable formula exp((z − max z)/T) / Σ', () => {
    const program = softmaxNumpy({ logits: [2, 3, 4], temperature: 1 });
    expect(program).toContain('p = np.exp((z - z.max()) / T)\np /= p.sum()\n');
  });

  it('crossEntropyNumpy indexes log p for a hard label and sums y log p for a soft one', () => {
    expect(crossEntropyNumpy({ logits: [2, 3, 4], labels: [0, 0, 1] })).toContain('loss = -log_p[2]\n');
    expect(crossEntropyNumpy({ logits: [2, 3, 4], labels: [0.5, 0.5, 0] })).toContain('loss = -(y * log_p).sum()\n');
  });
});
