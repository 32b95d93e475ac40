/*
 * The hidden layer's activation in the network's kernels (networkKernels.ts): its code, and the loops
 * that apply it and its derivative over a range of rows. Like the kernels, they take only integers and
 * arrays and return nothing (see networkKernels.ts for why).
 */

/** The activation as a small integer, so the hot path passes and compares no strings. */
export const RELU = 0;
export const TANH = 1;
export const SIGMOID = 2;


/** a[from..from+n) = φ(z[from..from+n)). */
export function activateRange(act: number, z: Float64Array, a: Float64Array, from: number, n: number): void {
  const end = from + n;
  if (act === RELU) {
    for (let i = from; i < end; i++) {
      const v = z[i] as number;
      a[i] = v > 0 ? v : 0;
    }
  } else if (act === TANH) {
    for (let i = from; i < end; i++) a[i] = Math.tanh(z[i] as number);
  } else {
    for (let i = from; i < end; i++) a[i] = 1 / (1 + Math.exp(-(z[i] as number)));
  }
}

/** dz[i] = da[i]·φ′(z[i]) over [from, from+n): relu′ = [z > 0]; tanh′ = 1 − a², σ′ = a(1 − a) from a = φ(z). */
export function activationGradRange(act: number, z: Float64Array, a: Float64Array, da: Float64Array, dz: Float64Array, from: number, n: number): void {
  const end = from + n;
  if (act === RELU) {
    for (let i = from; i < end; i++) dz[i] = (z[i] as number) > 0 ? (da[i] as number) : 0;
  } else if (act === TANH) {
    for (let i = from; i < end; i++) {
      const v = a[i] as number;
      dz[i] = (da[i] as number) * (1 - v * v);
    }
  } else {
    for (let i = from; i < end; i++) {
      const v = a[i] as number;
      dz[i] = (da[i] as number) * v * (1 - v);
    }
  }
}
