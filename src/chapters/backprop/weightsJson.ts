import type { Network } from '../../core/network';
import type { BackpropDatasetKind } from './backpropLimits';

/** What the download holds: enough to rebuild the network elsewhere and to say where it came from. */
export interface WeightsFile {
  shape: { inputs: number; hidden: number; outputs: number };
  activation: Network['shape']['activation'];
  /** row-major as in src/core/network: w1[i][j] is input i → hidden j, w2[j][k] hidden j → output k */
  params: { w1: number[][]; b1: number[]; w2: number[][]; b2: number[] };
  step: number;
  seed: number;
  dataset: BackpropDatasetKind;
}

const rows = (flat: Float64Array, count: number, width: number) =>
  Array.from({ length: count }, (_, r) => Array.from(flat.subarray(r * width, (r + 1) * width)));

/** The network as plain arrays (matrices as arrays of rows), ready for JSON.stringify. */
export function weightsFile(network: Network, step: number, seed: number, dataset: BackpropDatasetKind): WeightsFile {
  const { inputs, hidden, outputs, activation } = network.shape;
  const { w1, b1, w2, b2 } = network.params;
  return {
    shape: { inputs, hidden, outputs },
    activation,
    params: { w1: rows(w1, inputs, hidden), b1: Array.from(b1), w2: rows(w2, hidden, outputs), b2: Array.from(b2) },
    step,
    seed,
    dataset,
  };
}

/** The file name: what it is and where the run was. */
export function weightsFileName(file: WeightsFile): string {
  return `logit-lab-network-${file.shape.inputs}-${file.shape.hidden}-${file.shape.outputs}-${file.activation}-${file.dataset}-seed${file.seed}-step${file.step}.json`;
}

/** Offer the file for download: a Blob, an object URL, a click on a temporary link. */
export function downloadWeights(file: WeightsFile): void {
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = weightsFileName(file);
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download by now; the URL is released on the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
