/**
 * A deliberately plain second implementation of the 2-layer network's maths for the network tests:
 * arrays of rows, one formula per line, no shared code with src/core/network.ts, so the two can only
 * agree by both being right.
 */
import type { Activation, BatchReduction, Network } from '../../src/core/network';

export type Matrix = number[][];

export function phi(activation: Activation, z: number): number {
  if (activation === 'relu') return Math.max(0, z);
  if (activation === 'tanh') return Math.tanh(z);
  return 1 / (1 + Math.exp(-z));
}

/** dφ/dz: relu′(z) = 1 for z > 0 else 0, tanh′ = 1 − tanh², σ′ = σ(1 − σ). */
export function phiPrime(activation: Activation, z: number): number {
  if (activation === 'relu') return z > 0 ? 1 : 0;
  if (activation === 'tanh') return 1 - Math.tanh(z) ** 2;
  const s = 1 / (1 + Math.exp(-z));
  return s * (1 - s);
}

/** Rows of a flat row-major array. */
export function rows(flat: ArrayLike<number>, m: number, width: number): Matrix {
  const out: Matrix = [];
  for (let r = 0; r < m; r++) out.push(Array.from({ length: width }, (_, c) => flat[r * width + c] as number));
  return out;
}

export const flatten = (matrix: Matrix): Float64Array => Float64Array.from(matrix.flat());

/** A·B + 1·bᵀ with A (m × n), B given flat row-major (n × p). */
export function affine(a: Matrix, bFlat: ArrayLike<number>, bias: ArrayLike<number>, p: number): Matrix {
  return a.map((row) =>
    Array.from({ length: p }, (_, k) => row.reduce((sum, v, j) => sum + v * (bFlat[j * p + k] as number), bias[k] as number)),
  );
}

/** log Σ exp(z), shifted by the largest entry. */
export function logSumExpRow(z: number[]): number {
  const max = Math.max(...z);
  return max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
}

/** The loss from the logits: Σ_r (logsumexp(z_r) − z_{r,y_r}), divided by m for 'mean'. */
export function lossFromLogits(z2: Matrix, labels: ArrayLike<number>, reduction: BatchReduction): number {
  const total = z2.reduce((s, row, r) => s + logSumExpRow(row) - (row[labels[r] as number] as number), 0);
  return reduction === 'mean' ? total / z2.length : total;
}

export function lossFromHidden(net: Network, a1: Matrix, labels: ArrayLike<number>, reduction: BatchReduction): number {
  return lossFromLogits(affine(a1, net.params.w2, net.params.b2, net.shape.outputs), labels, reduction);
}

export function lossFromPreActivation(net: Network, z1: Matrix, labels: ArrayLike<number>, reduction: BatchReduction): number {
  const a1 = z1.map((row) => row.map((z) => phi(net.shape.activation, z)));
  return lossFromHidden(net, a1, labels, reduction);
}

export interface ReferencePass {
  z1: Matrix;
  a1: Matrix;
  z2: Matrix;
  p: Matrix;
  loss: number;
}

export function referenceForward(net: Network, x: ArrayLike<number>, labels: ArrayLike<number>, m: number, reduction: BatchReduction): ReferencePass {
  const { inputs, hidden, outputs, activation } = net.shape;
  const z1 = affine(rows(x, m, inputs), net.params.w1, net.params.b1, hidden);
  const a1 = z1.map((row) => row.map((z) => phi(activation, z)));
  const z2 = affine(a1, net.params.w2, net.params.b2, outputs);
  const p = z2.map((row) => {
    const lse = logSumExpRow(row);
    return row.map((z) => Math.exp(z - lse));
  });
  return { z1, a1, z2, p, loss: lossFromLogits(z2, labels, reduction) };
}

/** ⟨a, b⟩ over the first n entries. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>, n = a.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
