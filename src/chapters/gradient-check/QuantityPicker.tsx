import { useId } from 'react';
import { formatNumber } from '../../format/formatNumber';
import { LecturerControl } from '../../controls/LecturerControl';
import { chapterNetwork, defaultWeight, layerSize, type Layer, type Quantity } from './gradientCheckMath';

interface QuantityPickerProps {
  quantity: Quantity;
  /** how many logits the store holds */
  classes: number;
  onQuantity(q: Quantity): void;
}

const LAYER_NAMES: Record<Layer, string> = {
  w1: 'W₁ (input → hidden)',
  w2: 'W₂ (hidden → output)',
};

/**
 * What is differentiated: the loss in one logit (the store's logits and label), or the network's loss
 * in one weight. Native radios and selects, so the keyboard and a screen reader need no help. Each
 * is a lecturer control under the key of the explorer's state it sets (gradientCheckState.ts).
 */
export function QuantityPicker({ quantity, classes, onQuantity }: QuantityPickerProps) {
  const name = useId();
  const { x, label } = chapterNetwork();
  const isWeight = quantity.kind === 'weight';
  const { rows, cols } = isWeight ? layerSize(quantity.layer) : { rows: 0, cols: 0 };
  const setWeight = (layer: Layer, row: number, col: number) => {
    const size = layerSize(layer);
    onQuantity({ kind: 'weight', layer, row: Math.min(row, size.rows - 1), col: Math.min(col, size.cols - 1) });
  };

  return (
    <fieldset className="controls quantity-picker">
      <legend>Differentiate</legend>
      <LecturerControl ids={['wrt']}>
        <div className="choice-row" role="radiogroup" aria-label="Quantity">
          <label>
            <input
              type="radio"
              name={`${name}-kind`}
              checked={!isWeight}
              onChange={() => onQuantity({ kind: 'logit', k: Math.min(1, classes - 1) })}
            />
            the loss in one logit
          </label>
          <label>
            <input type="radio" name={`${name}-kind`} checked={isWeight} onChange={() => onQuantity(defaultWeight())} />
            the loss in one weight of a 2-16-3 network
          </label>
        </div>
      </LecturerControl>
      {quantity.kind === 'logit' ? (
        <div className="select-row">
          <LecturerControl ids={['k']}>
            <label>
              logit{' '}
              <select value={quantity.k} onChange={(e) => onQuantity({ kind: 'logit', k: Number(e.currentTarget.value) })}>
                {Array.from({ length: classes }, (_, k) => (
                  <option key={k} value={k}>
                    z{k + 1}
                  </option>
                ))}
              </select>
            </label>
          </LecturerControl>
          <span className="hint-inline">at the logits and label you set in the earlier chapters</span>
        </div>
      ) : (
        <>
          <div className="select-row">
            <LecturerControl ids={['layer']}>
              <label>
                layer{' '}
                <select value={quantity.layer} onChange={(e) => setWeight(e.currentTarget.value as Layer, quantity.row, quantity.col)}>
                  {(['w1', 'w2'] as const).map((layer) => (
                    <option key={layer} value={layer}>
                      {LAYER_NAMES[layer]}
                    </option>
                  ))}
                </select>
              </label>
            </LecturerControl>
            <LecturerControl ids={['row']}>
              <label>
                row{' '}
                <select value={quantity.row} onChange={(e) => setWeight(quantity.layer, Number(e.currentTarget.value), quantity.col)}>
                  {Array.from({ length: rows }, (_, r) => (
                    <option key={r} value={r}>
                      {r + 1}
                    </option>
                  ))}
                </select>
              </label>
            </LecturerControl>
            <LecturerControl ids={['col']}>
              <label>
                column{' '}
                <select value={quantity.col} onChange={(e) => setWeight(quantity.layer, quantity.row, Number(e.currentTarget.value))}>
                  {Array.from({ length: cols }, (_, c) => (
                    <option key={c} value={c}>
                      {c + 1}
                    </option>
                  ))}
                </select>
              </label>
            </LecturerControl>
          </div>
          <p className="hint">
            ReLU network, seeded weights, one sample x = ({formatNumber(x[0] ?? NaN, 3)}, {formatNumber(x[1] ?? NaN, 3)}) of
            class {label + 1}; the analytic gradient comes from the backward pass of chapter 8.
          </p>
        </>
      )}
    </fieldset>
  );
}
