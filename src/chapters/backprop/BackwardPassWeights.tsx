import { memo } from 'react';
import { MatrixHeatmap } from '../../plots/MatrixHeatmap';
import { term } from '../../format/terms';
import { tableNotation } from '../../format/formatNumber';

interface OutputWeightsProps {
  /** sample i's share a₁ᵢᵀ dz₂ᵢ and the whole dW₂ = A₁ᵀ dZ₂, both h × C */
  share: readonly (readonly number[])[];
  total: readonly (readonly number[])[];
  sample: number;
  m: number;
  selected: readonly [number, number];
  onSelect(j: number, k: number): void;
}

const maxAbs = (matrix: readonly (readonly number[])[]) => Math.max(0, ...matrix.flat().filter(Number.isFinite).map(Math.abs));
/**
 * Every cell of a matrix in one notation: the decimals decimalsForAll gives the chain lines below (so a
 * total reads the same in both), fixed in every cell (a power of ten shared by all, in the title, only
 * below 10⁻⁴), never 0.15 beside 3.4 × 10⁻³.
 */
const oneNotation = (matrix: readonly (readonly number[])[]) => tableNotation(matrix.flat(), { minDecimals: 3, maxDecimals: 6 });

/**
 * dW₂ as the sum of one outer product per sample: the chosen sample's a₁ᵢᵀ dz₂ᵢ beside the total.
 * Each has its own colour scale (under the mean every share carries the factor 1/m and is mostly far
 * smaller than the total, so it would be blank on the total's scale; where shares cancel, one can also
 * be larger than the total). Both select the same weight.
 */
export const BackwardPassOutputWeights = memo(function BackwardPassOutputWeights({ share, total, sample, m, selected, onSelect }: OutputWeightsProps) {
  const i = sample + 1;
  const common = {
    rowLabel: (j: number) => `h${j + 1}`,
    columnLabel: (k: number) => `k${k + 1}`,
    cellTerm: (j: number, k: number) => term.backpropW2(j, k),
    selected,
    onSelect,
  };
  return (
    <div className="bp-weights-pair">
      <MatrixHeatmap
        {...common}
        caption={`Sample ${i}'s share a₁ᵢᵀ dz₂ᵢ (${share.length} × ${share[0]?.length ?? 0})`}
        matrix={share}
        cellName={(j, k, v) => `sample ${i}'s share of dW2, row ${j + 1}, column ${k + 1}: ${v}`}
        scaleMax={maxAbs(share)}
        notation={oneNotation(share)}
      />
      <span className="bp-weights-operator" aria-hidden="true">
        Σ over {m} →
      </span>
      <MatrixHeatmap
        {...common}
        caption={`dW₂ = A₁ᵀ dZ₂ over all ${m} samples (${total.length} × ${total[0]?.length ?? 0})`}
        matrix={total}
        cellName={(j, k, v) => `dW2, row ${j + 1}, column ${k + 1}: ${v}`}
        scaleMax={maxAbs(total)}
        notation={oneNotation(total)}
      />
    </div>
  );
});

interface HiddenWeightsProps {
  /** dW₁ = Xᵀ dZ₁, n × h */
  total: readonly (readonly number[])[];
  m: number;
  selected: readonly [number, number];
  onSelect(r: number, j: number): void;
}

/** dW₁ over the whole batch, inputs by hidden units: a wide matrix that scrolls in its own box on a phone. */
export const BackwardPassHiddenWeights = memo(function BackwardPassHiddenWeights({ total, m, selected, onSelect }: HiddenWeightsProps) {
  return (
    <MatrixHeatmap
      caption={`dW₁ = Xᵀ dZ₁ over all ${m} samples (${total.length} × ${total[0]?.length ?? 0})`}
      matrix={total}
      rowLabel={(r) => `x${r + 1}`}
      columnLabel={(j) => `h${j + 1}`}
      cellName={(r, j, v) => `dW1, row ${r + 1}, column ${j + 1}: ${v}`}
      cellTerm={(r, j) => term.backpropW1(r, j)}
      scaleMax={maxAbs(total)}
      notation={oneNotation(total)}
      selected={selected}
      onSelect={onSelect}
    />
  );
});
