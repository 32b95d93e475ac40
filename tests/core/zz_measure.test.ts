import { it } from 'vitest';
import fc from 'fast-check';
import { crossEntropy } from '../../src/core';
import { referenceCrossEntropy } from './reference/reference';
import { crossEntropyCase, logitMatrix, ulpDistance } from './helpers';
it('measure', () => {
  const hist: Record<number, number> = {};
  for (const c of fc.sample(crossEntropyCase(logitMatrix()), { numRuns: 1500, seed: 98 })) {
    const a = crossEntropy(c.logits, c.target, c.options); const e = referenceCrossEntropy(c.logits, c.target, c.options);
    const aa = typeof a === 'number' ? [a] : Array.from(a); const ee = typeof e === 'number' ? [e] : e;
    aa.forEach((v, i) => { const d = ulpDistance(v, ee[i]!); hist[Math.min(d, 10)] = (hist[Math.min(d, 10)] ?? 0) + 1; if (d > 4) console.log(d, v, ee[i], JSON.stringify(c)); });
  }
  console.log(hist);
}, 120000);
