import { spawnSync } from 'node:child_process';

/*
 * Runs a "Copy as NumPy" program with the real python3 and numpy, and reads what it prints. Missing
 * python3 or numpy is a failure, not a skip: `.ci/run` installs Debian's python3-numpy, and a
 * copy-as-code button whose program was never run proves nothing.
 */

const PYTHON_TIMEOUT_MS = 20_000;

/**
 * Python's repr of a list of floats is JSON but for nan, inf and -inf (a program that reproduces
 * PyTorch's 0/0 prints nan): those become strings first, then numbers again.
 */
function parseValue(text: string): unknown {
  const json = text.replace(/-inf\b/g, '"-Infinity"').replace(/\binf\b/g, '"Infinity"').replace(/\bnan\b/g, '"NaN"');
  return JSON.parse(json, (_key, v: unknown) => (v === 'NaN' || v === 'Infinity' || v === '-Infinity' ? Number(v) : v)) as unknown;
}

/** Runs a program with python3 and returns its `name = value` lines, each value parsed as JSON. */
export function runPython(program: string): Map<string, unknown> {
  const run = spawnSync('python3', ['-c', program], { encoding: 'utf8', timeout: PYTHON_TIMEOUT_MS });
  if (run.error) {
    throw new Error(
      `could not run python3 (${run.error.message}): the copy-as-code test needs python3 with numpy ` +
        '(Debian: apt-get install python3-numpy; .ci/run installs it)',
    );
  }
  if (run.status !== 0) {
    const missingNumpy = /No module named '?numpy'?/.test(run.stderr);
    throw new Error(
      missingNumpy
        ? 'python3 has no numpy: install it (Debian: apt-get install python3-numpy; .ci/run does this)'
        : `python3 exited with ${String(run.status)}:\n${run.stderr}\nprogram:\n${program}`,
    );
  }
  const values = new Map<string, unknown>();
  for (const line of run.stdout.trim().split('\n')) {
    const m = /^(\w+) = (.+)$/.exec(line);
    if (!m?.[1] || !m[2]) throw new Error(`unexpected output line "${line}" from:\n${program}`);
    values.set(m[1], parseValue(m[2]));
  }
  return values;
}

export function vector(values: Map<string, unknown>, name: string): number[] {
  const v = values.get(name);
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) throw new Error(`${name} is not a list of numbers: ${String(v)}`);
  return v;
}

export function matrix(values: Map<string, unknown>, name: string): number[][] {
  const v = values.get(name);
  if (!Array.isArray(v) || !v.every((row) => Array.isArray(row) && row.every((x) => typeof x === 'number'))) {
    throw new Error(`${name} is not a list of lists of numbers`);
  }
  return v as number[][];
}

export function scalar(values: Map<string, unknown>, name: string): number {
  const v = values.get(name);
  if (typeof v !== 'number') throw new Error(`${name} is not a number: ${String(v)}`);
  return v;
}
