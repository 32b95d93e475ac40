import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

/**
 * Runs a program with python3 and NumPy (installed, as for tests/unit/tools/copyAsCode/copyAsCodeNumpy.test.ts)
 * and returns its `name = value` lines, each value parsed as JSON. A missing python3 or NumPy fails the test.
 */
export function runPython(program: string): Map<string, unknown> {
  const run = spawnSync('python3', ['-c', program], { encoding: 'utf8', timeout: 30_000 });
  expect(run.error, 'python3 with numpy is needed').toBeUndefined();
  expect(run.status, `${run.stderr}\n${program}`).toBe(0);
  const values = new Map<string, unknown>();
  for (const line of run.stdout.trim().split('\n')) {
    const m = /^(\w+) = (.+)$/.exec(line);
    if (m?.[1] && m[2]) values.set(m[1], JSON.parse(m[2]) as unknown);
  }
  return values;
}
